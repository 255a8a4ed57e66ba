#include "iadsim/sensors/radar_horizon.h"

#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {

double HorizonDistance(double height_m, double k_factor) {
  IADSIM_CHECK(std::isfinite(height_m), "HorizonDistance: height must be finite");
  IADSIM_CHECK(k_factor > 0.0 && std::isfinite(k_factor), "HorizonDistance: k factor must be > 0");
  if (height_m <= 0.0) return 0.0;  // on or below the surface (see the header)
  const double a = k_factor * kEarthRadiusM;
  // arccos(a / (a + h)) written as atan(√(2ah + h²) / a): the same angle, without the loss of
  // precision of arccos near 1 for small h.
  return a * std::atan(std::sqrt(height_m * (2.0 * a + height_m)) / a);
}

bool AboveRadarHorizon(double antenna_height_m, double target_height_m, double ground_distance_m,
                       double k_factor) {
  IADSIM_CHECK(ground_distance_m >= 0.0 && std::isfinite(ground_distance_m),
               "AboveRadarHorizon: ground distance must be >= 0");
  return ground_distance_m <=
         HorizonDistance(antenna_height_m, k_factor) + HorizonDistance(target_height_m, k_factor);
}

}  // namespace iadsim
