#pragma once
// The Kalman filter (linear models) and the extended Kalman filter (any model of motion_models.h,
// any measurement of measurement_models.h), as TrackFilters.
//   predict:  x <- f(x, T),  P <- F P F^T + Q(T)          (F = df/dx; = the transition if linear)
//   update:   nu = z - h(x) (angles wrapped),  S = H P H^T + R,  K = P H^T S^-1
//             x <- x + K nu,  P <- (I - K H) P (I - K H)^T + K R K^T   (Joseph form)
// Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and Navigation, Wiley
// 2001, sec. 5.2 (KF) and 10.3 (EKF).
// Variant kLinear (KF): the motion model must be linear (CV, CA, CT with known turn rate); a
// Cartesian measurement is used as is, a polar one through the unbiased converted measurement
// (measurement_models.h, Mo et al. 1998) with its covariance evaluated at the predicted position
// (Duan, Han & Li 2004), so the filter stays linear and consistent. A bearing-only measurement
// cannot be converted: giving one to the KF is a bug (use the EKF or UKF).
// Variant kExtended (EKF): f and h are linearised at the current estimate.
// No heap allocation in Predict, Innovate, Update (fixed-maximum-size matrices). Fast paths: CV
// predicts without forming F (p += T v on the rows and columns of P); a Cartesian measurement
// (H a selection of position components) uses S = P[0:k, 0:k] + R, K = P[:, 0:k] S^-1 and the
// optimal-gain form P <- P - K P[0:k, :] (equal to the Joseph form for the optimal gain); for CV
// and CT with a Cartesian measurement these run on fixed-size 4x4 / 6x6 maps of the state.
#include <Eigen/Cholesky>

#include "iadsim/core/error.h"
#include "iadsim/tracking/gaussian_filter.h"

namespace iadsim {

// The fixed-size kernels of the CV fast paths, on a state of N = 2 dims components stored
// contiguously (x[N], P[N * N] column-major, as the fixed-maximum matrices store an N x N matrix),
// shared by KalmanFilter and the tracker's CV engine (multi_target_tracker.cc) so that both do
// the same arithmetic, bit for bit.
namespace kalman_kernels {

// CV predict by T >= 0 with acceleration PSD q: p += T v on the rows and columns of P, plus Q(T).
template <int N>
void PredictCv(double T, double q, double* xv, double* Pv) {
  constexpr int d = N / 2;
  Eigen::Map<Eigen::Matrix<double, N, 1>> x(xv);
  Eigen::Map<Eigen::Matrix<double, N, N>> P(Pv);
  x.template head<d>() += T * x.template tail<d>();
  P.template topRows<d>() += T * P.template bottomRows<d>();
  P.template leftCols<d>() += T * P.template rightCols<d>();
  const double qpp = q * T * T * T / 3.0, qpv = q * T * T / 2.0, qvv = q * T;
  for (int a = 0; a < d; ++a) {
    P(a, a) += qpp;
    P(a, d + a) += qpv;
    P(d + a, a) += qpv;
    P(d + a, d + a) += qvv;
  }
}

// Update by a Cartesian measurement of the first K position components (H a selection):
// S = P[0:K, 0:K] + R, K = P[:, 0:K] S^-1, P <- P - K P[0:K, :] (symmetrised).
template <int N, int K>
void UpdateCartesian(const Measurement& m, double* xv, double* Pv) {
  Eigen::Map<Eigen::Matrix<double, N, 1>> x(xv);
  Eigen::Map<Eigen::Matrix<double, N, N>> P(Pv);
  const Eigen::Matrix<double, N, K> PHt = P.template leftCols<K>();
  const Eigen::Matrix<double, K, K> S = P.template topLeftCorner<K, K>() + m.R.template topLeftCorner<K, K>();
  const Eigen::LLT<Eigen::Matrix<double, K, K>> llt(S);
  IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
  const Eigen::Matrix<double, N, K> K_gain = llt.solve(PHt.transpose()).transpose();
  const Eigen::Matrix<double, K, 1> nu = m.z.template head<K>() - x.template head<K>();
  x += K_gain * nu;
  const Eigen::Matrix<double, N, N> Pn = P - K_gain * PHt.transpose();
  P = 0.5 * (Pn + Pn.transpose());
}

// The innovation of a Cartesian measurement of the first k = dim z position components for a
// state of n components (x[n], P[n * n] as above): nu = z - x[0:k], S = P[0:k, 0:k] + R,
// d2 = nu^T S^-1 nu and ln|S| through the Cholesky factor of S.
Innovation InnovateCartesian(const Measurement& m, const double* x, const double* P, int n);

}  // namespace kalman_kernels

enum class KalmanVariant { kLinear, kExtended };

class KalmanFilter final : public GaussianFilter {
 public:
  KalmanFilter(KalmanVariant variant, const MotionModel& model, const VecX& x0, const MatX& P0);

  KalmanVariant variant() const { return variant_; }
  std::unique_ptr<TrackFilter> Clone() const override { return std::make_unique<KalmanFilter>(*this); }
  void Predict(double dt_s) override;
  Innovation Innovate(const Measurement& m) const override;
  void Update(const Measurement& m) override;

 private:
  KalmanVariant variant_;
};

}  // namespace iadsim
