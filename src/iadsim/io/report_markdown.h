#pragma once
// The headline of a Monte Carlo report as a Markdown table, for documents (docs/incidents.md):
// one row per variant with the probability of losing a friendly or civil aircraft and its Wilson
// 95 % interval, and for each variant after the first the paired difference to it (Agresti–Min
// 95 % interval) and the exact McNemar p-value — the numbers of ComputeReport, nothing recomputed.
#include <string>

#include "iadsim/io/report_html.h"

namespace iadsim {

std::string RenderHeadlineMarkdown(const ReportInput& input);

}  // namespace iadsim
