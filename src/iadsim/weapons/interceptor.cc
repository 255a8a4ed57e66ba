#include "iadsim/weapons/interceptor.h"
#include "iadsim/world/line_of_sight.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>
#include <tuple>
#include <utility>

#include "iadsim/geodesy/intercept_time.h"
#include "iadsim/world/line_of_sight.h"
#include "iadsim/weapons/guidance.h"
#include "iadsim/world/atmosphere.h"

namespace iadsim {
namespace {

constexpr double kG0Mps2 = 9.80665;
constexpr double kMaxThrustAccelG = 1000.0;
constexpr double kDegToRad = std::numbers::pi / 180.0;

// e^d: for |d| <= 1/16 its Taylor series to d^9 (truncation below 3e-19 relative, so within a few
// ulp of std::exp), else std::exp. The flyout's stages differ in ln(density) by ~1e-3.
double ExpOfSmall(double d) {
  if (!(std::abs(d) <= 0.0625)) return std::exp(d);
  constexpr double c2 = 1.0 / 2, c3 = 1.0 / 6, c4 = 1.0 / 24, c5 = 1.0 / 120, c6 = 1.0 / 720, c7 = 1.0 / 5040,
                   c8 = 1.0 / 40320, c9 = 1.0 / 362880;
  return 1.0 + d * (1.0 + d * (c2 + d * (c3 + d * (c4 + d * (c5 + d * (c6 + d * (c7 + d * (c8 + d * c9))))))));
}

void Add(Problems& out, const char* path, std::string message) {
  Problem p;
  p.path = path;
  p.message = std::move(message);
  out.push_back(std::move(p));
}
void RequirePositive(Problems& out, const char* name, double value) {
  if (!(value > 0.0 && std::isfinite(value)))
    Add(out, name, fmt::format("must be > 0 (got {})", value));
}
void RequireNonNegative(Problems& out, const char* name, double value) {
  if (!(value >= 0.0 && std::isfinite(value)))
    Add(out, name, fmt::format("must be >= 0 (got {})", value));
}

}  // namespace

Problems InterceptorConfig::Validate() const {
  Problems out;
  RequirePositive(out, "launch_mass", launch_mass_kg);
  RequirePositive(out, "boost_propellant", boost_propellant_kg);
  RequirePositive(out, "boost_time", boost_time_s);
  RequirePositive(out, "boost_thrust", boost_thrust_n);
  RequireNonNegative(out, "sustain_time", sustain_time_s);
  if (sustain_time_s > 0.0) {
    RequirePositive(out, "sustain_propellant", sustain_propellant_kg);
    RequirePositive(out, "sustain_thrust", sustain_thrust_n);
  } else {
    if (!(sustain_propellant_kg == 0.0))
      Add(out, "sustain_propellant",
          fmt::format("must be 0 without a sustainer (got {})", sustain_propellant_kg));
    if (!(sustain_thrust_n == 0.0))
      Add(out, "sustain_thrust",
          fmt::format("must be 0 without a sustainer (got {})", sustain_thrust_n));
  }
  if (boost_propellant_kg + sustain_propellant_kg >= launch_mass_kg)
    Add(out, "boost_propellant",
        fmt::format("must be < launch_mass - sustain_propellant (got {} + {} >= {})",
                    boost_propellant_kg, sustain_propellant_kg, launch_mass_kg));
  RequirePositive(out, "reference_area", reference_area_m2);
  if (!(drag_coefficient >= 0.0 && drag_coefficient <= 10.0))  // a missile's is ~0.1-1
    Add(out, "drag_coefficient", fmt::format("must be in [0, 10] (got {})", drag_coefficient));
  RequirePositive(out, "max_lateral_accel", max_lateral_accel_mps2);
  if (!(nav_gain > 0.0 && nav_gain <= kMaxNavGain))
    Add(out, "nav_gain", fmt::format("must be in (0, {:g}] (got {})", kMaxNavGain, nav_gain));
  RequirePositive(out, "max_flight_time", max_flight_time_s);
  RequireNonNegative(out, "min_speed", min_speed_mps);
  RequireNonNegative(out, "arming_time", arming_time_s);
  RequirePositive(out, "fuze_radius", fuze_radius_m);
  RequirePositive(out, "lethal_radius", lethal_radius_m);
  if (!(kill_probability >= 0.0 && kill_probability <= 1.0))
    Add(out, "kill_probability", fmt::format("must be in [0, 1] (got {})", kill_probability));
  if (!(launch_elevation_deg > 0.0 && launch_elevation_deg <= 90.0))
    Add(out, "launch_elevation",
        fmt::format("must be in (0, 90] deg (got {})", launch_elevation_deg));
  RequireNonNegative(out, "vertical_climb", vertical_climb_s);
  RequirePositive(out, "pitch_over_time_constant", pitch_over_time_constant_s);
  if (!(pn_handover_angle_deg > 0.0 && pn_handover_angle_deg < 180.0))
    Add(out, "pn_handover_angle",
        fmt::format("must be in (0, 180) deg (got {})", pn_handover_angle_deg));
  // Thrust over the mass left when each motor burns out: above 1000 g no rocket flies (the fastest
  // interceptors reach about 100 g), and the flyout's states overflow (1e20 N made them NaN).
  if (out.empty()) {
    const double boost_end_kg = launch_mass_kg - boost_propellant_kg;
    const double sustain_end_kg = boost_end_kg - sustain_propellant_kg;
    for (const auto& [key, thrust, mass] : {std::tuple{"boost_thrust", boost_thrust_n, boost_end_kg},
                                            std::tuple{"sustain_thrust", sustain_thrust_n, sustain_end_kg}})
      if (!(thrust / mass <= kMaxThrustAccelG * kG0Mps2))
        Add(out, key, fmt::format("gives {:.3g} g at burnout ({} N over {} kg); at most {:g} g", thrust / mass / kG0Mps2,
                                  thrust, mass, kMaxThrustAccelG));
  }
  return out;
}

Interceptor::Interceptor(const InterceptorConfig& config, const Vec3& launch_p_enu,
                         const Vec3& initial_direction_enu, double frame_origin_alt_m)
    : config_(config), frame_origin_alt_m_(frame_origin_alt_m),
      ln_density_table_(StandardAtmosphereLnDensityTable()) {
  const Problems problems = config_.Validate();
  IADSIM_CHECK(problems.empty(), "invalid InterceptorConfig: " + problems.front().ToString());
  const double elevation_rad = config_.launch_elevation_deg * kDegToRad;
  const Vec3 horizontal(initial_direction_enu.x(), initial_direction_enu.y(), 0.0);
  if (config_.launch_elevation_deg == 90.0) {
    launch_direction_enu_ = Vec3::UnitZ();
  } else {
    IADSIM_CHECK(horizontal.norm() > 0.0,
                 "an inclined launch needs a direction with a horizontal part");
    launch_direction_enu_ =
        std::cos(elevation_rad) * horizontal.normalized() + std::sin(elevation_rad) * Vec3::UnitZ();
  }
  state_.p_enu = launch_p_enu;
  state_.v_enu = Vec3::Zero();
  state_.mass_kg = config_.launch_mass_kg;
  state_.time_s = 0.0;
}

bool Interceptor::burned_out() const {
  return state_.time_s >= config_.boost_time_s + config_.sustain_time_s;
}

double Interceptor::AltitudeOf(const Vec3& p) const {
  return frame_origin_alt_m_ + p.z() + (p.x() * p.x() + p.y() * p.y()) / (2.0 * kEarthRadiusM);
}

bool Interceptor::armed() const { return state_.time_s >= config_.arming_time_s; }

Vec3 Interceptor::GuidanceCommand(const Vec3& target_p_enu, const Vec3& target_v_enu) {
  const Vec3& p = state_.p_enu;
  const Vec3& v = state_.v_enu;
  const double speed = v.norm();
  if (state_.time_s < config_.vertical_climb_s || !(speed > 0.0)) return Vec3::Zero();
  const Vec3 v_hat = v / speed;

  Vec3 a = Vec3::Zero();
  if (!pn_engaged_) {
    // Pitch-over toward the predicted intercept point: |r + v_t t| = speed t, smallest t > 0.
    const Vec3 r = target_p_enu - p;
    const std::optional<double> t_hit = InterceptTime(r, target_v_enu, speed);
    const Vec3 aim = t_hit ? Vec3(r + target_v_enu * *t_hit) : r;
    if (!(aim.norm() > 0.0)) return Vec3::Zero();
    const Vec3 aim_hat = aim.normalized();
    const double theta = std::acos(std::clamp(v_hat.dot(aim_hat), -1.0, 1.0));
    if (theta < config_.pn_handover_angle_deg * kDegToRad) {
      pn_engaged_ = true;
    } else {
      Vec3 n = aim_hat - aim_hat.dot(v_hat) * v_hat;
      // Exactly opposite: any perpendicular will do; take the one toward "up".
      if (!(n.norm() > 1e-12)) n = Vec3::UnitZ() - v_hat.z() * v_hat;
      if (!(n.norm() > 1e-12)) n = Vec3::UnitX() - v_hat.x() * v_hat;
      a = (speed * theta / config_.pitch_over_time_constant_s) * n.normalized();
    }
  }
  if (pn_engaged_) a = ProportionalNavigation(p, v, target_p_enu, target_v_enu, config_.nav_gain);

  // Gravity compensation: the lateral part of -g.
  const Vec3 up = kG0Mps2 * Vec3::UnitZ();
  a += up - up.dot(v_hat) * v_hat;
  const double norm = a.norm();
  if (norm > config_.max_lateral_accel_mps2) a *= config_.max_lateral_accel_mps2 / norm;
  return a;
}

void Interceptor::Integrate(double t0, double t1, int burn_phase, const Vec3& a_cmd) {
  const InterceptorConfig& c = config_;
  // Thrust and mass within this burn phase (0 boost, 1 sustain, 2 coast): smooth in time.
  const double thrust_n = burn_phase == 0   ? c.boost_thrust_n
                          : burn_phase == 1 ? c.sustain_thrust_n
                                            : 0.0;
  auto mass = [&](double t) {
    if (burn_phase == 0) return c.launch_mass_kg - c.boost_propellant_kg * t / c.boost_time_s;
    const double after_boost = c.launch_mass_kg - c.boost_propellant_kg;
    if (burn_phase == 1)
      return after_boost - c.sustain_propellant_kg * (t - c.boost_time_s) / c.sustain_time_s;
    return after_boost - c.sustain_propellant_kg;
  };
  const Vec3 gravity(0.0, 0.0, -kG0Mps2);
  const double drag_coefficient = c.drag_coefficient;
  const double reference_area_m2 = c.reference_area_m2;
  const Vec3 launch_direction = launch_direction_enu_;
  // dv/dt for a mass, an air density and a velocity. Each stage's mass and air density are
  // computed before the chain of velocity-dependent work (the density of stage k+1 depends on the
  // position only, known before stage k's velocity is), with the same operations as one
  // accel(t, p, v) = (T - D(rho(h(p)), |v|)) / m(t) v_hat + g + a_cmd, so the same numbers.
  auto accel = [&](double mass_kg, double rho, const Vec3& v) -> Vec3 {
    const double speed = v.norm();
    const Vec3 along = speed > 1e-9 ? Vec3(v / speed) : launch_direction;
    const double drag_n = 0.5 * rho * speed * speed * drag_coefficient * reference_area_m2;
    return (thrust_n - drag_n) / mass_kg * along + gravity + a_cmd;
  };
  // Air density at the four stages: one exp at the start of the step, and the ratio of each later
  // stage's density to it, e^(ln rho_k - ln rho_1), from its series (the stages are metres apart).
  auto ln_density = [&](const Vec3& p) { return StandardAtmosphereLnDensityFromTable(ln_density_table_, AltitudeOf(p)); };
  const double h = t1 - t0;
  const double m_start = mass(t0);
  const double m_mid = mass(t0 + 0.5 * h);
  const double m_end = mass(t1);
  const Vec3 p0 = state_.p_enu;
  const Vec3 v0 = state_.v_enu;
  const Vec3 k1p = v0;
  const double ln_rho1 = ln_density(p0);
  const double rho1 = std::exp(ln_rho1);
  const double rho2 = rho1 * ExpOfSmall(ln_density(p0 + 0.5 * h * k1p) - ln_rho1);
  const Vec3 k1v = accel(m_start, rho1, v0);
  const Vec3 k2p = v0 + 0.5 * h * k1v;
  const double rho3 = rho1 * ExpOfSmall(ln_density(p0 + 0.5 * h * k2p) - ln_rho1);
  const Vec3 k2v = accel(m_mid, rho2, k2p);
  const Vec3 k3p = v0 + 0.5 * h * k2v;
  const double rho4 = rho1 * ExpOfSmall(ln_density(p0 + h * k3p) - ln_rho1);
  const Vec3 k3v = accel(m_mid, rho3, k3p);
  const Vec3 k4p = v0 + h * k3v;
  const Vec3 k4v = accel(m_end, rho4, k4p);
  state_.p_enu = p0 + h / 6.0 * (k1p + 2.0 * k2p + 2.0 * k3p + k4p);
  state_.v_enu = v0 + h / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
  state_.time_s = t1;
  state_.mass_kg = m_end;
}

int Interceptor::StepSpan(const Vec3& target_p_enu, const Vec3& target_v_enu, int midcourse_span,
                          double terminal_time_to_go_s) const {
  if (midcourse_span <= 1 || !pn_engaged_) return 1;
  const Vec3 r = target_p_enu - state_.p_enu;
  const double range = r.norm();
  const double closing = -r.dot(target_v_enu - state_.v_enu) / std::max(range, 1e-9);
  if (closing > 0.0 && range < closing * terminal_time_to_go_s) return 1;
  return midcourse_span;
}

void Interceptor::DisableSelfDestruct() {
  self_destruct_disabled_ = true;
  self_destruct_ = SelfDestruct::kNone;
}

void Interceptor::Step(double dt_s, const Vec3& target_p_enu, const Vec3& target_v_enu) {
  IADSIM_CHECK(dt_s > 0.0, fmt::format("Interceptor::Step needs dt_s > 0 (got {})", dt_s));
  if (self_destruct_ != SelfDestruct::kNone) return;
  const Vec3 a_cmd = GuidanceCommand(target_p_enu, target_v_enu);
  last_accel_command_ = a_cmd;

  // Split the step at the ends of the burns.
  const double boost_end = config_.boost_time_s;
  const double sustain_end = config_.boost_time_s + config_.sustain_time_s;
  const double t_end = state_.time_s + dt_s;
  double t = state_.time_s;
  while (t < t_end) {
    const int phase = t < boost_end ? 0 : t < sustain_end ? 1 : 2;
    const double phase_end = phase == 0 ? boost_end : phase == 1 ? sustain_end : t_end;
    const double t_next = std::min(t_end, phase_end);
    Integrate(t, t_next, phase, a_cmd);
    t = t_next;
  }

  if (self_destruct_disabled_) {
    // A failed self-destruct: the missile flies on until the ground.
  } else if (state_.time_s >= config_.max_flight_time_s) {
    self_destruct_ = SelfDestruct::kMaxFlightTime;
  } else if (burned_out() && state_.v_enu.norm() < config_.min_speed_mps) {
    self_destruct_ = SelfDestruct::kTooSlow;
  }
}

}  // namespace iadsim
