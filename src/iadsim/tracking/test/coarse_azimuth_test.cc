// CoarseAzimuth against the library's atan2: within 1e-10 rad (as directions: the difference
// wrapped, so that pi and -pi agree) and inside [-pi, pi], over 2,000,000 seeded points in every
// octant at magnitudes from 1e-3 to 1e7 m, on the axes and the diagonals, and for the inputs it
// hands to atan2 itself (zeros, infinities, NaN).
#include "iadsim/tracking/coarse_azimuth.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "iadsim/core/angle.h"
#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

// The direction difference to atan2's (checked within 1e-10 rad, and the result inside [-pi, pi]).
double ExpectClose(double east, double north) {
  const double coarse = CoarseAzimuth(east, north), exact = std::atan2(east, north);
  const double error = std::abs(RemainderTwoPi(coarse - exact));
  EXPECT_LE(error, 1e-10) << east << " " << north;
  EXPECT_TRUE(coarse >= -M_PI && coarse <= M_PI) << east << " " << north;
  return error;
}

TEST(CoarseAzimuth, WithinATenthOfANanoradian) {
  RandomStream rng(2026, 0, "test", "coarse-azimuth");
  double worst = 0.0;
  for (int k = 0; k < 2000000; ++k) {
    const double r = std::pow(10.0, rng.Uniform(-3.0, 7.0));
    const double az = rng.Uniform(-M_PI, M_PI);
    const double east = r * std::sin(az), north = r * std::cos(az);
    worst = std::max(worst, ExpectClose(east, north));
    if (HasFailure()) return;
  }
  EXPECT_LT(worst, 1e-10);
  for (const double s : {1.0, -1.0})
    for (const double t : {1.0, -1.0}) {
      ExpectClose(s * 3.0, t * 3.0);                    // diagonals
      ExpectClose(s * 3.0, 0.0);                        // axes
      ExpectClose(0.0, t * 3.0);
      ExpectClose(s * 1.0, t * 0.41421356237309503);    // the reduction's edge
      ExpectClose(s * 0.41421356237309503, t * 1.0);
      ExpectClose(s * 1e-300, t * 1e300);
    }
}

TEST(CoarseAzimuth, LeavesTheOddInputsToAtan2) {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(CoarseAzimuth(0.0, 0.0), std::atan2(0.0, 0.0));
  EXPECT_EQ(CoarseAzimuth(0.0, -0.0), std::atan2(0.0, -0.0));
  EXPECT_EQ(CoarseAzimuth(inf, 1.0), std::atan2(inf, 1.0));
  EXPECT_EQ(CoarseAzimuth(-inf, inf), std::atan2(-inf, inf));
  EXPECT_TRUE(std::isnan(CoarseAzimuth(nan, 1.0)));
  EXPECT_TRUE(std::isnan(CoarseAzimuth(1.0, nan)));
}

}  // namespace
}  // namespace iadsim
