#pragma once
// Closed-form approximations of the SNR needed to detect with probability Pd at false-alarm
// probability Pfa after non-coherent integration of N pulses, and the choice between them and the
// exact computation (pulse_integration.h). All results are the mean single-pulse SNR, linear.
//
// Albersheim (1981), steady target (Swerling 0) only, linear (envelope) detector:
//   A = ln(0.62 / Pfa),  B = ln(Pd / (1 − Pd))
//   SNR_dB = −5 log10 N + (6.2 + 4.54 / √(N + 0.44)) · log10(A + 0.12 A B + 1.7 B)
//   Stated validity: 0.1 ≤ Pd ≤ 0.9, 1e-7 ≤ Pfa ≤ 1e-3, 1 ≤ N ≤ 8096, error ≤ 0.2 dB.
//   Measured here against the exact square-law values: ≤ 0.08 dB for N = 1 and Pd 0.5–0.9; ≤ 0.33 dB
//   for N up to 8096 (Albersheim fitted the linear detector); but below Pd 0.5 it degrades inside
//   the stated range: −0.75 dB at Pd 0.1, Pfa 1e-7 and −4.1 dB at Pd 0.1, Pfa 1e-3 (N = 1).
//   (Albersheim, "A closed-form approximation to Robertson's detection characteristics", Proc. IEEE
//   69(7), 1981; Richards, Fundamentals of Radar Signal Processing, 2005, ch. 6.)
// Shnidman (1998, 2002), Swerling 0–4 (K = ∞, 1, N, 2, 2N for cases 0, 1, 2, 3, 4):
//   α = 0 for N < 40, 1/4 for N ≥ 40
//   η = √(−0.8 ln(4 Pfa (1 − Pfa))) + sgn(Pd − 0.5) √(−0.8 ln(4 Pd (1 − Pd)))
//   X∞ = η (η + 2 √(N/2 + α − 1/4))
//   C1 = ((17.7006 Pd − 18.4496) Pd + 14.5339) Pd − 3.525) / K
//   C2 = (1/K) [e^(27.31 Pd − 25.14) + (Pd − 0.8)(0.7 ln(1e-5 / Pfa) + (2N − 20)/80)]
//   C_dB = C1 for Pd ≤ 0.872, C1 + C2 above;  SNR = 10^(C_dB/10) · X∞ / N
//   Stated validity: 0.1 ≤ Pd ≤ 0.99, 1e-9 ≤ Pfa ≤ 1e-3, 1 ≤ N ≤ 100, error within about 1 dB.
//   Measured here against the exact values: worst 0.30 (Sw0), 1.05 (Sw1, Sw2, at Pd 0.1, Pfa 1e-3,
//   N = 1), 0.68 (Sw3), 0.42 dB (Sw4); within 1 dB everywhere for Pd ≥ 0.12.
//   (Shnidman, "Determination of required SNR values", IEEE Trans. AES 38(3), 2002; Richards 2005,
//   ch. 7.)
// The tests reproduce MATLAB's albersheim and shnidman outputs (as recorded in the test suite of the
// open-source `sdr` Python package) to 1e-6 dB, and check the stated errors against the exact values.
// Arguments outside the stated validity are a bug in the caller and abort (check first with
// AlbersheimApplies / ShnidmanApplies).
#include <cstdint>

#include "iadsim/sensors/detection_probability.h"

namespace iadsim {

enum class DetectionMethod : std::uint8_t { kExact, kShnidman, kAlbersheim };

// True when (pd, pfa, pulses) is inside the stated validity of the approximation.
bool AlbersheimApplies(double pd, double pfa, int pulses);
bool ShnidmanApplies(double pd, double pfa, int pulses);

// Albersheim's required single-pulse SNR (linear), Swerling 0.
double AlbersheimRequiredSnr(double pd, double pfa, int pulses);
// Shnidman's required single-pulse SNR (linear) for any Swerling case.
double ShnidmanRequiredSnr(Swerling model, double pd, double pfa, int pulses);

// Required single-pulse SNR (linear) for `pulses` non-coherently integrated pulses by the named
// method: kExact = NoncoherentRequiredSnr (any 0 < pfa < pd < 1); kShnidman; kAlbersheim
// (model must be k0). With pulses = 1 and kExact it equals RequiredSnr(model, pd, pfa).
double RequiredSnr(Swerling model, double pd, double pfa, int pulses, DetectionMethod method);

}  // namespace iadsim
