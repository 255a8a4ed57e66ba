#pragma once
// Thermal-noise-limited measurement accuracy of a radar detection (one pulse, one look), each
// combined in root-sum-square with a bias-free floor that stands for everything the SNR term leaves
// out (quantisation, range and angle calibration residue, multipath, glint).
//
//   Range, matched filter, rectangular pulse of width τ (s):
//       σ_R = c τ / (2 √(2 snr))                               metres
//   Angle, monopulse, one axis, 3 dB beamwidth θ3 (rad), normalised monopulse slope k_m:
//       σ_θ = θ3 / (k_m √(2 snr))                              radians
//   Reported: σ = √(σ_thermal² + floor²).
//
// snr is the single-pulse SNR, linear power ratio (not dB), as from RadarSnr(). The √(2 snr) form
// is the signal energy to noise density ratio 2E/N0 = 2 snr of a matched filter.
// Slope: k_m = 1.6 by default, the typical normalised difference-pattern slope of an amplitude-
// comparison (sum and difference) monopulse used in Barton's accuracy budgets; real feeds spread
// around it with illumination taper. Pass another value to override it.
// Valid for snr ≳ 10 (about 10 dB, where detection thresholds sit): below that the linear-error
// approximation behind both forms breaks down and the true errors are larger. The floors are
// standard deviations (m, rad) ≥ 0. Arguments are checked (abort): pulse width, beamwidth, slope > 0,
// snr > 0, floors ≥ 0.
// Sources: Barton, Radar System Analysis and Modeling, Artech House, 2005 (measurement accuracy);
// Skolnik, Introduction to Radar Systems, 3rd ed., sec. 6.3 (theoretical accuracy of range and
// angle measurements).

namespace iadsim {

inline constexpr double kDefaultMonopulseSlope = 1.6;

// Range standard deviation (m) for a rectangular pulse of pulse_width_s at single-pulse snr, with a
// floor of floor_m (m, ≥ 0) added in root-sum-square.
double RangeSigma(double pulse_width_s, double snr, double floor_m);

// Angle standard deviation (rad) on one axis for a monopulse beam of 3 dB width beamwidth_rad at
// single-pulse snr, with a floor of floor_rad (rad, ≥ 0) added in root-sum-square.
double AngleSigma(double beamwidth_rad, double snr, double floor_rad,
                  double slope = kDefaultMonopulseSlope);

}  // namespace iadsim
