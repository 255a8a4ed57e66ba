#pragma once
// Sorting the points of one sweep by range, ties kept in their given order: the order that
// std::sort with the comparator (range, index) gives when the points are given in index order.
// A bucket sort: n buckets of equal width between the smallest and the largest range, the points
// dealt into them in their given order, then each bucket sorted stably (insertion sort; a stable
// merge sort for a crowded one). The bucket of a range, floor((range - min) x scale), never
// decreases as the range grows (rounding is monotone), so the buckets come in range order and
// equal ranges share a bucket: the result is exactly the stable order by range. With a range
// that is not finite, std::stable_sort on the range does it all.
// Cost: O(n) for ranges spread over an interval (a sweep's), O(n log n) at worst.
// Source: Knuth, The Art of Computer Programming vol. 3, sec. 5.2.5 (distribution sorting).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace iadsim {

// Sorts v by its member range_m, stably. The vectors are scratch space (kept between calls or not).
template <typename Point>
void StableSortByRange(std::vector<Point>& v, std::vector<Point>* scratch, std::vector<std::uint32_t>* bucket_scratch) {
  const std::size_t n = v.size();
  if (n < 2) return;
  const auto by_range = [](const Point& a, const Point& b) { return a.range_m < b.range_m; };
  double lo = v[0].range_m, hi = v[0].range_m;
  for (const Point& p : v) {
    lo = std::min(lo, p.range_m);
    hi = std::max(hi, p.range_m);
  }
  bool finite = std::isfinite(lo) && std::isfinite(hi) && std::isfinite(hi - lo);
  for (std::size_t i = 0; finite && i < n; ++i) finite = !std::isnan(v[i].range_m);
  if (!finite || n < 16 || !(hi > lo)) {
    std::stable_sort(v.begin(), v.end(), by_range);
    return;
  }
  const std::size_t buckets = n;
  const double scale = static_cast<double>(buckets) / (hi - lo);
  // One scratch block: each point's bucket (n), the buckets' starts (n + 1), their next free slots (n).
  bucket_scratch->resize(3 * n + 1);
  std::uint32_t* const bucket = bucket_scratch->data();
  std::uint32_t* const start = bucket + n;
  std::uint32_t* const next = start + buckets + 1;
  std::fill(start, start + buckets + 1, 0u);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = (v[i].range_m - lo) * scale;
    bucket[i] = static_cast<std::uint32_t>(std::min(static_cast<double>(buckets - 1), x));
    ++start[bucket[i] + 1];
  }
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  std::vector<Point>& out = *scratch;
  out.resize(n);
  std::copy(start, start + buckets, next);
  for (std::size_t i = 0; i < n; ++i) out[next[bucket[i]]++] = v[i];
  for (std::size_t b = 0; b < buckets; ++b) {
    const std::size_t b0 = start[b], b1 = start[b + 1];
    if (b1 - b0 < 2) continue;
    if (b1 - b0 > 32) {
      std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(b0), out.begin() + static_cast<std::ptrdiff_t>(b1), by_range);
      continue;
    }
    for (std::size_t k = b0 + 1; k < b1; ++k) {  // stable: a point passes only strictly larger ranges
      const Point p = out[k];
      std::size_t j = k;
      for (; j > b0 && p.range_m < out[j - 1].range_m; --j) out[j] = out[j - 1];
      out[j] = p;
    }
  }
  std::swap(v, out);
}

}  // namespace iadsim
