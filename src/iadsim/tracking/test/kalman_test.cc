#include "iadsim/tracking/kalman.h"

#include <gtest/gtest.h>

#include <Eigen/LU>

#include <cmath>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

using Vec2 = Eigen::Matrix<double, 2, 1>;
using Mat2 = Eigen::Matrix<double, 2, 2>;

TEST(Kalman, ScalarUpdateByHand) {
  // x = 0, P = 4, H = 1, R = 1, z = 2: S = 5, K = 0.8, x+ = 1.6, P+ = 0.8, NIS = 4/5.
  Eigen::Matrix<double, 1, 1> x(0.0), P(4.0);
  const auto r = KalmanUpdate<1, 1>(x, P, Eigen::Matrix<double, 1, 1>(2.0), Eigen::Matrix<double, 1, 1>(1.0),
                                    Eigen::Matrix<double, 1, 1>(1.0));
  EXPECT_DOUBLE_EQ(r.S(0, 0), 5.0);
  EXPECT_DOUBLE_EQ(r.gain(0, 0), 0.8);
  EXPECT_DOUBLE_EQ(x(0), 1.6);
  EXPECT_NEAR(P(0, 0), 0.8, 1e-15);
  EXPECT_DOUBLE_EQ(r.nis, 0.8);
  EXPECT_NEAR(r.log_det_S, std::log(5.0), 1e-15);
}

// The innovation statistics from the position block alone equal those of the whole covariance
// bit for bit, and the NIS and ln|S| equal an independent evaluation (S = H P H^T + R by a general
// product, its inverse and determinant by LU) to rounding; 2- and 3-row measurements whose
// Jacobian has zero velocity columns (polar, position), with correlated P over nine decades.
TEST(Kalman, PositionBlockStatsEqualTheFullCovariancesBitForBit) {
  RandomStream rng(2024, 0, "kalman", "position-block");
  for (int n = 0; n < 4000; ++n) {
    const int rows = n % 2 ? 3 : 2;
    Eigen::Matrix<double, 6, 6> A;
    const double scale = std::pow(10.0, rng.Uniform(-2.0, 7.0));
    for (int i = 0; i < 36; ++i) A(i / 6, i % 6) = rng.Uniform(-1.0, 1.0) * scale;
    const Eigen::Matrix<double, 6, 6> P = A * A.transpose() + 1e-3 * Eigen::Matrix<double, 6, 6>::Identity();
    KfMatrix<Eigen::Dynamic, 6> H = KfMatrix<Eigen::Dynamic, 6>::Zero(rows, 6);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < 3; ++j) H(i, j) = rng.Uniform(-1.0, 1.0) * std::pow(10.0, -2.0 * i);
    KfMatrix<Eigen::Dynamic, Eigen::Dynamic> R = KfMatrix<Eigen::Dynamic, Eigen::Dynamic>::Zero(rows, rows);
    KfMatrix<Eigen::Dynamic, 1> nu(rows);
    for (int i = 0; i < rows; ++i) {
      R(i, i) = std::pow(10.0, rng.Uniform(-6.0, 4.0));
      nu(i) = rng.Uniform(-1.0, 1.0) * std::sqrt(R(i, i) + scale * scale);
    }
    const auto full = ComputeInnovationStats<6, Eigen::Dynamic>(P, nu, H, R);
    const Eigen::Matrix3d P_pp = P.topLeftCorner<3, 3>();
    const auto block = PositionInnovationStats<Eigen::Dynamic>(P_pp, nu, H, R);
    ASSERT_EQ(block.nis, full.nis) << n;
    ASSERT_EQ(block.log_det_S, full.log_det_S) << n;
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < rows; ++j) ASSERT_EQ(block.S(i, j), full.S(i, j)) << n;
    const Eigen::MatrixXd Hd = H, Pd = P, Rd = R;
    const Eigen::MatrixXd S = Hd * Pd * Hd.transpose() + Rd;
    const Eigen::VectorXd v = nu;
    const double nis = v.dot(S.fullPivLu().solve(v));
    EXPECT_NEAR(block.nis, nis, 1e-7 * std::max(1.0, nis)) << n;
    EXPECT_NEAR(block.log_det_S, std::log(S.fullPivLu().determinant()), 1e-7 * std::max(1.0, std::abs(block.log_det_S)))
        << n;
  }
}

