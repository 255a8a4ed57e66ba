#include "iadsim/analysis/statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace iadsim {
namespace {

// Binomial pmf by the log-gamma function: independent of the β quantiles under test.
double BinomialPmf(int k, int n, double p) {
  return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p) +
                  (n - k) * std::log1p(-p));
}

TEST(Statistics, NormalQuantile) {
  EXPECT_NEAR(TwoSidedNormalQuantile(0.95), 1.959964, 1e-6);
  EXPECT_NEAR(TwoSidedNormalQuantile(0.99), 2.575829, 1e-6);
  EXPECT_NEAR(TwoSidedNormalQuantile(0.90), 1.644854, 1e-6);
}

TEST(Statistics, WilsonMatchesHandCalculation) {
  // 8/10 at 95 %: centre (0.8 + 0.19207)/1.38415 = 0.71678, half 0.22654 (hand, z = 1.959964).
  const ConfidenceInterval w = WilsonInterval(8, 10);
  EXPECT_DOUBLE_EQ(w.estimate, 0.8);
  EXPECT_NEAR(w.lower, 0.4902, 5e-5);
  EXPECT_NEAR(w.upper, 0.9433, 5e-5);
  // 7/10 (the report's integration case): [0.3968, 0.8922].
  const ConfidenceInterval w7 = WilsonInterval(7, 10);
  EXPECT_NEAR(w7.lower, 0.3968, 5e-5);
  EXPECT_NEAR(w7.upper, 0.8922, 5e-5);
}

TEST(Statistics, WilsonEdgeCases) {
  // x = 0: [0, z²/(n + z²)] = [0, 3.8415/13.8415] = [0, 0.2775]; x = n mirrors it.
  const ConfidenceInterval zero = WilsonInterval(0, 10);
  EXPECT_EQ(zero.lower, 0.0);
  EXPECT_NEAR(zero.upper, 0.27753, 1e-5);
  const ConfidenceInterval all = WilsonInterval(10, 10);
  EXPECT_NEAR(all.lower, 0.72247, 1e-5);
  EXPECT_EQ(all.upper, 1.0);
  // One trial.
  const ConfidenceInterval one = WilsonInterval(1, 1);
  EXPECT_NEAR(one.lower, 1.0 / (1.0 + 1.959964 * 1.959964), 1e-6);
  EXPECT_EQ(one.upper, 1.0);
}

TEST(Statistics, WilsonAndClopperPearsonMatchNewcombeTable) {
  // Newcombe (1998), Stat. Med. 17:857-872, Table II, methods 3 (score) and 5 (exact), 95 %.
  struct Row { int x, n; double w_lo, w_hi, cp_lo, cp_hi; };
  for (const Row& r : {Row{81, 263, 0.2553, 0.3662, 0.2527, 0.3676}, Row{15, 148, 0.0624, 0.1605, 0.0578, 0.1617},
                       Row{0, 20, 0.0, 0.1611, 0.0, 0.1684}, Row{1, 29, 0.0061, 0.1718, 0.0009, 0.1776}}) {
    SCOPED_TRACE(std::to_string(r.x) + "/" + std::to_string(r.n));
    const ConfidenceInterval w = WilsonInterval(r.x, r.n);
    EXPECT_NEAR(w.lower, r.w_lo, 5e-5);
    EXPECT_NEAR(w.upper, r.w_hi, 5e-5);
    const ConfidenceInterval cp = ClopperPearsonInterval(r.x, r.n);
    EXPECT_NEAR(cp.lower, r.cp_lo, 5e-5);
    EXPECT_NEAR(cp.upper, r.cp_hi, 5e-5);
  }
}

TEST(Statistics, WilsonAtOtherConfidenceLevels) {
  // 81/263 at 99 % (z = 2.575829), by hand: [0.24014, 0.38528]. Wider than at 95 %.
  const ConfidenceInterval w = WilsonInterval(81, 263, 0.99);
  EXPECT_NEAR(w.lower, 0.24014, 1e-5);
  EXPECT_NEAR(w.upper, 0.38528, 1e-5);
  EXPECT_DOUBLE_EQ(w.confidence, 0.99);
}

