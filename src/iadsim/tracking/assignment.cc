#include "iadsim/tracking/assignment.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

using assignment_detail::DenseWork;
using assignment_detail::Lex;

constexpr Lex kLexInfinity{std::int64_t{1} << 50, 0.0};

Lex ToLex(double c) { return c == kForbidden ? Lex{1, 0.0} : Lex{0, c}; }

// Shortest augmenting paths for n <= m; a(i, j) gives the cost. Leaves the column of each row
// in w.out[0, n).
template <class CostAt>
void SolveRowsNotMoreThanCols(int n, int m, const CostAt& a, DenseWork& w) {
  w.u.assign(n + 1, Lex{});
  w.v.assign(m + 1, Lex{});
  w.minv.resize(m + 1);
  w.p.assign(m + 1, 0);  // p[j]: row (1-based) on column j; 0 = free
  w.way.assign(m + 1, 0);
  w.used.resize(m + 1);
  std::vector<Lex>& u = w.u;
  std::vector<Lex>& v = w.v;
  std::vector<Lex>& minv = w.minv;
  std::vector<int>& p = w.p;
  std::vector<int>& way = w.way;
  std::vector<char>& used = w.used;
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
  w.out.assign(n, -1);
  for (int j = 1; j <= m; ++j) {
    if (p[j] != 0) w.out[p[j] - 1] = j - 1;
  }
}

// The dense problem: cost(i, j) for i < n, j < m; row_to_col[0, n) receives the answer.
template <class CostAt>
void SolveDense(int n, int m, const CostAt& cost, DenseWork& w, int* row_to_col) {
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) {
      IADSIM_CHECK(std::isfinite(cost(i, j)) || cost(i, j) == kForbidden,
                   "assignment cost must be finite or kForbidden");
    }
  }
  std::fill(row_to_col, row_to_col + n, -1);
  if (n == 0 || m == 0) return;
  if (n <= m) {
    SolveRowsNotMoreThanCols(n, m, [&](int i, int j) { return ToLex(cost(i, j)); }, w);
    std::copy(w.out.begin(), w.out.end(), row_to_col);
  } else {
    SolveRowsNotMoreThanCols(m, n, [&](int i, int j) { return ToLex(cost(j, i)); }, w);
    for (int j = 0; j < m; ++j) {
      if (w.out[j] >= 0) row_to_col[w.out[j]] = j;
    }
  }
  for (int i = 0; i < n; ++i) {
    if (row_to_col[i] >= 0 && cost(i, row_to_col[i]) == kForbidden) row_to_col[i] = -1;
  }
}

}  // namespace

std::vector<int> SolveAssignment(const Eigen::MatrixXd& cost) {
  const int n = static_cast<int>(cost.rows()), m = static_cast<int>(cost.cols());
  std::vector<int> row_to_col(n, -1);
  DenseWork w;
  SolveDense(n, m, [&](int i, int j) { return cost(i, j); }, w, row_to_col.data());
  return row_to_col;
}

std::vector<int> SolveSparseAssignment(int rows, int cols,
                                       const std::vector<AssignmentCandidate>& candidates) {
  SparseAssignmentSolver solver;
  return solver.Solve(rows, cols, candidates);
}

const std::vector<int>& SparseAssignmentSolver::Solve(int rows, int cols,
                                                      std::span<const AssignmentCandidate> candidates) {
  IADSIM_CHECK(rows >= 0 && cols >= 0, "assignment: negative size");
  const int nodes = rows + cols;
  // Union-find over rows [0, rows) and columns [rows, rows + cols).
  parent_.resize(nodes);
  std::iota(parent_.begin(), parent_.end(), 0);
  auto find = [&](int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  };
  for (const AssignmentCandidate& c : candidates) {
    IADSIM_CHECK(c.row >= 0 && c.row < rows && c.col >= 0 && c.col < cols,
                 "assignment candidate out of range");
    IADSIM_CHECK(std::isfinite(c.cost) || c.cost == kForbidden,
                 "assignment cost must be finite or kForbidden");
    const int a = find(c.row), b = find(rows + c.col);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);  // the root is the smallest member
  }
  root_.resize(nodes);
  for (int x = 0; x < nodes; ++x) root_[x] = find(x);
  // Counting sorts by cluster root: the candidates, and the members in increasing order (rows
  // first, then columns, by construction).
  cand_start_.assign(nodes + 1, 0);
  node_start_.assign(nodes + 1, 0);
  for (const AssignmentCandidate& c : candidates) ++cand_start_[root_[c.row] + 1];
  for (int x = 0; x < nodes; ++x) ++node_start_[root_[x] + 1];
  for (int x = 0; x < nodes; ++x) {
    cand_start_[x + 1] += cand_start_[x];
    node_start_[x + 1] += node_start_[x];
  }
  cand_order_.resize(candidates.size());
  node_order_.resize(nodes);
  for (int k = 0; k < static_cast<int>(candidates.size()); ++k) cand_order_[cand_start_[root_[candidates[k].row]]++] = k;
  for (int x = 0; x < nodes; ++x) node_order_[node_start_[root_[x]]++] = x;
  // The cursors now point at each cluster's end: the start of root r is the end of r - 1.
  local_.resize(nodes);
  row_to_col_.assign(rows, -1);
  int cand_begin = 0, node_begin = 0;
  for (int root = 0; root < nodes; ++root) {
    const int cand_end = cand_start_[root], node_end = node_start_[root];
    const int c0 = cand_begin, n0 = node_begin;
    cand_begin = cand_end;
    node_begin = node_end;
    if (c0 == cand_end) continue;  // no candidate: an isolated row or column
    int nr = 0;
    while (n0 + nr < node_end && node_order_[n0 + nr] < rows) ++nr;
    const int nc = node_end - n0 - nr;
    if (nr == 1) {
      // One row: the least cost among its permitted columns, the smallest column on a tie.
      int best = -1;
      double best_cost = kForbidden;
      for (int e = c0; e < cand_end; ++e) {
        const AssignmentCandidate& c = candidates[cand_order_[e]];
        if (c.cost == kForbidden) continue;
        if (best < 0 || c.cost < best_cost || (c.cost == best_cost && c.col < best)) {
          best = c.col;
          best_cost = c.cost;
        }
      }
      row_to_col_[node_order_[n0]] = best;
      continue;
    }
    cl_rows_.clear();
    cl_cols_.clear();
    for (int k = n0; k < node_end; ++k) {
      const int x = node_order_[k];
      if (x < rows) {
        local_[x] = static_cast<int>(cl_rows_.size());
        cl_rows_.push_back(x);
      } else {
        local_[x] = static_cast<int>(cl_cols_.size());
        cl_cols_.push_back(x - rows);
      }
    }
    cost_.assign(static_cast<std::size_t>(nr) * nc, kForbidden);
    for (int e = c0; e < cand_end; ++e) {
      const AssignmentCandidate& c = candidates[cand_order_[e]];
      double& v = cost_[static_cast<std::size_t>(local_[c.row]) * nc + local_[rows + c.col]];
      v = std::min(v, c.cost);
    }
    sol_.resize(nr);
    SolveDense(nr, nc, [&](int i, int j) { return cost_[static_cast<std::size_t>(i) * nc + j]; }, work_, sol_.data());
    for (int i = 0; i < nr; ++i) {
      if (sol_[i] >= 0) row_to_col_[cl_rows_[i]] = cl_cols_[sol_[i]];
    }
  }
  return row_to_col_;
}

}  // namespace iadsim
