#include "iadsim/sensors/radar_warning_receiver.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "iadsim/sensors/radar_equation.h"

namespace iadsim {
namespace {

double FromDb(double db) { return std::pow(10.0, db / 10.0); }

void CheckInputs(const RwrConfig& rwr, double erp_toward_w, double frequency_hz) {
  IADSIM_CHECK(rwr.Validate().empty(), "radar_warning_receiver: invalid RWR configuration");
  IADSIM_CHECK(erp_toward_w >= 0.0 && std::isfinite(erp_toward_w), "radar_warning_receiver: ERP must be >= 0");
  IADSIM_CHECK(frequency_hz > 0.0 && std::isfinite(frequency_hz), "radar_warning_receiver: frequency must be > 0");
}

bool InBand(const RwrConfig& rwr, double frequency_hz) {
  return frequency_hz >= rwr.min_frequency_hz && frequency_hz <= rwr.max_frequency_hz;
}

}  // namespace

Problems RwrConfig::Validate() const {
  Problems out;
  if (!(sensitivity_dbw >= -160.0 && sensitivity_dbw <= -30.0)) {
    out.push_back({"sensitivity", fmt::format("must be in [-160, -30] dBW (got {} dBW)", sensitivity_dbw)});
  }
  if (!(gain_db >= -20.0 && gain_db <= 20.0)) {
    out.push_back({"gain", fmt::format("must be in [-20, 20] dBi (got {} dBi)", gain_db)});
  }
  if (!(min_frequency_hz > 0.0 && min_frequency_hz < max_frequency_hz && std::isfinite(max_frequency_hz))) {
    out.push_back({"band", fmt::format("must satisfy 0 < min < max (got [{}, {}] Hz)", min_frequency_hz,
                                       max_frequency_hz)});
  }
  return out;
}

double EmitterPowerAtRwrW(const RwrConfig& rwr, double erp_toward_w, double range_m, double frequency_hz) {
  CheckInputs(rwr, erp_toward_w, frequency_hz);
  IADSIM_CHECK(range_m > 0.0 && std::isfinite(range_m), "radar_warning_receiver: range must be > 0");
  const double lambda = kSpeedOfLightMps / frequency_hz;
  const double spread = lambda / (4.0 * std::numbers::pi * range_m);
  return erp_toward_w * FromDb(rwr.gain_db) * spread * spread;
}

bool RwrHears(const RwrConfig& rwr, double erp_toward_w, double range_m, double frequency_hz) {
  const double p = EmitterPowerAtRwrW(rwr, erp_toward_w, range_m, frequency_hz);
  return InBand(rwr, frequency_hz) && p >= FromDb(rwr.sensitivity_dbw);
}

double RwrDetectionRangeM(const RwrConfig& rwr, double erp_toward_w, double frequency_hz) {
  CheckInputs(rwr, erp_toward_w, frequency_hz);
  if (!InBand(rwr, frequency_hz)) return 0.0;
  const double lambda = kSpeedOfLightMps / frequency_hz;
  return lambda / (4.0 * std::numbers::pi) *
         std::sqrt(erp_toward_w * FromDb(rwr.gain_db) / FromDb(rwr.sensitivity_dbw));
}

}  // namespace iadsim
