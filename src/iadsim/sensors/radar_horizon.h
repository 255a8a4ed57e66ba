#pragma once
// Radar horizon over a smooth spherical earth with standard refraction (effective-earth model).
//
// Refraction bends rays down; with a refractivity gradient that is constant with height the rays
// can be drawn straight over an earth of effective radius a = k R. The standard atmosphere
// (dN/dh ≈ −39 N-units/km) gives k ≈ 4/3.
//
// The horizon of a point at height h above the surface, measured as a great-circle (ground)
// distance along the surface, is where the straight ray from it grazes the effective sphere:
//
//   d(h) = a · arccos(a / (a + h))  ≈  √(2 a h)  for h ≪ a       (metres)
//
// and two points see each other over the bulge when their ground distance d ≤ d(h1) + d(h2).
// With k = 4/3 and R = 6371 km, √(2 a h) = 4.12 km · √(h / 1 m): the classic 4.12 (√h1 + √h2) km.
// (The arc form is used because the comparison is with a ground distance; it differs from √(2ah)
// by under 0.05 % below 10 km height.)
//
// Heights are above the smooth surface (sea level; over land the caller decides what surface it
// means). A height below it (< 0: a WGS-84 height where the geoid is below the ellipsoid, a site
// below sea level) counts as on the surface: horizon distance 0. Valid for k > 0 and ranges well
// inside a quarter of the earth; smooth earth only: terrain masking, ducting and diffraction beyond
// the horizon are other models. NaN or infinite arguments, k ≤ 0 and a negative ground distance
// are bugs in the caller and abort.
// Sources: Skolnik, Introduction to Radar Systems, 3rd ed., ch. 8 (standard refraction, 4/3 earth);
// Doerry, "Earth Curvature and Atmospheric Refraction Effects on Radar Signal Propagation",
// Sandia SAND2012-10690 (2013); MathWorks `effearthradius` (default gradient −39e-9 /m, k ≈ 4/3).
// The equation lives in world/line_of_sight.h (SmoothEarthHorizonDistanceM, with kEarthRadiusM and
// kStandardKFactor), shared with the terrain line of sight; these are the radar's names for it.
#include "iadsim/world/line_of_sight.h"

namespace iadsim {

// Ground distance (m) from a point at height_m above the surface to its radar horizon (0 for a
// height ≤ 0).
double HorizonDistance(double height_m, double k_factor = kStandardKFactor);

// True when an antenna at antenna_height_m above the surface and a target at target_height_m above
// the surface, ground_distance_m apart along the surface, see each other over a smooth effective
// earth: ground_distance_m ≤ HorizonDistance(h1) + HorizonDistance(h2).
bool AboveRadarHorizon(double antenna_height_m, double target_height_m, double ground_distance_m,
                       double k_factor = kStandardKFactor);

}  // namespace iadsim
