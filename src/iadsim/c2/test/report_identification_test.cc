// Self-reported positions in C2: correlation with tracks inside a 3-dof chi-square gate, and
// identification rules 2 (datalink report -> FRIEND, evidence naming the callsign) and 3 (ADS-B
// report -> adsb_identity, NEUTRAL by default). Tracks come from a real tracker fed with exact
// detections of two stationary targets; the gate is checked against the chi-square quantile
// 16.27 (3 dof, 0.999; Abramowitz & Stegun table 26.8).
#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cmath>

#include "iadsim/c2/identification.h"
#include "iadsim/c2/report_correlation.h"
#include "iadsim/c2/test/evaluate_all.h"

namespace iadsim {
namespace {

const Geodetic kOrigin{34.0, 36.0, 0.0};
const Vec3 kTargetA(20e3, 60e3, 8000.0);   // ENU of the tracker frame, m
const Vec3 kTargetB(-30e3, 40e3, 5000.0);

// Three looks at two motionless targets: both tracks confirmed (3 of 4).
Tracker TwoConfirmedTracks() {
  TrackerConfig config;
  config.origin = kOrigin;
  config.initial_speed_sigma_mps = 50.0;
  Tracker tracker(config);
  for (int k = 0; k < 3; ++k) {
    DetectionBatch b;
    b.sensor = SensorId(1);
    b.sensor_position = kOrigin;
    b.start = SimTime() + Duration::Seconds(10.0 * k);
    b.end = b.start + Duration::Seconds(10.0);
    b.az_from_rad = 0.0;
    b.az_to_rad = 2.0 * 3.14159265358979 - 1e-9;
    b.max_range_m = 200e3;
    for (const Vec3& p : {kTargetA, kTargetB}) {
      const Polar polar = PolarFromEnu(p);
      Detection d;
      d.time = b.start + Duration::Seconds(1.0);
      d.sensor = b.sensor;
      d.sensor_position = kOrigin;
      d.range_m = polar.range_m;
      d.azimuth_rad = polar.azimuth_rad;
      d.elevation_rad = polar.elevation_rad;
      d.sigma_range_m = 50.0;
      d.sigma_azimuth_rad = d.sigma_elevation_rad = 0.002;
      b.detections.push_back(d);
    }
    tracker.Process(b);
  }
  return tracker;
}

PositionReport Report(ReportSource source, const Vec3& enu, const std::string& callsign) {
  PositionReport r;
  r.source = source;
  r.network = source == ReportSource::kAdsb ? "adsb" : "link16";
  r.address = 0x4CA123;
  r.callsign = callsign;
  r.time_of_validity = SimTime() + Duration::Seconds(25.0);
  r.time_received = r.time_of_validity + Duration::Seconds(2.0);
  r.position = LocalFrame(kOrigin).GeodeticFromEnu(enu);
  r.sigma_horizontal_m = r.sigma_vertical_m = 30.0;
  return r;
}

TEST(ReportIdentification, ReportsCorrelateWithTheNearestTrackInsideTheGate) {
  const Tracker tracker = TwoConfirmedTracks();
  ASSERT_EQ(tracker.tracks().size(), 2u);
  for (const TrackState& t : tracker.tracks()) ASSERT_EQ(t.status, TrackStatus::kConfirmed);
  const TrackId a = tracker.tracks()[0].id, b = tracker.tracks()[1].id;
  const std::vector<PositionReport> reports{
      Report(ReportSource::kDatalink, kTargetB + Vec3(40.0, -30.0, 20.0), "VIPER11"),
      Report(ReportSource::kAdsb, kTargetA + Vec3(-50.0, 20.0, 0.0), "EIN123"),
      Report(ReportSource::kAdsb, kTargetA + Vec3(0.0, 15e3, 0.0), "FAR1")};  // 15 km from every track
  const ReportCorrelation c = CorrelateReports(tracker, reports);
  ASSERT_EQ(c.pairs.size(), 2u);
  EXPECT_EQ(c.pairs[0].report, 0u);
  EXPECT_EQ(c.pairs[0].track, b);
  EXPECT_EQ(c.pairs[1].report, 1u);
  EXPECT_EQ(c.pairs[1].track, a);
  EXPECT_LT(c.pairs[1].d2, 16.27);
  ASSERT_EQ(c.uncorrelated.size(), 1u);
  EXPECT_EQ(c.uncorrelated[0], 2u);

  // d^2 by hand for the ADS-B report: nu' (P + R) ^-1 nu with P the track's predicted covariance.
  const auto [x, P] = tracker.Predict(a, reports[1].time_of_validity);
  const Vec3 nu = LocalFrame(kOrigin).EnuFromGeodetic(reports[1].position) - x.head<3>();
  Eigen::Matrix3d S = P.topLeftCorner<3, 3>();
  S.diagonal() += Vec3::Constant(30.0 * 30.0 + 1.0);
  EXPECT_NEAR(c.pairs[1].d2, nu.dot(S.inverse() * nu), 1e-6 * c.pairs[1].d2);
}

TEST(ReportIdentification, DatalinkMakesFriendAdsbMakesNeutral) {
  const Tracker tracker = TwoConfirmedTracks();
  const TrackId a = tracker.tracks()[0].id, b = tracker.tracks()[1].id;
  const std::vector<PositionReport> reports{Report(ReportSource::kDatalink, kTargetB, "VIPER11"),
                                            Report(ReportSource::kAdsb, kTargetA, "EIN123")};
  Identifier id(IdentificationRules{});
  id.AddReportEvidence(reports, CorrelateReports(tracker, reports));
  // Both fast and inbound: the reports still win over behaviour.
  const std::vector<ThreatAssessment> threats{{a, 0, 60.0, 1000.0, true}, {b, 0, 60.0, 1000.0, true}};
  const auto changes = EvaluateAll(id, SimTime() + Duration::Seconds(30.0), threats, {300.0, 300.0});
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].track, a);
  EXPECT_EQ(changes[0].to, Identity::kNeutral);
  EXPECT_NE(changes[0].evidence.find("ADS-B 4CA123 EIN123"), std::string::npos) << changes[0].evidence;
  EXPECT_EQ(changes[1].track, b);
  EXPECT_EQ(changes[1].to, Identity::kFriend);
  EXPECT_NE(changes[1].evidence.find("VIPER11 on datalink 'link16'"), std::string::npos) << changes[1].evidence;
  EXPECT_EQ(id.IdentityOf(a), Identity::kNeutral);
  EXPECT_EQ(id.IdentityOf(b), Identity::kFriend);

