// Track-to-track fusion in the command post (NetworkDoctrine::track_fusion = covariance
// intersection), over seeded Monte Carlo runs of two units that see the same target:
//   far unit B: its radar 180-190 km from the target, sigma_range 150 m, sigma_az = sigma_el
//     5 mrad (about 900 m across the beam), a look every 10 s;
//   near unit A: its radar 20 km from the target, sigma_range 30 m, sigma_az = sigma_el 1 mrad,
//     a look every 5 s; every 5 s A's confirmed tracks go to B as network reports (sigmas and the
//     position-velocity covariance from A's, as sim/command_post_node.cc sends them), delivered
//     1 s later; or, for the position-only form, the same reports without the covariance.
// Checked against numbers the code does not produce:
//   - accuracy: B's position error (vs the target's true position, after 60 s) has an RMS at most
//     half of its RMS without fusion (A's track is ~10x more accurate, so CI should take most of it),
//     with either form (measured, 40 runs: 839 m radar only, 60.1 m position-only, 62.6 m whole
//     state: here A's velocity is no better than what B builds from A's positions every 5 s);
//   - frames: a whole-state report from a much better sender moves B's position AND velocity onto
//     the sender's, transformed between the two ENU frames through ECEF by the test itself;
//   - consistency: the NEES e' P^-1 e of B's track, over its position (3 dof) and over its whole
//     state (6 dof), is not overconfident: at each look the mean over the runs is below the
//     chi-square 97.5 % quantile for dof x runs degrees of freedom divided by runs (a consistent
//     filter is above it 2.5 % of the time; CI is conservative), and no more than 1 % of all
//     samples exceed the chi-square 0.99 quantile (1 % for a consistent filter).
//   - off: fusion off leaves the estimate as the radar-only tracker makes it (no report fused).
#include <gtest/gtest.h>

#include <Eigen/Cholesky>
#include <cmath>
#include <vector>

#include "iadsim/c2/command_post.h"
#include "iadsim/core/rng.h"
#include "iadsim/tracking/chi_square_gate.h"
#include "iadsim/tracking/covariance_intersection.h"

