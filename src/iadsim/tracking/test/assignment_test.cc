#include "iadsim/tracking/assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <vector>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

// Number of permitted pairs and their total cost.
struct Value {
  int pairs = 0;
  double cost = 0.0;
};

Value Evaluate(const Eigen::MatrixXd& c, const std::vector<int>& row_to_col) {
  Value v;
  std::vector<char> taken(c.cols(), 0);
  for (int i = 0; i < c.rows(); ++i) {
    const int j = row_to_col[i];
    if (j < 0) continue;
    EXPECT_LT(j, c.cols());
    EXPECT_FALSE(taken[j]) << "column " << j << " assigned twice";
    EXPECT_NE(c(i, j), kForbidden) << "forbidden pair (" << i << ", " << j << ") assigned";
    taken[j] = 1;
    ++v.pairs;
    v.cost += c(i, j);
  }
  return v;
}

// Brute force over every injective map of the smaller side into the larger one: the most permitted
// pairs, then the least cost.
Value BruteForce(const Eigen::MatrixXd& c) {
  const bool rows_small = c.rows() <= c.cols();
  const int small = static_cast<int>(rows_small ? c.rows() : c.cols());
  const int large = static_cast<int>(rows_small ? c.cols() : c.rows());
  std::vector<int> perm(large);
  std::iota(perm.begin(), perm.end(), 0);
  Value best{-1, 0.0};
  do {
    Value v;
    for (int k = 0; k < small; ++k) {
      const double e = rows_small ? c(k, perm[k]) : c(perm[k], k);
      if (e == kForbidden) continue;
      ++v.pairs;
      v.cost += e;
    }
    if (v.pairs > best.pairs || (v.pairs == best.pairs && v.cost < best.cost)) best = v;
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

// BruteForce when both sides are at most 8 (else pairs = -1: not computed).
Value BruteForceIfSmall(const Eigen::MatrixXd& c) {
  if (c.rows() > 8 || c.cols() > 8) return Value{-1, 0.0};
  return BruteForce(c);
}

TEST(Assignment, SmallKnownCase) {
  Eigen::MatrixXd c(3, 3);
  c << 4, 1, 3,  //
      2, 0, 5,   //
      3, 2, 2;
  EXPECT_EQ(SolveAssignment(c), (std::vector<int>{1, 0, 2}));  // 1 + 2 + 2 = 5
}

TEST(Assignment, MaximisesPairsBeforeCost) {
  // One column: the row that gives the lower cost takes it, whatever the row order.
  Eigen::MatrixXd c(2, 1);
  c << 5, 1;
  EXPECT_EQ(SolveAssignment(c), (std::vector<int>{-1, 0}));
  // Row 0 prefers column 0, but row 1 can only use column 0: two pairs beat one cheap pair.
  Eigen::MatrixXd d(2, 2);
  d << 0, 100, 1, kForbidden;
  EXPECT_EQ(SolveAssignment(d), (std::vector<int>{1, 0}));
  // A row whose only options are forbidden stays unassigned; negative costs are fine.
  Eigen::MatrixXd e(3, 2);
  e << -3, 2, kForbidden, kForbidden, 4, -1;
  EXPECT_EQ(SolveAssignment(e), (std::vector<int>{0, -1, 1}));
  EXPECT_EQ(SolveAssignment(Eigen::MatrixXd(0, 3)), std::vector<int>{});
  EXPECT_EQ(SolveAssignment(Eigen::MatrixXd(2, 0)), (std::vector<int>{-1, -1}));
  EXPECT_EQ(SolveAssignment(Eigen::MatrixXd::Constant(2, 2, kForbidden)), (std::vector<int>{-1, -1}));
}

TEST(Assignment, MatchesBruteForceOnRandomCases) {
  RandomStream rng(20240611);
  int cases = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const int n = static_cast<int>(rng.Below(7)), m = static_cast<int>(rng.Below(7));
    const double p_forbidden = std::array{0.0, 0.2, 0.5, 0.8}[rng.Below(4)];
    const bool integer = rng.Bernoulli(0.5);  // integer costs make many ties
    Eigen::MatrixXd c(n, m);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < m; ++j) {
        c(i, j) = rng.Bernoulli(p_forbidden) ? kForbidden
                  : integer                 ? static_cast<double>(rng.Below(5))
                                            : rng.Uniform(-10.0, 30.0);
      }
    }
    const std::vector<int> sol = SolveAssignment(c);
    ASSERT_EQ(sol.size(), static_cast<std::size_t>(n));
    const Value got = Evaluate(c, sol), want = BruteForce(c);
    ASSERT_EQ(got.pairs, std::max(want.pairs, 0)) << "trial " << trial << "\n" << c;
    ASSERT_NEAR(got.cost, want.cost, 1e-9) << "trial " << trial << "\n" << c;
    ++cases;
  }
  EXPECT_EQ(cases, 3000);
}

