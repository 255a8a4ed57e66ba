#include "iadsim/tracking/consistency.h"

#include <gtest/gtest.h>

#include <Eigen/Cholesky>
#include <cmath>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

// CDF of chi2 with an even number of degrees of freedom 2k (the Erlang form):
//   F(x) = 1 - exp(-x/2) sum_{i<k} (x/2)^i / i!
double Chi2EvenCdf(double x, int k) {
  double term = 1.0, sum = 0.0;
  for (int i = 0; i < k; ++i) {
    sum += term;
    term *= 0.5 * x / (i + 1);
  }
  return 1.0 - std::exp(-0.5 * x) * sum;
}

TEST(Consistency, NormalisedErrorSquaredHandValues) {
  Eigen::VectorXd e(2);
  e << 1, 2;
  EXPECT_DOUBLE_EQ(NormalisedErrorSquared(e, Eigen::Vector2d(1, 4).asDiagonal().toDenseMatrix()), 2.0);
  Eigen::MatrixXd P(2, 2);
  P << 2, 1, 1, 2;  // P^-1 = [[2, -1], [-1, 2]] / 3
  e << 1, 0;
  EXPECT_NEAR(NormalisedErrorSquared(e, P), 2.0 / 3.0, 1e-15);
}

TEST(Consistency, IntervalMatchesClosedFormAndTable) {
  // dof 2, one sample: F(x) = 1 - exp(-x/2), so the 95 % interval is [-2 ln 0.975, -2 ln 0.025].
  const ChiSquareInterval one = AverageChiSquareInterval(2, 1, 0.95);
  EXPECT_NEAR(one.lower, -2.0 * std::log(0.975), 1e-10);
  EXPECT_NEAR(one.upper, -2.0 * std::log(0.025), 1e-10);
  // Bar-Shalom, Li & Kirubarajan (2001) sec. 5.4.2: n = 2, 50 runs -> chi2_100 table values
  // 74.22 and 129.56, i.e. [1.484, 2.591].
  const ChiSquareInterval b = AverageChiSquareInterval(2, 50, 0.95);
  EXPECT_NEAR(b.lower * 50, 74.22, 0.01);
  EXPECT_NEAR(b.upper * 50, 129.56, 0.01);
  // And the Erlang closed form puts 2.5 % on each side.
  EXPECT_NEAR(Chi2EvenCdf(b.lower * 50, 50), 0.025, 1e-9);
  EXPECT_NEAR(Chi2EvenCdf(b.upper * 50, 50), 0.975, 1e-9);
}

// Errors drawn from N(0, P) are consistent with P about 95 % of the time (binomial, 400 trials of
// 50 runs: 380 expected, sd 4.4; accept 360..395); an over-confident P/2 fails nearly always.
TEST(Consistency, SeededRunsInsideBounds) {
  Eigen::MatrixXd P(2, 2);
  P << 400, 120, 120, 100;
  const Eigen::MatrixXd L = Eigen::LLT<Eigen::MatrixXd>(P).matrixL();
  RandomStream rng(77);
  int inside = 0, inside_overconfident = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::vector<double> nees, nees_small;
    for (int run = 0; run < 50; ++run) {
      const Eigen::VectorXd e = L * Eigen::Vector2d(rng.StandardNormal(), rng.StandardNormal());
      nees.push_back(NormalisedErrorSquared(e, P));
      nees_small.push_back(NormalisedErrorSquared(e, 0.5 * P));
    }
    inside += CheckAverageConsistency(nees, 2).consistent;
    inside_overconfident += CheckAverageConsistency(nees_small, 2).consistent;
  }
  EXPECT_GE(inside, 360);
  EXPECT_LE(inside, 395);
  EXPECT_LE(inside_overconfident, 4);
}

}  // namespace
}  // namespace iadsim
