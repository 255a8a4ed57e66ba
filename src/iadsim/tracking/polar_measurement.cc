#include "iadsim/tracking/polar_measurement.h"

#include <algorithm>
#include <cmath>

#include "iadsim/core/angle.h"
#include "iadsim/core/error.h"

namespace iadsim {
namespace {
constexpr double kMinHorizontalM = 1e-3;
}  // namespace

PolarMeasurementModel::PolarMeasurementModel(const LocalFrame& tracker_frame,
                                             const Geodetic& sensor_position, bool has_elevation)
    : sensor_position_(sensor_position),
      has_elevation_(has_elevation),
      s_enu_(tracker_frame.EnuFromGeodetic(sensor_position)),
      R_sensor_from_tracker_(
          EnuFromEcefRotation(sensor_position.lat_deg, sensor_position.lon_deg) *
          EnuFromEcefRotation(tracker_frame.origin().lat_deg, tracker_frame.origin().lon_deg)
              .transpose()) {}

template <int D>
void PolarMeasurementModel::CheckDimension() const {
  IADSIM_CHECK(D == dimension(), "PolarMeasurementModel: fixed size of another dimension");
}

template <int D>
PolarMeasurementModel::Vec<D> PolarMeasurementModel::PredictAt(const Vec3& p, double norm, double rho) const {
  Vec<D> h;
  h(0) = norm;
  h(1) = WrapTwoPi(std::atan2(p.x(), p.y()));
  if constexpr (D == 3) h(2) = std::atan2(p.z(), rho);
  return h;
}

template <int D>
Eigen::Matrix<double, D, 6> PolarMeasurementModel::JacobianAt(const Vec3& p, double norm, double rho) const {
  const double r = std::max(norm, kMinHorizontalM);
  Eigen::Matrix3d J_polar_from_ps;
  J_polar_from_ps.row(0) = p.transpose() / r;
  J_polar_from_ps.row(1) << p.y() / (rho * rho), -p.x() / (rho * rho), 0.0;
  if constexpr (D == 3)
    J_polar_from_ps.row(2) << -p.x() * p.z() / (rho * r * r), -p.y() * p.z() / (rho * r * r), rho / (r * r);
  else
    J_polar_from_ps.row(2).setZero();  // not used (each row of the product below is its own)
  const Eigen::Matrix3d J_polar_from_p = J_polar_from_ps * R_sensor_from_tracker_;
  Eigen::Matrix<double, D, 6> H;
  H.template leftCols<3>() = J_polar_from_p.template topRows<D>();
  H.template rightCols<3>().setZero();
  return H;
}

PolarVec PolarMeasurementModel::Predict(const StateVec& x) const {
  const Vec3 p = SensorFromTracker(x.head<3>());
  const double norm = p.norm(), rho = std::max(std::hypot(p.x(), p.y()), kMinHorizontalM);
  return ForDimension([&]<int D>(std::integral_constant<int, D>) { return PolarVec(PredictAt<D>(p, norm, rho)); });
}

PolarJacobian PolarMeasurementModel::Jacobian(const StateVec& x) const {
  const Vec3 p = SensorFromTracker(x.head<3>());
  const double norm = p.norm(), rho = std::max(std::hypot(p.x(), p.y()), kMinHorizontalM);
  return ForDimension([&]<int D>(std::integral_constant<int, D>) { return PolarJacobian(JacobianAt<D>(p, norm, rho)); });
}

template <int D>
PolarMeasurementModel::FixedLinearization<D> PolarMeasurementModel::LinearizeFixed(const Vec3& p_enu) const {
  CheckDimension<D>();
  const Vec3 p = SensorFromTracker(p_enu);
  const double norm = p.norm(), rho = std::max(std::hypot(p.x(), p.y()), kMinHorizontalM);
  return {PredictAt<D>(p, norm, rho), JacobianAt<D>(p, norm, rho)};
}

PolarMeasurementModel::Linearization PolarMeasurementModel::Linearize(const Vec3& p_enu) const {
  return ForDimension([&]<int D>(std::integral_constant<int, D>) {
    const FixedLinearization<D> l = LinearizeFixed<D>(p_enu);
    return Linearization{PolarVec(l.h), PolarJacobian(l.H)};
  });
}

template <int D>
PolarMeasurementModel::Vec<D> PolarMeasurementModel::MeasurementFixed(const Detection& d) const {
  CheckDimension<D>();
  Vec<D> z;
  z(0) = d.range_m;
  z(1) = d.azimuth_rad;
  if constexpr (D == 3) z(2) = d.elevation_rad;
  return z;
}

template <int D>
Eigen::Matrix<double, D, D> PolarMeasurementModel::NoiseCovarianceFixed(const Detection& d) const {
  CheckDimension<D>();
  IADSIM_CHECK(d.sigma_range_m > 0.0 && d.sigma_azimuth_rad > 0.0 && (D == 2 || d.sigma_elevation_rad > 0.0),
               "a detection needs positive measurement standard deviations");
  Eigen::Matrix<double, D, D> R = Eigen::Matrix<double, D, D>::Zero();
  R(0, 0) = d.sigma_range_m * d.sigma_range_m;
  R(1, 1) = d.sigma_azimuth_rad * d.sigma_azimuth_rad;
  if constexpr (D == 3) R(2, 2) = d.sigma_elevation_rad * d.sigma_elevation_rad;
  return R;
}

template <int D>
PolarMeasurementModel::Vec<D> PolarMeasurementModel::InnovationFixed(const Vec<D>& z, const Vec<D>& h) const {
  CheckDimension<D>();
  Vec<D> nu = z - h;
  nu(1) = WrapPi(nu(1));
  return nu;
}

PolarVec PolarMeasurementModel::Measurement(const Detection& d) const {
  return ForDimension([&]<int D>(std::integral_constant<int, D>) { return PolarVec(MeasurementFixed<D>(d)); });
}

PolarCov PolarMeasurementModel::NoiseCovariance(const Detection& d) const {
  return ForDimension([&]<int D>(std::integral_constant<int, D>) { return PolarCov(NoiseCovarianceFixed<D>(d)); });
}

PolarVec PolarMeasurementModel::Innovation(const PolarVec& z, const PolarVec& h) const {
  IADSIM_CHECK(z.size() == dimension() && h.size() == dimension(), "measurement dimension mismatch");
  return ForDimension([&]<int D>(std::integral_constant<int, D>) {
    return PolarVec(InnovationFixed<D>(Vec<D>(z), Vec<D>(h)));
  });
}

template PolarMeasurementModel::FixedLinearization<2> PolarMeasurementModel::LinearizeFixed<2>(const Vec3&) const;
template PolarMeasurementModel::FixedLinearization<3> PolarMeasurementModel::LinearizeFixed<3>(const Vec3&) const;
template PolarMeasurementModel::Vec<2> PolarMeasurementModel::MeasurementFixed<2>(const Detection&) const;
template PolarMeasurementModel::Vec<3> PolarMeasurementModel::MeasurementFixed<3>(const Detection&) const;
template Eigen::Matrix2d PolarMeasurementModel::NoiseCovarianceFixed<2>(const Detection&) const;
template Eigen::Matrix3d PolarMeasurementModel::NoiseCovarianceFixed<3>(const Detection&) const;
template PolarMeasurementModel::Vec<2> PolarMeasurementModel::InnovationFixed<2>(const Vec<2>&, const Vec<2>&) const;
template PolarMeasurementModel::Vec<3> PolarMeasurementModel::InnovationFixed<3>(const Vec<3>&, const Vec<3>&) const;

CartesianMeasurement CartesianFromDetection(const LocalFrame& tracker_frame, const Detection& d,
                                            double unknown_elevation_sigma_rad) {
  const PolarMeasurementModel model(tracker_frame, d.sensor_position, d.has_elevation);
  const double r = d.range_m, az = d.azimuth_rad;
  const double el = d.has_elevation ? d.elevation_rad : 0.0;
  const double sel = d.has_elevation ? d.sigma_elevation_rad : unknown_elevation_sigma_rad;
  IADSIM_CHECK(d.sigma_range_m > 0.0 && d.sigma_azimuth_rad > 0.0 && sel > 0.0,
               "a detection needs positive measurement standard deviations");
  const double ca = std::cos(az), sa = std::sin(az), ce = std::cos(el), se = std::sin(el);
  const Vec3 p_s = EnuFromPolar({r, az, el});
  // Columns: d p_s / d r, d p_s / d az, d p_s / d el.
  Eigen::Matrix3d J;
  J << ce * sa, r * ce * ca, -r * se * sa,  //
      ce * ca, -r * ce * sa, -r * se * ca,  //
      se, 0.0, r * ce;
  const Eigen::Vector3d var(d.sigma_range_m * d.sigma_range_m,
                            d.sigma_azimuth_rad * d.sigma_azimuth_rad, sel * sel);
  const Eigen::Matrix3d P_s = J * var.asDiagonal() * J.transpose();
  const Eigen::Matrix3d& R = model.R_sensor_from_tracker();
  CartesianMeasurement out;
  out.p_enu = model.sensor_enu() + R.transpose() * p_s;
  out.P = R.transpose() * P_s * R;
  out.P = 0.5 * (out.P + out.P.transpose()).eval();
  return out;
}

}  // namespace iadsim
