#pragma once
// Closest approach of two points that move in straight lines over one integration step.
//
//   rel(t) = rel_p0 + rel_v t,  t in [0, dt]
//   t*     = clamp(-(rel_p0 . rel_v) / |rel_v|^2, 0, dt)      (t* = 0 when rel_v = 0)
//   d      = |rel(t*)|
// rel_p0: target minus missile position at the start of the step (m); rel_v: relative velocity
// over the step (m/s), e.g. the difference of the two displacements divided by dt, which makes
// the chord between the step's end points exact. dt_s >= 0. A proximity fuze fires when d is
// below its radius (an ideal fuze: no delay, no detection probability). Valid while each path
// is close to a straight line over the step, i.e. |a| dt^2 / 8 much smaller than the radii
// (20 g and 10 ms: 2.5 mm). Source: elementary kinematics (minimum of a quadratic in t).
#include <optional>

#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct ClosestApproach {
  double t_s = 0.0;         // time of closest approach from the start of the step, [0, dt]
  double distance_m = 0.0;  // the miss distance then
};

ClosestApproach ClosestApproachInStep(const Vec3& rel_p0, const Vec3& rel_v, double dt_s);

// An ideal proximity fuze over one step: it fires at the closest approach when that lies inside
// the step (t* < dt: the pair stops closing within it) and within fuze_radius_m. While the pair
// still closes at the end of the step it waits, so the reported miss is the true closest approach.
std::optional<ClosestApproach> ProximityFuze(const Vec3& rel_p0, const Vec3& rel_v, double dt_s,
                                             double fuze_radius_m);

}  // namespace iadsim
