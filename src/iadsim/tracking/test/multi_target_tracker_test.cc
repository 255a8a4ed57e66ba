#include "iadsim/tracking/multi_target_tracker.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/mht.h"
#include "iadsim/tracking/scan_gating.h"

namespace iadsim {
namespace {

Measurement Cart2(double t, double x, double y, double sigma) {
  Measurement m;
  m.time_s = t;
  m.kind = MeasurementKind::kCartesian2D;
  m.z.resize(2);
  m.z << x, y;
  m.R = MatZ::Identity(2, 2) * sigma * sigma;
  return m;
}

struct Target {
  Eigen::Vector2d p0, v;
  Eigen::Vector2d At(double t) const { return p0 + v * t; }
};

// Scans of noisy detections of the targets (Pd), plus uniform clutter over a box.
std::vector<std::vector<Measurement>> MakeScans(const std::vector<Target>& targets, int scans, double dt,
                                                double sigma, double pd, double clutter_per_scan,
                                                double box_m, std::uint64_t seed) {
  RandomStream rng(seed);
  std::vector<std::vector<Measurement>> out;
  for (int k = 0; k < scans; ++k) {
    const double t = k * dt;
    std::vector<Measurement> scan;
    for (const Target& tg : targets) {
      if (!rng.Bernoulli(pd)) continue;
      const Eigen::Vector2d p = tg.At(t);
      scan.push_back(Cart2(t, p.x() + rng.Normal(0, sigma), p.y() + rng.Normal(0, sigma), sigma));
    }
    const std::uint64_t nc = rng.Poisson(clutter_per_scan);
    for (std::uint64_t c = 0; c < nc; ++c)
      scan.push_back(Cart2(t, rng.Uniform(-box_m, box_m), rng.Uniform(-box_m, box_m), sigma));
    out.push_back(scan);
  }
  return out;
}

MultiTargetTrackerConfig Config(AssociationAlgorithm algo) {
  MultiTargetTrackerConfig c;
  c.algorithm = algo;
  c.filter.dims = 2;
  c.filter.process_noise = 1.0;
  c.filter.initial_speed_sigma_mps = 300.0;
  c.pd = 0.9;
  c.clutter_density = 5.0 / (4.0 * 20000.0 * 20000.0);  // 5 false alarms per scan over 40 km x 40 km
  c.gate_probability = 0.999;
  c.management.confirm_m = 4;
  c.management.confirm_n = 5;
  c.management.delete_misses = 3;
  return c;
}

// Two targets on straight lines, 5 clutter points per scan over 40 km x 40 km, Pd 0.9, sigma 50 m,
// scans every 2 s, CV filter with q = 1 m^2/s^3. Checks after 10 scans:
//  - no confirmed track away from a target. Expected number of false tracks: a tentative track's
//    gate (~2 km radius) holds ~0.05 clutter points, so 4-of-5 confirmation on clutter has
//    probability ~ 4 * 0.05^3 = 5e-4, times ~200 clutter-born tentative tracks: ~0.1;
//  - the RMS position error per axis is below 0.8 sigma: the steady-state Kalman filter
//    (Riccati equation iterated by hand for this F, Q, R) has sqrt(P_xx) = 26.7 m = 0.534 sigma
//    after an update and 0.632 sigma before one (a missed scan); 0.8 sigma = 1.5 x 0.534 sigma
//    leaves room for the correlated sample of ~60 estimates. (The brief's bound is sigma.)
TEST(MultiTargetTracker, TwoTargetsRmsBelowSigmaAllAlgorithms) {
  const double sigma = 50.0;
  const std::vector<Target> targets{{{-10000, -5000}, {150, 20}}, {{8000, 6000}, {-100, -80}}};
  const auto scans = MakeScans(targets, 40, 2.0, sigma, 0.9, 5.0, 20000.0, 7);
  for (AssociationAlgorithm algo : {AssociationAlgorithm::kGnn, AssociationAlgorithm::kJpda, AssociationAlgorithm::kMht}) {
    MultiTargetTracker tracker(Config(algo));
    double sum2 = 0.0;
    int count = 0, extra = 0;
    for (const auto& scan : scans) {
      const auto est = tracker.ProcessScan(scan);
      if (scan.empty()) continue;
      const double t = scan.front().time_s;
      if (t < 20.0) continue;
      for (const TrackEstimate& e : est) {
        double best = 1e300;
        for (const Target& tg : targets) best = std::min(best, (e.position_m.head<2>() - tg.At(t)).squaredNorm());
        if (best > 100.0 * sigma * sigma) {
          ++extra;
          std::printf("extra algo %d t %g id %lu at %g %g q %g\n", static_cast<int>(algo), t, (unsigned long)e.id, e.position_m.x(), e.position_m.y(), e.quality);
          continue;
        }
        sum2 += best / 2.0;  // per axis
        ++count;
      }
    }
    const double rms = std::sqrt(sum2 / count);
    EXPECT_EQ(extra, 0) << "algorithm " << static_cast<int>(algo);
    EXPECT_GE(count, 2 * 30 - 4) << "algorithm " << static_cast<int>(algo);
    EXPECT_LT(rms, 0.8 * sigma) << "algorithm " << static_cast<int>(algo);
  }
}

TEST(MultiTargetTracker, Deterministic) {
  const std::vector<Target> targets{{{0, 0}, {100, 0}}, {{0, 3000}, {100, -50}}};
  const auto scans = MakeScans(targets, 25, 1.0, 30.0, 0.8, 20.0, 20000.0, 11);
  for (AssociationAlgorithm algo : {AssociationAlgorithm::kGnn, AssociationAlgorithm::kJpda, AssociationAlgorithm::kMht}) {
    MultiTargetTracker a(Config(algo)), b(Config(algo));
    for (const auto& scan : scans) {
      const auto ea = a.ProcessScan(scan), eb = b.ProcessScan(scan);
      ASSERT_EQ(ea.size(), eb.size());
      for (std::size_t i = 0; i < ea.size(); ++i) {
        EXPECT_EQ(ea[i].id, eb[i].id);
        EXPECT_EQ(ea[i].position_m, eb[i].position_m);  // bit for bit
      }
    }
  }
}

// Grid gating inside the tracker finds exactly the pairs of testing every track.
TEST(MultiTargetTracker, GateScanEqualsBruteForce) {
  RandomStream rng(5);
  MultiTargetTrackerConfig c = Config(AssociationAlgorithm::kGnn);
  std::vector<std::unique_ptr<TrackFilter>> filters;
  for (int i = 0; i < 300; ++i) {
    auto f = MakeFilter(c.filter, Cart2(0, rng.Uniform(-5e4, 5e4), rng.Uniform(-5e4, 5e4), rng.Uniform(10, 300)));
    f->Predict(rng.Uniform(0, 5));
    filters.push_back(std::move(f));
  }
  std::vector<Measurement> scan;
  for (int j = 0; j < 500; ++j) {
    const Eigen::Vector3d p = j % 2 ? filters[j % 300]->position() : Eigen::Vector3d(rng.Uniform(-5e4, 5e4), rng.Uniform(-5e4, 5e4), 0);
    scan.push_back(Cart2(0, p.x() + rng.Normal(0, 800), p.y() + rng.Normal(0, 800), 100));
  }
  std::vector<const TrackFilter*> raw;
  for (const auto& f : filters) raw.push_back(f.get());
  SpatialGrid grid;
  const auto pairs = GateScan(raw, scan, 0.999, grid);
  std::vector<std::pair<int, int>> brute, got;
  for (int i = 0; i < 300; ++i)
    for (int j = 0; j < 500; ++j)
      if (raw[i]->Innovate(scan[j]).d2 <= 13.815510557964274) brute.emplace_back(i, j);  // chi2(2) 0.999
  for (const GatedPair& p : pairs) got.emplace_back(p.track, p.meas);
  EXPECT_GT(brute.size(), 100u);
  EXPECT_EQ(got, brute);
}

// Memory: 1,000 live tracks (CV, 3-D) take less than 10 MB of heap.
TEST(MultiTargetTracker, MemoryPerThousandTracks) {
  MultiTargetTrackerConfig c = Config(AssociationAlgorithm::kGnn);
  c.filter.dims = 3;
  std::vector<Measurement> scan;
  for (int j = 0; j < 1000; ++j) {
    Measurement m;
    m.kind = MeasurementKind::kCartesian3D;
    m.z.resize(3);
    m.z << 1000.0 * (j % 40), 1000.0 * (j / 40), 5000;
    m.R = MatZ::Identity(3, 3) * 100.0;
    scan.push_back(m);
  }
  const std::size_t before = mallinfo2().uordblks;
  MultiTargetTracker tracker(c);
  tracker.ProcessScan(scan);
  ASSERT_EQ(tracker.live_tracks(), 1000);
  const std::size_t after = mallinfo2().uordblks;
  EXPECT_LT(after - before, 10u * 1024 * 1024);
  RecordProperty("bytes_per_1000_tracks", static_cast<int>(after - before));
}

void ExpectSameEstimates(const std::vector<TrackEstimate>& a, const std::vector<TrackEstimate>& b, int scan) {
  ASSERT_EQ(a.size(), b.size()) << "scan " << scan;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].id, b[i].id) << "scan " << scan;
    // Bit for bit: the inline engine does the generic path's arithmetic.
    ASSERT_EQ(a[i].position_m, b[i].position_m) << "scan " << scan << " track " << a[i].id;
    ASSERT_EQ(a[i].velocity_mps, b[i].velocity_mps) << "scan " << scan;
    ASSERT_EQ(a[i].covariance, b[i].covariance) << "scan " << scan;
    ASSERT_EQ(a[i].score, b[i].score) << "scan " << scan;
    ASSERT_EQ(a[i].time_s, b[i].time_s) << "scan " << scan;
  }
}

