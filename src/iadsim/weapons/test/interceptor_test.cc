// Interceptor flyout: the ideal rocket equation (drag off), intercepts of constant-velocity
// targets with the fuze's closest approach, the curvature correction of the air density,
// self-destruct, the command limit, and configuration problems.
#include "iadsim/weapons/interceptor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "iadsim/weapons/fuze.h"

namespace iadsim {
namespace {

constexpr double kG = 9.80665;

// Flies vertically (no guidance) until burnout, returns the state there.
InterceptorState FlyToBurnout(const InterceptorConfig& c, double dt) {
  Interceptor m(c, Vec3::Zero(), Vec3::UnitZ());
  const Vec3 far_target(0, 0, 1e6);
  while (!m.burned_out()) m.Step(dt, far_target, Vec3::Zero());
  return m.state();
}

// Ideal rocket equation, vertical flight in constant gravity, no drag (Sutton, ch. 4):
//   v(t) = c ln(m0 / m(t)) - g t,   h(t) = c [t - (m(t)/mdot) ln(m0 / m(t))] - g t^2 / 2,
// c = Isp g0 = thrust * burn time / propellant mass.
TEST(Interceptor, BurnoutSpeedMatchesTheRocketEquationWithoutDrag) {
  InterceptorConfig c;
  c.drag_coefficient = 0.0;
  c.vertical_climb_s = 1e3;  // no guidance: stays vertical
  const double exhaust_mps = c.boost_thrust_n * c.boost_time_s / c.boost_propellant_kg;
  const double m0 = c.launch_mass_kg, m1 = m0 - c.boost_propellant_kg;
  const double mdot = c.boost_propellant_kg / c.boost_time_s;
  const double tb = c.boost_time_s;
  const double v_ideal = exhaust_mps * std::log(m0 / m1) - kG * tb;
  const double h_ideal = exhaust_mps * (tb - m1 / mdot * std::log(m0 / m1)) - 0.5 * kG * tb * tb;
  for (double dt : {0.01, 0.007}) {  // 0.007 s does not divide the burn: a split step
    SCOPED_TRACE(dt);
    const InterceptorState s = FlyToBurnout(c, dt);
    // Burnout is detected at the end of the step that crosses it: coast back to tb.
    const double overshoot = s.time_s - tb;
    ASSERT_GE(overshoot, -1e-9);
    ASSERT_LT(overshoot, dt);
    EXPECT_NEAR(s.v_enu.z() + kG * overshoot, v_ideal, 5e-3 * v_ideal);  // the brief's 0.5 %
    EXPECT_NEAR(s.v_enu.z() + kG * overshoot, v_ideal, 1e-6 * v_ideal);  // what RK4 achieves
    EXPECT_NEAR(s.p_enu.z() - s.v_enu.z() * overshoot - 0.5 * kG * overshoot * overshoot, h_ideal,
                1e-6 * h_ideal);
    EXPECT_NEAR(s.p_enu.x(), 0.0, 1e-9);
    EXPECT_NEAR(s.p_enu.y(), 0.0, 1e-9);
    EXPECT_DOUBLE_EQ(s.mass_kg, m1);
  }
}

TEST(Interceptor, TwoBurnsAddTheirRocketEquations) {
  InterceptorConfig c;
  c.drag_coefficient = 0.0;
  c.vertical_climb_s = 1e3;
  c.boost_propellant_kg = 600;
  c.boost_time_s = 6;
  c.boost_thrust_n = 1.5e5;
  c.sustain_propellant_kg = 300;
  c.sustain_time_s = 15;
  c.sustain_thrust_n = 4.0e4;
  const double m0 = c.launch_mass_kg, m1 = m0 - 600, m2 = m1 - 300;
  const double c1 = 1.5e5 * 6 / 600, c2 = 4.0e4 * 15 / 300;
  const double v_ideal = c1 * std::log(m0 / m1) + c2 * std::log(m1 / m2) - kG * 21.0;
  const InterceptorState s = FlyToBurnout(c, 0.01);
  const double overshoot = s.time_s - 21.0;
  EXPECT_NEAR(s.v_enu.z() + kG * overshoot, v_ideal, 1e-6 * v_ideal);
  EXPECT_DOUBLE_EQ(s.mass_kg, m2);
}

struct EngagementResult {
  double miss_m = std::numeric_limits<double>::infinity();
  double time_s = 0.0;
  double max_command_mps2 = 0.0;
  double max_command_along_v_mps2 = 0.0;
  Interceptor::SelfDestruct self_destruct = Interceptor::SelfDestruct::kNone;
};

// Flies the missile against a constant-velocity target, the true target state as the estimate,
// and returns the smallest closest approach (ClosestApproachInStep over each step) once armed.
EngagementResult Engage(const InterceptorConfig& c, Vec3 target_p, const Vec3& target_v) {
  constexpr double kDt = 0.01;
  Interceptor m(c, Vec3::Zero(), Vec3(target_p.x(), target_p.y(), 0.0));
  EngagementResult out;
  double previous_range = std::numeric_limits<double>::infinity();
  while (m.self_destruct() == Interceptor::SelfDestruct::kNone) {
    const Vec3 rel0 = target_p - m.state().p_enu;
    const Vec3 v_before = m.state().v_enu;
    m.Step(kDt, target_p, target_v);
    target_p += target_v * kDt;
    const Vec3 a = m.last_accel_command();
    out.max_command_mps2 = std::max(out.max_command_mps2, a.norm());
    if (v_before.norm() > 0.0)
      out.max_command_along_v_mps2 =
          std::max(out.max_command_along_v_mps2, std::fabs(a.dot(v_before.normalized())));
    const Vec3 rel1 = target_p - m.state().p_enu;
    const ClosestApproach ca = ClosestApproachInStep(rel0, (rel1 - rel0) / kDt, kDt);
    if (m.armed() && ca.distance_m < out.miss_m) {
      out.miss_m = ca.distance_m;
      out.time_s = m.state().time_s - kDt + ca.t_s;
    }
    const double range = rel1.norm();
    if (range > previous_range && range > 1000.0) break;  // passed the target
    previous_range = range;
  }
  out.self_destruct = m.self_destruct();
  return out;
}

// Zero-lag PN with a perfect estimate of a non-manoeuvring target has no miss in theory; what is
// left comes from the 10 ms steps and the command held over each (micrometres here).
constexpr double kIdealMissM = 0.1;

TEST(Interceptor, HitsAHeadOnTargetAt45Km) {
  const InterceptorConfig c;
  // Target 45 km north at 8 km altitude, flying south at 250 m/s.
  const EngagementResult r = Engage(c, {0, 45000, 8000}, {0, -250, 0});
  EXPECT_LT(r.miss_m, c.lethal_radius_m) << "at t = " << r.time_s;
  EXPECT_LT(r.miss_m, kIdealMissM);
  EXPECT_EQ(r.self_destruct, Interceptor::SelfDestruct::kNone);
  EXPECT_LE(r.max_command_mps2, c.max_lateral_accel_mps2 * (1 + 1e-12));
  EXPECT_LT(r.max_command_along_v_mps2, 1e-6);
}

TEST(Interceptor, HitsACrossingTarget) {
  const InterceptorConfig c;
  // Target 40 km north, 20 km west, 8 km up, flying east at 250 m/s (crosses the line of fire).
  const EngagementResult r = Engage(c, {-20000, 40000, 8000}, {250, 0, 0});
  EXPECT_LT(r.miss_m, c.lethal_radius_m) << "at t = " << r.time_s;
  EXPECT_LT(r.miss_m, kIdealMissM);
  EXPECT_EQ(r.self_destruct, Interceptor::SelfDestruct::kNone);
  EXPECT_LE(r.max_command_mps2, c.max_lateral_accel_mps2 * (1 + 1e-12));
}

TEST(Interceptor, HitsAHeadOnTargetAt60KmEast) {
  const InterceptorConfig c;
  const EngagementResult r = Engage(c, {60000, 0, 8000}, {-250, 0, 0});
  EXPECT_LT(r.miss_m, c.lethal_radius_m) << "at t = " << r.time_s;
  EXPECT_LT(r.miss_m, kIdealMissM);
}

TEST(Interceptor, VerticalClimbHasNoCommand) {
  const InterceptorConfig c;
  Interceptor m(c, Vec3::Zero(), Vec3(1, 0, 0));
  while (m.state().time_s < c.vertical_climb_s - 1e-9) {
    m.Step(0.01, {40000, 0, 8000}, {-250, 0, 0});
    EXPECT_EQ(m.last_accel_command(), Vec3::Zero());
    EXPECT_EQ(m.state().p_enu.x(), 0.0);
    EXPECT_EQ(m.state().p_enu.y(), 0.0);
  }
  EXPECT_GT(m.state().v_enu.z(), 0.0);
  m.Step(0.01, {40000, 0, 8000}, {-250, 0, 0});
  EXPECT_GT(m.last_accel_command().x(), 0.0);  // pitches over toward the target
}

// The density is taken at h = h0 + u + (e^2 + n^2) / (2 R): a missile launched 300 km from the
// frame origin flies in the air of (300 km)^2 / (2 * 6371 km) = 7063.26 m higher.
TEST(Interceptor, AirDensityUsesTheCurvatureCorrectedHeight) {
  InterceptorConfig c;
  c.vertical_climb_s = 1e3;
  const double dh = 300000.0 * 300000.0 / (2.0 * 6371000.0);
  Interceptor far(c, {300000, 0, 0}, Vec3::UnitZ());
  Interceptor raised(c, {0, 0, 0}, Vec3::UnitZ(), dh);
  Interceptor sea_level(c, {0, 0, 0}, Vec3::UnitZ());
  for (int i = 0; i < 1000; ++i) {
    for (Interceptor* m : {&far, &raised, &sea_level}) m->Step(0.01, {0, 0, 1e6}, Vec3::Zero());
  }
  EXPECT_NEAR(far.state().v_enu.z(), raised.state().v_enu.z(), 1e-9);
  EXPECT_GT(far.state().v_enu.z(), sea_level.state().v_enu.z() + 10.0);  // thinner air
}

TEST(Interceptor, SelfDestructsAtMaxFlightTime) {
  InterceptorConfig c;
  c.max_flight_time_s = 5.0;
  Interceptor m(c, Vec3::Zero(), Vec3::UnitZ());
  int steps = 0;
  while (m.self_destruct() == Interceptor::SelfDestruct::kNone && steps < 10000) {
    m.Step(0.01, {40000, 0, 8000}, {-250, 0, 0});
    ++steps;
  }
  EXPECT_EQ(m.self_destruct(), Interceptor::SelfDestruct::kMaxFlightTime);
  EXPECT_NEAR(m.state().time_s, 5.0, 0.01 + 1e-9);
  const InterceptorState frozen = m.state();
  m.Step(0.01, {40000, 0, 8000}, {-250, 0, 0});
  EXPECT_EQ(m.state().p_enu, frozen.p_enu);  // no longer moves
}

TEST(Interceptor, SelfDestructsWhenTooSlowAfterBurnout) {
  InterceptorConfig c;
  c.min_speed_mps = 600;
  // A receding target 80 km away, 2 km up: the missile decelerates in dense air after burnout.
  Interceptor m(c, Vec3::Zero(), Vec3::UnitY());
  Vec3 target(0, 80000, 2000);
  const Vec3 target_v(0, 300, 0);
  while (m.self_destruct() == Interceptor::SelfDestruct::kNone) {
    EXPECT_FALSE(m.burned_out() && m.state().v_enu.norm() < c.min_speed_mps);
    m.Step(0.01, target, target_v);
    target += target_v * 0.01;
  }
  EXPECT_EQ(m.self_destruct(), Interceptor::SelfDestruct::kTooSlow);
  EXPECT_TRUE(m.burned_out());
  EXPECT_LT(m.state().v_enu.norm(), c.min_speed_mps);
  EXPECT_LT(m.state().time_s, c.max_flight_time_s);
}

TEST(Interceptor, ArmsAtTheArmingTime) {
  const InterceptorConfig c;
  Interceptor m(c, Vec3::Zero(), Vec3::UnitZ());
  EXPECT_FALSE(m.armed());
  for (int i = 0; i < 199; ++i) m.Step(0.01, {0, 0, 1e5}, Vec3::Zero());
  EXPECT_FALSE(m.armed());
  m.Step(0.0100001, {0, 0, 1e5}, Vec3::Zero());
  EXPECT_TRUE(m.armed());
}

TEST(InterceptorConfig, DefaultsAreValid) { EXPECT_TRUE(InterceptorConfig{}.Validate().empty()); }

TEST(InterceptorConfig, ReportsEveryProblem) {
  InterceptorConfig c;
  c.launch_mass_kg = -5;
  c.boost_time_s = 0;
  c.reference_area_m2 = std::numeric_limits<double>::quiet_NaN();
  c.kill_probability = 1.5;
  c.launch_elevation_deg = 0;
  c.sustain_thrust_n = 1e4;  // without a sustain time
  const Problems problems = c.Validate();
  auto has = [&](const std::string& path, const std::string& regex) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
      return p.path == path && ::testing::internal::RE::FullMatch(p.message, regex);
    });
  };
  EXPECT_TRUE(has("launch_mass", R"(must be > 0 \(got -5\))"));
  EXPECT_TRUE(has("boost_time", R"(must be > 0 \(got 0\))"));
  EXPECT_TRUE(has("reference_area", R"(must be > 0 \(got nan\))"));
  EXPECT_TRUE(has("kill_probability", R"(must be in \[0, 1\] \(got 1.5\))"));
  EXPECT_TRUE(has("launch_elevation", R"(must be in \(0, 90\] deg \(got 0\))"));
  EXPECT_TRUE(has("sustain_thrust", R"(must be 0 without a sustainer \(got 10000\))"));
  // launch mass -5 kg is also below the propellant mass.
  EXPECT_TRUE(has("boost_propellant", R"(must be < launch_mass - sustain_propellant .*)"));
  EXPECT_EQ(problems.size(), 7u);
}

