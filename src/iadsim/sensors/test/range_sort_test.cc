// StableSortByRange against std::sort with the (range, index) comparator, on random ranges with
// many ties, crowded buckets, zeros of both signs, negatives, infinities and subnormals.
#include "iadsim/sensors/range_sort.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

struct Point {
  double range_m;
  std::size_t i;
};

TEST(RangeSort, GivesTheOrderOfTheRangeIndexComparator) {
  RandomStream rng(3, 0, "range_sort", "test");
  std::vector<Point> scratch;
  std::vector<std::uint32_t> keys;
  const double specials[] = {0.0, -0.0, 1.0, -1.0, std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::denorm_min(),
                             1e-310, 2.5e5, 2.5e5 + 1e-10};
  for (std::size_t n : {0, 1, 2, 3, 17, 256, 1250, 5000}) {
    for (int variant = 0; variant < 6; ++variant) {
      std::vector<Point> v;
      for (std::size_t i = 0; i < n; ++i) {
        double r;
        const double u = rng.Uniform01();
        if (variant == 0) r = 300e3 * u;                                     // a sweep's ranges
        else if (variant == 1) r = 1000.0 * static_cast<double>(rng.Below(20));  // many ties
        else if (variant == 2) r = specials[rng.Below(10)];
        else if (variant == 3) r = (u - 0.5) * std::exp(80.0 * rng.Uniform01() - 40.0);  // signs and scales
        else if (variant == 4) r = u < 0.9 ? 1e5 + 1e-9 * static_cast<double>(rng.Below(5)) : 3e5 * u;  // crowded
        else r = u < 0.5 ? specials[rng.Below(4)] + 1e-310 : specials[rng.Below(4)];  // zeros of both signs
        v.push_back({r, i});
      }
      std::vector<Point> want = v;
      std::sort(want.begin(), want.end(), [](const Point& a, const Point& b) {
        return a.range_m != b.range_m ? a.range_m < b.range_m : a.i < b.i;
      });
      StableSortByRange(v, &scratch, &keys);
      ASSERT_EQ(v.size(), want.size());
      for (std::size_t k = 0; k < n; ++k) {
        ASSERT_EQ(v[k].i, want[k].i) << "n " << n << ", variant " << variant << ", position " << k;
      }
    }
  }
}

}  // namespace
}  // namespace iadsim
