#pragma once
// Weapons control by azimuth sector: a unit may be weapons FREE over the sea and TIGHT or HOLD
// toward its own airfield ("a unit owns its own block of sky"). Each sector runs CLOCKWISE from
// `from_azimuth` to `to_azimuth` (azimuths from true north, from the unit), both ends included;
// when to < from the sector wraps through north (350 deg -> 10 deg covers 20 deg). 0 -> 360 deg is
// the full circle. The FIRST sector that contains the azimuth decides; none -> the unit's default.
//   offset = (az - from) mod 2pi,  width = (to - from) mod 2pi  (2pi when to - from = 2pi)
//   contains(az)  <=>  offset <= width + 1e-9 rad
// (the 1e-9 rad tolerance, 0.2 mm at 200 km, keeps 360 deg and 0 deg the same boundary azimuth).
// Control meanings (notional, JP 3-01 text not public [U]; see command_post.h): FREE fires at any
// track not identified friend, assumed friend or neutral; TIGHT only at hostile; HOLD not at all.
// Source of the idea: BBC News 2878113 (2003, Patriot "own block of sky"); weapons-free wording,
// CALL 01-4 ROE card (globalsecurity.org). Sectors and their controls are scenario settings.
#include <string>
#include <vector>

#include "iadsim/core/error.h"

namespace iadsim {

// Weapons control status. (Declared here so that command_post.h can include this header;
// ToString is defined with the command post, in command_post.cc.)
enum class WeaponsControl { kFree, kTight, kHold };
const char* ToString(WeaponsControl control);  // "free", "tight", "hold"

struct WeaponsControlSector {
  std::string name;
  double from_azimuth_rad = 0.0;  // clockwise start, from true north, rad, [0, 2pi]
  double to_azimuth_rad = 0.0;    // clockwise end, rad, [0, 2pi]; the sector must not be empty
  WeaponsControl control = WeaponsControl::kTight;
};

struct ControlDecision {
  WeaponsControl control = WeaponsControl::kTight;
  std::string sector;  // name of the deciding sector; "" = the unit's default
};

// The control at `azimuth_rad` (any real, wrapped to [0, 2pi); must be finite).
ControlDecision ControlAt(const std::vector<WeaponsControlSector>& sectors,
                          WeaponsControl default_control, double azimuth_rad);

// Every problem, paths "sectors[i].from_azimuth" / "sectors[i].to_azimuth": angles outside
// [0, 360 deg] or not finite; an empty sector (from and to the same azimuth, e.g. 90 -> 90 deg or
// 360 -> 0 deg) is reported on to_azimuth.
Problems ValidateSectors(const std::vector<WeaponsControlSector>& sectors);

}  // namespace iadsim
