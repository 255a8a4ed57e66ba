#include "iadsim/sensors/jamming.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "iadsim/sensors/radar_equation.h"

namespace iadsim {
namespace {

double Db(double x) { return 10.0 * std::log10(x); }

// Worked example of /work/shared/reference/sarh-identification-ew.md §3.2 (notional fire-control
// radar and jammer): ERP_S = 10 MW (5 kW, 33 dBi), σ = 5 m², ERP_J = 100 W over Bj = 100 MHz against
// Br = 1 MHz (Br/Bj = −20 dB).
constexpr double kRadarErpW = 1e7;
constexpr double kRcsM2 = 5.0;
constexpr double kBandwidthFactor = 0.01;

TEST(Jamming, SelfScreeningWorkedExample) {
  // With Gp = 30 dB: J/S = +4.0 dB at 100 km, −2.0 dB at 50 km, −10.0 dB at 20 km.
  EXPECT_NEAR(Db(SelfScreeningJammingToSignal(100.0, kRadarErpW, 100e3, kRcsM2, kBandwidthFactor, 30.0)), 4.0, 0.05);
  EXPECT_NEAR(Db(SelfScreeningJammingToSignal(100.0, kRadarErpW, 50e3, kRcsM2, kBandwidthFactor, 30.0)), -2.0, 0.05);
  EXPECT_NEAR(Db(SelfScreeningJammingToSignal(100.0, kRadarErpW, 20e3, kRcsM2, kBandwidthFactor, 30.0)), -10.0, 0.05);
}

TEST(Jamming, BurnThroughTable) {
  // (J/S)_req = 0 dB: ERP_J 100 W → 2.0 / 19.9 / 63 km for Gp 0 / 20 / 30 dB;
  // ERP_J 1 kW → 0.63 / 6.3 / 19.9 km (the table quotes 2–3 significant figures).
  EXPECT_NEAR(BurnThroughRangeM(100.0, kRadarErpW, kRcsM2, 0.0, kBandwidthFactor, 0.0), 2.0e3, 0.05e3);
  EXPECT_NEAR(BurnThroughRangeM(100.0, kRadarErpW, kRcsM2, 0.0, kBandwidthFactor, 20.0), 19.9e3, 0.05e3);
  EXPECT_NEAR(BurnThroughRangeM(100.0, kRadarErpW, kRcsM2, 0.0, kBandwidthFactor, 30.0), 63e3, 0.5e3);
  EXPECT_NEAR(BurnThroughRangeM(1000.0, kRadarErpW, kRcsM2, 0.0, kBandwidthFactor, 0.0), 0.63e3, 0.005e3);
  EXPECT_NEAR(BurnThroughRangeM(1000.0, kRadarErpW, kRcsM2, 0.0, kBandwidthFactor, 20.0), 6.3e3, 0.05e3);
  EXPECT_NEAR(BurnThroughRangeM(1000.0, kRadarErpW, kRcsM2, 0.0, kBandwidthFactor, 30.0), 19.9e3, 0.05e3);
  // At the burn-through range the J/S equals the requirement (here 6 dB).
  const double r = BurnThroughRangeM(300.0, kRadarErpW, kRcsM2, 6.0, kBandwidthFactor, 13.0);
  EXPECT_NEAR(Db(SelfScreeningJammingToSignal(300.0, kRadarErpW, r, kRcsM2, kBandwidthFactor, 13.0)), 6.0, 1e-9);
}

TEST(Jamming, AdamyDecibelFormAgrees) {
  // J/S = 71 + ERP_J − ERP_S + 20 log R_km − 10 log σ (ERPs in dBm): same to 0.01 dB.
  const double erp_j_dbm = 10.0 * std::log10(100.0 / 1e-3);
  const double erp_s_dbm = 10.0 * std::log10(kRadarErpW / 1e-3);
  for (double r_km : {50.0, 100.0}) {
    const double adamy = 71.0 + erp_j_dbm - erp_s_dbm + 20.0 * std::log10(r_km) - 10.0 * std::log10(kRcsM2);
    EXPECT_NEAR(Db(SelfScreeningJammingToSignal(100.0, kRadarErpW, r_km * 1e3, kRcsM2, 1.0, 0.0)), adamy, 0.01);
  }
}

TEST(Jamming, StandOffThroughASidelobe) {
  // ERP_J 1 kW at 200 km entering a sidelobe 30 dB below the 33 dBi main beam (3 dBi):
  // J/S = +24.1 dB at 80 km, +12.1 dB at 40 km, 0.0 dB at 20 km. The reference's numbers follow from
  // its formula with Br/Bj = 1 (the jammer's ERP taken inside the radar band).
  const AntennaPattern pattern{BeamShape::kSinc, 2.0 * std::numbers::pi / 180.0,
                               2.0 * std::numbers::pi / 180.0, 30.0};
  const double g_toward = ReceiveGainTowardDb(33.0, pattern, 0.5, 0.0);  // 29° off: the floor
  EXPECT_NEAR(g_toward, 3.0, 1e-12);
  const auto js = [&](double rt) {
    return Db(StandOffJammingToSignal(1000.0, 200e3, g_toward, kRadarErpW, 33.0, rt, kRcsM2, 1.0, 0.0));
  };
  EXPECT_NEAR(js(80e3), 24.1, 0.05);
  EXPECT_NEAR(js(40e3), 12.1, 0.05);
  EXPECT_NEAR(js(20e3), 0.0, 0.05);
  EXPECT_NEAR(js(40e3) - js(80e3), -40.0 * std::log10(2.0), 1e-9);  // 12 dB per halving
}

TEST(Jamming, ReceivedPowerAndJammerToNoiseByHand) {
  // 100 W, 10 dBi, Bj 100 MHz, at 100 km, radar 30 dBi toward it, 3 GHz (λ = 0.0999308 m), Br 1 MHz:
  // J = 100·10/(4π·1e10) · 1000·λ²/(4π) · 0.01 = 6.32382e-11 W (−101.990 dBW);
  // N = k·500 K·1 MHz = 6.90325e-15 W; J/N = 39.619 dB.
  const NoiseJammer jammer{100.0, 10.0, 100e6, 0.0};
  const double j = JammerPowerAtRadarW(jammer, 100e3, 30.0, 3e9, 1e6);
  EXPECT_NEAR(j / 6.323815e-11, 1.0, 1e-6);
  EXPECT_NEAR(Db(JammerToNoise(j, 500.0, 1e6)), 39.6193, 1e-3);
  // A jammer narrower than the receiver puts all its power in.
  EXPECT_DOUBLE_EQ(JammerBandwidthFactor(1e6, 0.5e6), 1.0);
  EXPECT_DOUBLE_EQ(JammerBandwidthFactor(1e6, 100e6), 0.01);
  // S/(N+J): 20 dB of SNR under J/N = 20 dB leaves 100/101.
  EXPECT_NEAR(SnrWithJamming(100.0, 100.0), 100.0 / 101.0, 1e-15);
}

TEST(Jamming, PowerFormAndErpFormAgree) {
  // J from the one-way jammer equation and S from the radar equation (S = SNR · k Ts / τ, Br = 1/τ)
  // give the same J/S as the self-screening ERP form, whatever λ and the receive gain.
  RadarEquationInputs radar;
  radar.peak_power_w = 5e3;
  radar.gain_tx_db = 33.0;
  radar.gain_rx_db = 33.0;
  radar.frequency_hz = 10e9;
  radar.pulse_width_s = 1e-6;
  radar.noise_temperature_k = 500.0;
  radar.rcs_m2 = kRcsM2;
  const NoiseJammer jammer{50.0, 3.0, 100e6, 1.0};
  for (double r : {10e3, 50e3, 150e3}) {
    radar.range_m = r;
    const double s = RadarSnr(radar) * kBoltzmannJPerK * radar.noise_temperature_k / radar.pulse_width_s;
    const double j = JammerPowerAtRadarW(jammer, r, 33.0, radar.frequency_hz, 1.0 / radar.pulse_width_s);
    const double radar_erp = radar.peak_power_w * std::pow(10.0, 3.3);
    EXPECT_NEAR((j / s) / SelfScreeningJammingToSignal(jammer.ErpW(), radar_erp, r, kRcsM2, 0.01, 0.0),
                1.0, 1e-12);
    // And S/(N+J) = 1 / (1/SNR + J/S).
    const double jnr = JammerToNoise(j, radar.noise_temperature_k, 1.0 / radar.pulse_width_s);
    EXPECT_NEAR(SnrWithJamming(RadarSnr(radar), jnr) * (1.0 / RadarSnr(radar) + j / s), 1.0, 1e-12);
  }
}

TEST(Jamming, ValidateReportsEveryProblem) {
  const NoiseJammer bad{0.0, 3.0, -1.0, -2.0};
  const Problems problems = bad.Validate();
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].path, "power");
  EXPECT_EQ(problems[1].path, "bandwidth");
  EXPECT_EQ(problems[2].path, "losses");
}

}  // namespace
}  // namespace iadsim
