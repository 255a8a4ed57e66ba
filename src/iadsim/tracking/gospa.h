#pragma once
// GOSPA: the generalized optimal sub-pattern assignment metric between a set of true positions X
// (|X| = n) and a set of estimated positions Y (|Y| = m), cut-off c > 0 (m), order p >= 1,
// 0 < alpha <= 2 (Rahmathullah, Garcia-Fernandez & Svensson, FUSION 2017, Def. 1):
//   for n <= m:  d = ( min_pi sum_{i=1..n} min(d(x_i, y_pi(i)), c)^p + (c^p / alpha) (m - n) )^(1/p)
//   (symmetric in X and Y), pi over the injections of the smaller set into the larger one.
// With alpha = 2 (the recommended value, and the default of `iadsim score`) it equals
//   d = ( sum_{(i,j) in gamma} d(x_i, y_j)^p + (c^p / 2) (#missed + #false) )^(1/p)
// minimised over partial matchings gamma of pairs closer than c (Prop. 1), and splits into
//   localisation  = sum over gamma of d^p              (m^p)
//   missed        = (c^p / 2) * (true objects not in gamma)
//   false         = (c^p / 2) * (estimates not in gamma)
// with d^p = localisation + missed + false. For alpha != 2 the split is not defined (decomposed
// = false; the counts are still those of the optimal matching).
// Worked values (c = 10, p = 2): X = {0}, Y = {} -> sqrt(100/2) = 7.07;
// X = {0, 100}, Y = {1} -> sqrt(1 + 50) = 7.14. Euclidean distance in 2-D or 3-D (z = 0 for 2-D).
// Units: metres; valid for any finite positions. Matching: tracking/cutoff_matching.h.
#include <Eigen/Core>

#include <vector>

namespace iadsim {

struct GospaConfig {
  double c_m = 500.0;  // cut-off (m), > 0: the largest distance counted as localisation error
  double p = 2.0;      // order, >= 1
  double alpha = 2.0;  // in (0, 2]; 2 gives the localisation / missed / false decomposition
};

struct GospaResult {
  double distance_m = 0.0;       // d
  bool decomposed = false;       // alpha == 2
  double localisation_mp = 0.0;  // sum over matched pairs of d^p (m^p)
  double missed_mp = 0.0;        // (c^p / 2) * missed
  double false_mp = 0.0;         // (c^p / 2) * false_tracks
  int matched = 0;               // pairs closer than c in the optimal matching
  int missed = 0;                // true objects left unmatched
  int false_tracks = 0;          // estimates left unmatched
};

// Checks the config (a violation aborts: the CLI validates its options before calling).
GospaResult Gospa(const std::vector<Eigen::Vector3d>& truth, const std::vector<Eigen::Vector3d>& estimates,
                  const GospaConfig& config);

}  // namespace iadsim
