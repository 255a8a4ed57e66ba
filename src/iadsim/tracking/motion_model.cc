#include "iadsim/tracking/motion_model.h"

#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

// The 6x6 matrix with the per-axis 2x2 block [pp pv; pv vv] on each of the three axes.
Eigen::Matrix<double, 6, 6> PerAxis(double pp, double pv, double vv) {
  Eigen::Matrix<double, 6, 6> Q = Eigen::Matrix<double, 6, 6>::Zero();
  for (int i = 0; i < 3; ++i) {
    Q(i, i) = pp;
    Q(i, i + 3) = pv;
    Q(i + 3, i) = pv;
    Q(i + 3, i + 3) = vv;
  }
  return Q;
}

}  // namespace

Eigen::Matrix<double, 6, 6> CvTransition(double dt_s) {
  Eigen::Matrix<double, 6, 6> F = Eigen::Matrix<double, 6, 6>::Identity();
  for (int i = 0; i < 3; ++i) F(i, i + 3) = dt_s;
  return F;
}

Eigen::Matrix<double, 6, 6> CvProcessNoiseContinuous(double dt_s, double q_m2_per_s3) {
  IADSIM_CHECK(dt_s >= 0.0, "process noise needs dt >= 0");
  IADSIM_CHECK(q_m2_per_s3 >= 0.0, "process noise spectral density must be >= 0");
  const double dt2 = dt_s * dt_s;
  return PerAxis(q_m2_per_s3 * dt2 * dt_s / 3.0, q_m2_per_s3 * dt2 / 2.0, q_m2_per_s3 * dt_s);
}

StateVec PredictCvMean(StateVec x, double dt_s) {
  x.head<3>() += dt_s * x.tail<3>();
  return x;
}

void PredictCv(StateVec& x, StateCov& P, double dt_s, double q_m2_per_s3) {
  IADSIM_CHECK(q_m2_per_s3 >= 0.0, "process noise spectral density must be >= 0");
  x = PredictCvMean(x, dt_s);
  P.topRows<3>() += dt_s * P.bottomRows<3>();
  P.leftCols<3>() += dt_s * P.rightCols<3>();
  const double t = std::abs(dt_s), t2 = t * t;
  const double qpp = q_m2_per_s3 * t2 * t / 3.0, qpv = q_m2_per_s3 * t2 / 2.0, qvv = q_m2_per_s3 * t;
  for (int i = 0; i < 3; ++i) {
    P(i, i) += qpp;
    P(i, i + 3) += qpv;
    P(i + 3, i) += qpv;
    P(i + 3, i + 3) += qvv;
  }
  P = (0.5 * (P + P.transpose())).eval();
}

void PredictCvPosition(const StateVec& x, const StateCov& P, double dt_s, double q_m2_per_s3, Eigen::Vector3d* p,
                       Eigen::Matrix3d* P_pp) {
  IADSIM_CHECK(q_m2_per_s3 >= 0.0, "process noise spectral density must be >= 0");
  *p = PredictCvMean(x, dt_s).head<3>();
  const double t = std::abs(dt_s), qpp = q_m2_per_s3 * (t * t) * t / 3.0;
  double b[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      // Rows 0-2 first (p += dt v), then columns 0-2 from the updated columns 3-5, then Q.
      const double a_pp = P(i, j) + dt_s * P(i + 3, j), a_pv = P(i, j + 3) + dt_s * P(i + 3, j + 3);
      b[i][j] = a_pp + dt_s * a_pv;
      if (i == j) b[i][j] += qpp;
    }
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) (*P_pp)(i, j) = 0.5 * (b[i][j] + b[j][i]);
}

Eigen::Matrix<double, 6, 6> CvProcessNoiseDiscrete(double dt_s, double sigma_a_mps2) {
  IADSIM_CHECK(dt_s >= 0.0, "process noise needs dt >= 0");
  IADSIM_CHECK(sigma_a_mps2 >= 0.0, "acceleration standard deviation must be >= 0");
  const double s2 = sigma_a_mps2 * sigma_a_mps2;
  const double dt2 = dt_s * dt_s;
  return PerAxis(s2 * dt2 * dt2 / 4.0, s2 * dt2 * dt_s / 2.0, s2 * dt2);
}

}  // namespace iadsim
