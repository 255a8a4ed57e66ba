// Closest approach over one step, against cases worked by hand.
#include "iadsim/weapons/fuze.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

TEST(ClosestApproachInStep, HeadOnPassInsideTheStep) {
  // 100 m ahead, 3 m off the line, closing at 200 m/s: abeam after 0.5 s at 3 m.
  const ClosestApproach ca = ClosestApproachInStep({100, 3, 0}, {-200, 0, 0}, 1.0);
  EXPECT_DOUBLE_EQ(ca.t_s, 0.5);
  EXPECT_DOUBLE_EQ(ca.distance_m, 3.0);
}

TEST(ClosestApproachInStep, ClampedToTheEndOfTheStep) {
  // Closing at 50 m/s: after 1 s still 50 m short, |(50, 3)| = sqrt(2509).
  const ClosestApproach ca = ClosestApproachInStep({100, 3, 0}, {-50, 0, 0}, 1.0);
  EXPECT_DOUBLE_EQ(ca.t_s, 1.0);
  EXPECT_DOUBLE_EQ(ca.distance_m, std::sqrt(2509.0));
}

TEST(ClosestApproachInStep, ClampedToTheStartWhenOpening) {
  const ClosestApproach ca = ClosestApproachInStep({100, 0, 0}, {10, 0, 0}, 1.0);
  EXPECT_DOUBLE_EQ(ca.t_s, 0.0);
  EXPECT_DOUBLE_EQ(ca.distance_m, 100.0);
}

TEST(ClosestApproachInStep, NoRelativeMotion) {
  const ClosestApproach ca = ClosestApproachInStep({3, 4, 0}, {0, 0, 0}, 0.01);
  EXPECT_DOUBLE_EQ(ca.t_s, 0.0);
  EXPECT_DOUBLE_EQ(ca.distance_m, 5.0);
}

TEST(ClosestApproachInStep, ThreeDimensions) {
  // p0 = (3, 4, 12), v = (-3, -4, 0): t* = 25/25 = 1 s, the point (0, 0, 12).
  const ClosestApproach ca = ClosestApproachInStep({3, 4, 12}, {-3, -4, 0}, 2.0);
  EXPECT_DOUBLE_EQ(ca.t_s, 1.0);
  EXPECT_DOUBLE_EQ(ca.distance_m, 12.0);
}

TEST(ClosestApproachInStep, AlreadyClosestAtTheStart) {
  // Perpendicular motion: the start is the closest point.
  const ClosestApproach ca = ClosestApproachInStep({0, 7, 0}, {0, 5, 0}, 1.0);
  EXPECT_DOUBLE_EQ(ca.t_s, 0.0);
  EXPECT_DOUBLE_EQ(ca.distance_m, 7.0);
}

TEST(ProximityFuze, WaitsWhileClosingAndFiresAtTheClosestApproach) {
  // Target 100 m ahead and 30 m to the side, closing at 1000 m/s, 10 ms steps.
  const Vec3 rel_v{-1000.0, 0.0, 0.0};
  // Step 1 (100 -> 90 m ahead): still closing at its end, 94.9 m away: no fire.
  EXPECT_FALSE(ProximityFuze({100.0, 30.0, 0.0}, rel_v, 0.01, 40.0));
  // The step holding the CPA (5 m ahead -> 5 m behind): fires at t = 5 ms with miss 30 m.
  const auto fire = ProximityFuze({5.0, 30.0, 0.0}, rel_v, 0.01, 40.0);
  ASSERT_TRUE(fire);
  EXPECT_NEAR(fire->t_s, 0.005, 1e-12);
  EXPECT_NEAR(fire->distance_m, 30.0, 1e-12);
  // Closing but the CPA inside the step is at 10 m beyond the radius: no fire.
  EXPECT_FALSE(ProximityFuze({5.0, 50.0, 0.0}, rel_v, 0.01, 40.0));
  // 36.4 m away at the end of the step, inside the radius, but still closing: it waits rather
  // than burst early; the true miss (10 m) comes in a later step.
  EXPECT_FALSE(ProximityFuze({45.0, 10.0, 0.0}, rel_v, 0.01, 40.0));
}

}  // namespace
}  // namespace iadsim
