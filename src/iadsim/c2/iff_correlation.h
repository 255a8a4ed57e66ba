#pragma once
// Correlation of IFF replies with tracks. A reply names no aircraft: it is placed by the
// interrogator's range and beam azimuth, and C2 pairs it with the track whose predicted (range,
// azimuth) from the interrogator is nearest in Mahalanobis distance,
//   d^2 = nu' S^-1 nu,  S = H P H' + R,   nu = (range, azimuth) innovation,
// inside a chi-square gate of 2 degrees of freedom (Blackman & Popoli, Design and Analysis of
// Modern Tracking Systems, 1999, ch. 6: gating). Two aircraft close in range and azimuth can
// therefore swap replies, as they do in reality.
#include <span>
#include <vector>

#include "iadsim/messages/iff_reply.h"
#include "iadsim/tracking/tracker.h"

namespace iadsim {

struct IffCorrelation {
  struct Pair {
    std::size_t reply;  // index into sweep.replies
    TrackId track;
  };
  std::vector<Pair> pairs;
  // Confirmed tracks the interrogator asked (inside the swept sector and range) that gave no reply.
  std::vector<TrackId> unanswered;
};

// The gate is the tracker's own (Tracker::GateThreshold, at its gate_probability).
// Combined plots (sensors/plot_combination.h): a reply joined to a detection of the sweep's batch
// goes to the track that detection updated or started (detection_tracks: TrackerUpdate's, for the
// batch of the same sweep), without a gate of its own; only the replies joined to no detection
// are correlated as above.
// Replies alone are gated through the tracker's index of the last batch when it serves them
// (Tracker::IndexAfterBatch), else through an index built here: the same pairs either way.
IffCorrelation CorrelateIff(const Tracker& tracker, const IffSweep& sweep,
                            std::span<const TrackId> detection_tracks = {});

// The replies of `sweep` that CorrelateIff will gate on their own after `batch` (those joined to no
// detection of it: every detection's track is live after the batch), as plots into *out (cleared),
// for Tracker::Process's also_cover; none when the interrogator is not where the radar is (the
// radar's index would not serve them) or the sweep has no range.
void RepliesToCover(const DetectionBatch& batch, const IffSweep& sweep, std::vector<PolarPlot>* out);

}  // namespace iadsim
