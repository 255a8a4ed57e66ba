#include "iadsim/sensors/pulse_integration.h"

#include <boost/math/distributions/non_central_chi_squared.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <string>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

void CheckArguments(double snr, double pfa, int pulses) {
  IADSIM_CHECK(snr >= 0.0 && std::isfinite(snr), "noncoherent Pd: snr must be finite and >= 0");
  IADSIM_CHECK(pfa > 0.0 && pfa < 1.0, "noncoherent Pd: pfa must be in (0, 1)");
  IADSIM_CHECK(pulses >= 1 && pulses <= kMaxIntegratedPulses,
               "noncoherent Pd: pulses must be in [1, 10000] (got " + std::to_string(pulses) + ")");
}

// Q(a, x) with Q(0, x) = 0 (a Gamma(0) variable is 0).
double UpperGamma(int a, double x) { return a == 0 ? 0.0 : boost::math::gamma_q(a, x); }

// ln S(a), S(a) = c^−a · P(a, c·t), for integer a ≥ 0 and 0 < c < 1. S overflows when c is small
// (it is later multiplied by e^(−t/b)), hence the logarithm; where P underflows, from the Kummer
// series P(a, y) = y^a e^−y / Γ(a+1) · Σ_k y^k / ((a+1)…(a+k)).
double LogScaledLowerGamma(int a, double c, double t) {
  if (a == 0) return 0.0;
  const double y = c * t;
  const double p = boost::math::gamma_p(a, y);
  if (p > 1e-250) return std::log(p) - a * std::log(c);
  double sum = 1.0;
  double term = 1.0;
  for (int k = 1; k < 100000 && term > 1e-17 * sum; ++k) {
    term *= y / (a + k);
    sum += term;
  }
  return a * std::log(t) - y - std::lgamma(a + 1.0) + std::log(sum);
}

double Clamp01(double p) { return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p); }

double Swerling0(double snr, double t, int n) {
  const boost::math::non_central_chi_squared_distribution<double> dist(2.0 * n, 2.0 * n * snr);
  return boost::math::cdf(boost::math::complement(dist, 2.0 * t));
}

double Swerling1(double snr, double t, int n) {
  const double b = 1.0 + n * snr;
  const double c = n * snr / b;
  return Clamp01(UpperGamma(n - 1, t) + std::exp(LogScaledLowerGamma(n - 1, c, t) - t / b));
}

double Swerling2(double snr, double t, int n) { return boost::math::gamma_q(n, t / (1.0 + snr)); }

double Swerling3(double snr, double t, int n) {
  const double b = 1.0 + 0.5 * n * snr;
  if (n == 1) {
    // Mixture form (detection_probability.h): e^(−T/b) (1 + (1 − 1/b) T / b).
    return std::exp(-t / b) * (1.0 + (1.0 - 1.0 / b) * t / b);
  }
  const double c = 0.5 * n * snr / b;
  // e^(−T/b) [(1 + T/b) S(N−2) − (N−2)/b · S(N−1)], each product formed in logarithms.
  const double tail = (1.0 + t / b) * std::exp(LogScaledLowerGamma(n - 2, c, t) - t / b) -
                      (n - 2) / b * std::exp(LogScaledLowerGamma(n - 1, c, t) - t / b);
  return Clamp01(UpperGamma(n - 2, t) + tail);
}

double Swerling4(double snr, double t, int n) {
  const double b = 1.0 + 0.5 * snr;
  const double log_w1 = -std::log(b);       // ln(1/b)
  const double log_w0 = std::log1p(-1.0 / b);  // ln(1 − 1/b)
  const double log_n_fact = std::lgamma(n + 1.0);
  double pd = 0.0;
  for (int k = 0; k <= n; ++k) {
    const double log_weight = log_n_fact - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                              k * log_w1 + (n - k) * log_w0;
    if (log_weight < -745.0) continue;  // below the smallest double
    pd += std::exp(log_weight) * boost::math::gamma_q(2 * n - k, t / b);
  }
  return Clamp01(pd);
}

}  // namespace

double NoncoherentThreshold(int pulses, double pfa) {
  CheckArguments(0.0, pfa, pulses);
  if (pulses == 1) return -std::log(pfa);
  return boost::math::gamma_q_inv(pulses, pfa);
}

double NoncoherentDetectionProbability(Swerling model, double snr, double pfa, int pulses) {
  CheckArguments(snr, pfa, pulses);
  if (pulses == 1) return DetectionProbability(model, snr, pfa);
  if (snr == 0.0) return pfa;
  const double t = NoncoherentThreshold(pulses, pfa);
  switch (model) {
    case Swerling::k0:
      return Swerling0(snr, t, pulses);
    case Swerling::k1:
      return Swerling1(snr, t, pulses);
    case Swerling::k2:
      return Swerling2(snr, t, pulses);
    case Swerling::k3:
      return Swerling3(snr, t, pulses);
    case Swerling::k4:
      return Swerling4(snr, t, pulses);
  }
  IADSIM_CHECK(false, "NoncoherentDetectionProbability: unknown Swerling case " +
                          std::to_string(static_cast<int>(model)));
  return 0.0;
}

double NoncoherentRequiredSnr(Swerling model, double pd, double pfa, int pulses) {
  IADSIM_CHECK(pfa > 0.0 && pfa < 1.0, "NoncoherentRequiredSnr: pfa must be in (0, 1)");
  IADSIM_CHECK(pd > pfa && pd < 1.0, "NoncoherentRequiredSnr: pd must be in (pfa, 1)");
  CheckArguments(0.0, pfa, pulses);
  const auto f = [&](double x) {
    return NoncoherentDetectionProbability(model, std::expm1(x), pfa, pulses) - pd;
  };
  double hi = std::log1p(1e3);  // 30 dB per pulse
  double f_hi = f(hi);
  while (f_hi < 0.0) {
    IADSIM_CHECK(hi < std::log1p(1e15), "NoncoherentRequiredSnr: no snr below 150 dB reaches pd");
    hi += std::log(10.0);
    f_hi = f(hi);
  }
  std::uintmax_t max_iter = 200;
  const auto [a, b] = boost::math::tools::toms748_solve(
      f, 0.0, hi, pfa - pd, f_hi, boost::math::tools::eps_tolerance<double>(42), max_iter);
  IADSIM_CHECK(max_iter < 200, "NoncoherentRequiredSnr: root finding did not converge");
  return std::expm1(0.5 * (a + b));
}

}  // namespace iadsim
