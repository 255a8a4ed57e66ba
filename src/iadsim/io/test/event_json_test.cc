// EventJson writes the bytes nlohmann::ordered_json's dump() gives for the same object (the form
// events.jsonl has always had). Checked against dump() itself, on hand-picked values where number
// and string forms change (exponent thresholds, -0, subnormals, the largest doubles, non-finite
// values; quotes, control characters, UTF-8) and on 20,000 random events; and every line is read
// back by nlohmann's parser with the values written.
#include "iadsim/io/event_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace iadsim {
namespace {

using Json = nlohmann::ordered_json;

// The reference: the object built as a json tree and dumped.
std::string Reference(const Event& e) {
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

TEST(EventJson, HandPickedValuesAsDumpWritesThem) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> numbers = {0.0, -0.0, 1.0, -1.5, 0.1, 1e-4, 1e-5, 9.999e-5, 123456789012345.0,
                                       1e15, 1e16, 1.2345678901234567e16, 1e21, 1e22, 1e100, 5e-324,
                                       2.2250738585072014e-308, std::numeric_limits<double>::max(),
                                       -std::numeric_limits<double>::max(), 2247.583843, 1.0 / 3.0, 2.0 / 3.0,
                                       std::nan(""), inf, -inf};
  for (const double x : numbers) {
    Event e{SimTime::Seconds(12.5), "n", {}};
    e.With("x", x);
    EXPECT_EQ(EventJson(e), Reference(e)) << x;
  }
  const std::vector<std::string> strings = {"", "plain", "with \"quotes\"", "back\\slash", "tab\there",
                                            "new\nline", std::string("nul\0in", 6), "\x01\x1f\x7f",
                                            "Il-20 \xc3\xa9t\xc3\xa9", "\xe2\x80\x94 dash", "/slash/"};
  for (const std::string& s : strings) {
    Event e{SimTime::Seconds(1.0), s, {}};
    e.With(s, s);
    e.With("k", EventRecords{{{{s, EventScalar{s}}}}});
    EXPECT_EQ(EventJson(e), Reference(e)) << s;
  }
  // Integers at their limits, booleans, empty records and items.
  Event e{SimTime::Seconds(0.0), "limits", {}};
  e.With("min", std::numeric_limits<std::int64_t>::min()).With("max", std::numeric_limits<std::int64_t>::max());
  e.With("yes", true).With("no", false).With("none", EventRecords{}).With("empty", EventRecords{{{}}});
  EXPECT_EQ(EventJson(e), Reference(e));
  // A key written twice (and the reserved t and type): its first place, its last value.
  Event d{SimTime::Seconds(3.0), "dup", {}};
  d.With("a", std::int64_t{1}).With("b", 2.0).With("a", std::string("x")).With("t", true).With("type", 5.0);
  d.With("r", EventRecords{{{{"p", EventScalar{1.0}}, {"p", EventScalar{2.0}}}}});
  EXPECT_EQ(EventJson(d), Reference(d));
  EXPECT_EQ(EventJson(d), R"({"t":true,"type":5.0,"a":"x","b":2.0,"r":[{"p":2.0}]})");
  // Invalid UTF-8 is refused as dump() refuses it.
  Event bad{SimTime::Seconds(0.0), "bad\xff", {}};
  EXPECT_THROW(Reference(bad), nlohmann::json::type_error);
  EXPECT_THROW(EventJson(bad), nlohmann::json::type_error);
}

TEST(EventJson, RandomEventsAsDumpWritesThemAndParseBack) {
  std::mt19937_64 rng(20261127);
  std::uniform_int_distribution<int> kind(0, 4), count(0, 12), len(0, 12);
  std::uniform_int_distribution<std::uint64_t> bits;
  const std::string alphabet = "abcXYZ_-.:# 019\"\\\n\t\x01\xc3\xa9/";
  const auto text = [&] {
    std::string s;
    for (int n = len(rng); n > 0; --n) {
      const char c = alphabet[bits(rng) % alphabet.size()];
      if (c == '\xc3') s += "\xc3\xa9";  // keep UTF-8 valid
      else if (c != '\xa9') s += c;
    }
    return s;
  };
  const auto number = [&] {
    switch (bits(rng) % 4) {
      case 0: {  // any bit pattern: subnormals, huge, NaN, inf
        const std::uint64_t b = bits(rng);
        double x;
        std::memcpy(&x, &b, sizeof x);
        return x;
      }
      case 1: return std::ldexp(static_cast<double>(bits(rng) % 2000001) - 1e6, static_cast<int>(bits(rng) % 120) - 60);
      case 2: return std::round(static_cast<double>(bits(rng) % 100000000)) / 1e6;  // like event times
      default: return static_cast<double>(static_cast<std::int64_t>(bits(rng) % 20000) - 10000);
    }
  };
  const auto scalar = [&]() -> EventScalar {
    switch (kind(rng) % 4) {
      case 0: return static_cast<std::int64_t>(bits(rng));
      case 1: return number();
      case 2: return text();
      default: return bits(rng) % 2 == 0;
    }
  };
  int parsed = 0;
  for (int n = 0; n < 20000; ++n) {
    Event e{SimTime::Seconds(static_cast<double>(bits(rng) % 100000000) / 1e6), text(), {}};
    for (int f = count(rng); f > 0; --f) {
      const std::string key = bits(rng) % 8 == 0 ? std::string("k") : text();  // repeats now and then
      if (kind(rng) == 4) {
        EventRecords r;
        for (int i = count(rng) / 3; i > 0; --i) {
          auto& item = r.items.emplace_back();
          for (int j = count(rng) / 3; j > 0; --j) item.emplace_back(text(), scalar());
        }
        e.With(key, std::move(r));
      } else {
        std::visit([&](auto&& x) { e.With(key, EventValue{x}); }, scalar());
      }
    }
    const std::string line = EventJson(e);
    ASSERT_EQ(line, Reference(e)) << "event " << n;
    // An independent read: nlohmann's parser gives back the type and the time written.
    const Json back = Json::parse(line);
    ASSERT_EQ(back.at("t").get<double>(), e.time.seconds());
    if (back.at("type").is_string()) ++parsed;
  }
  EXPECT_GT(parsed, 19000);
}

}  // namespace
}  // namespace iadsim