  // adsb_identity is a setting: a scenario may take ADS-B as UNKNOWN (spoofable).
  IdentificationRules rules;
  rules.adsb_identity = Identity::kUnknown;
  Identifier strict(rules);
  const std::vector<PositionReport> adsb{Report(ReportSource::kAdsb, kTargetA, "EIN123")};
  strict.AddReportEvidence(adsb, CorrelateReports(tracker, adsb));
  EvaluateAll(strict, SimTime() + Duration::Seconds(30.0), {threats[0]}, {300.0});
  EXPECT_EQ(strict.IdentityOf(a), Identity::kUnknown);

  // A datalink report outranks ADS-B on the same track (rule 2 before rule 3).
  Identifier both(IdentificationRules{});
  const std::vector<PositionReport> two{Report(ReportSource::kAdsb, kTargetA, "EIN123"),
                                        Report(ReportSource::kDatalink, kTargetA, "VIPER12")};
  both.AddReportEvidence(two, CorrelateReports(tracker, two));
  EvaluateAll(both, SimTime() + Duration::Seconds(30.0), {threats[0]}, {300.0});
  EXPECT_EQ(both.IdentityOf(a), Identity::kFriend);
}

// The kinematics are asked for only by the rules that read them: a track its report decides is not
// asked about, one without evidence is (behaviour rule). The changes, written out: at 30 s A is
// fast (300 m/s >= 250) and inbound (CPA 1 km <= 20 km) since now, suspect; B's datalink report
// makes it friend; at 60 s A's behaviour has held 30 s >= hostile_delay 20 s: hostile.
TEST(ReportIdentification, KinematicsAskedOnlyWhenARuleNeedsThem) {
  const Tracker tracker = TwoConfirmedTracks();
  const TrackId a = tracker.tracks()[0].id, b = tracker.tracks()[1].id;
  const std::vector<PositionReport> reports{Report(ReportSource::kDatalink, kTargetB, "VIPER11")};
  IdentificationRules rules;
  rules.has_iff = false;  // the behaviour rule applies at once to a track without evidence
  Identifier lazy(rules);
  lazy.AddReportEvidence(reports, CorrelateReports(tracker, reports));
  const std::vector<ThreatAssessment> threats{{a, 0, 60.0, 1000.0, true}, {b, 0, 60.0, 1000.0, true}};
  const std::vector<double> speeds{300.0, 300.0};
  const std::vector<std::pair<Vec3, Vec3>> kin{{kTargetA, Vec3(-300.0, 0.0, 0.0)}, {kTargetB, Vec3(300.0, 0.0, 0.0)}};
  struct Want {
    TrackId track;
    Identity from, to;
    const char* evidence;  // a phrase of it
  };
  const std::vector<Want> want_at[2] = {
      {{a, Identity::kPending, Identity::kSuspect, "300 m/s, inbound to asset"},
       {b, Identity::kPending, Identity::kFriend, "own-position report of VIPER11 on datalink 'link16'"}},
      {{a, Identity::kSuspect, Identity::kHostile, "behaviour held 30 s (rule: 20 s)"}}};
  std::vector<int> asked(2, 0);
  for (int step = 0; step < 2; ++step) {
    const SimTime now = SimTime() + Duration::Seconds(step == 0 ? 30.0 : 60.0);
    const std::vector<Want>& want = want_at[step];
    const std::vector<TrackId> ids{a, b};
    const auto got = lazy.Evaluate(now, ids, [&](std::size_t i) {
      ++asked[i];
      return Identifier::Kinematics{&threats[i], speeds[i], &kin[i]};
    });
    ASSERT_EQ(got.size(), want.size()) << step;
    for (std::size_t k = 0; k < got.size(); ++k) {
      EXPECT_EQ(got[k].track, want[k].track);
      EXPECT_EQ(got[k].from, want[k].from);
      EXPECT_EQ(got[k].to, want[k].to);
      EXPECT_NE(got[k].evidence.find(want[k].evidence), std::string::npos) << got[k].evidence;
    }
  }
  EXPECT_GT(asked[0], 0);   // A: no evidence, the behaviour rule reads its kinematics
  EXPECT_EQ(asked[1], 0);   // B: its datalink report decides
  EXPECT_EQ(lazy.IdentityOf(a), Identity::kHostile);  // fast and inbound for 30 s (hostile_delay 20 s)
  EXPECT_EQ(lazy.IdentityOf(b), Identity::kFriend);
}

