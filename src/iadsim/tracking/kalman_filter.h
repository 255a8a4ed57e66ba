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
#include "iadsim/tracking/gaussian_filter.h"

namespace iadsim {

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
