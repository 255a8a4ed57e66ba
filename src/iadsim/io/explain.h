#pragma once
// The causal story of every shot of a finished run (`iadsim explain`, issue 8 §4): for each missile,
// the chain track -> identity (with its evidence) -> operator decision -> hold -> order -> launch ->
// seeker -> fuze -> result, and for each aircraft destroyed, the shot that killed it. After-action
// only: it reads the run directory (events.jsonl, truth.csv for names) and joins events by
// (unit, track), (unit, engagement) and missile id; it computes no physics.
//
// Sources of each part (events of the issue-8 contract):
//   track_confirmed (sensor, detections), identity_changed (evidence), network_identity,
//   identity_conflict, operator_decision, engagement_held, engagement_ordered (control, rule),
//   missile_launched (launcher, guidance), seeker_locked / seeker_lost (echoes), engagement_revoked
//   (action, identity, rule), self_destruct_failed, missile_detonated, entity_destroyed. Fields that an older run lacks (sensor, rule, guidance, ...)
//   are shown as unknown; a required id of the wrong type is refused (ScenarioError, file:line:col).
//
// Names, not ids: an entity id is named by the truth.csv rows (every aircraft and missile), a missile
// by missile_launched.missile_name; an id with neither is "entity N".
//
// Relative echo power: relative_db = P_echo[dBW] - P_held[dBW] (the entity the seeker holds after the
// event); relative_to_intended_db = P_held - P_intended when the seeker holds another aircraft than
// the one the track truly was (e.g. an Il-20 echo 9 dB above the F-16 it was fired at: +9.0 dB).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/io/explain_strike.h"
#include "iadsim/io/run_reader.h"

namespace iadsim {

struct ExplainEcho {
  std::string entity;
  double power_dbw = 0.0;
  std::optional<double> relative_db;  // to the held echo (none for a loss without a held echo)
  bool in_beam = false, in_gate = false;
};

struct SeekerStep {
  double t_s = 0.0;
  int line = 0;         // events.jsonl line (time-ordering key)
  std::string change;   // "locked" | "lost"
  std::string reason;   // before_launch | after_launch | reacquired | captured | why it was lost
  std::optional<std::string> entity;
  std::optional<double> power_dbw;
  std::optional<double> relative_to_intended_db;  // locked on another aircraft than the intended one
  std::vector<ExplainEcho> echoes;                 // strongest first (stable for equal powers)
};

struct IdentityStep {  // identity_changed at the shooting unit
  double t_s = 0.0;
  int line = 0;
  std::string from, to, evidence;
};

struct NoteStep {  // network_identity, identity_conflict, engagement_held, engagement_revoked, self_destruct_failed
  double t_s = 0.0;
  int line = 0;
  std::string text;  // already in words, names resolved
};

struct OperatorStep {
  double t_s = 0.0;
  int line = 0;
  std::string call, doctrine, identity;
  bool wrong_call = false;
  std::optional<double> delay_s;
};

struct ShotStory {
  std::uint32_t missile_id = 0;
  std::string missile, unit;  // names
  std::int64_t engagement = -1, ordered_track = -1;
  // The ordered track at the unit: its confirmation.
  std::optional<double> confirmed_s;
  int confirmed_line = 0;
  std::string sensor;                      // "" = not recorded
  std::optional<std::int64_t> detections;  // detections that confirmed it
  std::vector<IdentityStep> identity;      // at this unit, up to the launch
  std::vector<NoteStep> network;           // network identities and conflicts, up to the launch
  std::vector<OperatorStep> decisions;     // up to the launch
  std::vector<NoteStep> holds;             // up to the launch
  // The order.
  std::optional<double> order_s;
  int order_line = 0;
  std::string order_identity, control, rule;
  std::optional<std::int64_t> rounds;
  // The launch.
  double launch_s = 0.0;
  int launch_line = 0;
  std::string launcher, guidance;  // guidance: "command" when the run does not say
  std::string identity_at_launch;
  std::vector<std::string> evidence;  // "t=..s from->to: evidence", up to the launch
  std::optional<std::string> intended_entity, locked_entity, destroyed_entity;
  std::vector<SeekerStep> seeker;
  std::vector<NoteStep> revocations;  // the engagement revoked by its unit (at most one)
  std::vector<NoteStep> self_destruct_failures;
  // The end.
  std::optional<double> detonation_s;
  int detonation_line = 0;
  std::string detonation_reason;
  std::optional<double> miss_distance_m;
  std::optional<std::string> nearest_entity;
  std::optional<double> destroyed_s;
  std::string destroyed_affiliation;
};

struct LossStory {
  std::string entity, affiliation;
  std::int64_t entity_id = 0;
  double time_s = 0.0;
  std::optional<std::string> by_missile;
  std::string unit;  // the unit that fired by_missile ("" unknown)
  // How that unit saw the victim up to the loss: each of its tracks whose truth was the victim
  // (confirmation, identity changes with evidence, network identities, conflicts), in time order,
  // each "t=..s track N ...".
  std::vector<std::string> picture;
};

struct Explanation {
  std::string scenario;
  std::optional<std::int64_t> seed;
  std::optional<std::string> entity_filter;
  std::vector<ShotStory> shots;   // in launch order
  std::vector<LossStory> losses;  // in time order
  StrikeStory strike;             // the attackers' weapons (explain_strike.h); empty without them
};

// The whole story of a run. Throws ScenarioError (events.jsonl:line:col) for a required id that is
// missing or of the wrong type, or a field of the wrong type.
Explanation ExplainRun(const RunData& run);

// Every entity name of the run (truth.csv, missile names, destroyed names), in id order, unique.
std::vector<std::string> KnownEntityNames(const RunData& run);

// Keeps the shots whose missile, intended, destroyed or any locked entity is `name`, and the losses
// of `name` or by a kept missile. Throws ScenarioError (path "--entity") listing the known names when
// `name` is not one of KnownEntityNames(run).
Explanation FilterByEntity(const Explanation& all, const RunData& run, const std::string& name);

// Plain words, one block per shot then the losses (the layout is documented with `iadsim explain`).
std::string ExplainText(const Explanation& e);

// explain.json (fields in docs): deterministic for a given run.
nlohmann::ordered_json ExplainJson(const Explanation& e);

// "41", "67.5", "351.92": seconds with at most two decimals, trailing zeros dropped.
std::string FormatSeconds(double t_s);

}  // namespace iadsim
