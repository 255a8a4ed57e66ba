// RemainderTwoPi and WrapTwoPi (core/angle.h) against the library calls they stand for, bit for
// bit: std::remainder(x, 2 pi), and fmod(x, 2 pi) plus 2 pi when negative, on seeded random arguments of the
// ranges met in the scan (differences of azimuths, sums with noise) and far outside them, and on
// the edges where the fast path changes branch (0, -0, +-pi, +-2 pi, +-3 pi (the tie of x / 2 pi =
// 1.5), +-4 pi and their neighbours).
#include "iadsim/core/angle.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <vector>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

constexpr double kPi = std::numbers::pi;

std::uint64_t Bits(double x) { return std::bit_cast<std::uint64_t>(x); }

std::vector<double> EdgeArguments() {
  std::vector<double> out;
  for (double base : {0.0, kPi, 2.0 * kPi, 3.0 * kPi, 4.0 * kPi, 0.5 * kPi, 1.5 * kPi, 2.5 * kPi, 3.5 * kPi}) {
    for (double sign : {1.0, -1.0}) {
      double x = sign * base;
      out.push_back(x);
      double up = x, down = x;
      for (int k = 0; k < 4; ++k) {
        up = std::nextafter(up, INFINITY);
        down = std::nextafter(down, -INFINITY);
        out.push_back(up);
        out.push_back(down);
      }
    }
  }
  out.push_back(-0.0);
  out.push_back(1e-300);
  out.push_back(-1e-300);
  out.push_back(1e300);
  out.push_back(-1e300);
  return out;
}

void ExpectSameAsLibrary(double x) {
  const double rem = std::remainder(x, 2.0 * kPi);
  EXPECT_EQ(Bits(RemainderTwoPi(x)), Bits(rem)) << "x = " << x;
  const double r = std::fmod(x, 2.0 * kPi);
  EXPECT_EQ(Bits(WrapTwoPi(x)), Bits(r < 0.0 ? r + 2.0 * kPi : r)) << "x = " << x;
}

TEST(Angle, EdgesBitForBit) {
  // 3 pi is 2 pi + pi exactly (pi's significand ends in three zero bits): x / 2 pi = 1.5, the tie.
  ASSERT_EQ(3.0 * kPi - 2.0 * kPi, kPi);
  for (double x : EdgeArguments()) ExpectSameAsLibrary(x);
}

TEST(Angle, RandomArgumentsBitForBit) {
  RandomStream rng(11);
  for (int i = 0; i < 200000; ++i) {
    // Differences of two azimuths in [0, 2 pi) (the resolution and garbling tests).
    const double a = rng.Uniform(0.0, 2.0 * kPi), b = rng.Uniform(0.0, 2.0 * kPi);
    ExpectSameAsLibrary(a - b);
    EXPECT_EQ(Bits(AzimuthGapRad(a, b)), Bits(std::abs(std::remainder(a - b, 2.0 * kPi))));
    // atan2 results and azimuths plus small offsets, and arguments far outside (the fallback).
    ExpectSameAsLibrary(rng.Uniform(-kPi, kPi));
    ExpectSameAsLibrary(a + rng.Normal(0.0, 0.01));
    ExpectSameAsLibrary(rng.Uniform(-1e4, 1e4));
    // An azimuth in [0, 2 pi) less one in (-pi, pi] (the polar index's windows), and (-4 pi, 4 pi).
    ExpectSameAsLibrary(a - (b - kPi));
    ExpectSameAsLibrary((b - kPi) - a);
    ExpectSameAsLibrary(rng.Uniform(-4.0 * kPi, 4.0 * kPi));
  }
}

TEST(Angle, NotANumberAndInfinitiesFollowTheLibrary) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(std::isnan(RemainderTwoPi(nan)));
  EXPECT_TRUE(std::isnan(WrapTwoPi(nan)));
  EXPECT_TRUE(std::isnan(RemainderTwoPi(INFINITY)));
  EXPECT_TRUE(std::isnan(WrapTwoPi(-INFINITY)));
}

TEST(Angle, HandValues) {
  // 350 deg and 10 deg are 20 deg apart across north; 3 pi / 2 wraps to -pi / 2.
  EXPECT_NEAR(AzimuthGapRad(350.0 * kPi / 180.0, 10.0 * kPi / 180.0), 20.0 * kPi / 180.0, 1e-15);
  EXPECT_DOUBLE_EQ(RemainderTwoPi(1.5 * kPi), -0.5 * kPi);
  EXPECT_DOUBLE_EQ(WrapTwoPi(-0.5 * kPi), 1.5 * kPi);
}

}  // namespace
}  // namespace iadsim
