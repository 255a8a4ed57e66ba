#pragma once
// Internal to `iadsim explain` (explain.cc, explain_strike.cc): typed access to the fields of one
// event of a run's events.jsonl. Not a public interface.
#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>

#include "iadsim/core/error.h"
#include "iadsim/io/run_reader.h"

namespace iadsim::explain_detail {

// Typed access to one event's fields: absent or null -> nullopt; present with the wrong type -> refused.
class Fields {
 public:
  Fields(const RunEvent& e, const RunData& run) : e_(e), run_(run) {}
  std::optional<std::string> Str(const char* k) const { return Get<std::string>(k, &J::is_string, "a string"); }
  std::optional<double> Num(const char* k) const { return Get<double>(k, &J::is_number, "a number"); }
  std::optional<bool> Bool(const char* k) const { return Get<bool>(k, &J::is_boolean, "true or false"); }
  std::optional<std::int64_t> Int(const char* k) const {
    return Get<std::int64_t>(k, &J::is_number_integer, "an integer");
  }
  // A string, or an integer written as one (e.g. friendly_track: a track number or a name).
  std::optional<std::string> Label(const char* k) const {
    const J& f = e_.fields;
    if (f.contains(k) && f[k].is_number_integer()) return std::to_string(f[k].get<std::int64_t>());
    return Get<std::string>(k, &J::is_string, "a string or an integer");
  }
  std::int64_t Id(const char* k) const {
    const auto v = Int(k);
    if (!v || *v <= 0) Refuse(fmt::format("{}: \"{}\" must be a positive integer id", e_.type, k));
    return *v;
  }
  [[noreturn]] void Refuse(const std::string& message) const {
    Problem p;
    p.path = "(run)";
    p.file = (run_.dir / "events.jsonl").string();
    p.line = e_.line;
    p.column = 1;
    p.message = message;
    throw ScenarioError({p});
  }
  const nlohmann::json& raw() const { return e_.fields; }

 private:
  using J = nlohmann::json;
  template <typename T>
  std::optional<T> Get(const char* k, bool (J::*is)() const noexcept, const char* what) const {
    const J& f = e_.fields;
    if (!f.contains(k) || f[k].is_null()) return std::nullopt;
    if (!(f[k].*is)()) Refuse(fmt::format("{}: \"{}\" must be {}", e_.type, k, what));
    return f[k].get<T>();
  }
  const RunEvent& e_;
  const RunData& run_;
};

}  // namespace iadsim::explain_detail
