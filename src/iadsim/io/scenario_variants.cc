#include "iadsim/io/scenario_variants.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <regex>
#include <sstream>
#include <utility>

#include "iadsim/core/error.h"
#include "iadsim/core/rng.h"
#include "iadsim/io/scenario_reader.h"

namespace iadsim {
namespace {

[[noreturn]] void Fail(const std::string& file, const YAML::Mark& mark, const std::string& path, const std::string& msg) {
  Problem p{path, msg, file, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0};
  throw ScenarioError({p});
}

[[noreturn]] void FailArg(const std::string& what, const std::string& msg) {
  throw ScenarioError({Problem{what, msg, "", 0, 0}});
}

std::string FlowText(const YAML::Node& n) {
  YAML::Emitter e;
  e.SetMapFormat(YAML::Flow);
  e.SetSeqFormat(YAML::Flow);
  e << n;
  return e.c_str();
}

// A number with an optional unit after it: "150km" -> (150, "km"); "0.5" -> (0.5, "").
std::optional<std::pair<double, std::string>> NumberAndUnit(const std::string& text) {
  static const std::regex re(R"(^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(\S*(?:\s+\S+)*)\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, re)) return std::nullopt;
  const double v = std::strtod(m[1].str().c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  return std::make_pair(v, m[2].str());
}

std::string WithUnit(double v, const std::string& unit) {
  if (std::abs(v) < 1e-300) v = 0.0;
  return fmt::format("{:.12g}{}{}", v, unit.empty() ? "" : " ", unit);
}

std::pair<std::string, std::string> SplitAssignmentArg(const std::string& arg) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size())
    FailArg("--sweep", fmt::format("expected KEY=VALUES (got '{}')", arg));
  const std::string key = arg.substr(0, eq);
  if (SplitKeyPath(key).empty()) FailArg("--sweep", fmt::format("'{}' is not a key path like units[0].doctrine.salvo", key));
  return {key, arg.substr(eq + 1)};
}

Assignment SweepAssignment(const std::string& key, const std::string& value) {
  Assignment a;
  a.key_path = key;
  a.value = YAML::Node(value);
  a.value_text = value;
  a.file = "--sweep";
  return a;
}

// The index of a key-path part "[k]"; none when it is not a whole number (an index too large for
// size_t names no element either).
std::optional<std::size_t> IndexOf(const std::string& part) {
  std::size_t k = 0;
  const auto r = std::from_chars(part.data() + 1, part.data() + part.size() - 1, k);
  if (r.ec != std::errc() || r.ptr != part.data() + part.size() - 1) return std::nullopt;
  return k;
}

// The child of `node` that one key-path part names ("name" or "[k]"), as a handle on the same tree
// (assigning to it replaces it there); none when there is no such child (none is created).
std::optional<YAML::Node> Child(YAML::Node node, const std::string& part) {
  if (part.front() == '[') {
    const auto k = IndexOf(part);
    if (!k || !node.IsSequence() || *k >= node.size()) return std::nullopt;
    return node[*k];
  }
  if (!node.IsMap() || !std::as_const(node)[part]) return std::nullopt;
  return node[part];
}

}  // namespace

std::string VariantSpec::AssignmentsJson() const {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const Assignment& a : assignments) j[a.key_path] = a.value_text;
  return j.dump();
}

std::vector<std::string> SplitKeyPath(const std::string& key_path) {
  static const std::regex segment(R"(([^.\[\]]+)((?:\[\d+\])*))");
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= key_path.size()) {
    const std::size_t dot = key_path.find('.', pos);
    const std::string part = key_path.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    std::smatch m;
    if (!std::regex_match(part, m, segment)) return {};
    out.push_back(m[1].str());
    static const std::regex index(R"(\[\d+\])");
    const std::string tail = m[2].str();
    for (auto it = std::sregex_iterator(tail.begin(), tail.end(), index); it != std::sregex_iterator(); ++it)
      out.push_back(it->str());
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  return out;
}

bool SetAtPath(YAML::Node root, const std::string& key_path, const YAML::Node& value) {
  const std::vector<std::string> parts = SplitKeyPath(key_path);
  if (parts.empty()) return false;
  YAML::Node cur = root;
  for (const std::string& part : parts) {
    const auto next = Child(cur, part);
    if (!next) return false;
    cur.reset(*next);
  }
  cur = value;  // cur is the tree's node at the path: this replaces it there
  return true;
}

