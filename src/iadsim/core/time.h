#pragma once
// Simulation time: an integer count of microseconds since the scenario start.
// No floating-point clock: ordering and equality of event times are exact, so a run is a pure
// function of (scenario, seed). Range: +-2.9e5 years at 1 us resolution.
#include <cmath>
#include <compare>
#include <cstdint>

namespace iadsim {

namespace time_detail {
// std::llround(x) (to nearest, halves away from zero) inline: t = trunc(x) and x - t are exact for
// |x| < 2^53 (the fraction of a double is a double), so the comparison with 1/2 decides exactly;
// larger, NaN or infinite x go to std::llround.
inline std::int64_t RoundToInt64(double x) {
  if (!(std::abs(x) < 9007199254740992.0)) return std::llround(x);
  std::int64_t t = static_cast<std::int64_t>(x);
  const double f = x - static_cast<double>(t);
  if (f >= 0.5) ++t;
  else if (f <= -0.5) --t;
  return t;
}
}  // namespace time_detail

class Duration final {
 public:
  constexpr Duration() = default;
  static constexpr Duration Micros(std::int64_t us) { return Duration(us); }
  static constexpr Duration Millis(std::int64_t ms) { return Duration(ms * 1000); }
  // Rounds to the nearest microsecond.
  static Duration Seconds(double s) { return Duration(time_detail::RoundToInt64(s * 1e6)); }
  constexpr std::int64_t micros() const { return us_; }
  constexpr double seconds() const { return static_cast<double>(us_) / 1e6; }
  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration o) const { return Duration(us_ + o.us_); }
  constexpr Duration operator-(Duration o) const { return Duration(us_ - o.us_); }
  constexpr Duration operator*(std::int64_t k) const { return Duration(us_ * k); }

 private:
  constexpr explicit Duration(std::int64_t us) : us_(us) {}
  std::int64_t us_ = 0;
};

class SimTime final {
 public:
  constexpr SimTime() = default;
  static constexpr SimTime Micros(std::int64_t us) { return SimTime(us); }
  static SimTime Seconds(double s) { return SimTime(time_detail::RoundToInt64(s * 1e6)); }
  static constexpr SimTime Max() { return SimTime(INT64_MAX); }
  constexpr std::int64_t micros() const { return us_; }
  constexpr double seconds() const { return static_cast<double>(us_) / 1e6; }
  constexpr auto operator<=>(const SimTime&) const = default;
  constexpr SimTime operator+(Duration d) const { return SimTime(us_ + d.micros()); }
  constexpr SimTime operator-(Duration d) const { return SimTime(us_ - d.micros()); }
  constexpr Duration operator-(SimTime o) const { return Duration::Micros(us_ - o.us_); }
  SimTime& operator+=(Duration d) { us_ += d.micros(); return *this; }

 private:
  constexpr explicit SimTime(std::int64_t us) : us_(us) {}
  std::int64_t us_ = 0;
};

}  // namespace iadsim
