#pragma once
// A reply to an IFF / SSR interrogation, as the interrogator decodes it. Positioned by the
// interrogator's own range and beam azimuth; it names no aircraft: C2 correlates it with a track.
#include <cstdint>
#include <optional>
#include <string>

#include "iadsim/core/ids.h"
#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

enum class IffMode : std::uint8_t { kMode1, kMode2, kMode3A, kModeC, kModeS, kSecure };

struct IffReply {
  SimTime time;
  SensorId sensor;  // the interrogator
  Geodetic sensor_position;
  IffMode mode = IffMode::kMode3A;
  double range_m = 0.0;
  double azimuth_rad = 0.0;
  double sigma_range_m = 0.0;
  double sigma_azimuth_rad = 0.0;
  // Secure mode: true when the reply authenticated with a key the interrogator holds.
  bool authenticated = false;
  std::uint16_t code = 0;                 // Mode 1/2/3A code (octal digits stored as a number)
  std::uint32_t address = 0;              // Mode S 24-bit address (Mode S replies only)
  std::optional<double> pressure_alt_m;   // Mode C altitude report
  std::string key;                        // the key name that authenticated (secure mode only)
  // The primary detection of the same sweep this reply was combined with (index into the batch's
  // detections), or -1: an interrogator that does not combine (sensors/plot_combination.h), or no
  // detection in the gate.
  int detection = -1;
};

const char* ToString(IffMode mode);

}  // namespace iadsim

#include <vector>

namespace iadsim {

// One sweep of an interrogator over an azimuth sector: which modes it asked, and the replies it
// decoded. An aircraft in the sector that did not answer is, to C2, an unanswered interrogation.
struct IffSweep {
  SensorId sensor;
  Geodetic sensor_position;
  SimTime start, end;
  double az_from_rad = 0.0, az_to_rad = 0.0;  // clockwise, may wrap through north
  double max_range_m = 0.0;
  bool secure_mode_asked = false;
  std::vector<IffReply> replies;
};

}  // namespace iadsim
