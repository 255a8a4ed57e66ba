// Surveillance radar, Monte Carlo over many revolutions of a world with an almost motionless
// aircraft at a chosen SNR: detection frequency against the exact Pd (Swerling 0: the published
// 13.18 dB for Pd 0.9 at Pfa 1e-6; Swerling 1: the closed form Pfa^(1/(1+snr))), false-alarm counts
// against Pfa x cells, 2-D radar, measurement biases, and merged echoes. The SNR is set by placing
// the aircraft at the range the radar equation (computed here by hand) gives for it.
#include "iadsim/sensors/surveillance_radar.h"

#include <gtest/gtest.h>

#include <boost/math/special_functions/gamma.hpp>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kBoltzmann = 1.380649e-23;
const Geodetic kSite{34.0, 36.0, 10.0};

// R at which SNR = Pt G^2 lambda^2 sigma tau / ((4 pi)^3 k Ts R^4 L) equals snr_db (hand formula).
double RangeForSnr(const RadarParameters& p, double rcs_m2, double snr_db) {
  const double g = std::pow(10.0, p.gain_db / 10.0), l = std::pow(10.0, p.losses_db / 10.0);
  const double lambda = 299792458.0 / p.frequency_hz;
  const double num = p.peak_power_w * g * g * lambda * lambda * rcs_m2 * p.pulse_width_s;
  const double den = std::pow(4.0 * kPi, 3) * kBoltzmann * p.noise_temperature_k * l * std::pow(10.0, snr_db / 10.0);
  return std::pow(num / den, 0.25);
}

// An aircraft at slant range range_m, azimuth az_rad, elevation el_rad from the site, creeping
// radially outward at 1 mm/s (the SNR changes by < 0.001 dB over the test).
Entity Aircraft(const std::string& name, double range_m, double az_rad, double el_rad, double rcs_m2, int swerling) {
  const LocalFrame f(kSite);
  auto at = [&](double r) {
    return f.GeodeticFromEnu(Vec3(r * std::cos(el_rad) * std::sin(az_rad), r * std::cos(el_rad) * std::cos(az_rad),
                                  r * std::sin(el_rad)));
  };
  RouteConfig route;
  route.waypoints = {{at(range_m), 0.001}, {at(range_m + 100.0), 0.001}};
  Entity e;
  e.name = name;
  e.signature.rcs_m2 = rcs_m2;
  e.signature.swerling = swerling;
  e.route = RouteMover(route);
  return e;
}

RadarConfig Radar() {
  RadarConfig c;
  c.name = "r";
  c.id = SensorId(1);
  c.position = kSite;
  c.scan_period_s = 1.0;
  c.sectors = 1;
  c.max_range_m = 200e3;
  c.false_alarms = false;
  return c;
}

struct Result {
  int revolutions = 0;
  std::vector<Detection> detections;
  std::vector<SweepTruth::Sources> sources;
};

Result RunRadar(const World& world, const RadarConfig& config, int revolutions, std::uint64_t seed = 7) {
  EXPECT_TRUE(config.Validate().empty());
  SurveillanceRadar radar(config, IffConfig{}, RandomStream(seed));
  Result out;
  out.revolutions = revolutions;
  DetectionBatch batch;
  IffSweep iff;
  SweepTruth truth;
  for (int r = 0; r < revolutions; ++r)
    for (int k = 0; k < config.sectors; ++k) {
      radar.Sweep(world, SimTime() + Duration::Seconds(r * config.scan_period_s), static_cast<std::uint64_t>(r), k,
                  &batch, &iff, &truth);
      for (std::size_t i = 0; i < batch.detections.size(); ++i) {
        out.detections.push_back(batch.detections[i]);
        out.sources.push_back(truth.sources[i]);
      }
    }
  return out;
}

// 99 % two-sided binomial bound on a frequency over n trials of probability p.
double BinomialBound(double p, int n) { return 2.576 * std::sqrt(p * (1.0 - p) / n); }

