// Glide weapon: R = L/D · Δh by hand (L/D 9 from 12 km → 108 km), energy height
// (250 m/s → 62 500 / 19.6133 = 3186.614 m), and flight plans on the equator, where the geodesic
// between two points on it is the equator and 1° of longitude is a π/180 = 111 319.491 m
// (a = 6 378 137 m, WGS-84).
#include "iadsim/weapons/glide_bomb.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

constexpr double kOneDegreeOfEquatorM = 111319.49079327357;  // 6378137 · π / 180

TEST(GlideBomb, RangeIsLiftToDragTimesHeight) {
  const GlideConfig c;  // L/D 9
  EXPECT_NEAR(GlideRangeM(c, 12000.0, 0.0, 250.0), 108000.0, 1e-9);
  EXPECT_NEAR(GlideRangeM(c, 12000.0, 500.0, 250.0), 9.0 * 11500.0, 1e-9);
  GlideConfig c15 = c;
  c15.lift_to_drag = 15.0;
  EXPECT_NEAR(GlideRangeM(c15, 6000.0, 0.0, 0.0), 90000.0, 1e-9);
  // No height to trade: no range (never negative).
  EXPECT_EQ(GlideRangeM(c, 1000.0, 1000.0, 250.0), 0.0);
  EXPECT_EQ(GlideRangeM(c, 500.0, 1000.0, 250.0), 0.0);
}

TEST(GlideBomb, EnergyHeightAddsSpeedSquaredOverTwoG) {
  GlideConfig c;
  c.energy_height = true;
  // 250² / (2 · 9.80665) = 62 500 / 19.6133 = 3186.614 m; 9 · (12 000 + 3186.614) = 136 679.5 m.
  EXPECT_NEAR(GlideRangeM(c, 12000.0, 0.0, 250.0), 136679.5, 0.1);
  EXPECT_NEAR(GlideRangeM(c, 12000.0, 0.0, 250.0) - GlideRangeM(c, 12000.0, 0.0, 0.0),
              9.0 * 3186.614, 0.01);
  // Speed alone can carry a weapon released at the target's height.
  EXPECT_NEAR(GlideRangeM(c, 0.0, 0.0, 100.0), 9.0 * 10000.0 / 19.6133, 1e-3);
}

TEST(GlideBomb, PlanOutOfRangeReportsExcess) {
  const GlideConfig c;
  const Geodetic release{0.0, 0.0, 12000.0};
  const Geodetic aim{0.0, 1.0, 0.0};
  const GlidePlan plan = PlanGlide(c, release, 250.0, aim);
  EXPECT_NEAR(plan.ground_distance_m, kOneDegreeOfEquatorM, 1e-3);
  EXPECT_NEAR(plan.range_m, 108000.0, 1e-9);
  EXPECT_FALSE(plan.reachable);
  EXPECT_NEAR(plan.excess_m, kOneDegreeOfEquatorM - 108000.0, 1e-3);  // 3319.49 m short
  EXPECT_NEAR(plan.time_of_flight_s, kOneDegreeOfEquatorM / 250.0, 1e-5);  // 445.28 s
}

TEST(GlideBomb, PlanInRangeHasRangeToSpare) {
  GlideConfig c;
  c.energy_height = true;
  c.mean_speed_mps = 200.0;
  const Geodetic release{0.0, 10.0, 12000.0};
  const Geodetic aim{0.0, 11.0, 0.0};
  const GlidePlan plan = PlanGlide(c, release, 250.0, aim);
  EXPECT_TRUE(plan.reachable);
  EXPECT_NEAR(plan.ground_distance_m, kOneDegreeOfEquatorM, 1e-3);
  EXPECT_NEAR(plan.excess_m, kOneDegreeOfEquatorM - 136679.5, 0.1);  // −25 360 m to spare
  EXPECT_NEAR(plan.time_of_flight_s, kOneDegreeOfEquatorM / 200.0, 1e-5);
  // A target on a hill 2 km high shortens the range by 9 · 2 km.
  const GlidePlan hill = PlanGlide(c, release, 250.0, Geodetic{0.0, 11.0, 2000.0});
  EXPECT_NEAR(plan.range_m - hill.range_m, 18000.0, 1e-6);
}

TEST(GlideBomb, ValidateReportsEveryProblemByKey) {
  EXPECT_TRUE(GlideConfig{}.Validate().empty());
  GlideConfig bad;
  bad.lift_to_drag = 0.0;
  bad.mean_speed_mps = 1500.0;
  const Problems p = bad.Validate();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].path, "lift_to_drag");
  EXPECT_EQ(p[1].path, "glide_speed");
  EXPECT_NE(p[1].message.find("got 1500"), std::string::npos);
  bad = GlideConfig{};
  bad.lift_to_drag = 31.0;
  EXPECT_EQ(bad.Validate().size(), 1u);
  bad.lift_to_drag = 30.0;
  EXPECT_TRUE(bad.Validate().empty());
}

}  // namespace
}  // namespace iadsim
