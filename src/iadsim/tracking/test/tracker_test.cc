#include "iadsim/tracking/tracker.h"

#include <gtest/gtest.h>

#include <Eigen/Cholesky>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <regex>
#include <vector>

#include "iadsim/core/angle.h"
#include "iadsim/core/rng.h"
#include "iadsim/tracking/motion_model.h"
#include "iadsim/tracking/test/tracker_test_radar.h"

namespace iadsim {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

struct Scene {
  TrackerConfig config;
  LocalFrame frame{Geodetic{35.40, 35.90, 50.0}};
  Vec3 s_enu{10e3, -5e3, 30.0};
  Geodetic site = frame.GeodeticFromEnu(s_enu);
  // A: north of the radar, 61 km, flying east; B: south, 70 km, flying north. Far apart.
  Truth a{s_enu + Vec3(5e3, 60e3, 9e3), Vec3(200.0, 0.0, 0.0)};
  Truth b{s_enu + Vec3(-10e3, -70e3, 6e3), Vec3(0.0, 150.0, 0.0)};
  Scene() { config.origin = frame.origin(); }
};

// The scene after full scans 0-5 of A and B (both tracks confirmed by then: 3 of 4).
struct TwoTracked : Scene {
  Tracker tracker{config};
  TestRadar radar{frame, site};
  TwoTracked() {
    for (int k = 0; k <= 5; ++k) tracker.Process(radar.FullScan(k, 150e3, {a, b}));
  }
};

// Position and velocity errors of a track against the truth, each within 3 sigma.
void ExpectWithinThreeSigma(const TrackState& t, const Truth& truth) {
  const Vec3 dp = t.x.head<3>() - truth.At(t.time);
  const Vec3 dv = t.x.tail<3>() - truth.v;
  for (int i = 0; i < 3; ++i) {
    EXPECT_LE(std::abs(dp(i)), 3.0 * std::sqrt(t.P(i, i))) << "track " << t.id.value() << " axis " << i;
    EXPECT_LE(std::abs(dv(i)), 3.0 * std::sqrt(t.P(i + 3, i + 3))) << "track " << t.id.value() << " axis " << i;
  }
}

double PositionMahalanobis2(const TrackState& t, const Truth& truth) {
  const Vec3 dp = t.x.head<3>() - truth.At(t.time);
  return dp.dot(t.P.topLeftCorner<3, 3>().ldlt().solve(dp));
}

TEST(Tracker, ConfirmsTwoTargetsAfterMofNAndFollowsThem) {
  Scene s;
  Tracker tracker(s.config);
  TestRadar radar(s.frame, s.site);
  for (int k = 0; k < 20; ++k) {
    const TrackerUpdate u = tracker.Process(radar.FullScan(k, 150e3, {s.a, s.b}));
    ASSERT_EQ(tracker.tracks().size(), 2u) << "scan " << k;
    EXPECT_EQ(u.updated, (std::vector<TrackId>{TrackId(1), TrackId(2)}));
    EXPECT_TRUE(u.dropped.empty());
    // M = 3 of N = 4: the third look confirms, not earlier.
    EXPECT_EQ(u.confirmed, k == 2 ? (std::vector<TrackId>{TrackId(1), TrackId(2)}) : std::vector<TrackId>{});
    for (const TrackState& t : tracker.tracks()) {
      EXPECT_EQ(t.status, k >= 2 ? TrackStatus::kConfirmed : TrackStatus::kTentative);
      EXPECT_EQ(t.hits, k + 1);
      EXPECT_EQ(t.looks, k + 1);
      EXPECT_EQ(t.consecutive_misses, 0);
      EXPECT_EQ(t.last_sensor, SensorId(7));
    }
    // Track 1 is A (detected first in the sweep: azimuth 5 deg against 188 deg).
    if (k >= 2) {
      EXPECT_LE(PositionMahalanobis2(*tracker.Find(TrackId(1)), s.a), 16.27) << "scan " << k;  // chi2(3), 0.999
      EXPECT_LE(PositionMahalanobis2(*tracker.Find(TrackId(2)), s.b), 16.27) << "scan " << k;
    }
  }
  ExpectWithinThreeSigma(*tracker.Find(TrackId(1)), s.a);
  ExpectWithinThreeSigma(*tracker.Find(TrackId(2)), s.b);
  // After 20 looks the position is known to tens of metres, not kilometres.
  EXPECT_LT(std::sqrt(tracker.Find(TrackId(1))->P.topLeftCorner<3, 3>().trace()), 200.0);
}

TEST(Tracker, DropsAfterTheStatedMissesAndNeverReusesIds) {
  TwoTracked s;
  ASSERT_EQ(s.tracker.tracks().size(), 2u);
  // B is no longer detected from scan 6: misses at scans 6 and 7 keep it, the third drops it.
  for (int k = 6; k <= 7; ++k) {
    const TrackerUpdate u = s.tracker.Process(s.radar.FullScan(k, 150e3, {s.a}));
    EXPECT_TRUE(u.dropped.empty());
    ASSERT_NE(s.tracker.Find(TrackId(2)), nullptr);
    EXPECT_EQ(s.tracker.Find(TrackId(2))->consecutive_misses, k - 5);
    EXPECT_EQ(s.tracker.Find(TrackId(2))->status, TrackStatus::kConfirmed);
  }
  TrackerUpdate u = s.tracker.Process(s.radar.FullScan(8, 150e3, {s.a}));
  EXPECT_EQ(u.dropped, std::vector<TrackId>{TrackId(2)});
  EXPECT_EQ(s.tracker.Find(TrackId(2)), nullptr);
  ASSERT_EQ(s.tracker.tracks().size(), 1u);
  EXPECT_EQ(s.tracker.tracks()[0].consecutive_misses, 0);
  // A new target seen once gets a fresh id (3, not 2), stays tentative, and is dropped by the
  // second consecutive miss (delete_misses_tentative = 2).
  const Truth c{s.s_enu + Vec3(40e3, 20e3, 5e3), Vec3(-100.0, 0.0, 0.0)};
  u = s.tracker.Process(s.radar.FullScan(9, 150e3, {s.a, c}));
  ASSERT_NE(s.tracker.Find(TrackId(3)), nullptr);
  EXPECT_EQ(s.tracker.Find(TrackId(3))->status, TrackStatus::kTentative);
  EXPECT_EQ(u.updated, (std::vector<TrackId>{TrackId(1), TrackId(3)}));
  u = s.tracker.Process(s.radar.FullScan(10, 150e3, {s.a}));
  EXPECT_TRUE(u.dropped.empty());
  EXPECT_EQ(s.tracker.Find(TrackId(3))->consecutive_misses, 1);
  u = s.tracker.Process(s.radar.FullScan(11, 150e3, {s.a}));
  EXPECT_EQ(u.dropped, std::vector<TrackId>{TrackId(3)});
  EXPECT_EQ(s.tracker.tracks().size(), 1u);
  u = s.tracker.Process(s.radar.FullScan(12, 150e3, {s.a, s.b}));
  ASSERT_EQ(s.tracker.tracks().size(), 2u);
  EXPECT_EQ(s.tracker.tracks()[1].id, TrackId(4));
}

// pre_gate() is PreGateTrack::Of of every live track, in order, after each batch (updates, births,
// drops in the middle of the list) and each fused estimate.
TEST(Tracker, PreGateSummaryFollowsEveryChange) {
  Scene s;
  Tracker tracker(s.config);
  TestRadar radar(s.frame, s.site);
  RandomStream rng(7, 0, "tracker_test", "pre-gate summary");
  std::vector<Truth> sky;
  for (int i = 0; i < 24; ++i)
    sky.push_back({s.s_enu + Vec3(rng.Uniform(-90e3, 90e3), rng.Uniform(-90e3, 90e3), rng.Uniform(1e3, 10e3)),
                   Vec3(rng.Uniform(-250.0, 250.0), rng.Uniform(-250.0, 250.0), 0.0)});
  auto expect_summary = [&](int step) {
    const std::vector<TrackState>& tracks = tracker.tracks();
    ASSERT_EQ(tracker.pre_gate().size(), tracks.size()) << "step " << step;
    for (std::size_t k = 0; k < tracks.size(); ++k) {
      const PreGateTrack want = PreGateTrack::Of(tracks[k].time, tracks[k].x, tracks[k].P);
      const PreGateTrack& got = tracker.pre_gate()[k];
      EXPECT_TRUE(got.time == want.time && got.p_enu == want.p_enu && got.v_enu == want.v_enu &&
                  got.tr_pp == want.tr_pp && got.tr_pv == want.tr_pv && got.tr_vv == want.tr_vv)
          << "step " << step << " track " << tracks[k].id.value();
    }
  };
  int drops = 0;
  for (int k = 0; k < 40; ++k) {
    // Each target seen on a random subset of scans: tracks are born, confirmed and dropped.
    std::vector<Truth> seen;
    for (const Truth& t : sky)
      if (rng.Uniform01() < 0.7) seen.push_back(t);
    for (int sector = 0; sector < 4; ++sector) {
      const double from = sector * kTwoPiRad / 4.0;
      const TrackerUpdate u = tracker.Process(radar.Sweep(SimTime::Seconds(10.0 * k + 2.5 * sector),
                                                          Duration::Seconds(2.5), from, from + kTwoPiRad / 4.0,
                                                          150e3, seen));
      drops += static_cast<int>(u.dropped.size());
      expect_summary(4 * k + sector);
    }
    if (k % 5 == 4 && !tracker.tracks().empty()) {
      const TrackState& t = tracker.tracks()[tracker.tracks().size() / 2];
      StateCov P = t.P;
      P.diagonal().array() += 10.0;
      tracker.FuseEstimate(t.id, t.time - Duration::Seconds(1.0), t.x, P);
      expect_summary(-k);
    }
  }
  EXPECT_GT(drops, 10);  // the drops the test is about happened
}

TEST(Tracker, NoMissOutsideTheSweptSectorOrBeyondRange) {
  Scene s;
  Tracker tracker(s.config);
  TestRadar radar(s.frame, s.site);
  for (int k = 0; k <= 2; ++k) tracker.Process(radar.FullScan(k, 150e3, {s.a, s.b}));
  ASSERT_EQ(tracker.tracks().size(), 2u);
  // Sector scans clockwise from 300 deg to 60 deg, through north: A (azimuth 5-25 deg) inside,
  // B (about 190 deg) outside. B is never detected and never missed, for more scans than it
  // would take to drop it.
  for (int k = 3; k <= 8; ++k) {
    const TrackerUpdate u = tracker.Process(radar.Sweep(SimTime::Seconds(10.0 * k), Duration::Seconds(10.0 / 3),
                                                        300 * kDeg, 60 * kDeg, 150e3, {s.a, s.b}));
    EXPECT_EQ(u.updated, std::vector<TrackId>{TrackId(1)});
    EXPECT_TRUE(u.dropped.empty());
  }
  const TrackState* b = tracker.Find(TrackId(2));
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->looks, 3);
  EXPECT_EQ(b->consecutive_misses, 0);
  EXPECT_EQ(tracker.Find(TrackId(1))->looks, 9);
  // The same sector without A's detection: A, north of the radar, is missed (the wrap through
  // north is inside); B is still not looked at.
  tracker.Process(radar.Sweep(SimTime::Seconds(90.0), Duration::Seconds(10.0 / 3), 300 * kDeg, 60 * kDeg, 150e3, {}));
  EXPECT_EQ(tracker.Find(TrackId(1))->consecutive_misses, 1);
  EXPECT_EQ(tracker.Find(TrackId(1))->looks, 10);
  EXPECT_EQ(tracker.Find(TrackId(2))->looks, 3);
  // A full turn with a 30 km instrumented range: both targets (about 60 km) are beyond it.
  tracker.Process(radar.FullScan(10, 30e3, {s.a, s.b}));
  EXPECT_EQ(tracker.Find(TrackId(1))->looks, 10);
  EXPECT_EQ(tracker.Find(TrackId(2))->looks, 3);
  EXPECT_EQ(tracker.tracks().size(), 2u);
}

