#pragma once
// Reading YAML with every problem reported at its place: `file:line:col: key.path: message`.
// A MapReader reads one mapping: each key read is marked used, and Finish() reports every key that
// was not (unknown keys are errors: a typo is never silently ignored), and duplicate keys. Values
// with units go through ParseQuantity (quantity.h); a bare number is refused where a unit is due.
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/io/quantity.h"

namespace iadsim {

struct YamlSource {
  std::string file;
  Problems* problems = nullptr;
  void Report(const YAML::Mark& mark, const std::string& path, const std::string& message) const;
};

// "got ..." text for a node, for messages.
std::string Describe(const YAML::Node& node);

class MapReader final {
 public:
  // Reports "must be a mapping" when node is not one (then every read finds nothing).
  MapReader(const YamlSource& source, const YAML::Node& node, std::string path);
  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }
  std::string PathOf(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  YAML::Mark MarkOf(const std::string& key) const;  // the key's mark, or the map's when absent
  bool Has(const std::string& key) const;
  std::vector<std::string> Keys() const { return order_; }

  // The raw node (marks the key used). Reports a missing required key.
  std::optional<YAML::Node> Node(const std::string& key, bool required);
  std::optional<double> Quantity(const std::string& key, Dimension dim, bool required);
  double Quantity(const std::string& key, Dimension dim, double fallback);
  std::optional<std::string> String(const std::string& key, bool required);
  std::optional<long> Integer(const std::string& key, bool required, long min, long max);
  std::optional<bool> Bool(const std::string& key, bool required);
  std::vector<std::string> StringList(const std::string& key, bool required);
  // Reports a problem against a key (or the map when the key is absent).
  void Report(const std::string& key, const std::string& message) const;
  // Reports a config's Validate() problems, whose paths are keys of this map.
  void ReportAll(const Problems& problems) const;
  void Finish();  // unknown keys

  const YamlSource& source() const { return source_; }

 private:
  std::optional<std::string> Scalar(const std::string& key, bool required, const char* what);
  YamlSource source_;
  YAML::Node node_;
  std::string path_;
  bool ok_ = false;
  std::vector<std::string> order_;
  std::map<std::string, YAML::Node> values_;
  std::map<std::string, YAML::Mark> key_marks_;
  std::map<std::string, bool> used_;
};

}  // namespace iadsim
