#pragma once
// Aspect-dependent radar cross-section of an aircraft type: a table of mean RCS over the aspect
// from which the radar sees the aircraft, bilinearly interpolated in dBsm.
//   aspect azimuth  a = |bearing from the aircraft to the radar - aircraft heading|, folded into
//                   [0, 180] deg (0 = nose-on, 90 = beam, 180 = tail-on): the table assumes
//                   left-right symmetry of the airframe;
//   aspect elevation e = angle of the radar above the aircraft's horizontal plane, [-90, 90] deg
//                   (negative: the radar is below, it sees the belly).
//   sigma(a, e) = 10^(s(a, e) / 10) m^2, s bilinear in the table of dBsm values between the grid
//   nodes, held constant beyond the first and last node of each axis.
// The fluctuation around this mean is the type's Swerling case (Signature::swerling). Tables are
// notional: open sources give only orders of magnitude (e.g. fighters ~1-5 m^2 nose-on, several
// times more broadside; Skolnik, Introduction to Radar Systems, 3rd ed., sec. 2.7, fig. 2.16).
// Valid: strictly increasing axes within their ranges, every cell finite (checked by Validate).
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct RcsTable {
  std::vector<double> azimuth_deg;    // aspect azimuth nodes, strictly increasing, in [0, 180]
  std::vector<double> elevation_deg;  // aspect elevation nodes, strictly increasing, in [-90, 90]
  std::vector<std::vector<double>> dbsm;  // [elevation][azimuth]
  Problems Validate() const;  // paths: azimuths, elevations, dbsm[i][j]
  // Mean RCS (m^2) at an aspect (degrees; azimuth folded into [0, 180]).
  double RcsM2(double aspect_azimuth_deg, double aspect_elevation_deg) const;
};

struct Aspect {
  double azimuth_deg = 0.0;    // [0, 180]
  double elevation_deg = 0.0;  // [-90, 90]
};

// The aspect from which an observer at p_obs_ecef sees an aircraft at geo (= p_ecef) flying with velocity
// v_ecef (heading = direction of the horizontal velocity; a hovering aircraft is taken as nose-north).
Aspect AspectOf(const Geodetic& geo, const Vec3& p_ecef, const Vec3& v_ecef, const Vec3& p_obs_ecef);

}  // namespace iadsim
