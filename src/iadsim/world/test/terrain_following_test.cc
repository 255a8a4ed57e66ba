#include "iadsim/world/terrain_following.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDegRad = std::numbers::pi / 180.0;
constexpr double kEquatorDegM = 6378137.0 * kDegRad;  // one degree of longitude on the equator, m

// A synthetic ground rising linearly to the east: z = 100 m per 0.01° of longitude.
class SlopeTerrain final : public Terrain {
 public:
  double ElevationM(double, double lon_deg) const override { return 10000.0 * lon_deg; }
  double MaxElevationM() const override { return 1e4; }
  double ResolutionM() const override { return 10.0; }
};

TEST(TerrainFollowing, DensifiesALegAtTheSpacingOverAHill) {
  // 0.1° along the equator = 11131.95 m; spacing 1 km → ceil(11.13) = 12 sub-legs of 927.66 m.
  const double length = 0.1 * kEquatorDegM;
  const GaussianHillTerrain hill(Geodetic{0.0, 0.05, 0.0}, 500.0, 2000.0);
  const std::vector<Waypoint> route{{Geodetic{0, 0, 3000}, 200.0}, {Geodetic{0, 0.1, 3000}, 300.0}};
  const DensifiedRoute d = FollowTerrain(route, TerrainFollowingConfig{100.0, 1000.0}, &hill);
  ASSERT_EQ(d.waypoints.size(), 13u);
  ASSERT_EQ(d.original_index, (std::vector<std::size_t>{0, 12}));
  for (std::size_t k = 0; k <= 12; ++k) {
    const double s = length * static_cast<double>(k) / 12.0;
    const Waypoint& w = d.waypoints[k];
    EXPECT_NEAR(w.position.lat_deg, 0.0, 1e-9);
    EXPECT_NEAR(w.position.lon_deg * kEquatorDegM, s, 1e-3) << k;
    // Hand value: 500 exp(−(s − L/2)² / (2 · 2000²)) + 100 m clearance.
    const double x = s - length / 2.0;
    EXPECT_NEAR(w.position.alt_m, 500.0 * std::exp(-x * x / (2.0 * 2000.0 * 2000.0)) + 100.0, 0.01) << k;
    // Constant acceleration in time: v² linear in distance.
    EXPECT_NEAR(w.speed_mps, std::sqrt(200.0 * 200.0 + (300.0 * 300.0 - 200.0 * 200.0) * k / 12.0), 1e-9) << k;
  }
  EXPECT_NEAR(d.waypoints[6].position.alt_m, 600.0, 1e-6);  // the summit, exactly midway
  EXPECT_NEAR(d.waypoints[6].speed_mps, 254.951, 1e-3);     // sqrt(65000)
}

TEST(TerrainFollowing, SlopeAndTwoLegs) {
  const SlopeTerrain slope;
  // Leg 1: 0.02° (2226.4 m) → 3 pieces; leg 2: 0.01° (1113.2 m) north → 2 pieces.
  const std::vector<Waypoint> route{{Geodetic{0, 0, 0}, 250.0}, {Geodetic{0, 0.02, 0}, 250.0}, {Geodetic{0.01, 0.02, 0}, 250.0}};
  const DensifiedRoute d = FollowTerrain(route, TerrainFollowingConfig{50.0, 1000.0}, &slope);
  ASSERT_EQ(d.original_index, (std::vector<std::size_t>{0, 3, 5}));
  EXPECT_NEAR(d.waypoints[1].position.alt_m, 10000.0 * 0.02 / 3.0 + 50.0, 1e-3);  // 116.67 m
  EXPECT_NEAR(d.waypoints[2].position.alt_m, 10000.0 * 0.04 / 3.0 + 50.0, 1e-3);  // 183.33 m
  EXPECT_NEAR(d.waypoints[3].position.alt_m, 250.0, 1e-9);  // an original waypoint moved to 200 + 50 m
  EXPECT_NEAR(d.waypoints[4].position.alt_m, 250.0, 1e-6);  // going north: same longitude, same ground
  for (const Waypoint& w : d.waypoints) EXPECT_EQ(w.speed_mps, 250.0);
}

TEST(TerrainFollowing, NoTerrainIsClearanceAboveZeroAndAnExactMultipleAddsNoPoint) {
  const std::vector<Waypoint> route{{Geodetic{0, 0, 5000}, 100.0}, {Geodetic{0, 2000.0 / kEquatorDegM, 5000}, 100.0}};
  const DensifiedRoute d = FollowTerrain(route, TerrainFollowingConfig{150.0, 1000.0}, nullptr);
  ASSERT_EQ(d.waypoints.size(), 3u);  // 2000 m at 1000 m: two pieces, one new point
  for (const Waypoint& w : d.waypoints) EXPECT_EQ(w.position.alt_m, 150.0);
  EXPECT_NEAR(d.waypoints[1].position.lon_deg * kEquatorDegM, 1000.0, 1e-6);
}

TEST(TerrainFollowing, Validate) {
  EXPECT_TRUE(TerrainFollowingConfig{}.Validate().empty());
  const Problems p = TerrainFollowingConfig{-1.0, 5.0}.Validate();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].path, "clearance");
  EXPECT_EQ(p[1].path, "spacing");
}

}  // namespace
}  // namespace iadsim
