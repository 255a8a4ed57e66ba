#include "iadsim/sensors/false_alarms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// 0–100 km in 150 m cells, 360° in 1° beams, 0–10° in 2° beams.
ScanSector HandSector() {
  ScanSector s;
  s.min_range_m = 0.0;
  s.max_range_m = 100e3;
  s.range_resolution_m = 150.0;
  s.azimuth_start_rad = 0.0;
  s.azimuth_extent_rad = 360.0 * kDeg;
  s.azimuth_beamwidth_rad = 1.0 * kDeg;
  s.elevation_min_rad = 0.0;
  s.elevation_extent_rad = 10.0 * kDeg;
  s.elevation_beamwidth_rad = 2.0 * kDeg;
  return s;
}

TEST(FalseAlarms, CellsAndExpectedCountByHand) {
  // ⌈100000 / 150⌉ = 667 range cells × 360 × 5 = 1 200 600 cells; at Pfa 1e-6: 1.2006 per scan.
  EXPECT_EQ(ResolutionCellsPerScan(HandSector()), 1200600u);
  EXPECT_NEAR(ExpectedFalseAlarmsPerScan(HandSector(), 1e-6), 1.2006, 1e-12);
  // τ = 1 µs: ΔR = 299 792 458 · 1e-6 / 2 = 149.896 m.
  EXPECT_NEAR(RangeResolutionM(1e-6), 149.896229, 1e-6);
}

// Runs `scans` scans; checks the total count against the 99 % Poisson interval of
// scans × Pfa × cells and the positions against uniform with a χ² test over 10 bins per axis.
void CheckScans(const ScanSector& sector, double pfa, int scans, std::uint64_t seed) {
  RandomStream rng(seed);
  constexpr int kBins = 10;
  std::array<double, kBins> range_bins{};
  std::array<double, kBins> az_bins{};
  std::array<double, kBins> el_bins{};
  std::uint64_t total = 0;
  for (int i = 0; i < scans; ++i) {
    for (const FalseDetection& d : DrawFalseAlarms(sector, pfa, rng)) {
      ++total;
      const auto bin = [](double u) { return std::min(kBins - 1, static_cast<int>(u * kBins)); };
      ASSERT_GE(d.range_m, sector.min_range_m);
      ASSERT_LT(d.range_m, sector.max_range_m);
      range_bins[bin((d.range_m - sector.min_range_m) / (sector.max_range_m - sector.min_range_m))] += 1;
      az_bins[bin((d.azimuth_rad - sector.azimuth_start_rad) / sector.azimuth_extent_rad)] += 1;
      el_bins[bin((d.elevation_rad - sector.elevation_min_rad) / sector.elevation_extent_rad)] += 1;
    }
  }
  const double mean_total = scans * ExpectedFalseAlarmsPerScan(sector, pfa);
  const boost::math::poisson_distribution<double> poisson(mean_total);
  EXPECT_GE(static_cast<double>(total), boost::math::quantile(poisson, 0.005));
  EXPECT_LE(static_cast<double>(total),
            boost::math::quantile(boost::math::complement(poisson, 0.005)));
  const double critical =
      boost::math::quantile(boost::math::complement(boost::math::chi_squared_distribution<double>(kBins - 1), 0.01));
  for (const auto* bins : {&range_bins, &az_bins, &el_bins}) {
    const double expected = static_cast<double>(total) / kBins;
    double chi2 = 0.0;
    for (double n : *bins) chi2 += (n - expected) * (n - expected) / expected;
    EXPECT_LT(chi2, critical);
  }
}

TEST(FalseAlarms, MonteCarloCountAndPositions) {
  // Mean 1.2006 per scan (Poisson by inversion) over 5000 scans.
  CheckScans(HandSector(), 1e-6, 5000, 11);
  // Mean 60 per scan (the generator's normal branch), a 90° sector starting at 45°, 20–80 km.
  ScanSector s = HandSector();
  s.min_range_m = 20e3;
  s.max_range_m = 80e3;
  s.azimuth_start_rad = 45.0 * kDeg;
  s.azimuth_extent_rad = 90.0 * kDeg;
  const double pfa = 60.0 / static_cast<double>(ResolutionCellsPerScan(s));
  CheckScans(s, pfa, 300, 12);
}

TEST(FalseAlarms, SameSeedSameDraws) {
  RandomStream a(99);
  RandomStream b(99);
  const auto da = DrawFalseAlarms(HandSector(), 1e-5, a);
  const auto db = DrawFalseAlarms(HandSector(), 1e-5, b);
  ASSERT_EQ(da.size(), db.size());
  for (std::size_t i = 0; i < da.size(); ++i) EXPECT_EQ(da[i].range_m, db[i].range_m);
}

TEST(FalseAlarms, ValidateReportsEveryProblem) {
  ScanSector s = HandSector();
  s.max_range_m = -1.0;
  s.range_resolution_m = 0.0;
  s.elevation_beamwidth_rad = 20.0 * kDeg;
  const Problems problems = s.Validate();
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].path, "max_range");
  EXPECT_EQ(problems[1].path, "range_resolution");
  EXPECT_EQ(problems[2].path, "elevation_beamwidth");
}

}  // namespace
}  // namespace iadsim
