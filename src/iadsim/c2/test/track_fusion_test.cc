// Track-to-track fusion in the command post (NetworkDoctrine::track_fusion = covariance
// intersection), over seeded Monte Carlo runs of two units that see the same target:
//   far unit B: its radar 180-190 km from the target, sigma_range 150 m, sigma_az = sigma_el
//     5 mrad (about 900 m across the beam), a look every 10 s;
//   near unit A: its radar 20 km from the target, sigma_range 30 m, sigma_az = sigma_el 1 mrad,
//     a look every 5 s; every 5 s A's confirmed tracks go to B as network reports (sigmas from
//     A's covariance as sim/network_link.h sends them), delivered 1 s later.
// Checked against numbers the code does not produce:
//   - accuracy: B's position error (vs the target's true position, after 60 s) has an RMS at most
//     half of its RMS without fusion (A's track is ~10x more accurate, so CI should take most of it);
//   - consistency: the position NEES e' P^-1 e of B's track is not overconfident: at each look the
//     mean over the runs is below the chi-square 97.5 % quantile for 3 x runs degrees of freedom
//     divided by runs (a consistent filter is above it 2.5 % of the time; CI is conservative), and
//     no more than 1 % of all samples exceed chi2(3) at 0.99 = 11.34 (1 % for a consistent filter).
//   - off: fusion off leaves the estimate as the radar-only tracker makes it (no report fused).
#include <gtest/gtest.h>

#include <Eigen/Cholesky>
#include <cmath>
#include <vector>

#include "iadsim/c2/command_post.h"
#include "iadsim/core/rng.h"
#include "iadsim/tracking/chi_square_gate.h"

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

// One look of a radar at `site` at time t: a detection of the true target with Gaussian noise.
DetectionBatch Look(const LocalFrame& b_frame, const Geodetic& site, SensorId sensor, double t_s, double sr_m,
                    double sa_rad, RandomStream& rng) {
  const LocalFrame sf(site);
  const Vec3 p = sf.EnuFromGeodetic(b_frame.GeodeticFromEnu(Truth(t_s)));
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
  d.range_m = polar.range_m + rng.Normal(0.0, sr_m);
  d.azimuth_rad = std::fmod(polar.azimuth_rad + rng.Normal(0.0, sa_rad) + 2.0 * kPi, 2.0 * kPi);
  d.elevation_rad = polar.elevation_rad + rng.Normal(0.0, sa_rad);
  d.sigma_range_m = sr_m;
  d.sigma_azimuth_rad = d.sigma_elevation_rad = sa_rad;
  b.detections.push_back(d);
  return b;
}

// A's picture as network reports, the way sim/network_link.cc builds them.
PositionReportBatch Picture(const Tracker& a, SimTime sent, SimTime delivered) {
  PositionReportBatch batch;
  batch.receiver = "a-to-b";
  batch.sender_unit = "A";
  batch.time = delivered;
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
    r.v_enu = LocalFrame(r.position).EnuVectorFromEcef(a.frame().EcefVectorFromEnu(t.x.tail<3>()));
    r.sigma_horizontal_m = std::sqrt((t.P(0, 0) + t.P(1, 1)) / 2.0);
    r.sigma_vertical_m = std::sqrt(t.P(2, 2));
    r.identity = "unknown";
    batch.reports.push_back(r);
  }
  (void)sent;
  return batch;
}

struct Sample {
  int look = 0;        // B's look index
  double err2 = 0.0;   // squared position error, m^2
  double nees = 0.0;   // e' P_pos^-1 e
};

struct RunResult {
  std::vector<Sample> samples;
  std::uint64_t fused = 0;
};

