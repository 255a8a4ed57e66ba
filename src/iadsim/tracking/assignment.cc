#include "iadsim/tracking/assignment.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

// A lexicographic cost: (number of forbidden pairs, sum of finite costs).
struct Lex {
  std::int64_t forbidden = 0;
  double cost = 0.0;
  Lex operator+(const Lex& o) const { return {forbidden + o.forbidden, cost + o.cost}; }
  Lex operator-(const Lex& o) const { return {forbidden - o.forbidden, cost - o.cost}; }
  Lex& operator+=(const Lex& o) { return *this = *this + o; }
  Lex& operator-=(const Lex& o) { return *this = *this - o; }
  bool operator<(const Lex& o) const {
    return forbidden != o.forbidden ? forbidden < o.forbidden : cost < o.cost;
  }
};
constexpr Lex kLexInfinity{std::int64_t{1} << 50, 0.0};

Lex ToLex(double c) { return c == kForbidden ? Lex{1, 0.0} : Lex{0, c}; }

// Shortest augmenting paths for n <= m; a(i, j) gives the cost. Returns the column of each row.
template <class CostAt>
std::vector<int> SolveRowsNotMoreThanCols(int n, int m, const CostAt& a) {
  std::vector<Lex> u(n + 1), v(m + 1), minv(m + 1);
  std::vector<int> p(m + 1, 0), way(m + 1, 0);  // p[j]: row (1-based) on column j; 0 = free
  std::vector<char> used(m + 1);
  for (int i = 1; i <= n; ++i) {
    p[0] = i;
    int j0 = 0;
    std::fill(minv.begin(), minv.end(), kLexInfinity);
    std::fill(used.begin(), used.end(), 0);
    do {
      used[j0] = 1;
      const int i0 = p[j0];
      Lex delta = kLexInfinity;
      int j1 = 0;
      for (int j = 1; j <= m; ++j) {
        if (used[j]) continue;
        const Lex cur = a(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      IADSIM_CHECK(j1 != 0, "assignment: no free column (n > m?)");
      for (int j = 0; j <= m; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const int j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int> row_to_col(n, -1);
  for (int j = 1; j <= m; ++j) {
    if (p[j] != 0) row_to_col[p[j] - 1] = j - 1;
  }
  return row_to_col;
}

}  // namespace

std::vector<int> SolveAssignment(const Eigen::MatrixXd& cost) {
  const int n = static_cast<int>(cost.rows()), m = static_cast<int>(cost.cols());
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) {
      IADSIM_CHECK(std::isfinite(cost(i, j)) || cost(i, j) == kForbidden,
                   "assignment cost must be finite or kForbidden");
    }
  }
  std::vector<int> row_to_col(n, -1);
  if (n == 0 || m == 0) return row_to_col;
  if (n <= m) {
    row_to_col = SolveRowsNotMoreThanCols(n, m, [&](int i, int j) { return ToLex(cost(i, j)); });
  } else {
    const std::vector<int> col_to_row =
        SolveRowsNotMoreThanCols(m, n, [&](int i, int j) { return ToLex(cost(j, i)); });
    for (int j = 0; j < m; ++j) {
      if (col_to_row[j] >= 0) row_to_col[col_to_row[j]] = j;
    }
  }
  for (int i = 0; i < n; ++i) {
    if (row_to_col[i] >= 0 && cost(i, row_to_col[i]) == kForbidden) row_to_col[i] = -1;
  }
  return row_to_col;
}

std::vector<int> SolveSparseAssignment(int rows, int cols,
                                       const std::vector<AssignmentCandidate>& candidates) {
  IADSIM_CHECK(rows >= 0 && cols >= 0, "assignment: negative size");
  // Union-find over rows [0, rows) and columns [rows, rows + cols).
  std::vector<int> parent(static_cast<std::size_t>(rows + cols));
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const AssignmentCandidate& c : candidates) {
    IADSIM_CHECK(c.row >= 0 && c.row < rows && c.col >= 0 && c.col < cols,
                 "assignment candidate out of range");
    const int a = find(c.row), b = find(rows + c.col);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the root is the smallest member
  }
  // Members of each cluster, in increasing order (rows first, then columns, by construction).
  std::vector<std::vector<int>> members(parent.size());
  for (int x = 0; x < rows + cols; ++x) members[find(x)].push_back(x);
  std::vector<int> local(parent.size(), -1);  // index of a row or column within its cluster
  std::vector<std::vector<const AssignmentCandidate*>> by_cluster(parent.size());
  for (const AssignmentCandidate& c : candidates) by_cluster[find(c.row)].push_back(&c);

  std::vector<int> row_to_col(rows, -1);
  for (int root = 0; root < rows + cols; ++root) {
    if (by_cluster[root].empty()) continue;
    std::vector<int> cl_rows, cl_cols;
    for (int x : members[root]) {
      if (x < rows) {
        local[x] = static_cast<int>(cl_rows.size());
        cl_rows.push_back(x);
      } else {
        local[x] = static_cast<int>(cl_cols.size());
        cl_cols.push_back(x - rows);
      }
    }
    Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(cl_rows.size()),
                                                     static_cast<Eigen::Index>(cl_cols.size()), kForbidden);
    for (const AssignmentCandidate* c : by_cluster[root]) {
      double& e = cost(local[c->row], local[rows + c->col]);
      e = std::min(e, c->cost);
    }
    const std::vector<int> sol = SolveAssignment(cost);
    for (std::size_t i = 0; i < sol.size(); ++i) {
      if (sol[i] >= 0) row_to_col[cl_rows[i]] = cl_cols[sol[i]];
    }
  }
  return row_to_col;
}

}  // namespace iadsim
