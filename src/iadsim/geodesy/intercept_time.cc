#include "iadsim/geodesy/intercept_time.h"

#include <algorithm>
#include <cmath>

namespace iadsim {

std::optional<double> InterceptTime(const Vec3& r, const Vec3& v, double speed) {
  const double a = v.squaredNorm() - speed * speed;
  const double b = 2.0 * r.dot(v);
  const double c = r.squaredNorm();
  double t = -1.0;
  if (std::abs(a) < 1e-9) {  // equal speeds: the equation is linear
    if (b < 0.0) t = -c / b;
  } else {
    const double disc = b * b - 4.0 * a * c;
    if (disc < 0.0) return std::nullopt;
    const double s = std::sqrt(disc);
    const double t1 = (-b - s) / (2.0 * a), t2 = (-b + s) / (2.0 * a);
    const double lo = std::min(t1, t2), hi = std::max(t1, t2);
    t = lo > 0.0 ? lo : hi;
  }
  if (!(t > 0.0)) return std::nullopt;
  return t;
}

}  // namespace iadsim
