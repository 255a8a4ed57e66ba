#include "iadsim/world/route_mover.h"

#include <gtest/gtest.h>

#include <cmath>

#include "iadsim/core/angle.h"

namespace iadsim {
namespace {

TEST(RouteMover, StraightLegTakesDistanceOverSpeedAndFollowsTheGeodesic) {
  const Geodetic a{35.0, 34.0, 5000}, b{35.5, 35.0, 5000};
  RouteConfig c;
  c.waypoints = {{a, 200.0}, {b, 200.0}};
  c.start = SimTime::Seconds(100);
  const RouteMover m(c);
  const double dist = Inverse(a, b).distance_m;  // independent: GeographicLib inverse
  EXPECT_NEAR(m.route_end().seconds(), 100.0 + dist / 200.0, 1e-6);
  EXPECT_FALSE(m.StateAt(SimTime::Seconds(99.9)).has_value());
  // Half-way in time is half-way along the geodesic.
  const auto mid = m.StateAt(SimTime::Seconds(100.0 + dist / 400.0));
  ASSERT_TRUE(mid);
  EXPECT_NEAR(Inverse(a, mid->geo).distance_m, dist / 2.0, 1e-3);
  EXPECT_NEAR(Inverse(mid->geo, b).distance_m, dist / 2.0, 1e-3);
  EXPECT_NEAR(mid->ground_speed_mps, 200.0, 1e-9);
  EXPECT_NEAR(mid->v_enu.norm(), 200.0, 1e-9);
  EXPECT_NEAR(mid->geo.alt_m, 5000.0, 1e-9);
}

TEST(RouteMover, TurnsAtTheStatedRateOnAnArcTangentToBothLegs) {
  // East then north: a 90-degree left turn at 3 deg/s takes 30 s.
  const Geodetic a{0.0, 0.0, 3000}, b{0.0, 1.0, 3000}, c2{1.0, 1.0, 3000};
  RouteConfig c;
  c.waypoints = {{a, 250.0}, {b, 250.0}, {c2, 250.0}};
  c.turn_rate_rad_s = Angle::Degrees(3).rad();
  const RouteMover m(c);
  const double r = 250.0 / c.turn_rate_rad_s;  // 4775 m
  const double leg1 = Inverse(a, b).distance_m, leg2 = Inverse(b, c2).distance_m;
  // Path length: both legs less two tangent distances r, plus the arc r*pi/2.
  const double path = leg1 + leg2 - 2 * r + r * std::numbers::pi / 2;
  EXPECT_NEAR(m.route_end().seconds(), path / 250.0, 0.05);
  // The waypoint is passed at the arc's middle, heading 45 degrees, at distance r(sqrt2 - 1)
  // from the corner (the fly-by geometry).
  const double t_arc_start = (leg1 - r) / 250.0;
  const auto mid = m.StateAt(SimTime::Seconds(t_arc_start + 15.0));
  ASSERT_TRUE(mid);
  EXPECT_NEAR(Angle::Radians(mid->heading_rad).deg(), 45.0, 0.05);
  EXPECT_NEAR(Inverse(b, mid->geo).distance_m, r * (std::sqrt(2.0) - 1.0), 5.0);
  const auto after = m.StateAt(SimTime::Seconds(t_arc_start + 31.0));
  EXPECT_NEAR(Angle::Radians(after->heading_rad).deg(), 0.0, 0.05);
}

TEST(RouteMover, AcceleratesUniformlyAndDescendsLinearly) {
  const Geodetic a{35.0, 34.0, 5000}, b{35.0, 35.0, 0};
  RouteConfig c;
  c.waypoints = {{a, 150.0}, {b, 70.0}};
  c.end = EndOfRoute::kRemove;
  const RouteMover m(c);
  const double d = Inverse(a, b).distance_m;
  const double T = 2 * d / (150.0 + 70.0);
  EXPECT_NEAR(m.route_end().seconds(), T, 1e-6);
  const auto k = m.StateAt(SimTime::Seconds(T / 2));
  const double accel = (70.0 - 150.0) / T;
  const double s = 150.0 * T / 2 + 0.5 * accel * T * T / 4;
  EXPECT_NEAR(k->ground_speed_mps, 110.0, 1e-6);  // time is rounded to 1 us
  EXPECT_NEAR(k->geo.alt_m, 5000.0 * (1 - s / d), 1e-6);
  EXPECT_NEAR(k->v_enu.z(), 110.0 * -5000.0 / d, 1e-6);
  EXPECT_FALSE(m.StateAt(SimTime::Seconds(T + 1)).has_value());  // landed
}

TEST(RouteMover, ValidateListsEveryProblem) {
  RouteConfig c;
  c.waypoints = {{{95.0, 0.0, 1000}, -3.0}};
  const Problems p = c.Validate();
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].path, "route");
  EXPECT_EQ(p[1].path, "route[0].speed");
  EXPECT_EQ(p[2].path, "route[0].lat");
}

// The straight pieces hold their GeographicLib line by value: positions along a leg are those of
// GeodesicPath (geodesy/geodetic.h) on the same geodesic, to the last bit.
TEST(RouteMover, StraightLegIsGeodesicPathBitForBit) {
  const Geodetic a{35.0, 34.0, 5000}, b{35.5, 35.0, 5000};
  RouteConfig c;
  c.waypoints = {{a, 200.0}, {b, 200.0}};
  const RouteMover m(c);
  const GeodesicInverse inv = Inverse(a, b);
  const GeodesicDirect start = Direct(a, inv.azimuth_from_rad, 0.0);  // as the mover lays its leg
  const GeodesicPath path(start.point, start.azimuth_rad);
  for (double t_s : {0.0, 1.0, 123.456, 250.0, inv.distance_m / 200.0 - 1.0}) {
    const auto k = m.StateAt(SimTime::Seconds(t_s));
    ASSERT_TRUE(k);
    const GeodesicDirect d = path.At(200.0 * SimTime::Seconds(t_s).seconds());
    EXPECT_EQ(k->geo.lat_deg, d.point.lat_deg);
    EXPECT_EQ(k->geo.lon_deg, d.point.lon_deg);
    EXPECT_EQ(k->heading_rad, d.azimuth_rad);
  }
}

}  // namespace
}  // namespace iadsim