PositionReport NetworkTrack(const Vec3& enu, const std::string& node, const std::string& identity) {
  PositionReport r = Report(ReportSource::kNetwork, enu, node + "#7");
  r.network = "ad-net";
  r.sender_unit = node;
  r.identity = identity;
  return r;
}

// Rule N: an accepted node's identity, received over a network link and correlated with the
// track, outranks ADS-B, Mode 3/A and behaviour; a node not accepted (the command post then
// passes no `via`) is ignored; the unit's own
// datalink evidence outranks the node; a disagreement with the unit's own evidence is reported
// once per pair of identities.
TEST(ReportIdentification, AcceptedNetworkNodeIdentityAndConflicts) {
  const Tracker tracker = TwoConfirmedTracks();
  const TrackId a = tracker.tracks()[0].id, b = tracker.tracks()[1].id;
  IdentificationRules rules;
  Identifier id(rules);
  const std::vector<PositionReport> reports{Report(ReportSource::kAdsb, kTargetA, "EIN123"),
                                            NetworkTrack(kTargetA, "hmeimim-cp", "hostile")};
  id.AddReportEvidence(reports, CorrelateReports(tracker, reports), "hmeimim-cp");  // an accepted node's message
  const std::vector<PositionReport> rogue{NetworkTrack(kTargetB, "rogue-cp", "hostile")};
  id.AddReportEvidence(rogue, CorrelateReports(tracker, rogue));  // a node not accepted: no `via`
  EXPECT_EQ(id.NetworkIdentityOf(a), Identity::kHostile);
  EXPECT_FALSE(id.NetworkIdentityOf(b).has_value());
  const std::vector<ThreatAssessment> threats{{a, 0, 60.0, 1000.0, true}, {b, 0, 600.0, 90000.0, false}};
  const auto changes = EvaluateAll(id, SimTime() + Duration::Seconds(30.0), threats, {200.0, 200.0});
  EXPECT_EQ(id.IdentityOf(a), Identity::kHostile);
  ASSERT_FALSE(changes.empty());
  EXPECT_NE(changes[0].evidence.find("received from network node hmeimim-cp"), std::string::npos) << changes[0].evidence;
  ASSERT_EQ(id.conflicts().size(), 1u);  // own ADS-B says neutral, the node says hostile
  EXPECT_EQ(id.conflicts()[0].track, a);
  EXPECT_EQ(id.conflicts()[0].local, Identity::kNeutral);
  EXPECT_EQ(id.conflicts()[0].remote, Identity::kHostile);
  EXPECT_EQ(id.conflicts()[0].from_unit, "hmeimim-cp");
  EvaluateAll(id, SimTime() + Duration::Seconds(40.0), threats, {200.0, 200.0});
  EXPECT_TRUE(id.conflicts().empty());  // reported once
  EXPECT_NE(id.IdentityOf(b), Identity::kHostile);  // the rogue node is not accepted

  // The unit's own datalink report outranks the node.
  Identifier own(rules);
  const std::vector<PositionReport> mixed{Report(ReportSource::kDatalink, kTargetA, "VIPER11"),
                                          NetworkTrack(kTargetA, "hmeimim-cp", "hostile")};
  own.AddReportEvidence(mixed, CorrelateReports(tracker, mixed), "hmeimim-cp");
  EvaluateAll(own, SimTime() + Duration::Seconds(30.0), {threats[0]}, {200.0});
  EXPECT_EQ(own.IdentityOf(a), Identity::kFriend);
}

