#pragma once
// The collision triangle: the earliest time at which a pursuer leaving the origin at constant
// speed s can meet a target at relative position r moving at constant velocity v,
//   |r + v t| = s t   <=>   (|v|² − s²) t² + 2 (r·v) t + |r|² = 0,   smallest t > 0.
// No solution (nothing) when the target cannot be caught. Units: metres, m/s, seconds.
// Source: Zarchan, Tactical and Strategic Missile Guidance, 6th ed., ch. 1.
// Used by weapon assignment (predicted intercept) and by the interceptor's pitch-over.
#include <optional>

#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

std::optional<double> InterceptTime(const Vec3& r, const Vec3& v, double speed);

}  // namespace iadsim
