#include "iadsim/c2/capture_zone.h"

#include <algorithm>
#include <cmath>

namespace iadsim {

double RangeSumRate(const Vec3& illuminator, const Vec3& p, const Vec3& v, const Vec3& m, const Vec3& v_m) {
  const Vec3 a = p - illuminator, b = p - m;
  const double ra = a.norm(), rb = b.norm();
  return (ra > 0.0 ? a.dot(v) / ra : 0.0) + (rb > 0.0 ? b.dot(v - v_m) / rb : 0.0);
}

std::optional<CaptureConflict> FindCaptureConflict(const CaptureZoneGeometry& g, const Vec3& target_p,
                                                   const Vec3& target_v, const Vec3& other_p, const Vec3& other_v,
                                                   double flight_time_s) {
  const Vec3 aim = target_p + target_v * flight_time_s - g.launcher_enu;
  if (aim.norm() <= 0.0) return std::nullopt;
  const Vec3 u = aim.normalized();
  const Vec3 v_m = u * g.missile_speed_mps;
  const int steps = static_cast<int>(std::ceil(std::max(flight_time_s, 0.0) / g.step_s));
  for (int k = 0; k <= steps; ++k) {
    const double tau = std::min(k * g.step_s, flight_time_s);
    const Vec3 pt = target_p + target_v * tau, pf = other_p + other_v * tau;
    const Vec3 m = g.launcher_enu + v_m * tau;
    const Vec3 bt = pt - g.illuminator_enu, bf = pf - g.illuminator_enu;
    const double cosine = std::clamp(bt.dot(bf) / (bt.norm() * bf.norm()), -1.0, 1.0);
    const double off = std::acos(cosine);
    if (off > g.beamwidth_rad / 2.0) continue;
    const double dr = RangeSumRate(g.illuminator_enu, pf, other_v, m, v_m) -
                      RangeSumRate(g.illuminator_enu, pt, target_v, m, v_m);
    if (std::abs(dr) <= g.doppler_gate_mps) return CaptureConflict{tau, off, dr};
  }
  return std::nullopt;
}

}  // namespace iadsim
