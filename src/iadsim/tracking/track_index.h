#pragma once
// Indexes of a tracker's live tracks for gating a batch of plots (detections, IFF replies) or
// position reports without testing every (track, plot) pair. An index returns, for each plot, a
// superset of the tracks that the exact pre-gate (polar_pre_gate.h) keeps: a track it leaves out is
// provably rejected by the pre-gate, hence by the full test, so a caller that runs the pre-gate and
// the full test on the candidates, in increasing track order, keeps exactly the pairs (and the
// tie-breaking) of the loop over all tracks.
//
// Each track k is predicted (CV) to the middle t_ref of the plots' time window [t_from, t_to]:
//   q_k = p_k + (t_ref - t_k) v_k,  and a plot at t has |t - t_ref| = D <= H (half the window).
// Its position trace over the window is bounded by
//   T_k = tr_pp + 2 m |tr_pv| + m^2 tr_vv + q m^3 >= tr(P'_pp(dt)),   m = max |t - t_k| over the window,
// and its reach e_k = sqrt(g T_k) (g: the pre-gate's gate times its margin), so that, with
// sqrt(a + b) <= sqrt(a) + sqrt(b) and the triangle inequality |p(t) - q_k| <= |v_k| D:
//   polar plot (range r, azimuth a, sigmas sr, saz) of a sensor at s, the pre-gate keeps only if
//     | r - |q_k - s| |          <= e_k + |v_k| D + sqrt(g) sr                       (range)
//     | wrap(a - az(q_k - s)) |  <= e_k / (rho_k - |v_k| D) + (pi/2) |v_k| D / rho_k + sqrt(g) saz
//                                   (azimuth, when rho_k > |v_k| D: the sensor-frame horizontal
//                                    distance rho moves by at most |v_k| D, and the line of sight
//                                    turns by at most asin(|v_k| D / rho_k) <= (pi/2) |v_k| D / rho_k)
//   position report z (trace of its noise tr_R):
//     | z - q_k |                <= e_k + |v_k| D + sqrt(g tr_R)
// Tracks are put in three tiers by the width of their bound (so that a few uncertain tracks do not
// widen every window), sorted by azimuth from the sensor (polar) or in a uniform east-north grid
// (position: spatial_grid.h, cells about as wide as the tier's widest bound); a plot scans, in each
// tier, the window of half-width the tier's widest bound + its own term (an azimuth interval, or
// the square of the grid cells it overlaps: |z_e - q_e| and |z_n - q_n| are both <= |z - q|), and
// tests each track there against the track's own bound. Tracks
// whose azimuth bound is wider than kWideAzimuthRad (close to the sensor, or uncertain), whose reach
// is above kWidePositionM, or whose numbers are not finite are kept aside (returned always when not
// finite). The position index tests its wide tracks one by one; the polar index puts them in tiers
// by their range reach e_k + |v_k| H, sorted by range |q_k - s|, and a plot scans, in each, the
// range window of half-width
//   W = (B (1 + rel) + 2 rel |r| + abs) / (1 - rel),  B = the tier's widest range reach + sqrt(g) sr,
// outside which the range test rejects (with the tolerances below, rel (|r| + |q_k - s|) <=
// rel (2 |r| + |r - |q_k - s||)). Tolerances of 1e-7 relative and 1 cm / 1 microradian absolute
// cover the rounding of the two computations, the index's azimuths az(q_k - s), which come
// from CoarseAzimuth (coarse_azimuth.h: within 1e-10 rad of atan2's), and its horizontal distances
// rho_k, from sqrt(x^2 + y^2) (within 3e-16 relative of hypot's; an overflow makes it infinite, and
// the track then always a candidate).
// Cost: O(n log n) to build (O(n) for the position grid), O(log n + tracks in the windows) per
// plot (+ the wide tracks, for the position index).
// Sources: the pre-gate's bounds (polar_pre_gate.h); sorted-window gating as in Blackman & Popoli,
// Design and Analysis of Modern Tracking Systems, Artech House 1999, sec. 6.4 (coarse gating).
#include <span>
#include <vector>

