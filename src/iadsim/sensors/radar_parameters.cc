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
  if (!(frequency_hz > 1e8 && frequency_hz < 1e11))
    out.push_back({"frequency", fmt::format("must be in (0.1, 100) GHz (got {} GHz)", frequency_hz / 1e9)});
  // Physical ranges with a wide margin (radar_parameters.h); beyond them the radar equation's
  // products overflow (a noise temperature of 1e-300 K made the SNR infinite).
  if (!(peak_power_w > 0.0 && peak_power_w <= kMaxPeakPowerW))
    out.push_back({"power", fmt::format("must be in (0, {:g} GW] (got {} W)", kMaxPeakPowerW / 1e9, peak_power_w)});
  if (!(pulse_width_s > 0.0 && pulse_width_s <= 0.1))  // a long compressed pulse: milliseconds
    out.push_back({"pulse_width", fmt::format("must be in (0, 0.1] s (got {} s)", pulse_width_s)});
  if (!(noise_temperature_k >= 1.0 && noise_temperature_k <= 1e6))  // a cooled receiver: tens of K
    out.push_back({"noise_temperature", fmt::format("must be in [1, 1e6] K (got {} K)", noise_temperature_k)});
  if (!(gain_db >= -30.0 && gain_db <= kMaxAntennaGainDb))  // from an omni antenna to the largest dishes
    out.push_back({"gain", fmt::format("must be in [-30, {:g}] dB (got {} dB)", kMaxAntennaGainDb, gain_db)});
  if (!(losses_db >= 0.0 && std::isfinite(losses_db)))
    out.push_back({"losses", fmt::format("must be >= 0 dB (got {} dB)", losses_db)});
  if (!(pfa > 0.0 && pfa < 1.0)) out.push_back({"pfa", fmt::format("must be in (0, 1) (got {})", pfa)});
  if (coherent_pulses < 1 || coherent_pulses > 10000)
    out.push_back({"coherent_pulses", fmt::format("must be in [1, 10000] (got {})", coherent_pulses)});
  return out;
}

}  // namespace iadsim