// The inline CV GNN engine against the generic path (inline_cv_gnn = false) on 300 targets with
// clutter, in 2-D and 3-D: the same confirmed tracks, equal bit for bit, at every scan; then a
// polar scan hands the tracks over to the generic path and both go on identically.
// Runs `fast` (inline CV GNN) and `slow` (the generic path) on the same scans, expecting the same
// estimates and live-track counts at every scan; returns the confirmed estimates summed over the
// scans, and the live tracks at the end in *live.
template <class Scans>
long ConfirmedOnBothPaths(const MultiTargetTrackerConfig& fast, const MultiTargetTrackerConfig& slow, const Scans& scans,
                          std::size_t* live) {
  MultiTargetTracker a(fast), b(slow);
  long confirmed = 0;
  for (std::size_t k = 0; k < scans.size(); ++k) {
    const auto ea = a.ProcessScan(scans[k]), eb = b.ProcessScan(scans[k]);
    ExpectSameEstimates(ea, eb, static_cast<int>(k));
    EXPECT_EQ(a.live_tracks(), b.live_tracks());
    confirmed += static_cast<long>(ea.size());
  }
  if (live) *live = a.live_tracks();
  return confirmed;
}

TEST(MultiTargetTracker, InlineCvGnnEqualsGenericPathBitForBit) {
  for (const int dims : {2, 3}) {
    std::vector<Target> targets;
    RandomStream rng(77 + dims);
    for (int i = 0; i < 300; ++i)
      targets.push_back({{rng.Uniform(-2e4, 2e4), rng.Uniform(-2e4, 2e4)}, {rng.Uniform(-250, 250), rng.Uniform(-250, 250)}});
    auto scans = MakeScans(targets, 12, 2.0, 50.0, 0.9, 40.0, 2.5e4, 99 + dims);
    if (dims == 3) {  // 3-D Cartesian measurements at 1 km +- 50 m of height
      for (auto& scan : scans)
        for (Measurement& m : scan) {
          m.kind = MeasurementKind::kCartesian3D;
          const Eigen::Vector2d xy = m.z.head(2);
          m.z.resize(3);
          m.z << xy.x(), xy.y(), 1000.0 + rng.Normal(0, 50);
          m.R = MatZ::Identity(3, 3) * 2500.0;
        }
    }
    // The last scan: one polar 3-D detection of a target (dims 3) or polar 2-D (dims 2).
    Measurement polar;
    polar.time_s = 24.0;
    polar.kind = dims == 3 ? MeasurementKind::kPolar3D : MeasurementKind::kPolar2D;
    const Eigen::Vector2d p = targets[0].At(24.0);
    polar.z.resize(dims);
    polar.R = MatZ::Zero(dims, dims);
    polar.z(0) = dims == 3 ? std::hypot(p.norm(), 1000.0) : p.norm();
    polar.z(1) = std::atan2(p.x(), p.y());
    if (dims == 3) polar.z(2) = std::atan2(1000.0, p.norm());
    polar.R(0, 0) = 2500.0;
    for (int k = 1; k < dims; ++k) polar.R(k, k) = 1e-6;
    scans.push_back({polar});
    scans.push_back(scans[5]);  // Cartesian again (times shifted below)
    for (Measurement& m : scans.back()) m.time_s = 26.0;

    MultiTargetTrackerConfig fast = Config(AssociationAlgorithm::kGnn), slow = fast;
    fast.filter.dims = slow.filter.dims = dims;
    // 3-D: per m^3, the clutter spread over +-3 sigma of height.
    if (dims == 3) fast.clutter_density = slow.clutter_density = 40.0 / (5e4 * 5e4 * 300.0);
    slow.inline_cv_gnn = false;
    EXPECT_GT(ConfirmedOnBothPaths(fast, slow, scans, nullptr), 2000) << "dims " << dims;  // ~270 confirmed tracks per scan after 4 scans
  }
}