TEST(SurveillanceRadarMc, Swerling0DetectionFrequencyMatchesPublishedPd) {
  // Pfa 1e-6, one pulse, non-fluctuating: 13.18 dB gives Pd = 0.90 (Skolnik 3rd ed. fig. 2.6; the
  // table value is rounded, hence the extra 0.005).
  RadarConfig c = Radar();
  World world;
  world.Add(Aircraft("a", RangeForSnr(c.radar, 2.0, 13.18), 1.0, 0.05, 2.0, 0));
  const int n = 3000;
  const Result r = RunRadar(world, c, n);
  const double freq = static_cast<double>(r.detections.size()) / n;
  EXPECT_NEAR(freq, 0.90, BinomialBound(0.9, n) + 0.005);
  // The reported SNR is the mean SNR of the cell.
  ASSERT_FALSE(r.detections.empty());
  EXPECT_NEAR(r.detections[0].snr_db, 13.18, 0.01);
}

TEST(SurveillanceRadarMc, Swerling1DetectionFrequencyMatchesClosedForm) {
  RadarConfig c = Radar();
  World world;
  world.Add(Aircraft("a", RangeForSnr(c.radar, 5.0, 13.0), 2.0, 0.03, 5.0, 1));
  const double pd = std::pow(1e-6, 1.0 / (1.0 + std::pow(10.0, 1.3)));  // 0.5172
  EXPECT_NEAR(pd, 0.5172, 1e-4);
  const int n = 3000;
  const Result r = RunRadar(world, c, n);
  EXPECT_NEAR(static_cast<double>(r.detections.size()) / n, pd, BinomialBound(pd, n));
  // A Swerling 1 target at 21.14 dB: Pd 0.90 (the same reference table).
  World strong;
  strong.Add(Aircraft("b", RangeForSnr(c.radar, 5.0, 21.14), 2.0, 0.03, 5.0, 1));
  const Result s = RunRadar(strong, c, n);
  EXPECT_NEAR(static_cast<double>(s.detections.size()) / n, 0.90, BinomialBound(0.9, n) + 0.005);
}

TEST(SurveillanceRadarMc, FalseAlarmCountIsPfaTimesCells) {
  // 2-D radar, 30 km instrumented, 150 m resolution: 200 range cells x ceil(2 pi / 0.0175) = 360
  // beam positions x 1 elevation beam = 72 000 cells; Pfa 1e-3 -> 72 false alarms per revolution.
  RadarConfig c = Radar();
  c.false_alarms = true;
  c.measures_elevation = false;
  c.max_range_m = 30e3;
  c.range_resolution_m = 150.0;
  c.azimuth_beamwidth_rad = 0.0175;
  c.radar.pfa = 1e-3;
  c.sectors = 4;  // ceil((pi/2) / 0.0175) = 90 per sector: the same 360 beam positions
  const World world;
  const int n = 300;
  const Result r = RunRadar(world, c, n);
  const double mean = 72.0;
  EXPECT_NEAR(static_cast<double>(r.detections.size()) / n, mean, 2.576 * std::sqrt(mean / n));
  // Uniform in range over [0, 30 km): mean 15 km, sd 30 km / sqrt(12).
  double sum_r = 0.0;
  for (std::size_t i = 0; i < r.detections.size(); ++i) {
    EXPECT_TRUE(r.sources[i].empty());  // truth: a false alarm
    EXPECT_FALSE(r.detections[i].has_elevation);
    sum_r += r.detections[i].range_m;
  }
  const double m = static_cast<double>(r.detections.size());
  EXPECT_NEAR(sum_r / m, 15e3, 2.576 * 30e3 / std::sqrt(12.0 * m));
}

TEST(SurveillanceRadarMc, TwoDimensionalRadarReportsNoElevation) {
  RadarConfig c = Radar();
  c.measures_elevation = false;
  World world;
  world.Add(Aircraft("a", 60e3, 3.0, 0.08, 10.0, 1));
  const Result r = RunRadar(world, c, 50);
  ASSERT_GT(r.detections.size(), 40u);
  for (const Detection& d : r.detections) {
    EXPECT_FALSE(d.has_elevation);
    EXPECT_EQ(d.elevation_rad, 0.0);
    EXPECT_EQ(d.sigma_elevation_rad, 0.0);
  }
}

