#include "iadsim/tracking/cutoff_matching.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "iadsim/core/error.h"
#include "iadsim/tracking/assignment.h"

namespace iadsim {

std::vector<NearPair> FindNearPairs(const std::vector<Eigen::Vector3d>& x, const std::vector<Eigen::Vector3d>& y,
                                    double radius_m) {
  std::vector<NearPair> out;
  if (x.empty() || y.empty() || !(radius_m > 0.0)) return out;
  std::vector<int> order(y.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return y[a].x() < y[b].x(); });
  std::vector<double> keys(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) keys[k] = y[order[k]].x();
  std::vector<NearPair> row;
  for (int i = 0; i < static_cast<int>(x.size()); ++i) {
    row.clear();
    const auto lo = std::lower_bound(keys.begin(), keys.end(), x[i].x() - radius_m);
    for (auto it = lo; it != keys.end() && *it <= x[i].x() + radius_m; ++it) {
      const int j = order[it - keys.begin()];
      const double d = (x[i] - y[j]).norm();
      if (d < radius_m) row.push_back({i, j, d});
    }
    std::sort(row.begin(), row.end(), [](const NearPair& a, const NearPair& b) { return a.j < b.j; });
    out.insert(out.end(), row.begin(), row.end());
  }
  return out;
}

CutoffMatch SolveCutoffMatching(const std::vector<Eigen::Vector3d>& x, const std::vector<Eigen::Vector3d>& y,
                                double c_m, double p) {
  IADSIM_CHECK(c_m > 0.0 && std::isfinite(c_m), "cut-off c must be finite and > 0");
  IADSIM_CHECK(p >= 1.0 && std::isfinite(p), "order p must be finite and >= 1");
  const int n = static_cast<int>(x.size());
  const int m = static_cast<int>(y.size());
  CutoffMatch out;
  out.x_to_y.assign(n, -1);
  out.y_to_x.assign(m, -1);
  out.distance_m.assign(n, 0.0);
  const std::vector<NearPair> near = FindNearPairs(x, y, c_m);
  if (near.empty()) return out;
  // Rows: x_0..x_{n-1}, then dummy rows for y_j at n + j. Columns: y_0..y_{m-1}, then dummy
  // columns for x_i at m + i.
  const double half = 0.5 * std::pow(c_m, p);
  std::vector<AssignmentCandidate> cand;
  cand.reserve(2 * near.size() + n + m);
  std::vector<char> x_near(n, 0), y_near(m, 0);
  for (const NearPair& q : near) {
    cand.push_back({q.i, q.j, std::pow(q.distance_m, p)});
    cand.push_back({n + q.j, m + q.i, 0.0});
    x_near[q.i] = 1;
    y_near[q.j] = 1;
  }
  // Points with no candidate stay unmatched; leaving their dummies out keeps the clusters small.
  for (int i = 0; i < n; ++i)
    if (x_near[i]) cand.push_back({i, m + i, half});
  for (int j = 0; j < m; ++j)
    if (y_near[j]) cand.push_back({n + j, j, half});
  const std::vector<int> row_to_col = SolveSparseAssignment(n + m, m + n, cand);
  for (int i = 0; i < n; ++i) {
    const int j = row_to_col[i];
    if (j < 0 || j >= m) continue;
    out.x_to_y[i] = j;
    out.y_to_x[j] = i;
    out.distance_m[i] = (x[i] - y[j]).norm();
    ++out.matched;
    out.matched_cost += std::pow(out.distance_m[i], p);
  }
  return out;
}

}  // namespace iadsim
