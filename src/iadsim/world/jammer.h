#pragma once
// A noise jammer in the world (truth): a transmitter carried by an aircraft (self-screening or
// escort) or standing at a fixed place (stand-off, ground), radiating between start and stop.
// Its figures are those of the jammer equation (sensors/jamming.h): power, antenna gain toward the
// victim, noise bandwidth, losses. The victim receiver decides what it hears (its band, its antenna
// pattern toward the jammer, line of sight).
#include <optional>
#include <string>

#include "iadsim/core/ids.h"
#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct Jammer {
  std::string name;
  double power_w = 100.0;       // > 0
  double gain_db = 0.0;         // toward the victims, dBi
  double bandwidth_hz = 100e6;  // > 0
  double losses_db = 0.0;       // >= 0
  std::optional<EntityId> carrier;  // the aircraft carrying it; none: fixed at `position`
  Geodetic position;
  SimTime start;
  SimTime stop = SimTime::Max();
};

}  // namespace iadsim
