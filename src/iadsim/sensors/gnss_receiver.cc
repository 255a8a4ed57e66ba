#include "iadsim/sensors/gnss_receiver.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "iadsim/sensors/radar_equation.h"

namespace iadsim {
namespace {

// Pushes "must be in [lo, hi] unit (got v unit)" unless lo <= v <= hi (NaN fails).
void InRange(Problems& out, const char* path, double v, double lo, double hi, const char* unit) {
  if (!(v >= lo && v <= hi)) {
    out.push_back({path, fmt::format("must be in [{}, {}] {} (got {} {})", lo, hi, unit, v, unit)});
  }
}

void CheckValid(const GnssReceiverConfig& rx) {
  IADSIM_CHECK(rx.Validate().empty(), "gnss_receiver: invalid receiver configuration");
}

// K + 10 log10(10^(−T/10) − 10^(−C/N0_0/10)); −∞ at T = C/N0_0.
double ToleranceAt(const GnssReceiverConfig& rx, double threshold_dbhz) {
  CheckValid(rx);
  const double diff = std::pow(10.0, -threshold_dbhz / 10.0) - std::pow(10.0, -rx.unjammed_cn0_dbhz / 10.0);
  if (diff <= 0.0) return -std::numeric_limits<double>::infinity();
  return rx.k_db_hz + 10.0 * std::log10(diff);
}

}  // namespace

Problems GnssReceiverConfig::Validate() const {
  Problems out;
  InRange(out, "signal", signal_dbw, -175.0, -120.0, "dBW");
  InRange(out, "k", k_db_hz, 40.0, 90.0, "dB-Hz");
  InRange(out, "unjammed_cn0", unjammed_cn0_dbhz, 20.0, 60.0, "dB-Hz");
  InRange(out, "tracking_threshold", tracking_threshold_dbhz, 10.0, 50.0, "dB-Hz");
  if (!(acquisition_threshold_dbhz >= tracking_threshold_dbhz)) {
    out.push_back({"acquisition_threshold",
                   fmt::format("must be >= tracking_threshold ({} dB-Hz) (got {} dB-Hz)",
                               tracking_threshold_dbhz, acquisition_threshold_dbhz)});
  }
  if (!(acquisition_threshold_dbhz <= unjammed_cn0_dbhz)) {
    out.push_back({"acquisition_threshold",
                   fmt::format("must be <= unjammed_cn0 ({} dB-Hz) (got {} dB-Hz)", unjammed_cn0_dbhz,
                               acquisition_threshold_dbhz)});
  }
  InRange(out, "antijam", antijam_db, 0.0, 70.0, "dB");
  InRange(out, "gain_toward_jammer", gain_toward_jammer_db, -40.0, 10.0, "dB");
  if (!(frequency_hz > 0.0 && frequency_hz <= 1e11)) {
    out.push_back({"frequency", fmt::format("must be in (0, 1e11] Hz (got {} Hz)", frequency_hz)});
  }
  return out;
}

double FreeSpacePathLossDb(double range_m, double frequency_hz) {
  IADSIM_CHECK(range_m > 0.0 && std::isfinite(range_m), "gnss_receiver: range must be > 0");
  IADSIM_CHECK(frequency_hz > 0.0 && std::isfinite(frequency_hz), "gnss_receiver: frequency must be > 0");
  const double lambda = kSpeedOfLightMps / frequency_hz;
  return 20.0 * std::log10(4.0 * std::numbers::pi * range_m / lambda);
}

double GnssJammerPowerDbw(const GnssReceiverConfig& rx, double jammer_erp_w, double range_m) {
  CheckValid(rx);
  IADSIM_CHECK(jammer_erp_w > 0.0 && std::isfinite(jammer_erp_w), "gnss_receiver: jammer ERP must be > 0");
  return 10.0 * std::log10(jammer_erp_w) - FreeSpacePathLossDb(range_m, rx.frequency_hz) +
         rx.gain_toward_jammer_db - rx.antijam_db;
}

double GnssJammingToSignalDb(const GnssReceiverConfig& rx, double total_jammer_power_w) {
  CheckValid(rx);
  IADSIM_CHECK(total_jammer_power_w >= 0.0 && std::isfinite(total_jammer_power_w),
               "gnss_receiver: jammer power must be >= 0");
  if (total_jammer_power_w == 0.0) return -std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(total_jammer_power_w) - rx.signal_dbw;
}

double GnssCarrierToNoiseDbHz(const GnssReceiverConfig& rx, double js_db) {
  CheckValid(rx);
  IADSIM_CHECK(!std::isnan(js_db) && js_db < std::numeric_limits<double>::infinity(),
               "gnss_receiver: J/S must be finite or -inf");
  return -10.0 * std::log10(std::pow(10.0, -rx.unjammed_cn0_dbhz / 10.0) +
                            std::pow(10.0, (js_db - rx.k_db_hz) / 10.0));
}

double GnssTrackingToleranceDb(const GnssReceiverConfig& rx) {
  return ToleranceAt(rx, rx.tracking_threshold_dbhz);
}

double GnssAcquisitionToleranceDb(const GnssReceiverConfig& rx) {
  return ToleranceAt(rx, rx.acquisition_threshold_dbhz);
}

double GnssDenialRangeM(const GnssReceiverConfig& rx, double jammer_erp_w, double js_tolerance_db) {
  CheckValid(rx);
  IADSIM_CHECK(jammer_erp_w > 0.0 && std::isfinite(jammer_erp_w), "gnss_receiver: jammer ERP must be > 0");
  IADSIM_CHECK(!std::isnan(js_tolerance_db) && js_tolerance_db < std::numeric_limits<double>::infinity(),
               "gnss_receiver: J/S tolerance must be finite or -inf");
  const double lambda = kSpeedOfLightMps / rx.frequency_hz;
  const double margin_db = 10.0 * std::log10(jammer_erp_w) + rx.gain_toward_jammer_db - rx.antijam_db -
                           rx.signal_dbw - js_tolerance_db;
  return lambda / (4.0 * std::numbers::pi) * std::pow(10.0, margin_db / 20.0);
}

bool GnssTrackingState::Update(const GnssReceiverConfig& rx, double cn0_dbhz) {
  IADSIM_CHECK(!std::isnan(cn0_dbhz), "gnss_receiver: C/N0 must not be NaN");
  const bool before = tracking_;
  if (tracking_ && cn0_dbhz < rx.tracking_threshold_dbhz) {
    tracking_ = false;
  } else if (!tracking_ && cn0_dbhz >= rx.acquisition_threshold_dbhz) {
    tracking_ = true;
  }
  return tracking_ != before;
}

}  // namespace iadsim
