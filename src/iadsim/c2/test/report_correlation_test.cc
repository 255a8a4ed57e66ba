// Report correlation of several batches at once: each batch's result equals what it gets alone, bit
// for bit, and both equal a brute-force reference over every confirmed track (Tracker::Predict,
// d^2 = nu' S^-1 nu by LU, nearest inside the 3-dof gate). The batches mix fresh reports, reports
// minutes old (one or two to a time slot: no index) and reports far from every track.
#include <gtest/gtest.h>

#include <Eigen/LU>
#include <limits>

#include "iadsim/c2/report_correlation.h"
#include "iadsim/tracking/test/tracker_test_radar.h"

namespace iadsim {
namespace {

struct Sky {
  LocalFrame frame{Geodetic{34.0, 36.0, 0.0}};
  std::vector<Truth> targets;
  Tracker tracker;
  explicit Sky(const TrackerConfig& config) : tracker(config) {
    RandomStream rng(11, 0, "report_correlation_test", "sky");
    for (int i = 0; i < 80; ++i)
      targets.push_back({Vec3(rng.Uniform(-120e3, 120e3), rng.Uniform(-120e3, 120e3), rng.Uniform(1e3, 11e3)),
                         Vec3(rng.Uniform(-250.0, 250.0), rng.Uniform(-250.0, 250.0), 0.0)});
    TestRadar radar(frame, frame.origin());
    for (int k = 0; k < 5; ++k) tracker.Process(radar.FullScan(k, 200e3, targets));
  }
};

TrackerConfig Config() {
  TrackerConfig c;
  c.origin = Geodetic{34.0, 36.0, 0.0};
  return c;
}

std::vector<std::vector<PositionReport>> Batches(const Sky& sky) {
  RandomStream rng(11, 0, "report_correlation_test", "reports");
  const SimTime newest = SimTime::Seconds(52.0);
  std::vector<std::vector<PositionReport>> out(5);
  for (std::size_t b = 0; b < out.size(); ++b) {
    for (int n = 0; n < 30; ++n) {
      const Truth& t = sky.targets[static_cast<std::size_t>(rng.Uniform01() * 0.999999 * sky.targets.size())];
      // Mostly fresh; every seventh minutes old; every eleventh far from everything.
      const double age_s = n % 7 == 3 ? rng.Uniform(30.0, 200.0) : rng.Uniform(0.0, 3.5);
      PositionReport r;
      r.source = ReportSource::kNetwork;
      r.callsign = "b" + std::to_string(b) + "#" + std::to_string(n);
      r.time_of_validity = newest - Duration::Seconds(age_s);
      Vec3 p = t.At(r.time_of_validity) + Vec3(rng.Normal(0.0, 150.0), rng.Normal(0.0, 150.0), rng.Normal(0.0, 80.0));
      if (n % 11 == 5) p += Vec3(0.0, 0.0, 40e3);
      r.position = sky.frame.GeodeticFromEnu(p);
      r.position_ecef = EcefFromGeodetic(r.position);
      r.sigma_horizontal_m = 200.0;
      r.sigma_vertical_m = 100.0;
      out[b].push_back(r);
    }
  }
  return out;
}

// The nearest confirmed track inside the gate, by brute force: (track, d2) or (invalid, inf).
std::pair<TrackId, double> BruteForce(const Tracker& tracker, const PositionReport& r) {
  const Vec3 z = tracker.frame().EnuFromEcef(EcefFromGeodetic(r.position));
  Eigen::Matrix3d R = Eigen::Matrix3d::Zero();
  R(0, 0) = R(1, 1) = r.sigma_horizontal_m * r.sigma_horizontal_m + 1.0;
  R(2, 2) = r.sigma_vertical_m * r.sigma_vertical_m + 1.0;
  std::pair<TrackId, double> best{TrackId(), std::numeric_limits<double>::infinity()};
  for (const TrackState& t : tracker.tracks()) {
    if (t.status != TrackStatus::kConfirmed) continue;
    const auto [x, P] = tracker.Predict(t.id, r.time_of_validity);
    const Vec3 nu = z - x.head<3>();
    const double d2 = nu.dot((P.topLeftCorner<3, 3>() + R).inverse() * nu);
    if (d2 < best.second) best = {t.id, d2};
  }
  if (!(best.second <= tracker.GateThreshold(3))) return {TrackId(), std::numeric_limits<double>::infinity()};
  return best;
}

TEST(ReportCorrelation, BatchesTogetherEqualEachAloneAndTheBruteForce) {
  const Sky sky(Config());
  int confirmed = 0;
  for (const TrackState& t : sky.tracker.tracks()) confirmed += t.status == TrackStatus::kConfirmed;
  ASSERT_GE(confirmed, 60);
  const auto batches = Batches(sky);
  std::vector<const std::vector<PositionReport>*> all;
  for (const auto& b : batches) all.push_back(&b);
  const std::vector<ReportCorrelation> together = CorrelateReports(sky.tracker, all);
  ASSERT_EQ(together.size(), batches.size());
  int paired = 0, unpaired = 0;
  for (std::size_t b = 0; b < batches.size(); ++b) {
    const ReportCorrelation alone = CorrelateReports(sky.tracker, batches[b]);
    ASSERT_EQ(together[b].pairs.size(), alone.pairs.size()) << "batch " << b;
    for (std::size_t i = 0; i < alone.pairs.size(); ++i) {
      EXPECT_EQ(together[b].pairs[i].report, alone.pairs[i].report);
      EXPECT_EQ(together[b].pairs[i].track, alone.pairs[i].track);
      EXPECT_EQ(together[b].pairs[i].d2, alone.pairs[i].d2);  // bit for bit
    }
    EXPECT_EQ(together[b].uncorrelated, alone.uncorrelated);
    // Against the brute force, report by report.
    std::vector<std::pair<TrackId, double>> got(batches[b].size(), {TrackId(), -1.0});
    for (const auto& p : together[b].pairs) got[p.report] = {p.track, p.d2};
    for (std::size_t i : together[b].uncorrelated) got[i] = {TrackId(), std::numeric_limits<double>::infinity()};
    for (std::size_t i = 0; i < batches[b].size(); ++i) {
      const auto want = BruteForce(sky.tracker, batches[b][i]);
      EXPECT_EQ(got[i].first, want.first) << "batch " << b << " report " << i;
      if (want.first.valid()) {
        EXPECT_NEAR(got[i].second, want.second, 1e-9 * std::max(1.0, want.second));
        ++paired;
      } else {
        EXPECT_EQ(got[i].second, want.second);
        ++unpaired;
      }
    }
  }
  EXPECT_GT(paired, 100);  // both outcomes were exercised
  EXPECT_GT(unpaired, 10);
}

}  // namespace
}  // namespace iadsim
