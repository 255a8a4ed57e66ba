#include "iadsim/analysis/statistics.h"

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

void CheckConfidence(double confidence) {
  IADSIM_CHECK(confidence > 0.0 && confidence < 1.0, "confidence must be in (0, 1), got " + std::to_string(confidence));
}

void CheckCounts(std::int64_t successes, std::int64_t trials) {
  IADSIM_CHECK(trials >= 1, "proportion interval: trials must be >= 1, got " + std::to_string(trials));
  IADSIM_CHECK(successes >= 0 && successes <= trials,
               "proportion interval: successes must be in [0, trials], got " + std::to_string(successes) + " of " +
                   std::to_string(trials));
}

void CheckFinite(std::span<const double> values, const char* what) {
  for (const double v : values) IADSIM_CHECK(std::isfinite(v), std::string(what) + ": values must be finite");
}

}  // namespace

SampleSummary Summarize(std::span<const double> values) {
  SampleSummary s;
  s.n = static_cast<std::int64_t>(values.size());
  if (s.n == 0) return s;
  double sum = 0.0;
  for (const double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);
  if (s.n < 2) return s;
  double ss = 0.0;
  for (const double v : values) ss += (v - s.mean) * (v - s.mean);
  s.sd = std::sqrt(ss / static_cast<double>(s.n - 1));
  return s;
}

double TwoSidedNormalQuantile(double confidence) {
  CheckConfidence(confidence);
  return boost::math::quantile(boost::math::normal_distribution<double>(), 0.5 + 0.5 * confidence);
}

ConfidenceInterval WilsonInterval(std::int64_t successes, std::int64_t trials, double confidence) {
  CheckCounts(successes, trials);
  const double z = TwoSidedNormalQuantile(confidence);
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denom = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denom;
  const double half = z / denom * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  // At x = 0 (x = n) the lower (upper) end is 0 (1) exactly; clamp the rounding.
  const double lower = successes == 0 ? 0.0 : std::max(0.0, centre - half);
  const double upper = successes == trials ? 1.0 : std::min(1.0, centre + half);
  return {p, lower, upper, confidence};
}

ConfidenceInterval ClopperPearsonInterval(std::int64_t successes, std::int64_t trials, double confidence) {
  CheckCounts(successes, trials);
  CheckConfidence(confidence);
  const double alpha = 1.0 - confidence;
  const double x = static_cast<double>(successes);
  const double n = static_cast<double>(trials);
  double lower = 0.0, upper = 1.0;
  if (successes > 0)
    lower = boost::math::quantile(boost::math::beta_distribution<double>(x, n - x + 1.0), alpha / 2.0);
  if (successes < trials)
    upper = boost::math::quantile(boost::math::beta_distribution<double>(x + 1.0, n - x), 1.0 - alpha / 2.0);
  return {x / n, lower, upper, confidence};
}

ConfidenceInterval MeanTInterval(std::span<const double> values, double confidence) {
  CheckConfidence(confidence);
  IADSIM_CHECK(values.size() >= 2, "t interval: needs at least 2 values, got " + std::to_string(values.size()));
  CheckFinite(values, "t interval");
  const SampleSummary s = Summarize(values);
  const double t = boost::math::quantile(boost::math::students_t_distribution<double>(static_cast<double>(s.n - 1)),
                                         0.5 + 0.5 * confidence);
  const double half = t * s.sd / std::sqrt(static_cast<double>(s.n));
  return {s.mean, s.mean - half, s.mean + half, confidence};
}

ConfidenceInterval BootstrapMeanInterval(std::span<const double> values, RandomStream& stream, int resamples,
                                         double confidence) {
  CheckConfidence(confidence);
  IADSIM_CHECK(!values.empty(), "bootstrap interval: needs at least 1 value");
  IADSIM_CHECK(resamples >= 100, "bootstrap interval: resamples must be >= 100, got " + std::to_string(resamples));
  CheckFinite(values, "bootstrap interval");
  const std::uint64_t n = values.size();
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (double& m : means) {
    double sum = 0.0;
    for (std::uint64_t i = 0; i < n; ++i) sum += values[stream.Below(n)];
    m = sum / static_cast<double>(n);
  }
  std::sort(means.begin(), means.end());
  // The q-quantile of the empirical distribution of the B means: the ⌈qB⌉-th smallest (1-based).
  const auto quantile = [&](double q) {
    const double b = static_cast<double>(resamples);
    auto k = static_cast<std::int64_t>(std::ceil(q * b - 1e-9));
    k = std::clamp<std::int64_t>(k, 1, resamples);
    return means[static_cast<std::size_t>(k - 1)];
  };
  const double alpha = 1.0 - confidence;
  return {Summarize(values).mean, quantile(alpha / 2.0), quantile(1.0 - alpha / 2.0), confidence};
}

}  // namespace iadsim
