// ResolveEchoes: unresolved echoes merge into one cell at the power-weighted centroid with their
// summed power; resolved ones stay apart; azimuth is averaged across north correctly.
// References are hand calculations (the centroid of weights w_i at x_i is sum w_i x_i / sum w_i).
#include "iadsim/sensors/resolution_cell.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "iadsim/core/rng.h"

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

// Seeded random crowds (many close pairs, across north too) against an independent O(n^2)
// reference: cells are the connected components of "closer than the limits in range, azimuth and
// elevation"; within a cell the sources run strongest first; the cell's SNR is their sum; cells run
// by centroid range. The flat form gives the same cells in the same order.
TEST(ResolutionCell, RandomCrowdsMatchConnectedComponents) {
  RandomStream rng(3);
  const ResolutionLimits lim = Limits();
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<Echo> echoes;
    const int n = 20 + trial * 5;
    for (int i = 0; i < n; ++i)
      echoes.push_back({50000.0 + rng.Uniform(0.0, 1500.0), std::fmod(2.0 * std::numbers::pi + rng.Uniform(-0.05, 0.05), 2.0 * std::numbers::pi),
                        rng.Uniform(0.0, 0.05), rng.Uniform(0.5, 50.0), static_cast<std::size_t>(i)});
    // Reference components by depth-first search over every pair.
    std::vector<int> comp(n, -1);
    int ncomp = 0;
    for (int s = 0; s < n; ++s) {
      if (comp[s] >= 0) continue;
      std::vector<int> stack{s};
      comp[s] = ncomp;
      while (!stack.empty()) {
        const int a = stack.back();
        stack.pop_back();
        for (int b = 0; b < n; ++b) {
          if (comp[b] >= 0) continue;
          double daz = std::abs(echoes[a].azimuth_rad - echoes[b].azimuth_rad);
          daz = std::min(daz, 2.0 * std::numbers::pi - daz);
          if (std::abs(echoes[a].range_m - echoes[b].range_m) < lim.range_m && daz < lim.azimuth_rad &&
              std::abs(echoes[a].elevation_rad - echoes[b].elevation_rad) < lim.elevation_rad) {
            comp[b] = ncomp;
            stack.push_back(b);
          }
        }
      }
      ++ncomp;
    }
    const auto cells = ResolveEchoes(echoes, lim);
    ASSERT_EQ(static_cast<int>(cells.size()), ncomp);
    std::set<int> seen;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto& src = cells[c].sources;
      const int k = comp[src.front()];
      EXPECT_TRUE(seen.insert(k).second);
      EXPECT_EQ(static_cast<int>(src.size()), static_cast<int>(std::count(comp.begin(), comp.end(), k)));
      double sum = 0.0;
      for (std::size_t j = 0; j < src.size(); ++j) {
        EXPECT_EQ(comp[src[j]], k);
        if (j > 0) { EXPECT_GE(echoes[src[j - 1]].snr, echoes[src[j]].snr); }
        sum += echoes[src[j]].snr;
      }
      EXPECT_NEAR(cells[c].centroid.snr, sum, 1e-9 * sum);
      EXPECT_EQ(cells[c].centroid.source, src.front());
      if (c > 0) { EXPECT_LE(cells[c - 1].centroid.range_m, cells[c].centroid.range_m); }
    }
    ResolvedEchoes flat;
    ResolveEchoes(echoes, lim, &flat);
    ASSERT_EQ(flat.size(), cells.size());
    for (std::size_t c = 0; c < cells.size(); ++c) {
      EXPECT_EQ(flat.centroids[c].range_m, cells[c].centroid.range_m);
      EXPECT_EQ(flat.centroids[c].azimuth_rad, cells[c].centroid.azimuth_rad);
      EXPECT_EQ(flat.offsets[c + 1] - flat.offsets[c], cells[c].sources.size());
    }
  }
}

}  // namespace
}  // namespace iadsim
