#include "iadsim/world/route_mover.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/core/rng.h"
#include "iadsim/world/holding_pattern.h"

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

// The exact path holds its GeographicLib line by value: positions along a leg are those of
// GeodesicPath (geodesy/geodetic.h) on the same geodesic, to the last bit; the fitted path (StateAt)
// is within 1 mm of them.
TEST(RouteMover, ExactStraightLegIsGeodesicPathBitForBit) {
  const Geodetic a{35.0, 34.0, 5000}, b{35.5, 35.0, 5000};
  RouteConfig c;
  c.waypoints = {{a, 200.0}, {b, 200.0}};
  const RouteMover m(c);
  const GeodesicInverse inv = Inverse(a, b);
  const GeodesicDirect start = Direct(a, inv.azimuth_from_rad, 0.0);  // as the mover lays its leg
  const GeodesicPath path(start.point, start.azimuth_rad);
  for (double t_s : {0.0, 1.0, 123.456, 250.0, inv.distance_m / 200.0 - 1.0}) {
    const auto k = m.ExactStateAt(SimTime::Seconds(t_s));
    ASSERT_TRUE(k);
    const GeodesicDirect d = path.At(200.0 * SimTime::Seconds(t_s).seconds());
    EXPECT_EQ(k->geo.lat_deg, d.point.lat_deg);
    EXPECT_EQ(k->geo.lon_deg, d.point.lon_deg);
    EXPECT_EQ(k->heading_rad, d.azimuth_rad);
    EXPECT_EQ(k->p_ecef, EcefFromGeodetic({d.point.lat_deg, d.point.lon_deg, 5000.0}));
    const auto f = m.StateAt(SimTime::Seconds(t_s));
    EXPECT_LT((f->p_ecef - k->p_ecef).norm(), 1e-3);
    EXPECT_LT((f->v_ecef - k->v_ecef).norm(), 1e-3);
  }
}

// StateAt (the fitted path) against ExactStateAt (GeographicLib at every call) at random times of
// random routes of every kind the mover flies; the bound of route_mover.h: 1 mm, 1 mm/s.
struct Worst {
  double p_m = 0, v_mps = 0, v_enu_mps = 0, geo_m = 0, consistency_m = 0, heading_mps = 0;
  int fitted = 0, total = 0;
};

void Compare(const RouteConfig& c, RandomStream& rng, Worst& w, int samples = 40) {
  ASSERT_TRUE(c.Validate().empty());
  const RouteMover m(c);
  const double end_s = (m.route_end() - m.start()).seconds();
  for (int i = 0; i < samples; ++i) {
    // Mostly along the route, some on the continuation (fitted for 2,000 km, then exact).
    const double u = rng.Uniform01();
    const double t_s = i == 0 ? 0.0 : i == 1 ? end_s : u < 0.85 ? end_s * u / 0.85 : end_s + 20000.0 * (u - 0.85) / 0.15;
    const SimTime t = m.start() + Duration::Seconds(t_s);
    const auto f = m.StateAt(t), e = m.ExactStateAt(t);
    ASSERT_EQ(f.has_value(), e.has_value());
    if (!f) continue;
    constexpr double kR = 6.4e6, kDegM = kR * std::numbers::pi / 180.0;
    ++w.total;
    w.fitted += f->p_ecef != e->p_ecef;
    w.p_m = std::max(w.p_m, (f->p_ecef - e->p_ecef).norm());
    w.v_mps = std::max(w.v_mps, (f->v_ecef - e->v_ecef).norm());
    w.v_enu_mps = std::max(w.v_enu_mps, (f->v_enu - e->v_enu).norm());
    const double dlon = std::remainder(f->geo.lon_deg - e->geo.lon_deg, 360.0);
    w.geo_m = std::max({w.geo_m, std::abs(f->geo.lat_deg - e->geo.lat_deg) * kDegM,
                        std::abs(dlon) * kDegM * std::cos(e->geo.lat_deg * std::numbers::pi / 180.0),
                        std::abs(f->geo.alt_m - e->geo.alt_m)});
    w.consistency_m = std::max(w.consistency_m, (EcefFromGeodetic(f->geo) - f->p_ecef).norm());
    w.heading_mps = std::max(w.heading_mps, f->ground_speed_mps * std::abs(WrapPi(f->heading_rad - e->heading_rad)));
    EXPECT_EQ(f->ground_speed_mps, e->ground_speed_mps);
    // Asked without latitude and longitude (what a radar reads): every other member the same double.
    const auto g = m.StateAt(t, StateParts::kNoLatLon);
    ASSERT_TRUE(g);
    EXPECT_TRUE(g->p_ecef == f->p_ecef && g->v_ecef == f->v_ecef && g->v_enu == f->v_enu);
    EXPECT_EQ(g->geo.alt_m, f->geo.alt_m);
    EXPECT_EQ(g->ground_speed_mps, f->ground_speed_mps);
  }
}

