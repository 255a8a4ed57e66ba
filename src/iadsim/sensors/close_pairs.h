#pragma once
// Close pairs among points of one sweep given by (range, azimuth): every pair (near, far) with
//   far.range_m - near.range_m < range_limit_m  and  AzimuthGapRad(near.azimuth_rad, far.azimuth_rad) < azimuth_limit_rad
// where near comes before far in the given order (increasing range, ties by the caller's index).
// These are exactly the pairs that the plain sweep over the range order finds (for each point,
// the following ones until the range difference reaches the limit), with the same arithmetic, so
// the same decisions; only the order in which they are reported differs. A caller that needs
// an order sorts what it collects (IFF garbling), or needs none (resolution cells: union-find).
//
// Spatial index: the azimuth circle is cut into B >= 3 buckets of width w = 2 pi / B slightly
// above the azimuth limit, so a close pair lies in one bucket or in two neighbouring ones
// (circularly: across north too); each bucket keeps its points in the given order, and the range
// sweep runs inside each bucket and between each bucket and the next. A sweep of a 45 deg sector
// with a 2.6 deg IFF beam then compares each point with ~2/17 of the points in its range window
// instead of all of them. Falls back to the plain sweep when the limits leave fewer than 3
// buckets, when there are few points, or when an azimuth lies outside [0, 2 pi).
// Cost: O(n + B + pairs compared). Source: the "sweep and prune" / uniform-grid neighbour search
// (e.g. Ericson, Real-Time Collision Detection, 2005, ch. 7).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <vector>

#include "iadsim/core/angle.h"

namespace iadsim {

// Scratch space of ForEachClosePair, kept by a caller that calls it every sweep.
struct ClosePairBuckets {
  std::vector<std::size_t> start, items, bucket;
};

// sorted: points with members range_m and azimuth_rad, in increasing range (ties by the caller's
// index). fn(i, j) is called once for every close pair, i < j positions in `sorted` (i near, j far).
template <typename Point, typename Fn>
void ForEachClosePair(const std::vector<Point>& sorted, double range_limit_m, double azimuth_limit_rad, Fn&& fn,
                      ClosePairBuckets* scratch) {
  const std::size_t n = sorted.size();
  constexpr double kTwoPi = 2.0 * std::numbers::pi;
  auto close = [&](std::size_t i, std::size_t j) {
    return AzimuthGapRad(sorted[i].azimuth_rad, sorted[j].azimuth_rad) < azimuth_limit_rad;
  };
  // Buckets of width >= the azimuth limit (1e-6 relative margin over any rounding).
  const double ratio = kTwoPi / (azimuth_limit_rad * (1.0 + 1e-6));
  const std::size_t buckets = ratio >= 3.0 ? static_cast<std::size_t>(std::min(ratio, 4096.0)) : 0;
  bool indexed = buckets >= 3 && n >= 32;
  std::vector<std::size_t>& bucket = scratch->bucket;
  if (indexed) {
    const double per_rad = static_cast<double>(buckets) / kTwoPi;
    bucket.resize(n);
    for (std::size_t i = 0; indexed && i < n; ++i) {
      const double az = sorted[i].azimuth_rad;
      indexed = az >= 0.0 && az < kTwoPi;
      bucket[i] = indexed ? std::min(buckets - 1, static_cast<std::size_t>(az * per_rad)) : 0;
    }
  }
  if (!indexed) {
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        if (sorted[j].range_m - sorted[i].range_m >= range_limit_m) break;
        if (close(i, j)) fn(i, j);
      }
    return;
  }
  // Counting sort by bucket, stable: each bucket's items in the given order.
  std::vector<std::size_t>& start = scratch->start;
  std::vector<std::size_t>& items = scratch->items;
  start.assign(buckets + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++start[bucket[i] + 1];
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  items.resize(n);
  {
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) items[next[bucket[i]]++] = i;
  }
  for (std::size_t b = 0; b < buckets; ++b) {
    const std::size_t b0 = start[b], b1 = start[b + 1];
    if (b0 == b1) continue;
    // Inside the bucket: the plain sweep.
    for (std::size_t p = b0; p < b1; ++p)
      for (std::size_t q = p + 1; q < b1; ++q) {
        const std::size_t i = items[p], j = items[q];
        if (sorted[j].range_m - sorted[i].range_m >= range_limit_m) break;
        if (close(i, j)) fn(i, j);
      }
    // With the next bucket (circularly; B >= 3, so each neighbouring pair of buckets once).
    const std::size_t nb = b + 1 == buckets ? 0 : b + 1;
    const std::size_t c0 = start[nb], c1 = start[nb + 1];
    std::size_t lo = c0;
    for (std::size_t p = b0; p < b1 && lo < c1; ++p) {
      const std::size_t x = items[p];
      // Skip the points of the next bucket that come before x and are too near to pair with x
      // (they are too near for every later x as well: x's range only grows).
      while (lo < c1 && items[lo] < x && sorted[x].range_m - sorted[items[lo]].range_m >= range_limit_m) ++lo;
      for (std::size_t q = lo; q < c1; ++q) {
        const std::size_t y = items[q];
        if (y < x) {
          if (close(y, x)) fn(y, x);
        } else {
          if (sorted[y].range_m - sorted[x].range_m >= range_limit_m) break;
          if (close(x, y)) fn(x, y);
        }
      }
    }
  }
}

}  // namespace iadsim
