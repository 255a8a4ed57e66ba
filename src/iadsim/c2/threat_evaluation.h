#pragma once
// Threat evaluation: how soon, and how close, a track comes to a defended asset if it keeps its
// velocity. Horizontal closest point of approach (CPA) of a constant-velocity track:
//   r = p - a (east, north),  t_cpa = -(r . v) / |v|^2,  d_cpa = |r + v t_cpa|
// A track with t_cpa <= 0 is opening and is no threat to that asset. Threats rank by t_cpa.
// Source: the CPA formula of collision-avoidance practice (e.g. Kuchar & Yang, IEEE T-ITS 1(4),
// 2000); threat ranking by time-to-asset as in Roux & van Vuuren, "Threat evaluation and weapon
// assignment decision support: a review", ORiON 23(2), 2007.
#include <string>
#include <string_view>
#include <vector>

#include "iadsim/core/ids.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct DefendedAsset {
  std::string name;
  Vec3 p_enu = Vec3::Zero();  // in the command post's frame
};

struct ThreatAssessment {
  TrackId track;
  int asset = -1;            // index of the most threatened asset; -1 when opening from all
  double time_to_cpa_s = 0;  // to that asset
  double cpa_m = 0;
  bool inbound = false;      // closing on some asset
  // The most threatened asset's name (empty when opening from all): a view of the name in the
  // assets passed to AssessThreat, valid while they are.
  std::string_view asset_name;
};

// The assessment against the asset reached first among those the track closes on.
ThreatAssessment AssessThreat(TrackId track, const Vec3& p_enu, const Vec3& v_enu,
                              const std::vector<DefendedAsset>& assets);

}  // namespace iadsim
