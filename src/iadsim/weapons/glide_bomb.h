#pragma once
// Unpowered glide weapon (GBU-39 SDB, JDAM-ER class): still-air range and a flight plan.
//
// In a steady glide at a constant lift-to-drag ratio the flight path falls 1 m for every L/D
// metres flown over the ground (glide angle γ, tan γ = D/L), so the still-air range from release is
//   R = L/D · Δh,   Δh = h_release − h_target (m)               (energy_height = false, default)
//   R = L/D · (Δh + v²/(2 g0)),  g0 = 9.80665 m/s²               (energy_height = true)
// the second form trading the release speed v (m/s) for height too (the energy height
// h_e = h + v²/(2g) of total-energy methods), which bounds the range from above: the weapon ends
// its glide slower than it started. Δh + v²/(2g) <= 0 gives R = 0.
// Example: L/D 9 from 12 km over a sea-level target: 108 km; with 250 m/s counted as energy height
// (3186.6 m): 136.7 km. (GBU-39: "over 110 km" from high altitude, press figure [press, U].)
// A flight plan is a straight glide along the geodesic from the release point to the aim point;
// time of flight = ground distance / mean speed along the glide.
// Valid range: L/D in (0, 30], subsonic to transonic glides, no wind, a flat-earth height budget
// (the earth's curvature, 0.8 km of drop at 100 km, is not credited), no manoeuvre losses.
// Sources: J. D. Anderson, Introduction to Flight, 8th ed., McGraw-Hill, 2016, ch. 6 (gliding
// flight, R = h · L/D); energy height: E. S. Rutowski, "Energy approach to the general aircraft
// performance problem", J. Aeronautical Sciences 21(3), 1954.
#include "iadsim/core/error.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct GlideConfig {
  double lift_to_drag = 9.0;      // mean L/D over the glide, (0, 30] (GBU-39 class: ~110 km from ~12 km [press])
  double mean_speed_mps = 250.0;  // mean speed along the glide, m/s, (0, 1000]
  bool energy_height = false;     // include v²/(2 g0) of the release speed in the height
  // Every problem; paths are the scenario keys: lift_to_drag, glide_speed.
  Problems Validate() const;
};

// Still-air glide range (m, >= 0) from release_alt_m down to target_alt_m (heights in one datum),
// release_speed_mps >= 0 (used only with energy_height). `c` must be valid.
double GlideRangeM(const GlideConfig& c, double release_alt_m, double target_alt_m, double release_speed_mps);

// Flight plan of a release at `release` (its alt_m the release height) toward `aim` (its alt_m the
// target height): ground_distance_m the geodesic distance (WGS-84, geodesy/geodetic.h Inverse),
// range_m = GlideRangeM(...), excess_m = ground distance − range (> 0 exactly when unreachable,
// <= 0 the range to spare), reachable = excess_m <= 0, time_of_flight_s = distance / mean speed.
struct GlidePlan {
  bool reachable = false;
  double ground_distance_m = 0, range_m = 0, excess_m = 0, time_of_flight_s = 0;
};
GlidePlan PlanGlide(const GlideConfig& c, const Geodetic& release, double release_speed_mps, const Geodetic& aim);

}  // namespace iadsim