TEST(Assignment, SparseEqualsDense) {
  RandomStream rng(7);
  for (int trial = 0; trial < 500; ++trial) {
    const int n = 1 + static_cast<int>(rng.Below(30)), m = 1 + static_cast<int>(rng.Below(30));
    Eigen::MatrixXd c = Eigen::MatrixXd::Constant(n, m, kForbidden);
    std::vector<AssignmentCandidate> candidates;
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < m; ++j) {
        if (!rng.Bernoulli(0.08)) continue;
        c(i, j) = rng.Uniform(-5.0, 20.0);
        candidates.push_back({i, j, c(i, j)});
      }
    }
    const Value dense = Evaluate(c, SolveAssignment(c));
    const Value sparse = Evaluate(c, SolveSparseAssignment(n, m, candidates));
    ASSERT_EQ(sparse.pairs, dense.pairs) << "trial " << trial;
    ASSERT_NEAR(sparse.cost, dense.cost, 1e-9) << "trial " << trial;
  }
  // A pair listed twice keeps its lower cost.
  EXPECT_EQ(SolveSparseAssignment(2, 2, {{0, 0, 5.0}, {0, 0, -1.0}, {0, 1, 0.0}, {1, 0, 0.0}, {1, 1, 0.0}}),
            (std::vector<int>{0, 1}));
}

// The reusable solver gives the dense method's own answer, column for column (not only the same
// value): on clusters of one row, where it picks the least cost directly, and on ties (integer
// costs in a small range), with one solver reused over problems of changing sizes.
TEST(Assignment, ReusableSolverEqualsDenseColumnForColumn) {
  RandomStream rng(21);
  SparseAssignmentSolver solver;
  int one_row_clusters = 0;
  for (int trial = 0; trial < 600; ++trial) {
    const int n = 1 + static_cast<int>(rng.Below(25)), m = 1 + static_cast<int>(rng.Below(25));
    const double density = trial % 3 == 0 ? 0.03 : 0.12;
    Eigen::MatrixXd c = Eigen::MatrixXd::Constant(n, m, kForbidden);
    std::vector<AssignmentCandidate> candidates;
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < m; ++j) {
        if (!rng.Bernoulli(density)) continue;
        c(i, j) = static_cast<double>(rng.Below(4)) - 1.0;  // -1, 0, 1, 2: many ties
        candidates.push_back({i, j, c(i, j)});
      }
    }
    // Sparse = dense cluster by cluster; and on a matrix made of 1 x k blocks the dense method on
    // the whole matrix is the reference for the one-row rule.
    const std::vector<int> want = SolveSparseAssignment(n, m, candidates);
    ASSERT_EQ(solver.Solve(n, m, candidates), want) << "trial " << trial;
    std::vector<int> row_of_col(m, -1), cols_of_row(n, 0);
    for (const auto& cd : candidates) ++cols_of_row[cd.row];
    for (int i = 0; i < n; ++i) one_row_clusters += cols_of_row[i] > 0;
    const Value got = Evaluate(c, want), best = BruteForceIfSmall(c);
    if (best.pairs >= 0) {
      ASSERT_EQ(got.pairs, best.pairs) << "trial " << trial;
      ASSERT_NEAR(got.cost, best.cost, 1e-9) << "trial " << trial;
    }
  }
  EXPECT_GT(one_row_clusters, 1000);
  // One row: the least cost, the smallest column on a tie, a forbidden-only row unassigned.
  EXPECT_EQ(solver.Solve(1, 4, std::vector<AssignmentCandidate>{{0, 3, 1.0}, {0, 1, 1.0}, {0, 2, 4.0}}),
            (std::vector<int>{1}));
  EXPECT_EQ(solver.Solve(1, 2, std::vector<AssignmentCandidate>{{0, 1, kForbidden}}), (std::vector<int>{-1}));
  Eigen::MatrixXd one(1, 4);
  one << kForbidden, 1.0, 4.0, 1.0;
  EXPECT_EQ(SolveAssignment(one), (std::vector<int>{1}));
}

TEST(Assignment, LargeCaseIsDeterministicAndValid) {
  RandomStream rng(99);
  Eigen::MatrixXd c(150, 120);
  for (int i = 0; i < c.size(); ++i) c(i) = rng.Bernoulli(0.3) ? kForbidden : rng.Uniform(0, 100);
  const std::vector<int> a = SolveAssignment(c), b = SolveAssignment(c);
  EXPECT_EQ(a, b);
  EXPECT_EQ(Evaluate(c, a).pairs, 120);  // dense enough for a complete matching of the columns
}

}  // namespace
}  // namespace iadsim
