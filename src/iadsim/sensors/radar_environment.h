#pragma once
// What a surveillance radar's receiver hears besides its targets' echoes, for one look:
//   noise jamming   J/N = sum over the world's radiating jammers in line of sight of
//                   J_j / (k Ts Br), J_j from the jammer equation (jamming.h) with the radar's
//                   receive gain toward the jammer from its antenna pattern (antenna_pattern.h:
//                   main beam when the beam points at it, the sidelobe floor far from it);
//                   receiver bandwidth Br = 1 / tau (uncompressed pulse).
//   ground clutter  constant-gamma clutter of the ground cell at the target's range (clutter.h),
//                   entering only through the lowest beam (target elevation below one elevation
//                   beamwidth), at grazing angle psi = asin(h / R) - R / (2 k a) over a 4/3 earth
//                   (zero beyond the antenna's horizon), after the MTI/Doppler improvement I:
//                   C/N = SNR(sigma_c, R), reduced by I.
//   effective SNR   S / (N + J + C/I) = snr / (1 + J/N + (C/N) / I).
// Strobes: the azimuths of a swept sector where J/N exceeds strobe_jnr_db, sampled every half
// beamwidth, merged into spans; each span is reported as a bearing-only strobe (power-weighted
// centre, width). A jammer in the main beam gives a narrow strobe at its bearing; a strong one
// heard through the sidelobes widens it, as on a real PPI.
// Sources: Skolnik, Introduction to Radar Systems, 3rd ed., ch. 7 (clutter) and ch. 14 (jamming);
// Barton, Radar System Analysis and Modeling, 2005, ch. 3 (clutter) and ch. 10 (jamming).
#include <optional>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/messages/detection.h"
#include "iadsim/sensors/antenna_pattern.h"
#include "iadsim/sensors/radar_parameters.h"
#include "iadsim/world/world.h"

namespace iadsim {

struct ClutterSetting {
  double gamma_db = -15.0;        // surface constant gamma, [-60, 0] dB (farmland -15; Barton)
  double improvement_db = 30.0;   // MTI / Doppler improvement factor, [0, 80] dB
  Problems Validate() const;      // paths: gamma, improvement
};

struct ReceiverEnvironment {
  AntennaPattern pattern;                 // beamwidths and sidelobe level of the antenna
  std::optional<ClutterSetting> clutter;  // none: no ground clutter
  double strobe_jnr_db = 13.0;            // J/N above which the jamming shows as a strobe
};

// J/N (linear) of every radiating jammer at t with the beam at (azimuth, elevation) in the radar's
// ENU frame. radar_position is the antenna; frame its ENU frame.
double JammingToNoise(const World& world, const RadarParameters& radar, const AntennaPattern& pattern,
                      const Geodetic& radar_position, const LocalFrame& frame, SimTime t, double beam_azimuth_rad,
                      double beam_elevation_rad);

// C/N (linear, after the improvement factor) of the ground cell at range_m for a target seen at
// elevation_rad; 0 when the beam does not touch the ground.
double ClutterToNoise(const ClutterSetting& clutter, const RadarParameters& radar, const AntennaPattern& pattern,
                      double range_resolution_m, double antenna_height_m, double range_m, double elevation_rad);

// Bearing-only strobes over the sector [az_from, az_from + width) swept between t0 and t1.
std::vector<Strobe> FindStrobes(const World& world, const RadarParameters& radar, const ReceiverEnvironment& env,
                                const Geodetic& radar_position, const LocalFrame& frame, SimTime t0, SimTime t1,
                                double az_from_rad, double width_rad, double azimuth_offset_rad);

}  // namespace iadsim
