#pragma once
// Multiple-hypothesis tracking with k-best assignments per scan and N-scan-back pruning: Reid's
// MHT (IEEE Trans. AC 24(6), 1979) in the efficient form of Cox & Hingorani (IEEE Trans. PAMI
// 18(2), 1996), with the track scores of Blackman & Popoli (1999, ch. 6 and 16).
//   A global hypothesis is a set of tracks (each with its filter and track score) and a log
//   likelihood ratio H. At each scan, for every hypothesis, the tracks x (measurements + "miss")
//   cost matrix is
//       c_tj = -dL_hit(t, j) = -(ln(Pd / ((2 pi)^(M/2) sqrt|S| lambda)) - d^2/2)   (gated pairs)
//       c_t,miss(t) = -ln(1 - Pd Pg)                                                (own column)
//   and its k best assignments (murty.h) make k children with H' = H - cost; measurements that no
//   track takes start tentative tracks (their own score, L0 = ln(beta_NT / lambda), then decides
//   between "new target" and "false alarm").
//   Pruning, in this order: keep the max_hypotheses best children; drop those whose probability
//   ratio to the best, exp(H' - H'_best), is below prune_ratio; N-scan back: keep only the
//   descendants of the best child's ancestor N scans back (the decision on scan t - N is final).
//   Hence after every scan the hypotheses number at most min(max_hypotheses, k^N).
//   The reported picture is the best hypothesis' confirmed tracks.
// The track-oriented formulation (a hypothesis tree per track, Kurien 1990) gives the same best
// hypothesis when nothing is pruned; this hypothesis-oriented form is simpler and exact, but its
// cost grows with the number of tracks in one assignment (no clustering): it is meant for tens
// of targets (see docs/tracking.md for where it stops being real time).
#include <cstdint>
#include <span>
#include <vector>

#include "iadsim/tracking/managed_track.h"
#include "iadsim/tracking/multi_target_tracker.h"
#include "iadsim/tracking/spatial_grid.h"

namespace iadsim {

class MhtAssociator final {
 public:
  explicit MhtAssociator(const MultiTargetTrackerConfig& config);
  // Processes one scan (one time, not before the last) and returns the best hypothesis' tracks.
  const std::vector<ManagedTrack>& ProcessScan(std::span<const Measurement> scan);
  const std::vector<ManagedTrack>& best() const;
  int hypotheses() const { return static_cast<int>(hyps_.size()); }
  int live_tracks() const { return static_cast<int>(best().size()); }
  // Per hypothesis (best first), the node id of its ancestor `back` scans ago (0: itself); -1
  // when the history is shorter.
  std::vector<long> AncestorsBack(int back) const;
  double best_log_ratio_to(int h) const { return hyps_[h].score - hyps_[0].score; }

 private:
  struct Hypothesis {
    std::vector<ManagedTrack> tracks;
    double score = 0.0;
    std::vector<long> ancestry;  // node ids of the last N + 1 scans, this one last
  };
  MultiTargetTrackerConfig config_;
  std::vector<Hypothesis> hyps_;
  SpatialGrid grid_;
  std::uint64_t next_id_ = 1;
  long next_node_ = 1;
};

}  // namespace iadsim
