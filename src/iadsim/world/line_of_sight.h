#pragma once
// Line of sight over terrain, with refraction by the effective-earth model.
//
// Refraction bends rays down; with a refractivity gradient constant with height, rays can be drawn
// straight over an earth of effective radius a = k R (standard atmosphere, dN/dh ≈ −39 N/km:
// k ≈ 4/3). Ground distances along the surface and heights above it are kept; only the
// curvature changes.
//
// 1. Smooth-earth horizon (closed form). A point at height h sees the surface out to the ground
//    distance where its straight ray grazes the effective sphere:
//      d(h) = a · arccos(a / (a + h)) ≈ √(2 a h)      (h ≪ a; the arc form differs by < 0.05 %
//                                                       below 10 km)
//    and two points see each other iff their ground distance D ≤ d(h1) + d(h2). With k = 4/3 and
//    R = 6371 km: √(2 a h) = 4.12 km · √(h / 1 m). A height ≤ 0 counts as on the surface (d = 0).
//
// 2. Terrain line of sight. The path is the WGS-84 geodesic between the ground points of the two
//    ends (GeographicLib, Karney 2013), ground length D. Over it the earth is a sphere of radius
//    a = k R_α, R_α the WGS-84 radius of curvature in the path's direction at its middle (Euler:
//    1/R_α = cos²α / M + sin²α / N). A point at ground distance x and height z is (θ = x / a,
//    r = a + z) in polar coordinates about the sphere's centre, and the straight ray between the
//    ends is the polar line
//      1 / r(θ) = A cos θ + B sin θ,   A = 1/(a + h1),   B = (1/(a + h2) − A cos Θ) / sin Θ,
//    Θ = D / a. Exact on the effective sphere (no parabolic "bulge" approximation), any D below
//    half the earth. The ray height above the surface is r(θ) − a.
//    Sampling: interior points every step ≤ config.step_m, or the terrain's resolution when
//    step_m is 0 (Terrain::ResolutionM: the SRTM post spacing, 30.9 m for 1″, 92.6 m for 3″), at
//    x_i = i D / n, n = ⌈D / step⌉, i = 1 … n−1; the ends themselves are not tested against the
//    terrain (an antenna on a mast is its own business). The clearance at a sample is ray height −
//    terrain elevation; the path is visible iff the least clearance is ≥ 0, and the sample of least
//    clearance is reported (the masking point when masked, the closest approach when visible).
//    A feature narrower than the step (a single SRTM post) can be under-sampled: its height is
//    seen only where a sample falls, so on SRTM the clearance is within about a post's slope × step.
//    Fast path: the lowest point of the ray (at θ* = atan2(B, A) if inside (0, Θ), else an end)
//    is computed in closed form; when it is above Terrain::MaxElevationM no sample is taken and the
//    clearance reported is that lower bound (ray minimum − terrain maximum).
//
// Units: degrees, metres, heights above the WGS-84 ellipsoid (geoid ignored). Valid for k > 0.
// Smooth geometry only: no diffraction over the mask, no ducting, no Fresnel-zone clearance.
// Cost: one geodesic position and one terrain look-up per sample (≈ D / step samples).
// Sources: Skolnik, Introduction to Radar Systems, 3rd ed., ch. 8 (4/3 earth); Doerry, "Earth
// Curvature and Atmospheric Refraction Effects on Radar Signal Propagation", SAND2012-10690
// (2013); ITU-R P.526 (effective-earth path profiles); Karney, J. Geodesy 87:43-55 (2013).
#include <limits>

#include "iadsim/core/error.h"
#include "iadsim/geodesy/geodetic.h"
#include "iadsim/world/terrain.h"

namespace iadsim {

inline constexpr double kEarthRadiusM = 6371000.0;     // mean earth radius R (IUGG), m
inline constexpr double kStandardKFactor = 4.0 / 3.0;  // standard-refraction effective-radius factor

// Ground distance (m) from a point at height_m above the smooth surface to its horizon over a
// sphere of radius k_factor · earth_radius_m (0 for height ≤ 0). NaN/infinite height, k ≤ 0 and
// radius ≤ 0 are bugs in the caller (checked).
double SmoothEarthHorizonDistanceM(double height_m, double k_factor = kStandardKFactor,
                                   double earth_radius_m = kEarthRadiusM);

// True iff two points at heights h1_m, h2_m above the smooth surface, ground_distance_m apart,
// see each other: ground_distance_m ≤ d(h1) + d(h2). ground_distance_m ≥ 0 (checked).
bool WithinSmoothEarthHorizon(double h1_m, double h2_m, double ground_distance_m,
                              double k_factor = kStandardKFactor,
                              double earth_radius_m = kEarthRadiusM);

// Euler's radius of curvature of the WGS-84 ellipsoid at a latitude in a direction (azimuth,
// radians clockwise from north), metres: 1/R = cos²α / M + sin²α / N.
double EarthRadiusOfCurvatureM(double lat_deg, double azimuth_rad);

struct LineOfSightConfig {
  double k_factor = kStandardKFactor;  // effective earth radius factor, (0, 10]; 1 = no refraction
  double step_m = 0.0;                 // sampling step, m, [0, 100 km]; 0 = terrain resolution
  // Every problem, with keys "k_factor" and "step_m" prefixed by key_path (e.g. "line_of_sight").
  Problems Validate(const std::string& key_path = "") const;
};

struct LineOfSight {
  bool visible = true;
  // Least clearance of the ray above the terrain over the samples (m): ≥ 0 visible, < 0 masked;
  // on the fast path a lower bound; +infinity when the ends coincide.
  double clearance_m = std::numeric_limits<double>::infinity();
  // The sample of least clearance (lat, lon; alt_m = the terrain elevation there) and its ground
  // distance from `from` (m). On the fast path: the lowest point of the ray, alt_m = terrain max.
  Geodetic critical_point;
  double critical_distance_m = 0.0;
  double ground_distance_m = 0.0;   // geodesic length D of the path, m
  double effective_radius_m = 0.0;  // a = k R_α used, m
  int samples = 0;                  // terrain look-ups made (0 on the fast path)
  bool fast_path = false;
};

// Line of sight between two points (heights above the ellipsoid) over a terrain. The config must
// be valid (checked). Symmetric: swapping the ends gives the same visibility (to rounding).
LineOfSight ComputeLineOfSight(const Terrain& terrain, const Geodetic& from, const Geodetic& to,
                               const LineOfSightConfig& config = {});

}  // namespace iadsim
