#include "iadsim/sensors/comms_link.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <string>

#include "iadsim/sensors/radar_equation.h"

namespace iadsim {
namespace {

double FromDb(double db) { return std::pow(10.0, db / 10.0); }

void InRange(Problems& out, const char* path, double v, double lo, double hi, const char* unit) {
  if (!(v >= lo && v <= hi)) {
    out.push_back({path, fmt::format("must be in [{}, {}] {} (got {} {})", lo, hi, unit, v, unit)});
  }
}

void Positive(Problems& out, const char* path, double v, const char* unit) {
  if (!(v > 0.0 && std::isfinite(v))) out.push_back({path, fmt::format("must be > 0 (got {} {})", v, unit)});
}

void CheckFinite(double x, const char* what) {
  IADSIM_CHECK(std::isfinite(x), std::string("comms_link: ") + what + " must be finite");
}

}  // namespace

Problems RadioConfig::Validate() const {
  Problems out;
  Positive(out, "power", power_w, "W");
  InRange(out, "gain", gain_db, -30.0, 50.0, "dBi");
  if (!(frequency_hz > 0.0 && frequency_hz <= 1e11)) {
    out.push_back({"frequency", fmt::format("must be in (0, 1e11] Hz (got {} Hz)", frequency_hz)});
  }
  Positive(out, "bandwidth", bandwidth_hz, "Hz");
  InRange(out, "noise_figure", noise_figure_db, 0.0, 30.0, "dB");
  InRange(out, "losses", losses_db, 0.0, 50.0, "dB");
  Positive(out, "data_rate", data_rate_bps, "bit/s");
  if (!(message_bits >= 1 && message_bits <= 1000000)) {
    out.push_back({"message_bits", fmt::format("must be in [1, 1000000] (got {})", message_bits)});
  }
  InRange(out, "processing_gain", processing_gain_db, 0.0, 60.0, "dB");
  return out;
}

double LinkPropagationLossDb(double distance_m, double frequency_hz) {
  IADSIM_CHECK(distance_m > 0.0 && std::isfinite(distance_m), "comms_link: distance must be > 0");
  IADSIM_CHECK(frequency_hz > 0.0 && std::isfinite(frequency_hz), "comms_link: frequency must be > 0");
  return 32.44 + 20.0 * std::log10(distance_m / 1e3) + 20.0 * std::log10(frequency_hz / 1e6);
}

double CommsJammingToSignalDb(double jammer_erp_dbw, double signal_erp_dbw, double jammer_loss_db,
                              double signal_loss_db, double rx_gain_toward_jammer_db,
                              double rx_gain_toward_signal_db) {
  CheckFinite(jammer_erp_dbw, "jammer ERP");
  CheckFinite(signal_erp_dbw, "signal ERP");
  CheckFinite(jammer_loss_db, "jammer loss");
  CheckFinite(signal_loss_db, "signal loss");
  CheckFinite(rx_gain_toward_jammer_db, "gain toward the jammer");
  CheckFinite(rx_gain_toward_signal_db, "gain toward the signal");
  return jammer_erp_dbw - signal_erp_dbw - jammer_loss_db + signal_loss_db + rx_gain_toward_jammer_db -
         rx_gain_toward_signal_db;
}

double ReceivedPowerW(double erp_w, double rx_gain_db, double distance_m, double frequency_hz,
                      double rx_losses_db) {
  IADSIM_CHECK(erp_w >= 0.0 && std::isfinite(erp_w), "comms_link: ERP must be >= 0");
  IADSIM_CHECK(distance_m > 0.0 && std::isfinite(distance_m), "comms_link: distance must be > 0");
  IADSIM_CHECK(frequency_hz > 0.0 && std::isfinite(frequency_hz), "comms_link: frequency must be > 0");
  CheckFinite(rx_gain_db, "receive gain");
  CheckFinite(rx_losses_db, "receive losses");
  const double lambda = kSpeedOfLightMps / frequency_hz;
  const double spread = lambda / (4.0 * std::numbers::pi * distance_m);
  return erp_w * FromDb(rx_gain_db - rx_losses_db) * spread * spread;
}

double ReceiverNoiseW(const RadioConfig& rx) {
  IADSIM_CHECK(rx.Validate().empty(), "comms_link: invalid radio configuration");
  return kBoltzmannJPerK * kReferenceNoiseTemperatureK * FromDb(rx.noise_figure_db) * rx.bandwidth_hz;
}

double LinkSinr(double signal_w, double noise_w, double jammer_w, double processing_gain_db) {
  IADSIM_CHECK(signal_w >= 0.0 && std::isfinite(signal_w), "comms_link: signal power must be >= 0");
  IADSIM_CHECK(noise_w >= 0.0 && std::isfinite(noise_w), "comms_link: noise power must be >= 0");
  IADSIM_CHECK(jammer_w >= 0.0 && std::isfinite(jammer_w), "comms_link: jammer power must be >= 0");
  IADSIM_CHECK(noise_w + jammer_w > 0.0, "comms_link: noise plus jamming must be > 0");
  IADSIM_CHECK(processing_gain_db >= 0.0 && std::isfinite(processing_gain_db),
               "comms_link: processing gain must be >= 0 dB");
  return signal_w / (noise_w + jammer_w / FromDb(processing_gain_db));
}

double BpskBitErrorRate(double eb_n0) {
  IADSIM_CHECK(eb_n0 >= 0.0 && !std::isnan(eb_n0), "comms_link: Eb/N0 must be >= 0");
  return 0.5 * std::erfc(std::sqrt(eb_n0));
}

double MessageLossProbability(const RadioConfig& rx, double sinr) {
  IADSIM_CHECK(rx.Validate().empty(), "comms_link: invalid radio configuration");
  IADSIM_CHECK(sinr >= 0.0 && !std::isnan(sinr), "comms_link: SINR must be >= 0");
  const double pb = BpskBitErrorRate(sinr * rx.bandwidth_hz / rx.data_rate_bps);
  // 1 − (1 − Pb)^n without cancellation when n·Pb is small.
  return -std::expm1(static_cast<double>(rx.message_bits) * std::log1p(-pb));
}

}  // namespace iadsim