// A confirmed track of a target flying out of the radar's range gets no more looks, so no misses:
// max_coast_s drops it. The target flies straight away from the radar, 5 km above it, from 80 km
// at 250 m/s; the instrumented range is 100 km, full turns every 10 s. By geometry alone (the
// slant range sqrt(r^2 + 5 km^2), r = 80 km + 250 m/s t) the prediction at a scan's mid time
// 10k + 5 s is in range up to k = 7 (98.9 km, 1.1 km inside: far more than the track's error)
// and beyond from k = 8 (101.4 km); so the last batch to have it in range ends at 80 s, and the
// track goes at the first scan ending more than max_coast_s later: with 60 s, the scan ending at
// 150 s (140 - 80 = 60 is not more); with 55 s, the one ending at 140 s. With max_coast_s = 1e6
// it coasts on, as it did without the limit.
TEST(Tracker, DropsATrackOutOfRangeForLongerThanMaxCoast) {
  const auto last_in_range_end = [] {
    double end = 0.0;
    for (int k = 0; k < 100; ++k) {
      const double r = 80e3 + 250.0 * (10.0 * k + 5.0);
      if (std::hypot(r, 5e3) <= 100e3) end = 10.0 * k + 10.0;
    }
    return end;
  }();
  ASSERT_EQ(last_in_range_end, 80.0);
  for (const double max_coast : {60.0, 55.0, 1e6}) {
    Scene s;
    s.config.max_coast_s = max_coast;
    Tracker tracker(s.config);
    TestRadar radar(s.frame, s.site);
    const Vec3 out = Vec3(0.6, 0.8, 0.0);  // a horizontal unit vector, north-north-east
    const Truth t{s.s_enu + 80e3 * out + Vec3(0.0, 0.0, 5e3), 250.0 * out};
    int dropped_at = -1;
    for (int k = 0; k < 60 && dropped_at < 0; ++k) {
      const TrackerUpdate u = tracker.Process(radar.FullScan(k, 100e3, {t}));
      if (k == 2) {
        ASSERT_EQ(u.confirmed, std::vector<TrackId>{TrackId(1)});
      }
      if (!u.dropped.empty()) {
        EXPECT_EQ(u.dropped, std::vector<TrackId>{TrackId(1)});
        dropped_at = k;
      } else if (k >= 2) {
        ASSERT_NE(tracker.Find(TrackId(1)), nullptr) << "scan " << k;
        EXPECT_LE(tracker.Find(TrackId(1))->consecutive_misses, 1) << "scan " << k;  // never near the miss limit
      }
    }
    // The first scan k whose end 10k + 10 is more than max_coast after the last in range.
    int expected = -1;
    for (int k = 0; k < 60 && expected < 0; ++k)
      if (10.0 * k + 10.0 - last_in_range_end > max_coast) expected = k;
    EXPECT_EQ(dropped_at, expected) << "max_coast " << max_coast;
  }
  EXPECT_EQ(TrackerConfig{}.max_coast_s, 60.0);
}

