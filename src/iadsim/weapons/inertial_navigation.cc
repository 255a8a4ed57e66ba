#include "iadsim/weapons/inertial_navigation.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <string>
#include <utility>

namespace iadsim {
namespace {

void RequireInRange(Problems& out, const char* path, double value, double lo, double hi,
                    const char* unit) {
  if (!(std::isfinite(value) && value >= lo && value <= hi)) {
    Problem p;
    p.path = path;
    p.message = fmt::format("must be in [{}, {}] {} (got {})", lo, hi, unit, value);
    out.push_back(std::move(p));
  }
}

}  // namespace

Problems NavigationConfig::Validate() const {
  Problems out;
  RequireInRange(out, "cep_gnss", cep_gnss_m, 0.0, 1000.0, "m");
  RequireInRange(out, "ins_drift", drift_mps, 0.0, 100.0, "m/s");
  return out;
}

double InsCepM(const NavigationConfig& c, double cep_at_loss_m, double time_since_loss_s) {
  IADSIM_CHECK(cep_at_loss_m >= 0.0, fmt::format("cep_at_loss_m must be >= 0 (got {})", cep_at_loss_m));
  IADSIM_CHECK(time_since_loss_s >= 0.0,
               fmt::format("time_since_loss_s must be >= 0 (got {})", time_since_loss_s));
  return cep_at_loss_m + c.drift_mps * time_since_loss_s;
}

NavigationError::NavigationError(const NavigationConfig& c, RandomStream& rng) : config_(c) {
  const Problems problems = config_.Validate();
  IADSIM_CHECK(problems.empty(), "invalid NavigationConfig: " + problems.front().ToString());
  const double azimuth = 2.0 * std::numbers::pi * rng.Uniform01();
  direction_ = Vec2(std::cos(azimuth), std::sin(azimuth));
  // Rayleigh by inversion: P(k <= x) = 1 - 2^(-x²)  =>  k = sqrt(-log2(1 - F)), 1 - F in (0, 1].
  const double one_minus_f = 1.0 - rng.Uniform01();
  multiplier_ = std::sqrt(-std::log(one_minus_f) / std::numbers::ln2);
}

Vec2 NavigationError::ErrorEn(std::optional<double> gnss_lost_at_s, double t_s) const {
  double cep_m = config_.cep_gnss_m;
  if (gnss_lost_at_s.has_value() && t_s > *gnss_lost_at_s)
    cep_m = InsCepM(config_, config_.cep_gnss_m, t_s - *gnss_lost_at_s);
  return direction_ * (multiplier_ * cep_m);
}

}  // namespace iadsim
