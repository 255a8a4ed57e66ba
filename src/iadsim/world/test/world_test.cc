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
  int near_horizon = 0, undecided = 0;
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
    // From b's height and ECEF position alone: that answer, or none (then the exact test decides).
    const auto clear = world.InLineOfSightFromHeight(a_surface, SmoothEarthHorizonDistanceM(a.alt_m), b.alt_m, EcefFromGeodetic(b));
    if (clear) {
      ASSERT_EQ(*clear, two_point);
    }
    undecided += !clear;
    const Vec3 pa = a_surface, pb = EcefFromGeodetic({b.lat_deg, b.lon_deg, 0.0});
    if (std::abs(kEarthRadiusM * std::atan2(pa.cross(pb).norm(), pa.dot(pb)) - horizon_m) < 100.0) ++near_horizon;
  }
  EXPECT_GT(near_horizon, 500);  // the exact fallback was exercised
  EXPECT_GT(undecided, 0);       // and the height alone left some to it
  EXPECT_LT(undecided, near_horizon);
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

// ForEachTargetNear against brute force (ForEachAircraft and the exact distance): the targets within
// the radius are the same, in the same (id) order, over 600 queries at times going back and forth,
// from 1 km to 1e9 m, with aircraft starting late, leaving at their route's end, diverted and
// destroyed, integrated munitions (targets) and interceptors (not targets), and state evaluations
// between queries that refresh some bounds and not others.
TEST(World, ForEachTargetNearFindsEveryTargetWithinTheRadius) {
  World near, brute;
  RandomStream rng(11);
  const int aircraft = 300;
  for (int i = 0; i < aircraft; ++i) {
    Entity e;
    e.name = "a" + std::to_string(i);
    RouteConfig r;
    const auto point = [&] { return Geodetic{rng.Uniform(33.0, 37.0), rng.Uniform(33.0, 37.0), rng.Uniform(100.0, 12000.0)}; };
    r.waypoints = {{point(), rng.Uniform(150.0, 600.0)}, {point(), rng.Uniform(150.0, 600.0)}};
    r.start = SimTime::Seconds(i % 3 == 0 ? rng.Uniform(0.0, 900.0) : 0.0);
    r.end = i % 2 == 0 ? EndOfRoute::kRemove : EndOfRoute::kContinue;
    e.route.emplace(r);
    near.Add(e);
    brute.Add(std::move(e));
  }
  const auto add_integrated = [&](EntityKind kind) {
    Entity e;
    e.name = "m";
    e.kind = kind;
    near.Add(e);
    return brute.Add(std::move(e));
  };
  std::vector<EntityId> integrated{add_integrated(EntityKind::kMunition), add_integrated(EntityKind::kMissile),
                                   add_integrated(EntityKind::kMunition)};
  const Vec3 centre = EcefFromGeodetic({35.0, 35.0, 0.0});
  int found = 0;
  for (int q = 0; q < 600; ++q) {
    const SimTime t = SimTime::Seconds(q < 300 ? 4.0 * q : rng.Uniform(0.0, 1500.0));
    for (const EntityId id : integrated) {  // munitions fly and speed up; their states are set as they go
      const Vec3 p = centre + Vec3(rng.Uniform(-2e5, 2e5), rng.Uniform(-2e5, 2e5), rng.Uniform(-2e5, 2e5));
      const Vec3 v = Vec3(rng.Normal(0, 1), rng.Normal(0, 1), rng.Normal(0, 1)) * (100.0 + 3.0 * q);
      if (q % 7 == 0) {
        near.SetMissileState(id, t, p, v);
        brute.SetMissileState(id, t, p, v);
      }
    }
    const EntityId some(1 + static_cast<std::uint32_t>(rng.Below(aircraft)));
    if (q % 50 == 25) {  // a diversion (only in the sky), or a kill
      const std::vector<Waypoint> to{{{rng.Uniform(33.0, 37.0), rng.Uniform(33.0, 37.0), 5000.0}, 900.0}};
      EXPECT_EQ(near.Divert(some, t, to), brute.Divert(some, t, to));
    } else if (q % 50 == 40) {
      near.Destroy(some, t);
      brute.Destroy(some, t);
    }
    for (int k = 0; k < 20; ++k) near.StateAt(EntityId(1 + static_cast<std::uint32_t>(rng.Below(aircraft))), t);
    const auto at = brute.StateAt(some, t);
    const Vec3 p = at && q % 2 ? at->p_ecef + Vec3(rng.Normal(0, 3e3), rng.Normal(0, 3e3), rng.Normal(0, 3e3))
                               : centre + Vec3(rng.Uniform(-3e5, 3e5), rng.Uniform(-3e5, 3e5), rng.Uniform(-3e5, 3e5));
    const double radius = std::vector<double>{1e3, 5e3, 3e4, 3e5, 1e9}[rng.Below(5)];
    std::vector<std::uint32_t> got, expected;
    near.ForEachTargetNear(t, p, radius, [&](const Entity& e, const EntityState& s) {
      if ((s.p_ecef - p).norm() <= radius) got.push_back(e.id.value());
    });
    brute.ForEachAircraft(t, [&](const Entity& e, const EntityState& s) {
      if ((s.p_ecef - p).norm() <= radius) expected.push_back(e.id.value());
    });
    EXPECT_EQ(got, expected) << "query " << q;
    found += static_cast<int>(expected.size());
  }
  EXPECT_GT(found, 2000);  // the queries find targets, not only empty skies
}

}  // namespace
}  // namespace iadsim