// Rule 3b: a filed flight plan puts its aircraft where the track is -> flight_plan_identity.
TEST(ReportIdentification, FiledFlightPlanMakesNeutral) {
  const Tracker tracker = TwoConfirmedTracks();
  const TrackId a = tracker.tracks()[0].id;
  PositionReport plan = Report(ReportSource::kFlightPlan, kTargetA + Vec3(2000.0, -1500.0, 300.0), "PS752");
  plan.network = "flight-plans";
  plan.sigma_horizontal_m = plan.sigma_vertical_m = 5000.0;
  const std::vector<PositionReport> reports{plan};
  Identifier id(IdentificationRules{});
  id.AddReportEvidence(reports, CorrelateReports(tracker, reports));
  const auto changes = EvaluateAll(id, SimTime() + Duration::Seconds(30.0), {{a, 0, 60.0, 1000.0, true}}, {300.0});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].to, Identity::kNeutral);
  EXPECT_NE(changes[0].evidence.find("filed flight plan of PS752"), std::string::npos) << changes[0].evidence;
}

// Behaviour narrowed by altitude and point of origin: fast and inbound is hostile behaviour only
// at or below hostile_max_altitude and when first seen inside a hostile origin.
TEST(ReportIdentification, BehaviourNeedsTheStatedAltitudeAndPointOfOrigin) {
  const Tracker tracker = TwoConfirmedTracks();
  const TrackId a = tracker.tracks()[0].id, b = tracker.tracks()[1].id;  // A at 8000 m, B at 5000 m
  const std::vector<ThreatAssessment> threats{{a, 0, 60.0, 1000.0, true}, {b, 0, 60.0, 1000.0, true}};
  const std::vector<std::pair<Vec3, Vec3>> kin{{kTargetA, Vec3(0, -300, 0)}, {kTargetB, Vec3(0, -300, 0)}};
  IdentificationRules rules;
  rules.has_iff = false;
  rules.hostile_origins = {{"sea", kTargetB + Vec3(3000.0, 0.0, 0.0), 5000.0}};  // B's origin only
  Identifier origin(rules);
  EvaluateAll(origin, SimTime() + Duration::Seconds(30.0), threats, {300.0, 300.0}, kin);
  EXPECT_EQ(origin.IdentityOf(a), Identity::kUnknown);
  EXPECT_EQ(origin.IdentityOf(b), Identity::kSuspect);
  rules.hostile_origins.clear();
  rules.hostile_max_altitude_m = 6000.0;  // A flies above it
  Identifier altitude(rules);
  const auto changes = EvaluateAll(altitude, SimTime() + Duration::Seconds(30.0), threats, {300.0, 300.0}, kin);
  EXPECT_EQ(altitude.IdentityOf(a), Identity::kUnknown);
  EXPECT_EQ(altitude.IdentityOf(b), Identity::kSuspect);
  EXPECT_NE(changes[0].evidence.find("above 6000 m"), std::string::npos) << changes[0].evidence;
}

}  // namespace
}  // namespace iadsim
