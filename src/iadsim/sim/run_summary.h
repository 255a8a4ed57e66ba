#pragma once
// The outcome of one run, derived from its event stream (and the radars' first-detection times):
// what was detected, tracked, identified as what, engaged, hit; whether any friendly or civil
// aircraft was fired on or lost. After-action truth: the `truth_entity` of each event.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/sim/recorder.h"
#include "iadsim/world/world.h"

namespace iadsim {

struct AircraftOutcome {
  std::string name, side, type, affiliation;
  std::optional<double> first_detected_s;
  std::optional<double> first_tracked_s;
  std::vector<std::string> identities;  // successive identities given to tracks on it, by any unit
  int engagements = 0;                  // engagement orders against tracks on it
  int missiles_launched_at = 0;
  std::optional<double> destroyed_s;
};

struct RunSummary {
  std::string scenario;
  std::uint64_t seed = 0, replication = 0;
  double duration_s = 0;
  int missiles_launched = 0;
  int aircraft_destroyed = 0;
  std::vector<AircraftOutcome> aircraft;
  std::vector<std::string> friendly_or_civil_engaged;   // names
  std::vector<std::string> friendly_or_civil_destroyed;
  std::uint64_t events = 0;
  std::uint64_t engine_wakeups = 0;
};

// Passes everything on to `next` and builds the summary from the events as they go by.
class SummaryRecorder final : public Recorder {
 public:
  SummaryRecorder(const World& world, Recorder* next) : world_(world), next_(next) {}
  void OnEvent(const Event& event) override;
  void OnTruth(const TruthSample& s) override { next_->OnTruth(s); }
  void OnTrack(const TrackSample& s) override { next_->OnTrack(s); }
  // The types the summary reads (track_confirmed, identity_changed, engagement_ordered,
  // missile_launched, entity_destroyed) and those `next` reads; the others are counted.
  bool ReadsEvent(std::string_view type) const override;
  void OnUnreadEvent(SimTime t, std::string_view type) override;
  bool ReadsTracks() const override { return next_->ReadsTracks(); }
  // Completes the summary (first detections are entity-indexed, Max() = never).
  RunSummary Finish(RunSummary base, const std::vector<SimTime>& first_detection) const;

 private:
  AircraftOutcome& Outcome(std::int64_t entity);
  const World& world_;
  Recorder* next_;
  std::map<std::int64_t, AircraftOutcome> outcomes_;           // by entity id
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> engagement_target_;  // (unit, engagement) -> entity
  int launched_ = 0, destroyed_ = 0;
  std::uint64_t events_ = 0;
};

}  // namespace iadsim
