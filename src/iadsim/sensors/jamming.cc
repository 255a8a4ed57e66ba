#include "iadsim/sensors/jamming.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <string>

#include "iadsim/sensors/radar_equation.h"
#include "iadsim/sensors/radar_parameters.h"

namespace iadsim {
namespace {

double FromDb(double db) { return std::pow(10.0, db / 10.0); }

void CheckPositive(double x, const char* what) {
  IADSIM_CHECK(x > 0.0 && std::isfinite(x), std::string("jamming: ") + what + " must be > 0");
}

void CheckFactors(double bandwidth_factor, double processing_gain_db) {
  IADSIM_CHECK(bandwidth_factor > 0.0 && bandwidth_factor <= 1.0,
               "jamming: bandwidth factor must be in (0, 1]");
  IADSIM_CHECK(processing_gain_db >= 0.0 && std::isfinite(processing_gain_db),
               "jamming: processing gain must be >= 0 dB");
}

}  // namespace

double NoiseJammer::ErpW() const { return power_w * FromDb(gain_db - losses_db); }

Problems NoiseJammer::Validate() const {
  Problems problems;
  if (!(power_w > 0.0 && std::isfinite(power_w))) {
    problems.push_back({"power", "must be > 0 W (got " + std::to_string(power_w) + " W)"});
  }
  if (!(gain_db >= -30.0 && gain_db <= kMaxAntennaGainDb))  // as a radar antenna's
    problems.push_back({"gain", fmt::format("must be in [-30, {:g}] dB (got {} dB)", kMaxAntennaGainDb, gain_db)});
  if (!(bandwidth_hz > 0.0 && std::isfinite(bandwidth_hz))) {
    problems.push_back({"bandwidth", "must be > 0 Hz (got " + std::to_string(bandwidth_hz) + " Hz)"});
  }
  if (!(losses_db >= 0.0 && std::isfinite(losses_db))) {
    problems.push_back({"losses", "must be >= 0 dB (got " + std::to_string(losses_db) + " dB)"});
  }
  return problems;
}

double JammerBandwidthFactor(double radar_bandwidth_hz, double jammer_bandwidth_hz) {
  CheckPositive(radar_bandwidth_hz, "radar bandwidth");
  CheckPositive(jammer_bandwidth_hz, "jammer bandwidth");
  return jammer_bandwidth_hz > radar_bandwidth_hz ? radar_bandwidth_hz / jammer_bandwidth_hz : 1.0;
}

double JammerPowerAtRadarW(const NoiseJammer& jammer, double jammer_range_m,
                           double radar_gain_toward_jammer_db, double frequency_hz,
                           double radar_bandwidth_hz) {
  IADSIM_CHECK(jammer.Validate().empty(), "jamming: invalid jammer");
  CheckPositive(jammer_range_m, "jammer range");
  CheckPositive(frequency_hz, "frequency");
  const double lambda = kSpeedOfLightMps / frequency_hz;
  const double four_pi = 4.0 * std::numbers::pi;
  const double flux = jammer.ErpW() / (four_pi * jammer_range_m * jammer_range_m);  // W/m²
  const double aperture = FromDb(radar_gain_toward_jammer_db) * lambda * lambda / four_pi;  // m²
  return flux * aperture * JammerBandwidthFactor(radar_bandwidth_hz, jammer.bandwidth_hz);
}

double JammerToNoise(double jammer_power_w, double noise_temperature_k, double radar_bandwidth_hz) {
  IADSIM_CHECK(jammer_power_w >= 0.0, "jamming: jammer power must be >= 0");
  CheckPositive(noise_temperature_k, "noise temperature");
  CheckPositive(radar_bandwidth_hz, "radar bandwidth");
  return jammer_power_w / (kBoltzmannJPerK * noise_temperature_k * radar_bandwidth_hz);
}

double SnrWithJamming(double snr, double jnr) {
  IADSIM_CHECK(snr >= 0.0 && jnr >= 0.0, "jamming: snr and jnr must be >= 0");
  return snr / (1.0 + jnr);
}

double ReceiveGainTowardDb(double peak_gain_db, const AntennaPattern& pattern,
                           double azimuth_offset_rad, double elevation_offset_rad) {
  return peak_gain_db + pattern.GainDb(azimuth_offset_rad, elevation_offset_rad);
}

double SelfScreeningJammingToSignal(double jammer_erp_w, double radar_erp_w, double range_m,
                                    double rcs_m2, double bandwidth_factor,
                                    double processing_gain_db) {
  CheckPositive(jammer_erp_w, "jammer ERP");
  CheckPositive(radar_erp_w, "radar ERP");
  CheckPositive(range_m, "range");
  CheckPositive(rcs_m2, "rcs");
  CheckFactors(bandwidth_factor, processing_gain_db);
  return jammer_erp_w * 4.0 * std::numbers::pi * range_m * range_m / (radar_erp_w * rcs_m2) *
         bandwidth_factor / FromDb(processing_gain_db);
}

double BurnThroughRangeM(double jammer_erp_w, double radar_erp_w, double rcs_m2,
                         double required_js_db, double bandwidth_factor, double processing_gain_db) {
  CheckPositive(jammer_erp_w, "jammer ERP");
  CheckPositive(radar_erp_w, "radar ERP");
  CheckPositive(rcs_m2, "rcs");
  CheckFactors(bandwidth_factor, processing_gain_db);
  IADSIM_CHECK(std::isfinite(required_js_db), "jamming: required J/S must be finite");
  return std::sqrt(radar_erp_w * rcs_m2 * FromDb(required_js_db) * FromDb(processing_gain_db) /
                   (jammer_erp_w * 4.0 * std::numbers::pi * bandwidth_factor));
}

double StandOffJammingToSignal(double jammer_erp_w, double jammer_range_m,
                               double radar_gain_toward_jammer_db, double radar_erp_w,
                               double radar_gain_db, double target_range_m, double rcs_m2,
                               double bandwidth_factor, double processing_gain_db) {
  CheckPositive(jammer_erp_w, "jammer ERP");
  CheckPositive(jammer_range_m, "jammer range");
  CheckPositive(radar_erp_w, "radar ERP");
  CheckPositive(target_range_m, "target range");
  CheckPositive(rcs_m2, "rcs");
  CheckFactors(bandwidth_factor, processing_gain_db);
  const double rt2 = target_range_m * target_range_m;
  return jammer_erp_w * FromDb(radar_gain_toward_jammer_db) * 4.0 * std::numbers::pi * rt2 * rt2 /
         (radar_erp_w * FromDb(radar_gain_db) * rcs_m2 * jammer_range_m * jammer_range_m) *
         bandwidth_factor / FromDb(processing_gain_db);
}

}  // namespace iadsim
