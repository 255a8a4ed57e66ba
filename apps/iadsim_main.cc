// The iadsim command line: thin. Each verb is in its own cmd_<verb>.cc (see commands.h).
// Exit codes: 0 done; 2 bad input (scenario, data file, arguments, existing output); 1 failure: an
// output that could not be written once the work had begun (OutputError: the file and the system's
// reason), or an internal error.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "iadsim/core/error.h"

namespace {

int ReportProblems(const iadsim::ScenarioError& e) {
  for (const iadsim::Problem& p : e.problems()) std::cerr << p.ToString() << '\n';
  std::cerr << fmt::format("iadsim: {} problem{} found; nothing was done\n", e.problems().size(),
                           e.problems().size() == 1 ? "" : "s");
  return 2;
}

// What a command printed must have reached standard output (a full disk, a closed pipe): if not,
// say so and fail, as the other outputs do, instead of exiting 0 with the text lost.
int FlushedStdout(int code) {
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return code;
  const int err = errno;
  std::cerr << "iadsim: " << iadsim::CannotWrite("standard output", err) << '\n';
  return code == 0 ? 1 : code;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace iadsim::cli;
  CLI::App app{"iadsim — an integrated air-defence simulator: truth -> sensors -> tracks -> C2 -> weapons -> truth"};
  app.require_subcommand(1);
  std::vector<Verb> verbs;
  AddRunCommand(app, verbs);
  AddBatchCommand(app, verbs);
  AddValidateCommand(app, verbs);
  AddExportCommand(app, verbs);
  AddReportCommand(app, verbs);
  AddScoreCommand(app, verbs);
  AddTrackCommand(app, verbs);
  AddExplainCommand(app, verbs);
  AddGenerateCommand(app, verbs);
  AddViewCommand(app, verbs);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    for (const Verb& v : verbs)
      if (*v.command) return FlushedStdout(v.action());
    return 2;
  } catch (const iadsim::ScenarioError& e) {
    return ReportProblems(e);
  } catch (const iadsim::OutputError& e) {
    std::cerr << "iadsim: " << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "iadsim: internal error: " << e.what() << '\n';
    return 1;
  }
}
