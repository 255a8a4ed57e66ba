#pragma once
// The verbs of the iadsim command line. Each verb lives in its own cmd_<verb>.cc and registers
// itself on the root CLI::App through one Add…Command function listed here and called from
// iadsim_main.cc. A verb's action returns the process exit code:
//   0 done; 2 bad input (scenario, data file, arguments, existing output); 1 internal failure.
// ScenarioError thrown by an action is printed (one problem per line) and becomes exit 2;
// any other exception becomes exit 1 (see iadsim_main.cc).
#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace iadsim::cli {

struct Verb {
  CLI::App* command = nullptr;
  std::function<int()> action;
};

void AddRunCommand(CLI::App& app, std::vector<Verb>& verbs);       // run
void AddBatchCommand(CLI::App& app, std::vector<Verb>& verbs);     // batch
void AddValidateCommand(CLI::App& app, std::vector<Verb>& verbs);  // validate
void AddExportCommand(CLI::App& app, std::vector<Verb>& verbs);    // export
void AddReportCommand(CLI::App& app, std::vector<Verb>& verbs);    // report
void AddScoreCommand(CLI::App& app, std::vector<Verb>& verbs);     // score
void AddTrackCommand(CLI::App& app, std::vector<Verb>& verbs);     // track
void AddExplainCommand(CLI::App& app, std::vector<Verb>& verbs);  // explain
void AddGenerateCommand(CLI::App& app, std::vector<Verb>& verbs);  // generate raid
void AddViewCommand(CLI::App& app, std::vector<Verb>& verbs);      // view

}  // namespace iadsim::cli
