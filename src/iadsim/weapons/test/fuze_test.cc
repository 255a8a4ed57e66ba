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

}  // namespace
}  // namespace iadsim
