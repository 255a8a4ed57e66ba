#include "iadsim/world/terrain_following.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {

Problems TerrainFollowingConfig::Validate() const {
  Problems out;
  if (!(clearance_m >= 0.0 && clearance_m <= 10000.0))
    out.push_back({"clearance", fmt::format("must be in [0, 10000] m (got {:.4g} m)", clearance_m)});
  if (!(spacing_m >= 10.0 && spacing_m <= 1e6))
    out.push_back({"spacing", fmt::format("must be in [10 m, 1000 km] (got {:.4g} m)", spacing_m)});
  return out;
}

DensifiedRoute FollowTerrain(const std::vector<Waypoint>& route, const TerrainFollowingConfig& c, const Terrain* terrain) {
  IADSIM_CHECK(c.Validate().empty(), "FollowTerrain: invalid config");
  auto at = [&](Geodetic g, double speed_mps) {
    g.alt_m = (terrain ? terrain->ElevationM(g.lat_deg, g.lon_deg) : 0.0) + c.clearance_m;
    return Waypoint{g, speed_mps};
  };
  DensifiedRoute out;
  for (std::size_t i = 0; i < route.size(); ++i) {
    if (i > 0) {
      const Waypoint& a = route[i - 1];
      const Waypoint& b = route[i];
      const GeodesicInverse inv = Inverse(a.position, b.position);
      const auto pieces = static_cast<std::size_t>(std::max(1.0, std::ceil(inv.distance_m / c.spacing_m - 1e-9)));
      if (pieces > 1) {
        const GeodesicPath path(a.position, inv.azimuth_from_rad);
        const double v0sq = a.speed_mps * a.speed_mps, v1sq = b.speed_mps * b.speed_mps;
        for (std::size_t k = 1; k < pieces; ++k) {
          const double f = static_cast<double>(k) / static_cast<double>(pieces);
          out.waypoints.push_back(at(path.At(f * inv.distance_m).point, std::sqrt(v0sq + (v1sq - v0sq) * f)));
        }
      }
    }
    out.original_index.push_back(out.waypoints.size());
    out.waypoints.push_back(at(route[i].position, route[i].speed_mps));
  }
  return out;
}

}  // namespace iadsim
