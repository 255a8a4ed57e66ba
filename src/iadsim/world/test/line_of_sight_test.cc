#include "iadsim/world/line_of_sight.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "iadsim/world/test/hgt_test_file.h"

namespace iadsim {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kWgs84A = 6378137.0;  // equatorial radius = radius of curvature of the equator
constexpr double kK = 4.0 / 3.0;

// A point on the equator, ground distance x_m east of longitude 0 (the equator is a geodesic of
// the ellipsoid and its length is a · Δλ exactly).
Geodetic OnEquator(double x_m, double alt_m) {
  return Geodetic{0.0, x_m / kWgs84A * 180.0 / kPi, alt_m};
}

// Independent plane geometry on the effective sphere (radius a, centre at the origin): a point at
// ground distance x and height z is (a+z)(sin(x/a), cos(x/a)). Returns the height above the sphere
// at ground distance x2 of the straight line through (0, h) and (x1, z1).
double LineHeightAt(double a, double h, double x1, double z1, double x2) {
  const double p0x = 0.0;
  const double p0y = a + h;
  const double vx = (a + z1) * std::sin(x1 / a) - p0x;
  const double vy = (a + z1) * std::cos(x1 / a) - p0y;
  const double ux = std::sin(x2 / a);
  const double uy = std::cos(x2 / a);
  // P0 + t v = s u  →  t = −(P0 × u) / (v × u)
  const double t = -(p0x * uy - p0y * ux) / (vx * uy - vy * ux);
  return std::hypot(p0x + t * vx, p0y + t * vy) - a;
}

// Least height above the sphere of the chord between two points at heights h1, h2 an angle Θ
// apart: the distance from the centre to the line, ρ1 ρ2 sin Θ / |P1 − P2|, minus a (when the
// foot of the perpendicular lies between them).
double ChordLowestHeight(double a, double h1, double h2, double ground_m) {
  const double r1 = a + h1;
  const double r2 = a + h2;
  const double th = ground_m / a;
  return r1 * r2 * std::sin(th) / std::sqrt(r1 * r1 + r2 * r2 - 2.0 * r1 * r2 * std::cos(th)) - a;
}

TEST(SmoothEarthHorizon, TenMetreRadarSeesATenKilometreTargetAt425Km) {
  // √(2 a h) with a = 4/3 · 6371 km: 13.034 km + 412.18 km = 425.2 km (4.12 (√10 + √10⁴) km).
  const double d = SmoothEarthHorizonDistanceM(10.0) + SmoothEarthHorizonDistanceM(10e3);
  EXPECT_NEAR(d, 425e3, 425e3 * 0.01);
  const double a = kK * kEarthRadiusM;
  EXPECT_NEAR(d, std::sqrt(2 * a * 10.0) + std::sqrt(2 * a * 10e3), 0.0005 * d);  // arc vs √
  EXPECT_TRUE(WithinSmoothEarthHorizon(10.0, 10e3, 420e3));
  EXPECT_FALSE(WithinSmoothEarthHorizon(10.0, 10e3, 440e3));
  EXPECT_EQ(SmoothEarthHorizonDistanceM(-3.0), 0.0);
  // The grazing ray: cos(d / a) = a / (a + h).
  EXPECT_NEAR(std::cos(SmoothEarthHorizonDistanceM(10e3) / a), a / (a + 10e3), 1e-14);
  // k = 1 against 4/3 at small height: √(3/4).
  EXPECT_NEAR(SmoothEarthHorizonDistanceM(20.0, 1.0) / SmoothEarthHorizonDistanceM(20.0),
              std::sqrt(0.75), 1e-5);
}

TEST(SmoothEarthHorizon, Wgs84RadiiOfCurvatureArePublishedValues) {
  // NIMA TR8350.2: a = 6 378 137 m; meridian radius at the equator a(1 − e²) = 6 335 439.327 m;
  // polar radius of curvature c = a² / b = 6 399 593.626 m.
  EXPECT_NEAR(EarthRadiusOfCurvatureM(0.0, kPi / 2), 6378137.0, 1e-6);
  EXPECT_NEAR(EarthRadiusOfCurvatureM(0.0, 0.0), 6335439.327, 1e-3);
  EXPECT_NEAR(EarthRadiusOfCurvatureM(90.0, 0.3), 6399593.626, 1e-3);
  EXPECT_NEAR(EarthRadiusOfCurvatureM(-90.0, 2.0), 6399593.626, 1e-3);
}

TEST(LineOfSight, FlatSeaGivesTheSmoothEarthHorizon) {
  const FlatTerrain sea;
  const Geodetic radar = OnEquator(0.0, 10.0);
  EXPECT_TRUE(ComputeLineOfSight(sea, radar, OnEquator(420e3, 10e3)).visible);
  EXPECT_FALSE(ComputeLineOfSight(sea, radar, OnEquator(440e3, 10e3)).visible);
  // The limit, found by bisection, is the closed form over the equator's radius of curvature.
  // 100 m samples: the sampled minimum misses the ray's dip by ≤ (50 m)²/(2a) = 0.2 mm.
  for (double k : {kK, 1.0}) {
    LineOfSightConfig config;
    config.k_factor = k;
    config.step_m = 100.0;
    double lo = 400e3;
    double hi = 460e3;
    while (hi - lo > 1.0) {
      const double mid = 0.5 * (lo + hi);
      (ComputeLineOfSight(sea, radar, OnEquator(mid, 10e3), config).visible ? lo : hi) = mid;
    }
    const double closed = SmoothEarthHorizonDistanceM(10.0, k, kWgs84A) +
                          SmoothEarthHorizonDistanceM(10e3, k, kWgs84A);
    if (k == kK) {
      EXPECT_NEAR(lo, 425e3, 425e3 * 0.01);
      EXPECT_NEAR(lo, closed, 2.0);
    } else {
      // Geometric horizon: √(2·6378137·10) + √(2·6378137·10⁴) = 11.29 km + 357.16 km.
      lo = 300e3;
      hi = 400e3;
      while (hi - lo > 1.0) {
        const double mid = 0.5 * (lo + hi);
        (ComputeLineOfSight(sea, radar, OnEquator(mid, 10e3), config).visible ? lo : hi) = mid;
      }
      EXPECT_NEAR(lo, closed, 2.0);
      EXPECT_NEAR(lo, 368.45e3, 0.002 * 368.45e3);
    }
  }
}

TEST(LineOfSight, ClearanceOverTheSeaIsTheLowestPointOfTheChord) {
  const FlatTerrain sea;
  const double a = kK * kWgs84A;
  const Geodetic radar = OnEquator(0.0, 10.0);
  // Visible: fast path (the ray stays above the sea), clearance = chord's lowest height, at the
  // radar's own horizon distance from it (the tangent point of a ray that just clears).
  const LineOfSight near = ComputeLineOfSight(sea, radar, OnEquator(420e3, 10e3));
  EXPECT_TRUE(near.fast_path);
  EXPECT_EQ(near.samples, 0);
  EXPECT_NEAR(near.effective_radius_m, a, 1e-6);
  EXPECT_NEAR(near.clearance_m, ChordLowestHeight(a, 10.0, 10e3, 420e3), 1e-4);
  EXPECT_GT(near.clearance_m, 0.0);
  // Masked: sampled every 1 km; the least clearance is within 1 km of the chord's lowest point,
  // where the chord is flat: (500 m)² / (2a) = 0.015 m.
  const LineOfSight far = ComputeLineOfSight(sea, radar, OnEquator(440e3, 10e3));
  EXPECT_FALSE(far.fast_path);
  EXPECT_EQ(far.samples, 439);
  EXPECT_NEAR(far.clearance_m, ChordLowestHeight(a, 10.0, 10e3, 440e3), 0.02);
  EXPECT_LT(far.clearance_m, -10.0);
  EXPECT_NEAR(far.ground_distance_m, 440e3, 1e-6);
  EXPECT_EQ(far.critical_point.alt_m, 0.0);
}

// A ridge (wall) 500 m high, 100 m wide, across the path 20 km east of a 10 m radar on the
// equator. A target 40 km out is visible iff it is above the line radar → near top edge of the
// wall (19 950 m). Hand value, parabolic earth: edge drop x1²/(2a) = 19 950² / 17 008 365 =
// 23.40 m; slope (500 − 23.40 − 10) / 19 950 = 0.023 388; line at 40 km: 10 + 935.5 = 945.5 m,
// plus the drop there 40 000² / 17 008 365 = 94.07 m → 1039.6 m.
TEST(LineOfSight, RidgeHidesALowFlierBelowTheLineToItsTop) {
  const double a = kK * kWgs84A;
  const double h = 10.0, ridge_h = 500.0, width = 100.0, d1 = 20e3, d2 = 40e3;
  const double critical = LineHeightAt(a, h, d1 - width / 2, ridge_h, d2);
  EXPECT_NEAR(critical, 1039.6, 0.5);

  const RidgeTerrain ridge(OnEquator(d1, 0.0), 0.0, ridge_h, width);  // crest runs north-south
  const Geodetic radar = OnEquator(0.0, h);
  LineOfSightConfig fine;
  fine.step_m = 5.0;  // 5 m samples: the edge is found to 5 m, the altitude to 0.25 m
  const LineOfSight above = ComputeLineOfSight(ridge, radar, OnEquator(d2, critical + 1.0), fine);
  const LineOfSight below = ComputeLineOfSight(ridge, radar, OnEquator(d2, critical - 1.0), fine);
  EXPECT_TRUE(above.visible);
  EXPECT_FALSE(below.visible);
  EXPECT_FALSE(below.fast_path);
  // The masking point is on the wall, near its radar-side edge; the ray passes about
  // 1 m × x1/d2 = 0.5 m below the edge.
  EXPECT_EQ(below.critical_point.alt_m, ridge_h);
  EXPECT_GE(below.critical_distance_m, d1 - width / 2 - 1e-6);
  EXPECT_LE(below.critical_distance_m, d1 - width / 2 + 5.0 + 1e-6);
  EXPECT_NEAR(below.clearance_m, -0.5, 0.15);
  EXPECT_NEAR(above.clearance_m, 0.5, 0.15);
  // Symmetric.
  EXPECT_FALSE(ComputeLineOfSight(ridge, OnEquator(d2, critical - 1.0), radar, fine).visible);
  EXPECT_TRUE(ComputeLineOfSight(ridge, OnEquator(d2, critical + 1.0), radar, fine).visible);
  // Default step (w/4 = 25 m): the edge to 25 m, the altitude to about 1.2 m.
  EXPECT_TRUE(ComputeLineOfSight(ridge, radar, OnEquator(d2, critical + 3.0)).visible);
  EXPECT_FALSE(ComputeLineOfSight(ridge, radar, OnEquator(d2, critical - 3.0)).visible);
  // Without the ridge the same low flier is well above the smooth-earth horizon.
  EXPECT_TRUE(ComputeLineOfSight(FlatTerrain(), radar, OnEquator(d2, critical - 1.0)).visible);
}

TEST(LineOfSight, PlateauTopIsASmallerHorizon) {
  // Radar and target 10 m above a 1000 m plateau (radius 50 km) see each other out to
  // 2 a acos((a+H)/(a+H+10)) ≈ 2 √(2 · 8 505 183 · 10) = 26.08 km.
  const double a = kK * kWgs84A;
  const double hp = 1000.0;
  const PlateauTerrain plateau(OnEquator(0.0, 0.0), 50e3, hp);
  const Geodetic radar = OnEquator(0.0, hp + 10.0);
  double lo = 20e3;
  double hi = 30e3;
  while (hi - lo > 1.0) {
    const double mid = 0.5 * (lo + hi);
    (ComputeLineOfSight(plateau, radar, OnEquator(mid, hp + 10.0)).visible ? lo : hi) = mid;
  }
  const double expected = 2.0 * a * std::acos((a + hp) / (a + hp + 10.0));
  EXPECT_NEAR(expected, 26.08e3, 10.0);
  EXPECT_NEAR(lo, expected, 10.0);
  const LineOfSight masked = ComputeLineOfSight(plateau, radar, OnEquator(27e3, hp + 10.0));
  EXPECT_FALSE(masked.visible);
  EXPECT_NEAR(masked.critical_distance_m, 13.5e3, 500.0);  // the bulge is highest midway
}

TEST(LineOfSight, GaussianHillMasksByItsHeightAtMidpoint) {
  // Hill 300 m, σ 2 km, midway between two points at 200 m, 20 km apart. The ray at the midpoint
  // is (a + h) cos(Θ/2) − a = 200 − 5.88 m; clearance = 194.12 − 300 = −105.88 m (the hill top
  // is sampled within 100 m: 300 e^(−100²/(2·2000²)) = 299.63 m).
  const double a = kK * kWgs84A;
  const double d = 20e3;
  const GaussianHillTerrain hill(OnEquator(d / 2, 0.0), 300.0, 2000.0);
  const LineOfSight los = ComputeLineOfSight(hill, OnEquator(0.0, 200.0), OnEquator(d, 200.0));
  const double ray_mid = (a + 200.0) * std::cos(d / (2 * a)) - a;
  EXPECT_NEAR(ray_mid, 194.12, 0.01);
  EXPECT_FALSE(los.visible);
  EXPECT_NEAR(los.clearance_m, ray_mid - 300.0, 0.4);
  EXPECT_NEAR(los.critical_distance_m, d / 2, 100.0);
  EXPECT_NEAR(los.critical_point.alt_m, 300.0, 0.4);
  // High above the hill: fast path, clearance = chord midpoint − hill top, no sampling.
  const LineOfSight high = ComputeLineOfSight(hill, OnEquator(0.0, 5e3), OnEquator(d, 5e3));
  EXPECT_TRUE(high.visible);
  EXPECT_TRUE(high.fast_path);
  EXPECT_EQ(high.samples, 0);
  EXPECT_NEAR(high.clearance_m, (a + 5e3) * std::cos(d / (2 * a)) - a - 300.0, 1e-4);
  EXPECT_NEAR(high.critical_distance_m, d / 2, 1e-3);
}

TEST(LineOfSight, SrtmTileBandMasksBelowTheHandAltitude) {
  // A 3″ tile N00E000: a north-south band of posts 300 m high, columns 590 to 610 (lon 0.49167°
  // to 0.50833°), 0 elsewhere. Radar at (0.5°, 0.1°), 10 m; target at (0.5°, 0.9°).
  testing_hgt::TempDir dir;
  const auto file = testing_hgt::WriteFile(
      dir.path() / "N00E000.hgt",
      testing_hgt::HgtBytes(kSrtm3PostsPerSide, [](int, int c) -> std::int16_t {
        return c >= 590 && c <= 610 ? 300 : 0;
      }));
  const SrtmTerrain terrain = SrtmTerrain::LoadFiles({file}, "terrain.tiles");
  const Geodetic radar{0.5, 0.1, 10.0};
  const double x1 = Inverse(radar, Geodetic{0.5, 590.0 / 1200.0, 0.0}).distance_m;
  const double x2 = Inverse(radar, Geodetic{0.5, 0.9, 0.0}).distance_m;
  // Hand: N(0.5°) = 6 378 138.6 m, ground distances along the parallel N cos φ Δλ = 43 598.5 m
  // and 89 052.2 m (the geodesic is shorter by under 1 mm); parabolic earth, a = 8 504 185 m:
  // drop at the edge 111.76 m, slope 178.24 / 43 598.5, line at x2 374.07 m, plus the drop
  // there 466.26 m → 840.3 m.
  EXPECT_NEAR(x1, 43598.5, 0.1);
  EXPECT_NEAR(x2, 89052.2, 0.1);
  const double a = kK * EarthRadiusOfCurvatureM(0.5, kPi / 2);
  const double critical = LineHeightAt(a, 10.0, x1, 300.0, x2);
  EXPECT_NEAR(critical, 840.3, 0.5);
  LineOfSightConfig fine;
  fine.step_m = 10.0;
  EXPECT_TRUE(ComputeLineOfSight(terrain, radar, Geodetic{0.5, 0.9, critical + 1.0}, fine).visible);
  const LineOfSight masked =
      ComputeLineOfSight(terrain, radar, Geodetic{0.5, 0.9, critical - 1.0}, fine);
  EXPECT_FALSE(masked.visible);
  EXPECT_NEAR(masked.critical_point.lon_deg, 590.0 / 1200.0, 10.0 / 111e3);
  // Default step = the post spacing (92.5 m at N00): the edge to within a post, about 1.3 m.
  EXPECT_TRUE(ComputeLineOfSight(terrain, radar, Geodetic{0.5, 0.9, critical + 3.0}).visible);
  EXPECT_FALSE(ComputeLineOfSight(terrain, radar, Geodetic{0.5, 0.9, critical - 3.0}).visible);
}

TEST(LineOfSightConfig, ValidateReportsEveryProblem) {
  EXPECT_TRUE(LineOfSightConfig{}.Validate().empty());
  LineOfSightConfig bad;
  bad.k_factor = 0.0;
  bad.step_m = -1.0;
  const Problems problems = bad.Validate("line_of_sight");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].path, "line_of_sight.k_factor");
  EXPECT_EQ(problems[0].message, "must be in (0, 10] (got 0)");
  EXPECT_EQ(problems[1].path, "line_of_sight.step_m");
  EXPECT_EQ(problems[1].message, "must be in [0, 100000 m] (got -1 m)");
  bad.k_factor = std::nan("");
  bad.step_m = 0.0;
  EXPECT_EQ(bad.Validate().size(), 1u);
}

TEST(LineOfSightDeathTest, InvalidInputAborts) {
  LineOfSightConfig bad;
  bad.k_factor = -1.0;
  EXPECT_DEATH(ComputeLineOfSight(FlatTerrain(), Geodetic{}, Geodetic{0, 1, 0}, bad),
               "invalid LineOfSightConfig");
  EXPECT_DEATH(SmoothEarthHorizonDistanceM(std::nan("")), "height must be finite");
  EXPECT_DEATH(WithinSmoothEarthHorizon(1.0, 1.0, -1.0), "ground distance");
}

}  // namespace
}  // namespace iadsim
