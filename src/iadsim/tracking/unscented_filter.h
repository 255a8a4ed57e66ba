#pragma once
// The unscented Kalman filter (additive noise), for any model of motion_models.h and any
// measurement of measurement_models.h.
// Sigma points (scaled unscented transform; Julier & Uhlmann, Proc. IEEE 92(3), 2004; Wan & van
// der Merwe, "The unscented Kalman filter for nonlinear estimation", IEEE AS-SPCC 2000):
//   lambda = alpha^2 (n + kappa) - n,  chi_0 = x,  chi_{i, n+i} = x +/- [sqrt((n + lambda) P)]_i
//   Wm_0 = lambda / (n + lambda),  Wc_0 = Wm_0 + 1 - alpha^2 + beta,  Wm_i = Wc_i = 1 / (2 (n + lambda))
// (the matrix square root is the lower Cholesky factor).
//   predict:  chi_i <- f(chi_i, T),  x = sum Wm_i chi_i,  P = sum Wc_i (chi_i - x)(.)^T + Q(T)
//   update:   Z_i = h(chi_i),  z^ = Z_0 + sum Wm_i wrap(Z_i - Z_0)  (angles averaged as residuals)
//             S = sum Wc_i dZ_i dZ_i^T + R,  C = sum Wc_i (chi_i - x) dZ_i^T,  K = C S^-1
//             x <- x + K wrap(z - z^),  P <- P - K S K^T
// Defaults alpha = 1, beta = 2 (optimal for a Gaussian prior), kappa = 0: lambda = 0, the points
// lie at +/- sqrt(n) standard deviations and all mean weights are >= 0 (no negative central
// weight, so P stays positive definite). alpha in (0, 1], beta >= 0, n + kappa > 0.
#include "iadsim/tracking/gaussian_filter.h"

namespace iadsim {

struct UkfParameters {
  double alpha = 1.0;  // spread of the sigma points, (0, 1]
  double beta = 2.0;   // prior knowledge of the distribution, >= 0 (2: Gaussian)
  double kappa = 0.0;  // secondary scaling; n + kappa > 0
};

class UnscentedKalmanFilter final : public GaussianFilter {
 public:
  UnscentedKalmanFilter(const UkfParameters& params, const MotionModel& model, const VecX& x0,
                        const MatX& P0);

  std::unique_ptr<TrackFilter> Clone() const override {
    return std::make_unique<UnscentedKalmanFilter>(*this);
  }
  void Predict(double dt_s) override;
  Innovation Innovate(const Measurement& m) const override;
  void Update(const Measurement& m) override;

 private:
  using MatXZ = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kMaxState, kMaxMeas>;
  static constexpr int kMaxPoints = 2 * kMaxState + 1;
  struct Transformed {
    VecZ zhat;  // predicted measurement
    MatZ S;     // innovation covariance
    MatXZ C;    // state-measurement cross-covariance
  };
  void SigmaPoints(VecX* points) const;  // 2n + 1 points
  void Transform(const Measurement& m, Transformed* t) const;

  UkfParameters params_;
  double lambda_ = 0.0;
  double wm0_ = 0.0, wc0_ = 0.0, wi_ = 0.0;
};

}  // namespace iadsim
