#include "iadsim/io/event_json.h"

#include <array>
#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace iadsim {
namespace {

using Json = nlohmann::ordered_json;

// The bytes dump() writes as they are: printable ASCII but for the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7f; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

void AppendString(std::string_view s, std::string& out) {
  for (const unsigned char c : s)
    if (!kPlain[c]) {
      out += Json(std::string(s)).dump();  // escapes, and checks UTF-8 (throws as dump() does)
      return;
    }
  const std::size_t n = out.size();
  out.resize(n + s.size() + 2);
  out[n] = '"';
  s.copy(out.data() + n + 1, s.size());
  out.back() = '"';
}

void AppendValue(std::int64_t v, std::string& out) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}
void AppendValue(double v, std::string& out) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[64];
  out.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, v));  // what dump() calls
}
void AppendValue(const std::string& v, std::string& out) { AppendString(v, out); }
void AppendValue(bool v, std::string& out) { out += v ? "true" : "false"; }
// An object's members as dump() orders them: a key written again keeps its first place and takes
// the later value (ordered_json's operator[]).
template <class Value>
using Members = std::vector<std::pair<std::string_view, const Value*>>;

template <class Value>
void Add(Members<Value>& m, std::string_view key, const Value& v) {
  for (auto& [k, p] : m)
    if (k == key) {
      p = &v;
      return;
    }
  m.emplace_back(key, &v);
}

template <class Value>
void AppendObject(const Members<Value>& m, std::string& out);

void AppendValue(const EventRecords& r, std::string& out) {
  out += '[';
  Members<EventScalar> m;
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    if (i > 0) out += ',';
    m.clear();
    for (const auto& [k, v] : r.items[i]) Add(m, k, v);
    AppendObject(m, out);
  }
  out += ']';
}

template <class Value>
void AppendObject(const Members<Value>& m, std::string& out) {
  out += '{';
  for (std::size_t f = 0; f < m.size(); ++f) {
    if (f > 0) out += ',';
    AppendString(m[f].first, out);
    out += ':';
    std::visit([&](const auto& x) { AppendValue(x, out); }, *m[f].second);
  }
  out += '}';
}

}  // namespace

std::string EventJson(const Event& e) {
  const EventValue t = e.time.seconds(), type = e.type;
  Members<EventValue> m;
  m.reserve(e.fields.size() + 2);
  m.emplace_back("t", &t);
  m.emplace_back("type", &type);
  for (const auto& [k, v] : e.fields) Add(m, k, v);
  std::string out;
  out.reserve(256);
  AppendObject(m, out);
  return out;
}

}  // namespace iadsim
