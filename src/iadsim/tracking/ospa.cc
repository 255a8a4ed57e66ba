#include "iadsim/tracking/ospa.h"

#include <algorithm>
#include <cmath>

#include "iadsim/tracking/cutoff_matching.h"

namespace iadsim {

OspaResult Ospa(const std::vector<Eigen::Vector3d>& x, const std::vector<Eigen::Vector3d>& y, double c_m, double p) {
  const CutoffMatch match = SolveCutoffMatching(x, y, c_m, p);
  const int small = static_cast<int>(std::min(x.size(), y.size()));
  const int large = static_cast<int>(std::max(x.size(), y.size()));
  OspaResult r;
  if (large == 0) return r;
  const double cp = std::pow(c_m, p);
  // Pairs of the full assignment that are not closer than c cost c^p each.
  const double assignment = match.matched_cost + cp * (small - match.matched);
  const double cardinality = cp * (large - small);
  r.distance_m = std::pow((assignment + cardinality) / large, 1.0 / p);
  r.localisation_m = std::pow(assignment / large, 1.0 / p);
  r.cardinality_m = std::pow(cardinality / large, 1.0 / p);
  return r;
}

}  // namespace iadsim
