#pragma once
// Noise jamming of a radar: received jammer power, jammer-to-noise and jammer-to-signal ratios,
// the SNR left under jamming, self-screening burn-through range, stand-off (sidelobe) jamming.
//
// Received jammer power at the radar (W), one-way:
//   J = Pj Gj / (4π Rj²) · Gr(θ) λ² / (4π) / Lj · Br / Bj     (the factor Br/Bj only when Bj > Br:
//       a barrage wider than the receiver puts only the in-band share of its power through)
//   Pj jammer power (W), Gj its antenna gain toward the radar, Rj jammer range (m), Gr(θ) the radar's
//   receive gain toward the jammer (main beam or sidelobe), λ = c/f, Lj jammer losses (≥ 1).
// Noise jamming adds to thermal noise N = k Ts Br inside the receiver band, and passes the matched
// filter and any integration exactly like it, so with J/N = J / (k Ts Br):
//   S / (N + J) = SNR / (1 + J/N)
// Effective-radiated-power forms (ERP_S = Pt Gt of the radar, ERP_J = Pj Gj / Lj of the jammer),
// with Gp the radar processing gain the noise does not share (pulse compression, coherent
// integration against a jammer that is not coherent with it):
//   self-screening (jammer on the target, main beam):
//       J/S = ERP_J · 4π R² / (ERP_S · σ) · (Br/Bj) / Gp
//       burn-through range where J/S falls to (J/S)_req:
//       R_BT = √( ERP_S · σ · (J/S)_req · Gp / (ERP_J · 4π · (Br/Bj)) )
//   stand-off (jammer at Rj, seen in the radar's receive gain Gr(θ), target at Rt):
//       J/S = ERP_J · Gr(θ) · 4π · Rt⁴ / (ERP_S · Gt · σ · Rj²) · (Br/Bj) / Gp
//   Adamy's dB form of the self-screening ratio, J/S = 71 + ERP_J − ERP_S + 20 log R_km − 10 log σ
//   (ERPs in dBm), is the same equation (71 = 10 log(4π · 10⁶)).
// Free space, both ends in line of sight, polarisation matched, noise jamming only (no deception),
// the jammer's spectrum flat across Bj. Inputs checked (> 0 where a ratio or root needs it).
// Sources: Skolnik, Introduction to Radar Systems, 3rd ed., ch. 14 (electronic counter-countermeasures, noise jamming);
// Adamy, EW 101, 2001, ch. 9 (J/S, burn-through); Schleher, Electronic Warfare in the Information
// Age, 1999, ch. 3; NAWCWD TP 8347, EW and Radar Systems Engineering Handbook, §4.7–4.9.
#include "iadsim/sensors/antenna_pattern.h"

namespace iadsim {

struct NoiseJammer {
  double power_w = 100.0;         // Pj, > 0
  double gain_db = 0.0;           // Gj toward the radar, dBi
  double bandwidth_hz = 100e6;    // Bj, > 0
  double losses_db = 0.0;         // Lj, ≥ 0 dB
  // ERP_J = Pj Gj / Lj (W).
  double ErpW() const;
  // Every problem; paths are the scenario keys (power, gain, bandwidth, losses).
  Problems Validate() const;
};

// Br / Bj when the jammer is wider than the receiver, else 1.
double JammerBandwidthFactor(double radar_bandwidth_hz, double jammer_bandwidth_hz);

// J (W) received by the radar from `jammer` at jammer_range_m, with the radar's receive gain
// toward it radar_gain_toward_jammer_db (dBi), at carrier frequency_hz, receiver bandwidth
// radar_bandwidth_hz.
double JammerPowerAtRadarW(const NoiseJammer& jammer, double jammer_range_m,
                           double radar_gain_toward_jammer_db, double frequency_hz,
                           double radar_bandwidth_hz);
// J / (k Ts Br), linear.
double JammerToNoise(double jammer_power_w, double noise_temperature_k, double radar_bandwidth_hz);
// S / (N + J) = snr / (1 + jnr), linear.
double SnrWithJamming(double snr, double jnr);

// Radar receive gain toward a direction (dBi): peak gain plus the pattern's relative gain (dB),
// which is the sidelobe floor far from the main beam.
double ReceiveGainTowardDb(double peak_gain_db, const AntennaPattern& pattern,
                           double azimuth_offset_rad, double elevation_offset_rad);

// Self-screening J/S (linear). bandwidth_factor = Br/Bj ≤ 1; processing_gain_db ≥ 0.
double SelfScreeningJammingToSignal(double jammer_erp_w, double radar_erp_w, double range_m,
                                    double rcs_m2, double bandwidth_factor,
                                    double processing_gain_db);
// Self-screening burn-through range (m) for a required J/S (dB; the radar detects below it).
double BurnThroughRangeM(double jammer_erp_w, double radar_erp_w, double rcs_m2,
                         double required_js_db, double bandwidth_factor, double processing_gain_db);
// Stand-off J/S (linear): jammer at jammer_range_m seen through radar_gain_toward_jammer_db (dBi),
// target at target_range_m, radar transmit gain radar_gain_db (dBi).
double StandOffJammingToSignal(double jammer_erp_w, double jammer_range_m,
                               double radar_gain_toward_jammer_db, double radar_erp_w,
                               double radar_gain_db, double target_range_m, double rcs_m2,
                               double bandwidth_factor, double processing_gain_db);

}  // namespace iadsim