TEST(Statistics, ClopperPearsonClosedFormsAtTheEdges) {
  // x = 0: upper = 1 − (α/2)^(1/n); x = n: lower = (α/2)^(1/n).
  const ConfidenceInterval zero = ClopperPearsonInterval(0, 10);
  EXPECT_EQ(zero.lower, 0.0);
  EXPECT_NEAR(zero.upper, 1.0 - std::pow(0.025, 0.1), 1e-10);  // 0.3085
  const ConfidenceInterval all = ClopperPearsonInterval(10, 10);
  EXPECT_NEAR(all.lower, std::pow(0.025, 0.1), 1e-10);
  EXPECT_EQ(all.upper, 1.0);
  // 8/10: [0.4439, 0.9748] (bisection on the binomial tails, by hand).
  const ConfidenceInterval cp = ClopperPearsonInterval(8, 10);
  EXPECT_NEAR(cp.lower, 0.44390, 1e-5);
  EXPECT_NEAR(cp.upper, 0.97479, 1e-5);
  // 90 %: x = 0 upper = 1 − 0.05^(1/10).
  EXPECT_NEAR(ClopperPearsonInterval(0, 10, 0.90).upper, 1.0 - std::pow(0.05, 0.1), 1e-10);
}

TEST(Statistics, ExactCoverageClopperPearsonNeverBelowNominalWilsonClose) {
  // Coverage P(p in interval) = Σ_x pmf(x) [p ∈ CI(x)], summed exactly for n = 20 on a grid of p.
  const int n = 20;
  std::vector<ConfidenceInterval> cp, w;
  for (int x = 0; x <= n; ++x) {
    cp.push_back(ClopperPearsonInterval(x, n));
    w.push_back(WilsonInterval(x, n));
  }
  double wilson_mean = 0.0;
  int cells = 0;
  for (double p = 0.05; p < 0.951; p += 0.01) {
    double cov_cp = 0.0, cov_w = 0.0;
    for (int x = 0; x <= n; ++x) {
      const double f = BinomialPmf(x, n, p);
      if (cp[x].lower <= p && p <= cp[x].upper) cov_cp += f;
      if (w[x].lower <= p && p <= w[x].upper) cov_w += f;
    }
    EXPECT_GE(cov_cp, 0.95 - 1e-12) << "p = " << p;  // Clopper–Pearson is conservative by construction
    EXPECT_GT(cov_w, 0.88) << "p = " << p;          // Wilson: no deep dips (Agresti & Coull 1998, fig. 4)
    wilson_mean += cov_w;
    ++cells;
  }
  EXPECT_NEAR(wilson_mean / cells, 0.95, 0.01);  // and about nominal on average
}

// Student's sleep data (Student 1908; Cushny & Peebles 1905): the ten paired differences in extra
// hours of sleep. Textbook result (e.g. R's t.test(extra ~ group, sleep, paired = TRUE)):
// mean 1.58, 95 % CI [0.7001142, 2.4598858], t(9) quantile 2.262157.
const std::vector<double> kSleepDifferences = {1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4};

TEST(Statistics, SummaryAndTIntervalMatchTextbook) {
  const SampleSummary s = Summarize(kSleepDifferences);
  EXPECT_EQ(s.n, 10);
  EXPECT_NEAR(s.mean, 1.58, 1e-12);
  EXPECT_NEAR(s.sd, 1.2299955, 1e-7);
  const ConfidenceInterval t = MeanTInterval(kSleepDifferences);
  EXPECT_NEAR(t.estimate, 1.58, 1e-12);
  EXPECT_NEAR(t.lower, 0.7001142, 1e-7);
  EXPECT_NEAR(t.upper, 2.4598858, 1e-7);
  // 90 %: t(9; 0.95) = 1.833113 → lower 1.58 − 1.833113·1.2299955/√10 = 0.866995.
  EXPECT_NEAR(MeanTInterval(kSleepDifferences, 0.90).lower, 0.866995, 1e-6);
  // Constant data: zero width.
  const std::vector<double> flat = {3.0, 3.0, 3.0};
  const ConfidenceInterval f = MeanTInterval(flat);
  EXPECT_EQ(f.lower, 3.0);
  EXPECT_EQ(f.upper, 3.0);
}

