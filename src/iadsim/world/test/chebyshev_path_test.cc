// ChebyshevPath against closed forms: the equator and a meridian over the pole of WGS-84, whose
// surface points and directions are known exactly (x = a cos(s/a) on the equator; on a meridian,
// the point of geodetic latitude phi is (nu cos phi, 0, nu (1 - e^2) sin phi)).
#include "iadsim/world/chebyshev_path.h"

#include <gtest/gtest.h>

#include <GeographicLib/Constants.hpp>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;
const double kA = GeographicLib::Constants::WGS84_a();

TEST(ChebyshevPath, FollowsTheEquatorToTheNanometre) {
  ChebyshevPath path;
  const double length = 5000e3;  // 5 chunks
  path.Fit(100.0, 100.0 + length, [](double along) { return PathPoint{{0.0, along / kA / kDeg, 0.0}, std::numbers::pi / 2}; });
  EXPECT_EQ(path.chunk_count(), 5u);
  EXPECT_LE(path.max_terms(), 12);
  EXPECT_DOUBLE_EQ(path.begin_m(), 100.0);
  EXPECT_DOUBLE_EQ(path.end_m(), 100.0 + length);
  for (int i = 0; i <= 1000; ++i) {
    const double along = length * i / 1000.0, lon = along / kA;
    const PathFrame f = path.At(100.0 + along);
    EXPECT_LT((f.p0_ecef - Vec3{kA * std::cos(lon), kA * std::sin(lon), 0.0}).norm(), 1e-6);
    EXPECT_LT((f.t_ecef - Vec3{-std::sin(lon), std::cos(lon), 0.0}).norm(), 1e-11);
    EXPECT_LT((f.up_ecef - Vec3{std::cos(lon), std::sin(lon), 0.0}).norm(), 1e-12);
    ASSERT_TRUE(f.angles);  // latitude, longitude and heading fitted too
    EXPECT_NEAR(f.lat_deg, 0.0, 1e-11);
    EXPECT_NEAR(f.lon_deg, std::remainder(lon / kDeg, 360.0), 1e-11);
    EXPECT_NEAR(f.heading_rad, std::numbers::pi / 2, 1e-11);
  }
}

TEST(ChebyshevPath, CrossesThePoleOnAMeridian) {
  // Latitude as a function of s is not needed in closed form: the exact path is parametrised by
  // latitude phi = 80 + 20 u deg (u = s / 2,000 km), over the pole onto the opposite meridian.
  const double e2 = GeographicLib::Constants::WGS84_f() * (2 - GeographicLib::Constants::WGS84_f());
  auto phi_at = [](double along) { return (80.0 + 20.0 * along / 2000e3) * kDeg; };  // 80 .. 100 deg
  auto exact = [&](double along) {
    const double phi = phi_at(along);
    return phi <= std::numbers::pi / 2 ? PathPoint{{phi / kDeg, 10.0, 0.0}, 0.0}
                                       : PathPoint{{180.0 - phi / kDeg, -170.0, 0.0}, std::numbers::pi};
  };
  ChebyshevPath path;
  path.Fit(0.0, 2000e3, exact);
  for (int i = 0; i <= 400; ++i) {
    const double along = 2000e3 * i / 400.0, phi = phi_at(along);
    // The meridian plane at longitude 10 deg: phi past 90 deg continues onto longitude -170.
    const double nu = kA / std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi));
    const double r = nu * std::cos(phi), z = nu * (1 - e2) * std::sin(phi);
    const Vec3 p{r * std::cos(10 * kDeg), r * std::sin(10 * kDeg), z};
    const PathFrame f = path.At(along);
    EXPECT_LT((f.p0_ecef - p).norm(), 1e-6) << along;
    EXPECT_LT((f.up_ecef - Vec3{std::cos(phi) * std::cos(10 * kDeg), std::cos(phi) * std::sin(10 * kDeg), std::sin(phi)}).norm(), 1e-12);
  }
}

TEST(ChebyshevPath, SpansDoNotMixAndOutOfRangeIsClamped) {
  ChebyshevPath path;
  // Two spans with a kink between them (north, then east): each is fitted on its own.
  path.Fit(0.0, 1000.0, [](double along) { return PathPoint{{along / kA / kDeg, 0.0, 0.0}, 0.0}; });
  const double lat1 = 1000.0 / kA / kDeg;
  path.Fit(1000.0, 2000.0, [&](double along) { return PathPoint{{lat1, along / kA / kDeg, 0.0}, std::numbers::pi / 2}; });
  EXPECT_EQ(path.chunk_count(), 2u);
  const double lat = 999.999 / kA;
  EXPECT_LT((path.At(999.999).t_ecef - Vec3{-std::sin(lat), 0, std::cos(lat)}).norm(), 1e-11);  // still north
  EXPECT_LT((path.At(1000.0).t_ecef - Vec3{0, 1, 0}).norm(), 1e-11);   // east from the kink on
  EXPECT_LT((path.At(-5.0).p0_ecef - Vec3{kA, 0, 0}).norm(), 1e-6);    // clamped at the start
  EXPECT_DOUBLE_EQ(path.begin_m(), 0.0);
  EXPECT_DOUBLE_EQ(path.end_m(), 2000.0);
}

TEST(ChebyshevPath, AGapBetweenSpansIsReadFromTheSpanBefore) {
  // North on [0, 1000] m, east on [1500, 2500] m: a point in the gap is the first span's end
  // (its chunk, clamped), the gap's end the second span's start.
  ChebyshevPath path;
  path.Fit(0.0, 1000.0, [](double along) { return PathPoint{{along / kA / kDeg, 0.0, 0.0}, 0.0}; });
  const double lat1 = 1000.0 / kA;
  path.Fit(1500.0, 2500.0, [&](double along) { return PathPoint{{lat1 / kDeg, along / kA / kDeg, 0.0}, std::numbers::pi / 2}; });
  // The point of geodetic latitude lat1 on the meridian 0 (nu: the prime vertical's radius).
  const double e2 = GeographicLib::Constants::WGS84_f() * (2 - GeographicLib::Constants::WGS84_f());
  const double nu = kA / std::sqrt(1 - e2 * std::sin(lat1) * std::sin(lat1));
  const Vec3 end_of_first{nu * std::cos(lat1), 0.0, nu * (1 - e2) * std::sin(lat1)};
  for (const double s : {1000.0, 1200.0, 1499.999}) {
    EXPECT_LT((path.At(s).p0_ecef - end_of_first).norm(), 1e-6) << s;
    EXPECT_LT((path.At(s).t_ecef - Vec3{-std::sin(lat1), 0, std::cos(lat1)}).norm(), 1e-11) << s;  // north
  }
  EXPECT_LT((path.At(1200.0).p0_ecef - end_of_first).norm(), 1e-6);
  EXPECT_LT((path.At(1500.0).t_ecef - Vec3{0, 1, 0}).norm(), 1e-11);  // east from the second span's start
  EXPECT_DOUBLE_EQ(path.end_m(), 2500.0);
}

}  // namespace
}  // namespace iadsim
