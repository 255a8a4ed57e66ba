#include "iadsim/tracking/motion_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "iadsim/tracking/kalman.h"

namespace iadsim {
namespace {

TEST(MotionModel, TransitionMovesAtConstantVelocity) {
  StateVec x;
  x << 1, 2, 3, 4, 5, 6;
  const StateVec y = CvTransition(2.5) * x;
  StateVec expected;
  expected << 1 + 4 * 2.5, 2 + 5 * 2.5, 3 + 6 * 2.5, 4, 5, 6;
  EXPECT_EQ(y, expected);
  // F(a) F(b) = F(a + b), and F(-a) undoes F(a).
  EXPECT_TRUE((CvTransition(1.5) * CvTransition(-0.25)).isApprox(CvTransition(1.25), 1e-15));
  EXPECT_TRUE((CvTransition(3.0) * CvTransition(-3.0)).isIdentity(1e-15));
}

TEST(MotionModel, ContinuousNoiseHandValues) {
  // q = 3, dt = 2: dt^3/3 q = 8, dt^2/2 q = 6, dt q = 6 (Bar-Shalom et al. 2001, eq. in sec. 6.2.2).
  const auto Q = CvProcessNoiseContinuous(2.0, 3.0);
  for (int a = 0; a < 3; ++a) {
    EXPECT_DOUBLE_EQ(Q(a, a), 8.0);
    EXPECT_DOUBLE_EQ(Q(a, a + 3), 6.0);
    EXPECT_DOUBLE_EQ(Q(a + 3, a), 6.0);
    EXPECT_DOUBLE_EQ(Q(a + 3, a + 3), 6.0);
  }
  // No coupling between axes.
  EXPECT_DOUBLE_EQ(Q(0, 1), 0.0);
  EXPECT_DOUBLE_EQ(Q(0, 4), 0.0);
  EXPECT_DOUBLE_EQ(Q(3, 5), 0.0);
}

TEST(MotionModel, ContinuousNoiseIsTheIntegralOfTheDiffusion) {
  // Q(dt) = int_0^dt F(t) G q G^T F(t)^T dt, G = [0; I]. The integrand is a polynomial of degree 2
  // in t, so Simpson's rule on [0, dt] is exact: an independent evaluation of the closed form.
  const double q = 37.0, dt = 4.2;
  Eigen::Matrix<double, 6, 3> G = Eigen::Matrix<double, 6, 3>::Zero();
  G.bottomRows<3>().setIdentity();
  auto f = [&](double t) -> StateCov { return CvTransition(t) * G * q * G.transpose() * CvTransition(t).transpose(); };
  const StateCov simpson = dt / 6.0 * (f(0.0) + 4.0 * f(dt / 2.0) + f(dt));
  EXPECT_TRUE(CvProcessNoiseContinuous(dt, q).isApprox(simpson, 1e-13));
}

TEST(MotionModel, ContinuousNoiseComposesOverIntervals) {
  // Q(a + b) = F(b) Q(a) F(b)^T + Q(b): predicting in two steps equals one step.
  const double q = 50.0, a = 3.0, b = 7.5;
  const StateCov two_steps = CvTransition(b) * CvProcessNoiseContinuous(a, q) * CvTransition(b).transpose() +
                             CvProcessNoiseContinuous(b, q);
  EXPECT_TRUE(CvProcessNoiseContinuous(a + b, q).isApprox(two_steps, 1e-13));
}

TEST(MotionModel, DiscreteNoiseIsGammaGammaTransposed) {
  const double dt = 2.0, sigma_a = 1.5;
  Eigen::Matrix<double, 6, 3> Gamma = Eigen::Matrix<double, 6, 3>::Zero();
  Gamma.topRows<3>() = 0.5 * dt * dt * Eigen::Matrix3d::Identity();
  Gamma.bottomRows<3>() = dt * Eigen::Matrix3d::Identity();
  const StateCov expected = sigma_a * sigma_a * Gamma * Gamma.transpose();
  EXPECT_TRUE(CvProcessNoiseDiscrete(dt, sigma_a).isApprox(expected, 1e-15));
  // Hand values: sigma_a^2 dt^4/4 = 9, sigma_a^2 dt^3/2 = 9, sigma_a^2 dt^2 = 9.
  EXPECT_DOUBLE_EQ(CvProcessNoiseDiscrete(dt, sigma_a)(1, 1), 9.0);
  EXPECT_DOUBLE_EQ(CvProcessNoiseDiscrete(dt, sigma_a)(1, 4), 9.0);
  EXPECT_DOUBLE_EQ(CvProcessNoiseDiscrete(dt, sigma_a)(4, 4), 9.0);
}

}  // namespace
}  // namespace iadsim

