#include "iadsim/geodesy/geodetic.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

TEST(Geodesy, EcefOfKnownPoints) {
  // On the equator at the prime meridian, ECEF x is the WGS-84 semi-major axis a = 6378137 m.
  const Vec3 p = EcefFromGeodetic({0, 0, 0});
  EXPECT_NEAR(p.x(), 6378137.0, 1e-6);
  EXPECT_NEAR(p.y(), 0.0, 1e-6);
  // At the pole, |z| is the semi-minor axis b = a(1-f), f = 1/298.257223563 -> 6356752.3142 m.
  EXPECT_NEAR(EcefFromGeodetic({90, 0, 0}).z(), 6356752.3142, 1e-3);
}

TEST(Geodesy, GeodeticEcefRoundTrip) {
  for (const Geodetic g : {Geodetic{35.41167, 35.945, 48}, Geodetic{-33.9, 151.2, 11000},
                           Geodetic{89.9, -179.9, 20}, Geodetic{0.1, 0.1, -50}}) {
    const Geodetic back = GeodeticFromEcef(EcefFromGeodetic(g));
    EXPECT_NEAR(back.lat_deg, g.lat_deg, 1e-10);
    EXPECT_NEAR(back.lon_deg, g.lon_deg, 1e-10);
    EXPECT_NEAR(back.alt_m, g.alt_m, 1e-6);
  }
}

TEST(Geodesy, EnuRoundTripAndAxes) {
  const LocalFrame f({35.41167, 35.945, 48});
  const Vec3 p{12345.6, -54321.0, 7000.0};
  const Vec3 back = f.EnuFromGeodetic(f.GeodeticFromEnu(p));
  EXPECT_NEAR((back - p).norm(), 0.0, 1e-6);
  // A point straight above the origin is straight up.
  const Vec3 up = f.EnuFromGeodetic({35.41167, 35.945, 1048});
  EXPECT_NEAR(up.x(), 0.0, 1e-6);
  EXPECT_NEAR(up.y(), 0.0, 1e-6);
  EXPECT_NEAR(up.z(), 1000.0, 1e-6);
}

TEST(Geodesy, OneDegreeOfLatitudeAtEquator) {
  // Length of 1 degree of latitude at the equator on WGS-84: 110574.389 m (meridian arc).
  const auto inv = Inverse({0, 0, 0}, {1, 0, 0});
  EXPECT_NEAR(inv.distance_m, 110574.389, 0.01);
  EXPECT_NEAR(inv.azimuth_from_rad, 0.0, 1e-12);
  const auto dir = Direct({0, 0, 0}, 0.0, inv.distance_m);
  EXPECT_NEAR(dir.point.lat_deg, 1.0, 1e-12);
}

TEST(Geodesy, PolarRoundTrip) {
  const Vec3 p{3000, -4000, 1200};
  const Polar pol = PolarFromEnu(p);
  EXPECT_NEAR(pol.azimuth_rad, std::numbers::pi - std::atan2(3000, 4000), 1e-12);
  EXPECT_NEAR((EnuFromPolar(pol) - p).norm(), 0.0, 1e-9);
}

}  // namespace
}  // namespace iadsim
