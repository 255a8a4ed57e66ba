#include "iadsim/io/report_markdown.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

constexpr const char* kHeadline = "P(friendly or civil aircraft lost)";
constexpr const char* kNone = "–";

std::string Percent(const ConfidenceInterval& ci) {
  return fmt::format("{:.1f} % [{:.1f}, {:.1f}]", 100.0 * ci.estimate, 100.0 * ci.lower, 100.0 * ci.upper);
}

std::string Points(const ConfidenceInterval& d) {
  return fmt::format("{:+.1f} points [{:+.1f}, {:+.1f}]", 100.0 * d.estimate, 100.0 * d.lower, 100.0 * d.upper);
}

std::string McNemar(double p) {
  return p <= 0.0    ? std::string("< 1e-300")  // below the smallest double
         : p < 1e-4 ? fmt::format("{:.1e}", p)
                    : fmt::format("{:.4f}", p);
}

// Decimals that give three significant digits to the largest magnitude among `values` (at least
// 0: whole numbers from 1000 on; 2 when all are 0).
int Decimals(std::initializer_list<double> values) {
  double largest = 0.0;
  for (const double v : values) largest = std::max(largest, std::abs(v));
  if (largest == 0.0 || !std::isfinite(largest)) return 2;
  return std::max(0, 2 - static_cast<int>(std::floor(std::log10(largest))));
}

// `v` with `decimals` decimals, a leading '+' when `sign`; a value that rounds to zero is printed
// as zero (no "-0.00").
std::string Fixed(double v, int decimals, bool sign) {
  if (std::abs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0.0;
  return sign ? fmt::format("{:+.{}f}", v, decimals) : fmt::format("{:.{}f}", v, decimals);
}

std::string MeanText(double estimate, const std::optional<ConfidenceInterval>& ci, const std::string& unit,
                     bool sign) {
  const std::string u = unit.empty() ? "" : " " + unit;
  if (!ci) {
    const int d = Decimals({estimate});
    return Fixed(estimate, d, sign) + u;
  }
  const int d = Decimals({ci->estimate, ci->lower, ci->upper});
  return fmt::format("{} [{}, {}]{}", Fixed(ci->estimate, d, sign), Fixed(ci->lower, d, sign),
                     Fixed(ci->upper, d, sign), u);
}

const MeasureInfo* FindMeasure(const std::string& name) {
  for (const MeasureInfo& m : ReportMeasures())
    if (m.name == name) return &m;
  return nullptr;
}

}  // namespace

std::string RenderHeadlineMarkdown(const ReportInput& input) {
  std::string out = fmt::format(
      "| variant | replications | {} (95 % CI) | difference to {} (95 % CI) | McNemar p |\n|---|---:|---|---|---:|\n",
      kHeadline, input.variants.empty() ? std::string("baseline") : input.variants.front().name);
  for (const VariantReport& v : ComputeReport(input)) {
    std::string p = kNone, diff = kNone, mcnemar = kNone;
    for (const MeasureEstimate& m : v.measures)
      if (m.measure == kHeadline && m.ci) p = fmt::format("{} ({} of {})", Percent(*m.ci), m.events, m.n);
    for (const PairedEstimate& d : v.paired)
      if (d.measure == kHeadline) {
        if (d.difference) diff = Points(*d.difference);
        if (d.mcnemar_p) mcnemar = McNemar(*d.mcnemar_p);
      }
    out += fmt::format("| {} | {} | {} | {} | {} |\n", v.variant, v.done, p, diff, mcnemar);
  }
  return out;
}

void RequireKnownMeasures(const std::vector<std::string>& measures) {
  std::string known;
  for (const MeasureInfo& m : ReportMeasures()) known += (known.empty() ? "'" : ", '") + m.name + "'";
  Problems problems;
  for (const std::string& name : measures)
    if (!FindMeasure(name))
      problems.push_back({"--measure", fmt::format("unknown measure '{}'; the measures are {}", name, known)});
  if (!problems.empty()) throw ScenarioError(problems);
}

std::string RenderMeasuresMarkdown(const ReportInput& input, const std::vector<std::string>& measures) {
  RequireKnownMeasures(measures);
  const std::vector<VariantReport> reports = ComputeReport(input);
  std::string out = fmt::format(
      "| measure | variant | estimate (95 % CI) | n | difference to {} (95 % CI) | McNemar p |\n"
      "|---|---|---|---:|---|---:|\n",
      input.variants.empty() ? std::string("baseline") : input.variants.front().name);
  for (const std::string& name : measures) {
    for (const VariantReport& v : reports) {
      std::string estimate = kNone, diff = kNone, mcnemar = kNone;
      std::int64_t n = 0;
      for (const MeasureEstimate& m : v.measures) {
        if (m.measure != name) continue;
        n = m.n;
        if (m.proportion) {
          if (m.ci) estimate = Percent(*m.ci);
        } else if (m.n > 0) {
          estimate = MeanText(m.estimate, m.ci, m.unit, false);
        }
      }
      for (const PairedEstimate& d : v.paired) {
        if (d.measure != name) continue;
        if (d.difference)
          diff = d.proportion ? Points(*d.difference)
                              : MeanText(d.difference->estimate, d.difference, FindMeasure(name)->unit, true);
        if (d.mcnemar_p) mcnemar = McNemar(*d.mcnemar_p);
      }
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", name, v.variant, estimate, n, diff, mcnemar);
    }
  }
  return out;
}

}  // namespace iadsim
