#include "iadsim/world/performance_envelope.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "iadsim/geodesy/geodetic.h"

namespace iadsim {
namespace {
constexpr double kStandardGravityMps2 = 9.80665;
constexpr double kKnotMps = 1852.0 / 3600.0;
constexpr double kDeg = 180.0 / std::numbers::pi;
}  // namespace

Problems PerformanceEnvelope::Validate() const {
  Problems out;
  if (!(min_speed_mps >= 0.0 && min_speed_mps < max_speed_mps))
    out.push_back({"min_speed", fmt::format("must be in [0, max_speed) (got {:.4g} m/s, max_speed {:.4g} m/s)", min_speed_mps, max_speed_mps)});
  if (!(max_speed_mps > 0.0 && max_speed_mps <= 5000.0))
    out.push_back({"max_speed", fmt::format("must be in (0, 5000] m/s (got {:.4g} m/s)", max_speed_mps)});
  if (!(ceiling_m > 0.0 && ceiling_m <= 100000.0))
    out.push_back({"ceiling", fmt::format("must be in (0, 100000] m (got {:.4g} m)", ceiling_m)});
  if (!(max_load_factor > 1.0 && max_load_factor <= 100.0))
    out.push_back({"max_load_factor", fmt::format("must be in (1, 100] (got {:.4g})", max_load_factor)});
  if (!(max_climb_mps > 0.0 && max_climb_mps <= 1000.0))
    out.push_back({"max_climb", fmt::format("must be in (0, 1000] m/s (got {:.4g} m/s)", max_climb_mps)});
  return out;
}

double MaxTurnRateRadS(const PerformanceEnvelope& e, double speed_mps) {
  return kStandardGravityMps2 * std::sqrt(e.max_load_factor * e.max_load_factor - 1.0) / speed_mps;
}

Problems CheckRoute(const PerformanceEnvelope& e, const RouteConfig& route) {
  Problems out;
  const auto& w = route.waypoints;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string p = fmt::format("route[{}]", i);
    const double v = w[i].speed_mps;
    if (v < e.min_speed_mps)
      out.push_back({p + ".speed", fmt::format("{:.1f} m/s ({:.0f} kt) is below the type's minimum speed {:.1f} m/s ({:.0f} kt)",
                                               v, v / kKnotMps, e.min_speed_mps, e.min_speed_mps / kKnotMps)});
    if (v > e.max_speed_mps)
      out.push_back({p + ".speed", fmt::format("{:.1f} m/s ({:.0f} kt) is above the type's maximum speed {:.1f} m/s ({:.0f} kt)",
                                               v, v / kKnotMps, e.max_speed_mps, e.max_speed_mps / kKnotMps)});
    if (w[i].position.alt_m > e.ceiling_m)
      out.push_back({p + ".alt", fmt::format("{:.0f} m is above the type's ceiling {:.0f} m", w[i].position.alt_m, e.ceiling_m)});
    if (i > 0) {
      const double s = Inverse(w[i - 1].position, w[i].position).distance_m;
      const double dh = w[i].position.alt_m - w[i - 1].position.alt_m;
      const double mean_v = 0.5 * (w[i - 1].speed_mps + v);
      if (s > 0.0 && dh > 0.0) {
        const double climb = dh * mean_v / s;
        if (climb > e.max_climb_mps)
          out.push_back({p + ".alt", fmt::format("climbing {:.0f} m over the {:.2f} km leg from waypoint {} at {:.1f} m/s "
                                                 "is {:.1f} m/s, above the type's maximum climb {:.1f} m/s",
                                                 dh, s / 1000.0, i - 1, mean_v, climb, e.max_climb_mps)});
      }
    }
    if (i > 0 && i + 1 < w.size() && v > 0.0) {
      const double limit = MaxTurnRateRadS(e, v);
      if (route.turn_rate_rad_s > limit)
        out.push_back({"turn_rate", fmt::format("{:.2f} deg/s at waypoint {} ({:.1f} m/s) is above the type's {:.2f} deg/s "
                                                "(g sqrt(n^2 - 1) / v at n = {:.3g})",
                                                route.turn_rate_rad_s * kDeg, i, v, limit * kDeg, e.max_load_factor)});
    }
  }
  return out;
}

}  // namespace iadsim
