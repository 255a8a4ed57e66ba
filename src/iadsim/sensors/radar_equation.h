#pragma once
// The monostatic radar range equation for one pulse: signal-to-noise ratio at the output of a
// matched filter, for a point target of given radar cross-section at a given range.
//
//   SNR = Pt Gt Gr λ² σ τ / ((4π)³ k Ts R⁴ L)          (linear power ratio)
//
//   Pt peak transmitted power (W), Gt Gr transmit and receive antenna gains (linear, taken here in dB),
//   λ = c / f wavelength (m), σ radar cross-section (m²), τ pulse width (s), which stands for 1/B of a
//   matched filter (energy form: Pt τ is the pulse energy), k Boltzmann's constant (J/K), Ts system
//   noise temperature (K), R range (m), L system losses (linear ≥ 1, taken here in dB).
//
// Free space, no propagation loss or multipath, far field, the target in the beam centre.
// Valid for R ≫ antenna size and every input > 0 (checked: a violation aborts, it is a bug in the caller).
// Sources: Skolnik, Introduction to Radar Systems, 3rd ed., ch. 2 (the SNR form of the radar equation,
// with the pulse energy Pt τ and matched-filter bandwidth B τ ≈ 1);
// MathWorks Radar Toolbox `radareqsnr`, whose two documented examples the tests reproduce to 1e-4 dB.
// Constants: k = 1.380649e-23 J/K and c = 299 792 458 m/s, both exact in the 2019 SI.

namespace iadsim {

inline constexpr double kBoltzmannJPerK = 1.380649e-23;
inline constexpr double kSpeedOfLightMps = 299792458.0;

struct RadarEquationInputs {
  double peak_power_w = 0.0;         // Pt > 0
  double gain_tx_db = 0.0;           // Gt, dBi
  double gain_rx_db = 0.0;           // Gr, dBi
  double frequency_hz = 0.0;         // f > 0; λ = c / f
  double pulse_width_s = 0.0;        // τ > 0 (uncompressed pulse length; the energy is Pt τ)
  double noise_temperature_k = 0.0;  // Ts > 0, system noise temperature
  double losses_db = 0.0;            // L ≥ 0 dB in practice (any finite value accepted)
  double rcs_m2 = 0.0;               // σ > 0
  double range_m = 0.0;              // R > 0
};

// Single-pulse SNR, linear power ratio.
double RadarSnr(const RadarEquationInputs& in);
// The same in dB: 10 log10(RadarSnr(in)).
double RadarSnrDb(const RadarEquationInputs& in);
// The range (m) at which the single-pulse SNR equals snr_required (linear, > 0), everything else
// as in `in` (in.range_m is ignored): R = [Pt Gt Gr λ² σ τ / ((4π)³ k Ts L snr_required)]^(1/4).
double RadarRangeForSnr(RadarEquationInputs in, double snr_required);

}  // namespace iadsim
