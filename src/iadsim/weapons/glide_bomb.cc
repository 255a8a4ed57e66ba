#include "iadsim/weapons/glide_bomb.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace iadsim {
namespace {

constexpr double kG0Mps2 = 9.80665;

void AddRangeProblem(Problems& out, const char* path, double value, double hi, const char* unit) {
  if (!(std::isfinite(value) && value > 0.0 && value <= hi)) {
    Problem p;
    p.path = path;
    p.message = fmt::format("must be in (0, {}] {}(got {})", hi, unit, value);
    out.push_back(std::move(p));
  }
}

}  // namespace

Problems GlideConfig::Validate() const {
  Problems out;
  AddRangeProblem(out, "lift_to_drag", lift_to_drag, 30.0, "");
  AddRangeProblem(out, "glide_speed", mean_speed_mps, 1000.0, "m/s ");
  return out;
}

double GlideRangeM(const GlideConfig& c, double release_alt_m, double target_alt_m, double release_speed_mps) {
  const Problems problems = c.Validate();
  IADSIM_CHECK(problems.empty(), "invalid GlideConfig: " + problems.front().ToString());
  IADSIM_CHECK(std::isfinite(release_alt_m) && std::isfinite(target_alt_m),
               fmt::format("heights must be finite (got {}, {})", release_alt_m, target_alt_m));
  IADSIM_CHECK(release_speed_mps >= 0.0 && std::isfinite(release_speed_mps),
               fmt::format("release_speed_mps must be >= 0 (got {})", release_speed_mps));
  double height_m = release_alt_m - target_alt_m;
  if (c.energy_height) height_m += release_speed_mps * release_speed_mps / (2.0 * kG0Mps2);
  return c.lift_to_drag * std::max(0.0, height_m);
}

GlidePlan PlanGlide(const GlideConfig& c, const Geodetic& release, double release_speed_mps, const Geodetic& aim) {
  GlidePlan plan;
  plan.ground_distance_m = Inverse(release, aim).distance_m;
  plan.range_m = GlideRangeM(c, release.alt_m, aim.alt_m, release_speed_mps);
  plan.excess_m = plan.ground_distance_m - plan.range_m;
  plan.reachable = plan.excess_m <= 0.0;
  plan.time_of_flight_s = plan.ground_distance_m / c.mean_speed_mps;
  return plan;
}

}  // namespace iadsim
