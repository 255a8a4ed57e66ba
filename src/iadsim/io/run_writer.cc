#include "iadsim/io/run_writer.h"

#include "iadsim/core/error.h"
#include "iadsim/io/event_json.h"
#include "iadsim/io/fixed_decimal.h"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace iadsim {
namespace {

using Json = nlohmann::ordered_json;

std::ofstream Open(const std::filesystem::path& p) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  if (!out) throw ScenarioError({CannotCreate(p.string(), errno)});
  return out;
}

}  // namespace

RunWriter::RunWriter(const std::filesystem::path& dir, bool force) : dir_(dir) {
  namespace fs = std::filesystem;
  const auto refuse = [&](std::string message) {
    Problem p;
    p.file = dir.string();
    p.message = std::move(message);
    throw ScenarioError({p});
  };
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
    if (!force) refuse("exists and is not empty; pass --force to overwrite it");
    fs::remove(dir / "summary.json", ec);
  }
  if (fs::create_directories(dir, ec); ec) refuse("cannot be created: " + ec.message());
  events_ = Open(dir / "events.jsonl");
  truth_ = Open(dir / "truth.csv");
  tracks_ = Open(dir / "tracks.csv");
  truth_ << "time_s,entity,name,kind,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps\n";
  tracks_ << "time_s,unit,track,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps,identity\n";
}

// A write that failed (a full disk) stops the run at once, naming the file and the reason; the
// directory is left without summary.json, so it reads as incomplete.
void RunWriter::Check(const std::ofstream& out, const char* name) const {
  if (out) return;
  const int err = errno;
  throw OutputError(CannotWrite((dir_ / name).string(), err) +
                    "; the run stopped and its directory is incomplete (no summary.json)");
}

void RunWriter::OnEvent(const Event& e) {
  events_ << EventJson(e) << '\n';
  Check(events_, "events.jsonl");
}

namespace {
// A CSV field: as it is, or quoted (inner quotes doubled) when it holds a comma, quote or newline.
void AppendQuoted(const std::string& s, std::string& out) {
  if (s.find_first_of(",\"\n") == std::string::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendInteger(std::uint64_t v, std::string& out) {
  char text[24];
  out.append(text, std::to_chars(text, text + sizeof text, v).ptr);
}

// lat,lon (7 decimals),alt,v_east,v_north,v_up (2 decimals)
void AppendNumbers(const Geodetic& geo, const Vec3& v_enu, std::string& l) {
  AppendFixed(geo.lat_deg, 7, l);
  l += ',';
  AppendFixed(geo.lon_deg, 7, l);
  for (double x : {geo.alt_m, v_enu.x(), v_enu.y(), v_enu.z()}) {
    l += ',';
    AppendFixed(x, 2, l);
  }
}
}  // namespace

// The CSV lines, byte for byte what fmt's "{:.6f},{},..." wrote (io/fixed_decimal.h), built in
// one reused buffer: one line per aircraft or track and step is the run writer's hot path.
void RunWriter::OnTruth(const TruthSample& s) {
  std::string& l = line_;
  l.clear();
  AppendFixed(s.time.seconds(), 6, l);
  l += ',';
  AppendInteger(s.entity, l);
  l += ',';
  AppendQuoted(s.name, l);
  l += ',';
  l += s.kind;
  l += ',';
  AppendNumbers(s.geo, s.v_enu, l);
  l += '\n';
  truth_.write(l.data(), static_cast<std::streamsize>(l.size()));
  Check(truth_, "truth.csv");
}

void RunWriter::OnTrack(const TrackSample& s) {
  std::string& l = line_;
  l.clear();
  AppendFixed(s.time.seconds(), 6, l);
  l += ',';
  AppendQuoted(s.unit, l);
  l += ',';
  AppendInteger(s.track, l);
  l += ',';
  AppendNumbers(s.geo, s.v_enu, l);
  l += ',';
  l += s.identity;
  l += '\n';
  tracks_.write(l.data(), static_cast<std::streamsize>(l.size()));
  Check(tracks_, "tracks.csv");
}

std::string SummaryJson(const RunSummary& s) {
  Json j;
  j["scenario"] = s.scenario;
  j["seed"] = s.seed;
  j["replication"] = s.replication;
  j["duration_s"] = s.duration_s;
  j["missiles_launched"] = s.missiles_launched;
  j["aircraft_destroyed"] = s.aircraft_destroyed;
  j["friendly_or_civil_engaged"] = s.friendly_or_civil_engaged;
  j["friendly_or_civil_destroyed"] = s.friendly_or_civil_destroyed;
  Json list = Json::array();
  for (const AircraftOutcome& o : s.aircraft) {
    Json a;
    a["name"] = o.name;
    a["side"] = o.side;
    a["type"] = o.type;
    a["affiliation"] = o.affiliation;
    a["first_detected_s"] = o.first_detected_s ? Json(*o.first_detected_s) : Json(nullptr);
    a["first_tracked_s"] = o.first_tracked_s ? Json(*o.first_tracked_s) : Json(nullptr);
    a["identities"] = o.identities;
    a["engagements"] = o.engagements;
    a["missiles_launched_at"] = o.missiles_launched_at;
    a["destroyed_s"] = o.destroyed_s ? Json(*o.destroyed_s) : Json(nullptr);
    list.push_back(a);
  }
  j["aircraft"] = list;
  j["events"] = s.events;
  j["engine_wakeups"] = s.engine_wakeups;
  return j.dump(2) + "\n";
}

void RunWriter::Finish(const RunSummary& summary) {
  events_.close();
  Check(events_, "events.jsonl");
  truth_.close();
  Check(truth_, "truth.csv");
  tracks_.close();
  Check(tracks_, "tracks.csv");
  const auto tmp = dir_ / "summary.json.tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << SummaryJson(summary);
    out.close();
    Check(out, "summary.json.tmp");
  }
  std::filesystem::rename(tmp, dir_ / "summary.json");
}

}  // namespace iadsim
