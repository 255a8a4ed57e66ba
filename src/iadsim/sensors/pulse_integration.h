#pragma once
// Probability of detection after non-coherent (square-law, post-detection) integration of N pulses,
// exact for the Swerling 0–4 target models, and the SNR it takes to reach a given Pd.
//
// Noise normalised to unit power per pulse: each pulse gives z_i = |s_i + n_i|², n_i complex Gaussian
// with E|n_i|² = 1, and the detector compares Z = z_1 + … + z_N with a threshold T.
// snr is the mean single-pulse signal-to-noise power ratio (linear, not dB), e.g. RadarSnr().
//
//   Noise alone Z ~ Gamma(N, 1):  Pfa = Q(N, T)  ⇒  T = Q⁻¹(N, Pfa)     (Boost gamma_q_inv)
//   Q(a, x) / P(a, x): regularised upper / lower incomplete gamma functions (Boost gamma_q / gamma_p).
//
//   Swerling 0 (steady):  2Z ~ non-central χ², 2N dof, non-centrality 2N·snr:  Pd = 1 − F(2T).
//   Swerling 2 (Rayleigh, pulse-to-pulse):  Z ~ Gamma(N, 1 + snr):  Pd = Q(N, T / (1 + snr)).
//   Swerling 1 (Rayleigh, scan-to-scan), b = 1 + N·snr, c = 1 − 1/b:
//       Pd = Q(N−1, T) + c^−(N−1) · P(N−1, c·T) · e^(−T/b)        (N = 1: Pd = e^(−T/(1+snr)))
//     (Z is Gamma(N−1, 1) plus an independent exponential of mean b; DiFranco & Rubin, Radar
//     Detection, 1968; the same expression in Richards, Fundamentals of Radar Signal Processing,
//     2005, ch. 6, and Mahafza, Radar Systems Analysis and Design Using MATLAB, 2000, ch. 2).
//   Swerling 3 (χ² 4 dof, scan-to-scan), b = 1 + N·snr/2, c = 1 − 1/b, S(a) = c^−a · P(a, c·T):
//       N = 1:  the single-pulse form of detection_probability.h;
//       N = 2:  Pd = e^(−T/b) (1 + T/b);
//       N ≥ 3:  Pd = Q(N−2, T) + e^(−T/b) [ (1 + T/b) S(N−2) − (N−2)/b · S(N−1) ]
//     (Z is Gamma(N−2, 1) plus an independent Gamma(2, b); Meyer & Mayer, Radar Target Detection,
//     1973; the N = 1, 2 forms are those quoted by Richards and Mahafza.)
//   Swerling 4 (χ² 4 dof, pulse-to-pulse), b = 1 + snr/2:
//       Pd = Σ_{k=0..N} C(N,k) (1/b)^k (1 − 1/b)^(N−k) · Q(2N − k, T/b)
//     (the Laplace transform of Z, (1+u)^N / (1+bu)^(2N), is a binomial mixture of Gamma(2N−k, b)
//     laws: write 1 + u = (1 + bu)/b + (1 − 1/b). Equivalent to DiFranco & Rubin's finite sum.)
//   Every case is the Swerling 0 N-pulse Pd averaged over the fluctuation density of the
//   integrated signal energy: the tests check each closed form against that Boost quadrature, and
//   all of them against a Monte Carlo square-law detector.
//
// Valid for snr ≥ 0, 0 < Pfa < 1, 1 ≤ N ≤ 10000 (checked: a violation aborts, it is a bug in the
// caller). N = 1 reproduces the single-pulse functions of detection_probability.h.
// Sources: Richards (2005), ch. 6–7; DiFranco & Rubin (1968); Meyer & Mayer (1973); Skolnik,
// Introduction to Radar Systems, 3rd ed., ch. 2; Boost.Math incomplete gamma and
// non-central χ² (the functions, not hand series).
#include "iadsim/sensors/detection_probability.h"

namespace iadsim {

inline constexpr int kMaxIntegratedPulses = 10000;

// Threshold T on the sum of N unit-noise square-law samples for false-alarm probability pfa:
// T = Q⁻¹(N, pfa) (for N = 1, T = ln(1/pfa)).
double NoncoherentThreshold(int pulses, double pfa);

// Pd for a target of mean single-pulse snr (linear) after non-coherent integration of `pulses`
// pulses at false-alarm probability pfa.
double NoncoherentDetectionProbability(Swerling model, double snr, double pfa, int pulses);

// The mean single-pulse SNR (linear) at which `pulses` integrated pulses detect with probability
// pd at pfa: the root of NoncoherentDetectionProbability = pd (TOMS 748 on ln(1 + snr), relative
// accuracy ≈ 1e-12). Requires 0 < pfa < pd < 1 (checked).
double NoncoherentRequiredSnr(Swerling model, double pd, double pfa, int pulses);

}  // namespace iadsim
