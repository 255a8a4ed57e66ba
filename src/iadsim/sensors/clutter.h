#pragma once
// Surface clutter with the constant-γ model: reflectivity, resolution-cell area, clutter RCS,
// clutter-to-noise and signal-to-clutter ratios with an MTI / Doppler improvement factor.
//
//   σ0 = γ · sin ψ                     (m²/m², ψ grazing angle, γ the surface's constant, linear)
//   Pulse-limited cell (low grazing):  A = R · θaz · ΔR · sec ψ      (m², ΔR = c τ / 2)
//   Beam-limited cell (high grazing):  A = π R² θaz θel / (4 sin ψ)   (elliptical beam footprint)
//   Cell area used: the smaller of the two (the pulse-limited form holds while ΔR sec ψ is shorter
//   than the beam's footprint R θel / sin ψ, i.e. at low grazing angles).
//   σc = σ0 · A                        (m²)
//   CNR = RadarSnr with σ = σc          (the radar equation with the clutter patch as the target)
//   S/C = σt / σc,  and after a canceller or Doppler filter of improvement factor I:
//   (S/C)out = I · σt / σc,   S/(N + C) = SNR / (1 + CNR / I)        (I ≥ 1, linear; dB at the API)
//
// Land γ (constant-γ, Barton): desert −20 dB, farmland −15 dB, wooded hills −10 dB, mountains −5 dB;
// typical land −10 to −20 dB (Skolnik, Introduction to Radar Systems, 3rd ed., ch. 7). Sea
// clutter is not well described by one γ: it depends on sea state, band, polarisation and look
// direction; take σ0 for the case from Nathanson's tables and use γ = σ0 / sin ψ (no sea values
// are built in).
// Valid for a flat surface lit in the antenna's main beam, grazing 0 < ψ < π/2, no shadowing,
// no multipath, range ambiguities and the antenna's sidelobe clutter ignored. Angles in radians.
// Sources: Skolnik (2001) ch. 7; Nathanson, Radar Design Principles, 2nd ed., 1991, ch. 6–7;
// Barton, Modern Radar System Analysis, 1988 (constant-γ values) and Radar System Analysis and
// Modeling, 2005.
#include "iadsim/core/error.h"
#include "iadsim/sensors/radar_equation.h"

namespace iadsim {

inline constexpr double kGammaDesertDb = -20.0;
inline constexpr double kGammaFarmlandDb = -15.0;
inline constexpr double kGammaWoodedHillsDb = -10.0;
inline constexpr double kGammaMountainsDb = -5.0;

// σ0 (m²/m², linear) = 10^(γ_dB/10) · sin ψ.
double ConstantGammaReflectivity(double gamma_db, double grazing_rad);

// Pulse-limited cell area (m²): R θaz ΔR sec ψ.
double PulseLimitedClutterAreaM2(double range_m, double range_resolution_m,
                                 double azimuth_beamwidth_rad, double grazing_rad);
// Beam-limited cell area (m²): π R² θaz θel / (4 sin ψ).
double BeamLimitedClutterAreaM2(double range_m, double azimuth_beamwidth_rad,
                                double elevation_beamwidth_rad, double grazing_rad);
// The smaller of the two.
double ClutterCellAreaM2(double range_m, double range_resolution_m, double azimuth_beamwidth_rad,
                         double elevation_beamwidth_rad, double grazing_rad);

struct ClutterCell {
  double gamma_db = kGammaFarmlandDb;  // surface constant γ, dB, [−60, 0]
  double grazing_rad = 0.01;           // ψ, (0, π/2)
  double range_resolution_m = 150.0;   // ΔR = c τ / 2, > 0
  double azimuth_beamwidth_rad = 0.0174533;    // θaz, > 0
  double elevation_beamwidth_rad = 0.0174533;  // θel, > 0
  // Every problem; paths are the scenario keys (gamma, grazing, range_resolution, ...).
  Problems Validate() const;
};

// Clutter RCS σc = σ0 · A (m²) of the cell at range_m.
double ClutterRcsM2(const ClutterCell& cell, double range_m);
// Clutter-to-noise ratio (dB) of the cell at radar.range_m (radar.rcs_m2 is ignored).
double ClutterToNoiseDb(const ClutterCell& cell, const RadarEquationInputs& radar);
// Signal-to-clutter ratio (dB) for a target of rcs_m2 at range_m after an improvement factor
// improvement_db (≥ 0): 10 log10(σt / σc) + I.
double SignalToClutterDb(const ClutterCell& cell, double rcs_m2, double range_m,
                         double improvement_db);
// S/(N + C/I) as a linear ratio from the SNR and CNR (linear) and the improvement factor (dB ≥ 0).
double SignalToNoisePlusClutter(double snr, double cnr, double improvement_db);

}  // namespace iadsim