YAML::Node ApplyAssignments(const YAML::Node& root, const std::vector<Assignment>& assignments) {
  if (assignments.empty()) return root;  // no copy of a large scenario's tree for nothing
  YAML::Node copy = YAML::Clone(root);
  for (const Assignment& a : assignments)
    if (!SetAtPath(copy, a.key_path, YAML::Clone(a.value)))
      throw ScenarioError({Problem{a.key_path, "no such key path in the scenario (a variant may only change values the scenario has)",
                                   a.file, a.line, a.column}});
  return copy;
}

VariantSpec ReadOverridesText(const std::string& name, const std::string& text, const std::string& file) {
  VariantSpec v;
  v.name = name;
  v.kind = "overrides";
  v.overrides_path = file;
  v.overrides_text = text;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    Fail(file, e.mark, "(file)", "YAML syntax error: " + e.msg);
  }
  // An empty document (nothing, or comments only) has no place of its own: line 1, column 1.
  if (root.IsNull()) Fail(file, YAML::Mark(), "(file)", "is empty: expected a mapping {key path: value}");
  if (!root.IsMap()) Fail(file, root.Mark(), "(file)", "an overrides file must be a mapping {key path: value}");
  for (auto it = root.begin(); it != root.end(); ++it) {
    Assignment a;
    a.key_path = it->first.Scalar();
    a.file = file;
    a.line = it->first.Mark().line + 1;
    a.column = it->first.Mark().column + 1;
    if (SplitKeyPath(a.key_path).empty())
      Fail(file, it->first.Mark(), a.key_path, "is not a key path like units[0].doctrine.salvo");
    for (const Assignment& b : v.assignments)
      if (b.key_path == a.key_path) Fail(file, it->first.Mark(), a.key_path, "is assigned twice");
    a.value = it->second;
    a.value_text = it->second.IsScalar() ? it->second.Scalar() : FlowText(it->second);
    v.assignments.push_back(std::move(a));
  }
  return v;
}

VariantSpec ReadOverridesFile(const std::string& name, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Problem{"(file)", std::string("cannot read the overrides file: ") + std::strerror(errno), path, 1, 1}});
  std::ostringstream text;
  text << in.rdbuf();
  return ReadOverridesText(name, text.str(), path);
}

std::vector<std::string> ExpandSweepValues(const std::string& values, const std::string& what) {
  std::vector<std::string> parts;
  const char sep = values.find(',') == std::string::npos && std::count(values.begin(), values.end(), ':') == 2 ? ':' : ',';
  std::stringstream ss(values);
  for (std::string p; std::getline(ss, p, sep);) parts.push_back(p);
  if (sep == ',') {
    for (std::string& p : parts) {
      p.erase(0, p.find_first_not_of(' '));
      p.erase(p.find_last_not_of(' ') + 1);
      if (p.empty()) FailArg(what, fmt::format("an empty value in the list '{}'", values));
    }
    return parts;
  }
  if (parts.size() != 3) FailArg(what, fmt::format("a range is start:stop:step (got '{}')", values));
  const auto a = NumberAndUnit(parts[0]), b = NumberAndUnit(parts[1]), s = NumberAndUnit(parts[2]);
  if (!a || !b || !s) FailArg(what, fmt::format("a range is start:stop:step, each a number with a unit (got '{}')", values));
  if (a->second != b->second || a->second != s->second)
    FailArg(what, fmt::format("start, stop and step must have the same unit (got '{}')", values));
  if (!(s->first > 0) || b->first < a->first)
    FailArg(what, fmt::format("a range needs step > 0 and stop >= start (got '{}')", values));
  const double n = std::floor((b->first - a->first) / s->first + 1e-9);
  if (n > 1e5) FailArg(what, fmt::format("the range '{}' has more than 100000 values", values));
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(n); ++i) out.push_back(WithUnit(a->first + i * s->first, a->second));
  return out;
}

