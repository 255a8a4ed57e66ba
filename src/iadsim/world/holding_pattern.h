#pragma once
// A holding pattern, for a mission's timing: at waypoint `at` of a route the aircraft flies n
// equilateral triangles P → A → B → P of side L (A at L ahead on the route's heading at P, B at L
// on that heading + 60°, so each corner is a 120° fly-by turn of the route mover), at P's altitude
// and speed, and leaves P for the rest of its route at `until`.
//   n is the smallest number of loops for which some L in [min_leg_m, max_leg_m] gives a departure
//   at `until`; L is found by bisection on the route mover's own timing (the departure time grows
//   with L), to within 0.01 s.
// Valid for any route the mover accepts; the triangle is laid with geodesics (world/route_mover.h).
#include <optional>
#include <string>

#include "iadsim/world/route_mover.h"

namespace iadsim {

struct HoldSpec {
  std::size_t at = 0;            // waypoint index, < the route's waypoint count
  SimTime until;                 // when to leave the hold point
  double min_leg_m = 10e3;       // shortest side of the triangle, > 0
  double max_leg_m = 100e3;      // longest, > min_leg_m
};

struct HoldResult {
  RouteConfig route;             // with the loops inserted after waypoint `at`
  std::size_t inserted = 0;      // waypoints inserted (3 per loop)
  double leg_m = 0.0;
  std::optional<std::string> error;  // why no hold fits (route unchanged then)
};

HoldResult InsertHold(const RouteConfig& route, const HoldSpec& hold);

}  // namespace iadsim
