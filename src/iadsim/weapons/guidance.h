#pragma once
// True proportional navigation (PN) in three dimensions.
//
//   r = p_target - p_missile,  v_rel = v_target - v_missile
//   omega = (r x v_rel) / |r|^2                line-of-sight (LOS) rate vector, rad/s
//   Vc    = -(r . v_rel) / |r|                 closing speed, m/s (> 0 while closing)
//   a     = N' Vc (omega x r/|r|)              perpendicular to the LOS, |a| = N' Vc |lambda_dot|
// then the component of a along the missile velocity is removed, so that the command is lateral
// (an airframe turns its velocity; it does not speed up on command):
//   a_lateral = a - (a . v_hat_missile) v_hat_missile
// In a plane this is Zarchan's a_c = N' Vc lambda_dot.
//
// Units: positions m, velocities m/s, any one Cartesian frame (ENU here); returns m/s^2 in that
// frame. nav_gain N' is dimensionless, typically 3 to 5; the zero-lag closed forms need N' > 2.
// Valid for any geometry with |r| > 0 (returns zero at |r| = 0); the command is not limited
// here (the airframe limit is applied by the caller). When the target is receding (Vc < 0) the
// command reverses, as PN does. If the missile is at rest the full command is returned.
// Source: P. Zarchan, Tactical and Strategic Missile Guidance, 6th ed., AIAA, 2012, ch. 2
// ("Proportional navigation and miss distance"), eq. a_c = N' Vc lambda_dot.
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

// The largest navigation constant a configuration may give: far above any real N' (3-5), far below
// where the command overflows (1e308 made the flyout NaN).
inline constexpr double kMaxNavGain = 100.0;

Vec3 ProportionalNavigation(const Vec3& p_missile, const Vec3& v_missile, const Vec3& p_target,
                            const Vec3& v_target, double nav_gain);

}  // namespace iadsim
