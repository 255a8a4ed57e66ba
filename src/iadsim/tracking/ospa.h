#pragma once
// OSPA: the optimal sub-pattern assignment metric (Schuhmacher, Vo & Vo, "A consistent metric for
// performance evaluation of multi-object filters", IEEE Trans. Signal Processing 56(8), 2008):
// for X = {x_1..x_n}, Y = {y_1..y_m}, n <= m (symmetric otherwise), cut-off c > 0 (m), order p >= 1,
//   d = ( (1/m) ( min_pi sum_{i=1..n} min(d(x_i, y_pi(i)), c)^p + c^p (m - n) ) )^(1/p)
// d = 0 when both sets are empty; d = c when exactly one is empty. Bounded by c; the cardinality
// error is charged c per missing point and averaged over the larger set (unlike GOSPA, which does
// not normalise). Worked values (c = 10, p = 2): X = {0}, Y = {} -> 10;
// X = {0, 100}, Y = {1} -> sqrt((1 + 100) / 2) = 7.11. Units: metres.
#include <Eigen/Core>

#include <vector>

namespace iadsim {

struct OspaResult {
  double distance_m = 0.0;      // d
  double localisation_m = 0.0;  // ((1/m) sum min(d, c)^p)^(1/p): the part from the assignment
  double cardinality_m = 0.0;   // ((1/m) c^p (m - n))^(1/p): the part from the size difference
};

// c_m > 0 and p >= 1 (checked: a violation aborts).
OspaResult Ospa(const std::vector<Eigen::Vector3d>& x, const std::vector<Eigen::Vector3d>& y, double c_m, double p);

}  // namespace iadsim