Geodetic RandomPoint(RandomStream& rng, double lat_lo, double lat_hi) {
  return {rng.Uniform(lat_lo, lat_hi) * (rng.Bernoulli(0.5) ? 1 : -1), rng.Uniform(-180.0, 180.0), rng.Uniform(0.0, 15000.0)};
}

RouteConfig Route(RandomStream& rng, Geodetic from, int legs, double lo_m, double hi_m) {
  RouteConfig c;
  c.turn_rate_rad_s = rng.Uniform(0.02, 0.2);
  c.start = SimTime::Seconds(rng.Uniform(0.0, 1000.0));
  c.end = rng.Bernoulli(0.5) ? EndOfRoute::kContinue : EndOfRoute::kRemove;
  double azimuth = rng.Uniform(0.0, 2 * std::numbers::pi);
  c.waypoints.push_back({from, rng.Uniform(60.0, 700.0)});
  for (int i = 0; i < legs; ++i) {
    Geodetic to = Direct(c.waypoints.back().position, azimuth, rng.Uniform(lo_m, hi_m)).point;
    to.alt_m = rng.Uniform(0.0, 15000.0);  // climbing and descending legs
    c.waypoints.push_back({to, rng.Uniform(60.0, 700.0)});
    azimuth += rng.Uniform(-2.5, 2.5);  // fly-by turns of up to 143 deg
  }
  return c;
}

TEST(RouteMover, FittedPathIsWithinAMillimetreOfTheExactOne) {
  RandomStream rng(20261126);
  Worst w;
  for (int r = 0; r < 40; ++r) Compare(Route(rng, RandomPoint(rng, 0, 80), 1, 500e3, 1500e3), rng, w);  // long legs
  for (int r = 0; r < 30; ++r) Compare(Route(rng, RandomPoint(rng, 0, 80), 3, 20e3, 1200e3), rng, w);   // long, turning
  for (int r = 0; r < 40; ++r) Compare(Route(rng, RandomPoint(rng, 0, 80), 4, 50.0, 5e3), rng, w);      // short legs
  for (int r = 0; r < 40; ++r) Compare(Route(rng, RandomPoint(rng, 84, 89.99), 3, 1e3, 800e3), rng, w); // near a pole
  for (int r = 0; r < 30; ++r) {  // across the antimeridian, both ways
    const double lat = rng.Uniform(-70.0, 70.0);
    RouteConfig c = Route(rng, {lat, 179.0 + rng.Uniform(0.0, 1.0), 3000.0}, 1, 10e3, 20e3);
    c.waypoints[1].position = {lat + rng.Uniform(-1.0, 1.0), -179.0 - rng.Uniform(0.0, 1.0), rng.Uniform(0.0, 15000.0)};
    if (r % 2) std::swap(c.waypoints[0], c.waypoints[1]);
    Compare(c, rng, w);
  }
  {  // over a pole, on a meridian (the fit steps aside within 6 m of the pole)
    RouteConfig c;
    c.waypoints = {{{89.5, 10.0, 9000.0}, 250.0}, {{89.5, -170.0, 9000.0}, 250.0}};
    Compare(c, rng, w, 400);
  }
  for (int r = 0; r < 6; ++r) {  // holding patterns: 120-degree corners, loops on one point
    RouteConfig c = Route(rng, RandomPoint(rng, 0, 70), 2, 50e3, 200e3);
    HoldSpec h;
    h.at = 1;
    h.until = c.start + Duration::Seconds(RouteMover(c).waypoint_time(1).seconds() - c.start.seconds() + rng.Uniform(300.0, 2000.0));
    const HoldResult hold = InsertHold(c, h);
    ASSERT_FALSE(hold.error) << *hold.error;
    Compare(hold.route, rng, w, 100);
  }
  std::printf("worst of %d states (%d fitted): p %.2e m, v_ecef %.2e m/s, v_enu %.2e m/s, geo %.2e m, "
              "geo->ecef vs p %.2e m, v*heading %.2e m/s\n",
              w.total, w.fitted, w.p_m, w.v_mps, w.v_enu_mps, w.geo_m, w.consistency_m, w.heading_mps);
  EXPECT_GT(w.fitted, w.total * 8 / 10);  // the fit is what StateAt evaluates
  EXPECT_LT(w.p_m, 1e-3);
  EXPECT_LT(w.v_mps, 1e-3);
  EXPECT_LT(w.v_enu_mps, 1e-3);
  EXPECT_LT(w.geo_m, 1e-3);
  EXPECT_LT(w.consistency_m, 1e-3);
  EXPECT_LT(w.heading_mps, 1e-3);
}

}  // namespace
}  // namespace iadsim
