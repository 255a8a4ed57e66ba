#include "iadsim/analysis/paired_comparison.h"

#include <gtest/gtest.h>

#include <vector>

namespace iadsim {
namespace {

TEST(PairedComparison, McNemarExactMatchesHandCalculation) {
  // b = 1, c = 9: 2·P(X ≤ 1), X ~ Bin(10, ½) = 2·(1 + 10)/1024 = 0.021484375.
  EXPECT_NEAR(McNemarExactPValue(1, 9), 0.021484375, 1e-12);
  EXPECT_NEAR(McNemarExactPValue(9, 1), 0.021484375, 1e-12);
  // b = c: p = 1 (the two-sided doubling is capped); no discordant pairs: p = 1.
  EXPECT_EQ(McNemarExactPValue(5, 5), 1.0);
  EXPECT_EQ(McNemarExactPValue(0, 0), 1.0);
  // b = 0, c = 6: 2·(1/64) = 0.03125; b = 0, c = 5: 2/32 = 0.0625.
  EXPECT_NEAR(McNemarExactPValue(0, 6), 0.03125, 1e-12);
  EXPECT_NEAR(McNemarExactPValue(0, 5), 0.0625, 1e-12);
  // b = 2, c = 8: 2·(1 + 10 + 45)/1024 = 0.109375.
  EXPECT_NEAR(McNemarExactPValue(2, 8), 0.109375, 1e-12);
}

TEST(PairedComparison, PairedProportionsCountDiscordantPairsAndAgrestiMinInterval) {
  // 20 pairs: 5 with the event in both, 1 baseline only, 9 variant only, 5 in neither.
  std::vector<bool> base, var;
  auto add = [&](int count, bool b, bool v) {
    for (int i = 0; i < count; ++i) {
      base.push_back(b);
      var.push_back(v);
    }
  };
  add(5, true, true);
  add(1, true, false);
  add(9, false, true);
  add(5, false, false);
  // std::span<const bool> cannot view a vector<bool>: copy into arrays.
  bool bb[20], vv[20];
  for (int i = 0; i < 20; ++i) {
    bb[i] = base[i];
    vv[i] = var[i];
  }
  const PairedProportionComparison r = ComparePairedProportions(bb, vv);
  EXPECT_EQ(r.pairs, 20);
  EXPECT_EQ(r.baseline_only, 1);
  EXPECT_EQ(r.variant_only, 9);
  EXPECT_DOUBLE_EQ(r.baseline_proportion, 0.30);
  EXPECT_DOUBLE_EQ(r.variant_proportion, 0.70);
  EXPECT_DOUBLE_EQ(r.difference.estimate, 0.40);
  // Agresti–Min by hand: n' = 22, b' = 1.5, c' = 9.5, Δ' = 8/22 = 0.363636,
  // se = √(11 − 64/22)/22 = 0.129293 → [0.110226, 0.617047].
  EXPECT_NEAR(r.difference.lower, 0.110226, 1e-6);
  EXPECT_NEAR(r.difference.upper, 0.617047, 1e-6);
  EXPECT_NEAR(r.mcnemar_p, 0.021484375, 1e-12);
}

TEST(PairedComparison, IdenticalSamplesGiveNoDifference) {
  const bool x[6] = {true, false, true, true, false, false};
  const PairedProportionComparison r = ComparePairedProportions(x, x);
  EXPECT_EQ(r.baseline_only, 0);
  EXPECT_EQ(r.variant_only, 0);
  EXPECT_EQ(r.difference.estimate, 0.0);
  EXPECT_EQ(r.mcnemar_p, 1.0);
  // Agresti–Min: Δ' = 0, se = √1/8 = 0.125 → ±0.244995.
  EXPECT_NEAR(r.difference.lower, -0.244995, 1e-6);
  EXPECT_NEAR(r.difference.upper, 0.244995, 1e-6);
}

TEST(PairedComparison, PairedMeanDifferenceIsStudentSleepExample) {
  // Student (1908) sleep data, drug 1 and drug 2 on the same ten patients (extra hours of sleep).
  // Textbook paired t: mean difference 1.58, 95 % CI [0.7001142, 2.4598858].
  const std::vector<double> drug1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
  const std::vector<double> drug2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
  const ConfidenceInterval d = PairedMeanDifference(drug1, drug2);
  EXPECT_NEAR(d.estimate, 1.58, 1e-12);
  EXPECT_NEAR(d.lower, 0.7001142, 1e-7);
  EXPECT_NEAR(d.upper, 2.4598858, 1e-7);
  // The unpaired view of the same data would straddle 0: pairing is what makes it significant.
  const ConfidenceInterval reversed = PairedMeanDifference(drug2, drug1);
  EXPECT_NEAR(reversed.estimate, -1.58, 1e-12);
  EXPECT_NEAR(reversed.upper, -0.7001142, 1e-7);
}

}  // namespace
}  // namespace iadsim
