#include "iadsim/sim/navigation_solution.h"

#include <algorithm>

namespace iadsim {

NavigationSolution::NavigationSolution(const NavigationConfig& c, RandomStream& rng, double start_s, bool gnss_tracking,
                                       const Vec2& initial_error_en)
    : config_(c), draw_(c, rng), tracking_(gnss_tracking), since_s_(start_s), base_en_(initial_error_en) {}

void NavigationSolution::GnssLost(double t_s) {
  if (!tracking_) return;
  base_en_ = ErrorEn(t_s);
  tracking_ = false;
  since_s_ = t_s;
}

void NavigationSolution::GnssRegained() { tracking_ = true; }

void NavigationSolution::Fix(double t_s, const Vec2& fix_error_en) {
  if (tracking_) return;  // GNSS-aided already: a fix adds nothing
  base_en_ = fix_error_en;
  since_s_ = t_s;
}

Vec2 NavigationSolution::ErrorEn(double t_s) const {
  const Vec2 u = draw_.direction() * draw_.multiplier();
  if (tracking_) return u * config_.cep_gnss_m;
  return base_en_ + u * config_.drift_mps * std::max(0.0, t_s - since_s_);
}

}  // namespace iadsim
