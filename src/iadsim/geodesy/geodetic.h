#pragma once
// WGS-84 positions and frames, with GeographicLib underneath (Karney, "Algorithms for geodesics",
// J. Geodesy 87:43-55, 2013; exact to the nanometre for these conversions).
//   Geodetic: latitude and longitude in degrees, height above the ellipsoid in metres.
//   ECEF: earth-centred, earth-fixed Cartesian, metres.
//   ENU: a local tangent plane (east, north, up) about an origin, metres.
#include <Eigen/Core>
#include <GeographicLib/GeodesicLine.hpp>

#include <memory>

namespace iadsim {

using Vec2 = Eigen::Vector2d;
using Vec3 = Eigen::Vector3d;

struct Geodetic {
  double lat_deg = 0.0;  // [-90, 90]
  double lon_deg = 0.0;  // [-180, 180]
  double alt_m = 0.0;    // height above the WGS-84 ellipsoid
  bool operator==(const Geodetic&) const = default;  // the same numbers (no tolerance)
};

Vec3 EcefFromGeodetic(const Geodetic& g);
Geodetic GeodeticFromEcef(const Vec3& p_ecef);

// Great-circle (geodesic) distance on the ellipsoid surface, metres, and the forward azimuth at
// `from`, radians clockwise from true north.
struct GeodesicInverse {
  double distance_m = 0.0;
  double azimuth_from_rad = 0.0;
  double azimuth_to_rad = 0.0;  // forward azimuth at `to`
};
GeodesicInverse Inverse(const Geodetic& from, const Geodetic& to);
// The point `distance_m` along the geodesic leaving `from` at azimuth `azimuth_rad`; the
// returned azimuth is the forward azimuth there. Altitudes are ignored (set to 0).
struct GeodesicDirect {
  Geodetic point;
  double azimuth_rad = 0.0;
};
// A geodesic leaving a point at an azimuth, prepared once (GeographicLib::GeodesicLine) so that
// positions along it cost a fraction of a Direct() call. Same results as Direct() to rounding.
class GeodesicPath final {
 public:
  GeodesicPath(const Geodetic& from, double azimuth_rad);
  GeodesicDirect At(double distance_m) const;

 private:
  std::shared_ptr<const GeographicLib::GeodesicLine> line_;
};

GeodesicDirect Direct(const Geodetic& from, double azimuth_rad, double distance_m);

// A local east-north-up frame about an origin.
class LocalFrame final {
 public:
  explicit LocalFrame(const Geodetic& origin);
  const Geodetic& origin() const { return origin_; }
  Vec3 EnuFromGeodetic(const Geodetic& g) const;
  Geodetic GeodeticFromEnu(const Vec3& p_enu) const;
  Vec3 EnuFromEcef(const Vec3& p_ecef) const { return R_enu_from_ecef_ * (p_ecef - origin_ecef_); }
  Vec3 EcefFromEnu(const Vec3& p_enu) const { return origin_ecef_ + R_enu_from_ecef_.transpose() * p_enu; }
  // Rotates a vector (velocity, direction) between the frames.
  Vec3 EnuVectorFromEcef(const Vec3& v_ecef) const { return R_enu_from_ecef_ * v_ecef; }
  Vec3 EcefVectorFromEnu(const Vec3& v_enu) const { return R_enu_from_ecef_.transpose() * v_enu; }
  const Eigen::Matrix3d& R_enu_from_ecef() const { return R_enu_from_ecef_; }

 private:
  Geodetic origin_;
  Vec3 origin_ecef_;
  Eigen::Matrix3d R_enu_from_ecef_;
};

// The rotation from ECEF to the ENU frame at a geodetic point.
Eigen::Matrix3d EnuFromEcefRotation(double lat_deg, double lon_deg);

// The covariance of a (position, velocity) state after the rotation R of both parts:
// T P T' with T = diag(R, R).
Eigen::Matrix<double, 6, 6> RotatePositionVelocityCovariance(const Eigen::Matrix3d& R,
                                                             const Eigen::Matrix<double, 6, 6>& P);

// Range, azimuth (radians clockwise from north, [0, 2pi)) and elevation (radians above the
// local horizontal) of a point given in an ENU frame about the observer.
struct Polar {
  double range_m = 0.0;
  double azimuth_rad = 0.0;
  double elevation_rad = 0.0;
};
Polar PolarFromEnu(const Vec3& p_enu);
Vec3 EnuFromPolar(const Polar& p);

}  // namespace iadsim
