// ResolveEchoes: unresolved echoes merge into one cell at the power-weighted centroid with their
// summed power; resolved ones stay apart; azimuth is averaged across north correctly.
// References are hand calculations (the centroid of weights w_i at x_i is sum w_i x_i / sum w_i).
#include "iadsim/sensors/resolution_cell.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

ResolutionLimits Limits() { return {150.0, 1.0 * kDeg, 1.0 * kDeg, true}; }

TEST(ResolutionCell, HundredMetresApartMergeAtPowerWeightedCentroid) {
  // SNR 10 at 50 km and SNR 30 at 50.1 km: weights 1/4 and 3/4, so the centroid lies 3/4 of the way
  // from the weak echo to the strong one: 50 000 + 0.75 * 100 = 50 075 m; summed SNR 40.
  const std::vector<Echo> echoes{{50000.0, 0.5, 0.01, 10.0, 0}, {50100.0, 0.5 + 0.2 * kDeg, 0.01, 30.0, 1}};
  const auto cells = ResolveEchoes(echoes, Limits());
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_NEAR(cells[0].centroid.range_m, 50075.0, 1e-6);
  EXPECT_NEAR(cells[0].centroid.azimuth_rad, 0.5 + 0.75 * 0.2 * kDeg, 1e-12);
  EXPECT_NEAR(cells[0].centroid.snr, 40.0, 1e-12);
  ASSERT_EQ(cells[0].sources.size(), 2u);
  EXPECT_EQ(cells[0].sources[0], 1u);  // strongest first
  EXPECT_EQ(cells[0].sources[1], 0u);
  EXPECT_EQ(cells[0].centroid.source, 1u);
}

TEST(ResolutionCell, TwoHundredMetresApartDoNotMerge) {
  const std::vector<Echo> echoes{{50200.0, 0.5, 0.01, 30.0, 0}, {50000.0, 0.5, 0.01, 10.0, 1}};
  const auto cells = ResolveEchoes(echoes, Limits());
  ASSERT_EQ(cells.size(), 2u);
  // Ordered by range; each keeps its own position and SNR.
  EXPECT_DOUBLE_EQ(cells[0].centroid.range_m, 50000.0);
  EXPECT_DOUBLE_EQ(cells[0].centroid.snr, 10.0);
  EXPECT_DOUBLE_EQ(cells[1].centroid.range_m, 50200.0);
  EXPECT_DOUBLE_EQ(cells[1].centroid.snr, 30.0);
}

TEST(ResolutionCell, SameRangeSeparatedInAzimuthOrElevationDoNotMerge) {
  const std::vector<Echo> az{{50000.0, 0.5, 0.01, 10.0, 0}, {50050.0, 0.5 + 1.5 * kDeg, 0.01, 10.0, 1}};
  EXPECT_EQ(ResolveEchoes(az, Limits()).size(), 2u);
  const std::vector<Echo> el{{50000.0, 0.5, 0.01, 10.0, 0}, {50050.0, 0.5, 0.01 + 1.5 * kDeg, 10.0, 1}};
  EXPECT_EQ(ResolveEchoes(el, Limits()).size(), 2u);
  // A 2-D radar cannot separate them in elevation: they merge, at the mean range (equal weights).
  ResolutionLimits two_d = Limits();
  two_d.use_elevation = false;
  const auto cells = ResolveEchoes(el, two_d);
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_NEAR(cells[0].centroid.range_m, 50025.0, 1e-9);
}

TEST(ResolutionCell, AcrossNorthTheCentroidIsNearNorth) {
  // 359.9 deg and 0.1 deg with equal power: the centroid is 0 deg (a naive mean would give 180 deg).
  const std::vector<Echo> echoes{{30000.0, 359.9 * kDeg, 0.0, 20.0, 0}, {30050.0, 0.1 * kDeg, 0.0, 20.0, 1}};
  const auto cells = ResolveEchoes(echoes, Limits());
  ASSERT_EQ(cells.size(), 1u);
  const double az = cells[0].centroid.azimuth_rad;
  EXPECT_LT(std::min(az, 2.0 * std::numbers::pi - az), 1e-9);
  // Unequal weights 1:3 -> 359.9 + 0.75 * 0.2 = 0.05 deg.
  const std::vector<Echo> weighted{{30000.0, 359.9 * kDeg, 0.0, 10.0, 0}, {30050.0, 0.1 * kDeg, 0.0, 30.0, 1}};
  const auto w = ResolveEchoes(weighted, Limits());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NEAR(w[0].centroid.azimuth_rad, 0.05 * kDeg, 1e-12);
}

TEST(ResolutionCell, ChainsMergeTransitively) {
  // 0-100 and 100-200 m apart: all three in one cell although the ends are 200 m apart.
  // Centroid with equal weights: 50 100 m; SNR 3.
  const std::vector<Echo> echoes{{50000.0, 1.0, 0.0, 1.0, 0}, {50100.0, 1.0, 0.0, 1.0, 1}, {50200.0, 1.0, 0.0, 1.0, 2}};
  const auto cells = ResolveEchoes(echoes, Limits());
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_NEAR(cells[0].centroid.range_m, 50100.0, 1e-9);
  EXPECT_NEAR(cells[0].centroid.snr, 3.0, 1e-12);
  EXPECT_EQ(cells[0].sources.size(), 3u);
}

}  // namespace
}  // namespace iadsim