// A radar that stops (emission control) and starts again 5 minutes later: its tracks were in
// range all along, so coasting drops none of them; they are gated and updated as before.
TEST(Tracker, ASilentRadarDropsNoTrackByCoasting) {
  TwoTracked s;
  ASSERT_EQ(s.tracker.tracks().size(), 2u);
  const TrackerUpdate u = s.tracker.Process(s.radar.FullScan(36, 150e3, {s.a, s.b}));  // 300 s of silence
  EXPECT_TRUE(u.dropped.empty());
  EXPECT_EQ(u.updated, (std::vector<TrackId>{TrackId(1), TrackId(2)}));
}

TEST(Tracker, DetectionOutsideTheGateStartsANewTrack) {
  Scene s;
  Tracker tracker(s.config);
  TestRadar radar(s.frame, s.site);
  for (int k = 0; k <= 3; ++k) tracker.Process(radar.FullScan(k, 150e3, {s.a}));
  ASSERT_EQ(tracker.tracks().size(), 1u);
  // Only a detection 8 km from where A is predicted (hundreds of sigma): it must not update A.
  const Truth decoy{s.a.p0 + Vec3(0.0, -8e3, 0.0), s.a.v};
  const StateVec before = tracker.Find(TrackId(1))->x;
  const TrackerUpdate u = tracker.Process(radar.FullScan(4, 150e3, {decoy}));
  EXPECT_EQ(u.updated, std::vector<TrackId>{TrackId(2)});
  EXPECT_EQ(tracker.Find(TrackId(1))->x, before);
  EXPECT_EQ(tracker.Find(TrackId(1))->consecutive_misses, 1);
  EXPECT_EQ(tracker.tracks().size(), 2u);
  // The same offset is inside a gate of P = 0.999 only while the track is young: a new track
  // (400 m/s velocity sigma, 10 s later) takes a detection 2 km off its prediction.
  Tracker young(s.config);
  TestRadar radar2(s.frame, s.site);
  young.Process(radar2.FullScan(0, 150e3, {s.a}));
  const Truth near{s.a.p0 + Vec3(2e3, 0.0, 0.0), s.a.v};
  EXPECT_EQ(young.Process(radar2.FullScan(1, 150e3, {near})).updated, std::vector<TrackId>{TrackId(1)});
}

