#pragma once
// Probability of detection for one pulse, square-law detector, threshold set for a false-alarm
// probability, against the Swerling target models.
//
// Noise normalised to unit power: the detector output z = |s + n|² with n complex Gaussian, E|n|² = 1.
// The threshold that gives Pfa in noise alone is T = ln(1/Pfa) (z is exponential under noise alone).
// snr is the mean signal-to-noise power ratio (linear, not dB) of the pulse, e.g. RadarSnr().
//
//   Swerling 0 (non-fluctuating, "Marcum"):  Pd = Q1(√(2 snr), √(2 T))
//       computed as the complement of the non-central χ² cdf, 2 dof, non-centrality 2 snr, at 2T.
//   Swerling 1 (Rayleigh amplitude, χ² 2 dof in power):  Pd = Pfa^(1 / (1 + snr))
//   Swerling 3 (one dominant scatterer, χ² 4 dof in power):
//       Pd = Pfa^(2 / (2 + snr)) · (1 + 2 snr T / (2 + snr)²)
//     This is the Swerling 0 Pd averaged over the power density p(s) = (4 s / snr²) exp(−2 s / snr):
//     the mixture of Rician detector densities is f(z) = c² (1 + snr z / (2 + snr)) exp(−c z) with
//     c = 2 / (2 + snr), whose tail above T is the expression above (Meyer & Mayer, Radar Target
//     Detection, 1973; Richards, Fundamentals of Radar Signal Processing, ch. 6). The test checks it
//     by numerical integration of the Swerling 0 Pd against p(s).
//   Swerling 2 and 4 differ from 1 and 3 only in decorrelating pulse to pulse rather than scan to
//   scan, so for one pulse they are equal to Swerling 1 and 3.
//
// Valid for snr ≥ 0 and 0 < Pfa < 1 (checked: a violation aborts). Pd → Pfa as snr → 0 and is
// increasing in snr. No pulse integration here: one pulse, one look.
// Sources: Skolnik, Introduction to Radar Systems, 3rd ed., sec. 2.5 (Marcum, non-fluctuating) and
// sec. 2.8 (Swerling models, Pd = Pfa^(1/(1+snr))); Meyer & Mayer (1973); Richards (2005), ch. 6.
// Reference values reproduced by the tests: Pd = 0.9, Pfa = 1e-6 needs 13.18 dB (Swerling 0) and
// 21.14 dB (Swerling 1); Pd = 0.5 needs 11.24 dB and 12.77 dB.
// N pulses integrated non-coherently: pulse_integration.h (exact, all Swerling cases);
// Shnidman's and Albersheim's approximations and the method choice: detection_approximations.h.
#include <cstdint>

namespace iadsim {

enum class Swerling : std::uint8_t { k0, k1, k2, k3, k4 };

// Single pulse, non-fluctuating target (Swerling 0 / Marcum).
double DetectionProbabilitySwerling0(double snr, double pfa);
// Single pulse, Swerling 1 (and 2): Pd = Pfa^(1 / (1 + snr)).
double DetectionProbabilitySwerling1(double snr, double pfa);
// Single pulse, Swerling 3 (and 4): Pd = Pfa^(2 / (2 + snr)) (1 + 2 snr ln(1/Pfa) / (2 + snr)²).
double DetectionProbabilitySwerling3(double snr, double pfa);
// Single pulse, any Swerling case (k2 = k1 and k4 = k3 for one pulse).
double DetectionProbability(Swerling model, double snr, double pfa);

// The mean SNR (linear) at which one pulse detects with probability pd at false-alarm probability
// pfa: the root of DetectionProbability(model, snr, pfa) = pd, found with TOMS 748 on
// x = ln(1 + snr) to a relative accuracy of about 1e-12. Requires 0 < pfa < pd < 1 (checked).
double RequiredSnr(Swerling model, double pd, double pfa);

}  // namespace iadsim
