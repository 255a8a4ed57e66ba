#include "iadsim/weapons/fuze.h"

#include <algorithm>

namespace iadsim {

ClosestApproach ClosestApproachInStep(const Vec3& rel_p0, const Vec3& rel_v, double dt_s) {
  const double v2 = rel_v.squaredNorm();
  double t = 0.0;
  if (v2 > 0.0) t = std::clamp(-rel_p0.dot(rel_v) / v2, 0.0, std::max(dt_s, 0.0));
  return ClosestApproach{t, (rel_p0 + rel_v * t).norm()};
}

}  // namespace iadsim
