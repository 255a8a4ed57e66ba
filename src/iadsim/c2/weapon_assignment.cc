#include "iadsim/c2/weapon_assignment.h"

#include <fmt/format.h>

#include <cmath>

#include "iadsim/geodesy/intercept_time.h"

namespace iadsim {

Problems EngagementEnvelope::Validate() const {
  Problems out;
  if (!(max_range_m > 0.0)) out.push_back({"max_range", fmt::format("must be > 0 (got {} m)", max_range_m)});
  if (!(min_range_m >= 0.0 && min_range_m < max_range_m))
    out.push_back({"min_range", fmt::format("must be in [0, max_range) (got {} m)", min_range_m)});
  if (!(max_alt_m > min_alt_m)) out.push_back({"max_altitude", "must be above min_altitude"});
  if (!(mean_missile_speed_mps > 0.0))
    out.push_back({"mean_speed", fmt::format("must be > 0 (got {} m/s)", mean_missile_speed_mps)});
  return out;
}

std::optional<PredictedIntercept> PredictIntercept(const Vec3& p, const Vec3& v, const Vec3& f, double vm) {
  const auto t = InterceptTime(p - f, v, vm);
  if (!t) return std::nullopt;
  PredictedIntercept out;
  out.time_s = *t;
  out.point_enu = p + v * *t;
  out.range_m = (out.point_enu - f).norm();
  return out;
}

bool InsideEnvelope(const PredictedIntercept& i, double altitude_m, const EngagementEnvelope& e) {
  return i.range_m >= e.min_range_m && i.range_m <= e.max_range_m && altitude_m >= e.min_alt_m &&
         altitude_m <= e.max_alt_m;
}

}  // namespace iadsim
