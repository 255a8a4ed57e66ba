#pragma once
// Radar-warning receiver (RWR): whether an aircraft's RWR hears a radar, and from how far.
//
// One-way power of an emitter at the RWR's antenna (W), free space:
//   P = ERP_toward · G_rwr · λ² / (4π R)²,   λ = c / f
// ERP_toward = Pt · Gt(θ) / Lt is the emitter's effective radiated power toward the aircraft (main
// beam or sidelobe, W), G_rwr the RWR antenna gain toward the emitter (linear, taken in dBi). The RWR
// reports the emitter when its carrier lies in the RWR's band [f_min, f_max] and P >= the
// sensitivity S (dBW). The detection range, where P falls to S, in closed form:
//   R_det = λ/(4π) · √(ERP_toward · G_rwr / S)      (0 when the carrier is out of band)
// Because the RWR path is one-way (R²) and the radar's echo two-way (R⁴), an RWR hears a radar well
// beyond the radar's own detection range of the aircraft.
// Valid: line of sight (the caller checks the horizon), free space, CW or peak pulse power compared
// with a peak-power sensitivity (no pulse-density, LPI or processing effects, no direction finding),
// R ≫ λ. Sensitivity is a tunable parameter: typical RWR sensitivities are [U] (no public source
// found for a specific set).
// Sources: Adamy, EW 101, 2001, ch. 4 and 5 (one-way link, sensitivity) [U: book not consulted];
// NAWCWD TP 8347, EW and Radar Systems Engineering Handbook, ch. 4 (the one-way radar equation, the RWR's
// detection range); Friis (1946).
#include "iadsim/core/error.h"

namespace iadsim {

struct RwrConfig {
  double sensitivity_dbw = -100.0;   // S, weakest emitter power at the antenna it reports, [-160, -30] dBW
  double gain_db = 0.0;              // G_rwr, antenna gain toward emitters, [-20, 20] dBi
  double min_frequency_hz = 0.5e9, max_frequency_hz = 18e9;  // band, Hz, 0 < min < max (finite)
  // Every problem; paths are the scenario keys: sensitivity, gain, band.
  Problems Validate() const;
};

// Power (W) of an emitter at the RWR: ERP_toward (W, >= 0) · G_rwr λ²/(4π R)²; range_m > 0,
// frequency_hz > 0; rwr valid (checked). In or out of band alike.
double EmitterPowerAtRwrW(const RwrConfig& rwr, double erp_toward_w, double range_m, double frequency_hz);
// True when frequency_hz lies in [min, max] and EmitterPowerAtRwrW >= 10^(S/10).
bool RwrHears(const RwrConfig& rwr, double erp_toward_w, double range_m, double frequency_hz);
// The range (m) at which the emitter's power falls to the sensitivity (closed form above; 0 when out
// of band or erp_toward_w = 0): RwrHears is true inside it and false beyond.
double RwrDetectionRangeM(const RwrConfig& rwr, double erp_toward_w, double frequency_hz);

}  // namespace iadsim