// Two airliners on one airway, 300 m apart in height, meeting head-on at 250 m/s each, 2.5 km
// apart at the first scan: one scan period later each is where the other was (the stroboscopic
// crossing of a busy two-way airway). Without codes, the tracks they start take each other's
// plots and are lost; with combined plots (each carrying its aircraft's Mode 3/A code) each track
// keeps to one code and follows its own aircraft (tracker.h, "codes").
struct Crossing : Scene {
  std::vector<Truth> aircraft{{s_enu + Vec3(60e3, -1250.0, 9000.0), Vec3(0.0, 250.0, 0.0)},
                              {s_enu + Vec3(60e3, 1250.0, 9300.0), Vec3(0.0, -250.0, 0.0)}};
  std::vector<std::uint16_t> codes{1201, 1202};
};

TEST(Tracker, ACrossingDuringInitiationBreaksTracksWithoutCodes) {
  Crossing s;
  Tracker tracker(s.config);
  TestRadar radar(s.frame, s.site);
  for (int k = 0; k < 8; ++k) tracker.Process(radar.FullScan(k, 150e3, s.aircraft));
  // The control: the first two tracks took the other aircraft's plots (half the speed each) and
  // were dropped; the aircraft are held by two tracks started after the crossing.
  EXPECT_EQ(tracker.Find(TrackId(1)), nullptr);
  EXPECT_EQ(tracker.Find(TrackId(2)), nullptr);
  ASSERT_EQ(tracker.tracks().size(), 2u);
  EXPECT_EQ(tracker.tracks()[0].id, TrackId(3));
}

