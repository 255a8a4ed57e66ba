#include "iadsim/sensors/radar_equation.h"

#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/core/error.h"

namespace iadsim {
namespace {

// SNR × R⁴: everything in the radar equation except the range.
double SnrTimesRangeToTheFourth(const RadarEquationInputs& in) {
  IADSIM_CHECK(in.peak_power_w > 0.0, "radar equation: peak power must be > 0");
  IADSIM_CHECK(in.frequency_hz > 0.0, "radar equation: frequency must be > 0");
  IADSIM_CHECK(in.pulse_width_s > 0.0, "radar equation: pulse width must be > 0");
  IADSIM_CHECK(in.noise_temperature_k > 0.0, "radar equation: noise temperature must be > 0");
  IADSIM_CHECK(in.rcs_m2 > 0.0, "radar equation: RCS must be > 0");
  IADSIM_CHECK(std::isfinite(in.gain_tx_db) && std::isfinite(in.gain_rx_db) &&
                   std::isfinite(in.losses_db),
               "radar equation: gains and losses must be finite");
  const double lambda_m = kSpeedOfLightMps / in.frequency_hz;
  const double four_pi = 4.0 * std::numbers::pi;
  const double numerator = in.peak_power_w * DbToLinear(in.gain_tx_db + in.gain_rx_db) * lambda_m *
                           lambda_m * in.rcs_m2 * in.pulse_width_s;
  const double denominator = four_pi * four_pi * four_pi * kBoltzmannJPerK *
                             in.noise_temperature_k * DbToLinear(in.losses_db);
  return numerator / denominator;
}

}  // namespace

double RadarSnr(const RadarEquationInputs& in) {
  IADSIM_CHECK(in.range_m > 0.0, "radar equation: range must be > 0");
  const double r2 = in.range_m * in.range_m;
  return SnrTimesRangeToTheFourth(in) / (r2 * r2);
}

double RadarSnrDb(const RadarEquationInputs& in) { return LinearToDb(RadarSnr(in)); }

double RadarRangeForSnr(RadarEquationInputs in, double snr_required) {
  IADSIM_CHECK(snr_required > 0.0 && std::isfinite(snr_required),
               "radar equation: required SNR must be finite and > 0");
  return std::sqrt(std::sqrt(SnrTimesRangeToTheFourth(in) / snr_required));
}

}  // namespace iadsim