namespace iadsim {
namespace {

constexpr double kPi = 3.14159265358979323846;
const Geodetic kFarSite{34.0, 36.0, 0.0};  // B's radar and B's tracker frame origin
const Vec3 kTarget0(-20e3, 180e3, 8000.0);  // truth at t = 0, B's ENU frame, m
const Vec3 kVelocity(200.0, 30.0, 0.0);     // m/s, constant
const Vec3 kNearSiteEnu(0.0, 200e3, 0.0);   // A's radar, B's ENU frame (about 20 km from the path)
constexpr double kDuration_s = 300.0;
constexpr int kRuns = 40;

Vec3 Truth(double t_s) { return kTarget0 + t_s * kVelocity; }

// One look of a radar at `site` at time t: a detection of a target at p_b (B's frame) with the
// stated sigmas, and Gaussian noise of those sigmas unless rng is null.
DetectionBatch Look(const LocalFrame& b_frame, const Geodetic& site, SensorId sensor, double t_s, const Vec3& p_b,
                    double sr_m, double sa_rad, RandomStream* rng) {
  const auto noise = [&](double sigma) { return rng ? rng->Normal(0.0, sigma) : 0.0; };
  const LocalFrame sf(site);
  const Vec3 p = sf.EnuFromGeodetic(b_frame.GeodeticFromEnu(p_b));
  const Polar polar = PolarFromEnu(p);
  DetectionBatch b;
  b.sensor = sensor;
  b.sensor_position = site;
  b.start = SimTime() + Duration::Seconds(t_s);
  b.end = b.start;
  b.az_from_rad = 0.0;
  b.az_to_rad = 2.0 * kPi - 1e-9;
  b.max_range_m = 400e3;
  Detection d;
  d.time = b.start;
  d.sensor = sensor;
  d.sensor_position = site;
  d.range_m = polar.range_m + noise(sr_m);
  d.azimuth_rad = std::fmod(polar.azimuth_rad + noise(sa_rad) + 2.0 * kPi, 2.0 * kPi);
  d.elevation_rad = polar.elevation_rad + noise(sa_rad);
  d.sigma_range_m = sr_m;
  d.sigma_azimuth_rad = d.sigma_elevation_rad = sa_rad;
  b.detections.push_back(d);
  return b;
}

// A's picture as network reports, the way sim/command_post_node.cc builds them (the covariance
// only when with_covariance).
PositionReportBatch Picture(const Tracker& a, SimTime delivered, bool with_covariance) {
  PositionReportBatch batch;
  batch.receiver = "a-to-b";
  batch.sender_unit = "A";
  batch.time = delivered;
  std::vector<PositionReport> reports;
  for (const TrackState& t : a.tracks()) {
    if (t.status != TrackStatus::kConfirmed) continue;
    PositionReport r;
    r.source = ReportSource::kNetwork;
    r.network = "a-to-b";
    r.sender_unit = "A";
    r.callsign = "A#" + std::to_string(t.id.value());
    r.time_of_validity = t.time;
    r.time_received = delivered;
    r.position = a.frame().GeodeticFromEnu(t.x.head<3>());
    const LocalFrame here(r.position);
    r.v_enu = here.EnuVectorFromEcef(a.frame().EcefVectorFromEnu(t.x.tail<3>()));
    if (with_covariance) {
      r.covariance = std::make_shared<const TrackCovariance>(TrackCovariance{t.P, a.frame().origin()});
    }
    r.sigma_horizontal_m = std::sqrt((t.P(0, 0) + t.P(1, 1)) / 2.0);
    r.sigma_vertical_m = std::sqrt(t.P(2, 2));
    r.identity = "unknown";
    reports.push_back(r);
  }
  batch.reports = std::make_shared<const std::vector<PositionReport>>(std::move(reports));
  return batch;
}

struct Sample {
  int look = 0;         // B's look index
  double err2 = 0.0;    // squared position error, m^2
  double verr2 = 0.0;   // squared velocity error, (m/s)^2
  double nees = 0.0;    // e' P_pos^-1 e over the position
  double nees6 = 0.0;   // the same over the whole state
};

enum class Form { kOff, kPositionOnly, kWholeState };

struct RunResult {
  std::vector<Sample> samples;
  std::uint64_t fused = 0;
};

RunResult RunOnce(Form form, std::uint64_t seed) {
  const LocalFrame b_frame(kFarSite);
  const Geodetic near_site = b_frame.GeodeticFromEnu(kNearSiteEnu);
  CommandPostConfig cfg;
  cfg.unit = UnitId(2);
  cfg.name = "B";
  cfg.tracker.origin = kFarSite;
  cfg.network.track_fusion = form == Form::kOff ? TrackFusion::kNone : TrackFusion::kCovarianceIntersection;
  CommandPost b(cfg);
  TrackerConfig a_cfg;
  a_cfg.origin = near_site;
  Tracker a(a_cfg);
  RandomStream rng_a = RandomStream(seed).Derive("near-radar", 0);
  RandomStream rng_b = RandomStream(seed).Derive("far-radar", 0);

  RunResult out;
  int look = 0;
  std::vector<PositionReportBatch> in_flight;
  // Events every 0.5 s: A looks at 2.5 + 5k, A sends at 5k + 4 (delivered at 5k + 5), B looks at 10k.
  for (int step = 0; step * 0.5 <= kDuration_s; ++step) {
    const double t = step * 0.5;
    const SimTime now = SimTime() + Duration::Seconds(t);
    if (std::fmod(t - 2.5, 5.0) == 0.0 && t >= 2.5) a.Process(Look(b_frame, near_site, SensorId(1), t, Truth(t), 30.0, 1e-3, &rng_a));
    if (std::fmod(t - 4.0, 5.0) == 0.0 && t >= 4.0)
      in_flight.push_back(Picture(a, now + Duration::Seconds(1.0), form == Form::kWholeState));
    for (auto it = in_flight.begin(); it != in_flight.end();) {
      if (it->time <= now) {
        b.OnPositionReports(*it);
        it = in_flight.erase(it);
      } else {
        ++it;
      }
    }
    if (std::fmod(t, 10.0) == 0.0) {
      b.OnDetections(Look(b_frame, kFarSite, SensorId(2), t, Truth(t), 150.0, 5e-3, &rng_b));
      ++look;
      if (t < 60.0) continue;
      // B's confirmed track(s) of the target (there is one target; a second track would be a bug).
      int confirmed = 0;
      for (const TrackState& s : b.tracker().tracks()) {
        if (s.status != TrackStatus::kConfirmed) continue;
        ++confirmed;
        StateVec e;
        e << s.x.head<3>() - Truth(s.time.seconds()), s.x.tail<3>() - kVelocity;
        const Eigen::Matrix3d P = s.P.topLeftCorner<3, 3>();
        const Vec3 ep = e.head<3>();
        out.samples.push_back({look, ep.squaredNorm(), e.tail<3>().squaredNorm(), ep.dot(P.ldlt().solve(ep)),
                               e.dot(s.P.ldlt().solve(e))});
      }
      EXPECT_EQ(confirmed, 1) << "t = " << t << " s, seed " << seed;
    }
  }
  out.fused = b.fused_reports();
  return out;
}

struct Summary {
  double rms = 0.0, vrms = 0.0;  // position (m) and velocity (m/s) RMS over every sample
  int samples = 0;
  std::uint64_t fused = 0;
};

// Runs every seed in `form`; with check_nees, also checks the NEES bounds (3 and 6 dof).
Summary RunAll(Form form, bool check_nees) {
  Summary out;
  double sum = 0.0, vsum = 0.0;
  std::vector<double> nees_sum[2] = {std::vector<double>(64, 0.0), std::vector<double>(64, 0.0)};
  std::vector<int> nees_n(64, 0);
  int over_99[2] = {0, 0};
  for (int run = 0; run < kRuns; ++run) {
    const RunResult r = RunOnce(form, 1000 + run);
    out.fused += r.fused;
    for (const Sample& s : r.samples) {
      sum += s.err2;
      vsum += s.verr2;
      ++out.samples;
      nees_sum[0][s.look] += s.nees;
      nees_sum[1][s.look] += s.nees6;
      ++nees_n[s.look];
      over_99[0] += s.nees > ChiSquareGate(3, 0.99);
      over_99[1] += s.nees6 > ChiSquareGate(6, 0.99);
    }
  }
  if (out.samples == 0) return out;
  out.rms = std::sqrt(sum / out.samples);
  out.vrms = std::sqrt(vsum / out.samples);
  if (!check_nees) return out;
  for (int k = 0; k < 2; ++k) {
    const int dof = k == 0 ? 3 : 6;
    const double upper = ChiSquareGate(dof * kRuns, 0.975) / kRuns;
    double worst = 0.0;
    for (std::size_t look = 0; look < nees_n.size(); ++look) {
      if (nees_n[look] == 0) continue;
      EXPECT_EQ(nees_n[look], kRuns) << "look " << look;
      const double mean = nees_sum[k][look] / nees_n[look];
      EXPECT_LE(mean, upper) << dof << " dof, look " << look << ": mean NEES " << mean;
      worst = std::max(worst, mean);
    }
    std::printf("  NEES over %d dof: largest mean over the looks %.2f (upper bound %.2f), %d of %d samples above "
                "chi2(%d, 0.99)\n", dof, worst, upper, over_99[k], out.samples, dof);
    EXPECT_LE(over_99[k], out.samples / 100) << over_99[k] << " of " << out.samples << " NEES samples above chi2(" << dof
                                             << ", 0.99)";
  }
  return out;
}

TEST(TrackFusion, CovarianceIntersectionMakesTheFarTrackMoreAccurateAndStaysConsistent) {
  const Summary off = RunAll(Form::kOff, false);
  std::printf("position-only reports:\n");
  const Summary pos = RunAll(Form::kPositionOnly, true);
  std::printf("whole-state reports:\n");
  const Summary whole = RunAll(Form::kWholeState, true);
  std::printf("far track RMS error, position / velocity: radar only %.1f m / %.2f m/s; CI with position-only reports "
              "%.1f m / %.2f m/s; CI with whole-state reports %.1f m / %.2f m/s (%d samples each; %llu and %llu "
              "reports fused)\n",
              off.rms, off.vrms, pos.rms, pos.vrms, whole.rms, whole.vrms, whole.samples,
              static_cast<unsigned long long>(pos.fused), static_cast<unsigned long long>(whole.fused));
  ASSERT_GT(off.samples, 0);
  EXPECT_EQ(off.samples, pos.samples);
  EXPECT_EQ(off.samples, whole.samples);
  EXPECT_EQ(off.fused, 0u);
  EXPECT_GT(pos.fused, 0u);
  EXPECT_EQ(whole.fused, pos.fused);
  EXPECT_LT(pos.rms, 0.5 * off.rms);
  EXPECT_LT(whole.rms, 0.5 * off.rms);
  EXPECT_LT(whole.vrms, 0.5 * off.vrms);
}

// One fusion across frames 300 km apart: B holds a poor track of a target; A's report of it is
// 10^4 times more precise. CI then takes A's estimate almost whole: B's position and velocity
// must come within a small fraction of the gap onto A's, expressed in B's frame by rotating
// A's ENU vectors through ECEF here (LocalFrame's own conversions, not the command post's).
// A position-only report moves the position onto A's, but not the velocity.
TEST(TrackFusion, WholeStateReportCarriesTheSendersVelocityAcrossFrames) {
  const Geodetic a_site{36.5, 38.5, 0.0};  // about 300 km from B's origin
  const LocalFrame b_frame(kFarSite), a_frame(a_site);
  // The target in A's frame: position and velocity, and A's tiny covariance.
  const Vec3 pa(-40e3, -30e3, 9000.0), va(180.0, -60.0, 5.0);
  StateCov Pa = StateCov::Zero();
  Pa.diagonal() << 1.0, 4.0, 9.0, 0.01, 0.04, 0.09;
  Pa(0, 3) = Pa(3, 0) = 0.05;  // a position-velocity correlation, as a filter has
  // The same target in B's frame (the test's own transform), and B's poor estimate of it.
  const Vec3 pb = b_frame.EnuFromEcef(a_frame.EcefFromEnu(pa));
  const Vec3 vb = b_frame.EnuVectorFromEcef(a_frame.EcefVectorFromEnu(va));
  for (const bool whole : {true, false}) {
    CommandPostConfig cfg;
    cfg.unit = UnitId(2);
    cfg.name = "B";
    cfg.tracker.origin = kFarSite;
    cfg.network.track_fusion = TrackFusion::kCovarianceIntersection;
    CommandPost b(cfg);
    // Confirm a track 2.5 km off pb with B's radar (four looks, 1 s apart, noise-free detections).
    const Vec3 off(2000.0, -1500.0, 300.0);
    for (int k = 0; k < 4; ++k)
      b.OnDetections(Look(b_frame, kFarSite, SensorId(2), k, pb + off + double(k) * vb, 150.0, 5e-3, nullptr));
    ASSERT_EQ(b.tracker().tracks().size(), 1u);
    const TrackState before = b.tracker().tracks()[0];
    ASSERT_EQ(before.status, TrackStatus::kConfirmed);
    const SimTime t = before.time;
    // A's report at B's track time, its target state at that time (A's estimate is the truth here).
    PositionReport r;
    r.source = ReportSource::kNetwork;
    r.network = "a-to-b";
    r.sender_unit = "A";
    r.callsign = "A#1";
    r.time_of_validity = r.time_received = t;
    const Vec3 pa_t = pa + t.seconds() * va;
    r.position = a_frame.GeodeticFromEnu(pa_t);
    const LocalFrame here(r.position);
    const Eigen::Matrix3d to_here = here.R_enu_from_ecef() * a_frame.R_enu_from_ecef().transpose();
    r.v_enu = to_here * va;
    r.sigma_horizontal_m = std::sqrt((Pa(0, 0) + Pa(1, 1)) / 2.0);
    r.sigma_vertical_m = std::sqrt(Pa(2, 2));
    if (whole) {
      r.covariance = std::make_shared<const TrackCovariance>(TrackCovariance{Pa, a_site});  // in A's frame
    }
    PositionReportBatch batch;
    batch.sender_unit = "A";
    batch.time = t;
    batch.reports = std::make_shared<const std::vector<PositionReport>>(1, r);
    b.OnPositionReports(batch);
    ASSERT_EQ(b.fused_reports(), 1u) << (whole ? "whole state" : "position only");
    const TrackState& after = b.tracker().tracks()[0];
    const Vec3 p_true = pb + t.seconds() * vb;
    const double p_gap = (before.x.head<3>() - p_true).norm(), v_gap = (before.x.tail<3>() - vb).norm();
    const double p_err = (after.x.head<3>() - p_true).norm(), v_err = (after.x.tail<3>() - vb).norm();
    std::printf("%s: position %.1f m -> %.3f m off A's, velocity %.2f m/s -> %.3f m/s off A's\n",
                whole ? "whole state" : "position only", p_gap, p_err, v_gap, v_err);
    ASSERT_GT(p_gap, 1000.0);
    EXPECT_LT(p_err, 0.01 * p_gap);
    if (whole) {
      ASSERT_GT(v_gap, 1.0);  // B's four looks leave its velocity off by more than A's sigma (0.1-0.3 m/s)
      EXPECT_LT(v_err, 0.02 * v_gap + 0.5);
      // The whole fusion by hand: A's covariance turned into B's axes by the rotation whose
      // columns are A's east, north and up carried through ECEF into B's frame, the floors added,
      // and CI (tested on its own against closed forms) of B's estimate with A's.
      Eigen::Matrix3d rot;
      for (int i = 0; i < 3; ++i) rot.col(i) = b_frame.EnuVectorFromEcef(a_frame.EcefVectorFromEnu(Vec3::Unit(i)));
      Eigen::Matrix<double, 6, 6> T = Eigen::Matrix<double, 6, 6>::Zero();
      T.topLeftCorner<3, 3>() = T.bottomRightCorner<3, 3>() = rot;
      Eigen::Matrix<double, 6, 6> Pr = T * Pa * T.transpose();
      Pr.diagonal() += (Eigen::Matrix<double, 6, 1>() << 1.0, 1.0, 1.0, 0.01, 0.01, 0.01).finished();
      StateVec xr;
      xr << b_frame.EnuFromGeodetic(r.position), b_frame.EnuVectorFromEcef(a_frame.EcefVectorFromEnu(va));
      const FusedEstimate f = CovarianceIntersection(before.x, before.P, xr, Pr, CiCriterion::kDeterminant);
      for (int i = 0; i < 6; ++i) {
        EXPECT_NEAR(after.x(i), f.x(i), 1e-6 * (1.0 + std::abs(f.x(i)))) << i;
        for (int j = 0; j < 6; ++j) EXPECT_NEAR(after.P(i, j), f.P(i, j), 1e-6 * (1e-3 + std::abs(f.P(i, i)))) << i << j;
      }
    } else {
      EXPECT_GT(v_err, 0.5 * v_gap);  // position-only CI does not bring B's velocity onto A's
    }
  }
}

}  // namespace
}  // namespace iadsim