// The same with the track-score (SPRT) logic, and with a start score below the deletion threshold
// (every new track born deleted: no track ever lives, on either path).
TEST(MultiTargetTracker, InlineCvGnnEqualsGenericPathWithScoreLogic) {
  std::vector<Target> targets;
  RandomStream rng(5);
  for (int i = 0; i < 200; ++i)
    targets.push_back({{rng.Uniform(-2e4, 2e4), rng.Uniform(-2e4, 2e4)}, {rng.Uniform(-250, 250), rng.Uniform(-250, 250)}});
  const auto scans = MakeScans(targets, 10, 2.0, 50.0, 0.9, 40.0, 2.5e4, 6);
  for (const double start_ratio : {100.0, 1e-3}) {  // ln(beta_NT / lambda) = 4.6, or -6.9 <= T_d = -2.3
    MultiTargetTrackerConfig fast = Config(AssociationAlgorithm::kGnn), slow = fast;
    fast.management.logic = slow.management.logic = ConfirmLogic::kScore;
    fast.management.new_target_density = slow.management.new_target_density = start_ratio * fast.clutter_density;
    slow.inline_cv_gnn = false;
    std::size_t live = 0;
    const long confirmed = ConfirmedOnBothPaths(fast, slow, scans, &live);
    if (start_ratio > 1.0) EXPECT_GT(confirmed, 1000);
    else EXPECT_EQ(live, 0u);
  }
}

