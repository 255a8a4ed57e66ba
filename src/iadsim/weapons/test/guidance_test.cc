// Proportional navigation: geometry of the command, and Zarchan's zero-lag closed forms
// (Tactical and Strategic Missile Guidance, ch. 2; domain-facts section 4) reproduced by a
// linearised planar engagement whose command comes from ProportionalNavigation() itself.
#include "iadsim/weapons/guidance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace iadsim {
namespace {

TEST(ProportionalNavigation, MagnitudeIsNVcLambdaDotAndLateral) {
  // Missile at the origin flying east at 600 m/s; target 10 km east, 1 km north, flying west
  // at 300 m/s and north at 50 m/s. In the plane: lambda_dot = (r x v_rel)_z / |r|^2.
  const Vec3 pm(0, 0, 0), vm(600, 0, 0), pt(10000, 1000, 0), vt(-300, 50, 0);
  const Vec3 r = pt - pm, vr = vt - vm;
  const double lambda_dot = (r.x() * vr.y() - r.y() * vr.x()) / r.squaredNorm();
  const double vc = -r.dot(vr) / r.norm();
  const double n = 4.0;
  const Vec3 a = ProportionalNavigation(pm, vm, pt, vt, n);
  // Perpendicular to the LOS, then projected off the velocity (east): only north remains, and
  // its size is N' Vc lambda_dot times the cosine of the LOS angle.
  const double cos_los = r.x() / r.norm();
  EXPECT_NEAR(a.x(), 0.0, 1e-12);
  EXPECT_NEAR(a.z(), 0.0, 1e-12);
  EXPECT_NEAR(a.y(), n * vc * lambda_dot * cos_los, 1e-12);
  EXPECT_GT(a.y(), 0.0);  // the LOS turns north: turn north
}

TEST(ProportionalNavigation, ZeroOnACollisionCourse) {
  // Constant bearing: the target's velocity relative to the missile points straight at it.
  const Vec3 pm(0, 0, 0), vm(800, 600, 100), pt(20000, 5000, 3000);
  const Vec3 vt = vm - 0.05 * (pt - pm);  // v_rel parallel to -r
  const Vec3 a = ProportionalNavigation(pm, vm, pt, vt, 4.0);
  EXPECT_LT(a.norm(), 1e-9);
}

TEST(ProportionalNavigation, ThreeDimensionalCommandIsPerpendicularToVelocity) {
  const Vec3 pm(100, -200, 3000), vm(700, 300, 200), pt(30000, 12000, 9000), vt(-250, 40, -10);
  const Vec3 a = ProportionalNavigation(pm, vm, pt, vt, 3.0);
  EXPECT_GT(a.norm(), 0.1);
  EXPECT_NEAR(a.dot(vm.normalized()), 0.0, 1e-10);
}

TEST(ProportionalNavigation, ZeroAtZeroRange) {
  EXPECT_EQ(ProportionalNavigation({1, 2, 3}, {100, 0, 0}, {1, 2, 3}, {0, 0, 0}, 4.0),
            Vec3::Zero());
}

// Zarchan's linear engagement, y the target-minus-missile separation normal to the initial LOS:
//   y'' = n_T - n_c,  n_c = N' Vc lambda_dot,  lambda = y / (Vc t_go),  t_go = t_F - t.
// The command is computed by ProportionalNavigation() on the 3-D embedding: missile at the
// origin flying along x at V_M, target at (Vc t_go, y, 0) with relative velocity (-Vc, y', 0).
class LinearEngagement {
 public:
  LinearEngagement(double nav_gain, double n_t, double y_dot0)
      : n_(nav_gain), n_t_(n_t), y_dot_(y_dot0) {}
  static constexpr double kVm = 1000.0, kVc = 1300.0, kTf = 10.0;

