#include "iadsim/sensors/clutter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// Hand calculation: farmland γ = −15 dB, grazing 1°, R = 20 km, ΔR = 150 m (τ = 1 µs),
// θaz = 1.5°, θel = 2°:
//   σ0 = 0.0316228 · sin 1° = 5.5189e-4 (−32.58 dB)
//   A  = 20000 · 0.0261799 · 150 / cos 1° = 78 551.8 m²   (beam-limited: 1.645e7 m², larger)
//   σc = 43.352 m² (16.370 dB)
ClutterCell HandCell() {
  ClutterCell cell;
  cell.gamma_db = kGammaFarmlandDb;
  cell.grazing_rad = 1.0 * kDeg;
  cell.range_resolution_m = 150.0;
  cell.azimuth_beamwidth_rad = 1.5 * kDeg;
  cell.elevation_beamwidth_rad = 2.0 * kDeg;
  return cell;
}

TEST(Clutter, ConstantGammaByHand) {
  EXPECT_NEAR(ConstantGammaReflectivity(-15.0, 1.0 * kDeg), 5.518935e-4, 1e-9);
  EXPECT_NEAR(PulseLimitedClutterAreaM2(20e3, 150.0, 1.5 * kDeg, 1.0 * kDeg), 78551.78, 0.01);
  EXPECT_NEAR(BeamLimitedClutterAreaM2(20e3, 1.5 * kDeg, 2.0 * kDeg, 1.0 * kDeg), 1.6450176e7, 10.0);
  EXPECT_NEAR(ClutterRcsM2(HandCell(), 20e3), 43.3522, 1e-3);
  // A 1 m² target in that cell: S/C = −16.37 dB, +20 dB of MTI improvement → +3.63 dB.
  EXPECT_NEAR(SignalToClutterDb(HandCell(), 1.0, 20e3, 0.0), -16.3701, 1e-3);
  EXPECT_NEAR(SignalToClutterDb(HandCell(), 1.0, 20e3, 20.0), 3.6299, 1e-3);
}

TEST(Clutter, BeamLimitedAtHighGrazing) {
  // Grazing 60°, R = 2 km, θaz = θel = 2°, ΔR = 150 m: pulse-limited 20 943.95 m²,
  // beam-limited π · 2000² · 0.0349066² / (4 sin 60°) = 4420.12 m², the smaller is used.
  EXPECT_NEAR(PulseLimitedClutterAreaM2(2e3, 150.0, 2.0 * kDeg, 60.0 * kDeg), 20943.95, 0.01);
  EXPECT_NEAR(ClutterCellAreaM2(2e3, 150.0, 2.0 * kDeg, 2.0 * kDeg, 60.0 * kDeg), 4420.12, 0.01);
}

TEST(Clutter, ClutterToNoiseIsTheRadarEquationWithTheClutterRcs) {
  // MathWorks radareqsnr example 1 (1 GHz, 50 km, 1 MW, 0.2 µs, 20 dB, 290 K): 5.5868 dB for 1 m².
  // ΔR = c τ / 2 = 29.979 m; γ −15 dB, 1°, θaz 1.5°: σc = 5.5189e-4 · 50000 · 0.0261799 · 29.979
  // / cos 1° = 21.661 m² (13.357 dB) → CNR = 5.5868 + 13.357 = 18.944 dB.
  RadarEquationInputs radar;
  radar.peak_power_w = 1e6;
  radar.gain_tx_db = 20.0;
  radar.gain_rx_db = 20.0;
  radar.frequency_hz = 1e9;
  radar.pulse_width_s = 0.2e-6;
  radar.noise_temperature_k = 290.0;
  radar.range_m = 50e3;
  ClutterCell cell = HandCell();
  cell.range_resolution_m = kSpeedOfLightMps * 0.2e-6 / 2.0;
  EXPECT_NEAR(ClutterRcsM2(cell, 50e3), 21.661, 1e-3);
  EXPECT_NEAR(ClutterToNoiseDb(cell, radar), 18.944, 2e-3);
}

TEST(Clutter, NoisePlusClutterWithImprovement) {
  // SNR 20 (13 dB), CNR 1000 (30 dB), I = 30 dB: clutter residue equals noise → SNR / 2.
  EXPECT_NEAR(SignalToNoisePlusClutter(20.0, 1000.0, 30.0), 10.0, 1e-12);
  EXPECT_NEAR(SignalToNoisePlusClutter(20.0, 0.0, 0.0), 20.0, 1e-12);
  EXPECT_NEAR(SignalToNoisePlusClutter(20.0, 1000.0, 0.0), 20.0 / 1001.0, 1e-12);
}

TEST(Clutter, ValidateReportsEveryProblem) {
  EXPECT_TRUE(HandCell().Validate().empty());
  ClutterCell bad = HandCell();
  bad.gamma_db = 3.0;
  bad.grazing_rad = 0.0;
  bad.elevation_beamwidth_rad = -1.0;
  const Problems problems = bad.Validate();
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].path, "gamma");
  EXPECT_EQ(problems[1].path, "grazing");
  EXPECT_EQ(problems[2].path, "elevation_beamwidth");
}

TEST(ClutterDeathTest, RejectsGrazingOutsideItsRange) {
  EXPECT_DEATH(ConstantGammaReflectivity(-15.0, 0.0), "grazing angle");
  EXPECT_DEATH(ConstantGammaReflectivity(-15.0, 1.6), "grazing angle");
}

}  // namespace
}  // namespace iadsim