#include "iadsim/core/time.h"
#include "iadsim/tracking/polar_pre_gate.h"
#include "iadsim/tracking/spatial_grid.h"

namespace iadsim {

// Tracks with a wider azimuth bound than this, or a wider position reach, are tested one by one.
inline constexpr double kWideAzimuthRad = 0.05;
inline constexpr double kWidePositionM = 30000.0;
// Below this many tracks an index is not built: every track is a candidate (testing each with the
// pre-gate costs less than sorting them).
inline constexpr int kIndexMinTracks = 32;
// The upper limits of the tiers below those (the last tier ends at the kWide* limit).
inline constexpr double kAzimuthTiersRad[2] = {0.004, 0.015};
inline constexpr double kPositionTiersM[2] = {3000.0, 10000.0};
// The upper limits of the polar index's tiers of wide tracks by range reach (the last is unbounded).
inline constexpr double kWideRangeTiersM[2] = {3000.0, 15000.0};

// The plots' time window [from, to] of an index (to >= from), its middle and half-width, and
// sqrt(gate * margin), the pre-gate's threshold on a distance in standard deviations.
struct IndexWindow {
  SimTime from, to, ref;
  double half_width_s = 0.0, sqrt_gate = 0.0;
  IndexWindow() = default;
  IndexWindow(SimTime t_from, SimTime t_to, double gate);
  bool Contains(SimTime t) const { return !(t < from) && !(to < t); }
};

// The azimuths of a batch's plots, gathered before its index is built (a rotating radar's batch
// covers one sector): the arc from the first plot's azimuth c to the others, offsets
// remainder(a - c, 2 pi) in [lo, hi], and the largest azimuth sigma. An arc of 3 rad or more is
// "everywhere".
class PlotAzimuths {
 public:
  void Add(double azimuth_rad, double sigma_azimuth_rad);
  bool empty() const { return n_ == 0; }
  // Whether a plot is one of those the arc covers (its azimuth within it, its sigma at most the largest).
  bool Covers(double azimuth_rad, double sigma_azimuth_rad) const;
  double middle_rad() const { return first_ + 0.5 * (lo_ + hi_); }
  double half_width_rad() const { return 0.5 * (hi_ - lo_); }
  double max_sigma_rad() const { return max_sigma_; }

 private:
  double first_ = 0.0, lo_ = 0.0, hi_ = 0.0, max_sigma_ = 0.0;
  int n_ = 0;
};

class PolarTrackIndex final {
 public:
  // min_tracks: below it, no index is built and every track is a candidate.
  explicit PolarTrackIndex(int min_tracks = kIndexMinTracks) : min_tracks_(min_tracks) {}
  // Indexes tracks[k] for every k with include empty or include[k] != 0, for plots of sensor `m`
  // with times in [t_from, t_to] (t_from <= t_to), the pre-gate's `gate` and spectral density q.
  // With `plots` (the batch's azimuths), a track of a tier whose direction from the sensor is
  // farther from their arc than any plot's azimuth bound can reach is left out of the tiers
  // without its azimuth being computed: the angle theta between the track and the arc's middle
  // exceeds half the arc + (kWideAzimuthRad + sqrt(g) sigma_max)(1 + kRel) + kAbsRad + 1e-8
  // (tested as cos theta < cos of that, on the sensor-frame dot product, with a 1e-12 margin).
  void Build(const std::vector<PreGateTrack>& tracks, const std::vector<char>& include, double q_m2_per_s3,
             const PolarMeasurementModel& m, SimTime t_from, SimTime t_to, double gate,
             const PlotAzimuths* plots = nullptr);
  // The candidates for `plot`, in increasing k, into *out (cleared first). A plot outside the time
  // window, or outside the arc of the `plots` given to Build, gets every indexed track.
  void Candidates(const PolarPlot& plot, std::vector<int>* out) const;
  // After the tracks changed (a batch's updates, drops and new tracks), the index Build would make
  // over every track of `tracks` with the same window, model, q, gate and arc, without placing
  // again the tracks that did not change: new_of_old[k] is the new number of the track numbered k
  // at Build (-1: gone; an increasing map), and `fresh` lists the new numbers of the tracks whose
  // PreGateTrack changed or that are new. Each entry is the one Build would compute, and the
  // candidates of any plot the same (a tier's widest bound may stay wider: the windows it scans
  // then hold more entries, each tested against its own bound). Only for an index built with an
  // empty `include` (every track).
  void Refresh(const std::vector<PreGateTrack>& tracks, std::span<const int> new_of_old, std::span<const int> fresh);
  // The pre-gate threshold the index was built for.
  double gate() const { return gate_; }

