#include "iadsim/io/yaml_reader.h"

#include <fmt/format.h>

#include <cmath>

namespace iadsim {

void YamlSource::Report(const YAML::Mark& mark, const std::string& path, const std::string& message) const {
  Problem p{path, message, file, mark.line >= 0 ? mark.line + 1 : 1, mark.column >= 0 ? mark.column + 1 : 1};
  problems->push_back(std::move(p));
}

std::string Describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    default: return "an undefined value";
  }
}

MapReader::MapReader(const YamlSource& source, const YAML::Node& node, std::string path)
    : source_(source), node_(node), path_(std::move(path)) {
  if (!node.IsMap()) {
    source_.Report(node.Mark(), path_.empty() ? "(top level)" : path_, "must be a mapping (got " + Describe(node) + ")");
    return;
  }
  ok_ = true;
  for (const auto& kv : node) {
    const std::string key = kv.first.as<std::string>();
    if (values_.count(key)) {
      source_.Report(kv.first.Mark(), PathOf(key), "duplicate key");
      continue;
    }
    order_.push_back(key);
    values_[key] = kv.second;
    key_marks_[key] = kv.first.Mark();
    used_[key] = false;
  }
}

YAML::Mark MapReader::MarkOf(const std::string& key) const {
  const auto it = key_marks_.find(key);
  return it != key_marks_.end() ? it->second : node_.Mark();
}

bool MapReader::Has(const std::string& key) const { return values_.count(key) > 0; }

void MapReader::Report(const std::string& key, const std::string& message) const {
  source_.Report(MarkOf(key), PathOf(key), message);
}

void MapReader::ReportAll(const Problems& problems) const {
  for (const Problem& p : problems) {
    const std::string key = p.path.substr(0, p.path.find_first_of(".["));
    source_.Report(MarkOf(key), PathOf(p.path), p.message);
  }
}

std::optional<YAML::Node> MapReader::Node(const std::string& key, bool required) {
  const auto it = values_.find(key);
  if (it == values_.end()) {
    if (required && ok_) source_.Report(node_.Mark(), PathOf(key), "is required but missing");
    return std::nullopt;
  }
  used_[key] = true;
  return it->second;
}

std::optional<std::string> MapReader::Scalar(const std::string& key, bool required, const char* what) {
  const auto n = Node(key, required);
  if (!n) return std::nullopt;
  if (!n->IsScalar()) {
    Report(key, fmt::format("must be {} (got {})", what, Describe(*n)));
    return std::nullopt;
  }
  return n->Scalar();
}

std::optional<double> MapReader::Quantity(const std::string& key, Dimension dim, bool required) {
  const auto s = Scalar(key, required, "a single value");
  if (!s) return std::nullopt;
  auto parsed = ParseQuantity(*s, dim);
  if (auto* err = std::get_if<std::string>(&parsed)) {
    Report(key, *err);
    return std::nullopt;
  }
  return std::get<double>(parsed);
}

double MapReader::Quantity(const std::string& key, Dimension dim, double fallback) {
  return Quantity(key, dim, false).value_or(fallback);
}

std::optional<std::string> MapReader::String(const std::string& key, bool required) {
  auto s = Scalar(key, required, "a text");
  if (s && s->empty()) {
    Report(key, "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<long> MapReader::Integer(const std::string& key, bool required, long min, long max) {
  const auto s = Scalar(key, required, "a whole number");
  if (!s) return std::nullopt;
  std::size_t used = 0;
  long v = 0;
  try {
    v = std::stol(*s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != s->size()) {
    Report(key, fmt::format("must be a whole number (got '{}')", *s));
    return std::nullopt;
  }
  if (v < min || v > max) {
    Report(key, fmt::format("must be in [{}, {}] (got {})", min, max, v));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> MapReader::Bool(const std::string& key, bool required) {
  const auto s = Scalar(key, required, "true or false");
  if (!s) return std::nullopt;
  if (*s == "true") return true;
  if (*s == "false") return false;
  Report(key, fmt::format("must be true or false (got '{}')", *s));
  return std::nullopt;
}

std::vector<std::string> MapReader::StringList(const std::string& key, bool required) {
  std::vector<std::string> out;
  const auto n = Node(key, required);
  if (!n) return out;
  if (!n->IsSequence()) {
    Report(key, fmt::format("must be a list (got {})", Describe(*n)));
    return out;
  }
  for (std::size_t i = 0; i < n->size(); ++i) {
    const YAML::Node item = (*n)[i];
    if (!item.IsScalar() || item.Scalar().empty()) {
      source_.Report(item.Mark(), fmt::format("{}[{}]", PathOf(key), i), "must be a text (got " + Describe(item) + ")");
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

void MapReader::Finish() {
  for (const std::string& key : order_)
    if (!used_[key]) source_.Report(key_marks_[key], PathOf(key), "unknown key");
}

}  // namespace iadsim