TEST(SurveillanceRadarMc, BiasesShiftTheMeanMeasurement) {
  RadarConfig c = Radar();
  c.range_bias_m = 500.0;
  c.azimuth_bias_rad = 0.01;
  c.elevation_bias_rad = -0.004;
  World world;
  const EntityId id = world.Add(Aircraft("a", 50e3, 4.0, 0.06, 10.0, 0));
  const Result r = RunRadar(world, c, 1000);
  ASSERT_GT(r.detections.size(), 990u);  // ~34 dB: Pd ~ 1
  const LocalFrame f(kSite);
  double dr = 0.0, da = 0.0, de = 0.0;
  for (const Detection& d : r.detections) {
    const Polar truth = PolarFromEnu(f.EnuFromEcef(world.StateAt(id, d.time)->p_ecef));
    dr += d.range_m - truth.range_m;
    da += std::remainder(d.azimuth_rad - truth.azimuth_rad, 2.0 * kPi);
    de += d.elevation_rad - truth.elevation_rad;
  }
  const double n = static_cast<double>(r.detections.size());
  const Detection& d0 = r.detections[0];
  EXPECT_NEAR(dr / n, 500.0, 2.576 * d0.sigma_range_m / std::sqrt(n));
  EXPECT_NEAR(da / n, 0.01, 2.576 * d0.sigma_azimuth_rad / std::sqrt(n));
  EXPECT_NEAR(de / n, -0.004, 2.576 * d0.sigma_elevation_rad / std::sqrt(n));
}

TEST(SurveillanceRadarMc, MergedPairGivesOneDetectionListingBothStrongestFirst) {
  // A 100 m^2 and a 3 m^2 aircraft 60 m apart in range in the same beam (resolution 150 m): one
  // detection whose SNR is the sum of the two echoes' radar-equation SNRs (36.5 dB + 21.3 dB).
  RadarConfig c = Radar();
  World world;
  const EntityId small = world.Add(Aircraft("small", 80e3 + 60.0, 5.0, 0.05, 3.0, 0));
  const EntityId big = world.Add(Aircraft("big", 80e3, 5.0, 0.05, 100.0, 0));
  const Result r = RunRadar(world, c, 20);
  ASSERT_EQ(r.detections.size(), 20u);
  const double snr_big = std::pow(10.0, 13.0 / 10.0) * std::pow(RangeForSnr(c.radar, 100.0, 13.0) / 80e3, 4);
  const double snr_small = std::pow(10.0, 13.0 / 10.0) * std::pow(RangeForSnr(c.radar, 3.0, 13.0) / (80e3 + 60.0), 4);
  for (std::size_t i = 0; i < r.detections.size(); ++i) {
    ASSERT_EQ(r.sources[i].size(), 2u);
    EXPECT_EQ(r.sources[i][0], big);
    EXPECT_EQ(r.sources[i][1], small);
    EXPECT_NEAR(r.detections[i].snr_db, 10.0 * std::log10(snr_big + snr_small), 1e-3);
  }
  // 200 m apart: two detections per revolution.
  World apart;
  apart.Add(Aircraft("small", 80e3 + 200.0, 5.0, 0.05, 3.0, 0));
  apart.Add(Aircraft("big", 80e3, 5.0, 0.05, 100.0, 0));
  EXPECT_EQ(RunRadar(apart, c, 20).detections.size(), 40u);
}

TEST(SurveillanceRadarMc, NoncoherentPulsesSwerling2) {
  // 10 pulses integrated non-coherently, Swerling 2 (Rayleigh, pulse to pulse): the square-law sum
  // is Gamma(N, 1 + snr), so Pd = Q(N, T / (1 + snr)) with T = Q^-1(N, Pfa) (DiFranco & Rubin;
  // evaluated here with Boost's regularised incomplete gamma). Single-pulse SNR 5 dB.
  RadarConfig c = Radar();
  c.noncoherent_pulses = 10;
  c.max_range_m = 300e3;  // the target is at 219 km
  World world;
  world.Add(Aircraft("a", RangeForSnr(c.radar, 4.0, 5.0), 0.5, 0.05, 4.0, 2));
  const double t = boost::math::gamma_q_inv(10.0, 1e-6);
  const double pd = boost::math::gamma_q(10.0, t / (1.0 + std::pow(10.0, 0.5)));
  EXPECT_GT(pd, 0.3);
  EXPECT_LT(pd, 0.9);
  const int n = 3000;
  const Result r = RunRadar(world, c, n);
  EXPECT_NEAR(static_cast<double>(r.detections.size()) / n, pd, BinomialBound(pd, n));
}

}  // namespace
}  // namespace iadsim
