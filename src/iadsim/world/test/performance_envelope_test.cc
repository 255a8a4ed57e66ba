#include "iadsim/world/performance_envelope.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDegRad = std::numbers::pi / 180.0;

PerformanceEnvelope F16() {
  PerformanceEnvelope e;
  e.min_speed_mps = 130.0 * 1852.0 / 3600.0;   // 66.88 m/s
  e.max_speed_mps = 1100.0 * 1852.0 / 3600.0;  // 565.9 m/s
  e.ceiling_m = 15000.0;
  e.max_load_factor = 9.0;
  e.max_climb_mps = 250.0;
  return e;
}

Waypoint At(double lat, double lon, double alt, double v) { return Waypoint{Geodetic{lat, lon, alt}, v}; }

TEST(PerformanceEnvelope, MaxTurnRateIsTheLevelCoordinatedTurn) {
  const PerformanceEnvelope e = F16();
  // g sqrt(n² − 1) / v at 9 g and 250 m/s: 9.80665 · sqrt(80) / 250 = 0.350853 rad/s = 20.10 deg/s.
  EXPECT_NEAR(MaxTurnRateRadS(e, 250.0), 9.80665 * std::sqrt(80.0) / 250.0, 1e-12);
  EXPECT_NEAR(MaxTurnRateRadS(e, 250.0), 0.3508534, 1e-6);
  // At n = 2 (60° bank) and 100 m/s: g sqrt(3) / 100 = 0.169856 rad/s.
  PerformanceEnvelope two;
  two.max_load_factor = 2.0;
  EXPECT_NEAR(MaxTurnRateRadS(two, 100.0), 0.169856, 1e-6);
}

TEST(PerformanceEnvelope, ValidateNamesEveryBadKey) {
  PerformanceEnvelope e;
  e.min_speed_mps = 300.0;
  e.max_speed_mps = 200.0;
  e.ceiling_m = 0.0;
  e.max_load_factor = 1.0;
  e.max_climb_mps = -1.0;
  const Problems p = e.Validate();
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].path, "min_speed");
  EXPECT_EQ(p[1].path, "ceiling");
  EXPECT_EQ(p[2].path, "max_load_factor");
  EXPECT_EQ(p[3].path, "max_climb");
  EXPECT_TRUE(F16().Validate().empty());
  EXPECT_TRUE(PerformanceEnvelope{}.Validate().empty());
}

TEST(PerformanceEnvelope, RouteInsideTheEnvelopePasses) {
  RouteConfig r;
  r.waypoints = {At(0, 0, 5000, 250), At(0, 1, 8000, 250), At(1, 1, 8000, 300)};
  r.turn_rate_rad_s = 3 * kDegRad;
  EXPECT_TRUE(CheckRoute(F16(), r).empty());
}

TEST(PerformanceEnvelope, SpeedAndCeilingAtEachWaypoint) {
  RouteConfig r;
  // 60 m/s < 66.88 (min), 600 m/s > 565.9 (max), 16 km > 15 km ceiling.
  r.waypoints = {At(0, 0, 1000, 60), At(0, 1, 16000, 250), At(0, 2, 16000, 600)};
  r.turn_rate_rad_s = 1 * kDegRad;
  const Problems p = CheckRoute(F16(), r);
  ASSERT_EQ(p.size(), 4u) << p[0].message;
  EXPECT_EQ(p[0].path, "route[0].speed");
  EXPECT_NE(p[0].message.find("below the type's minimum speed 66.9 m/s (130 kt)"), std::string::npos) << p[0].message;
  EXPECT_EQ(p[1].path, "route[1].alt");  // ceiling
  EXPECT_NE(p[1].message.find("above the type's ceiling 15000 m"), std::string::npos) << p[1].message;
  EXPECT_EQ(p[2].path, "route[2].speed");
  EXPECT_NE(p[2].message.find("above the type's maximum speed 565.9 m/s (1100 kt)"), std::string::npos) << p[2].message;
  EXPECT_EQ(p[3].path, "route[2].alt");
}

TEST(PerformanceEnvelope, ClimbAtTheLegsMeanSpeed) {
  // Along the equator, 0.1° of longitude is 11131.95 m (WGS-84: a · 0.1 · π/180).
  const double s = 6378137.0 * 0.1 * kDegRad;
  PerformanceEnvelope e = F16();
  // Climb 2000 m at mean speed (200 + 300)/2 = 250 m/s: 2000 · 250 / 11131.95 = 44.92 m/s.
  const double climb = 2000.0 * 250.0 / s;
  EXPECT_NEAR(climb, 44.916, 1e-3);
  RouteConfig r;
  r.waypoints = {At(0, 0, 1000, 200), At(0, 0.1, 3000, 300)};
  e.max_climb_mps = climb * 1.001;
  EXPECT_TRUE(CheckRoute(e, r).empty());
  e.max_climb_mps = climb * 0.999;
  const Problems p = CheckRoute(e, r);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "route[1].alt");
  EXPECT_NE(p[0].message.find("is 44.9 m/s"), std::string::npos) << p[0].message;
  // A descent of the same size is not limited.
  std::swap(r.waypoints[0].position.alt_m, r.waypoints[1].position.alt_m);
  EXPECT_TRUE(CheckRoute(e, r).empty());
}

TEST(PerformanceEnvelope, TurnRateAtInteriorWaypoints) {
  const PerformanceEnvelope e = F16();
  RouteConfig r;
  r.waypoints = {At(0, 0, 5000, 500), At(0, 1, 5000, 250), At(1, 1, 5000, 500)};
  const double limit = 9.80665 * std::sqrt(80.0) / 250.0;  // at waypoint 1 (250 m/s)
  r.turn_rate_rad_s = limit * 0.999;
  EXPECT_TRUE(CheckRoute(e, r).empty());
  r.turn_rate_rad_s = limit * 1.001;
  const Problems p = CheckRoute(e, r);
  ASSERT_EQ(p.size(), 1u);  // end waypoints do not turn, though at 500 m/s the limit is half
  EXPECT_EQ(p[0].path, "turn_rate");
  EXPECT_NE(p[0].message.find("at waypoint 1"), std::string::npos) << p[0].message;
  EXPECT_NE(p[0].message.find("20.10 deg/s"), std::string::npos) << p[0].message;
}

}  // namespace
}  // namespace iadsim
