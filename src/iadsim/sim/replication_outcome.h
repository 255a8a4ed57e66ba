#pragma once
// The outcome measures of one replication, for Monte Carlo statistics (docs/results.md): computed
// from the run's summary and its notable events, in after-action truth. The field names are the
// column names of the public `replications` table.
//
// Definitions (truth affiliation of the aircraft, never the defence's identity of it):
//   leakers            hostile aircraft not destroyed by the end of the scenario's duration
//   hostile_destroyed  hostile aircraft destroyed
//   missiles_fired     interceptors launched by all units, at anything
//   missiles_per_kill  missiles_fired / hostile_destroyed; none if hostile_destroyed = 0
//   friendly_/civil_engaged  engagement orders on tracks whose truth is a friendly / civil-or-neutral aircraft
//   friendly_/civil_shots    missiles launched in those engagements
//   friendly_/civil_destroyed  friendly / civil-or-neutral aircraft destroyed
//   weapons_released         attackers' weapons released (glide bombs, cruise and anti-radiation
//                            missiles, decoys)
//   weapons_on_target        weapons that landed within their lethal radius of their target
//   weapons_intercepted      weapons destroyed in flight by interceptors (entity_destroyed)
//   mean_weapon_miss_m       mean miss distance of the weapons that landed; none if none did
//   ground_targets_destroyed ground targets destroyed
//   attackers_lost           hostile aircraft destroyed (= hostile_destroyed; weapons excluded)
//   defence_radars_lost      defence emitters (search and engagement radars) destroyed
//   interceptors_per_kill    missiles_fired / (hostile aircraft + weapons destroyed); none if 0
//   detect-to-identify time      for each hostile aircraft both detected and declared hostile:
//                                (first identity_changed to "hostile" on a track of it, any unit)
//                                − (first detection of it by any surveillance radar)
// The recorder keeps only the notable events (orders, launches, detonations, kills, revocations,
// identity changes); truth and track samples are dropped without building anything. Identity
// changes are also folded as they come into each aircraft's first change to hostile and last
// identity, so that a batch that does not store them (EventsKept) does not hold them either: the
// memory of a replication then grows with its decisions, not with its identity changes.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/sim/recorder.h"
#include "iadsim/sim/run_summary.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

// Which notable events a replication keeps as rows of the `events` table (`iadsim batch --events`);
// the measures are computed from all of them either way.
enum class EventsKept {
  kAll,        // every notable event (docs/results.md)
  kDecisions,  // all but identity_changed (tens of thousands per replication in a large raid)
  kNone,
};
const char* ToString(EventsKept e);  // "all", "decisions", "none"

// One row of the `events` table. `target` is the truth aircraft concerned ("" = none).
struct NotableEvent {
  double time_s = 0;
  std::string type, unit, target, affiliation, detail;
};

struct AircraftResult {
  std::string name, affiliation;
  std::optional<double> first_detected_s, first_tracked_s, first_hostile_s, destroyed_s;
  std::optional<std::string> final_identity;
  int engagements = 0, missiles_at = 0;
};

struct ReplicationOutcome {
  int hostile_aircraft = 0, leakers = 0, hostile_destroyed = 0, aircraft_destroyed = 0;
  int missiles_fired = 0;
  std::optional<double> missiles_per_kill;
  int engagements = 0, friendly_engaged = 0, civil_engaged = 0;
  int friendly_shots = 0, civil_shots = 0;
  int friendly_destroyed = 0, civil_destroyed = 0;
  int hostile_detected = 0, hostile_identified = 0;
  std::optional<double> mean_detect_to_id_s, max_detect_to_id_s, first_detection_s;
  int weapons_released = 0, weapons_on_target = 0, weapons_intercepted = 0, ground_targets_destroyed = 0;
  int attackers_lost = 0, defence_radars_lost = 0;
  std::optional<double> mean_weapon_miss_m, interceptors_per_kill;
  std::uint64_t events = 0, engine_wakeups = 0;
  std::vector<AircraftResult> aircraft;  // scenario order
  std::vector<NotableEvent> notable;     // time order
};

// What the identity changes said of one aircraft (any unit's track of it, after-action truth).
struct IdentityRecord {
  std::optional<double> first_hostile_s;  // the first change to hostile
  std::string last;                       // the identity of the last change
};

// Keeps the raw notable events of a run (entity ids resolved later by ComputeOutcome): every one
// but, unless `keep` is kAll, the identity changes, which it only folds into identities().
class OutcomeRecorder final : public Recorder {
 public:
  explicit OutcomeRecorder(EventsKept keep = EventsKept::kAll) : keep_(keep) {}
  void OnEvent(const Event& event) override;
  void OnTruth(const TruthSample&) override {}
  void OnTrack(const TrackSample&) override {}
  bool ReadsEvent(std::string_view type) const override;  // the notable types above
  bool ReadsTracks() const override { return false; }

  struct Raw {
    double time_s = 0;
    std::string type, unit, detail;
    std::int64_t truth = -1;       // aircraft entity id (1-based scenario order), or <= 0
    std::int64_t engagement = -1;  // engagement id (orders, launches, detonations)
    std::int64_t missile = -1;     // missile entity id (launches, detonations, kills), or munition
    double value = 0.0;            // weapon impacts: the miss distance, m
  };
  const std::vector<Raw>& raw() const { return raw_; }
  // By truth entity id, in the order of the events.
  const std::map<std::int64_t, IdentityRecord>& identities() const { return identities_; }
  EventsKept keep() const { return keep_; }

 private:
  EventsKept keep_;
  std::vector<Raw> raw_;
  std::map<std::int64_t, IdentityRecord> identities_;
};

// The measures of a run. `scenario` is the one that was run (aircraft entity i+1 = aircraft[i]);
// `notable` holds the events the recorder was asked to keep (none for EventsKept::kNone).
ReplicationOutcome ComputeOutcome(const Scenario& scenario, const RunSummary& summary, const OutcomeRecorder& recorder);

// Runs one replication with record_truth off and returns its measures.
ReplicationOutcome RunReplication(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
                                  EventsKept keep = EventsKept::kAll);

}  // namespace iadsim
