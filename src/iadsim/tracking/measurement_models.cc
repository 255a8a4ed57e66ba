#include "iadsim/tracking/measurement_models.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

constexpr double kFloor_m = 1e-3;

bool Needs3D(MeasurementKind kind) {
  return kind == MeasurementKind::kCartesian3D || kind == MeasurementKind::kPolar3D ||
         kind == MeasurementKind::kPolar3DDoppler;
}

// d = p - s in 3-D (a 2-D state is at the sensor's height).
Eigen::Vector3d Offset(const Measurement& m, const VecX& x, int dims) {
  Eigen::Vector3d d(x(0) - m.sensor_position.x(), x(1) - m.sensor_position.y(), 0.0);
  if (dims == 3) d.z() = x(2) - m.sensor_position.z();
  return d;
}

void CheckArgs(const Measurement& m, const VecX& x, int dims) {
  IADSIM_CHECK(dims == 2 || dims == 3, "measurement model: dims must be 2 or 3");
  IADSIM_CHECK(x.size() >= 2 * dims, "measurement model: state too short");
  IADSIM_CHECK(!(dims == 2 && Needs3D(m.kind)), "measurement model: a 3-D measurement on a 2-D state");
}

// The moments shared by the unbiased conversions, with θ = π/2 − azimuth, φ = elevation, the
// Gaussian angle errors' variances σθ², σφ² and a = r² + σr²: the bias factors
// L = (e^{−σθ²/2} e^{−σφ²/2}, e^{−σθ²/2} e^{−σφ²/2}, e^{−σφ²/2}) and the second moments E[x_i x_j]
// of the spherical-to-Cartesian point (Longbin et al. / Bordonaro et al.; header for the source).
struct SphericalMoments {
  Eigen::Vector3d L;
  Eigen::Matrix3d E;
};

SphericalMoments Moments(double r, double theta, double phi, double sr2, double st2, double sp2) {
  const double ct = std::cos(theta), st = std::sin(theta);
  const double lt = std::exp(-0.5 * st2), lp = std::exp(-0.5 * sp2);
  const double l4t = std::exp(-2.0 * st2), l4p = std::exp(-2.0 * sp2);
  const double a = r * r + sr2;
  const double c2t = std::cos(2.0 * theta), s2t = std::sin(2.0 * theta);
  const double c2p = std::cos(2.0 * phi), s2p = std::sin(2.0 * phi);
  SphericalMoments m;
  m.L = Eigen::Vector3d(lt * lp, lt * lp, lp);
  Eigen::Matrix3d& E = m.E;
  E(0, 0) = 0.25 * a * (1.0 + l4p * c2p) * (1.0 + l4t * c2t);
  E(1, 1) = 0.25 * a * (1.0 + l4p * c2p) * (1.0 - l4t * c2t);
  E(2, 2) = 0.5 * a * (1.0 - l4p * c2p);
  E(0, 1) = E(1, 0) = 0.25 * a * (1.0 + l4p * c2p) * l4t * s2t;
  E(0, 2) = E(2, 0) = 0.5 * a * l4p * s2p * lt * ct;
  E(1, 2) = E(2, 1) = 0.5 * a * l4p * s2p * lt * st;
  return m;
}

}  // namespace

bool IsLinear(MeasurementKind kind) {
  return kind == MeasurementKind::kCartesian2D || kind == MeasurementKind::kCartesian3D;
}

bool IsAngleComponent(MeasurementKind kind, int i) {
  switch (kind) {
    case MeasurementKind::kCartesian2D:
    case MeasurementKind::kCartesian3D: return false;
    case MeasurementKind::kPolar2D: return i == 1;
    case MeasurementKind::kPolar3D:
    case MeasurementKind::kPolar3DDoppler: return i == 1 || i == 2;
    case MeasurementKind::kBearing: return i == 0;
  }
  return false;
}

double WrapToPi(double a) {
  constexpr double kTwoPi = 2.0 * std::numbers::pi;
  a = std::fmod(a + std::numbers::pi, kTwoPi);
  if (a < 0.0) a += kTwoPi;
  return a - std::numbers::pi;
}

