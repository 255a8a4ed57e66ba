#pragma once
// A path over the WGS-84 ellipsoid, given as an exact (and costly) function of the along-track
// distance s, represented by piecewise Chebyshev series so that a position costs a few hundred
// instructions instead of a geodesic solution and a geodetic conversion.
//
// Model. The exact path gives, at each s, a surface point (latitude, longitude; height 0) and a
// heading. From it three smooth ECEF functions of s are fitted, each component on chunks
// [s_a, s_b] of at most 1,000 km with x = (2s - s_a - s_b) / (s_b - s_a) in [-1, 1]:
//   p0(s) = the surface point (m);   t(s) = sin(psi) e + cos(psi) n, the unit horizontal direction
//   of travel (e, n: the east and north unit vectors there; dimensionless);
//   f(x) = sum_{k<m} c_k T_k(x), with c_k from the values at the N Chebyshev nodes
//   x_j = cos(pi (j + 1/2) / N), N = 8 or 12 (interpolation, Clenshaw evaluation), truncated to the smallest m
//   whose dropped coefficients sum below 1e-6 m (p0) and 1e-11 (t).
// The unit normal is derived, not fitted: up = grad / |grad|, grad = (x / a^2, y / a^2, z / b^2) at
// p0, so that latitude = atan2(up_z, |up_xy|) and longitude = atan2(up_y, up_x) are those of p0 and
// the point at height h is p0 + h up (exactly the geodetic -> ECEF conversion at p0). Latitude,
// longitude (unwrapped on the chunk) and heading (unwrapped) are fitted too, and used where their
// series converge (tolerances 1e-11 deg and 1e-11 rad; not on chunks passing close to a pole, where
// they are derived from up and t by atan2).
// Error bound. The interpolant's error is at most 2 sum_{k>=N} |a_k| (a_k: the exact Chebyshev
// coefficients; Trefethen, Approximation Theory and Approximation Practice, SIAM 2013, ch. 4 and 8).
// The fit accepts a chunk only when its two last coefficients are below 1e-7 m (p0) and 1e-12 (t),
// and halves it otherwise. For a geodesic (entire, on the scale of the earth radius R) on
// L = 1,000 km, |a_k| ~ 2R (L/4R)^k / k! (a_k = 2 J_k(L/2R) for R cos(s/R)) gives |a_12| < 1e-18 m:
// the error is set by the truncation (< 1e-6 m and < 1e-11, i.e. 5e-8 m/s at 5,000 m/s) and by
// rounding (~1e-9 m on ECEF coordinates). world/test/route_mover_test.cc checks 1 mm and 1 mm/s
// against GeographicLib at random states of random routes (worst found: 1.4e-6 m, 6.5e-9 m/s).
// Valid for any path whose p0 and t are smooth on each span given to Fit (no kinks inside a span).
// Near a pole the longitude of up is ill-conditioned: RouteMover evaluates exactly within 6 m of one.
#include <functional>
#include <limits>
#include <vector>

#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

// A point of the exact path: latitude and longitude (alt_m ignored) and heading (rad, from north).
struct PathPoint {
  Geodetic geo;
  double heading_rad = 0.0;
};

// The fitted path at s.
struct PathFrame {
  Vec3 p0_ecef;  // the surface point (height 0), m
  Vec3 up_ecef;  // the unit ellipsoid normal there
  Vec3 t_ecef;   // the unit horizontal direction of travel
  // Latitude, longitude ([-180, 180)) and heading ([0, 2 pi)), fitted too where they are smooth
  // enough on the chunk (angles = true); else left 0 (not near a pole: derive them from up, t).
  bool angles = false;
  double lat_deg = 0.0, lon_deg = 0.0, heading_rad = 0.0;
};

class ChebyshevPath final {
 public:
  // Fits exact(along) (along = s - s0_m, in [0, s1_m - s0_m]) on [s0_m, s1_m], after the spans
  // already fitted (s0_m >= their end; a span of zero length is skipped).
  // nodes: 8 or 12 per chunk (8 fit a geodesic chunk under 120 km, angles included).
  void Fit(double s0_m, double s1_m, const std::function<PathPoint(double along_m)>& exact, int nodes = 12);
  // The fitted range: [begin_m(), end_m()].
  bool empty() const { return chunks_.empty(); }
  double begin_m() const { return first_.s0_m; }
  double end_m() const { return end_m_; }
  // The frame at s (clamped to the fitted range; s in a span's end chunk uses that span). With
  // angles = false the fitted angles are not read (f.angles false, as where they were not fitted).
  PathFrame At(double s_m, bool angles = true) const;
  // Number of chunks and the largest degree + 1 kept (for tests and documentation).
  std::size_t chunk_count() const { return chunks_.size(); }
  int max_terms() const;
  // A cache hint: asks for the first chunk's coefficients and the chunk table.
  void Prefetch() const;
  // ECEF frame quantities of an exact point (the reference the fit interpolates).
  static PathFrame FrameOf(const PathPoint& p);

 private:
  struct Chunk {
    double s0_m = 0.0, s1_m = 0.0;
    double mid_m = 0.0, scale = 0.0;  // x = (s - mid) * scale
    // Into coef_: terms x 6 (p0 xyz, t xyz), then, when angles, terms x 3 (lat, lon, heading).
    std::uint32_t offset = 0;
    std::uint32_t terms = 0;
    bool angles = false;              // lat, lon, heading fitted within their tolerances
  };
  void FitChunk(double s0_m, double s1_m, double span_s0_m,
                const std::function<PathPoint(double)>& exact, int nodes, int depth);
  std::vector<Chunk> chunks_;
  std::vector<double> coef_;
  // Copies held in the object itself (a caller reading many paths in turn then loads no chunk
  // table for a point of the first chunk, nor for end_m()): the first chunk, where the second
  // begins (infinite when there is none) and the fitted range's end. Set by Fit.
  Chunk first_;
  double second_s0_m_ = std::numeric_limits<double>::infinity();
  double end_m_ = 0.0;
};

}  // namespace iadsim
