#pragma once
// Paired comparison of two variants of a scenario run on the same replications (the same random
// streams, DESIGN.md "Randomness"): replication i of the baseline and of the variant form a pair,
// so the noise they share cancels in the difference.
//
// Paired proportions (an event, e.g. "at least one leaker", yes/no in each run), over n pairs:
//   b = pairs with the event in the baseline only, c = pairs with the event in the variant only.
//   Exact McNemar test (McNemar 1947; exact form: the conditional binomial test, Agresti 2013,
//   Categorical Data Analysis, 3rd ed., sec. 11.1): under H0 (equal proportions) the discordant pairs
//   split as X ~ Bin(b + c, 1/2); two-sided p = min(1, 2·P(X ≤ min(b, c))) (p = 1 when b + c = 0).
//   b = 1, c = 9: p = 2·11/1024 = 0.02148; b = c: p = 1.
//   Difference Δ = p_variant − p_baseline = (c − b)/n with the Agresti–Min interval (Agresti & Min
//   2005, "Simple improved confidence intervals for comparing matched proportions", Stat. Med. 24):
//   add ½ to each of the four cells (n' = n + 2, b' = b + ½, c' = c + ½),
//       Δ' = (c' − b')/n',  se = √((b' + c') − (c' − b')²/n') / n',  Δ' ± z·se, clipped to [−1, 1].
// Paired means (a measure per run, e.g. kills): d_i = variant_i − baseline_i, the Student t
// interval of the mean of d (statistics.h): d̄ ± t(1 − α/2; n − 1)·s_d/√n (Student 1908).
#include <cstdint>
#include <span>

#include "iadsim/analysis/statistics.h"

namespace iadsim {

// Two-sided exact McNemar p-value from the discordant counts b and c (both ≥ 0, checked).
double McNemarExactPValue(std::int64_t b, std::int64_t c);

struct PairedProportionComparison {
  std::int64_t pairs = 0;             // n
  std::int64_t baseline_only = 0;     // b
  std::int64_t variant_only = 0;      // c
  double baseline_proportion = 0.0;   // events in the baseline / n
  double variant_proportion = 0.0;    // events in the variant / n
  ConfidenceInterval difference;      // estimate (c − b)/n; ends: Agresti–Min
  double mcnemar_p = 1.0;             // exact McNemar, two-sided
};

// Pairs baseline[i] with variant[i]. Requires equal, non-zero lengths (checked).
PairedProportionComparison ComparePairedProportions(std::span<const bool> baseline, std::span<const bool> variant,
                                                    double confidence = 0.95);

// The t interval of the mean of variant[i] − baseline[i]. Requires equal lengths ≥ 2 (checked).
ConfidenceInterval PairedMeanDifference(std::span<const double> baseline, std::span<const double> variant,
                                        double confidence = 0.95);

}  // namespace iadsim
