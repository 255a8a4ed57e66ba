#pragma once
// For identification tests: Identifier::Evaluate with every listed track's threat, speed and (when
// given) ENU position and velocity already at hand, instead of computed when a rule asks.
#include <utility>
#include <vector>

#include "iadsim/c2/identification.h"

namespace iadsim {

inline std::vector<IdentityChange> EvaluateAll(Identifier& id, SimTime now, const std::vector<ThreatAssessment>& threats,
                                               const std::vector<double>& speeds,
                                               const std::vector<std::pair<Vec3, Vec3>>& kinematics = {}) {
  std::vector<TrackId> tracks;
  for (const ThreatAssessment& th : threats) tracks.push_back(th.track);
  return id.Evaluate(now, tracks, [&](std::size_t i) {
    return Identifier::Kinematics{&threats[i], speeds[i], i < kinematics.size() ? &kinematics[i] : nullptr};
  });
}

}  // namespace iadsim
