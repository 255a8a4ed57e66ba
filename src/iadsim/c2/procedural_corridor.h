#pragma once
// Procedural corridor: a block of sky through which friendly aircraft are told to fly, in a stated
// direction, to return to or leave a defended area ("assigned routing built for safe passage";
// minimum-risk routes). A track that flies inside it, in its direction, is ASSUMED FRIEND on
// procedural evidence alone (no cooperative reply needed); this file answers only "inside or not".
//
// Geometry, in the command post's ENU frame (the caller converts geodetic end points):
//   horizontal:  d = distance from (p_e, p_n) to the SEGMENT from -> to (end caps are half discs)
//                    t = clamp(((p - f) . s) / |s|^2, 0, 1),  d = |p - f - t s|,  s = to - from
//                inside when d <= half_width
//   vertical:    min_alt <= p_up <= max_alt (ENU up, metres above the frame origin's tangent plane)
//   heading:     |v_h| >= 1 m/s and the angle between v_h and s is <= heading_tolerance, with
//                angle = atan2(|s x v_h|, s . v_h) in [0, pi]  (a hovering or slow track: no heading)
// Units: metres, metres per second, radians. Valid for corridors up to a few hundred km, where the
// tangent plane's up is close to height (the drop of the earth's surface is d^2 / 2R: 0.8 km at
// 100 km; give the band some margin or convert the ends near the corridor).
// Sources: procedural identification practice of 2003 (return routing, IFF, non-hostile profile),
// BBC News 2878113; ICAO Doc 9554 (civil-military coordination). Corridor dimensions are notional
// scenario settings: no public text gives return-to-force or minimum-risk route figures [U].
#include <string>

#include "iadsim/core/error.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct ProceduralCorridor {
  std::string name;
  Vec3 from_enu = Vec3::Zero();  // centre line start, m, in the command post's ENU frame
  Vec3 to_enu = Vec3::Zero();    // centre line end, m; horizontally distinct from `from_enu`
  double half_width_m = 5000.0;  // horizontal half-width about the centre line, m, > 0
  double min_alt_m = 0.0;        // lowest ENU up inside the corridor, m, < max_alt_m
  double max_alt_m = 6000.0;     // highest ENU up inside the corridor, m
  double heading_tolerance_rad = 0.5236;  // allowed deviation of the track's course from
                                          // from -> to, rad, (0, pi] (pi: any direction)
  // Every problem, with paths half_width, min_altitude, max_altitude, heading_tolerance and `to`
  // (end points that coincide horizontally leave the corridor without a direction).
  Problems Validate() const;
};

// Minimum horizontal speed for a track to have a course, m/s.
inline constexpr double kCorridorMinSpeedMps = 1.0;

// True when the track (ENU position p, velocity v) is inside the corridor and flies its way (see the
// equations above). The corridor must be valid (checked: its end points must differ horizontally).
bool InsideCorridor(const ProceduralCorridor& c, const Vec3& p_enu, const Vec3& v_enu);

}  // namespace iadsim
