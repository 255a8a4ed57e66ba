#include "iadsim/c2/procedural_corridor.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace iadsim {

Problems ProceduralCorridor::Validate() const {
  Problems out;
  if (!(half_width_m > 0.0) || !std::isfinite(half_width_m))
    out.push_back({"half_width", fmt::format("must be > 0 (got {} m)", half_width_m)});
  if (!std::isfinite(min_alt_m))
    out.push_back({"min_altitude", fmt::format("must be a finite height (got {} m)", min_alt_m)});
  if (!std::isfinite(max_alt_m) || !(max_alt_m > min_alt_m))
    out.push_back({"max_altitude", fmt::format("must be > min_altitude ({} m) (got {} m)", min_alt_m,
                                               max_alt_m)});
  if (!(heading_tolerance_rad > 0.0 && heading_tolerance_rad <= std::numbers::pi))
    out.push_back({"heading_tolerance", fmt::format("must be in (0, 180] deg (got {:g} deg)",
                                                    heading_tolerance_rad * 180.0 / std::numbers::pi)});
  const double de = to_enu.x() - from_enu.x(), dn = to_enu.y() - from_enu.y();
  if (!std::isfinite(de) || !std::isfinite(dn) || std::hypot(de, dn) < 1.0)
    out.push_back({"to", fmt::format("must be at least 1 m from `from` horizontally (got {} m)",
                                     std::hypot(de, dn))});
  return out;
}

bool InsideCorridor(const ProceduralCorridor& c, const Vec3& p_enu, const Vec3& v_enu) {
  const double se = c.to_enu.x() - c.from_enu.x(), sn = c.to_enu.y() - c.from_enu.y();
  const double s2 = se * se + sn * sn;
  IADSIM_CHECK(s2 > 0.0, "procedural corridor '" + c.name + "' has no direction (from == to)");
  // Vertical band.
  const double up = p_enu.z();
  if (!(up >= c.min_alt_m && up <= c.max_alt_m)) return false;
  // Horizontal distance to the segment.
  const double re = p_enu.x() - c.from_enu.x(), rn = p_enu.y() - c.from_enu.y();
  const double t = std::clamp((re * se + rn * sn) / s2, 0.0, 1.0);
  const double d = std::hypot(re - t * se, rn - t * sn);
  if (!(d <= c.half_width_m)) return false;
  // Course against the corridor's direction.
  const double ve = v_enu.x(), vn = v_enu.y();
  if (!(std::hypot(ve, vn) >= kCorridorMinSpeedMps)) return false;
  const double angle = std::atan2(std::abs(se * vn - sn * ve), se * ve + sn * vn);
  return angle <= c.heading_tolerance_rad;
}

}  // namespace iadsim
