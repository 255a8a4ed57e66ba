#include "iadsim/sensors/radar_parameters.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

TEST(RadarParameters, SnrIsTheRadarEquationTimesThePulsesIntegrated) {
  // MathWorks radareqsnr example: 1 GHz, 50 km, 1 MW, 0.2 us, 20 dB, 290 K, 1 m2 -> 5.5868 dB.
  RadarParameters p;
  p.frequency_hz = 1e9;
  p.peak_power_w = 1e6;
  p.gain_db = 20;
  p.pulse_width_s = 0.2e-6;
  p.noise_temperature_k = 290;
  p.losses_db = 0;
  EXPECT_NEAR(10 * std::log10(p.Snr(1.0, 50e3)), 5.5868, 1e-4);
  p.coherent_pulses = 10;  // ideal coherent gain: +10 dB
  EXPECT_NEAR(10 * std::log10(p.Snr(1.0, 50e3)), 15.5868, 1e-4);
}

TEST(RadarParameters, ValidateListsEveryProblemByScenarioKey) {
  RadarParameters p;
  p.frequency_hz = 5;
  p.peak_power_w = -1;
  p.losses_db = -3;
  p.pfa = 2;
  p.coherent_pulses = 0;
  const Problems problems = p.Validate();
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0].path, "frequency");
  EXPECT_EQ(problems[1].path, "power");
  EXPECT_EQ(problems[1].message, "must be > 0 (got -1 W)");
  EXPECT_EQ(problems[2].path, "losses");
  EXPECT_EQ(problems[3].path, "pfa");
  EXPECT_EQ(problems[4].path, "coherent_pulses");
}

}  // namespace
}  // namespace iadsim
