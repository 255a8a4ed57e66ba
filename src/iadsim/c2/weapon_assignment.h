#pragma once
// Weapon-target assignment helpers: predicted intercept and engagement envelope.
//
// Intercept prediction with a constant mean missile speed v_m from the fire unit at f against a
// constant-velocity target p + v t: the collision triangle of geodesy/intercept_time.h.
// The intercept point is inside the envelope when its slant range is in [min_range, max_range]
// and its altitude in [min_alt, max_alt].
#include <optional>

#include "iadsim/core/error.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct EngagementEnvelope {
  double min_range_m = 5e3;
  double max_range_m = 150e3;
  double min_alt_m = 25.0;
  double max_alt_m = 27e3;
  double mean_missile_speed_mps = 1200.0;  // average over the flyout, for intercept prediction
  Problems Validate() const;
};

struct PredictedIntercept {
  double time_s = 0.0;
  Vec3 point_enu = Vec3::Zero();
  double range_m = 0.0;
};

std::optional<PredictedIntercept> PredictIntercept(const Vec3& target_p_enu, const Vec3& target_v_enu,
                                                   const Vec3& fire_unit_p_enu, double missile_speed_mps);

bool InsideEnvelope(const PredictedIntercept& intercept, double altitude_m, const EngagementEnvelope& envelope);

}  // namespace iadsim
