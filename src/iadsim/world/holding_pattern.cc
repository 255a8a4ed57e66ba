#include "iadsim/world/holding_pattern.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

RouteConfig WithLoops(const RouteConfig& route, std::size_t at, int loops, double leg_m) {
  const Waypoint p = route.waypoints[at];
  const bool last = at + 1 == route.waypoints.size();
  const double heading = last ? Inverse(route.waypoints[at - 1].position, p.position).azimuth_to_rad
                              : Inverse(p.position, route.waypoints[at + 1].position).azimuth_from_rad;
  Waypoint a = p, b = p;
  a.position = Direct(p.position, heading, leg_m).point;
  b.position = Direct(p.position, heading + std::numbers::pi / 3.0, leg_m).point;
  a.position.alt_m = b.position.alt_m = p.position.alt_m;
  RouteConfig out = route;
  std::vector<Waypoint> loop;
  for (int i = 0; i < loops; ++i) loop.insert(loop.end(), {a, b, p});
  out.waypoints.insert(out.waypoints.begin() + static_cast<std::ptrdiff_t>(at) + 1, loop.begin(), loop.end());
  return out;
}

// When the aircraft leaves P after `loops` loops of side leg_m.
double Departure(const RouteConfig& route, std::size_t at, int loops, double leg_m) {
  return RouteMover(WithLoops(route, at, loops, leg_m)).waypoint_time(at + 3 * static_cast<std::size_t>(loops)).seconds();
}

}  // namespace

HoldResult InsertHold(const RouteConfig& route, const HoldSpec& hold) {
  HoldResult r;
  r.route = route;
  const double arrival = RouteMover(route).waypoint_time(hold.at).seconds();
  const double until = hold.until.seconds();
  if (until <= arrival) {
    r.error = fmt::format("the aircraft reaches waypoint {} at {:.1f} s, not before until ({:.1f} s)", hold.at, arrival, until);
    return r;
  }
  for (int n = 1; n <= 1000; ++n) {
    double lo = hold.min_leg_m, hi = hold.max_leg_m;
    if (Departure(route, hold.at, n, lo) > until) {
      r.error = fmt::format("a hold of {:.1f} s is shorter than one loop of {:.1f} km sides ({:.1f} s)",
                            until - arrival, lo / 1e3, Departure(route, hold.at, 1, lo) - arrival);
      return r;
    }
    if (Departure(route, hold.at, n, hi) < until) continue;
    while (hi - lo > 1e-3) {
      const double mid = 0.5 * (lo + hi);
      (Departure(route, hold.at, n, mid) < until ? lo : hi) = mid;
    }
    r.route = WithLoops(route, hold.at, n, 0.5 * (lo + hi));
    r.inserted = 3 * static_cast<std::size_t>(n);
    r.leg_m = 0.5 * (lo + hi);
    return r;
  }
  r.error = fmt::format("a hold of {:.1f} s needs more than 1000 loops of {:.1f} km sides", until - arrival,
                        hold.max_leg_m / 1e3);
  return r;
}

}  // namespace iadsim
