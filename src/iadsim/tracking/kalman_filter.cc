#include "iadsim/tracking/kalman_filter.h"

#include <Eigen/Cholesky>

#include "iadsim/core/error.h"
#include "iadsim/tracking/measurement_models.h"

namespace iadsim {
namespace {

using MatXZ = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kMaxState, kMaxMeas>;

// The measurement the filter uses (the converted one for the KF), its residual and Jacobian.
struct Linearised {
  Measurement m;
  VecZ nu;
  MatH H;
};

void Linearise(KalmanVariant variant, const Measurement& in, const VecX& x, int dims, Linearised* out) {
  if (variant == KalmanVariant::kLinear && !IsLinear(in.kind)) {
    IADSIM_CHECK(in.kind != MeasurementKind::kBearing,
                 "the linear Kalman filter cannot use a bearing-only measurement (use ekf or ukf)");
    // Position from the measured values, covariance at the predicted position (Duan et al. 2004).
    const VecZ predicted = PredictMeasurement(in, x, dims);
    out->m = ToCartesianMeasurement(in, &predicted);
  } else {
    out->m = in;
  }
  const VecZ h = PredictMeasurement(out->m, x, dims);
  out->nu = MeasurementResidual(out->m.kind, out->m.z, h);
  MeasurementJacobian(out->m, x, dims, &out->H);
}

}  // namespace

namespace kalman_kernels {

Innovation InnovateCartesian(const Measurement& m, const double* xp, const double* Pp, int n) {
  const int k = MeasurementDimension(m.kind);
  const Eigen::Map<const Eigen::VectorXd> x(xp, n);
  const Eigen::Map<const Eigen::MatrixXd> P(Pp, n, n);
  Innovation out;
  out.nu = m.z - x.head(k);
  out.S = P.topLeftCorner(k, k) + m.R;
  const Eigen::LLT<MatZ> llt(out.S);
  IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
  out.d2 = out.nu.dot(llt.solve(out.nu));
  out.log_det_S = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  return out;
}

}  // namespace kalman_kernels

KalmanFilter::KalmanFilter(KalmanVariant variant, const MotionModel& model, const VecX& x0,
                           const MatX& P0)
    : GaussianFilter(model, x0, P0), variant_(variant) {
  IADSIM_CHECK(variant == KalmanVariant::kExtended || IsLinear(model),
               "the linear Kalman filter needs a linear motion model (cv, ca, ct)");
}

void KalmanFilter::Predict(double dt_s) {
  IADSIM_CHECK(dt_s >= 0.0, "Predict: negative time step");
  if (dt_s == 0.0) return;
  if (model_.kind == MotionModelKind::kConstantVelocity && !model_.piecewise_constant_acceleration) {
    if (model_.dims == 2) return kalman_kernels::PredictCv<4>(dt_s, model_.q, x_.data(), P_.data());
    return kalman_kernels::PredictCv<6>(dt_s, model_.q, x_.data(), P_.data());
  }
  if (model_.kind == MotionModelKind::kConstantVelocity) {
    // Fast path, per axis pair (p, v): F = [1 T; 0 1], without forming F.
    const int d = model_.dims;
    const MatX Q = ProcessNoise(model_, dt_s);
    x_.head(d) += dt_s * x_.segment(d, d);
    // P <- F P F^T: rows then columns p += T v.
    P_.topRows(d) += dt_s * P_.middleRows(d, d);
    P_.leftCols(d) += dt_s * P_.middleCols(d, d);
    P_ += Q;
    return;
  }
  MatX F;
  VecX xn;
  PropagateState(model_, dt_s, x_, &xn, &F);
  x_ = xn;
  MatX Pn = F * P_ * F.transpose() + ProcessNoise(model_, dt_s);
  P_ = 0.5 * (Pn + Pn.transpose());
}

Innovation KalmanFilter::Innovate(const Measurement& m) const {
  if (IsLinear(m.kind)) {
    // Fast path: H selects the first k position components, S = P[0:k, 0:k] + R.
    IADSIM_CHECK(MeasurementDimension(m.kind) <= model_.dims, "a 3-D measurement on a 2-D filter");
    return kalman_kernels::InnovateCartesian(m, x_.data(), P_.data(), static_cast<int>(x_.size()));
  }
  Linearised lin;
  Linearise(variant_, m, x_, model_.dims, &lin);
  Innovation out;
  out.nu = lin.nu;
  out.S = lin.H * P_ * lin.H.transpose() + lin.m.R;
  out.S = (0.5 * (out.S + out.S.transpose())).eval();
  const Eigen::LLT<MatZ> llt(out.S);
  IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
  out.d2 = out.nu.dot(llt.solve(out.nu));
  out.log_det_S = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  return out;
}

void KalmanFilter::Update(const Measurement& m) {
  if (IsLinear(m.kind)) {
    // Fast path: with H a selection, P H^T = P[:, 0:k] and the optimal-gain form
    // P <- P - K (H P) is exact (the Joseph form's extra terms cancel for the optimal gain).
    const int k = MeasurementDimension(m.kind);
    IADSIM_CHECK(k <= model_.dims, "a 3-D measurement on a 2-D filter");
    if (model_.kind == MotionModelKind::kConstantVelocity || model_.kind == MotionModelKind::kCoordinatedTurn) {
      if (x_.size() == 4) return kalman_kernels::UpdateCartesian<4, 2>(m, x_.data(), P_.data());
      if (k == 2) return kalman_kernels::UpdateCartesian<6, 2>(m, x_.data(), P_.data());
      return kalman_kernels::UpdateCartesian<6, 3>(m, x_.data(), P_.data());
    }
    const MatXZ PHt = P_.leftCols(k);
    MatZ S = P_.topLeftCorner(k, k) + m.R;
    const Eigen::LLT<MatZ> llt(S);
    IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
    const MatXZ K = llt.solve(PHt.transpose()).transpose();
    x_ += K * (m.z - x_.head(k));
    P_ -= K * PHt.transpose();
    P_ = (0.5 * (P_ + P_.transpose())).eval();
    return;
  }
  Linearised lin;
  Linearise(variant_, m, x_, model_.dims, &lin);
  const MatXZ PHt = P_ * lin.H.transpose();
  MatZ S = lin.H * PHt + lin.m.R;
  S = (0.5 * (S + S.transpose())).eval();
  const Eigen::LLT<MatZ> llt(S);
  IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
  const MatXZ K = llt.solve(PHt.transpose()).transpose();  // K^T = S^-1 H P
  x_ += K * lin.nu;
  const int n = static_cast<int>(x_.size());
  const MatX I_KH = MatX::Identity(n, n) - K * lin.H;
  const MatX Pn = I_KH * P_ * I_KH.transpose() + K * lin.m.R * K.transpose();
  P_ = 0.5 * (Pn + Pn.transpose());
}

}  // namespace iadsim