VecZ PredictMeasurement(const Measurement& m, const VecX& x, int dims) {
  CheckArgs(m, x, dims);
  const int mdim = MeasurementDimension(m.kind);
  VecZ h(mdim);
  if (IsLinear(m.kind)) {
    for (int i = 0; i < mdim; ++i) h(i) = x(i);
    return h;
  }
  const Eigen::Vector3d d = Offset(m, x, dims);
  const double az = std::atan2(d.x(), d.y());
  if (m.kind == MeasurementKind::kBearing) {
    h(0) = az;
    return h;
  }
  const double r = std::max(d.norm(), kFloor_m);
  h(0) = r;
  h(1) = az;
  if (mdim >= 3) h(2) = std::atan2(d.z(), std::hypot(d.x(), d.y()));
  if (mdim == 4) {
    const Eigen::Vector3d v(x(dims), x(dims + 1), x(dims + 2));
    h(3) = d.dot(v) / r;
  }
  return h;
}

void MeasurementJacobian(const Measurement& m, const VecX& x, int dims, MatH* H) {
  CheckArgs(m, x, dims);
  const int mdim = MeasurementDimension(m.kind);
  H->setZero(mdim, x.size());
  if (IsLinear(m.kind)) {
    for (int i = 0; i < mdim; ++i) (*H)(i, i) = 1.0;
    return;
  }
  const Eigen::Vector3d d = Offset(m, x, dims);
  const double rho2 = std::max(d.x() * d.x() + d.y() * d.y(), kFloor_m * kFloor_m);
  const double rho = std::sqrt(rho2);
  const double r = std::max(d.norm(), kFloor_m);
  // Rows as derivatives with respect to the 3-D position; columns beyond dims are dropped.
  Eigen::Matrix<double, kMaxMeas, 3> Hp = Eigen::Matrix<double, kMaxMeas, 3>::Zero();
  int az_row = 1;
  if (m.kind == MeasurementKind::kBearing) {
    az_row = 0;
  } else {
    Hp.row(0) = d.transpose() / r;
  }
  Hp.row(az_row) << d.y() / rho2, -d.x() / rho2, 0.0;
  if (mdim >= 3) Hp.row(2) << -d.x() * d.z() / (rho * r * r), -d.y() * d.z() / (rho * r * r), rho / (r * r);
  for (int i = 0; i < mdim; ++i)
    for (int a = 0; a < dims; ++a) (*H)(i, a) = Hp(i, a);
  if (mdim == 4) {
    const Eigen::Vector3d v(x(dims), x(dims + 1), x(dims + 2));
    const double rdot = d.dot(v) / r;
    const Eigen::Vector3d drdot_dp = (v - rdot * d / r) / r;
    for (int a = 0; a < 3; ++a) {
      (*H)(3, a) = drdot_dp(a);
      (*H)(3, dims + a) = d(a) / r;
    }
  }
}

VecZ MeasurementResidual(MeasurementKind kind, const VecZ& z, const VecZ& h) {
  VecZ nu = z - h;
  for (int i = 0; i < nu.size(); ++i)
    if (IsAngleComponent(kind, i)) nu(i) = WrapToPi(nu(i));
  return nu;
}

