#include "iadsim/c2/procedural_corridor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

// East-bound corridor 10 km long, 5 km half-width, 0-6 km up, 0.5 rad tolerance.
ProceduralCorridor EastBound() {
  ProceduralCorridor c;
  c.name = "approach";
  c.from_enu = {0, 0, 0};
  c.to_enu = {10000, 0, 0};
  c.half_width_m = 5000;
  c.min_alt_m = 0;
  c.max_alt_m = 6000;
  c.heading_tolerance_rad = 0.5;
  return c;
}

const Vec3 kEast{200, 0, 0};

TEST(ProceduralCorridor, WidthEdgeByOneMetre) {
  const auto c = EastBound();
  EXPECT_TRUE(InsideCorridor(c, {5000, 0, 3000}, kEast));
  EXPECT_TRUE(InsideCorridor(c, {5000, 4999, 3000}, kEast));
  EXPECT_FALSE(InsideCorridor(c, {5000, 5001, 3000}, kEast));
  EXPECT_TRUE(InsideCorridor(c, {5000, -4999, 3000}, kEast));
  EXPECT_FALSE(InsideCorridor(c, {5000, -5001, 3000}, kEast));
}

TEST(ProceduralCorridor, SegmentEndsAreHalfDiscsNotAnInfiniteLine) {
  const auto c = EastBound();
  // Before `from` on the axis: distance to the end point.
  EXPECT_TRUE(InsideCorridor(c, {-4999, 0, 3000}, kEast));
  EXPECT_FALSE(InsideCorridor(c, {-5001, 0, 3000}, kEast));
  // Off the end diagonally: (-3000, 3999) is sqrt(9e6 + 15 992 001) = 4999.2 m from `from`;
  // (-3000, 4001) is 5000.8 m, though only 4001 m from the infinite centre line.
  EXPECT_TRUE(InsideCorridor(c, {-3000, 3999, 3000}, kEast));
  EXPECT_FALSE(InsideCorridor(c, {-3000, 4001, 3000}, kEast));
  // Past `to`.
  EXPECT_TRUE(InsideCorridor(c, {14999, 0, 3000}, kEast));
  EXPECT_FALSE(InsideCorridor(c, {15001, 0, 3000}, kEast));
  EXPECT_TRUE(InsideCorridor(c, {13000, 3999, 3000}, kEast));
  EXPECT_FALSE(InsideCorridor(c, {13000, 4001, 3000}, kEast));
}

TEST(ProceduralCorridor, AltitudeBandInclusive) {
  const auto c = EastBound();
  EXPECT_FALSE(InsideCorridor(c, {5000, 0, -1}, kEast));
  EXPECT_TRUE(InsideCorridor(c, {5000, 0, 0}, kEast));
  EXPECT_TRUE(InsideCorridor(c, {5000, 0, 6000}, kEast));
  EXPECT_FALSE(InsideCorridor(c, {5000, 0, 6001}, kEast));
}

TEST(ProceduralCorridor, HeadingToleranceEdgeAndWrongDirection) {
  const auto c = EastBound();
  const Vec3 p{5000, 0, 3000};
  const auto course = [](double angle) { return Vec3{200 * std::cos(angle), 200 * std::sin(angle), 0}; };
  EXPECT_TRUE(InsideCorridor(c, p, course(0.49)));
  EXPECT_FALSE(InsideCorridor(c, p, course(0.51)));
  EXPECT_TRUE(InsideCorridor(c, p, course(-0.49)));
  EXPECT_FALSE(InsideCorridor(c, p, course(-0.51)));
  EXPECT_FALSE(InsideCorridor(c, p, {-200, 0, 0}));  // flying the corridor the wrong way
  EXPECT_FALSE(InsideCorridor(c, p, {0, 200, 0}));   // crossing it
  // Climb and descent do not change the course.
  EXPECT_TRUE(InsideCorridor(c, p, {200, 0, -80}));
  // Slower than 1 m/s horizontally: no course, so not inside (even though "pointing" east).
  EXPECT_FALSE(InsideCorridor(c, p, {0.9, 0, 50}));
  EXPECT_TRUE(InsideCorridor(c, p, {1.1, 0, 0}));
  // Tolerance pi: any course.
  auto any = c;
  any.heading_tolerance_rad = std::numbers::pi;
  EXPECT_TRUE(InsideCorridor(any, p, {-200, 0, 0}));
}

TEST(ProceduralCorridor, DiagonalCorridorByHand) {
  // from (1000, 2000) to (4000, 6000): length 5000 m along (0.6, 0.8); normal (-0.8, 0.6).
  ProceduralCorridor c;
  c.from_enu = {1000, 2000, 0};
  c.to_enu = {4000, 6000, 0};
  c.half_width_m = 300;
  c.min_alt_m = 100;
  c.max_alt_m = 500;
  c.heading_tolerance_rad = 0.2;
  const Vec3 mid{2500, 4000, 300};
  const Vec3 normal{-0.8, 0.6, 0};
  const double heading = std::atan2(0.8, 0.6);  // of the corridor, from east
  const auto course = [&](double off) {
    return Vec3{150 * std::cos(heading + off), 150 * std::sin(heading + off), 0};
  };
  EXPECT_TRUE(InsideCorridor(c, mid + 299 * normal, course(0)));
  EXPECT_FALSE(InsideCorridor(c, mid + 301 * normal, course(0)));
  EXPECT_TRUE(InsideCorridor(c, mid - 299 * normal, course(0)));
  EXPECT_FALSE(InsideCorridor(c, mid - 301 * normal, course(0)));
  EXPECT_TRUE(InsideCorridor(c, mid, course(0.19)));
  EXPECT_FALSE(InsideCorridor(c, mid, course(0.21)));
  EXPECT_TRUE(InsideCorridor(c, mid, course(-0.19)));
  EXPECT_FALSE(InsideCorridor(c, mid, course(-0.21)));
  // Beyond `to` along the axis by 299 m / 301 m.
  const Vec3 to_up{4000, 6000, 300};
  EXPECT_TRUE(InsideCorridor(c, to_up + 299 * Vec3{0.6, 0.8, 0}, course(0)));
  EXPECT_FALSE(InsideCorridor(c, to_up + 301 * Vec3{0.6, 0.8, 0}, course(0)));
}

TEST(ProceduralCorridor, ValidateNamesEveryProblem) {
  EXPECT_TRUE(EastBound().Validate().empty());
  ProceduralCorridor bad = EastBound();
  bad.half_width_m = 0;
  bad.min_alt_m = 6000;
  bad.max_alt_m = 6000;
  bad.heading_tolerance_rad = 0;
  bad.to_enu = {0.5, 0, 3000};  // only 0.5 m from `from` horizontally
  const Problems p = bad.Validate();
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].path, "half_width");
  EXPECT_EQ(p[1].path, "max_altitude");
  EXPECT_EQ(p[2].path, "heading_tolerance");
  EXPECT_EQ(p[3].path, "to");
  bad = EastBound();
  bad.heading_tolerance_rad = 3.2;  // > pi
  bad.min_alt_m = std::nan("");
  const Problems q = bad.Validate();
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].path, "min_altitude");
  EXPECT_EQ(q[1].path, "max_altitude");
  EXPECT_EQ(q[2].path, "heading_tolerance");
  EXPECT_NE(q[2].message.find("183.3"), std::string::npos) << q[2].message;  // 3.2 rad in degrees
  bad = EastBound();
  bad.heading_tolerance_rad = std::numbers::pi;
  EXPECT_TRUE(bad.Validate().empty());
}

}  // namespace
}  // namespace iadsim
