#include "iadsim/sensors/radar_horizon.h"

#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {

double HorizonDistance(double height_m, double k_factor) {
  return SmoothEarthHorizonDistanceM(height_m, k_factor, kEarthRadiusM);  // world/line_of_sight.h
}

bool AboveRadarHorizon(double antenna_height_m, double target_height_m, double ground_distance_m,
                       double k_factor) {
  IADSIM_CHECK(ground_distance_m >= 0.0 && std::isfinite(ground_distance_m),
               "AboveRadarHorizon: ground distance must be >= 0");
  return ground_distance_m <=
         HorizonDistance(antenna_height_m, k_factor) + HorizonDistance(target_height_m, k_factor);
}

}  // namespace iadsim