  double Command(double t, double y, double y_dot) const {
    const double t_go = kTf - t;
    const Vec3 pm(0, 0, 0), vm(kVm, 0, 0);
    const Vec3 pt(kVc * t_go, y, 0), vt(kVm - kVc, y_dot, 0);
    return ProportionalNavigation(pm, vm, pt, vt, n_).y();
  }
  // Classical RK4 on (y, y'), the command re-evaluated at every stage (zero lag).
  void Step(double dt) {
    auto f = [&](double t, double y, double yd, double& dy, double& dyd) {
      dy = yd;
      dyd = n_t_ - Command(t, y, yd);
    };
    double k1y, k1v, k2y, k2v, k3y, k3v, k4y, k4v;
    f(t_, y_, y_dot_, k1y, k1v);
    f(t_ + dt / 2, y_ + dt / 2 * k1y, y_dot_ + dt / 2 * k1v, k2y, k2v);
    f(t_ + dt / 2, y_ + dt / 2 * k2y, y_dot_ + dt / 2 * k2v, k3y, k3v);
    f(t_ + dt, y_ + dt * k3y, y_dot_ + dt * k3v, k4y, k4v);
    y_ += dt / 6 * (k1y + 2 * k2y + 2 * k3y + k4y);
    y_dot_ += dt / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
    t_ += dt;
  }
  double t() const { return t_; }
  double command() const { return Command(t_, y_, y_dot_); }

 private:
  double n_, n_t_;
  double t_ = 0.0, y_ = 0.0, y_dot_;
};

// Runs the engagement to 0.9 t_F and returns the largest relative error of the command against
// `closed_form` (relative to the closed form at each sample).
double MaxRelativeError(LinearEngagement e, const std::function<double(double)>& closed_form) {
  constexpr double kDt = 1e-3;
  const int steps = static_cast<int>(0.9 * LinearEngagement::kTf / kDt);
  double worst = 0.0;
  for (int i = 0; i < steps; ++i) {
    e.Step(kDt);
    const double expected = closed_form(e.t());
    worst = std::max(worst, std::fabs(e.command() - expected) / std::fabs(expected));
  }
  return worst;
}

TEST(ProportionalNavigation, HeadingErrorMatchesZarchanClosedForm) {
  constexpr double kHe = 0.01;  // rad; small, as the linearisation assumes
  for (double n : {3.0, 4.0, 5.0}) {
    SCOPED_TRACE(n);
    constexpr double kVm = LinearEngagement::kVm, kTf = LinearEngagement::kTf;
    const auto closed = [n](double t) {
      return -(kVm * kHe * n / kTf) * std::pow(1.0 - t / kTf, n - 2.0);
    };
    const LinearEngagement e(n, 0.0, -kVm * kHe);
    EXPECT_NEAR(e.command(), closed(0.0), 1e-3 * std::fabs(closed(0.0)));
    EXPECT_LT(MaxRelativeError(e, closed), 0.01);
  }
}

TEST(ProportionalNavigation, StepManoeuvreMatchesZarchanClosedForm) {
  // 1 g. The 3-D embedding departs from the linear model by O(lambda^2), lambda the LOS angle:
  // at 3 g the command differs from the closed form by up to 0.74 % (N' = 3), at 1 g by 0.08 %.
  constexpr double kNt = 9.80665;
  constexpr double kTf = LinearEngagement::kTf;
  for (double n : {3.0, 4.0, 5.0}) {
    SCOPED_TRACE(n);
    const auto closed = [n](double t) {
      return kNt * n / (n - 2.0) * (1.0 - std::pow(1.0 - t / kTf, n - 2.0));
    };
    EXPECT_LT(MaxRelativeError(LinearEngagement(n, kNt, 0.0), closed), 0.01);
  }
  // For N' = 4 the command reaches 2 n_T at the end: 1.98 n_T at 0.9 t_F.
  LinearEngagement e(4.0, kNt, 0.0);
  while (e.t() < 0.9 * kTf - 1e-9) e.Step(1e-3);
  EXPECT_NEAR(e.command() / kNt, 2.0 * (1.0 - 0.01), 0.01);
}

}  // namespace
}  // namespace iadsim
