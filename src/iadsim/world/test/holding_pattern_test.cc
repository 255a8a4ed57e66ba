// Holding patterns: the aircraft leaves the hold point at the stated time (the route mover's own
// timing), on equilateral triangles whose sides are the found leg (geodesic distances).
#include "iadsim/world/holding_pattern.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

RouteConfig East() {
  RouteConfig r;
  r.waypoints = {{{35.0, 33.0, 9000}, 250}, {{35.0, 34.0, 9000}, 250}, {{35.0, 35.0, 9000}, 250}};
  return r;
}

TEST(HoldingPattern, LeavesTheHoldPointAtUntilOnEquilateralLoops) {
  const RouteConfig route = East();
  const double arrival = RouteMover(route).waypoint_time(1).seconds();  // ~364 s at 250 m/s
  for (const double wait_s : {300.0, 900.0, 3000.0}) {
    HoldSpec h;
    h.at = 1;
    h.until = SimTime() + Duration::Seconds(arrival + wait_s);
    const HoldResult r = InsertHold(route, h);
    ASSERT_FALSE(r.error) << *r.error;
    ASSERT_EQ(r.route.waypoints.size(), route.waypoints.size() + r.inserted);
    ASSERT_TRUE(r.route.Validate().empty());
    const RouteMover m(r.route);
    EXPECT_NEAR(m.waypoint_time(1 + r.inserted).seconds(), arrival + wait_s, 0.01) << wait_s;
    EXPECT_NEAR(m.waypoint_time(1).seconds(), arrival, 60.0);  // the first pass of P: the turn into the loop
    // Each loop: P, A, B all L apart (equilateral), A on the route's heading (east) from P.
    const Geodetic& p = r.route.waypoints[1].position;
    const Geodetic& a = r.route.waypoints[2].position;
    const Geodetic& b = r.route.waypoints[3].position;
    EXPECT_NEAR(Inverse(p, a).distance_m, r.leg_m, 1e-3);
    EXPECT_NEAR(Inverse(p, b).distance_m, r.leg_m, 1e-3);
    EXPECT_NEAR(Inverse(a, b).distance_m, r.leg_m, 0.002 * r.leg_m);  // 60° apart at P on the ellipsoid
    EXPECT_NEAR(Inverse(p, a).azimuth_from_rad, Inverse(p, route.waypoints[2].position).azimuth_from_rad, 1e-9);
    // Independently of the mover's timing: the path from the first pass of P (straight on) to the
    // middle of the last turn at P is n perimeters 2L + |AB| less, at each 120° fly-by corner,
    // s = 2 r tan 60° − r 2π/3 (the two tangent lengths replaced by the arc; r = v / ω) — 3n − 1
    // whole corners and half of the last one (a waypoint is reached at the middle of its turn):
    //   leave − first pass = (n (2L + |AB|) − (3n − ½) s) / v.
    const double v = 250.0, radius = v / route.turn_rate_rad_s;
    const double n = static_cast<double>(r.inserted / 3);
    const double corner = radius * (2 * std::sqrt(3.0) - 2 * M_PI / 3);
    const double path = n * (2 * r.leg_m + Inverse(a, b).distance_m) - (3 * n - 0.5) * corner;
    EXPECT_NEAR(arrival + wait_s - m.waypoint_time(1).seconds(), path / v, 0.5) << wait_s;
    EXPECT_GE(r.leg_m, h.min_leg_m);
    EXPECT_LE(r.leg_m, h.max_leg_m);
  }
}

TEST(HoldingPattern, SaysWhyNoHoldFits) {
  const RouteConfig route = East();
  const double arrival = RouteMover(route).waypoint_time(1).seconds();
  HoldSpec late;
  late.at = 1;
  late.until = SimTime() + Duration::Seconds(arrival - 10.0);
  EXPECT_NE(InsertHold(route, late).error.value_or("").find("not before until"), std::string::npos);
  HoldSpec short_hold;
  short_hold.at = 1;
  short_hold.until = SimTime() + Duration::Seconds(arrival + 20.0);  // one loop of 10 km sides takes > 100 s
  EXPECT_NE(InsertHold(route, short_hold).error.value_or("").find("shorter than one loop"), std::string::npos);
}

}  // namespace
}  // namespace iadsim
