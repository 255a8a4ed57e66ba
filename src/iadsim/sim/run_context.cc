#include "iadsim/sim/run_context.h"

namespace iadsim {

std::optional<EntityId> RunContext::NearestAircraft(SimTime t, const Vec3& p_ecef, double max_distance_m) const {
  std::optional<EntityId> best;
  double best_d = max_distance_m;
  world.ForEachTargetNear(t, p_ecef, max_distance_m, [&](const Entity& e, const EntityState& s) {
    const double d = (s.p_ecef - p_ecef).norm();
    if (d <= best_d) {
      best_d = d;
      best = e.id;
    }
  });
  return best;
}

}  // namespace iadsim