RunResult RunOnce(TrackFusion fusion, std::uint64_t seed) {
  const LocalFrame b_frame(kFarSite);
  const Geodetic near_site = b_frame.GeodeticFromEnu(kNearSiteEnu);
  CommandPostConfig cfg;
  cfg.unit = UnitId(2);
  cfg.name = "B";
  cfg.tracker.origin = kFarSite;
  cfg.network.track_fusion = fusion;
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
    if (std::fmod(t - 2.5, 5.0) == 0.0 && t >= 2.5) a.Process(Look(b_frame, near_site, SensorId(1), t, 30.0, 1e-3, rng_a));
    if (std::fmod(t - 4.0, 5.0) == 0.0 && t >= 4.0)
      in_flight.push_back(Picture(a, now, now + Duration::Seconds(1.0)));
    for (auto it = in_flight.begin(); it != in_flight.end();) {
      if (it->time <= now) {
        b.OnPositionReports(*it);
        it = in_flight.erase(it);
      } else {
        ++it;
      }
    }
    if (std::fmod(t, 10.0) == 0.0) {
      b.OnDetections(Look(b_frame, kFarSite, SensorId(2), t, 150.0, 5e-3, rng_b));
      ++look;
      if (t < 60.0) continue;
      // B's confirmed track(s) of the target (there is one target; a second track would be a bug).
      int confirmed = 0;
      for (const TrackState& s : b.tracker().tracks()) {
        if (s.status != TrackStatus::kConfirmed) continue;
        ++confirmed;
        const Vec3 e = s.x.head<3>() - Truth(s.time.seconds());
        const Eigen::Matrix3d P = s.P.topLeftCorner<3, 3>();
        out.samples.push_back({look, e.squaredNorm(), e.dot(P.ldlt().solve(e))});
      }
      EXPECT_EQ(confirmed, 1) << "t = " << t << " s, seed " << seed;
    }
  }
  out.fused = b.fused_reports();
  return out;
}

TEST(TrackFusion, CovarianceIntersectionMakesTheFarTrackMoreAccurateAndStaysConsistent) {
  double sum_off = 0.0, sum_on = 0.0;
  int n_off = 0, n_on = 0, over_99 = 0;
  std::vector<double> nees_sum(64, 0.0);
  std::vector<int> nees_n(64, 0);
  std::uint64_t fused = 0;
  for (int run = 0; run < kRuns; ++run) {
    const RunResult off = RunOnce(TrackFusion::kNone, 1000 + run);
    const RunResult on = RunOnce(TrackFusion::kCovarianceIntersection, 1000 + run);
    EXPECT_EQ(off.fused, 0u);
    fused += on.fused;
    for (const Sample& s : off.samples) {
      sum_off += s.err2;
      ++n_off;
    }
    for (const Sample& s : on.samples) {
      sum_on += s.err2;
      ++n_on;
      nees_sum[s.look] += s.nees;
      ++nees_n[s.look];
      if (s.nees > ChiSquareGate(3, 0.99)) ++over_99;
    }
  }
  ASSERT_GT(n_off, 0);
  ASSERT_GT(n_on, 0);
  const double rms_off = std::sqrt(sum_off / n_off), rms_on = std::sqrt(sum_on / n_on);
  std::printf("far track position RMS error: %.1f m radar only, %.1f m with CI fusion (%d, %d samples, %llu reports fused)\n",
              rms_off, rms_on, n_off, n_on, static_cast<unsigned long long>(fused));
  EXPECT_GT(fused, 0u);
  EXPECT_LT(rms_on, 0.5 * rms_off);
  const double upper = ChiSquareGate(3 * kRuns, 0.975) / kRuns;
  for (std::size_t k = 0; k < nees_sum.size(); ++k) {
    if (nees_n[k] == 0) continue;
    EXPECT_EQ(nees_n[k], kRuns) << "look " << k;
    const double mean = nees_sum[k] / nees_n[k];
    EXPECT_LE(mean, upper) << "look " << k << ": mean NEES " << mean;
    std::printf("look %2zu: mean NEES %.2f (upper bound %.2f)\n", k, mean, upper);
  }
  EXPECT_LE(over_99, n_on / 100) << over_99 << " of " << n_on << " NEES samples above chi2(3, 0.99)";
}

}  // namespace
}  // namespace iadsim
