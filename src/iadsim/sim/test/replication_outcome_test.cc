// Outcome measures from a hand-written event sequence: every count and time below is worked out
// by hand from the events, not by the code under test.
#include "iadsim/sim/replication_outcome.h"

#include <gtest/gtest.h>

namespace iadsim {
namespace {

Scenario ThreeAircraft() {
  Scenario s;
  for (const auto& [name, aff] : {std::pair{"H1", Affiliation::kHostile}, {"H2", Affiliation::kHostile},
                                  {"Civ", Affiliation::kCivil}}) {
    AircraftSpec a;
    a.name = name;
    a.affiliation = aff;
    s.aircraft.push_back(a);
  }
  return s;
}

RunSummary Summary(const Scenario& s) {
  RunSummary r;
  for (const AircraftSpec& a : s.aircraft) {
    AircraftOutcome o;
    o.name = a.name;
    o.affiliation = ToString(a.affiliation);
    r.aircraft.push_back(o);
  }
  r.aircraft[0].first_detected_s = 10;
  r.aircraft[1].first_detected_s = 30;
  r.aircraft[2].first_detected_s = 5;
  r.aircraft[0].destroyed_s = 100;
  r.events = 42;
  r.engine_wakeups = 7;
  return r;
}

Event E(double t, const char* type) { return Event{SimTime() + Duration::Seconds(t), type}; }

OutcomeRecorder Story(EventsKept keep = EventsKept::kAll) {
  OutcomeRecorder rec(keep);
  rec.OnEvent(E(12, "track_confirmed").With("unit", std::string("U")).With("truth_entity", std::int64_t{1}));
  rec.OnEvent(E(25, "identity_changed").With("unit", std::string("U")).With("from", std::string("pending"))
                  .With("to", std::string("hostile")).With("truth_entity", std::int64_t{1}));
  rec.OnEvent(E(40, "identity_changed").With("unit", std::string("U")).With("from", std::string("pending"))
                  .With("to", std::string("suspect")).With("truth_entity", std::int64_t{2}));
  rec.OnEvent(E(70, "identity_changed").With("unit", std::string("U")).With("from", std::string("suspect"))
                  .With("to", std::string("hostile")).With("truth_entity", std::int64_t{2}));
  rec.OnEvent(E(26, "engagement_ordered").With("unit", std::string("U")).With("engagement", std::int64_t{1})
                  .With("identity", std::string("hostile")).With("truth_entity", std::int64_t{1}));
  rec.OnEvent(E(27, "engagement_ordered").With("unit", std::string("U")).With("engagement", std::int64_t{2})
                  .With("identity", std::string("hostile")).With("truth_entity", std::int64_t{3}));
  for (int m = 0; m < 3; ++m)  // two missiles at H1 (engagement 1), one at the airliner (engagement 2)
    rec.OnEvent(E(30 + m, "missile_launched").With("unit", std::string("U"))
                    .With("engagement", std::int64_t{m < 2 ? 1 : 2}).With("missile", std::int64_t{10 + m})
                    .With("missile_name", std::string("M")));
  rec.OnEvent(E(100, "missile_detonated").With("missile", std::int64_t{10}).With("engagement", std::int64_t{1})
                  .With("reason", std::string("proximity fuze")).With("miss_distance_m", 12.34)
                  .With("nearest_entity", std::int64_t{1}));
  rec.OnEvent(E(100, "entity_destroyed").With("entity", std::int64_t{1}).With("name", std::string("H1"))
                  .With("affiliation", std::string("hostile")).With("by_missile", std::int64_t{10}));
  return rec;
}

TEST(ReplicationOutcome, CountsAndTimesWorkedByHand) {
  const Scenario s = ThreeAircraft();
  const ReplicationOutcome o = ComputeOutcome(s, Summary(s), Story());
  EXPECT_EQ(o.hostile_aircraft, 2);
  EXPECT_EQ(o.hostile_destroyed, 1);       // H1
  EXPECT_EQ(o.leakers, 1);     // H2 survives
  EXPECT_EQ(o.missiles_fired, 3);
  ASSERT_TRUE(o.missiles_per_kill);
  EXPECT_DOUBLE_EQ(*o.missiles_per_kill, 3.0);
  EXPECT_EQ(o.engagements, 2);
  EXPECT_EQ(o.civil_engaged, 1);
  EXPECT_EQ(o.civil_shots, 1);
  EXPECT_EQ(o.friendly_engaged, 0);
  EXPECT_EQ(o.civil_destroyed, 0);
  EXPECT_EQ(o.hostile_detected, 2);
  EXPECT_EQ(o.hostile_identified, 2);
  // H1: 25 - 10 = 15 s; H2: 70 - 30 = 40 s (the first change to hostile, not the first identity).
  ASSERT_TRUE(o.mean_detect_to_id_s && o.max_detect_to_id_s);
  EXPECT_DOUBLE_EQ(*o.mean_detect_to_id_s, 27.5);
  EXPECT_DOUBLE_EQ(*o.max_detect_to_id_s, 40.0);
  EXPECT_DOUBLE_EQ(*o.first_detection_s, 5.0);
  EXPECT_EQ(o.aircraft[0].missiles_at, 2);
  EXPECT_EQ(o.aircraft[2].missiles_at, 1);
  EXPECT_EQ(o.aircraft[1].final_identity.value_or(""), "hostile");
  EXPECT_FALSE(o.aircraft[2].final_identity);
  EXPECT_EQ(o.events, 42u);
  // Notable events: 3 identity changes + 2 orders + 3 launches + detonation + kill (not the track).
  ASSERT_EQ(o.notable.size(), 10u);
  const NotableEvent& det = o.notable[8];
  EXPECT_EQ(det.type, "missile_detonated");
  EXPECT_EQ(det.unit, "U");  // the launching unit, found through the missile
  EXPECT_EQ(det.target, "H1");
  EXPECT_EQ(det.detail, "proximity fuze 12.3");
  EXPECT_EQ(o.notable[7].target, "Civ");  // the third launch, in the airliner's engagement
  EXPECT_EQ(o.notable[7].affiliation, "civil");
}

// A batch that keeps fewer events (EventsKept) computes the same measures: the identity changes are
// folded as they come, not kept. Decisions: the 7 notable rows without the 3 identity changes, in
// the same order; none: no row.
TEST(ReplicationOutcome, FewerEventsKeptSameMeasures) {
  const Scenario s = ThreeAircraft();
  const ReplicationOutcome all = ComputeOutcome(s, Summary(s), Story());
  const OutcomeRecorder decisions_rec = Story(EventsKept::kDecisions);
  EXPECT_EQ(decisions_rec.raw().size(), 7u);  // the identity changes folded, not held
  for (const EventsKept keep : {EventsKept::kDecisions, EventsKept::kNone}) {
    const ReplicationOutcome o = ComputeOutcome(s, Summary(s), Story(keep));
    EXPECT_EQ(o.hostile_identified, 2) << ToString(keep);
    EXPECT_DOUBLE_EQ(*o.mean_detect_to_id_s, 27.5) << ToString(keep);
    EXPECT_DOUBLE_EQ(*o.max_detect_to_id_s, 40.0) << ToString(keep);
    for (std::size_t i = 0; i < s.aircraft.size(); ++i) {
      EXPECT_EQ(o.aircraft[i].final_identity, all.aircraft[i].final_identity) << i;
      EXPECT_EQ(o.aircraft[i].first_hostile_s, all.aircraft[i].first_hostile_s) << i;
    }
    // From the story by hand: H1 hostile at 25 s; H2 suspect at 40 s, hostile at 70 s; the airliner never.
    EXPECT_EQ(o.aircraft[0].first_hostile_s, std::optional<double>(25.0));
    EXPECT_EQ(o.aircraft[1].first_hostile_s, std::optional<double>(70.0));
    EXPECT_EQ(o.aircraft[1].final_identity, std::optional<std::string>("hostile"));
    EXPECT_FALSE(o.aircraft[2].final_identity);
    EXPECT_FALSE(o.aircraft[2].first_hostile_s);
    EXPECT_EQ(o.civil_shots, 1);
    EXPECT_EQ(o.missiles_fired, 3);
  }
  const ReplicationOutcome decisions = ComputeOutcome(s, Summary(s), decisions_rec);
  std::vector<std::string> expected;
  for (const NotableEvent& e : all.notable)
    if (e.type != "identity_changed") expected.push_back(e.type + "/" + e.target + "/" + e.detail);
  std::vector<std::string> got;
  for (const NotableEvent& e : decisions.notable) got.push_back(e.type + "/" + e.target + "/" + e.detail);
  EXPECT_EQ(got, expected);
  EXPECT_TRUE(ComputeOutcome(s, Summary(s), Story(EventsKept::kNone)).notable.empty());
}

TEST(ReplicationOutcome, NoKillMeansNoMissilesPerKill) {
  const Scenario s = ThreeAircraft();
  RunSummary r = Summary(s);
  r.aircraft[0].destroyed_s.reset();
  const ReplicationOutcome o = ComputeOutcome(s, r, OutcomeRecorder());
  EXPECT_EQ(o.hostile_destroyed, 0);
  EXPECT_EQ(o.leakers, 2);
  EXPECT_FALSE(o.missiles_per_kill);
  EXPECT_FALSE(o.mean_detect_to_id_s);
}

// The recorder says it reads exactly the event types it keeps: a batch builds only those (the
// others are counted, Recorder::ReadsEvent), so a type it kept but did not declare would be lost.
// The notable types are the header's list; every other type the engine emits is not kept.
TEST(ReplicationOutcome, ReadsExactlyTheTypesItKeeps) {
  const std::vector<std::string> notable{"engagement_ordered", "missile_launched", "missile_detonated",
                                         "entity_destroyed",   "weapon_released",  "weapon_impact",
                                         "ground_target_destroyed", "emitter_destroyed", "identity_changed",
                                         "engagement_revoked"};
  const std::vector<std::string> others{
      "arm_lost_emitter", "attack_abandoned", "deconfliction_notice", "detections_merged", "engagement_aborted",
      "engagement_ended", "engagement_held", "gnss_lost", "gnss_regained", "identity_conflict", "iff_garbled",
      "jammer_destroyed", "launcher_reloaded", "network_identity", "operator_decision", "order_lost",
      "order_received", "radar_fix", "report_correlated", "route_changed", "run_finished", "rwr_warning",
      "seeker_lost", "self_destruct_failed", "track_confirmed", "track_dropped", "weapon_not_released"};
  for (const auto& [types, kept] : {std::pair{notable, true}, std::pair{others, false}}) {
    for (const std::string& type : types) {
      OutcomeRecorder rec;
      rec.OnEvent(E(1, type.c_str()));
      EXPECT_EQ(rec.raw().size(), kept ? 1u : 0u) << type;
      EXPECT_EQ(rec.ReadsEvent(type), kept) << type;
    }
  }
}

}  // namespace
}  // namespace iadsim
