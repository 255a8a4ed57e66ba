#include "iadsim/io/czml_writer.h"

#include <fmt/format.h>

#include <map>

namespace iadsim {
namespace {

using Json = nlohmann::ordered_json;

Json Rgba(std::array<int, 4> c) { return Json{{"rgba", {c[0], c[1], c[2], c[3]}}}; }

std::array<int, 4> AffiliationRgba(const std::string& a) {
  if (a == "hostile") return {255, 0, 0, 255};
  if (a == "friendly") return {0, 102, 255, 255};
  if (a == "defence") return {255, 255, 255, 255};
  return {0, 200, 0, 255};
}

Json Label(const std::string& text, std::array<int, 4> c) {
  return Json{{"text", text},
              {"font", "12px sans-serif"},
              {"fillColor", Rgba(c)},
              {"horizontalOrigin", "LEFT"},
              {"pixelOffset", {{"cartesian2", {10, 0}}}}};
}

Json StaticPosition(const Geodetic& g) { return Json{{"cartographicDegrees", {g.lon_deg, g.lat_deg, g.alt_m}}}; }

Json Ellipse(double radius_m, std::array<int, 4> fill, std::array<int, 4> outline) {
  return Json{{"semiMajorAxis", radius_m},
              {"semiMinorAxis", radius_m},
              {"material", {{"solidColor", {{"color", Rgba(fill)}}}}},
              {"outline", true},
              {"outlineColor", Rgba(outline)}};
}

}  // namespace

std::array<int, 4> IdentityRgba(const std::string& id) {
  if (id == "pending") return {255, 255, 255, 255};
  if (id == "unknown") return {255, 255, 0, 255};
  if (id == "friend" || id == "assumed-friend") return {0, 255, 255, 255};
  if (id == "neutral") return {0, 200, 0, 255};
  if (id == "suspect") return {255, 165, 0, 255};
  if (id == "hostile") return {255, 0, 0, 255};
  return {128, 128, 128, 255};
}

std::string CzmlText(const RunData& run, const Replay& replay, const Scenario& scenario) {
  const std::string& t0 = replay.start_utc;
  auto iso = [&](double t) { return IsoTimePlus(t0, t); };
  Json doc = Json::array();
  doc.push_back(Json{{"id", "document"},
                     {"name", replay.scenario},
                     {"version", "1.0"},
                     {"clock",
                      {{"interval", iso(0) + "/" + iso(replay.duration_s)},
                       {"currentTime", iso(0)},
                       {"multiplier", 10},
                       {"range", "LOOP_STOP"},
                       {"step", "SYSTEM_CLOCK_MULTIPLIER"}}}});
  const std::string whole = iso(0) + "/" + iso(replay.duration_s);

  for (const auto& [id, e] : replay.entities) {
    if (e.samples.empty()) continue;
    const bool missile = e.kind == "missile";
    double first = run.truth[e.samples.front()].t_s, last = run.truth[e.samples.back()].t_s;
    if (missile) first = std::min(first, e.launch_s);
    if (e.detonated_s) last = std::max(last, *e.detonated_s);
    if (e.destroyed_s) last = std::max(last, *e.destroyed_s);
    Json samples = Json::array();
    double prev = -1.0;
    for (std::size_t i : e.samples) {
      const TruthRow& t = run.truth[i];
      if (t.t_s <= prev) continue;
      prev = t.t_s;
      for (double v : {t.t_s, t.geo.lon_deg, t.geo.lat_deg, t.geo.alt_m}) samples.push_back(v);
    }
    const auto c = AffiliationRgba(e.affiliation);
    Json p{{"id", fmt::format("entity-{}", id)},
           {"name", e.name},
           {"description", fmt::format("{} {} ({}, side {})", e.kind, e.type, e.affiliation, e.side)},
           {"availability", iso(first) + "/" + iso(last)},
           {"position", {{"epoch", iso(0)}, {"cartographicDegrees", samples}}},
           {"point", {{"pixelSize", missile ? 5 : 8}, {"color", Rgba(c)}}},
           {"label", Label(e.name, c)},
           {"path",
            {{"leadTime", 0},
             {"trailTime", missile ? 30 : 120},
             {"width", missile ? 1 : 2},
             {"resolution", 1},
             {"material", {{"solidColor", {{"color", Rgba({c[0], c[1], c[2], 160})}}}}}}}};
    doc.push_back(p);
  }

  for (const UnitSpec& u : scenario.units) {
    doc.push_back(Json{{"id", "radar-" + u.name},
                       {"name", u.name + " surveillance radar " + u.surveillance.name},
                       {"availability", whole},
                       {"position", StaticPosition(u.surveillance.position)},
                       {"point", {{"pixelSize", 6}, {"color", Rgba({0, 102, 255, 255})}}},
                       {"label", Label(u.name, {0, 102, 255, 255})},
                       {"ellipse", Ellipse(u.surveillance.max_range_m, {0, 102, 255, 30}, {0, 102, 255, 160})}});
    if (u.launchers.empty()) continue;
    doc.push_back(Json{{"id", "engagement-radar-" + u.name},
                       {"name", u.name + " engagement radar " + u.engagement_radar.name},
                       {"availability", whole},
                       {"position", StaticPosition(u.engagement_radar.position)},
                       {"ellipse", Ellipse(u.engagement_radar.max_range_m, {0, 102, 255, 20}, {0, 102, 255, 120})}});
    Json env = Ellipse(u.envelope.max_range_m, {255, 0, 0, 30}, {255, 0, 0, 160});
    env["height"] = u.envelope.min_alt_m;
    env["extrudedHeight"] = u.envelope.max_alt_m;
    doc.push_back(Json{{"id", "envelope-" + u.name},
                       {"name", u.name + " engagement envelope"},
                       {"description", fmt::format("{:.0f}-{:.0f} km, {:.0f}-{:.0f} m altitude", u.envelope.min_range_m / 1e3,
                                                   u.envelope.max_range_m / 1e3, u.envelope.min_alt_m, u.envelope.max_alt_m)},
                       {"availability", whole},
                       {"position", StaticPosition(u.position)},
                       {"ellipse", env}});
  }
  for (const AssetSpec& a : scenario.assets)
    doc.push_back(Json{{"id", "asset-" + a.name},
                       {"name", a.name},
                       {"availability", whole},
                       {"position", StaticPosition(a.position)},
                       {"point", {{"pixelSize", 10}, {"color", Rgba({255, 255, 255, 255})}}},
                       {"label", Label(a.name, {255, 255, 255, 255})}});

  std::map<std::pair<std::string, std::uint32_t>, std::vector<const TrackRow*>> tracks;
  for (const TrackRow& t : run.tracks) tracks[{t.unit, t.track}].push_back(&t);
  for (const auto& [key, rows] : tracks) {
    Json samples = Json::array(), colors = Json::array();
    double prev = -1.0;
    std::vector<const TrackRow*> kept;
    for (const TrackRow* t : rows) {
      if (t->t_s <= prev) continue;
      prev = t->t_s;
      kept.push_back(t);
      for (double v : {t->t_s, t->geo.lon_deg, t->geo.lat_deg, t->geo.alt_m}) samples.push_back(v);
    }
    const double end = kept.back()->t_s;
    for (std::size_t i = 0; i < kept.size();) {
      std::size_t j = i;
      while (j < kept.size() && kept[j]->identity == kept[i]->identity) ++j;
      const double to = j < kept.size() ? kept[j]->t_s : end;
      Json c = Rgba(IdentityRgba(kept[i]->identity));
      c["interval"] = iso(kept[i]->t_s) + "/" + iso(to);
      colors.push_back(c);
      i = j;
    }
    const std::string name = fmt::format("{} track {}", key.first, key.second);
    doc.push_back(Json{{"id", fmt::format("track-{}-{}", key.first, key.second)},
                       {"name", name},
                       {"description", "last identity: " + kept.back()->identity},
                       {"availability", iso(kept.front()->t_s) + "/" + iso(end)},
                       {"position", {{"epoch", iso(0)}, {"cartographicDegrees", samples}}},
                       {"point", {{"pixelSize", 7}, {"outlineWidth", 1}, {"color", colors}}}});
  }
  return doc.dump(1) + "\n";
}

std::filesystem::path WriteCzmlReplay(const std::filesystem::path& run_dir, const Scenario& scenario) {
  const RunData run = ReadRunDirectory(run_dir);
  const Replay replay = BuildReplay(run, scenario);
  const auto path = run_dir / "replay.czml";
  WriteFileAtomically(path, CzmlText(run, replay, scenario));
  return path;
}

}  // namespace iadsim
