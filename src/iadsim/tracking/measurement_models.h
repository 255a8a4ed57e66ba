#pragma once
// Measurement models for every MeasurementKind (track_filter.h), for a state whose first `dims`
// components are the position p and the next `dims` the velocity v (motion_models.h layout), in
// the tracker frame (x east, y north, z up). With s the sensor position and d = p - s:
//   Cartesian 2-D   h = [x, y]                 (on a 3-D state too: the z component is not seen)
//   Cartesian 3-D   h = [x, y, z]              (3-D state only)
//   polar 2-D       h = [r, az]                r = |d| (3-D state) or |d_xy| (2-D state: the target is
//                                              taken at the sensor's height)
//   polar 3-D       h = [r, az, el]            3-D state only
//   + range rate    h = [r, az, el, d.v / r]
//   bearing         h = [az]
//   az = atan2(d_x, d_y) (clockwise from north), el = atan2(d_z, rho), rho = |d_xy|.
// Jacobian (EKF; Bar-Shalom, Li & Kirubarajan 2001, sec. 10.3):
//   dr/dp = d^T / r,  daz/dp = [d_y, -d_x, 0] / rho^2,  del/dp = [-d_x d_z / rho, -d_y d_z / rho, rho] / r^2
//   drdot/dp = (v - rdot d / r)^T / r,  drdot/dv = d^T / r
// Valid for rho > 0 (rho and r are floored at 1 mm: straight above the sensor the azimuth is
// undefined). Angles of residuals are wrapped to [-pi, pi).
#include "iadsim/tracking/track_filter.h"

namespace iadsim {

// A measurement Jacobian: up to kMaxMeas rows and kMaxState columns, no heap.
using MatH = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kMaxMeas, kMaxState>;

// Cartesian kinds are linear in the state (h = H x with H a selection of position components).
bool IsLinear(MeasurementKind kind);
// Whether component i of a measurement of this kind is an angle (wrapped in residuals).
bool IsAngleComponent(MeasurementKind kind, int i);
// An angle wrapped to [-pi, pi).
double WrapToPi(double angle_rad);

// h(x) for a state with `dims` (2 or 3) spatial dimensions. A 3-D-only kind on a 2-D state is a bug.
VecZ PredictMeasurement(const Measurement& m, const VecX& x, int dims);
// H = dh/dx at x (m rows, x.size() columns).
void MeasurementJacobian(const Measurement& m, const VecX& x, int dims, MatH* H);
// z - h with the angle components wrapped.
VecZ MeasurementResidual(MeasurementKind kind, const VecZ& z, const VecZ& h);

// ---- Converted measurements: a polar measurement as a Cartesian position ----
// With theta = pi/2 - az (counter-clockwise from x) and phi = el, the measured position is
//   m = r [cos phi cos theta, cos phi sin theta, sin phi]   (relative to the sensor)
// and with lambda_a = exp(-sigma_a^2 / 2), E[cos(a_m - a~)] = lambda_a cos a_m (Gaussian a~), so m
// is biased towards the sensor by the factor lambda_theta lambda_phi (horizontal) and lambda_phi
// (vertical) of the true position.
//  kLinearised: p = s + m, R = J diag(sr^2, saz^2, sel^2) J^T (first order; biased).
//  kUnbiased:   p = s + u, u_i = m_i / L_i,  L_x = L_y = lambda_theta lambda_phi, L_z = lambda_phi
//    (multiplicative debiasing), and the covariance of the true position given the measured
//    values (Mo, Song, Zhou, Sun & Bar-Shalom, "Unbiased converted measurements for tracking",
//    IEEE Trans. AES 34(3), 1998; Lerro & Bar-Shalom, IEEE Trans. AES 29(3), 1993):
//      R_ij = u_i u_j - u_i m_j L_j - u_j m_i L_i + E[x_i x_j | z]
//      E[x^2|z] = (r^2 + sr^2)/4 (1 + l4p cos 2phi)(1 + l4t cos 2theta)
//      E[y^2|z] = (r^2 + sr^2)/4 (1 + l4p cos 2phi)(1 - l4t cos 2theta)
//      E[z^2|z] = (r^2 + sr^2)/2 (1 - l4p cos 2phi)
//      E[xy|z]  = (r^2 + sr^2)/4 (1 + l4p cos 2phi) l4t sin 2theta
//      E[xz|z]  = (r^2 + sr^2)/2 l4p sin 2phi lambda_theta cos theta   (yz: sin theta)
//    with l4 = lambda^4 = exp(-2 sigma^2). The 2-D case is phi = 0, sigma_phi = 0.
// Uses the diagonal of R (range, azimuth, elevation standard deviations). Valid for sigma_angle
// up to a few degrees at any range. Polar 2-D gives a 2-D position; polar 3-D (with or without
// range rate) a 3-D one (the range rate is dropped). Bearing-only cannot be converted (a bug).
enum class PolarConversion { kLinearised, kUnbiased };
struct ConvertedMeasurement {
  VecZ p;  // position in the tracker frame, 2 or 3 components, metres
  MatZ R;  // its covariance, m^2
};
ConvertedMeasurement ConvertPolarToCartesian(const Measurement& m, PolarConversion method);
// The covariance of the unbiased converted position given the TRUE target at polar coordinates
// `at` = [r, az(, el)] (Duan, Han & Li, "Comments on 'Unbiased converted measurements for
// tracking'", IEEE Trans. AES 40(4), 2004):  R_ij = E[m_i m_j | at] / (L_i L_j) - t_i t_j,
// with E[m_i m_j | at] the second moments above evaluated at `at` and t = r [cos el sin az, ...].
// A filter evaluates it at its predicted position: the measurement-conditioned covariance is
// correlated with the measurement error, which makes a KF using it overconfident (NEES ~ 5.5
// instead of 4 in test/kalman_filter_test.cc at sigma_az = 1 deg); this one is not.
MatZ UnbiasedConversionCovarianceAt(const Measurement& m, const VecZ& at);
// The linearised covariance J diag(sr^2, saz^2, sel^2) J^T of a polar measurement converted to a
// 3-D Cartesian position, evaluated at the converted position's offset d = p - s from the sensor
// (J = d(x, y, z)/d(r, az, el) at r = |d|, az = atan2(d_x, d_y), el = atan2(d_z, |d_xy|); the
// kLinearised covariance above). Per-sensor noise for detections already converted to Cartesian
// (io/detections_csv.h). Example: at az = 90 deg, el = 0 (d on the x axis), R = diag(sr^2,
// r^2 saz^2, r^2 sel^2). Valid for |d| > 0; sigmas >= 0 (checked), in m and rad.
MatZ LinearisedPolarCovarianceAt(const Eigen::Vector3d& offset_m, double range_sigma_m, double azimuth_sigma_rad,
                                 double elevation_sigma_rad);
// m itself when Cartesian; else the unbiased converted position as a Cartesian measurement, its
// covariance evaluated at `covariance_at` (polar, e.g. the filter's prediction) when given, at
// the measured values (Mo et al. 1998) when null.
Measurement ToCartesianMeasurement(const Measurement& m, const VecZ* covariance_at = nullptr);

}  // namespace iadsim