// The block form of the CV prediction equals F P F^T + Q(|dt|) (product form, kalman.h) to
// rounding, for a full covariance with correlations, forwards and backwards in time.
namespace iadsim {
// PredictCvPosition is PredictCv's position part bit for bit (random states and covariances,
// dt of either sign over six decades, q from 0 to 1e4).
TEST(MotionModel, PositionPredictionIsPredictCvsPositionPart) {
  std::uint64_t s = 88172645463325252ull;
  auto uniform = [&](double lo, double hi) {  // xorshift64: no dependence on the library's RNG
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return lo + (hi - lo) * static_cast<double>(s >> 11) * 0x1.0p-53;
  };
  for (int n = 0; n < 20000; ++n) {
    StateVec x;
    StateCov A;
    for (int i = 0; i < 6; ++i) x(i) = uniform(-3e5, 3e5) * (i >= 3 ? 1e-3 : 1.0);
    const double scale = std::pow(10.0, uniform(-1.0, 8.0));
    for (int i = 0; i < 36; ++i) A(i / 6, i % 6) = uniform(-1.0, 1.0) * scale;
    const StateCov P = A * A.transpose();
    const double dt = (n % 2 ? -1.0 : 1.0) * std::pow(10.0, uniform(-3.0, 3.0));
    const double q = n % 7 == 0 ? 0.0 : uniform(0.0, 1e4);
    StateVec x_full = x;
    StateCov P_full = P;
    PredictCv(x_full, P_full, dt, q);
    Eigen::Vector3d p;
    Eigen::Matrix3d P_pp;
    PredictCvPosition(x, P, dt, q, &p, &P_pp);
    for (int i = 0; i < 3; ++i) {
      ASSERT_EQ(p(i), x_full(i)) << n;
      for (int j = 0; j < 3; ++j) ASSERT_EQ(P_pp(i, j), P_full(i, j)) << n << " " << i << " " << j;
    }
  }
}

TEST(MotionModel, BlockPredictionEqualsTheProductForm) {
  Eigen::Matrix<double, 6, 6> A;
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) A(i, j) = std::sin(1.0 + 7 * i + 3 * j) * (i < 3 ? 100.0 : 10.0);
  const StateCov P0 = A * A.transpose() + StateCov::Identity();
  StateVec x0;
  x0 << 1000, -2000, 3000, 250, -100, 5;
  for (const double dt : {0.5, 10.0, -3.0}) {
    SCOPED_TRACE(dt);
    StateVec x = x0, xr = x0;
    StateCov P = P0, Pr = P0;
    PredictCv(x, P, dt, 50.0);
    KalmanPredict<6>(xr, Pr, CvTransition(dt), CvProcessNoiseContinuous(std::abs(dt), 50.0));
    EXPECT_LE((x - xr).cwiseAbs().maxCoeff(), 1e-12 * xr.cwiseAbs().maxCoeff());
    EXPECT_LE((P - Pr).cwiseAbs().maxCoeff(), 1e-13 * Pr.cwiseAbs().maxCoeff());
    EXPECT_EQ(P, P.transpose());
  }
}
}  // namespace iadsim
