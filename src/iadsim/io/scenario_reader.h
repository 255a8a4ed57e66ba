#pragma once
// Reads a scenario YAML file into the scenario model (sim/scenario.h), in SI units.
// Every problem found is collected — unknown and missing keys, wrong types, bad units, values
// out of range, routes of one point, references to undefined types, assets or sides — and
// thrown together as one ScenarioError whose lines read `file:line:col: key.path: what (got ...)`.
// The format is described in docs/scenario-format.md.
#include <yaml-cpp/yaml.h>

#include <string>

#include "iadsim/sim/scenario.h"

namespace iadsim {

// Throws ScenarioError (never anything else for bad input).
Scenario ReadScenarioFile(const std::string& path);
// The same from text; `name` stands for the file in messages.
Scenario ReadScenarioText(const std::string& text, const std::string& name);
// The same from an already loaded (and possibly edited: variants, stochastic draws) document.
Scenario ReadScenarioNode(const YAML::Node& root, const std::string& name);

}  // namespace iadsim
