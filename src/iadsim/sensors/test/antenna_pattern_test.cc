#include "iadsim/sensors/antenna_pattern.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

TEST(AntennaPattern, HalfPowerAtHalfTheBeamwidth) {
  for (BeamShape shape : {BeamShape::kSinc, BeamShape::kGaussian}) {
    for (double bw : {0.5 * kDeg, 2.0 * kDeg, 10.0 * kDeg}) {
      EXPECT_NEAR(OneWayPatternGain(shape, 0.5 * bw, bw), 0.5, 1e-6);
      EXPECT_NEAR(OneWayPatternGain(shape, -0.5 * bw, bw), 0.5, 1e-6);
      EXPECT_DOUBLE_EQ(OneWayPatternGain(shape, 0.0, bw), 1.0);
    }
  }
}

TEST(AntennaPattern, SincHasItsFirstNullAtLambdaOverD) {
  // An aperture of D = 1 m at λ = 3 cm: θ3 = 0.886 λ/D, first null at λ/D = 0.03 rad.
  const double lambda_over_d = 0.03;
  const double bw = 0.886 * lambda_over_d;
  EXPECT_NEAR(kSincBeamwidthFactor, 0.886, 1e-3);
  // With θ3 = 0.886 λ/D (rounded), the null sits at 0.886/0.88589 λ/D: below 1e-7 of the peak.
  EXPECT_LT(OneWayPatternGain(BeamShape::kSinc, lambda_over_d * 0.886 / kSincBeamwidthFactor, bw), 1e-12);
  EXPECT_LT(OneWayPatternGain(BeamShape::kSinc, lambda_over_d, bw), 1e-7);
  // First sidelobe of sinc², at x = 4.4934 (tan x = x): −13.26 dB.
  const double x1 = 4.493409457909064;
  const double theta = x1 / std::numbers::pi * lambda_over_d * 0.886 / kSincBeamwidthFactor;
  EXPECT_NEAR(10.0 * std::log10(OneWayPatternGain(BeamShape::kSinc, theta, bw)), -13.26, 0.01);
}

TEST(AntennaPattern, TwoDimensionalIsTheProductOfTheCutsWithAFloor) {
  const AntennaPattern p{BeamShape::kGaussian, 2.0 * kDeg, 4.0 * kDeg, 35.0};
  EXPECT_TRUE(p.Validate().empty());
  EXPECT_NEAR(p.GainDb(1.0 * kDeg, 2.0 * kDeg), -6.0206, 1e-3);  // half power on each cut
  EXPECT_NEAR(p.GainDb(0.0, 2.0 * kDeg), -3.0103, 1e-3);
  EXPECT_DOUBLE_EQ(p.GainDb(20.0 * kDeg, 0.0), -35.0);            // far out: the sidelobe floor
  const AntennaPattern sinc{BeamShape::kSinc, 1.0 * kDeg, 1.0 * kDeg, 30.0};
  EXPECT_DOUBLE_EQ(sinc.GainDb(1.0 / kSincBeamwidthFactor * kDeg, 0.0), -30.0);  // the null is filled
}

TEST(AntennaPattern, GaussianBeamShapeLossIsBlakesOnePointSixDb) {
  // Closed form: mean of exp(−8 ln2 r²) over r ∈ [−1/2, 1/2] = √(π/(8 ln2)) erf(√(2 ln2)).
  const double mean = std::sqrt(std::numbers::pi / (8.0 * std::numbers::ln2)) *
                      std::erf(std::sqrt(2.0 * std::numbers::ln2));
  EXPECT_NEAR(BeamShapeLossDb(BeamShape::kGaussian), -10.0 * std::log10(mean), 1e-9);
  EXPECT_NEAR(BeamShapeLossDb(BeamShape::kGaussian), 1.6, 0.1);  // Blake (1980), one dimension
  EXPECT_NEAR(BeamShapeLossDb(BeamShape::kSinc), 1.6, 0.15);      // sinc² is close to Gaussian here
  EXPECT_LT(BeamShapeLossDb(BeamShape::kGaussian, 0.5), BeamShapeLossDb(BeamShape::kGaussian, 1.0));
}

TEST(AntennaPattern, ValidateReportsEveryProblem) {
  const AntennaPattern bad{BeamShape::kSinc, 0.0, 1.0, -3.0};
  const Problems problems = bad.Validate();
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].path, "azimuth_beamwidth");
  EXPECT_EQ(problems[1].path, "elevation_beamwidth");
  EXPECT_EQ(problems[2].path, "sidelobe_level");
}

}  // namespace
}  // namespace iadsim