ConvertedMeasurement ConvertPolarToCartesian(const Measurement& m, PolarConversion method) {
  IADSIM_CHECK(m.kind == MeasurementKind::kPolar2D || m.kind == MeasurementKind::kPolar3D ||
                   m.kind == MeasurementKind::kPolar3DDoppler,
               "only range-azimuth(-elevation) measurements convert to Cartesian");
  const bool has_el = m.kind != MeasurementKind::kPolar2D;
  const int n = has_el ? 3 : 2;
  const double r = m.z(0);
  const double theta = 0.5 * std::numbers::pi - m.z(1);
  const double phi = has_el ? m.z(2) : 0.0;
  const double sr2 = m.R(0, 0), st2 = m.R(1, 1), sp2 = has_el ? m.R(2, 2) : 0.0;
  const double ct = std::cos(theta), st = std::sin(theta), cp = std::cos(phi), sp = std::sin(phi);
  Eigen::Vector3d mv(r * cp * ct, r * cp * st, r * sp);  // naive conversion, relative to the sensor
  ConvertedMeasurement out;
  out.p.resize(n);
  out.R.resize(n, n);
  if (method == PolarConversion::kLinearised) {
    // Columns: d/dr, d/daz (= -d/dtheta), d/del.
    Eigen::Matrix3d J;
    J << cp * ct, r * cp * st, -r * sp * ct,
         cp * st, -r * cp * ct, -r * sp * st,
         sp, 0.0, r * cp;
    const Eigen::Matrix3d Rc = J * Eigen::Vector3d(sr2, st2, sp2).asDiagonal() * J.transpose();
    for (int i = 0; i < n; ++i) {
      out.p(i) = m.sensor_position(i) + mv(i);
      for (int j = 0; j < n; ++j) out.R(i, j) = Rc(i, j);
    }
    return out;
  }
  const SphericalMoments mo = Moments(r, theta, phi, sr2, st2, sp2);  // E: E[x_i x_j | z]
  const Eigen::Vector3d& L = mo.L;
  const Eigen::Matrix3d& E = mo.E;
  const Eigen::Vector3d u = mv.cwiseQuotient(L);
  for (int i = 0; i < n; ++i) {
    out.p(i) = m.sensor_position(i) + u(i);
    for (int j = 0; j < n; ++j)
      out.R(i, j) = u(i) * u(j) - u(i) * mv(j) * L(j) - u(j) * mv(i) * L(i) + E(i, j);
  }
  return out;
}

MatZ UnbiasedConversionCovarianceAt(const Measurement& m, const VecZ& at) {
  const bool has_el = m.kind != MeasurementKind::kPolar2D;
  const int n = has_el ? 3 : 2;
  const double r = at(0);
  const double theta = 0.5 * std::numbers::pi - at(1);
  const double phi = has_el ? at(2) : 0.0;
  const double sr2 = m.R(0, 0), st2 = m.R(1, 1), sp2 = has_el ? m.R(2, 2) : 0.0;
  const double ct = std::cos(theta), st = std::sin(theta), cp = std::cos(phi), sp = std::sin(phi);
  const Eigen::Vector3d t(r * cp * ct, r * cp * st, r * sp);
  const SphericalMoments mo = Moments(r, theta, phi, sr2, st2, sp2);  // E: E[m_i m_j | true position]
  const Eigen::Vector3d& L = mo.L;
  const Eigen::Matrix3d& E = mo.E;
  MatZ R(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) R(i, j) = E(i, j) / (L(i) * L(j)) - t(i) * t(j);
  return R;
}

MatZ LinearisedPolarCovarianceAt(const Eigen::Vector3d& offset_m, double range_sigma_m, double azimuth_sigma_rad,
                                 double elevation_sigma_rad) {
  IADSIM_CHECK(range_sigma_m >= 0 && azimuth_sigma_rad >= 0 && elevation_sigma_rad >= 0,
               "LinearisedPolarCovarianceAt: sigmas must be >= 0");
  const Eigen::Vector3d& d = offset_m;
  Measurement m;
  m.kind = MeasurementKind::kPolar3D;
  m.z.resize(3);
  m.z << std::max(d.norm(), kFloor_m), std::atan2(d.x(), d.y()), std::atan2(d.z(), std::hypot(d.x(), d.y()));
  m.R = Eigen::Vector3d(range_sigma_m * range_sigma_m, azimuth_sigma_rad * azimuth_sigma_rad,
                        elevation_sigma_rad * elevation_sigma_rad)
            .asDiagonal();
  return ConvertPolarToCartesian(m, PolarConversion::kLinearised).R;
}

Measurement ToCartesianMeasurement(const Measurement& m, const VecZ* covariance_at) {
  if (IsLinear(m.kind)) return m;
  const ConvertedMeasurement c = ConvertPolarToCartesian(m, PolarConversion::kUnbiased);
  Measurement out = m;
  out.kind = c.p.size() == 3 ? MeasurementKind::kCartesian3D : MeasurementKind::kCartesian2D;
  out.z = c.p;
  out.R = covariance_at != nullptr ? UnbiasedConversionCovarianceAt(m, *covariance_at) : c.R;
  return out;
}

}  // namespace iadsim
