#include "iadsim/io/event_sentence.h"

#include <fmt/format.h>

namespace iadsim {

std::string EventSentence(const RunEvent& ev) {
  const auto& f = ev.fields;
  auto str = [&](const char* k) { return f.contains(k) && f[k].is_string() ? f[k].get<std::string>() : std::string(); };
  auto num = [&](const char* k) { return f.contains(k) && f[k].is_number_integer() ? f[k].get<std::int64_t>() : -1; };
  if (ev.type == "identity_changed")
    return fmt::format("{}: track {} {} -> {} ({})", str("unit"), num("track"), str("from"), str("to"), str("evidence"));
  if (ev.type == "engagement_ordered")
    return fmt::format("{}: engagement {} ordered on track {} ({}, control {}), {} rounds", str("unit"),
                       num("engagement"), num("track"), str("identity"), str("control"), num("rounds"));
  if (ev.type == "engagement_revoked")
    return fmt::format("{}: engagement {} revoked ({}): track {} now {}", str("unit"), num("engagement"), str("action"),
                       num("track"), str("identity"));
  if (ev.type == "engagement_aborted")
    return fmt::format("{}: engagement {} aborted: {}", str("unit"), num("engagement"), str("reason"));
  if (ev.type == "missile_detonated") {
    std::string text = "detonated: " + str("reason");
    if (f.contains("miss_distance_m") && f["miss_distance_m"].is_number())
      text += fmt::format(", miss distance {:.1f} m", f["miss_distance_m"].get<double>());
    return text;
  }
  std::string text = ev.type;
  for (const auto& [key, value] : f.items()) {
    if (key == "t" || key == "type" || value.is_structured() || value.is_null()) continue;
    text += " " + key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
  }
  return text;
}

}  // namespace iadsim
