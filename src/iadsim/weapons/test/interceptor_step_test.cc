// Mid-course steps (Interceptor::StepSpan): a missile that holds its command over 100 ms far from
// the target and over 20 ms in the last terminal_time_to_go seconds ends its flight where a
// missile on 20 ms steps throughout does, within a small fraction of the fuze and lethal radii;
// both are compared with a 2 ms reference flight (the converged trajectory) against straight and
// turning targets, guided on a fire-control-like estimate (the truth at the last 0.5 s update,
// extrapolated at constant velocity).
#include "iadsim/weapons/interceptor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "iadsim/weapons/fuze.h"

namespace iadsim {
namespace {

struct TargetState {
  Vec3 p, v;
};
using TargetMotion = std::function<TargetState(double)>;

struct Flight {
  double miss_m = std::numeric_limits<double>::infinity();
  double time_s = 0.0;  // of the closest approach
  int steps = 0;
};

// Flies against the target (its true state as the estimate) with steps of base_dt, or of
// span * base_dt where StepSpan allows it, until the missile has passed the target; the miss is
// the smallest closest approach over the steps (linear relative motion within a step).
// The guidance sees a fire-control estimate: the true state at the last radar update (every
// 0.5 s), extrapolated at constant velocity (a turning target is then mispredicted between updates).
TargetState Estimate(const TargetMotion& target, double t) {
  constexpr double kUpdateS = 0.5;
  const double t_k = std::floor(t / kUpdateS + 1e-9) * kUpdateS;
  const TargetState s = target(t_k);
  return {s.p + s.v * (t - t_k), s.v};
}

Flight Fly(const InterceptorConfig& c, const TargetMotion& target, double base_dt, int span, double terminal_s) {
  const TargetState t0 = target(0.0);
  Interceptor m(c, Vec3::Zero(), Vec3(t0.p.x(), t0.p.y(), 0.0));
  Flight out;
  double t = 0.0;
  int k = 1;
  while (m.self_destruct() == Interceptor::SelfDestruct::kNone && t < 200.0) {
    const double dt = base_dt * k;
    const TargetState a = target(t);
    const Vec3 rel0 = a.p - m.state().p_enu;
    const TargetState e = Estimate(target, t);
    m.Step(dt, e.p, e.v);
    t += dt;
    ++out.steps;
    const TargetState b = target(t);
    const Vec3 rel1 = b.p - m.state().p_enu;
    const ClosestApproach ca = ClosestApproachInStep(rel0, (rel1 - rel0) / dt, dt);
    if (m.armed() && ca.distance_m < out.miss_m) {
      out.miss_m = ca.distance_m;
      out.time_s = t - dt + ca.t_s;
    }
    if (rel1.dot(b.v - m.state().v_enu) > 0.0 && rel1.norm() > 2000.0 && t > 20.0) break;  // passed
    const TargetState e1 = Estimate(target, t);
    k = m.StepSpan(e1.p, e1.v, span, terminal_s);
  }
  return out;
}

TargetMotion Straight(Vec3 p0, Vec3 v) {
  return [=](double t) { return TargetState{p0 + v * t, v}; };
}

// A level coordinated turn at constant speed: turn rate w = a / v, starting at p0 heading v0.
TargetMotion Turning(Vec3 p0, Vec3 v0, double accel_mps2) {
  const double speed = v0.norm(), w = accel_mps2 / speed;
  return [=](double t) {
    const double c = std::cos(w * t), s = std::sin(w * t);
    const Vec3 v(c * v0.x() - s * v0.y(), s * v0.x() + c * v0.y(), 0.0);
    const Vec3 p(p0.x() + (s * v0.x() - (1 - c) * v0.y()) / w, p0.y() + ((1 - c) * v0.x() + s * v0.y()) / w, p0.z());
    return TargetState{p, v};
  };
}

InterceptorConfig Demo48N6() {  // scenarios/demo.yaml's missile
  InterceptorConfig c;
  c.launch_mass_kg = 1900;
  c.boost_propellant_kg = 1100;
  c.boost_time_s = 14;
  c.boost_thrust_n = 205e3;
  c.reference_area_m2 = 0.2083;
  c.drag_coefficient = 0.2;
  c.max_flight_time_s = 180;
  c.fuze_radius_m = 60;
  c.lethal_radius_m = 35;
  return c;
}

struct Case {
  const char* name;
  TargetMotion target;
};

TEST(InterceptorStep, MidcourseStepsEndWhereFineStepsDo) {
  const InterceptorConfig c = Demo48N6();
  constexpr double kG = 9.80665;
  const Case cases[] = {
      {"head-on 45 km", Straight({0, 45000, 3000}, {0, -300, 0})},
      {"crossing 60 km", Straight({-25000, 55000, 8000}, {300, 0, 0})},
      {"receding 30 km", Straight({5000, 30000, 5000}, {0, 250, 0})},
      {"4 g turn 50 km", Turning({0, 50000, 3000}, {0, -300, 0}, 4 * kG)},
      {"8 g turn 35 km", Turning({10000, 35000, 2000}, {-250, -100, 0}, 8 * kG)},
  };
  for (const Case& k : cases)
    for (const double terminal_s : {10.0, 5.0}) {
    SCOPED_TRACE(::testing::Message() << k.name << ", terminal phase " << terminal_s << " s");
    const Flight ref = Fly(c, k.target, 0.002, 1, terminal_s);
    const Flight fine = Fly(c, k.target, 0.02, 1, terminal_s);
    const Flight mid = Fly(c, k.target, 0.02, 5, terminal_s);
    ASSERT_LT(ref.miss_m, c.lethal_radius_m);
    // The closest approach: mid-course steps stay within 1 m of the fine flight (the fuze radius
    // is 60 m, the lethal radius 35 m), and no farther from the reference than the fine flight's
    // own discretisation error plus 0.5 m. Its time moves by less than half of what the fine
    // flight's steps already move it from the reference (the command held over a step delays the
    // pitch-over and shortens the path a little: 20 to 90 ms over these 30-50 s flights), + 5 ms.
    EXPECT_NEAR(mid.miss_m, fine.miss_m, 1.0);
    EXPECT_LE(std::abs(mid.miss_m - ref.miss_m), std::abs(fine.miss_m - ref.miss_m) + 0.5);
    EXPECT_LE(std::abs(mid.time_s - fine.time_s), 0.5 * std::abs(fine.time_s - ref.time_s) + 0.005);
    // and it takes fewer steps (flights of 30-50 s here; most of a longer flight is mid-course).
    EXPECT_LT(mid.steps, 0.7 * fine.steps);
    std::printf("%-16s miss ref %.3f fine %.3f mid %.3f m; t %.4f %.4f %.4f s; steps %d %d\n", k.name, ref.miss_m,
                fine.miss_m, mid.miss_m, ref.time_s, fine.time_s, mid.time_s, fine.steps, mid.steps);
    }
}

TEST(InterceptorStep, SpanRule) {
  const InterceptorConfig c = Demo48N6();
  Interceptor m(c, Vec3::Zero(), Vec3::UnitY());
  // Before proportional navigation takes over (pitch-over), always the base step.
  EXPECT_EQ(m.StepSpan({0, 50000, 3000}, Vec3::Zero(), 5, 10.0), 1);
  for (int i = 0; i < 2000 && !m.pn_engaged(); ++i) m.Step(0.02, {0, 50000, 3000}, Vec3::Zero());
  ASSERT_TRUE(m.pn_engaged());
  const Vec3 p = m.state().p_enu, v = m.state().v_enu;
  const double speed = v.norm();
  // A stationary target straight ahead: time to go = range / speed.
  const Vec3 ahead = v / speed;
  EXPECT_EQ(m.StepSpan(p + ahead * (speed * 10.5), Vec3::Zero(), 5, 10.0), 5);
  EXPECT_EQ(m.StepSpan(p + ahead * (speed * 9.5), Vec3::Zero(), 5, 10.0), 1);
  // Behind the missile (opening): mid-course steps; a span of 1 is the base step.
  EXPECT_EQ(m.StepSpan(p - ahead * 1000.0, Vec3::Zero(), 5, 10.0), 5);
  EXPECT_EQ(m.StepSpan(p + ahead * (speed * 30.0), Vec3::Zero(), 1, 10.0), 1);
}

}  // namespace
}  // namespace iadsim
