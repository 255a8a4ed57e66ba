#include "iadsim/analysis/paired_comparison.h"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "iadsim/core/error.h"

namespace iadsim {

double McNemarExactPValue(std::int64_t b, std::int64_t c) {
  IADSIM_CHECK(b >= 0 && c >= 0, "McNemar: discordant counts must be >= 0");
  const std::int64_t n = b + c;
  if (n == 0) return 1.0;
  const boost::math::binomial_distribution<double> dist(static_cast<double>(n), 0.5);
  const double tail = boost::math::cdf(dist, static_cast<double>(std::min(b, c)));
  return std::min(1.0, 2.0 * tail);
}

PairedProportionComparison ComparePairedProportions(std::span<const bool> baseline, std::span<const bool> variant,
                                                    double confidence) {
  IADSIM_CHECK(baseline.size() == variant.size(), "paired proportions: the two samples differ in length");
  IADSIM_CHECK(!baseline.empty(), "paired proportions: no pairs");
  PairedProportionComparison r;
  r.pairs = static_cast<std::int64_t>(baseline.size());
  std::int64_t in_baseline = 0, in_variant = 0;
  for (std::size_t i = 0; i < baseline.size(); ++i) {
    in_baseline += baseline[i] ? 1 : 0;
    in_variant += variant[i] ? 1 : 0;
    if (baseline[i] && !variant[i]) ++r.baseline_only;
    if (!baseline[i] && variant[i]) ++r.variant_only;
  }
  const double n = static_cast<double>(r.pairs);
  r.baseline_proportion = static_cast<double>(in_baseline) / n;
  r.variant_proportion = static_cast<double>(in_variant) / n;
  const double z = TwoSidedNormalQuantile(confidence);
  const double n2 = n + 2.0;
  const double b2 = static_cast<double>(r.baseline_only) + 0.5;
  const double c2 = static_cast<double>(r.variant_only) + 0.5;
  const double centre = (c2 - b2) / n2;
  const double se = std::sqrt(std::max(0.0, (b2 + c2) - (c2 - b2) * (c2 - b2) / n2)) / n2;
  r.difference = {static_cast<double>(r.variant_only - r.baseline_only) / n, std::max(-1.0, centre - z * se),
                  std::min(1.0, centre + z * se), confidence};
  r.mcnemar_p = McNemarExactPValue(r.baseline_only, r.variant_only);
  return r;
}

ConfidenceInterval PairedMeanDifference(std::span<const double> baseline, std::span<const double> variant,
                                        double confidence) {
  IADSIM_CHECK(baseline.size() == variant.size(), "paired means: the two samples differ in length");
  std::vector<double> d(baseline.size());
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = variant[i] - baseline[i];
  return MeanTInterval(d, confidence);
}

}  // namespace iadsim
