#include "iadsim/io/run_scenario.h"

#include "iadsim/core/error.h"
#include "iadsim/io/scenario_reader.h"

namespace iadsim {

Scenario ReadRunScenario(const std::filesystem::path& run_dir, const std::string& override_path) {
  if (!override_path.empty()) return ReadScenarioFile(override_path);
  const std::string path = (run_dir / "scenario.yaml").string();
  if (!std::filesystem::exists(path)) {
    Problem p;
    p.path = "(run)";
    p.file = path;
    p.message = "is missing (the run directory keeps a copy of its scenario since `iadsim run` writes one); "
                "pass --scenario FILE";
    throw ScenarioError({p});
  }
  return ReadScenarioFile(path);
}

}  // namespace iadsim
