#include "iadsim/io/event_json.h"

#include <array>
#include <charconv>
#include <cmath>
#include <string_view>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace iadsim {
namespace {

using Json = nlohmann::ordered_json;

// Through the json tree: the form the fast path must equal, used when a key repeats.
std::string ByTree(const Event& e) {
  Json j;
  j["t"] = e.time.seconds();
  j["type"] = e.type;
  for (const auto& [k, v] : e.fields)
    std::visit(
        [&](const auto& x) {
          if constexpr (std::is_same_v<std::decay_t<decltype(x)>, EventRecords>) {
            Json list = Json::array();
            for (const auto& item : x.items) {
              Json o = Json::object();
              for (const auto& [ik, iv] : item) std::visit([&](const auto& y) { o[ik] = y; }, iv);
              list.push_back(std::move(o));
            }
            j[k] = std::move(list);
          } else {
            j[k] = x;
          }
        },
        v);
  return j.dump();
}

template <class Pairs>
bool KeysDistinct(const Pairs& pairs, std::initializer_list<std::string_view> taken) {
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::string_view k = pairs[i].first;
    for (const std::string_view t : taken)
      if (k == t) return false;
    for (std::size_t j = 0; j < i; ++j)
      if (k == pairs[j].first) return false;
  }
  return true;
}

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
void AppendValue(const EventRecords& r, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    if (i > 0) out += ',';
    out += '{';
    for (std::size_t f = 0; f < r.items[i].size(); ++f) {
      if (f > 0) out += ',';
      AppendString(r.items[i][f].first, out);
      out += ':';
      std::visit([&](const auto& y) { AppendValue(y, out); }, r.items[i][f].second);
    }
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string EventJson(const Event& e) {
  bool distinct = KeysDistinct(e.fields, {"t", "type"});
  for (const auto& [k, v] : e.fields)
    if (const auto* r = std::get_if<EventRecords>(&v))
      for (const auto& item : r->items) distinct = distinct && KeysDistinct(item, {});
  if (!distinct) return ByTree(e);
  std::string out;
  out.reserve(256);
  out += "{\"t\":";
  AppendValue(e.time.seconds(), out);
  out += ",\"type\":";
  AppendString(e.type, out);
  for (const auto& [k, v] : e.fields) {
    out += ',';
    AppendString(k, out);
    out += ':';
    std::visit([&](const auto& x) { AppendValue(x, out); }, v);
  }
  out += '}';
  return out;
}

}  // namespace iadsim
