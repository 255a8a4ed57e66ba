#pragma once
// Stochastic scenario fields: any scalar value of a scenario may be written as a distribution,
// drawn once per replication (docs/scenario-format.md, "Stochastic fields"):
//   {normal: [MEAN, SD]}   MEAN + SD * z, z standard normal (Box-Muller, core/rng.h); not truncated
//   {uniform: [A, B]}      A + (B - A) * u, u uniform on [0, 1)
//   {choice: [V1, V2, …]}  one of the values, each with probability 1/n (any scalars, copied as written)
// MEAN, SD, A, B are quantities of one dimension, each with its unit (`{normal: [5 km, 300 m]}`),
// or plain numbers for ratios. The drawn value is written back in SI with its SI unit
// (`5123.4567 m`), so the reader checks it as any written value (a draw outside the valid range
// makes that replication fail, with the message, and is stored as failed).
// Random numbers: the field at key path P in replication k of master seed s draws from
// RandomStream(s, k, "scenario", P): the draws of one field do not depend on any other, on the
// variant (common random numbers) or on the thread; `iadsim run --seed s --replication k` draws the same.
// A mapping of exactly one key `normal`, `uniform` or `choice` whose value is a list is a
// distribution; those three keys are reserved for it.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "iadsim/io/scenario_variants.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

struct StochasticField {
  enum class Kind { kNormal, kUniform, kChoice };
  std::string key_path;
  Kind kind = Kind::kNormal;
  double a = 0, b = 0;        // normal: mean, sd; uniform: a, b (SI)
  std::string unit;           // SI unit of a and b ("" for ratios)
  std::vector<YAML::Node> choices;
  int line = 0, column = 0;   // of the distribution in its file
};

// Every distribution in the document, in document order. Malformed ones are reported together
// (ScenarioError naming `file`:line:col and the key path).
std::vector<StochasticField> FindStochasticFields(const YAML::Node& root, const std::string& file);

// A deep copy of `root` with each field replaced by its draw for (seed, replication); `draws`
// receives (key path, value text) in field order.
YAML::Node DrawStochasticFields(const YAML::Node& root, const std::vector<StochasticField>& fields, std::uint64_t seed,
                                std::uint64_t replication, std::vector<std::pair<std::string, std::string>>* draws);
// The same with each field at its nominal value (mean, A, or the first choice): what is read once
// before a batch to report every problem that does not depend on the draws. With no fields,
// `root` itself (the same tree, not a copy).
YAML::Node NominalStochasticFields(const YAML::Node& root, const std::vector<StochasticField>& fields);

// Assignments describing drawn values (for ReadEditedScenario's messages).
std::vector<Assignment> DrawAssignments(const std::vector<StochasticField>& fields,
                                        const std::vector<std::pair<std::string, std::string>>& draws,
                                        const std::string& file);

// The scenario of `iadsim run --seed seed --replication replication`: read from the file, with its
// stochastic fields (if any) drawn. Throws ScenarioError.
Scenario ReadScenarioForReplication(const std::string& path, std::uint64_t seed, std::uint64_t replication);

}  // namespace iadsim
