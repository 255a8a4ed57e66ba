#pragma once
// Variants of a scenario: values assigned at key paths of its YAML document before it is read
// (docs/scenario-format.md, "Variants and sweeps"). A key path names a value the way the reader's
// messages do: mapping keys joined by '.', list items by [index]:
//   units[0].doctrine.salvo      types.missiles.48n6e2.kill_probability      aircraft[2].route[1].alt
// The path must exist in the scenario (a typo is an error, never a new key). The value replaces
// what was there (a scalar, a list or a mapping).
//
// Sources of assignments:
//  - an overrides file (`--variant NAME=FILE`): a YAML mapping {key path: value}, e.g.
//      units[0].doctrine.salvo: 1
//      types.missiles.48n6e2.kill_probability: 0.7
//  - a sweep (`--sweep KEY=VALUES`): VALUES is a list `a,b,c` or a range `start:stop:step` whose three
//    parts carry the same unit (`100km:200km:50km` -> 100km, 150km, 200km; stop included when it falls
//    on a step, to 1e-9 of a step). Several sweeps: every combination (the first varies slowest).
//  - a Latin hypercube (`--lhs N` with `--sweep KEY=LO..HI`, same unit): N points; along each key the
//    N equal strata of [LO, HI] are each used once, a uniform point in each, the pairing of strata
//    across keys a random permutation (McKay, Beckman & Conover, Technometrics 21(2), 1979).
//    Draws from RandomStream(seed, 0, "lhs", KEY).
// Problems found in an assigned value by the scenario reader are reported at the assignment's
// place (overrides file:line:col, or the --sweep argument), with the key path.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/sim/scenario.h"

namespace iadsim {

struct Assignment {
  std::string key_path;
  YAML::Node value;
  std::string value_text;  // for names and the results file (flow YAML)
  std::string file;        // where it was written: overrides file, or "--sweep"
  int line = 0, column = 0;
};

struct VariantSpec {
  std::string name;
  std::string kind = "base";  // base, overrides, sweep, lhs
  std::optional<std::string> overrides_path, overrides_text;
  std::vector<Assignment> assignments;
  std::string AssignmentsJson() const;  // {key path: value text}, in order
};

// Reads `--variant NAME=FILE`'s file. Throws ScenarioError (file:line:col) for a file that cannot be
// read, a YAML error, a document that is not a mapping, a key that is not a valid key path.
VariantSpec ReadOverridesFile(const std::string& name, const std::string& path);
VariantSpec ReadOverridesText(const std::string& name, const std::string& text, const std::string& file);

// The values of one `--sweep` argument's right-hand side; throws ScenarioError naming `what`.
std::vector<std::string> ExpandSweepValues(const std::string& values, const std::string& what);
// One variant per combination of the sweeps ("KEY=VALUES" each), named "k1=v1,k2=v2".
std::vector<VariantSpec> SweepVariants(const std::vector<std::string>& sweeps);
// `points` Latin hypercube variants over sweeps "KEY=LO..HI", named "lhs N: k1=v1,...".
std::vector<VariantSpec> LatinHypercubeVariants(const std::vector<std::string>& sweeps, int points, std::uint64_t seed);

// Splits "a.b[2].c" into {"a", "b", "[2]", "c"}; an empty vector when malformed.
std::vector<std::string> SplitKeyPath(const std::string& key_path);
// A deep copy of `root` with the assignments made; with none, `root` itself (the same tree: a
// caller that edits the result copies it first). Throws ScenarioError at the assignment's place
// for a path that does not exist in the document.
YAML::Node ApplyAssignments(const YAML::Node& root, const std::vector<Assignment>& assignments);
// Replaces the value at an existing key path of `root` (no copy); false when the path does not exist.
bool SetAtPath(YAML::Node root, const std::string& key_path, const YAML::Node& value);

// Reads the scenario from an edited document; problems at (or under) an assignment's key path are
// moved to the assignment's place and say where the value came from. The edited tree is a copy
// without places (yaml-cpp's Clone keeps none): with `document`, the tree as read, every other
// problem is placed at its key path there (PlaceInDocument).
Scenario ReadEditedScenario(const YAML::Node& root, const std::string& scenario_file,
                            const std::vector<Assignment>& assignments, const YAML::Node* document = nullptr);
// Gives each problem not at or under an assignment's key path the line and column of its key path
// (or of the deepest node on the way) in `document`. Reads `document`: not safe beside another
// thread's use of the same tree.
void PlaceInDocument(Problems& problems, const YAML::Node& document, const std::vector<Assignment>& assignments);

}  // namespace iadsim
