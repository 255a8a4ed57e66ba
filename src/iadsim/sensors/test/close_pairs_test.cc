// ForEachClosePair against the definition checked over every pair (an O(n^2) reference): the same
// set of pairs, each once, near before far, for random sweeps with clusters across north and on
// bucket edges, equal ranges, and limits that leave 3, 4, many or too few buckets.
#include "iadsim/sensors/close_pairs.h"

#include <gtest/gtest.h>

#include <numbers>
#include <set>
#include <utility>
#include <vector>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

struct Point {
  double range_m, azimuth_rad;
  std::size_t i;
};

constexpr double kTwoPi = 2.0 * std::numbers::pi;

std::set<std::pair<std::size_t, std::size_t>> Reference(const std::vector<Point>& p, double range_limit, double az_limit) {
  std::set<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < p.size(); ++i)
    for (std::size_t j = i + 1; j < p.size(); ++j)
      if (p[j].range_m - p[i].range_m < range_limit && AzimuthGapRad(p[i].azimuth_rad, p[j].azimuth_rad) < az_limit)
        out.emplace(i, j);
  return out;
}

std::vector<Point> RandomSweep(RandomStream& rng, std::size_t n, double az_limit) {
  std::vector<Point> p;
  const double w = kTwoPi / static_cast<int>(kTwoPi / az_limit);
  for (std::size_t i = 0; i < n; ++i) {
    double az;
    const double u = rng.Uniform01();
    if (u < 0.2) az = std::max(0.0, kTwoPi - 1e-3 * rng.Uniform01());  // just below 2 pi
    else if (u < 0.35) az = 1e-3 * rng.Uniform01();                     // just above 0
    else if (u < 0.5) az = w * static_cast<double>(rng.Below(8)) + 1e-12 * (rng.Uniform01() - 0.5);  // bucket edges
    else az = kTwoPi * rng.Uniform01();
    if (az >= kTwoPi || az < 0.0) az = 0.0;
    // Ranges on a coarse grid, so that equal ranges and differences equal to the limit occur.
    const double range = u < 0.6 ? 1000.0 * static_cast<double>(rng.Below(60)) : 60e3 * rng.Uniform01();
    p.push_back({range, az, i});
  }
  std::sort(p.begin(), p.end(), [](const Point& a, const Point& b) {
    return a.range_m != b.range_m ? a.range_m < b.range_m : a.i < b.i;
  });
  return p;
}

TEST(ClosePairs, FindsExactlyThePairsOfTheDefinition) {
  RandomStream rng(5, 0, "close_pairs", "test");
  ClosePairBuckets scratch;
  const double az_limits[] = {0.045, 0.0262, kTwoPi / 3.0 * 0.99, kTwoPi / 4.0, 2.5, 0.001};
  const double range_limits[] = {3043.0, 1500.0, 1000.0, 0.0};
  std::size_t checked = 0, found = 0;
  for (double az_limit : az_limits)
    for (double range_limit : range_limits)
      for (std::size_t n : {0, 1, 5, 40, 300}) {
        const std::vector<Point> p = RandomSweep(rng, n, az_limit);
        std::set<std::pair<std::size_t, std::size_t>> got;
        std::size_t calls = 0;
        ForEachClosePair(
            p, range_limit, az_limit,
            [&](std::size_t i, std::size_t j) {
              ++calls;
              EXPECT_LT(i, j);
              got.emplace(i, j);
            },
            &scratch);
        const auto want = Reference(p, range_limit, az_limit);
        EXPECT_EQ(calls, got.size()) << "a pair reported twice";
        EXPECT_EQ(got, want) << "az limit " << az_limit << ", range limit " << range_limit << ", n " << n;
        ++checked;
        found += want.size();
      }
  EXPECT_EQ(checked, 120u);
  EXPECT_GT(found, 1000u);  // the cases do have close pairs
}

TEST(ClosePairs, PairsAcrossNorth) {
  // Two points 0.02 rad apart across north, at the same range: one pair with a 0.045 rad beam.
  const std::vector<Point> p = [] {
    std::vector<Point> v;
    for (std::size_t i = 0; i < 40; ++i) v.push_back({1000.0 * static_cast<double>(i + 10), 1.0 + 0.1 * static_cast<double>(i), i + 2});
    v.insert(v.begin(), {{500.0, kTwoPi - 0.01, 0}, {500.0, 0.01, 1}});
    return v;
  }();
  std::vector<std::pair<std::size_t, std::size_t>> got;
  ClosePairBuckets scratch;
  ForEachClosePair(p, 100.0, 0.045, [&](std::size_t i, std::size_t j) { got.emplace_back(i, j); }, &scratch);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], std::make_pair(std::size_t{0}, std::size_t{1}));
}

}  // namespace
}  // namespace iadsim
