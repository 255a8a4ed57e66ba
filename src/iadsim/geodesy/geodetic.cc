#include "iadsim/geodesy/geodetic.h"

#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/Geodesic.hpp>

#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"

namespace iadsim {
namespace {
const GeographicLib::Geocentric& Earth() { return GeographicLib::Geocentric::WGS84(); }
const GeographicLib::Geodesic& Geod() { return GeographicLib::Geodesic::WGS84(); }
constexpr double kDeg = std::numbers::pi / 180.0;
}  // namespace

Vec3 EcefFromGeodetic(const Geodetic& g) {
  Vec3 p;
  Earth().Forward(g.lat_deg, g.lon_deg, g.alt_m, p.x(), p.y(), p.z());
  return p;
}

Geodetic GeodeticFromEcef(const Vec3& p) {
  Geodetic g;
  Earth().Reverse(p.x(), p.y(), p.z(), g.lat_deg, g.lon_deg, g.alt_m);
  return g;
}

GeodesicInverse Inverse(const Geodetic& from, const Geodetic& to) {
  GeodesicInverse r;
  double azi1 = 0, azi2 = 0;
  Geod().Inverse(from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg, r.distance_m, azi1, azi2);
  r.azimuth_from_rad = WrapTwoPi(azi1 * kDeg);
  r.azimuth_to_rad = WrapTwoPi(azi2 * kDeg);
  return r;
}

GeodesicPath::GeodesicPath(const Geodetic& from, double azimuth_rad)
    : line_(std::make_shared<const GeographicLib::GeodesicLine>(Geod().Line(from.lat_deg, from.lon_deg, azimuth_rad / kDeg))) {}

GeodesicDirect GeodesicPath::At(double distance_m) const {
  GeodesicDirect r;
  double azi2 = 0;
  line_->Position(distance_m, r.point.lat_deg, r.point.lon_deg, azi2);
  r.azimuth_rad = WrapTwoPi(azi2 * kDeg);
  return r;
}

GeodesicDirect Direct(const Geodetic& from, double azimuth_rad, double distance_m) {
  GeodesicDirect r;
  double azi2 = 0;
  Geod().Direct(from.lat_deg, from.lon_deg, azimuth_rad / kDeg, distance_m, r.point.lat_deg,
                r.point.lon_deg, azi2);
  r.azimuth_rad = WrapTwoPi(azi2 * kDeg);
  return r;
}

Eigen::Matrix3d EnuFromEcefRotation(double lat_deg, double lon_deg) {
  const double sl = std::sin(lat_deg * kDeg), cl = std::cos(lat_deg * kDeg);
  const double so = std::sin(lon_deg * kDeg), co = std::cos(lon_deg * kDeg);
  Eigen::Matrix3d R;
  R << -so, co, 0.0,            //
      -sl * co, -sl * so, cl,   //
      cl * co, cl * so, sl;
  return R;
}

LocalFrame::LocalFrame(const Geodetic& origin)
    : origin_(origin),
      origin_ecef_(EcefFromGeodetic(origin)),
      R_enu_from_ecef_(EnuFromEcefRotation(origin.lat_deg, origin.lon_deg)) {}

Vec3 LocalFrame::EnuFromGeodetic(const Geodetic& g) const { return EnuFromEcef(EcefFromGeodetic(g)); }

Geodetic LocalFrame::GeodeticFromEnu(const Vec3& p_enu) const { return GeodeticFromEcef(EcefFromEnu(p_enu)); }

Eigen::Matrix<double, 6, 6> RotatePositionVelocityCovariance(const Eigen::Matrix3d& R,
                                                             const Eigen::Matrix<double, 6, 6>& P) {
  Eigen::Matrix<double, 6, 6> T = Eigen::Matrix<double, 6, 6>::Zero();
  T.topLeftCorner<3, 3>() = R;
  T.bottomRightCorner<3, 3>() = R;
  return T * P * T.transpose();
}

Polar PolarFromEnu(const Vec3& p) {
  Polar r;
  r.range_m = p.norm();
  r.azimuth_rad = WrapTwoPi(std::atan2(p.x(), p.y()));
  r.elevation_rad = std::atan2(p.z(), std::hypot(p.x(), p.y()));
  return r;
}

Vec3 EnuFromPolar(const Polar& p) {
  const double ce = std::cos(p.elevation_rad);
  return {p.range_m * ce * std::sin(p.azimuth_rad), p.range_m * ce * std::cos(p.azimuth_rad),
          p.range_m * std::sin(p.elevation_rad)};
}

}  // namespace iadsim
