#pragma once
// Reads a run directory back (the files RunWriter writes: summary.json, events.jsonl, truth.csv,
// tracks.csv) for the exporters, and joins it with the scenario into one replay description:
// every aircraft and missile with its samples, side, affiliation, launch, target and end.
//
// Refusals (ScenarioError, exit 2 at the CLI), never a partial replay:
//  - no summary.json: the run is incomplete (interrupted or still running);
//  - a line of events.jsonl that is not a JSON object with "t" and "type": file:line:col;
//  - a CSV row with the wrong number of fields or a field that is not a number: file:line;
//  - a scenario whose name differs from the run's.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/geodesy/geodetic.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

struct RunEvent {
  double t_s = 0.0;
  std::string type;
  nlohmann::json fields;  // the whole line's object
  int line = 0;           // 1-based line in events.jsonl
};

struct TruthRow {
  double t_s = 0.0;
  std::uint32_t entity = 0;
  std::string name, kind;  // kind: "aircraft" or "missile"
  Geodetic geo;
  Vec3 v_enu = Vec3::Zero();
};

struct TrackRow {
  double t_s = 0.0;
  std::string unit;
  std::uint32_t track = 0;
  Geodetic geo;
  Vec3 v_enu = Vec3::Zero();
  std::string identity;  // pending, unknown, friend, neutral, suspect, hostile, ...
};

struct RunData {
  std::filesystem::path dir;
  nlohmann::json summary;
  std::vector<RunEvent> events;  // in file order (time-ordered)
  std::vector<TruthRow> truth;   // in file order (time-ordered)
  std::vector<TrackRow> tracks;  // in file order
};

// Throws ScenarioError naming the file (and line, column) of every refusal above.
RunData ReadRunDirectory(const std::filesystem::path& dir);

// RFC 4180 fields (quoted fields may hold commas, quotes doubled, newlines). Each record carries
// the 1-based line on which it starts. Throws ScenarioError on an unterminated quote.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
  std::vector<std::pair<int, int>> places;  // each field's (line, column) where it starts, 1-based
};
std::vector<CsvRecord> ParseCsv(const std::string& text, const std::string& file);
// The same records handed to `fn` one at a time, none kept.
void ForEachCsvRecord(const std::string& text, const std::string& file, const std::function<void(const CsvRecord&)>& fn);

// One aircraft or missile of the run, joined from truth.csv, events.jsonl, summary.json and the
// scenario.
struct ReplayEntity {
  std::uint32_t id = 0;
  std::string name, kind, side, type;
  std::string affiliation;  // aircraft: hostile/friendly/civil/neutral (truth); missile: "defence"
  std::vector<std::size_t> samples;  // indices into RunData::truth, in time order
  std::optional<double> destroyed_s;  // entity_destroyed
  // Missiles only.
  std::string unit, launcher;
  std::int64_t engagement = -1, target = -1;  // target: the truth entity of the engagement, -1 unknown
  double launch_s = 0.0;
  std::optional<double> detonated_s;
  std::string detonation_reason;
  std::optional<double> miss_distance_m;
  std::int64_t nearest_entity = -1;
  std::uint32_t fire_event = 0;  // 1-based launch count, in launch order
};

struct Replay {
  std::string scenario, start_utc;
  double duration_s = 0.0;
  std::map<std::uint32_t, ReplayEntity> entities;  // by id
};

// The scenario must be the run's (same name) else ScenarioError.
Replay BuildReplay(const RunData& run, const Scenario& scenario);

// Writes text to path.tmp then renames it to path: an export is whole or absent, a failure never
// leaves a half file. A file that cannot be created is a ScenarioError naming it and the system's
// reason (exit 2); a write that fails (a full disk) is an OutputError (exit 1).
void WriteFileAtomically(const std::filesystem::path& path, const std::string& text);
// An output the user did not ask to replace: ScenarioError "exists; pass --force to overwrite it".
void RefuseToOverwrite(const std::filesystem::path& path, bool force);

// "2018-09-17T18:30:00Z" + t_s -> "2018-09-17T18:30:12.500Z" (millisecond resolution).
std::string IsoTimePlus(const std::string& start_utc, double t_s);

// Heading (deg, clockwise from north, [0, 360)) and pitch (deg, up positive) of a velocity;
// 0 for a velocity under 1e-6 m/s.
double HeadingDeg(const Vec3& v_enu);
double PitchDeg(const Vec3& v_enu);

}  // namespace iadsim