// S = H P H^T + R with H's velocity columns zero equals H_p P_pp H_p^T + R bit for bit, in the
// dynamic-size (at most 3 x 3) form of the IFF correlation: the products over P only add zero terms.
TEST(Kalman, PositionBlockSEqualsTheFullProductBitForBit) {
  RandomStream rng(2024, 0, "kalman", "position-block-s");
  using Small = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, 3, 3>;
  for (int n = 0; n < 4000; ++n) {
    const int rows = n % 2 ? 3 : 2;
    Eigen::Matrix<double, 6, 6> A;
    const double scale = std::pow(10.0, rng.Uniform(-2.0, 7.0));
    for (int i = 0; i < 36; ++i) A(i / 6, i % 6) = rng.Uniform(-1.0, 1.0) * scale;
    const Eigen::Matrix<double, 6, 6> P = A * A.transpose();
    KfMatrix<Eigen::Dynamic, 6> H = KfMatrix<Eigen::Dynamic, 6>::Zero(rows, 6);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < 3; ++j) H(i, j) = rng.Uniform(-1.0, 1.0) * std::pow(10.0, -3.0 * i);
    Small R = Small::Zero(rows, rows);
    for (int i = 0; i < rows; ++i) R(i, i) = std::pow(10.0, rng.Uniform(-6.0, 4.0));
    const Small full = H * P * H.transpose() + R;
    const Eigen::Matrix<double, Eigen::Dynamic, 3, 0, 3, 3> Hp = H.leftCols<3>();
    const Eigen::Matrix3d P_pp = P.topLeftCorner<3, 3>();
    const Small block = Hp * P_pp * Hp.transpose() + R;
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < rows; ++j) ASSERT_EQ(block(i, j), full(i, j)) << n;
  }
}

TEST(Kalman, JosephFormEqualsStandardFormAtOptimalGain) {
  // For the optimal gain, (I-KH)P(I-KH)^T + KRK^T = P - K S K^T = (I - KH) P (checked against the
  // latter, computed independently).
  RandomStream rng(42);
  for (int trial = 0; trial < 50; ++trial) {
    Eigen::Matrix<double, 6, 6> A;
    for (int i = 0; i < 36; ++i) A(i) = rng.Normal(0, 1);
    const Eigen::Matrix<double, 6, 6> P0 = A * A.transpose() + Eigen::Matrix<double, 6, 6>::Identity();
    Eigen::Matrix<double, 3, 6> H;
    for (int i = 0; i < 18; ++i) H(i) = rng.Normal(0, 1);
    // Every other trial a position-only Jacobian (zero velocity columns, as a polar measurement's),
    // whose products the update computes without those columns.
    if (trial % 2 == 1) H.rightCols<3>().setZero();
    const Eigen::Matrix3d R = Eigen::Vector3d(0.5, 1.0, 2.0).asDiagonal();
    Eigen::Vector3d nu(rng.Normal(0, 1), rng.Normal(0, 1), rng.Normal(0, 1));
    Eigen::Matrix<double, 6, 1> x = Eigen::Matrix<double, 6, 1>::Zero();
    Eigen::Matrix<double, 6, 6> P = P0;
    const auto r = KalmanUpdate<6, 3>(x, P, nu, H, R);
    const Eigen::Matrix3d S = H * P0 * H.transpose() + R;
    const Eigen::Matrix<double, 6, 3> K = P0 * H.transpose() * S.inverse();
    EXPECT_TRUE(r.gain.isApprox(K, 1e-10));
    EXPECT_TRUE(x.isApprox(K * nu, 1e-10));
    EXPECT_TRUE(P.isApprox(P0 - K * S * K.transpose(), 1e-10));
    EXPECT_NEAR(r.nis, nu.dot(S.inverse() * nu), 1e-10 * r.nis);
    EXPECT_NEAR(r.log_det_S, std::log(S.determinant()), 1e-10);
    // The dynamic-size measurement gives the same numbers.
    Eigen::Matrix<double, 6, 1> xd = Eigen::Matrix<double, 6, 1>::Zero();
    Eigen::Matrix<double, 6, 6> Pd = P0;
    const KfMatrix<Eigen::Dynamic, 1> nud = nu;
    const KfMatrix<Eigen::Dynamic, 6> Hd = H;
    const KfMatrix<Eigen::Dynamic, Eigen::Dynamic> Rd = R;
    const auto rd = KalmanUpdate<6, Eigen::Dynamic>(xd, Pd, nud, Hd, Rd);
    EXPECT_TRUE(xd.isApprox(x, 1e-14));
    EXPECT_TRUE(Pd.isApprox(P, 1e-14));
    EXPECT_NEAR(rd.nis, r.nis, 1e-12 * r.nis);
  }
}

