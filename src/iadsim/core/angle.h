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
// Wraps an angle in radians to [-pi, pi).
inline double WrapPi(double a) { return WrapTwoPi(a + std::numbers::pi) - std::numbers::pi; }

inline double DbToLinear(double db) { return std::pow(10.0, db / 10.0); }
inline double LinearToDb(double x) { return 10.0 * std::log10(x); }

}  // namespace iadsim
