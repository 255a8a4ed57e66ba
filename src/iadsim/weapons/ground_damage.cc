#include "iadsim/weapons/ground_damage.h"

#include <fmt/format.h>

#include <cmath>

#include "iadsim/core/error.h"
#include "iadsim/weapons/inertial_navigation.h"

namespace iadsim {

double CircularNormalKillProbability(double lethal_radius_m, double cep_m) {
  IADSIM_CHECK(lethal_radius_m >= 0.0, fmt::format("lethal radius must be >= 0 (got {})", lethal_radius_m));
  IADSIM_CHECK(cep_m >= 0.0, fmt::format("CEP must be >= 0 (got {})", cep_m));
  if (cep_m == 0.0) return 1.0;
  const double ratio = lethal_radius_m / cep_m;
  // 1 − 2^(−x) = −expm1(−x ln 2), accurate for small x.
  return -std::expm1(-ratio * ratio * std::log(2.0));
}

bool CookieCutterKill(double miss_m, double lethal_radius_m) {
  IADSIM_CHECK(miss_m >= 0.0 && lethal_radius_m >= 0.0,
               fmt::format("miss and lethal radius must be >= 0 (got {}, {})", miss_m, lethal_radius_m));
  return miss_m <= lethal_radius_m;
}

Vec2 DrawCircularNormalMiss(double cep_m, RandomStream& rng) {
  IADSIM_CHECK(cep_m >= 0.0, fmt::format("CEP must be >= 0 (got {})", cep_m));
  const double sigma_m = cep_m * kCepToSigma;
  const double east = rng.Normal(0.0, sigma_m);
  const double north = rng.Normal(0.0, sigma_m);
  return Vec2(east, north);
}

}  // namespace iadsim
