#pragma once
// Angles as a strong type: radians inside, degrees only at the edges.
#include <cmath>
#include <numbers>

namespace iadsim {

class Angle final {
 public:
  constexpr Angle() = default;
  static constexpr Angle Radians(double r) { return Angle(r); }
  static constexpr Angle Degrees(double d) { return Angle(d * std::numbers::pi / 180.0); }
  constexpr double rad() const { return rad_; }
  constexpr double deg() const { return rad_ * 180.0 / std::numbers::pi; }
  constexpr auto operator<=>(const Angle&) const = default;
  constexpr Angle operator+(Angle o) const { return Angle(rad_ + o.rad_); }
  constexpr Angle operator-(Angle o) const { return Angle(rad_ - o.rad_); }
  constexpr Angle operator*(double k) const { return Angle(rad_ * k); }

 private:
  constexpr explicit Angle(double r) : rad_(r) {}
  double rad_ = 0.0;
};

// Wraps an angle in radians to [0, 2*pi).
inline double WrapTwoPi(double a) {
  constexpr double kTwoPi = 2.0 * std::numbers::pi;
  // The common cases without fmod, with the same result (fmod is exact, and so is a + 2 pi
  // for a in (-2 pi, 0), which fmod leaves as it is).
  if (a >= 0.0 && a < kTwoPi) return a;
  if (a > -kTwoPi && a < 0.0) return a + kTwoPi;
  a = std::fmod(a, kTwoPi);
  return a < 0.0 ? a + kTwoPi : a;
}
// std::remainder(x, 2 pi) for every double x (NaN stays NaN), bit for bit, without the library
// call for |x| < 4 pi (differences of two azimuths in [0, 2 pi), or of one in [0, 2 pi) and one in
// (-pi, pi], where the hot paths meet it).
// Why it is exact: let y = 2 pi (the double) and h = y / 2 = pi (halving is exact). IEEE 754
// remainder(x, y) = x - n y with n the integer nearest x / y (ties to even), and the result is
// always exactly representable. For |x| <= h, n = 0 (|x| = h is a tie, n = 0 is even): the result
// is x. For h < |x| < y, n = +-1 and x -+ y is computed exactly by Sterbenz's lemma
// (y / 2 <= |x| <= 2 y), so the subtraction reproduces the exact remainder. For y < x < 2 y,
// d = x - y is exact (Sterbenz) and in (0, y): n = 1 and the result is d when d < h; n = 2 when
// d > h, and when d = h (x / y = 1.5, a tie to the even 2), and the result x - 2 y = d - y is exact
// (Sterbenz again, h <= d <= y); -2 y < x < -y is its mirror. At |x| = y or 2 y the exact
// remainder is a zero with the sign of x, which the subtractions would not give: those, and all
// other arguments, go to the library. Test: core/test/angle_test.cc, against the library on random
// arguments and edges.
inline double RemainderTwoPi(double x) {
  constexpr double y = 2.0 * std::numbers::pi;
  constexpr double h = std::numbers::pi;
  if (x >= -h && x <= h) return x;
  if (x > h && x < y) return x - y;
  if (x < -h && x > -y) return x + y;
  if (x > y && x < 2.0 * y) {
    const double d = x - y;
    return d < h ? d : d - y;
  }
  if (x < -y && x > -2.0 * y) {
    const double d = x + y;
    return d > -h ? d : d + y;
  }
  return std::remainder(x, y);
}
// |remainder(a - b, 2 pi)|: the angular distance between two azimuths (radians).
inline double AzimuthGapRad(double a, double b) { return std::abs(RemainderTwoPi(a - b)); }

// Wraps an angle in radians to [-pi, pi).
inline double WrapPi(double a) { return WrapTwoPi(a + std::numbers::pi) - std::numbers::pi; }

inline double DbToLinear(double db) { return std::pow(10.0, db / 10.0); }
inline double LinearToDb(double x) { return 10.0 * std::log10(x); }

}  // namespace iadsim