TEST(Kalman, PredictPropagatesMeanAndCovariance) {
  Vec2 x(1.0, 2.0);
  Mat2 P;
  P << 4, 1, 1, 3;
  Mat2 F;
  F << 1, 5, 0, 1;
  const Mat2 Q = Mat2::Identity() * 0.5;
  KalmanPredict<2>(x, P, F, Q);
  EXPECT_DOUBLE_EQ(x(0), 11.0);
  EXPECT_DOUBLE_EQ(x(1), 2.0);
  // F P F^T + Q = [4 + 10 + 75 + 0.5, 1 + 15; 16, 3.5].
  EXPECT_DOUBLE_EQ(P(0, 0), 89.5);
  EXPECT_DOUBLE_EQ(P(0, 1), 16.0);
  EXPECT_DOUBLE_EQ(P(1, 0), 16.0);
  EXPECT_DOUBLE_EQ(P(1, 1), 3.5);
}

// The steady-state Kalman gain of the discrete white-noise-acceleration model with a position
// measurement is the alpha-beta filter of Kalata (1984): with the tracking index
//   lambda = sigma_w T^2 / sigma_v,
//   alpha = -(lambda^2 + 8 lambda - (lambda + 4) sqrt(lambda^2 + 8 lambda)) / 8,
//   beta  = (lambda^2 + 4 lambda - lambda sqrt(lambda^2 + 8 lambda)) / 4,
//   K = [alpha, beta / T]
// (Bar-Shalom, Li & Kirubarajan 2001, sec. 6.5.3; Kalata, IEEE Trans. AES 20(2):174-182, 1984).
TEST(Kalman, SteadyStateGainIsKalataAlphaBeta) {
  for (const double lambda : {0.01, 0.1, 0.5, 1.0, 3.0, 10.0, 100.0}) {
    for (const double T : {0.5, 2.0, 10.0}) {
      const double sigma_v = 50.0;
      const double sigma_w = lambda * sigma_v / (T * T);
      Mat2 F;
      F << 1, T, 0, 1;
      const Vec2 Gamma(T * T / 2, T);
      const Mat2 Q = sigma_w * sigma_w * Gamma * Gamma.transpose();
      const Eigen::Matrix<double, 1, 2> H(1.0, 0.0);
      const Eigen::Matrix<double, 1, 1> R(sigma_v * sigma_v);
      Vec2 x = Vec2::Zero();
      Mat2 P = Mat2::Identity() * 1e6;
      Vec2 gain = Vec2::Zero(), previous = Vec2::Constant(-1);
      for (int k = 0; k < 100000 && (gain - previous).norm() > 1e-15 * gain.norm(); ++k) {
        previous = gain;
        KalmanPredict<2>(x, P, F, Q);
        gain = KalmanUpdate<2, 1>(x, P, Eigen::Matrix<double, 1, 1>(0.0), H, R).gain;
      }
      const double root = std::sqrt(lambda * lambda + 8 * lambda);
      const double alpha = -(lambda * lambda + 8 * lambda - (lambda + 4) * root) / 8;
      const double beta = (lambda * lambda + 4 * lambda - lambda * root) / 4;
      EXPECT_NEAR(gain(0), alpha, 1e-6 * alpha) << "lambda " << lambda << " T " << T;
      EXPECT_NEAR(gain(1), beta / T, 1e-6 * beta / T) << "lambda " << lambda << " T " << T;
    }
  }
}

}  // namespace
}  // namespace iadsim
