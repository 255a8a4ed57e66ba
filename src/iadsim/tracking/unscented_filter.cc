#include "iadsim/tracking/unscented_filter.h"

#include <Eigen/Cholesky>

#include <array>
#include <cmath>

#include "iadsim/core/error.h"
#include "iadsim/tracking/measurement_models.h"

namespace iadsim {

UnscentedKalmanFilter::UnscentedKalmanFilter(const UkfParameters& params, const MotionModel& model,
                                             const VecX& x0, const MatX& P0)
    : GaussianFilter(model, x0, P0), params_(params) {
  const double n = static_cast<double>(x0.size());
  IADSIM_CHECK(params.alpha > 0.0 && params.alpha <= 1.0, "UKF alpha must be in (0, 1]");
  IADSIM_CHECK(params.beta >= 0.0, "UKF beta must be >= 0");
  IADSIM_CHECK(n + params.kappa > 0.0, "UKF needs n + kappa > 0");
  lambda_ = params.alpha * params.alpha * (n + params.kappa) - n;
  wm0_ = lambda_ / (n + lambda_);
  wc0_ = wm0_ + 1.0 - params.alpha * params.alpha + params.beta;
  wi_ = 0.5 / (n + lambda_);
}

void UnscentedKalmanFilter::SigmaPoints(VecX* points) const {
  const int n = static_cast<int>(x_.size());
  const MatX scaled = (n + lambda_) * P_;
  const Eigen::LLT<MatX> llt(scaled);
  IADSIM_CHECK(llt.info() == Eigen::Success, "UKF: covariance is not positive definite");
  const MatX L = llt.matrixL();
  points[0] = x_;
  for (int i = 0; i < n; ++i) {
    points[1 + i] = x_ + L.col(i);
    points[1 + n + i] = x_ - L.col(i);
  }
}

void UnscentedKalmanFilter::Predict(double dt_s) {
  IADSIM_CHECK(dt_s >= 0.0, "Predict: negative time step");
  if (dt_s == 0.0) return;
  const int n = static_cast<int>(x_.size());
  std::array<VecX, kMaxPoints> chi;
  SigmaPoints(chi.data());
  for (int i = 0; i < 2 * n + 1; ++i) {
    VecX next;
    PropagateState(model_, dt_s, chi[i], &next, nullptr);
    chi[i] = next;
  }
  VecX x = wm0_ * chi[0];
  for (int i = 1; i < 2 * n + 1; ++i) x += wi_ * chi[i];
  MatX P = ProcessNoise(model_, dt_s);
  for (int i = 0; i < 2 * n + 1; ++i) {
    const VecX d = chi[i] - x;
    P += (i == 0 ? wc0_ : wi_) * d * d.transpose();
  }
  x_ = x;
  P_ = 0.5 * (P + P.transpose());
}

void UnscentedKalmanFilter::Transform(const Measurement& m, Transformed* t) const {
  const int n = static_cast<int>(x_.size());
  const int dims = model_.dims;
  std::array<VecX, kMaxPoints> chi;
  SigmaPoints(chi.data());
  std::array<VecZ, kMaxPoints> dz;  // Z_i - Z_0, angles wrapped
  const VecZ z0 = PredictMeasurement(m, chi[0], dims);
  VecZ mean_offset = VecZ::Zero(z0.size());
  for (int i = 0; i < 2 * n + 1; ++i) {
    dz[i] = MeasurementResidual(m.kind, PredictMeasurement(m, chi[i], dims), z0);
    mean_offset += (i == 0 ? wm0_ : wi_) * dz[i];
  }
  t->zhat = z0 + mean_offset;
  t->S = m.R;
  t->C = MatXZ::Zero(n, z0.size());
  for (int i = 0; i < 2 * n + 1; ++i) {
    const double w = i == 0 ? wc0_ : wi_;
    const VecZ e = dz[i] - mean_offset;
    t->S += w * e * e.transpose();
    t->C += w * (chi[i] - x_) * e.transpose();
  }
  t->S = (0.5 * (t->S + t->S.transpose())).eval();
}

Innovation UnscentedKalmanFilter::Innovate(const Measurement& m) const {
  Transformed t;
  Transform(m, &t);
  Innovation out;
  out.nu = MeasurementResidual(m.kind, m.z, t.zhat);
  out.S = t.S;
  const Eigen::LLT<MatZ> llt(out.S);
  IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
  out.d2 = out.nu.dot(llt.solve(out.nu));
  out.log_det_S = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  return out;
}

void UnscentedKalmanFilter::Update(const Measurement& m) {
  Transformed t;
  Transform(m, &t);
  const VecZ nu = MeasurementResidual(m.kind, m.z, t.zhat);
  const Eigen::LLT<MatZ> llt(t.S);
  IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
  const MatXZ K = llt.solve(t.C.transpose()).transpose();
  x_ += K * nu;
  const MatX Pn = P_ - K * t.S * K.transpose();
  P_ = 0.5 * (Pn + Pn.transpose());
}

}  // namespace iadsim
