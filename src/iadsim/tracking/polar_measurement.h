#pragma once
// The measurement model of a radar at a known place, for a target whose state is kept in the
// tracker's ENU frame (origin o), and the conversion of one detection to a Cartesian position.
//
//   p_s = R_sensor_from_tracker (p - s)        target in the sensor's own ENU frame, metres
//   R_sensor_from_tracker = R_enu_from_ecef(sensor) R_enu_from_ecef(o)^T
//   h(x) = [ r, az, el ] = [ |p_s|, atan2(e_s, n_s), atan2(u_s, sqrt(e_s^2 + n_s^2)) ]
//          (metres, radians clockwise from north in [0, 2 pi), radians above the horizontal)
//   2-D radar: h(x) = [ r, az ]
// with s the sensor position in the tracker frame. Both frames are exact affine images of ECEF, so
// the model is exact at any distance; the Jacobian is analytic:
//   dr/dp_s  = p_s^T / r
//   daz/dp_s = [ n_s, -e_s, 0 ] / rho^2                       (rho = horizontal distance)
//   del/dp_s = [ -e_s u_s / rho, -n_s u_s / rho, rho ] / r^2
//   H = [ d h/d p_s * R_sensor_from_tracker,  0 (velocity) ]
// Valid for rho > 0: straight above the radar (its cone of silence) the azimuth is undefined,
// and rho is floored at 1 mm to keep the numbers finite.
// Source: Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and Navigation,
// Wiley 2001, ch. 10 (the extended Kalman filter); the frames are those of geodesy/geodetic.h.
#include <Eigen/Core>
#include <type_traits>

#include "iadsim/geodesy/geodetic.h"
#include "iadsim/messages/detection.h"
#include "iadsim/tracking/kalman.h"
#include "iadsim/tracking/motion_model.h"

namespace iadsim {

using PolarVec = KfMatrix<Eigen::Dynamic, 1>;               // [r, az, el] or [r, az]
using PolarCov = KfMatrix<Eigen::Dynamic, Eigen::Dynamic>;  // its covariance
using PolarJacobian = KfMatrix<Eigen::Dynamic, 6>;          // d h / d x

class PolarMeasurementModel final {
 public:
  PolarMeasurementModel(const LocalFrame& tracker_frame, const Geodetic& sensor_position,
                        bool has_elevation);

  int dimension() const { return has_elevation_ ? 3 : 2; }
  bool has_elevation() const { return has_elevation_; }
  const Geodetic& sensor_position() const { return sensor_position_; }
  const Vec3& sensor_enu() const { return s_enu_; }  // s, in the tracker frame
  const Eigen::Matrix3d& R_sensor_from_tracker() const { return R_sensor_from_tracker_; }

  // p_s above, for a position p given in the tracker frame.
  Vec3 SensorFromTracker(const Vec3& p_enu) const { return R_sensor_from_tracker_ * (p_enu - s_enu_); }
  // h(x), azimuth in [0, 2 pi).
  PolarVec Predict(const StateVec& x) const;
  // d h / d x at x.
  PolarJacobian Jacobian(const StateVec& x) const;
  // Both at one x, sharing p_s and its distances: each equal bit for bit to its call above. They
  // depend on the position alone: the second form takes it (tracker frame, m).
  struct Linearization {
    PolarVec h;
    PolarJacobian H;
  };
  Linearization Linearize(const StateVec& x) const { return Linearize(Vec3(x.head<3>())); }
  Linearization Linearize(const Vec3& p_enu) const;
  // z of a detection (its elevation is ignored when this model has none).
  PolarVec Measurement(const Detection& d) const;
  // R = diag(sigma_r^2, sigma_az^2 [, sigma_el^2]) of a detection.
  PolarCov NoiseCovariance(const Detection& d) const;
  // z - h, with the azimuth difference wrapped to [-pi, pi).
  PolarVec Innovation(const PolarVec& z, const PolarVec& h) const;

  // The same in fixed-size matrices of D = dimension() rows (2 or 3, checked): the forms above are
  // these, copied to run-time sizes, so each number is the same bit for bit. For inner loops,
  // where run-time sizes cost more than the arithmetic (ForDimension calls f with D).
  template <int D>
  using Vec = Eigen::Matrix<double, D, 1>;
  template <int D>
  struct FixedLinearization {
    Vec<D> h;
    Eigen::Matrix<double, D, 6> H;
  };
  template <int D>
  FixedLinearization<D> LinearizeFixed(const Vec3& p_enu) const;
  template <int D>
  Vec<D> MeasurementFixed(const Detection& d) const;
  template <int D>
  Eigen::Matrix<double, D, D> NoiseCovarianceFixed(const Detection& d) const;
  template <int D>
  Vec<D> InnovationFixed(const Vec<D>& z, const Vec<D>& h) const;
  template <class F>
  decltype(auto) ForDimension(F&& f) const {
    return has_elevation_ ? f(std::integral_constant<int, 3>{}) : f(std::integral_constant<int, 2>{});
  }

 private:
  // h and H from p_s, |p_s| and rho = max(hypot(p_s.x, p_s.y), kMinHorizontalM).
  template <int D>
  Vec<D> PredictAt(const Vec3& p, double norm, double rho) const;
  template <int D>
  Eigen::Matrix<double, D, 6> JacobianAt(const Vec3& p, double norm, double rho) const;
  template <int D>
  void CheckDimension() const;
  Geodetic sensor_position_;
  bool has_elevation_ = true;
  Vec3 s_enu_;
  Eigen::Matrix3d R_sensor_from_tracker_;
};

// A detection as a Cartesian position in the tracker frame, for track initiation.
//   p_s = r [cos el sin az, cos el cos az, sin el],   P_s = J diag(sr^2, saz^2, sel^2) J^T
//   p = s + R^T p_s,                                   P = R^T P_s R      (R = R_sensor_from_tracker)
// with J = d p_s / d(r, az, el): the first-order (linearised) conversion. Its bias is
// r (1 - exp(-saz^2/2)) along the line of sight (Lerro & Bar-Shalom, IEEE Trans. AES 29(3),
// 1993), below 1 m for r = 200 km and saz = 3 mrad, so it is neglected.
// A 2-D radar reports no elevation: the target is placed on the radar's horizontal plane
// (el = 0) with elevation standard deviation `unknown_elevation_sigma_rad`.
struct CartesianMeasurement {
  Vec3 p_enu;         // metres, tracker frame
  Eigen::Matrix3d P;  // m^2
};
CartesianMeasurement CartesianFromDetection(const LocalFrame& tracker_frame, const Detection& d,
                                            double unknown_elevation_sigma_rad = 0.05);

}  // namespace iadsim
