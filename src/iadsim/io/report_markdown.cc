#include "iadsim/io/report_markdown.h"

#include <fmt/format.h>

namespace iadsim {
namespace {

constexpr const char* kHeadline = "P(friendly or civil aircraft lost)";

std::string Percent(const ConfidenceInterval& ci) {
  return fmt::format("{:.1f} % [{:.1f}, {:.1f}]", 100.0 * ci.estimate, 100.0 * ci.lower, 100.0 * ci.upper);
}

}  // namespace

std::string RenderHeadlineMarkdown(const ReportInput& input) {
  std::string out = fmt::format(
      "| variant | replications | {} (95 % CI) | difference to {} (95 % CI) | McNemar p |\n|---|---:|---|---|---:|\n",
      kHeadline, input.variants.empty() ? std::string("baseline") : input.variants.front().name);
  for (const VariantReport& v : ComputeReport(input)) {
    std::string p = "–", diff = "–", mcnemar = "–";
    for (const MeasureEstimate& m : v.measures)
      if (m.measure == kHeadline && m.ci) p = fmt::format("{} ({} of {})", Percent(*m.ci), m.events, m.n);
    for (const PairedEstimate& d : v.paired)
      if (d.measure == kHeadline) {
        if (d.difference)
          diff = fmt::format("{:+.1f} points [{:+.1f}, {:+.1f}]", 100.0 * d.difference->estimate,
                             100.0 * d.difference->lower, 100.0 * d.difference->upper);
        if (d.mcnemar_p)
          mcnemar = *d.mcnemar_p <= 0.0    ? std::string("< 1e-300")  // below the smallest double
                    : *d.mcnemar_p < 1e-4 ? fmt::format("{:.1e}", *d.mcnemar_p)
                                          : fmt::format("{:.4f}", *d.mcnemar_p);
      }
    out += fmt::format("| {} | {} | {} | {} | {} |\n", v.variant, v.done, p, diff, mcnemar);
  }
  return out;
}

}  // namespace iadsim
