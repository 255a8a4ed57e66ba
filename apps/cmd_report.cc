// iadsim report RESULTS --out REPORT.html: the Monte Carlo report of a batch results file, one
// self-contained HTML file (io/report_html.h; docs/results.md, "Reports"). --markdown FILE also
// writes the headline table, or with --measure NAME (repeatable) the table of those measures
// (io/report_markdown.h).
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "iadsim/core/error.h"
#include "iadsim/io/report_html.h"
#include "iadsim/io/report_markdown.h"
#include "iadsim/io/run_reader.h"

namespace iadsim::cli {
namespace {

struct ReportArgs {
  std::string results, out, markdown;
  std::vector<std::string> measures;
  bool force = false, quiet = false;
};

int Report(const ReportArgs& a) {
  RequireKnownMeasures(a.measures);  // before anything is read or written
  if (!a.measures.empty() && a.markdown.empty()) {
    Problem p;
    p.path = "--measure";
    p.message = "chooses the rows of the --markdown table: give --markdown FILE too";
    throw ScenarioError({p});
  }
  RefuseToOverwrite(a.out, a.force);
  if (!a.markdown.empty()) RefuseToOverwrite(a.markdown, a.force);
  const ReportInput input = ReadResultsForReport(a.results);
  if (!a.markdown.empty())
    WriteFileAtomically(a.markdown, a.measures.empty() ? RenderHeadlineMarkdown(input)
                                                       : RenderMeasuresMarkdown(input, a.measures));
  WriteFileAtomically(a.out, RenderReportHtml(input));
  if (!a.quiet) {
    std::size_t failed = 0, done = 0;
    for (const ReportVariant& v : input.variants)
      for (const ReportReplication& r : v.replications) ++(r.ok ? done : failed);
    fmt::print("{}: {} variant{}, {} replications done, {} failed -> {}\n", a.results, input.variants.size(),
               input.variants.size() == 1 ? "" : "s", done, failed, a.out);
  }
  return 0;
}

}  // namespace

void AddReportCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto args = std::make_shared<ReportArgs>();
  auto* cmd = app.add_subcommand("report", "Write the HTML report (statistics, paired comparisons, plots) of a batch results file");
  cmd->add_option("results", args->results, "Results file of `iadsim batch` (SQLite)")->required();
  cmd->add_option("--out", args->out, "HTML file to write")->required();
  cmd->add_option("--markdown", args->markdown,
                  "Also write the headline table (P(friendly or civil aircraft lost) per variant, paired "
                  "differences, McNemar p) as Markdown to this file");
  cmd->add_option("--measure", args->measures,
                  "With --markdown: write the table of this measure instead of the headline (estimate, 95 % CI, n, "
                  "paired difference, McNemar p per variant); repeat for several, e.g. --measure 'weapons on "
                  "target' --measure 'P(ground target destroyed)'")
      ->allow_extra_args(false);
  cmd->add_flag("--force", args->force, "Overwrite an existing report");
  cmd->add_flag("--quiet", args->quiet, "Do not print the one-line summary");
  verbs.push_back({cmd, [args] { return Report(*args); }});
}

}  // namespace iadsim::cli
