#include "iadsim/weapons/fuze.h"

#include <algorithm>

namespace iadsim {

ClosestApproach ClosestApproachInStep(const Vec3& rel_p0, const Vec3& rel_v, double dt_s) {
  const double v2 = rel_v.squaredNorm();
  double t = 0.0;
  if (v2 > 0.0) t = std::clamp(-rel_p0.dot(rel_v) / v2, 0.0, std::max(dt_s, 0.0));
  return ClosestApproach{t, (rel_p0 + rel_v * t).norm()};
}

std::optional<ClosestApproach> ProximityFuze(const Vec3& rel_p0, const Vec3& rel_v, double dt_s,
                                             double fuze_radius_m) {
  const ClosestApproach ca = ClosestApproachInStep(rel_p0, rel_v, dt_s);
  if (ca.t_s < dt_s && ca.distance_m <= fuze_radius_m) return ca;
  return std::nullopt;
}

}  // namespace iadsim