// Thrust over the mass at burnout above 1000 g: 1e20 N made the flyout's states NaN. The default
// figures give 200 kN / 900 kg = 22.7 g.
TEST(InterceptorConfig, ThrustAccelerationUpTo1000g) {
  InterceptorConfig c;
  c.boost_thrust_n = 1000.0 * 9.80665 * (c.launch_mass_kg - c.boost_propellant_kg);
  EXPECT_TRUE(c.Validate().empty());
  c.boost_thrust_n *= 1.01;
  Problems p = c.Validate();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "boost_thrust");
  EXPECT_NE(p[0].message.find("gives 1.01e+03 g at burnout"), std::string::npos) << p[0].message;
  c = InterceptorConfig{};
  c.sustain_time_s = 10.0;
  c.sustain_propellant_kg = 100.0;
  c.sustain_thrust_n = 1e20;
  p = c.Validate();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "sustain_thrust");
}

// A navigation constant of 1e308 made the PN command infinite and the flyout NaN; 100 is far above
// any real N' (3-5) and far below overflow.
TEST(InterceptorConfig, NavigationConstantUpTo100) {
  InterceptorConfig c;
  c.nav_gain = 100.0;
  EXPECT_TRUE(c.Validate().empty());
  c.nav_gain = 100.5;
  const Problems p = c.Validate();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "nav_gain");
  EXPECT_EQ(p[0].message, "must be in (0, 100] (got 100.5)");
}

}  // namespace
}  // namespace iadsim
