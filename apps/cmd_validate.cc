// iadsim validate SCENARIO: read and check a scenario, report every problem.
#include <fmt/format.h>

#include <memory>

#include "commands.h"
#include "iadsim/io/scenario_reader.h"

namespace iadsim::cli {

void AddValidateCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto path = std::make_shared<std::string>();
  auto* validate = app.add_subcommand("validate", "Check a scenario and report every problem (exit 2 if any)");
  validate->add_option("scenario", *path, "Scenario YAML file")->required();
  verbs.push_back({validate, [path] {
                     const Scenario s = ReadScenarioFile(*path);
                     fmt::print("{}: valid ({} aircraft, {} units, {:.0f} s)\n", *path, s.aircraft.size(),
                                s.units.size(), s.duration.seconds());
                     return 0;
                   }});
}

}  // namespace iadsim::cli
