#pragma once
// Markdown tables of a Monte Carlo report, for documents (docs/incidents.md) — the numbers of
// ComputeReport, nothing recomputed:
//  - RenderHeadlineMarkdown: one row per variant with the probability of losing a friendly or civil
//    aircraft and its Wilson 95 % interval, and for each variant after the first the paired
//    difference to it (Agresti–Min 95 % interval) and the exact McNemar p-value.
//  - RenderMeasuresMarkdown: the measures named (names of ReportMeasures(), in the order given),
//    one row per (measure, variant): the estimate with its 95 % interval — proportions in percent
//    with one decimal ("70.0 % [39.7, 89.2]"), means with three significant digits of the largest
//    of estimate and bounds and the unit ("2.60 [1.91, 3.29] aircraft"; whole numbers from 1000
//    on) — n, and for variants after the first the paired difference to the first (proportions in
//    points, means in the unit) and, for proportions, the exact McNemar p. "–" where undefined.
#include <string>
#include <vector>

#include "iadsim/io/report_html.h"

namespace iadsim {

std::string RenderHeadlineMarkdown(const ReportInput& input);

// Throws ScenarioError (key path "--measure", exit 2) naming every unknown measure and listing the
// known names (ReportMeasures()) when some name is not a measure; does nothing otherwise.
void RequireKnownMeasures(const std::vector<std::string>& measures);

// Throws as RequireKnownMeasures for an unknown name.
std::string RenderMeasuresMarkdown(const ReportInput& input, const std::vector<std::string>& measures);

}  // namespace iadsim
