#pragma once
// Terrain following: a route flown at a constant clearance above the ground. Each leg of the route
// is cut into sub-legs of at most `spacing` along its geodesic, and every waypoint (the route's and
// the new ones) is set to the altitude
//   h(P) = z(P) + clearance,
// z the terrain height at P (world/terrain.h; 0 m where there is no terrain, i.e. over the sea
// level of a smooth earth). The new waypoints' speeds follow the route mover's constant
// acceleration in time between two waypoints (world/route_mover.h), for which
//   v(s)² = v0² + (v1² − v0²) · s / L
// at distance s along a leg of length L, so densifying does not change the speed profile.
// Limits: the ground is sampled only at the waypoints; between two of them the route mover
// interpolates the altitude linearly, so a ridge narrower than `spacing` can rise above the
// path (choose a spacing well under the terrain's feature size; SRTM3 posts are 90 m apart). The
// climb this asks for is not checked here (world/performance_envelope.h does that).
#include <cstddef>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/world/route_mover.h"
#include "iadsim/world/terrain.h"

namespace iadsim {

struct TerrainFollowingConfig {
  double clearance_m = 100.0;  // height above the ground, [0, 10000] m
  double spacing_m = 1000.0;   // greatest distance between two waypoints, [10, 1e6] m
  Problems Validate() const;   // paths: clearance, spacing
};

struct DensifiedRoute {
  std::vector<Waypoint> waypoints;
  std::vector<std::size_t> original_index;  // index in `waypoints` of each input waypoint
};

// The densified route (input waypoints kept, in order, at original_index). terrain may be null
// (no terrain: z = 0). The config must be valid.
DensifiedRoute FollowTerrain(const std::vector<Waypoint>& route, const TerrainFollowingConfig& c, const Terrain* terrain);

}  // namespace iadsim