 private:
  struct Entry {
    double az_rad;     // azimuth of q_k - s in the sensor frame, (-pi, pi]
    double range_m;    // |q_k - s|
    double rho_m;      // its horizontal part (sensor frame)
    double reach_m;    // e_k
    double speed_mps;  // |v_k|
    double az_reach_rad;  // the azimuth bound at D = H without the plot's term (sorted entries only)
    int k;
  };
  bool Keeps(const Entry& e, const PolarPlot& plot, double d_s) const;
  // Track t (number k) into always_, a tier or a wide tier, unless the cull leaves it out.
  void Place(const PreGateTrack& t, int k);
  static bool ByAzimuth(const Entry& a, const Entry& b);  // (az_rad, k)
  static bool ByRange(const Entry& a, const Entry& b);    // (range_m, k)
  struct Tier {
    std::vector<Entry> sorted;  // by az_rad
    double max_az_reach_rad = 0.0;
  };
  Tier tiers_[3];
  struct WideTier {
    std::vector<Entry> by_range;     // by range_m
    double max_range_reach_m = 0.0;  // the widest reach_m + speed_mps H
  };
  WideTier wide_[3];
  std::vector<int> always_;    // non-finite numbers: always candidates
  std::vector<int> all_;       // every indexed k, increasing
  int min_tracks_;
  bool few_ = false;           // fewer than min_tracks_: every track is a candidate
  IndexWindow w_;
  PlotAzimuths plots_;         // the arc Build culled to (empty: none)
  bool culled_ = false;
  double axis_e_ = 0.0, axis_n_ = 0.0, cos_limit_ = -2.0;  // the cull: the arc's middle direction, cos limit
  const PolarMeasurementModel* model_ = nullptr;
  double q_ = 0.0, gate_ = 0.0;
  bool every_track_ = false;       // built with an empty include (Refresh needs it)
  std::vector<char> fresh_scratch_;
};

class PositionTrackIndex final {
 public:
  // min_tracks: below it, no index is built and every track is a candidate.
  explicit PositionTrackIndex(int min_tracks = kIndexMinTracks) : min_tracks_(min_tracks) {}
  // As PolarTrackIndex, for Cartesian position reports (tracker frame) with times in [t_from, t_to].
  void Build(const std::vector<PreGateTrack>& tracks, const std::vector<char>& include, double q_m2_per_s3,
             SimTime t_from, SimTime t_to, double gate);
  // The candidates for a report at `time`, position z_enu, noise trace trace_R_m2, increasing k.
  void Candidates(SimTime time, const Vec3& z_enu, double trace_R_m2, std::vector<int>* out) const;

 private:
  struct Entry {
    Vec3 q_enu;
    double reach_m;  // e_k
    double speed_mps;
    int k;
  };
  bool Keeps(const Entry& e, const Vec3& z_enu, double report_term_m, double d_s) const;
  struct Tier {
    std::vector<Entry> entries;            // by k
    std::vector<Eigen::Vector3d> points;   // their q_enu (east, north) for the grid
    SpatialGrid grid;                      // cells about as wide as the widest bound
    double max_reach_m = 0.0;              // at D = H
  };
  Tier tiers_[3];
  std::vector<Entry> wide_;
  std::vector<int> always_;
  std::vector<int> all_;
  int min_tracks_;
  bool few_ = false;  // fewer than min_tracks_: every track is a candidate
  IndexWindow w_;
};

}  // namespace iadsim
