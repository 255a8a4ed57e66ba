#include "iadsim/world/rcs_table.h"
#include "iadsim/core/angle.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDeg = 180.0 / std::numbers::pi;

void CheckAxis(Problems& out, const char* path, const std::vector<double>& axis, double lo, double hi) {
  if (axis.empty()) out.push_back({path, "needs at least one value"});
  for (std::size_t i = 0; i < axis.size(); ++i) {
    if (!std::isfinite(axis[i]) || axis[i] < lo || axis[i] > hi)
      out.push_back({fmt::format("{}[{}]", path, i), fmt::format("must be in [{}, {}] deg (got {})", lo, hi, axis[i])});
    else if (i > 0 && !(axis[i] > axis[i - 1]))
      out.push_back({fmt::format("{}[{}]", path, i), fmt::format("must be greater than the value before it ({} deg)", axis[i - 1])});
  }
}

// Index i and weight w so that x lies between axis[i] and axis[i+1] (w in [0, 1]); clamped.
std::pair<std::size_t, double> Locate(const std::vector<double>& axis, double x) {
  if (axis.size() == 1 || x <= axis.front()) return {0, 0.0};
  if (x >= axis.back()) return {axis.size() - 2, 1.0};
  const auto it = std::upper_bound(axis.begin(), axis.end(), x);
  const std::size_t i = static_cast<std::size_t>(it - axis.begin()) - 1;
  return {i, (x - axis[i]) / (axis[i + 1] - axis[i])};
}

}  // namespace

Problems RcsTable::Validate() const {
  Problems out;
  CheckAxis(out, "azimuths", azimuth_deg, 0.0, 180.0);
  CheckAxis(out, "elevations", elevation_deg, -90.0, 90.0);
  if (dbsm.size() != elevation_deg.size())
    out.push_back({"dbsm", fmt::format("needs one row per elevation ({} rows, got {})", elevation_deg.size(), dbsm.size())});
  for (std::size_t i = 0; i < dbsm.size(); ++i) {
    if (dbsm[i].size() != azimuth_deg.size())
      out.push_back({fmt::format("dbsm[{}]", i),
                     fmt::format("needs one value per azimuth ({} values, got {})", azimuth_deg.size(), dbsm[i].size())});
    for (std::size_t j = 0; j < dbsm[i].size(); ++j)
      if (!std::isfinite(dbsm[i][j]) || std::abs(dbsm[i][j]) > 60.0)
        out.push_back({fmt::format("dbsm[{}][{}]", i, j), fmt::format("must be a finite value in [-60, 60] dBsm (got {})", dbsm[i][j])});
  }
  return out;
}

double RcsTable::RcsM2(double aspect_azimuth_deg, double aspect_elevation_deg) const {
  double a = std::fmod(std::abs(aspect_azimuth_deg), 360.0);
  if (a > 180.0) a = 360.0 - a;
  const auto [j, wa] = Locate(azimuth_deg, a);
  const auto [i, we] = Locate(elevation_deg, aspect_elevation_deg);
  auto at = [&](std::size_t r, std::size_t c) {
    return dbsm[std::min(r, dbsm.size() - 1)][std::min(c, azimuth_deg.size() - 1)];
  };
  const double s0 = at(i, j) * (1.0 - wa) + at(i, j + 1) * wa;
  const double s1 = at(i + 1, j) * (1.0 - wa) + at(i + 1, j + 1) * wa;
  return std::pow(10.0, (s0 * (1.0 - we) + s1 * we) / 10.0);
}

Aspect AspectOf(const Geodetic& geo, const Vec3& p_ecef, const Vec3& v_ecef, const Vec3& p_obs_ecef) {
  const Eigen::Matrix3d R = EnuFromEcefRotation(geo.lat_deg, geo.lon_deg);
  const Vec3 los = R * (p_obs_ecef - p_ecef);  // aircraft -> observer, in the aircraft's ENU
  const Vec3 v = R * v_ecef;
  const double heading = (std::hypot(v.x(), v.y()) > 1e-6) ? std::atan2(v.x(), v.y()) : 0.0;
  const double bearing = std::atan2(los.x(), los.y());
  double a = std::abs(RemainderTwoPi(bearing - heading)) * kDeg;
  Aspect out;
  out.azimuth_deg = std::min(a, 180.0);
  out.elevation_deg = std::atan2(los.z(), std::hypot(los.x(), los.y())) * kDeg;
  return out;
}

}  // namespace iadsim