TEST(Statistics, BootstrapOfZeroOneSampleGivesExactBinomialQuantiles) {
  // For 10 ones in 20, a resample mean is Bin(20, ½)/20 exactly. Its 2.5 % quantile is 6/20
  // (P(X ≤ 5) = 0.0207, P(X ≤ 6) = 0.0577) and its 97.5 % quantile 14/20, so with enough
  // resamples the percentile interval is [0.30, 0.70].
  std::vector<double> x(20, 0.0);
  for (int i = 0; i < 10; ++i) x[i] = 1.0;
  RandomStream stream(42);
  const ConfidenceInterval b = BootstrapMeanInterval(x, stream, 20000);
  EXPECT_DOUBLE_EQ(b.estimate, 0.5);
  EXPECT_DOUBLE_EQ(b.lower, 0.30);
  EXPECT_DOUBLE_EQ(b.upper, 0.70);
}

TEST(Statistics, BootstrapIsDeterministicAndCloseToTForNormalData) {
  RandomStream gen(7);
  std::vector<double> x(400);
  for (double& v : x) v = gen.Normal(10.0, 2.0);
  RandomStream s1(99), s2(99), s3(100);
  const ConfidenceInterval a = BootstrapMeanInterval(x, s1, 4000);
  const ConfidenceInterval b = BootstrapMeanInterval(x, s2, 4000);
  const ConfidenceInterval c = BootstrapMeanInterval(x, s3, 4000);
  EXPECT_EQ(a.lower, b.lower);  // same key, same numbers, bit for bit
  EXPECT_EQ(a.upper, b.upper);
  EXPECT_NE(a.lower, c.lower);  // another key, other resamples
  const ConfidenceInterval t = MeanTInterval(x);
  const double half = 0.5 * (t.upper - t.lower);  // ≈ 1.96·2/20 = 0.196
  EXPECT_NEAR(a.lower, t.lower, 0.1 * half);
  EXPECT_NEAR(a.upper, t.upper, 0.1 * half);
  // One value: all resamples equal it.
  const std::vector<double> one = {4.5};
  const ConfidenceInterval o = BootstrapMeanInterval(one, s1, 100);
  EXPECT_EQ(o.lower, 4.5);
  EXPECT_EQ(o.upper, 4.5);
}

TEST(Statistics, BootstrapCoverageOverSeededExperiments) {
  // 300 samples of 30 exponential(mean 1) values: the percentile interval should contain the true
  // mean a little less than 95 % of the time (it undercovers for skewed data at small n, Efron &
  // Tibshirani 1993, ch. 13-14). Binomial bounds for 300 trials at 0.93: ±3σ = ±0.044.
  RandomStream gen(2024);
  int covered = 0;
  const int experiments = 300;
  for (int e = 0; e < experiments; ++e) {
    std::vector<double> x(30);
    for (double& v : x) v = gen.Exponential(1.0);
    RandomStream boot = gen.Derive("boot", static_cast<std::uint64_t>(e));
    const ConfidenceInterval ci = BootstrapMeanInterval(x, boot, 1000);
    if (ci.lower <= 1.0 && 1.0 <= ci.upper) ++covered;
  }
  const double coverage = static_cast<double>(covered) / experiments;
  EXPECT_GT(coverage, 0.88);
  EXPECT_LT(coverage, 0.98);
}

}  // namespace
}  // namespace iadsim
