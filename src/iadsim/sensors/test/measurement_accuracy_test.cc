#include "iadsim/sensors/measurement_accuracy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

TEST(MeasurementAccuracy, RangeSigmaMatchesHandComputedValues) {
  // τ = 1 µs, snr = 100 (20 dB): c τ / 2 = 149.896229 m, / √200 = 10.599264 m.
  EXPECT_NEAR(RangeSigma(1e-6, 100.0, 0.0), 10.599264, 1e-6);
  // With a 10 m floor: √(10.599264² + 10²) = 14.572042 m.
  EXPECT_NEAR(RangeSigma(1e-6, 100.0, 10.0), 14.572042, 1e-6);
  // τ = 0.2 µs, snr = 13 dB (19.953): 29.9792458 / √39.905 = 4.745759 m.
  EXPECT_NEAR(RangeSigma(0.2e-6, std::pow(10.0, 1.3), 0.0), 4.745759, 1e-6);
}

TEST(MeasurementAccuracy, AngleSigmaMatchesHandComputedValues) {
  const double one_deg = std::numbers::pi / 180.0;
  // 1° beam, snr = 100, k_m = 1.6: 0.01745329 / (1.6 · 14.1421356) = 7.713338e-4 rad.
  EXPECT_NEAR(AngleSigma(one_deg, 100.0, 0.0), 7.713338e-4, 1e-9);
  EXPECT_NEAR(AngleSigma(one_deg, 100.0, 0.0, 1.6), AngleSigma(one_deg, 100.0, 0.0), 0.0);
  // With a 1 mrad floor: √(0.7713338² + 1²) mrad = 1.2629156 mrad.
  EXPECT_NEAR(AngleSigma(one_deg, 100.0, 1e-3), 1.2629156e-3, 1e-9);
  // 2° beam, snr = 15 dB (31.62), k_m = 1.2: 0.03490659 / (1.2 · 7.952707) = 3.657726e-3 rad.
  EXPECT_NEAR(AngleSigma(2.0 * one_deg, std::pow(10.0, 1.5), 0.0, 1.2), 3.657726e-3, 1e-9);
}

TEST(MeasurementAccuracy, ThermalTermFallsAsOneOverRootSnrAndFloorRemains) {
  EXPECT_NEAR(RangeSigma(1e-6, 400.0, 0.0) / RangeSigma(1e-6, 100.0, 0.0), 0.5, 1e-12);
  EXPECT_NEAR(AngleSigma(0.02, 400.0, 0.0) / AngleSigma(0.02, 100.0, 0.0), 0.5, 1e-12);
  EXPECT_NEAR(RangeSigma(1e-6, 1e12, 5.0), 5.0, 1e-3);
  EXPECT_NEAR(AngleSigma(0.02, 1e12, 2e-4), 2e-4, 1e-8);
}

TEST(MeasurementAccuracyDeathTest, RejectsNonPositiveSnrAndNegativeFloor) {
  EXPECT_DEATH(RangeSigma(1e-6, 0.0, 0.0), "snr must be");
  EXPECT_DEATH(RangeSigma(1e-6, 10.0, -1.0), "floor must be");
  EXPECT_DEATH(AngleSigma(0.02, 10.0, 0.0, 0.0), "slope must be");
}

}  // namespace
}  // namespace iadsim
