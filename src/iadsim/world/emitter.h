#pragma once
// A defence emitter in the world (truth): a search radar or an engagement radar (with its CW
// illuminator) that radiates, as radar-warning receivers and anti-radiation seekers hear it.
// The components that own the radars keep its state (radiating, beams, destroyed).
//
// Effective radiated power toward a point, W (the RWR's and ARM's signal, with one-way Friis
// at the receiver: sensors/radar_warning_receiver.h):
//   search radar:     ERP = Pt Gt, the peak: its beam sweeps over every point of its coverage, and
//                     a receiver reports the peak of each sweep;
//   engagement radar: ERP = Pt Gt when one of its beams points within a beamwidth of the point
//                     (a lock), else Pt Gt / sidelobe (the sidelobe floor);
//   silent or destroyed: 0.
// Valid for receivers in the far field, line of sight checked by the caller.
#include <string>
#include <vector>

#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

enum class EmitterKind { kSearch, kEngagement };
const char* ToString(EmitterKind kind);  // search, engagement

struct Emitter {
  std::string name;  // "UNIT" for a unit's search radar, "UNIT/engagement" for its engagement radar
  std::string unit;
  EmitterKind kind = EmitterKind::kSearch;
  Geodetic position;
  Vec3 p_ecef = Vec3::Zero();
  double frequency_hz = 3e9;       // > 0
  double erp_w = 1e9;              // peak, Pt Gt, > 0
  double sidelobe_db = 30.0;       // floor below the peak, >= 0
  double beamwidth_rad = 0.0175;   // engagement beams, > 0
  bool radiating = false;
  std::vector<Vec3> beams_ecef;    // engagement: the points its beams are on now
  bool destroyed = false;
  SimTime destroyed_at;

  // ERP toward p_ecef (W), as above.
  double ErpTowardW(const Vec3& p_ecef) const;
  // True when an engagement beam points within a beamwidth of p_ecef.
  bool Locks(const Vec3& p_ecef) const;
};

}  // namespace iadsim
