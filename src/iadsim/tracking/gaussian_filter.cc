#include "iadsim/tracking/gaussian_filter.h"

#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {

GaussianFilter::GaussianFilter(const MotionModel& model, const VecX& x0, const MatX& P0)
    : model_(model), x_(x0), P_(P0) {
  IADSIM_CHECK(model.dims == 2 || model.dims == 3, "filter dims must be 2 or 3");
  const int n = StateDimension(model);
  IADSIM_CHECK(x0.size() == n && P0.rows() == n && P0.cols() == n,
               "initial state size does not match the motion model");
}

void GaussianFilter::SetState(const VecX& x, const MatX& P) {
  IADSIM_CHECK(x.size() == x_.size() && P.rows() == P_.rows() && P.cols() == P_.cols(),
               "SetState: size does not match the motion model");
  x_ = x;
  P_ = P;
}

void CheckPdaWeights(std::span<const Measurement> ms, std::span<const double> beta, double beta0) {
  IADSIM_CHECK(ms.size() == beta.size(), "PDA: one weight per measurement");
  double sum = beta0;
  IADSIM_CHECK(beta0 >= 0.0, "PDA: beta0 must be >= 0");
  for (const double b : beta) {
    IADSIM_CHECK(b >= 0.0, "PDA: weights must be >= 0");
    sum += b;
  }
  IADSIM_CHECK(std::abs(sum - 1.0) < 1e-9, "PDA: weights must sum to 1");
}

void GaussianFilter::UpdatePda(std::span<const Measurement> ms, std::span<const double> beta,
                               double beta0) {
  CheckPdaWeights(ms, beta, beta0);
  const VecX x_prior = x_;
  const MatX P_prior = P_;
  const int n = static_cast<int>(x_prior.size());
  VecX dx = VecX::Zero(n);
  MatX P = beta0 * P_prior;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (beta[i] == 0.0) continue;
    Update(ms[i]);
    const VecX dxi = x_ - x_prior;
    dx += beta[i] * dxi;
    P += beta[i] * (P_ + dxi * dxi.transpose());
    x_ = x_prior;
    P_ = P_prior;
  }
  P -= dx * dx.transpose();
  x_ = x_prior + dx;
  P_ = 0.5 * (P + P.transpose());
}

Eigen::Vector3d GaussianFilter::position() const {
  Eigen::Vector3d p = Eigen::Vector3d::Zero();
  for (int a = 0; a < model_.dims; ++a) p(a) = x_(a);
  return p;
}

Eigen::Vector3d GaussianFilter::velocity() const {
  Eigen::Vector3d v = Eigen::Vector3d::Zero();
  for (int a = 0; a < model_.dims; ++a) v(a) = x_(model_.dims + a);
  return v;
}

Eigen::Vector3d GaussianFilter::position_variance() const {
  Eigen::Vector3d v = Eigen::Vector3d::Zero();
  for (int a = 0; a < model_.dims; ++a) v(a) = P_(a, a);
  return v;
}

Eigen::Matrix<double, 6, 6> GaussianFilter::position_velocity_covariance() const {
  const int d = model_.dims;
  Eigen::Matrix<double, 6, 6> C = Eigen::Matrix<double, 6, 6>::Zero();
  auto index6 = [d](int k) { return k < d ? k : 3 + (k - d); };  // state index -> [p, v] index
  for (int i = 0; i < 2 * d; ++i)
    for (int j = 0; j < 2 * d; ++j) C(index6(i), index6(j)) = P_(i, j);
  return C;
}

}  // namespace iadsim
