#include "iadsim/sensors/measurement_accuracy.h"

#include <cmath>

#include "iadsim/core/error.h"
#include "iadsim/sensors/radar_equation.h"

namespace iadsim {

double RangeSigma(double pulse_width_s, double snr, double floor_m) {
  IADSIM_CHECK(pulse_width_s > 0.0 && std::isfinite(pulse_width_s), "RangeSigma: pulse width must be > 0");
  IADSIM_CHECK(snr > 0.0 && std::isfinite(snr), "RangeSigma: snr must be finite and > 0");
  IADSIM_CHECK(floor_m >= 0.0 && std::isfinite(floor_m), "RangeSigma: floor must be >= 0");
  const double thermal_m = kSpeedOfLightMps * pulse_width_s / (2.0 * std::sqrt(2.0 * snr));
  return std::hypot(thermal_m, floor_m);
}

double AngleSigma(double beamwidth_rad, double snr, double floor_rad, double slope) {
  IADSIM_CHECK(beamwidth_rad > 0.0 && std::isfinite(beamwidth_rad), "AngleSigma: beamwidth must be > 0");
  IADSIM_CHECK(snr > 0.0 && std::isfinite(snr), "AngleSigma: snr must be finite and > 0");
  IADSIM_CHECK(floor_rad >= 0.0 && std::isfinite(floor_rad), "AngleSigma: floor must be >= 0");
  IADSIM_CHECK(slope > 0.0 && std::isfinite(slope), "AngleSigma: monopulse slope must be > 0");
  const double thermal_rad = beamwidth_rad / (slope * std::sqrt(2.0 * snr));
  return std::hypot(thermal_rad, floor_rad);
}

}  // namespace iadsim