// JPDA leaves tentative tracks out of the joint association (header, step 3 jpda). One target
// from (0, 0) at (100, 0) m/s, detected every 2 s (exact, then 30 m off in y at t = 8 s), is
// confirmed at t = 4 s (3 of 4). A clutter point at (1400, 0) at t = 6 s (outside the confirmed
// gate: d^2 > 100) starts a tentative track; its predicted gate at t = 8 s has
// S = R + T^2 300^2 + q T^3/3 = 2500 + 360000 + 8/3 m^2 per axis, so the target's detection
// (800, 30) has d^2 = (600^2 + 30^2) / 365002.7 = 0.99 <= 13.82: inside it. Were both tracks in
// one JPDA, the confirmed track's beta would be L_c / (L_c + L_t + 1 - Pd Pg) instead of
// L_c / (L_c + 1 - Pd Pg), L_t / L_c ~ sqrt(|S_c| / |S_t|) ~ 1e-2: another estimate. Checks: the
// confirmed track's estimate (x, P, score) equals bit for bit that of a run without the clutter
// point, and it is a hit (score up); the detection starts no track (2 live tracks). With a second
// detection (1420, 10) beside the tentative track (outside the confirmed gate), the tentative
// track takes it by GNN (still 2 live tracks: no new one) and the confirmed estimate is unchanged.
TEST(MultiTargetTracker, JpdaConfirmedTracksFirstTentativeByGnn) {
  MultiTargetTrackerConfig c = Config(AssociationAlgorithm::kJpda);
  c.management.confirm_m = 3;
  c.management.confirm_n = 4;
  const double sigma = 50.0;
  for (const bool second : {false, true}) {
    MultiTargetTracker with(c), without(c);
    std::vector<TrackEstimate> ew, eo;
    for (const double t : {0.0, 2.0, 4.0, 6.0, 8.0}) {
      std::vector<Measurement> scan = {Cart2(t, 100.0 * t, t == 8.0 ? 30.0 : 0.0, sigma)};
      eo = without.ProcessScan(scan);
      if (t == 6.0) scan.push_back(Cart2(t, 1400.0, 0.0, sigma));
      if (t == 8.0 && second) scan.push_back(Cart2(t, 1420.0, 10.0, sigma));
      const double score_before = ew.empty() ? 0.0 : ew[0].score;
      ew = with.ProcessScan(scan);
      if (t < 4.0) continue;
      ASSERT_EQ(ew.size(), 1u) << t;
      ASSERT_EQ(eo.size(), 1u) << t;
      EXPECT_EQ(ew[0].id, 1u);
      EXPECT_EQ(ew[0].position_m, eo[0].position_m) << t;
      EXPECT_EQ(ew[0].velocity_mps, eo[0].velocity_mps) << t;
      EXPECT_EQ(ew[0].covariance, eo[0].covariance) << t;
      EXPECT_EQ(ew[0].score, eo[0].score) << t;
      if (t == 8.0) {
        EXPECT_GT(ew[0].score, score_before);  // a hit
      }
    }
    EXPECT_EQ(with.live_tracks(), 2) << second;  // the confirmed and the tentative track
    EXPECT_EQ(without.live_tracks(), 1);
    // The 30 m offset moved the track by a gain in (0, 1): the detection was used.
    EXPECT_GT(eo[0].position_m.y(), 0.0);
    EXPECT_LT(eo[0].position_m.y(), 30.0);
  }
}

TEST(MultiTargetTracker, ValidateNamesEveryProblem) {
  MultiTargetTrackerConfig c;
  c.pd = 1.5;
  c.clutter_density = 0;
  c.mht_k = 0;
  c.management.delete_misses = 0;
  const Problems p = c.Validate();
  ASSERT_EQ(p.size(), 4u);
  EXPECT_THROW(MultiTargetTracker{c}, ScenarioError);
}

}  // namespace
}  // namespace iadsim
