#pragma once
// atan2(east, north) within 1e-10 rad, for the track indexes (track_index.h), whose bounds carry an
// absolute tolerance of 1e-6 rad: an azimuth that only sorts tracks and opens windows need not be
// the library's to the last bit, and this one costs a third of it.
//   a = min(|e|, |n|) / max(|e|, |n|) in [0, 1];  atan a = t - t^3/3 + ... (12 terms, to t^23),
//   with t = a for a <= tan(pi/8), else atan a = pi/4 + atan((a - 1) / (a + 1)), |t| <= tan(pi/8):
//   the first term left out is below tan(pi/8)^25 / 25 = 1.1e-11; then the octant's reflections
//   (pi/2 - x, pi - x, -x), all exact but for one rounding each.
// The result is clamped to [-pi, pi] (the library's range). A non-finite input, or both zero, is
// answered by std::atan2 itself.
#include <cmath>

namespace iadsim {

inline double CoarseAzimuth(double east, double north) {
  const double ae = std::abs(east), an = std::abs(north);
  const double hi = ae > an ? ae : an, lo = ae > an ? an : ae;
  if (!(hi > 0.0) || !std::isfinite(hi)) return std::atan2(east, north);
  const double a = lo / hi;
  constexpr double kTanPi8 = 0.41421356237309503;
  const bool reduced = a > kTanPi8;
  const double t = reduced ? (a - 1.0) / (a + 1.0) : a;
  const double t2 = t * t;
  // Horner on the series' coefficients (-1)^k / (2k + 1), k = 11 down to 0.
  double p = -1.0 / 23.0;
  p = p * t2 + 1.0 / 21.0;
  p = p * t2 - 1.0 / 19.0;
  p = p * t2 + 1.0 / 17.0;
  p = p * t2 - 1.0 / 15.0;
  p = p * t2 + 1.0 / 13.0;
  p = p * t2 - 1.0 / 11.0;
  p = p * t2 + 1.0 / 9.0;
  p = p * t2 - 1.0 / 7.0;
  p = p * t2 + 1.0 / 5.0;
  p = p * t2 - 1.0 / 3.0;
  p = p * t2 + 1.0;
  double r = t * p + (reduced ? M_PI_4 : 0.0);  // atan(lo / hi), in [0, pi/4]
  if (ae > an) r = M_PI_2 - r;                   // angle from north: atan(|e| / |n|)
  if (north < 0.0) r = M_PI - r;
  if (east < 0.0) r = -r;
  return r > M_PI ? M_PI : r < -M_PI ? -M_PI : r;
}

}  // namespace iadsim
