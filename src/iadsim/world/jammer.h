#pragma once
// A noise jammer in the world (truth): a transmitter carried by an aircraft (self-screening or
// escort) or standing at a fixed place (stand-off, ground), radiating between start and stop.
// Its figures are those of the jammer equation (sensors/jamming.h): power, antenna gain toward the
// victim, noise bandwidth, losses. The victim receiver decides what it hears (its band, its antenna
// pattern toward the jammer, line of sight).
#include <cstdint>
#include <optional>
#include <string>

#include "iadsim/core/ids.h"
#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

// Which receivers a jammer is aimed at (its band and waveform): the defence's ground radars,
// GNSS receivers, radios, or airborne fire-control radars. A receiver hears only jammers of its
// kind.
enum class JammerBand : std::uint8_t { kRadar, kGnss, kComms, kAirborneRadar };
const char* ToString(JammerBand band);  // radar, gnss, comms, airborne-radar

// A directional jammer antenna: a Gaussian main lobe of 3 dB width beamwidth_rad about the
// horizontal azimuth, and a floor sidelobe_db below the peak (gain_db is the peak).
struct JammerBeam {
  double azimuth_rad = 0.0;       // boresight, clockwise from north
  double beamwidth_rad = 1.0472;  // (0, 2π]
  double sidelobe_db = 20.0;      // >= 0
};

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
  JammerBand band = JammerBand::kRadar;
  double frequency_hz = 0.0;          // centre frequency (emitter lists, anti-radiation seekers); 0: unstated
  std::optional<JammerBeam> beam;     // none: gain_db toward every victim
  // Gain toward a victim at horizontal azimuth azimuth_rad from the jammer (dBi).
  double GainTowardDb(double azimuth_rad) const;
  // Gain toward a victim at rx_ecef from the jammer standing at `at` (dBi): the azimuth is taken
  // in the jammer's local frame, and only when it has a beam (gain_db toward every victim else).
  double GainTowardDb(const Geodetic& at, const Vec3& rx_ecef) const;
};

}  // namespace iadsim
