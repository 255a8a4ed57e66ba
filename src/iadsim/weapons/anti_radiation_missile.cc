#include "iadsim/weapons/anti_radiation_missile.h"

#include <fmt/format.h>

#include <Eigen/Geometry>  // cross products
#include <cmath>
#include <string>
#include <utility>

#include "iadsim/weapons/guidance.h"

namespace iadsim {
namespace {

void Add(Problems& out, const char* path, std::string message) {
  Problem p;
  p.path = path;
  p.message = std::move(message);
  out.push_back(std::move(p));
}
void RequirePositive(Problems& out, const char* path, double value) {
  if (!(value > 0.0 && std::isfinite(value))) Add(out, path, fmt::format("must be > 0 (got {})", value));
}

// Two unit vectors perpendicular to the unit LOS u: e1 horizontal (cross-range), e2 = u × e1
// (in the vertical plane of the LOS). For a vertical LOS e1 is east.
void PerpendicularAxes(const Vec3& u, Vec3& e1, Vec3& e2) {
  const Vec3 h = Vec3::UnitZ().cross(u);
  e1 = h.norm() > 1e-12 ? Vec3(h.normalized()) : Vec3(Vec3::UnitX());
  e2 = u.cross(e1).normalized();
}

}  // namespace

Problems AntiRadiationConfig::Validate() const {
  Problems out;
  if (!(speed_mps > 0.0 && speed_mps <= 3000.0))
    Add(out, "speed", fmt::format("must be in (0, 3000] m/s (got {})", speed_mps));
  RequirePositive(out, "max_lateral_accel", max_lateral_accel_mps2);
  if (!(nav_gain > 0.0 && nav_gain <= kMaxNavGain))
    Add(out, "nav_gain", fmt::format("must be in (0, {:g}] (got {})", kMaxNavGain, nav_gain));
  if (!(angle_sigma_rad >= 0.0 && angle_sigma_rad <= 0.1))
    Add(out, "angle_sigma", fmt::format("must be in [0, 0.1] rad (got {})", angle_sigma_rad));
  RequirePositive(out, "max_flight_time", max_flight_time_s);
  RequirePositive(out, "lethal_radius", lethal_radius_m);
  return out;
}

AntiRadiationMissile::AntiRadiationMissile(const AntiRadiationConfig& c, const Vec3& p_enu,
                                           const Vec3& v_enu, const Vec3& initial_aim_enu)
    : config_(c), p_enu_(p_enu), aim_enu_(initial_aim_enu) {
  const Problems problems = config_.Validate();
  IADSIM_CHECK(problems.empty(), "invalid AntiRadiationConfig: " + problems.front().ToString());
  const double n = v_enu.norm();
  IADSIM_CHECK(n > 0.0 && std::isfinite(n), "the initial velocity must give a direction");
  v_enu_ = v_enu * (config_.speed_mps / n);
}

void AntiRadiationMissile::Step(double dt_s, const std::optional<Vec3>& emitter_p_enu, RandomStream& rng) {
  IADSIM_CHECK(dt_s > 0.0 && std::isfinite(dt_s), fmt::format("dt must be > 0 (got {})", dt_s));
  // Seeker: the emitter estimate from the measured LOS, or the memorised point.
  homing_ = emitter_p_enu.has_value();
  if (homing_) {
    const Vec3 r = *emitter_p_enu - p_enu_;
    const double range_m = r.norm();
    if (range_m > 0.0) {
      Vec3 u = r / range_m;
      if (config_.angle_sigma_rad > 0.0) {
        Vec3 e1, e2;
        PerpendicularAxes(u, e1, e2);
        const double n1 = rng.Normal(0.0, config_.angle_sigma_rad);
        const double n2 = rng.Normal(0.0, config_.angle_sigma_rad);
        u = (u + n1 * e1 + n2 * e2).normalized();
      }
      const std::optional<Vec3> ground = GroundIntersection(p_enu_, u, emitter_p_enu->z());
      aim_enu_ = ground ? *ground : Vec3(p_enu_ + (aim_enu_ - p_enu_).norm() * u);
    } else {
      aim_enu_ = *emitter_p_enu;
    }
  }
  // PN toward the (static) aim point, limited, turning the velocity at constant speed.
  Vec3 a = ProportionalNavigation(p_enu_, v_enu_, aim_enu_, Vec3::Zero(), config_.nav_gain);
  const double a_norm = a.norm();
  if (a_norm > config_.max_lateral_accel_mps2) a *= config_.max_lateral_accel_mps2 / a_norm;
  const double speed = config_.speed_mps;
  const double a_lat = a.norm();
  if (a_lat > 0.0) {
    const double angle = a_lat * dt_s / speed;
    v_enu_ = std::cos(angle) * v_enu_ + std::sin(angle) * speed * (a / a_lat);
    v_enu_ *= speed / v_enu_.norm();  // hold the speed against rounding
  }
  p_enu_ += v_enu_ * dt_s;
  time_s_ += dt_s;
}

std::optional<Vec3> GroundIntersection(const Vec3& p_enu, const Vec3& los_unit_enu, double ground_up_m) {
  if (!(los_unit_enu.z() < 0.0)) return std::nullopt;
  const double t = (ground_up_m - p_enu.z()) / los_unit_enu.z();
  if (t < 0.0) return std::nullopt;
  Vec3 hit = p_enu + t * los_unit_enu;
  hit.z() = ground_up_m;
  return hit;
}

}  // namespace iadsim
