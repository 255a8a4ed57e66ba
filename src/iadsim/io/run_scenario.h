#pragma once
// The scenario of a finished run directory, for the commands that read one (export, view).
#include <filesystem>
#include <string>

#include "iadsim/sim/scenario.h"

namespace iadsim {

// `override_path` when not empty, else RUN_DIR/scenario.yaml (the copy `iadsim run` keeps beside
// its outputs). Throws ScenarioError naming the missing file, or the scenario's own problems.
Scenario ReadRunScenario(const std::filesystem::path& run_dir, const std::string& override_path);

}  // namespace iadsim
