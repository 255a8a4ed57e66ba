// The surveillance radar's receiver environment: J/N of a jammer against a hand evaluation of the
// jammer equation, the detection probability of a self-screening jammer's carrier against the
// burn-through closed form, strobes of a stand-off jammer (main beam vs. sidelobes), and the clutter
// C/N at one range by hand (constant gamma, pulse-limited cell, 4/3-earth grazing angle).
#include "iadsim/sensors/radar_environment.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "iadsim/sensors/jamming.h"
#include "iadsim/sensors/surveillance_radar.h"

namespace iadsim {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kBoltzmann = 1.380649e-23;
constexpr double kC = 299792458.0;
const Geodetic kSite{34.0, 36.0, 20.0};

Vec3 EnuOf(double range_m, double az_rad, double el_rad) {
  return Vec3(range_m * std::cos(el_rad) * std::sin(az_rad), range_m * std::cos(el_rad) * std::cos(az_rad),
              range_m * std::sin(el_rad));
}

Jammer FixedJammer(const Geodetic& at, double power_w) {
  Jammer j;
  j.name = "soj";
  j.power_w = power_w;
  j.gain_db = 10.0;
  j.bandwidth_hz = 100e6;
  j.losses_db = 3.0;
  j.position = at;
  return j;
}

// Hand J/N: J = Pj Gj / (4 pi R^2) * Gr lambda^2 / (4 pi) / Lj * Br / Bj;  N = k Ts Br, Br = 1/tau.
double HandJnr(const RadarParameters& p, const Jammer& j, double range_m, double rx_gain_db) {
  const double lambda = kC / p.frequency_hz, br = 1.0 / p.pulse_width_s;
  const double jw = j.power_w * std::pow(10.0, j.gain_db / 10.0) / (4.0 * kPi * range_m * range_m) *
                    std::pow(10.0, rx_gain_db / 10.0) * lambda * lambda / (4.0 * kPi) / std::pow(10.0, j.losses_db / 10.0) *
                    br / j.bandwidth_hz;
  return jw / (kBoltzmann * p.noise_temperature_k * br);
}

TEST(RadarEnvironment, JammerToNoiseMatchesTheJammerEquation) {
  const LocalFrame frame(kSite);
  const Vec3 enu = EnuOf(120e3, 1.0, 0.03);
  World world;
  world.AddJammer(FixedJammer(frame.GeodeticFromEnu(enu), 200.0));
  const RadarParameters radar;  // 3 GHz, 35 dBi, 1 us, 500 K
  AntennaPattern pattern;       // sinc, 1 deg, sidelobes 30 dB down
  const Polar p = PolarFromEnu(enu);
  const double main = JammingToNoise(world, radar, pattern, kSite, frame, SimTime(), p.azimuth_rad, p.elevation_rad);
  EXPECT_NEAR(main / HandJnr(radar, world.jammers()[0], 120e3, 35.0), 1.0, 1e-9);
  // Beam 90 deg away: the sidelobe floor, 30 dB less.
  const double side = JammingToNoise(world, radar, pattern, kSite, frame, SimTime(), p.azimuth_rad + kPi / 2, p.elevation_rad);
  EXPECT_NEAR(side / HandJnr(radar, world.jammers()[0], 120e3, 5.0), 1.0, 1e-9);
  // Not radiating yet, or beyond the radio horizon: nothing.
  World later;
  Jammer j = FixedJammer(frame.GeodeticFromEnu(enu), 200.0);
  j.start = SimTime() + Duration::Seconds(10.0);
  later.AddJammer(j);
  EXPECT_EQ(JammingToNoise(later, radar, pattern, kSite, frame, SimTime(), p.azimuth_rad, p.elevation_rad), 0.0);
  World hidden;
  const LocalFrame f(kSite);
  Geodetic low = f.GeodeticFromEnu(EnuOf(300e3, 1.0, 0.0));
  low.alt_m = 10.0;  // 300 km away at 10 m: far below the 4/3-earth horizon (18 km + 13 km)
  hidden.AddJammer(FixedJammer(low, 200.0));
  EXPECT_EQ(JammingToNoise(hidden, radar, pattern, kSite, frame, SimTime(), 1.0, 0.0), 0.0);
}

Entity Aircraft(const LocalFrame& f, double range_m, double az_rad, double el_rad, double rcs_m2) {
  RouteConfig route;
  route.waypoints = {{f.GeodeticFromEnu(EnuOf(range_m, az_rad, el_rad)), 0.001},
                     {f.GeodeticFromEnu(EnuOf(range_m + 100.0, az_rad, el_rad)), 0.001}};
  Entity e;
  e.name = "escort";
  e.signature.rcs_m2 = rcs_m2;
  e.signature.swerling = 0;
  e.route = RouteMover(route);
  return e;
}

double DetectionFrequency(double range_m, double pj_w, int n) {
  RadarConfig c;
  c.name = "r";
  c.position = kSite;
  c.scan_period_s = 1.0;
  c.sectors = 1;
  c.false_alarms = false;
  c.radar.losses_db = 0.0;  // the burn-through closed form has no radar losses
  // A wide beam (it does not enter the self-screening J/S) keeps the strobe search of every
  // sweep short: the test stays fast.
  c.azimuth_beamwidth_rad = 0.1;
  const LocalFrame f(kSite);
  World world;
  const EntityId id = world.Add(Aircraft(f, range_m, 2.0, 0.05, 5.0));
  Jammer j;
  j.power_w = pj_w;
  j.bandwidth_hz = 100e6;
  j.carrier = id;
  world.AddJammer(j);
  SurveillanceRadar radar(c, IffConfig{}, RandomStream(11));
  DetectionBatch batch;
  IffSweep iff;
  int hits = 0;
  for (int r = 0; r < n; ++r) {
    radar.Sweep(world, SimTime() + Duration::Seconds(r), static_cast<std::uint64_t>(r), 0, &batch, &iff);
    hits += static_cast<int>(batch.detections.size());
  }
  return static_cast<double>(hits) / n;
}

TEST(RadarEnvironment, SelfScreeningJammerBurnThrough) {
  // ERP_S = 1 MW x 35 dBi, sigma = 5 m^2, ERP_J = 100 W, Br/Bj = 1 MHz / 100 MHz, no processing
  // gain. The radar needs S/J = 13.18 dB for Pd = 0.9 (Swerling 0, Pfa 1e-6), i.e. (J/S)_req =
  // -13.18 dB; J/S grows as R^2, so at R_BT / 2 S/J = 19.2 dB (Pd ~ 1) and at 2 R_BT 7.16 dB (Pd small).
  const double erp_s = 1e6 * std::pow(10.0, 3.5);
  const double r_bt = BurnThroughRangeM(100.0, erp_s, 5.0, -13.18, 0.01, 0.0);
  // Hand: R_BT^2 = ERP_S sigma (J/S)_req / (ERP_J 4 pi Br/Bj).
  EXPECT_NEAR(r_bt, std::sqrt(erp_s * 5.0 * std::pow(10.0, -1.318) / (100.0 * 4.0 * kPi * 0.01)), 1e-6);
  const int n = 400;
  EXPECT_NEAR(DetectionFrequency(r_bt, 100.0, n), 0.90, 2.576 * std::sqrt(0.09 / n) + 0.005);
  EXPECT_GT(DetectionFrequency(r_bt / 2.0, 100.0, 100), 0.98);  // Pd(19.2 dB) > 0.9999
  EXPECT_LT(DetectionFrequency(2.0 * r_bt, 100.0, 100), 0.10);  // Pd(7.16 dB) ~ 0.02
  // Without the jammer's power the same aircraft at 2 R_BT is always seen.
  EXPECT_GT(DetectionFrequency(2.0 * r_bt, 1e-12, 50), 0.99);
}

TEST(RadarEnvironment, StandOffJammerStrobes) {
  const LocalFrame frame(kSite);
  const double bearing = 1.0;
  const Vec3 enu = EnuOf(150e3, bearing, 0.02);
  const RadarParameters radar;
  ReceiverEnvironment env;
  env.pattern.shape = BeamShape::kGaussian;  // no near sidelobes: the main lobe alone crosses
  env.strobe_jnr_db = 13.0;
  const double bw = env.pattern.azimuth_beamwidth_rad;
  auto strobes = [&](double power_w) {
    World world;
    world.AddJammer(FixedJammer(frame.GeodeticFromEnu(enu), power_w));
    // Main-beam J/N for the record (hand): weak ~ 30 dB, strong ~ 60 dB.
    return FindStrobes(world, radar, env, kSite, frame, SimTime(), SimTime() + Duration::Seconds(1.0), bearing - kPi / 4,
                       kPi / 2, 0.0);
  };
  Jammer probe = FixedJammer(Geodetic{}, 1.0);
  const double jnr_per_watt = HandJnr(radar, probe, 150e3, 35.0);
  const double weak_w = std::pow(10.0, 3.0) / jnr_per_watt;    // J/N = 30 dB in the main beam
  const double strong_w = std::pow(10.0, 6.0) / jnr_per_watt;  // 60 dB: 30 dB through the sidelobes
  const auto weak = strobes(weak_w);
  ASSERT_EQ(weak.size(), 1u);
  EXPECT_NEAR(weak[0].azimuth_rad, bearing, bw);
  EXPECT_LE(weak[0].width_rad, 3.0 * bw);  // Gaussian beam above -17 dB: 2.4 beamwidths
  // The nearest sample is a quarter beamwidth off the bearing (samples every half beamwidth from
  // the sector's start): Gaussian loss 4 ln 2 / 16 = 0.7526 dB.
  EXPECT_NEAR(weak[0].peak_jnr_db, 30.0 - 0.7526, 0.01);
  const auto strong = strobes(strong_w);
  ASSERT_EQ(strong.size(), 1u);
  EXPECT_NEAR(strong[0].azimuth_rad, bearing, bw);
  EXPECT_GE(strong[0].width_rad, 0.95 * kPi / 2);  // the whole sector: sidelobe J/N 30 dB > 13 dB
  // Too weak for the threshold even in the main beam: no strobe.
  EXPECT_TRUE(strobes(weak_w / 1000.0).empty());
}

TEST(RadarEnvironment, ClutterToNoiseByHand) {
  // Antenna at 20 m, target cell at 10 km in the lowest beam; 4/3 earth ka = 8 494 667 m:
  // psi = asin(20 / 10 000) - 10 000 / (2 ka) = 1.41139e-3 rad; gamma -15 dB:
  // sigma0 = 0.0316228 sin psi; pulse-limited A = R theta_az dR / cos psi = 10 000 x 0.0175 x 150;
  // sigma_c = sigma0 A; C/N = SNR(sigma_c, R) / I with I = 30 dB.
  const RadarParameters radar;
  AntennaPattern pattern;
  pattern.azimuth_beamwidth_rad = pattern.elevation_beamwidth_rad = 0.0175;
  const ClutterSetting clutter;  // -15 dB, I = 30 dB
  const double ka = 4.0 / 3.0 * 6371000.0;
  const double psi = std::asin(20.0 / 10e3) - 10e3 / (2.0 * ka);
  EXPECT_NEAR(psi, 1.41139e-3, 1e-8);
  const double sigma_c = std::pow(10.0, -1.5) * std::sin(psi) * 10e3 * 0.0175 * 150.0 / std::cos(psi);
  const double g = std::pow(10.0, 3.5), lambda = kC / radar.frequency_hz;
  const double snr = radar.peak_power_w * g * g * lambda * lambda * sigma_c * radar.pulse_width_s /
                     (std::pow(4.0 * kPi, 3) * kBoltzmann * radar.noise_temperature_k * std::pow(10.0, 0.6) * 1e16);
  const double cn = ClutterToNoise(clutter, radar, pattern, 150.0, 20.0, 10e3, 0.01);
  EXPECT_NEAR(cn / (snr / 1000.0), 1.0, 1e-9);
  // Above the lowest beam, or beyond the antenna's horizon (sqrt(2 ka h) = 18.4 km): none.
  EXPECT_EQ(ClutterToNoise(clutter, radar, pattern, 150.0, 20.0, 10e3, 0.02), 0.0);
  EXPECT_EQ(ClutterToNoise(clutter, radar, pattern, 150.0, 20.0, 20e3, 0.0), 0.0);
  // Invalid settings name their keys.
  ClutterSetting bad{5.0, -1.0};
  ASSERT_EQ(bad.Validate().size(), 2u);
  EXPECT_EQ(bad.Validate()[0].path, "gamma");
  EXPECT_EQ(bad.Validate()[1].path, "improvement");
}

}  // namespace
}  // namespace iadsim
