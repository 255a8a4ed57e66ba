// World: the line-of-sight overload for a fixed observer (bounded ground distance first, exact test
// near the horizon) gives the answer of the two-point test, and the smooth-earth answers are the
// horizon sums of the closed form (line_of_sight.h). StateAt is unchanged by cache hints.
#include "iadsim/world/world.h"

#include <gtest/gtest.h>

#include <Eigen/Geometry>
#include <cmath>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

// A target straight north of a sea-level radar at the equator: the smooth-earth horizon sum for a
// 10 km high target is 4.12 km x sqrt(10000) = 412 km (line_of_sight.h: d(h) ~ sqrt(2 a h)); the
// fast overload agrees with the two-point test on either side of it.
TEST(WorldLineOfSight, FastOverloadMatchesTheHorizonSum) {
  World world;
  const Geodetic radar{0.0, 0.0, 0.0};
  const Vec3 radar_surface = EcefFromGeodetic({0.0, 0.0, 0.0});
  const double horizon_m = SmoothEarthHorizonDistanceM(10e3);
  EXPECT_NEAR(horizon_m, 412.4e3, 0.5e3);
  for (double ground_m : {horizon_m - 2000.0, horizon_m - 20.0, horizon_m + 20.0, horizon_m + 2000.0}) {
    const Geodetic target = Direct({0.0, 0.0, 0.0}, 0.0, ground_m).point;
    const Geodetic at{target.lat_deg, target.lon_deg, 10e3};
    const bool two_point = world.InLineOfSight(radar, at);
    EXPECT_EQ(world.InLineOfSight(radar, radar_surface, at, EcefFromGeodetic(at)), two_point) << ground_m;
  }
  // Far inside and far outside (the geodesic distance differs from the sphere's by < 0.5 %).
  EXPECT_TRUE(world.InLineOfSight(radar, radar_surface, Geodetic{3.0, 0.0, 10e3}, EcefFromGeodetic({3.0, 0.0, 10e3})));
  EXPECT_FALSE(world.InLineOfSight(radar, radar_surface, Geodetic{4.0, 0.0, 10e3}, EcefFromGeodetic({4.0, 0.0, 10e3})));
}

// Seeded random observers and targets, many of them within a few metres of the horizon sum, at
// heights from below the surface to 100 km and latitudes up to the poles: always the same answer.
TEST(WorldLineOfSight, FastOverloadEqualsTheTwoPointTestOnRandomPairs) {
  World world;
  RandomStream rng(5);
  int near_horizon = 0;
  for (int i = 0; i < 20000; ++i) {
    const Geodetic a{rng.Uniform(-89.9, 89.9), rng.Uniform(-180.0, 180.0), rng.Uniform(-100.0, 3000.0)};
    const double b_alt = i % 4 == 0 ? rng.Uniform(-500.0, 100e3) : rng.Uniform(0.0, 15e3);
    const double horizon_m = SmoothEarthHorizonDistanceM(a.alt_m) + SmoothEarthHorizonDistanceM(b_alt);
    // Ground distance: uniform, or within +-50 m of the horizon sum (the geodesic on the ellipsoid
    // and the sphere's arc differ, so this only lands near the decision, which is the point).
    const double ground_m = i % 2 == 0 ? rng.Uniform(0.0, 1.5 * horizon_m + 1e3) : horizon_m + rng.Uniform(-50.0, 50.0);
    Geodetic b = Direct({a.lat_deg, a.lon_deg, 0.0}, rng.Uniform(0.0, 6.283), ground_m).point;
    b.alt_m = b_alt;
    const Vec3 a_surface = EcefFromGeodetic({a.lat_deg, a.lon_deg, 0.0});
    const bool two_point = world.InLineOfSight(a, b);
    ASSERT_EQ(world.InLineOfSight(a, a_surface, b, EcefFromGeodetic(b)), two_point)
        << "a " << a.lat_deg << " " << a.lon_deg << " " << a.alt_m << " b " << b.lat_deg << " " << b.lon_deg << " " << b.alt_m;
    const Vec3 pa = a_surface, pb = EcefFromGeodetic({b.lat_deg, b.lon_deg, 0.0});
    if (std::abs(kEarthRadiusM * std::atan2(pa.cross(pb).norm(), pa.dot(pb)) - horizon_m) < 100.0) ++near_horizon;
  }
  EXPECT_GT(near_horizon, 500);  // the exact fallback was exercised
}

// Prefetch is a cache hint: the states evaluated after it are those evaluated without it.
TEST(World, PrefetchChangesNoState) {
  World a, b;
  for (World* w : {&a, &b}) {
    Entity e;
    e.name = "x";
    RouteConfig r;
    r.waypoints = {{{35.0, 35.0, 5000.0}, 200.0}, {{35.5, 35.5, 6000.0}, 250.0}, {{35.0, 36.0, 6000.0}, 250.0}};
    e.route.emplace(r);
    w->Add(std::move(e));
  }
  for (int k = 0; k < 2; ++k) a.Prefetch(EntityId(1), k);
  a.Prefetch(EntityId(7), 0);  // an unknown id is ignored
  for (double t : {0.0, 100.0, 500.0, 1000.0, 5000.0}) {
    const auto sa = a.StateAt(EntityId(1), SimTime::Seconds(t)), sb = b.StateAt(EntityId(1), SimTime::Seconds(t));
    ASSERT_EQ(sa.has_value(), sb.has_value());
    if (sa) {
      EXPECT_EQ(sa->p_ecef, sb->p_ecef);
      EXPECT_EQ(sa->v_ecef, sb->v_ecef);
    }
  }
}

// NextTimeInSky: not yet started -> the route's start; removed at the route's end or destroyed ->
// never again (SimTime::Max). The route below (two legs, 200-250 m/s, start at 100 s) ends near 1.2e3 s.
TEST(World, NextTimeInSky) {
  World w;
  Entity e;
  e.name = "x";
  RouteConfig r;
  r.waypoints = {{{35.0, 35.0, 5000.0}, 200.0}, {{35.5, 35.5, 6000.0}, 250.0}, {{35.0, 36.0, 6000.0}, 250.0}};
  r.start = SimTime::Seconds(100.0);
  r.end = EndOfRoute::kRemove;
  e.route.emplace(r);
  const EntityId id = w.Add(std::move(e));
  const SimTime end = w.Get(id).route->route_end();
  EXPECT_FALSE(w.StateAt(id, SimTime::Seconds(50.0)));
  EXPECT_EQ(w.NextTimeInSky(id, SimTime::Seconds(50.0)), SimTime::Seconds(100.0));
  EXPECT_TRUE(w.StateAt(id, SimTime::Seconds(100.0)));
  EXPECT_FALSE(w.StateAt(id, end + Duration::Seconds(1.0)));
  EXPECT_EQ(w.NextTimeInSky(id, end + Duration::Seconds(1.0)), SimTime::Max());
  w.Destroy(id, SimTime::Seconds(200.0));
  EXPECT_FALSE(w.StateAt(id, SimTime::Seconds(300.0)));
  EXPECT_EQ(w.NextTimeInSky(id, SimTime::Seconds(300.0)), SimTime::Max());
}

}  // namespace
}  // namespace iadsim
