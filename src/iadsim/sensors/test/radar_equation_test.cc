#include "iadsim/sensors/radar_equation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

// MathWorks radareqsnr, documented example 1: 1 GHz, 50 km, 1 MW, 0.2 µs, 20 dB gain, 290 K, 1 m².
RadarEquationInputs MathWorksExample1() {
  RadarEquationInputs in;
  in.peak_power_w = 1e6;
  in.gain_tx_db = 20.0;
  in.gain_rx_db = 20.0;
  in.frequency_hz = 1e9;
  in.pulse_width_s = 0.2e-6;
  in.noise_temperature_k = 290.0;
  in.losses_db = 0.0;
  in.rcs_m2 = 1.0;
  in.range_m = 50e3;
  return in;
}

TEST(RadarEquation, ReproducesMathWorksExampleOne) {
  EXPECT_NEAR(RadarSnrDb(MathWorksExample1()), 5.5868, 1e-4);
}

TEST(RadarEquation, ReproducesMathWorksExampleTwoWithLoss) {
  // 10 GHz, 100 km, 1 MW, 1 µs, 40 dB gain, 300 K, 0.5 m², 3 dB loss → 14.3778 dB.
  RadarEquationInputs in;
  in.peak_power_w = 1e6;
  in.gain_tx_db = 40.0;
  in.gain_rx_db = 40.0;
  in.frequency_hz = 10e9;
  in.pulse_width_s = 1e-6;
  in.noise_temperature_k = 300.0;
  in.losses_db = 3.0;
  in.rcs_m2 = 0.5;
  in.range_m = 100e3;
  EXPECT_NEAR(RadarSnrDb(in), 14.3778, 1e-4);
}

TEST(RadarEquation, LinearAndDecibelAgree) {
  const RadarEquationInputs in = MathWorksExample1();
  EXPECT_NEAR(10.0 * std::log10(RadarSnr(in)), RadarSnrDb(in), 1e-12);
}

TEST(RadarEquation, FollowsInverseFourthPowerOfRange) {
  RadarEquationInputs in = MathWorksExample1();
  const double near_db = RadarSnrDb(in);
  in.range_m *= 2.0;
  EXPECT_NEAR(RadarSnrDb(in) - near_db, -12.041199826559248, 1e-9);  // −40 log10 2
}

TEST(RadarEquation, ScalesWithEachFactorAsTheEquationSays) {
  const RadarEquationInputs base = MathWorksExample1();
  const double s0 = RadarSnr(base);
  RadarEquationInputs in = base;
  in.frequency_hz *= 2.0;  // λ² → quarter
  EXPECT_NEAR(RadarSnr(in) / s0, 0.25, 1e-12);
  in = base;
  in.gain_tx_db = 30.0;  // 30 + 10 dB is the same product as 20 + 20 dB
  in.gain_rx_db = 10.0;
  EXPECT_NEAR(RadarSnr(in) / s0, 1.0, 1e-12);
  in = base;
  in.losses_db = 10.0;
  EXPECT_NEAR(RadarSnr(in) / s0, 0.1, 1e-12);
  in = base;
  in.noise_temperature_k *= 3.0;
  in.rcs_m2 *= 6.0;
  in.pulse_width_s *= 0.5;
  EXPECT_NEAR(RadarSnr(in) / s0, 1.0, 1e-12);
}

TEST(RadarEquation, RangeForSnrInvertsTheEquation) {
  const RadarEquationInputs in = MathWorksExample1();
  EXPECT_NEAR(RadarRangeForSnr(in, RadarSnr(in)), 50e3, 1e-6);
  // 13 dB needed: R = 50 km · 10^((5.5868… − 13) / 40), closed form of the R⁻⁴ law.
  const double r13 = RadarRangeForSnr(in, std::pow(10.0, 1.3));
  EXPECT_NEAR(r13, 50e3 * std::pow(10.0, (RadarSnrDb(in) - 13.0) / 40.0), 1e-6);
  RadarEquationInputs at = in;
  at.range_m = r13;
  EXPECT_NEAR(RadarSnrDb(at), 13.0, 1e-10);
  // in.range_m is ignored by the inverse.
  RadarEquationInputs other = in;
  other.range_m = 1.0;
  EXPECT_DOUBLE_EQ(RadarRangeForSnr(other, 20.0), RadarRangeForSnr(in, 20.0));
}

TEST(RadarEquationDeathTest, RejectsNonPositiveInputs) {
  RadarEquationInputs in = MathWorksExample1();
  in.range_m = 0.0;
  EXPECT_DEATH(RadarSnr(in), "range must be > 0");
  in = MathWorksExample1();
  in.peak_power_w = -1.0;
  EXPECT_DEATH(RadarSnr(in), "peak power");
  EXPECT_DEATH(RadarRangeForSnr(MathWorksExample1(), 0.0), "required SNR");
}

}  // namespace
}  // namespace iadsim
