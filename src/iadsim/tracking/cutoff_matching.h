#pragma once
// The optimal partial matching under a cut-off that OSPA and GOSPA share.
//   Given finite sets X = {x_1..x_n} and Y = {y_1..y_m} of positions (m), a cut-off c > 0 and an
//   order p >= 1, find the matching gamma (pairs (i, j), each index at most once, only pairs with
//   d(x_i, y_j) < c) that minimises
//       sum_{(i,j) in gamma} d(x_i, y_j)^p  +  (c^p / 2) (n + m - 2 |gamma|).
//   d is the Euclidean distance. This is GOSPA with alpha = 2 (Rahmathullah, Garcia-Fernandez &
//   Svensson, "Generalized optimal sub-pattern assignment metric", FUSION 2017, Prop. 1). The same
//   matching is optimal for OSPA and for GOSPA with any alpha: for them the cost of a full
//   assignment of the smaller set is sum min(d, c)^p, and a pair at d >= c costs c^p whether it is
//   kept or dropped, so the full-assignment cost is sum_{gamma} d^p + c^p (min(n, m) - |gamma|),
//   which differs from the objective above by a constant (c^p / 2) |n - m|.
// Method: the partial problem is made a perfect matching on (n + m) x (m + n) by one dummy column
// per x (cost c^p / 2), one dummy row per y (cost c^p / 2) and, for every candidate pair (i, j),
// a zero-cost pair (dummy y_j, dummy x_i); solved by SolveSparseAssignment (tracking/assignment.h)
// on the candidate pairs only. Candidates (d < c) are found by a sweep on the x coordinate, so the
// work grows with the number of near pairs, not with n * m.
#include <Eigen/Core>

#include <vector>

namespace iadsim {

struct CutoffMatch {
  std::vector<int> x_to_y;          // for each x, the matched y, or -1
  std::vector<int> y_to_x;          // for each y, the matched x, or -1
  std::vector<double> distance_m;   // for each x, d(x, y_matched); 0 when unmatched
  int matched = 0;                  // |gamma|
  double matched_cost = 0.0;        // sum over gamma of d^p (m^p)
};

// x, y: positions in metres (2-D data with z = 0). c_m > 0, p >= 1 (checked: a violation aborts).
CutoffMatch SolveCutoffMatching(const std::vector<Eigen::Vector3d>& x, const std::vector<Eigen::Vector3d>& y,
                                double c_m, double p);

// All pairs (i, j) with |x_i - y_j| < radius, in increasing (i, j) order; by a sweep on the first
// coordinate. Shared with the SIAP association.
struct NearPair {
  int i = 0;
  int j = 0;
  double distance_m = 0.0;
};
std::vector<NearPair> FindNearPairs(const std::vector<Eigen::Vector3d>& x, const std::vector<Eigen::Vector3d>& y,
                                    double radius_m);

}  // namespace iadsim