std::vector<VariantSpec> SweepVariants(const std::vector<std::string>& sweeps) {
  std::vector<VariantSpec> out{VariantSpec{}};
  out[0].kind = "sweep";
  for (const std::string& arg : sweeps) {
    const auto [key, values] = SplitAssignmentArg(arg);
    const std::vector<std::string> list = ExpandSweepValues(values, "--sweep " + key);
    std::vector<VariantSpec> next;
    for (const VariantSpec& v : out)
      for (const std::string& value : list) {
        VariantSpec w = v;
        w.name += (w.name.empty() ? "" : ",") + key + "=" + value;
        w.assignments.push_back(SweepAssignment(key, value));
        next.push_back(std::move(w));
      }
    out = std::move(next);
  }
  return out;
}

std::vector<VariantSpec> LatinHypercubeVariants(const std::vector<std::string>& sweeps, int points, std::uint64_t seed) {
  if (points < 1) FailArg("--lhs", fmt::format("must be >= 1 (got {})", points));
  std::vector<VariantSpec> out(static_cast<std::size_t>(points));
  for (int i = 0; i < points; ++i) {
    out[i].kind = "lhs";
    out[i].name = fmt::format("lhs {}:", i);
  }
  for (const std::string& arg : sweeps) {
    const auto [key, range] = SplitAssignmentArg(arg);
    const auto dots = range.find("..");
    const auto lo = dots == std::string::npos ? std::nullopt : NumberAndUnit(range.substr(0, dots));
    const auto hi = dots == std::string::npos ? std::nullopt : NumberAndUnit(range.substr(dots + 2));
    if (!lo || !hi || lo->second != hi->second || !(hi->first > lo->first))
      FailArg("--sweep " + key, fmt::format("with --lhs a sweep is LO..HI, same unit, HI > LO (got '{}')", range));
    RandomStream rng(seed, 0, "lhs", key);
    std::vector<int> strata(static_cast<std::size_t>(points));
    std::iota(strata.begin(), strata.end(), 0);
    for (int i = points - 1; i > 0; --i) std::swap(strata[i], strata[rng.Below(static_cast<std::uint64_t>(i) + 1)]);
    for (int i = 0; i < points; ++i) {
      const double u = (strata[i] + rng.Uniform01()) / points;
      const std::string value = WithUnit(lo->first + u * (hi->first - lo->first), lo->second);
      out[i].name += fmt::format("{}{}={}", out[i].name.back() == ':' ? " " : ",", key, value);
      out[i].assignments.push_back(SweepAssignment(key, value));
    }
  }
  return out;
}

namespace {

bool UnderAssignment(const std::string& path, const Assignment& a) {
  const std::string& k = a.key_path;
  return path == k ||
         (path.size() > k.size() && path.compare(0, k.size(), k) == 0 && (path[k.size()] == '.' || path[k.size()] == '['));
}

// The place in `document` of the node at `key_path`, or of the deepest node on its way there (a
// missing key is reported at its map, as the reader does); none when not even the first step is there.
std::optional<YAML::Mark> PlaceOf(const YAML::Node& document, const std::string& key_path) {
  std::optional<YAML::Mark> place;
  YAML::Node cur = document;
  for (const std::string& part : SplitKeyPath(key_path)) {
    const auto next = Child(cur, part);
    if (!next) break;
    cur.reset(*next);
    place = cur.Mark();
  }
  return place;
}

}  // namespace

void PlaceInDocument(Problems& problems, const YAML::Node& document, const std::vector<Assignment>& assignments) {
  for (Problem& p : problems) {
    if (std::any_of(assignments.begin(), assignments.end(), [&](const Assignment& a) { return UnderAssignment(p.path, a); }))
      continue;
    if (const auto place = PlaceOf(document, p.path); place && place->line >= 0) {
      p.line = place->line + 1;
      p.column = place->column + 1;
    }
  }
}

Scenario ReadEditedScenario(const YAML::Node& root, const std::string& scenario_file,
                            const std::vector<Assignment>& assignments, const YAML::Node* document) {
  try {
    return ReadScenarioNode(root, scenario_file);
  } catch (const ScenarioError& e) {
    Problems problems = e.problems();
    for (Problem& p : problems)
      for (const Assignment& a : assignments) {
        if (!UnderAssignment(p.path, a)) continue;
        p.message += fmt::format(" [value '{}' set by {}]", a.value_text, a.file);
        p.file = a.file;
        p.line = a.line;
        p.column = a.column;
      }
    if (document != nullptr) PlaceInDocument(problems, *document, assignments);
    throw ScenarioError(std::move(problems));
  }
}

}  // namespace iadsim
