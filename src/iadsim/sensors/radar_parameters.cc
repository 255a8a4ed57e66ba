#include "iadsim/sensors/radar_parameters.h"

#include <fmt/format.h>

#include <cmath>

#include "iadsim/sensors/radar_equation.h"

namespace iadsim {

double RadarParameters::Snr(double rcs_m2, double range_m) const {
  const RadarEquationInputs in{peak_power_w, gain_db,   gain_db, frequency_hz, pulse_width_s,
                               noise_temperature_k, losses_db, rcs_m2,  range_m};
  return RadarSnr(in) * coherent_pulses;
}

Problems RadarParameters::Validate() const {
  Problems out;
  auto positive = [&](const char* path, double v, const char* unit) {
    if (!(v > 0.0) || !std::isfinite(v)) out.push_back({path, fmt::format("must be > 0 (got {} {})", v, unit)});
  };
  if (!(frequency_hz > 1e8 && frequency_hz < 1e11))
    out.push_back({"frequency", fmt::format("must be in (0.1, 100) GHz (got {} GHz)", frequency_hz / 1e9)});
  positive("power", peak_power_w, "W");
  positive("pulse_width", pulse_width_s, "s");
  positive("noise_temperature", noise_temperature_k, "K");
  if (!(gain_db >= -30.0 && gain_db <= 80.0))  // from an omni antenna to the largest dishes
    out.push_back({"gain", fmt::format("must be in [-30, 80] dB (got {} dB)", gain_db)});
  if (!(losses_db >= 0.0 && std::isfinite(losses_db)))
    out.push_back({"losses", fmt::format("must be >= 0 dB (got {} dB)", losses_db)});
  if (!(pfa > 0.0 && pfa < 1.0)) out.push_back({"pfa", fmt::format("must be in (0, 1) (got {})", pfa)});
  if (coherent_pulses < 1 || coherent_pulses > 10000)
    out.push_back({"coherent_pulses", fmt::format("must be in [1, 10000] (got {})", coherent_pulses)});
  return out;
}

}  // namespace iadsim
