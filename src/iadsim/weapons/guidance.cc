#include "iadsim/weapons/guidance.h"

#include <Eigen/Geometry>  // cross products
#include <cmath>

namespace iadsim {

Vec3 ProportionalNavigation(const Vec3& p_missile, const Vec3& v_missile, const Vec3& p_target,
                            const Vec3& v_target, double nav_gain) {
  const Vec3 r = p_target - p_missile;
  const Vec3 v_rel = v_target - v_missile;
  const double r2 = r.squaredNorm();
  if (!(r2 > 0.0)) return Vec3::Zero();
  const double range = std::sqrt(r2);
  const Vec3 omega = r.cross(v_rel) / r2;
  const double closing_speed = -r.dot(v_rel) / range;
  Vec3 a = nav_gain * closing_speed * omega.cross(r / range);
  const double speed = v_missile.norm();
  if (speed > 0.0) {
    const Vec3 v_hat = v_missile / speed;
    a -= a.dot(v_hat) * v_hat;
  }
  return a;
}

}  // namespace iadsim
