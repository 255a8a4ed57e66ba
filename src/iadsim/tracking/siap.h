#pragma once
// SIAP measures: Single Integrated Air Picture attributes of a tracker's output against truth
// (Votruba et al., "Single Integrated Air Picture (SIAP) Metrics Implementation", SIAP Systems
// Engineering Task Force, 29 Oct 2001; the same sums as Stone Soup's SIAPMetrics).
//
// Association rule (per frame, i.e. per time step, no memory): each track is associated with the
// nearest truth of the same frame whose position is closer than association_threshold_m
// (Euclidean, m); equal distances go to the truth listed first. A track is associated with at most
// one truth; a truth may hold several tracks (that is what ambiguity counts). The primary track of a
// truth in a frame is its nearest associated track (equal distances: the smaller track id).
// Sums over frames t:  J = truths present, JT = truths with at least one associated track,
//   N = tracks present, NA = associated tracks.
//   completeness  C  = sum JT / sum J                (target 1; 0 when sum J = 0)
//   ambiguity     A  = sum NA / sum JT               (target 1; 1 when sum JT = 0)
//   spuriousness  S  = (sum N - sum NA) / sum N      (target 0; 0 when sum N = 0)
//   positional accuracy PA = sum |p_track - p_truth| / sum NA over associated pairs (m)
//   velocity accuracy   VA = sum |v_track - v_truth| / sum NA (m/s)
//   track-number changes NC_j: the number of frames at which truth j's primary track differs from
//     its primary track at the last frame where it had one (A -> B -> A counts 2; Stone Soup's
//     "unique tracks - 1" would count 1)
//   rate of track-number changes R = sum NC_j / (sum JT * dt) (1/s), dt = the median interval
//     between consecutive frames (the scan period): sum JT * dt is the time truths are tracked
//   longest track segment LS = sum_j TL_j / sum_j T_j, TL_j the longest run of consecutive frames
//     of truth j with the same primary track (a frame of j without a track ends a run), T_j the
//     number of frames in which j is present (fraction, target 1)
//   track swaps: the number of frames at which a track's associated truth differs from the truth
//     it was associated with at its last associated frame (summed over tracks; target 0)
// Valid for any number of truths and tracks; frames from tracking/scoring_frame.h.
#include <cstdint>
#include <vector>

#include "iadsim/tracking/scoring_frame.h"

namespace iadsim {

struct SiapConfig {
  double association_threshold_m = 500.0;  // > 0: a track farther than this from every truth is spurious
};

struct SiapResult {
  std::int64_t frames = 0;
  std::int64_t truth_steps = 0;             // sum J
  std::int64_t tracked_truth_steps = 0;     // sum JT
  std::int64_t track_steps = 0;             // sum N
  std::int64_t associated_track_steps = 0;  // sum NA
  double completeness = 0.0;
  double ambiguity = 1.0;
  double spuriousness = 0.0;
  double positional_accuracy_m = 0.0;
  double velocity_accuracy_mps = 0.0;
  std::int64_t track_number_changes = 0;  // sum NC_j
  double frame_interval_s = 0.0;          // dt
  double track_number_change_rate_per_s = 0.0;
  double longest_segment_fraction = 0.0;  // LS
  std::int64_t track_swaps = 0;
  std::int64_t truths = 0;  // distinct target ids
  std::int64_t tracks = 0;  // distinct track ids
};

// association_threshold_m > 0 (checked: a violation aborts).
SiapResult ComputeSiap(const std::vector<ScoringFrame>& frames, const SiapConfig& config);

}  // namespace iadsim
