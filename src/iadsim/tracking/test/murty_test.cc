#include "iadsim/tracking/murty.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <vector>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/assignment.h"

namespace iadsim {
namespace {

// Every full assignment's cost, by brute-force enumeration.
std::vector<double> AllCosts(const Eigen::MatrixXd& c) {
  std::vector<double> costs;
  std::vector<char> used(c.cols(), 0);
  std::function<void(int, double)> rec = [&](int i, double sum) {
    if (i == c.rows()) {
      costs.push_back(sum);
      return;
    }
    for (int j = 0; j < c.cols(); ++j) {
      if (used[j] || c(i, j) == kForbidden) continue;
      used[j] = 1;
      rec(i + 1, sum + c(i, j));
      used[j] = 0;
    }
  };
  rec(0, 0.0);
  std::sort(costs.begin(), costs.end());
  return costs;
}

TEST(Murty, KBestMatchBruteForceOnRandomMatrices) {
  RandomStream rng(42);
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 1 + static_cast<int>(rng.Below(4));
    const int m = n + static_cast<int>(rng.Below(3));
    Eigen::MatrixXd c(n, m);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < m; ++j)
        c(i, j) = rng.Bernoulli(0.2) ? kForbidden : std::round(rng.Uniform(-5, 10) * 4) / 4;  // ties
    const std::vector<double> all = AllCosts(c);
    const int k = 1 + static_cast<int>(rng.Below(30));
    const std::vector<RankedAssignment> best = KBestAssignments(c, k);
    ASSERT_EQ(best.size(), std::min<std::size_t>(k, all.size())) << "trial " << trial;
    std::set<std::vector<int>> distinct;
    for (std::size_t r = 0; r < best.size(); ++r) {
      EXPECT_NEAR(best[r].cost, all[r], 1e-9) << "trial " << trial << " rank " << r;
      // The assignment is valid and its cost is what it claims.
      double sum = 0;
      std::set<int> cols;
      for (int i = 0; i < n; ++i) {
        const int j = best[r].row_to_col[i];
        ASSERT_GE(j, 0);
        ASSERT_NE(c(i, j), kForbidden);
        cols.insert(j);
        sum += c(i, j);
      }
      EXPECT_EQ(static_cast<int>(cols.size()), n);
      EXPECT_NEAR(sum, best[r].cost, 1e-9);
      distinct.insert(best[r].row_to_col);
    }
    EXPECT_EQ(distinct.size(), best.size()) << "an assignment was listed twice";
  }
}

TEST(Murty, HandExample) {
  // Rows 0, 1 to columns (a, b):
  Eigen::MatrixXd c(2, 3);
  c << 1, 2, 10, 3, 4, 0;
  // All 6 assignments: (0,1):1+4=5 (0,2):1+0=1 (1,0):2+3=5 (1,2):2+0=2 (2,0):10+3=13 (2,1):10+4=14
  const auto best = KBestAssignments(c, 10);
  ASSERT_EQ(best.size(), 6u);
  const double expect[] = {1, 2, 5, 5, 13, 14};
  for (int r = 0; r < 6; ++r) EXPECT_DOUBLE_EQ(best[r].cost, expect[r]);
  EXPECT_EQ(best[0].row_to_col, (std::vector<int>{0, 2}));
}

}  // namespace
}  // namespace iadsim