TEST(Tracker, CodesKeepEachTrackOnItsOwnAircraft) {
  Crossing s;
  Tracker tracker(s.config);
  TestRadar radar(s.frame, s.site);
  for (int k = 0; k < 8; ++k) {
    const DetectionBatch batch = radar.FullScan(k, 150e3, s.aircraft, 10.0, s.codes);
    const TrackerUpdate u = tracker.Process(batch);
    ASSERT_EQ(u.detection_tracks.size(), batch.detections.size());
    ASSERT_EQ(tracker.tracks().size(), 2u) << "scan " << k;
    for (std::size_t j = 0; j < batch.detections.size(); ++j) {
      const TrackState* t = tracker.Find(u.detection_tracks[j]);
      ASSERT_NE(t, nullptr);
      EXPECT_EQ(t->mode3a_code, batch.detections[j].mode3a_code) << "scan " << k;
    }
  }
  for (const TrackState& t : tracker.tracks()) {
    EXPECT_LE(t.id.value(), 2u);  // the tracks of the first scan, never broken
    ASSERT_EQ(t.status, TrackStatus::kConfirmed);
    ASSERT_TRUE(t.mode3a_code.has_value());
    ExpectWithinThreeSigma(t, s.aircraft[*t.mode3a_code - 1201u]);
  }
}

