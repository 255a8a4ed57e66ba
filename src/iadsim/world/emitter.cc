#include "iadsim/world/emitter.h"

#include <algorithm>
#include <cmath>

namespace iadsim {

const char* ToString(EmitterKind kind) { return kind == EmitterKind::kSearch ? "search" : "engagement"; }

bool Emitter::Locks(const Vec3& p_ecef_target) const {
  const Vec3 to = p_ecef_target - p_ecef;
  for (const Vec3& beam : beams_ecef) {
    const Vec3 b = beam - p_ecef;
    const double c = to.dot(b) / std::max(1e-9, to.norm() * b.norm());
    if (std::acos(std::clamp(c, -1.0, 1.0)) <= beamwidth_rad) return true;
  }
  return false;
}

double Emitter::ErpTowardW(const Vec3& p_ecef_target) const {
  if (!radiating || destroyed) return 0.0;
  if (kind == EmitterKind::kSearch || Locks(p_ecef_target)) return erp_w;
  return erp_w * std::pow(10.0, -sidelobe_db / 10.0);
}

}  // namespace iadsim
