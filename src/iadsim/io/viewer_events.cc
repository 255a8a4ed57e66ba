#include "iadsim/io/viewer_events.h"

#include <fmt/format.h>

#include <set>

#include "iadsim/io/event_sentence.h"

namespace iadsim {

nlohmann::ordered_json ViewerEvents(const RunData& run, const Replay& replay) {
  std::set<std::pair<std::string, std::int64_t>> tracks;
  for (const TrackRow& t : run.tracks) tracks.emplace(t.unit, t.track);
  auto name_of = [&](std::int64_t id) {
    const auto e = id < 0 ? replay.entities.end() : replay.entities.find(static_cast<std::uint32_t>(id));
    return e == replay.entities.end() ? fmt::format("#{}", id) : e->second.name;
  };
  auto entity_of = [&](std::int64_t id) -> nlohmann::ordered_json {
    if (id < 0 || !replay.entities.contains(static_cast<std::uint32_t>(id))) return nullptr;
    return fmt::format("entity-{}", id);
  };

  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const RunEvent& ev : run.events) {
    const auto& f = ev.fields;
    auto str = [&](const char* k) { return f.contains(k) && f[k].is_string() ? f[k].get<std::string>() : std::string(); };
    auto num = [&](const char* k) { return f.contains(k) && f[k].is_number_integer() ? f[k].get<std::int64_t>() : -1; };
    std::string text = EventSentence(ev);
    nlohmann::ordered_json entity = nullptr;
    if (ev.type == "track_confirmed" || ev.type == "track_dropped") {
      text = fmt::format("{}: track {} {}", str("unit"), num("track"),
                         ev.type == "track_confirmed" ? "confirmed" : "dropped");
    } else if (ev.type == "missile_launched") {
      text = fmt::format("{}: {} launched from {} on track {} (engagement {})", str("unit"), str("missile_name"),
                         str("launcher"), num("track"), num("engagement"));
      entity = entity_of(num("missile"));
    } else if (ev.type == "missile_detonated") {
      text = name_of(num("missile")) + " " + text;
      entity = entity_of(num("missile"));
    } else if (ev.type == "entity_destroyed") {
      text = fmt::format("{} ({}) destroyed", str("name"), str("affiliation"));
      if (num("by_missile") >= 0) text += " by " + name_of(num("by_missile"));
      entity = entity_of(num("entity"));
    } else if (ev.type == "report_correlated") {
      text = fmt::format("{}: track {} correlated with the {} report of {} (network {})", str("unit"), num("track"),
                         str("source"), str("callsign"), str("network"));
    } else if (ev.type == "engagement_ended") {
      text = fmt::format("{}: engagement {} ended", str("unit"), num("engagement"));
    } else if (ev.type == "run_finished") {
      text = "run finished";
    }
    if (entity.is_null() && !str("unit").empty() && tracks.contains({str("unit"), num("track")}))
      entity = fmt::format("track-{}-{}", str("unit"), num("track"));
    if (entity.is_null()) entity = entity_of(num("truth_entity"));
    out.push_back({{"t", ev.t_s},
                   {"time", IsoTimePlus(replay.start_utc, ev.t_s)},
                   {"type", ev.type},
                   {"text", text},
                   {"entity", entity}});
  }
  return out;
}

}  // namespace iadsim