TEST(Tracker, PlotsWithoutCodesGateWithCodedTracks) {
  Crossing s;
  Tracker tracker(s.config);
  TestRadar radar(s.frame, s.site);
  // Codes for four scans (past the crossing), then primary-only plots (replies lost): the tracks
  // keep their codes and take the plots without one.
  for (int k = 0; k < 8; ++k) {
    const TrackerUpdate u = tracker.Process(radar.FullScan(k, 150e3, s.aircraft, 10.0, k < 4 ? s.codes : std::vector<std::uint16_t>{}));
    EXPECT_EQ(u.updated, (std::vector<TrackId>{TrackId(1), TrackId(2)})) << "scan " << k;
  }
  for (const TrackState& t : tracker.tracks()) {
    ASSERT_TRUE(t.mode3a_code.has_value());
    ExpectWithinThreeSigma(t, s.aircraft[*t.mode3a_code - 1201u]);
  }
}

TEST(Tracker, DeterministicAndPredictsWithTheCvModel) {
  Scene s;
  Tracker t1(s.config), t2(s.config);
  TestRadar r1(s.frame, s.site), r2(s.frame, s.site);
  for (int k = 0; k < 6; ++k) {
    t1.Process(r1.FullScan(k, 150e3, {s.a, s.b}));
    t2.Process(r2.FullScan(k, 150e3, {s.a, s.b}));
  }
  ASSERT_EQ(t1.tracks().size(), t2.tracks().size());
  for (std::size_t i = 0; i < t1.tracks().size(); ++i) {
    EXPECT_EQ(t1.tracks()[i].id, t2.tracks()[i].id);
    EXPECT_EQ(t1.tracks()[i].time, t2.tracks()[i].time);
    EXPECT_EQ(t1.tracks()[i].x, t2.tracks()[i].x);  // bit for bit
    EXPECT_EQ(t1.tracks()[i].P, t2.tracks()[i].P);
  }
  const TrackState& a = *t1.Find(TrackId(1));
  const auto [x, P] = t1.Predict(TrackId(1), a.time + Duration::Seconds(7.5));
  EXPECT_TRUE(x.isApprox(CvTransition(7.5) * a.x, 1e-14));
  const StateCov P_want = CvTransition(7.5) * a.P * CvTransition(7.5).transpose() +
                          CvProcessNoiseContinuous(7.5, s.config.process_noise_q);
  EXPECT_TRUE(P.isApprox(P_want, 1e-12));
  EXPECT_EQ(t1.Find(TrackId(99)), nullptr);
  // PredictMean: Predict's state bit for bit, forwards and backwards, for every live track.
  for (const TrackState& tr : t1.tracks())
    for (const double dt : {-13.7, -0.001, 0.0, 0.37, 7.5, 1234.5678})
      EXPECT_EQ(t1.PredictMean(tr.id, tr.time + Duration::Seconds(dt)), t1.Predict(tr.id, tr.time + Duration::Seconds(dt)).first);
}

TEST(Tracker, ValidateReportsEveryProblem) {
  EXPECT_TRUE(TrackerConfig{}.Validate().empty());
  TrackerConfig bad;
  bad.origin.lat_deg = 95;
  bad.process_noise_q = -1;
  bad.gate_probability = 1.5;
  bad.confirm_m = 5;
  bad.delete_misses_tentative = 0;
  bad.initial_speed_sigma_mps = std::nan("");
  bad.max_coast_s = 0.0;
  bad.filter = FilterSpec{};
  bad.filter->dims = 2;
  bad.filter->process_noise = -3;
  const std::vector<Problem> problems = bad.Validate();
  std::vector<std::string> paths;
  for (const Problem& p : problems) paths.push_back(p.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"origin.lat_deg", "process_noise_q", "gate_probability", "confirm_m",
                                             "delete_misses_tentative", "initial_speed_sigma_mps", "max_coast_s",
                                             "filter.dims", "filter.process_noise"}));
  try {
    Tracker t(bad);
    FAIL() << "no ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.problems().size(), 9u);
    EXPECT_TRUE(std::regex_search(e.what(), std::regex(R"(process_noise_q: must be in \(0, 1e6\] m\^2/s\^3 \(got -1\))")))
        << e.what();
    EXPECT_TRUE(std::regex_search(e.what(), std::regex(R"(confirm_m: must be in \[1, confirm_n = 4\] \(got 5\))")))
        << e.what();
  }
}

}  // namespace
}  // namespace iadsim
