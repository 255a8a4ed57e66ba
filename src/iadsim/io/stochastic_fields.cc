#include "iadsim/io/stochastic_fields.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "iadsim/core/error.h"
#include "iadsim/core/rng.h"
#include "iadsim/io/quantity.h"
#include "iadsim/io/scenario_reader.h"
#include "iadsim/io/yaml_reader.h"

namespace iadsim {
namespace {

struct SiUnit {
  Dimension dim;
  const char* unit;
};
// Tried in this order; the first dimension in which both parameters parse is theirs.
constexpr SiUnit kDimensions[] = {
    {Dimension::kRatio, ""},          {Dimension::kLength, "m"},     {Dimension::kAltitude, "m"},
    {Dimension::kSpeed, "m/s"},       {Dimension::kTime, "s"},       {Dimension::kAngle, "rad"},
    {Dimension::kArea, "m2"},         {Dimension::kFrequency, "Hz"}, {Dimension::kPower, "W"},
    {Dimension::kDecibel, "dB"},      {Dimension::kMass, "kg"},      {Dimension::kForce, "N"},
    {Dimension::kAcceleration, "m/s2"}, {Dimension::kTemperature, "K"},
};

bool IsDistribution(const YAML::Node& n) {
  if (!n.IsMap() || n.size() != 1) return false;
  const std::string k = n.begin()->first.Scalar();
  return k == "normal" || k == "uniform" || k == "choice";
}

void Walk(const YAML::Node& n, const std::string& path, const std::string& file, std::vector<StochasticField>* out,
          Problems* problems) {
  auto report = [&](const YAML::Mark& m, const std::string& msg) {
    problems->push_back(Problem{path, msg, file, m.line + 1, m.column + 1});
  };
  if (IsDistribution(n)) {
    const std::string kind = n.begin()->first.Scalar();
    const YAML::Node args = n.begin()->second;
    StochasticField f;
    f.key_path = path;
    f.line = n.Mark().line + 1;
    f.column = n.Mark().column + 1;
    if (!args.IsSequence()) return report(n.Mark(), fmt::format("{}: expects a list (got {})", kind, Describe(args)));
    if (kind == "choice") {
      f.kind = StochasticField::Kind::kChoice;
      if (args.size() == 0) return report(args.Mark(), "choice: needs at least one value");
      for (const YAML::Node& c : args) {
        if (!c.IsScalar()) return report(c.Mark(), fmt::format("choice: values must be scalars (got {})", Describe(c)));
        f.choices.push_back(c);
      }
      out->push_back(std::move(f));
      return;
    }
    f.kind = kind == "normal" ? StochasticField::Kind::kNormal : StochasticField::Kind::kUniform;
    const char* names = kind == "normal" ? "[mean, sd]" : "[a, b]";
    if (args.size() != 2 || !args[0].IsScalar() || !args[1].IsScalar())
      return report(args.Mark(), fmt::format("{}: expects {} (got {})", kind, names, Describe(args)));
    bool parsed = false;
    for (const SiUnit& d : kDimensions) {
      const auto x = ParseQuantity(args[0].Scalar(), d.dim), y = ParseQuantity(args[1].Scalar(), d.dim);
      if (!std::holds_alternative<double>(x) || !std::holds_alternative<double>(y)) continue;
      f.a = std::get<double>(x);
      f.b = std::get<double>(y);
      f.unit = d.unit;
      parsed = true;
      break;
    }
    if (!parsed)
      return report(args.Mark(), fmt::format("{}: {} must be two quantities of one dimension, each with its unit (got {})",
                                             kind, names, Describe(args)));
    if (f.kind == StochasticField::Kind::kNormal && !(f.b >= 0))
      return report(args.Mark(), fmt::format("normal: sd must be >= 0 (got {})", args[1].Scalar()));
    if (f.kind == StochasticField::Kind::kUniform && !(f.b >= f.a))
      return report(args.Mark(), fmt::format("uniform: needs b >= a (got {})", Describe(args)));
    out->push_back(std::move(f));
    return;
  }
  if (n.IsMap()) {
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string k = it->first.Scalar();
      Walk(it->second, path.empty() ? k : path + "." + k, file, out, problems);
    }
  } else if (n.IsSequence()) {
    for (std::size_t i = 0; i < n.size(); ++i) Walk(n[i], fmt::format("{}[{}]", path, i), file, out, problems);
  }
}

std::string Text(double v, const std::string& unit) {
  return unit.empty() ? fmt::format("{:.17g}", v) : fmt::format("{:.17g} {}", v, unit);
}

}  // namespace

