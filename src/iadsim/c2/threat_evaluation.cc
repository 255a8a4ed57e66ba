#include "iadsim/c2/threat_evaluation.h"

#include <cmath>

namespace iadsim {

ThreatAssessment AssessThreat(TrackId track, const Vec3& p_enu, const Vec3& v_enu,
                              const std::vector<DefendedAsset>& assets) {
  ThreatAssessment best{track};
  const Eigen::Vector2d v = v_enu.head<2>();
  const double v2 = v.squaredNorm();
  for (std::size_t i = 0; i < assets.size(); ++i) {
    const Eigen::Vector2d r = (p_enu - assets[i].p_enu).head<2>();
    if (v2 < 1e-6) continue;
    const double t = -r.dot(v) / v2;
    if (t <= 0.0) continue;
    const double d = (r + v * t).norm();
    if (!best.inbound || t < best.time_to_cpa_s) {
      best.asset = static_cast<int>(i);
      best.asset_name = assets[i].name;
      best.time_to_cpa_s = t;
      best.cpa_m = d;
      best.inbound = true;
    }
  }
  return best;
}

}  // namespace iadsim
