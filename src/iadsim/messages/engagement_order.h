#pragma once
// An order from a command post to its fire units: engage this track with these rounds.
#include <cstdint>

#include "iadsim/core/ids.h"
#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

using EngagementId = Id<struct EngagementTag>;

struct EngagementOrder {
  SimTime time;
  EngagementId engagement;
  UnitId unit;         // the ordering unit
  TrackId track;       // in the ordering unit's picture
  LauncherId launcher;
  int rounds = 1;      // missiles to fire at this track (shoot-shoot: 2)
  // Designation: the track's estimate at `time` and its covariance (position then velocity), in
  // ECEF so that the receiving unit needs no knowledge of the sender's frame.
  Vec3 target_p_ecef = Vec3::Zero();
  Vec3 target_v_ecef = Vec3::Zero();
  Eigen::Matrix<double, 6, 6> target_P_ecef = Eigen::Matrix<double, 6, 6>::Zero();
};

}  // namespace iadsim