std::vector<StochasticField> FindStochasticFields(const YAML::Node& root, const std::string& file) {
  std::vector<StochasticField> out;
  Problems problems;
  Walk(root, "", file, &out, &problems);
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  return out;
}

YAML::Node DrawStochasticFields(const YAML::Node& root, const std::vector<StochasticField>& fields, std::uint64_t seed,
                                std::uint64_t replication, std::vector<std::pair<std::string, std::string>>* draws) {
  YAML::Node copy = YAML::Clone(root);
  for (const StochasticField& f : fields) {
    RandomStream rng(seed, replication, "scenario", f.key_path);
    std::string value;
    switch (f.kind) {
      case StochasticField::Kind::kNormal: value = Text(rng.Normal(f.a, f.b), f.unit); break;
      case StochasticField::Kind::kUniform: value = Text(rng.Uniform(f.a, f.b), f.unit); break;
      case StochasticField::Kind::kChoice: value = f.choices[rng.Below(f.choices.size())].Scalar(); break;
    }
    const bool set = SetAtPath(copy, f.key_path, YAML::Node(value));
    IADSIM_CHECK(set, "a stochastic field's key path vanished: " + f.key_path);
    if (draws) draws->emplace_back(f.key_path, value);
  }
  return copy;
}

YAML::Node NominalStochasticFields(const YAML::Node& root, const std::vector<StochasticField>& fields) {
  if (fields.empty()) return root;
  YAML::Node copy = YAML::Clone(root);
  for (const StochasticField& f : fields) {
    const std::string value = f.kind == StochasticField::Kind::kChoice ? f.choices.front().Scalar() : Text(f.a, f.unit);
    IADSIM_CHECK(SetAtPath(copy, f.key_path, YAML::Node(value)), "a stochastic field's key path vanished: " + f.key_path);
  }
  return copy;
}

std::vector<Assignment> DrawAssignments(const std::vector<StochasticField>& fields,
                                        const std::vector<std::pair<std::string, std::string>>& draws,
                                        const std::string& file) {
  std::vector<Assignment> out;
  for (std::size_t i = 0; i < fields.size() && i < draws.size(); ++i) {
    Assignment a;
    a.key_path = fields[i].key_path;
    a.value_text = draws[i].second;
    a.file = file;
    a.line = fields[i].line;
    a.column = fields[i].column;
    out.push_back(std::move(a));
  }
  return out;
}

Scenario ReadScenarioForReplication(const std::string& path, std::uint64_t seed, std::uint64_t replication) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Problem{"(file)", std::string("cannot read the scenario: ") + std::strerror(errno), path, 1, 1}});
  std::ostringstream text;
  text << in.rdbuf();
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::Exception& e) {
    return ReadScenarioText(text.str(), path);  // reports the syntax error at its place
  }
  const std::vector<StochasticField> fields = FindStochasticFields(root, path);
  if (fields.empty()) return ReadScenarioNode(root, path);
  std::vector<std::pair<std::string, std::string>> draws;
  const YAML::Node drawn = DrawStochasticFields(root, fields, seed, replication, &draws);
  return ReadEditedScenario(drawn, path, DrawAssignments(fields, draws, path), &root);
}

}  // namespace iadsim
