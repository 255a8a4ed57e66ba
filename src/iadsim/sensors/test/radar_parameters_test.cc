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
  EXPECT_EQ(problems[1].message, "must be in (0, 1 GW] (got -1 W)");
  EXPECT_EQ(problems[2].path, "losses");
  EXPECT_EQ(problems[3].path, "pfa");
  EXPECT_EQ(problems[4].path, "coherent_pulses");
}

// The edges of the physical ranges: inside, the radar equation stays finite even at 1 m (at the
// largest power, pulse and gain and the coldest receiver); outside, a refusal at the key.
TEST(RadarParameters, PhysicalRangesKeepTheSnrFinite) {
  const RadarParameters p{.frequency_hz = 1.0000001e8, .peak_power_w = 1e9, .gain_db = 80.0, .pulse_width_s = 0.1,
                          .coherent_pulses = 10000, .noise_temperature_k = 1.0};
  EXPECT_TRUE(p.Validate().empty());
  EXPECT_TRUE(std::isfinite(p.Snr(1e6, 1.0)));
  for (const auto& [key, edit] : std::initializer_list<std::pair<const char*, void (*)(RadarParameters&)>>{
           {"power", [](RadarParameters& r) { r.peak_power_w = 1.01e9; }},
           {"pulse_width", [](RadarParameters& r) { r.pulse_width_s = 0.11; }},
           {"noise_temperature", [](RadarParameters& r) { r.noise_temperature_k = 0.99; }},
           {"noise_temperature", [](RadarParameters& r) { r.noise_temperature_k = 1.1e6; }}}) {
    RadarParameters bad;
    edit(bad);
    const Problems problems = bad.Validate();
    ASSERT_EQ(problems.size(), 1u) << key;
    EXPECT_EQ(problems[0].path, key);
  }
}

}  // namespace
}  // namespace iadsim
