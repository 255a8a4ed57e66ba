#include "iadsim/sensors/radar_horizon.h"

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>

namespace iadsim {
namespace {

// Relative tolerance of the published 4.12 (√h1 + √h2) km anchors (domain-facts §4).
constexpr double kAnchorTolerance = 0.005;

TEST(RadarHorizon, ThirtyMetreMastSeesTheSurfaceAt22point6Km) {
  EXPECT_NEAR(HorizonDistance(30.0), 22.6e3, 22.6e3 * kAnchorTolerance);
}

TEST(RadarHorizon, TenMetreRadarSeesHighAndLowTargetsAtThePublishedRanges) {
  const double high = HorizonDistance(10.0) + HorizonDistance(10e3);
  EXPECT_NEAR(high, 425e3, 425e3 * kAnchorTolerance);
  const double low = HorizonDistance(10.0) + HorizonDistance(100.0);
  EXPECT_NEAR(low, 54e3, 54e3 * kAnchorTolerance);
  EXPECT_TRUE(AboveRadarHorizon(10.0, 10e3, 420e3));
  EXPECT_FALSE(AboveRadarHorizon(10.0, 10e3, 430e3));
  EXPECT_TRUE(AboveRadarHorizon(10.0, 100.0, 53e3));
  EXPECT_FALSE(AboveRadarHorizon(10.0, 100.0, 55e3));
  // Symmetric in the two heights, and exactly at the sum of horizons it still sees.
  EXPECT_TRUE(AboveRadarHorizon(10e3, 10.0, 420e3));
  EXPECT_TRUE(AboveRadarHorizon(10.0, 100.0, low));
}

TEST(RadarHorizon, IsTheGrazingRayOverTheEffectiveSphere) {
  // cos(d / a) = a / (a + h): the tangent from height h touches the sphere of radius a = kR.
  const double a = 4.0 / 3.0 * 6371e3;
  for (double h : {1.0, 100.0, 10e3, 30e3}) {
    EXPECT_NEAR(std::cos(HorizonDistance(h) / a), a / (a + h), 1e-14) << h;
  }
  // Small heights: the familiar √(2 k R h).
  EXPECT_NEAR(HorizonDistance(1.0) / std::sqrt(2.0 * a * 1.0), 1.0, 1e-6);
}

TEST(RadarHorizon, KFactorScalesTheEffectiveRadius) {
  // Geometric earth (k = 1) against 4/3 earth at small height: ratio √(3/4).
  EXPECT_NEAR(HorizonDistance(20.0, 1.0) / HorizonDistance(20.0), std::sqrt(0.75), 1e-5);
  EXPECT_EQ(HorizonDistance(0.0), 0.0);
  EXPECT_TRUE(AboveRadarHorizon(0.0, 0.0, 0.0));
  EXPECT_FALSE(AboveRadarHorizon(0.0, 0.0, 1.0));
}

TEST(RadarHorizon, HeightBelowTheSurfaceCountsAsOnIt) {
  EXPECT_EQ(HorizonDistance(-30.0), 0.0);
  EXPECT_EQ(AboveRadarHorizon(-5.0, 10e3, 1e3), AboveRadarHorizon(0.0, 10e3, 1e3));
  EXPECT_NEAR(HorizonDistance(-5.0) + HorizonDistance(10e3), HorizonDistance(10e3), 0.0);
}

TEST(RadarHorizonDeathTest, RejectsNonFiniteHeightsAndNegativeDistances) {
  EXPECT_DEATH(HorizonDistance(std::nan("")), "height must be finite");
  EXPECT_DEATH(HorizonDistance(10.0, 0.0), "k factor");
  EXPECT_DEATH(AboveRadarHorizon(10.0, 10.0, -1.0), "ground distance");
}

}  // namespace
}  // namespace iadsim
