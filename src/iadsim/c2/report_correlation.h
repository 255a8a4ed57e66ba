#pragma once
// Correlation of self-reported positions (ADS-B, datalink: messages/position_report.h) with tracks.
// Each report is compared with every live track predicted to the report's time of validity, in the
// tracker's ENU frame:
//   nu = p_report - p_track,   S = P_pos + R,   R = diag(sh^2, sh^2, sv^2),   d^2 = nu' S^-1 nu,
// and paired with the nearest track inside a chi-square gate of 3 degrees of freedom (Blackman &
// Popoli, 1999, ch. 6). A report pairs with at most one track; two reports may pair with one track
// (then the track has both senders' evidence: an ambiguity C2 sees and records).
// The report's own ENU axes and the tracker's differ by the small rotation between the two tangent
// planes; R is used unrotated, which is exact for sh = sv and otherwise errs by well under 1 %
// within a few hundred kilometres.
#include <span>
#include <vector>

#include "iadsim/core/ids.h"
#include "iadsim/messages/position_report.h"
#include "iadsim/tracking/tracker.h"

namespace iadsim {

struct ReportCorrelation {
  struct Pair {
    std::size_t report;  // index into the batch
    TrackId track;
    double d2 = 0.0;
  };
  std::vector<Pair> pairs;
  std::vector<std::size_t> uncorrelated;  // reports no track gated
};

// The gate is the tracker's own (Tracker::GateThreshold(3), at its gate_probability).
ReportCorrelation CorrelateReports(const Tracker& tracker, const std::vector<PositionReport>& reports);
// Several batches against the same tracker state: each batch's correlation, equal to what the call
// above gives it alone (a report's pairing depends on the tracker and the report only), with one set
// of track indexes for them all.
std::vector<ReportCorrelation> CorrelateReports(const Tracker& tracker,
                                                std::span<const std::vector<PositionReport>* const> batches);

}  // namespace iadsim
