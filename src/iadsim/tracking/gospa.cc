#include "iadsim/tracking/gospa.h"

#include <algorithm>
#include <cmath>

#include "iadsim/core/error.h"
#include "iadsim/tracking/cutoff_matching.h"

namespace iadsim {

GospaResult Gospa(const std::vector<Eigen::Vector3d>& truth, const std::vector<Eigen::Vector3d>& estimates,
                  const GospaConfig& config) {
  IADSIM_CHECK(config.alpha > 0.0 && config.alpha <= 2.0, "GOSPA alpha must be in (0, 2]");
  const CutoffMatch match = SolveCutoffMatching(truth, estimates, config.c_m, config.p);
  const int n = static_cast<int>(truth.size());
  const int m = static_cast<int>(estimates.size());
  const double cp = std::pow(config.c_m, config.p);
  GospaResult r;
  r.matched = match.matched;
  r.missed = n - match.matched;
  r.false_tracks = m - match.matched;
  r.decomposed = config.alpha == 2.0;
  if (r.decomposed) {
    r.localisation_mp = match.matched_cost;
    r.missed_mp = 0.5 * cp * r.missed;
    r.false_mp = 0.5 * cp * r.false_tracks;
    r.distance_m = std::pow(r.localisation_mp + r.missed_mp + r.false_mp, 1.0 / config.p);
  } else {
    // Full assignment of the smaller set: matched pairs, then c^p for each of its other points.
    const int small = std::min(n, m);
    const double sum = match.matched_cost + cp * (small - match.matched) + cp / config.alpha * std::abs(n - m);
    r.distance_m = std::pow(sum, 1.0 / config.p);
  }
  return r;
}

}  // namespace iadsim
