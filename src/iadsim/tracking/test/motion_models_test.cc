// Motion models against closed forms: the coordinated-turn arc, the CV limit of the turn, the
// CTw Jacobian against central differences, and the continuous-noise Q against the identity
// Q(2T) = F(T) Q(T) F(T)^T + Q(T) that any exact discretisation of continuous white noise obeys
// (Bar-Shalom, Li & Kirubarajan 2001, sec. 6.2).
#include <gtest/gtest.h>

#include <cmath>

#include "iadsim/tracking/motion_models.h"

namespace iadsim {
namespace {

MotionModel Model(MotionModelKind kind, int dims, double w = 0.0) {
  MotionModel m;
  m.kind = kind;
  m.dims = dims;
  m.q = 2.0;
  m.q_turn_rate = 1e-4;
  m.turn_rate_radps = w;
  return m;
}

// Position and velocity on a circle of radius v/|w| travelled at speed v for time t, computed
// from the circle's centre (independently of the model's matrices).
void Arc(double x0, double y0, double vx0, double vy0, double w, double t, double* x, double* y,
         double* vx, double* vy) {
  const double v = std::hypot(vx0, vy0), heading = std::atan2(vy0, vx0);  // ccw from x
  const double R = v / w;                                                 // signed radius
  const double cx = x0 - R * std::sin(heading), cy = y0 + R * std::cos(heading);  // centre
  const double h = heading + w * t;
  *x = cx + R * std::sin(h);
  *y = cy - R * std::cos(h);
  *vx = v * std::cos(h);
  *vy = v * std::sin(h);
}

TEST(MotionModels, CoordinatedTurnReturnsTheAnalyticArc) {
  // 250 m/s heading north-east, turning left at 3 deg/s and right at 9 deg/s, for 7.5 s.
  for (const double w : {0.0523598775598299, -0.15707963267948966}) {
    double x, y, vx, vy;
    Arc(1000.0, -2000.0, 176.7766952966369, 176.7766952966369, w, 7.5, &x, &y, &vx, &vy);
    for (const int dims : {2, 3}) {
      for (const auto kind : {MotionModelKind::kCoordinatedTurn, MotionModelKind::kCoordinatedTurnEstimated}) {
        const MotionModel m = Model(kind, dims, w);
        VecX x0 = VecX::Zero(StateDimension(m));
        x0(0) = 1000.0;
        x0(1) = -2000.0;
        x0(dims) = x0(dims + 1) = 176.7766952966369;
        if (dims == 3) {
          x0(2) = 5000.0;
          x0(5) = -10.0;  // descending at 10 m/s: vertical CV
        }
        if (kind == MotionModelKind::kCoordinatedTurnEstimated) x0(2 * dims) = w;
        VecX xn;
        PropagateState(m, 7.5, x0, &xn, nullptr);
        EXPECT_NEAR(xn(0), x, 1e-9);
        EXPECT_NEAR(xn(1), y, 1e-9);
        EXPECT_NEAR(xn(dims), vx, 1e-11);
        EXPECT_NEAR(xn(dims + 1), vy, 1e-11);
        if (dims == 3) {
          EXPECT_NEAR(xn(2), 5000.0 - 75.0, 1e-9);
          EXPECT_EQ(xn(5), -10.0);
        }
      }
    }
  }
  // A hand number: from the origin eastbound at 100 m/s, w = 0.1 rad/s for 5 s, the centre is
  // (0, 1000): x = 1000 sin 0.5, y = 1000 (1 - cos 0.5).
  const MotionModel m = Model(MotionModelKind::kCoordinatedTurn, 2, 0.1);
  VecX x0(4);
  x0 << 0, 0, 100, 0;
  VecX xn;
  PropagateState(m, 5.0, x0, &xn, nullptr);
  EXPECT_NEAR(xn(0), 479.42553860420300, 1e-9);
  EXPECT_NEAR(xn(1), 122.41743810962728, 1e-9);
}

TEST(MotionModels, TurnWithZeroRateIsConstantVelocityAndSeriesIsContinuous) {
  VecX x0(4);
  x0 << 10, 20, 150, -80;
  VecX cv, ct;
  PropagateState(Model(MotionModelKind::kConstantVelocity, 2), 4.0, x0, &cv, nullptr);
  PropagateState(Model(MotionModelKind::kCoordinatedTurn, 2, 0.0), 4.0, x0, &ct, nullptr);
  EXPECT_LT((cv - ct).norm(), 1e-12);
  // Either side of the series threshold |wT| = 1e-4 the coefficients agree to rounding.
  const TurnCoefficients a = ComputeTurnCoefficients(0.99999e-4 / 4.0, 4.0);
  const TurnCoefficients b = ComputeTurnCoefficients(1.00001e-4 / 4.0, 4.0);
  EXPECT_NEAR(a.s, b.s, 1e-8);
  EXPECT_NEAR(a.c, b.c, 1e-8);
  EXPECT_NEAR(a.ds_dw, b.ds_dw, 1e-5);  // ~ -w T^3/3: 1e-6 relative change of w
  EXPECT_NEAR(a.dc_dw, b.dc_dw, 1e-7);
}

TEST(MotionModels, EstimatedTurnJacobianMatchesCentralDifferences) {
  for (const int dims : {2, 3}) {
    for (const double w : {0.2, -0.03, 1e-7}) {
      const MotionModel m = Model(MotionModelKind::kCoordinatedTurnEstimated, dims);
      const int n = StateDimension(m);
      VecX x(n);
      for (int i = 0; i < n; ++i) x(i) = 100.0 * (i + 1) * (i % 2 ? -1 : 1);
      x(2 * dims) = w;
      VecX fx;
      MatX F;
      PropagateState(m, 3.0, x, &fx, &F);
      for (int j = 0; j < n; ++j) {
        const double h = j == 2 * dims ? 1e-6 : 1e-3;
        VecX xp = x, xm = x, fp, fm;
        xp(j) += h;
        xm(j) -= h;
        PropagateState(m, 3.0, xp, &fp, nullptr);
        PropagateState(m, 3.0, xm, &fm, nullptr);
        const VecX num = (fp - fm) / (2 * h);
        for (int i = 0; i < n; ++i) EXPECT_NEAR(F(i, j), num(i), 1e-5 * (1.0 + std::abs(num(i)))) << i << "," << j;
      }
    }
  }
}

TEST(MotionModels, ContinuousProcessNoiseComposesOverIntervals) {
  for (const auto kind : {MotionModelKind::kConstantVelocity, MotionModelKind::kConstantAcceleration}) {
    for (const int dims : {2, 3}) {
      const MotionModel m = Model(kind, dims);
      const int n = StateDimension(m);
      MatX F;
      VecX x = VecX::Zero(n), xn;
      PropagateState(m, 1.7, x, &xn, &F);
      const MatX Q1 = ProcessNoise(m, 1.7);
      const MatX lhs = ProcessNoise(m, 3.4);
      const MatX rhs = F * Q1 * F.transpose() + Q1;
      EXPECT_LT((lhs - rhs).norm(), 1e-12 * lhs.norm());
    }
  }
  // Closed-form entries for CA, q = 2, T = 2: q T^5/20 = 3.2, q T^4/8 = 4, q T^3/6, q T^3/3, q T^2/2, q T.
  const MotionModel ca = Model(MotionModelKind::kConstantAcceleration, 3);
  const MatX Q = ProcessNoise(ca, 2.0);
  EXPECT_DOUBLE_EQ(Q(1, 1), 3.2);
  EXPECT_DOUBLE_EQ(Q(1, 4), 4.0);
  EXPECT_DOUBLE_EQ(Q(1, 7), 16.0 / 6.0);
  EXPECT_DOUBLE_EQ(Q(4, 4), 16.0 / 3.0);
  EXPECT_DOUBLE_EQ(Q(4, 7), 4.0);
  EXPECT_DOUBLE_EQ(Q(7, 7), 4.0);
  EXPECT_EQ(Q(0, 1), 0.0);
  // CA transition: p + v T + a T^2 / 2.
  VecX x(9), xn;
  x << 1, 2, 3, 10, 20, 30, 1, -2, 0.5;
  PropagateState(ca, 2.0, x, &xn, nullptr);
  EXPECT_DOUBLE_EQ(xn(0), 1 + 20 + 2);
  EXPECT_DOUBLE_EQ(xn(4), 20 - 4);
  EXPECT_DOUBLE_EQ(xn(8), 0.5);
}

TEST(MotionModels, PiecewiseConstantAccelerationIsGammaGammaTranspose) {
  MotionModel m = Model(MotionModelKind::kConstantVelocity, 2);
  m.piecewise_constant_acceleration = true;
  m.q = 0.25;  // sigma_a = 0.5 m/s^2
  const MatX Q = ProcessNoise(m, 2.0);  // Gamma = [2, 2]: Q = 0.25 [4 4; 4 4]
  EXPECT_DOUBLE_EQ(Q(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(Q(0, 2), 1.0);
  EXPECT_DOUBLE_EQ(Q(2, 2), 1.0);
  EXPECT_EQ(Q(0, 1), 0.0);
}

}  // namespace
}  // namespace iadsim
