#pragma once
// Angle wrapping on the hot paths of the sensors (resolution cells, IFF garbling, the scan's
// polar geometry), bit for bit equal to the library calls they replace but without their cost
// for the arguments that occur there (differences of two azimuths in [0, 2 pi), atan2 results).
//
//   RemainderTwoPi(x) == std::remainder(x, 2 pi)   for every double x (NaN stays NaN)
//   WrapTwoPiExact(x) == WrapTwoPi(x)              (core/angle.h: fmod, then + 2 pi when < 0)
//
// Why they are exact. Let y = 2 pi (the double) and h = y / 2 = pi (the double; halving is exact).
// IEEE 754 remainder(x, y) = x - n y with n the integer nearest x / y (ties to even), and the result
// is always exactly representable. For |x| <= h, n = 0 (|x| = h is a tie, n = 0 is even): the result
// is x. For h < |x| < y, n = +-1 and x -+ y is computed exactly in floating point by Sterbenz's
// lemma (y / 2 <= |x| <= 2 y), so the subtraction reproduces the exact remainder. fmod(x, y) is
// exact as well, and equals x when |x| < y. Other arguments fall back to the library call.
// The test (test/exact_angles_test.cc) compares both bit for bit with the library on random
// arguments and on the edges (0, -0, +-pi, +-2 pi and their neighbours, NaN, infinities).
#include <cmath>
#include <numbers>

namespace iadsim {

inline double RemainderTwoPi(double x) {
  constexpr double y = 2.0 * std::numbers::pi;
  constexpr double h = std::numbers::pi;
  if (x >= -h && x <= h) return x;
  if (x > h && x < y) return x - y;  // not at |x| = y: the exact remainder is then -0 or +0 as x
  if (x < -h && x > -y) return x + y;
  return std::remainder(x, y);
}

// |remainder(a - b, 2 pi)|: the angular distance between two azimuths (radians).
inline double AzimuthGapRad(double a, double b) { return std::abs(RemainderTwoPi(a - b)); }

inline double WrapTwoPiExact(double x) {
  constexpr double y = 2.0 * std::numbers::pi;
  const double r = (x > -y && x < y) ? x : std::fmod(x, y);
  return r < 0.0 ? r + y : r;
}

}  // namespace iadsim
