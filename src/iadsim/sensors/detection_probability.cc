#include "iadsim/sensors/detection_probability.h"

#include <boost/math/distributions/non_central_chi_squared.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

void CheckArguments(double snr, double pfa) {
  IADSIM_CHECK(snr >= 0.0 && std::isfinite(snr), "detection probability: snr must be finite and >= 0");
  IADSIM_CHECK(pfa > 0.0 && pfa < 1.0, "detection probability: pfa must be in (0, 1)");
}

}  // namespace

double DetectionProbabilitySwerling0(double snr, double pfa) {
  CheckArguments(snr, pfa);
  if (snr == 0.0) return pfa;
  // Q1(a, b) = P(X > b²), X ~ non-central χ²(2 dof, non-centrality a²), a² = 2 snr, b² = 2 ln(1/pfa).
  const boost::math::non_central_chi_squared_distribution<double> dist(2.0, 2.0 * snr);
  return boost::math::cdf(boost::math::complement(dist, -2.0 * std::log(pfa)));
}

double DetectionProbabilitySwerling1(double snr, double pfa) {
  CheckArguments(snr, pfa);
  return std::exp(std::log(pfa) / (1.0 + snr));
}

double DetectionProbabilitySwerling3(double snr, double pfa) {
  CheckArguments(snr, pfa);
  const double t = -std::log(pfa);  // threshold, noise power = 1
  const double two_plus = 2.0 + snr;
  return std::exp(-2.0 * t / two_plus) * (1.0 + 2.0 * snr * t / (two_plus * two_plus));
}

double DetectionProbability(Swerling model, double snr, double pfa) {
  switch (model) {
    case Swerling::k0:
      return DetectionProbabilitySwerling0(snr, pfa);
    case Swerling::k1:
    case Swerling::k2:
      return DetectionProbabilitySwerling1(snr, pfa);
    case Swerling::k3:
    case Swerling::k4:
      return DetectionProbabilitySwerling3(snr, pfa);
  }
  IADSIM_CHECK(false, "DetectionProbability: unknown Swerling case " +
                          std::to_string(static_cast<int>(model)));
  return 0.0;
}

double RequiredSnr(Swerling model, double pd, double pfa) {
  IADSIM_CHECK(pfa > 0.0 && pfa < 1.0, "RequiredSnr: pfa must be in (0, 1)");
  IADSIM_CHECK(pd > pfa && pd < 1.0, "RequiredSnr: pd must be in (pfa, 1)");
  // Pd is increasing in snr; solve on x = ln(1 + snr) so that x = 0 (snr = 0, Pd = pfa < pd) is an
  // exact lower end and the upper end grows by decades until it brackets the root.
  const auto f = [&](double x) { return DetectionProbability(model, std::expm1(x), pfa) - pd; };
  const double lo = 0.0;
  double hi = std::log1p(1e3);  // 30 dB
  double f_hi = f(hi);
  while (f_hi < 0.0) {
    IADSIM_CHECK(hi < std::log1p(1e15), "RequiredSnr: no snr below 150 dB reaches pd");
    hi += std::log(10.0);
    f_hi = f(hi);
  }
  std::uintmax_t max_iter = 200;
  const auto [a, b] = boost::math::tools::toms748_solve(
      f, lo, hi, pfa - pd, f_hi, boost::math::tools::eps_tolerance<double>(42), max_iter);
  IADSIM_CHECK(max_iter < 200, "RequiredSnr: root finding did not converge");
  return std::expm1(0.5 * (a + b));
}

}  // namespace iadsim
