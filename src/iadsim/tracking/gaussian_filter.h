#pragma once
// The common part of the single-model Gaussian filters (KF, EKF, UKF; kalman_filter.h,
// unscented_filter.h): a state x and covariance P in a motion model's layout (motion_models.h),
// the reduction to position and velocity, and the PDA update.
//
// PDA update (Bar-Shalom & Li, Multitarget-Multisensor Tracking: Principles and Techniques, 1995,
// sec. 6.4; Bar-Shalom, Daum & Huang, IEEE Control Systems 29(6), 2009, eqs. 37-40): the posterior
// is the Gaussian matching the mixture of the prior (weight beta0) and of the update by each
// measurement i (weight beta_i):
//   x = x- + sum_i beta_i dx_i,                         dx_i = x_i - x-
//   P = beta0 P- + sum_i beta_i P_i + sum_i beta_i dx_i dx_i^T - dx dx^T,   dx = x - x-
// With a common gain K (same R, linear or linearised h) dx_i = K nu_i and P_i = P_c, which is the
// textbook form x = x- + K nu, P = beta0 P- + (1 - beta0) P_c + K [sum beta_i nu_i nu_i^T - nu nu^T] K^T
// (nu = sum beta_i nu_i); the mixture form also holds for the UKF and for measurements with
// different R. Weights: beta_i >= 0, beta0 >= 0, beta0 + sum beta_i = 1 (to 1e-9).
#include "iadsim/tracking/motion_models.h"
#include "iadsim/tracking/track_filter.h"

namespace iadsim {

class GaussianFilter : public TrackFilter {
 public:
  GaussianFilter(const MotionModel& model, const VecX& x0, const MatX& P0);

  const MotionModel& model() const { return model_; }
  const VecX& state() const { return x_; }
  const MatX& covariance() const { return P_; }
  // Replaces x and P (the IMM's mixing); sizes must match the model.
  void SetState(const VecX& x, const MatX& P);

  int spatial_dims() const final { return model_.dims; }
  void UpdatePda(std::span<const Measurement> ms, std::span<const double> beta, double beta0) final;
  Eigen::Vector3d position() const final;
  Eigen::Vector3d velocity() const final;
  Eigen::Matrix<double, 6, 6> position_velocity_covariance() const final;
  Eigen::Vector3d position_variance() const final;

 protected:
  MotionModel model_;
  VecX x_;
  MatX P_;
};

// Checks the PDA weights (a failure is a bug of the caller).
void CheckPdaWeights(std::span<const Measurement> ms, std::span<const double> beta, double beta0);

}  // namespace iadsim
