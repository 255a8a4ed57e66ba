#pragma once
// Primary and secondary plot combination: a surveillance radar with a co-mounted interrogator
// (SSR / IFF on the same antenna) pairs each decoded reply with the primary detection it belongs
// to before either leaves the radar, as a radar's plot extractor does for its combined
// PSR + SSR plots (Eurocontrol ASTERIX Category 048, item I048/020 "TYP": PSR, SSR or combined).
//   - A reply (range r_s, azimuth a_s, sigmas s_rs, s_as) and a detection (r_p, a_p, s_rp, s_ap)
//     belong together when
//       d^2 = (r_s - r_p)^2 / (s_rs^2 + s_rp^2) + wrap(a_s - a_p)^2 / (s_as^2 + s_ap^2) <= g,
//     g = -2 ln(1 - P) = 13.82 for P = 0.999 (the chi-square quantile of 2 degrees of freedom in
//     closed form): both measure the same aircraft with independent Gaussian errors.
//   - Each reply joins the detection of least d^2 inside the gate (the first of equals); several
//     replies may join one detection (the Mode 3/A and C pair, a secure reply, two aircraft
//     merged in one resolution cell). A reply with no detection in its gate stays on its own.
//   - A detection takes the Mode 3/A code of the Mode 3/A replies joined to it when they all
//     give the same code; two codes in one plot give it none (a merged cell, a garbled pair).
// What it buys the tracker: a plot that carries a code is never assigned to a track that carries
// another (tracking/tracker.h), so the tracks of airliners in a dense stream keep to their own
// aircraft; the interrogator's replies reach the track their plot went to (c2/iff_correlation.h).
// Valid: the reply and the detection measured from the same antenna (same position and north
// reference); the interrogator's range is not limited by the radar's (a reply beyond it simply
// finds no detection).
// Cost: the detections sorted by azimuth once; each reply binary-searches those within the gate's
// reach of its own azimuth (O((detections + replies) log detections) a sweep).
#include <vector>

#include "iadsim/messages/detection.h"
#include "iadsim/messages/iff_reply.h"

namespace iadsim {

inline constexpr double kPlotCombinationProbability = 0.999;
// -2 ln(1 - 0.999): the 2-degree-of-freedom chi-square quantile at kPlotCombinationProbability.
double PlotCombinationGate();

// Sets each reply's `detection` (index into detections, or -1) and each detection's mode3a_code
// as above (any order of either).
void CombinePlots(std::vector<Detection>& detections, std::vector<IffReply>& replies);

}  // namespace iadsim
