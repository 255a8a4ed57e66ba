#include "iadsim/io/acmi_writer.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "iadsim/core/error.h"
#include "iadsim/io/event_sentence.h"

namespace iadsim {
namespace {

constexpr std::uint32_t kGroundBase = 0x100000;

std::int64_t Ms(double t_s) { return std::llround(t_s * 1000.0); }

std::string FrameTime(std::int64_t ms) {
  std::string s = fmt::format("{}.{:03}", ms / 1000, ms % 1000);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string Hex(std::uint32_t id) { return fmt::format("{:x}", id); }

std::string Color(const std::string& affiliation) {
  if (affiliation == "hostile") return "Red";
  if (affiliation == "friendly" || affiliation == "defence") return "Blue";
  return "Green";
}

// Rounded to 0.1 deg, without a negative zero ("-0.0" for a level flight would be noise).
double Tenth(double deg) {
  const double r = std::round(deg * 10.0) / 10.0;
  return r == 0.0 ? 0.0 : r;
}

std::string T(const Geodetic& g, const Vec3& v_enu) {
  return fmt::format("T={:.7f}|{:.7f}|{:.1f}|0|{:.1f}|{:.1f}", g.lon_deg, g.lat_deg, g.alt_m, Tenth(PitchDeg(v_enu)),
                     std::fmod(Tenth(HeadingDeg(v_enu)), 360.0));
}

struct Frame {
  std::vector<std::string> defs, updates, events, removals;
};

struct Ground {
  std::uint32_t site = 0;
  std::map<std::string, std::uint32_t> launchers;
  std::map<std::string, Geodetic> launcher_at;
};

}  // namespace

std::string AcmiEscape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == ',') out += "\\,";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\\n";
    else if (c != '\r') out += c;
  }
  return out;
}

std::string AcmiText(const RunData& run, const Replay& replay, const Scenario& scenario) {
  std::map<std::int64_t, Frame> frames;
  Frame& zero = frames[0];
  std::uint32_t next = kGroundBase;
  std::map<std::string, Ground> units;
  for (const UnitSpec& u : scenario.units) {
    Ground& g = units[u.name];
    g.site = next++;
    const std::string common = fmt::format("Coalition={},Color=Blue", AcmiEscape(u.side));
    auto at = [](const Geodetic& p) { return fmt::format("T={:.7f}|{:.7f}|{:.1f}", p.lon_deg, p.lat_deg, p.alt_m); };
    if (!u.launchers.empty()) {
      zero.defs.push_back(fmt::format("{},{},Type=Ground+AntiAircraft,Name={},{},EngagementRange={:.0f},"
                                      "VerticalEngagementRange={:.0f}",
                                      Hex(g.site), at(u.position), AcmiEscape(u.name), common, u.envelope.max_range_m,
                                      u.envelope.max_alt_m));
    } else {
      zero.defs.push_back(fmt::format("{},{},Type=Ground+Static+Building,Name={},{}", Hex(g.site), at(u.position),
                                      AcmiEscape(u.name), common));
    }
    zero.defs.push_back(fmt::format("{},{},Type=Ground+Static+Building,Name={},{},RadarRange={:.0f}", Hex(next++),
                                    at(u.surveillance.position),
                                    AcmiEscape(u.name + " surveillance radar " + u.surveillance.name), common,
                                    u.surveillance.max_range_m));
    if (!u.launchers.empty()) {
      zero.defs.push_back(fmt::format("{},{},Type=Ground+Static+Building,Name={},{},RadarRange={:.0f}", Hex(next++),
                                      at(u.engagement_radar.position),
                                      AcmiEscape(u.name + " engagement radar " + u.engagement_radar.name), common,
                                      u.engagement_radar.max_range_m));
    }
    for (const LauncherSpec& l : u.launchers) {
      g.launchers[l.name] = next;
      g.launcher_at[l.name] = l.position;
      zero.defs.push_back(fmt::format("{},{},Type=Ground+AntiAircraft,Name={},{},EngagementRange={:.0f}", Hex(next++),
                                      at(l.position), AcmiEscape(u.name + "/" + l.name), common,
                                      u.envelope.max_range_m));
    }
  }
  for (const AssetSpec& a : scenario.assets)
    zero.defs.push_back(fmt::format("{},T={:.7f}|{:.7f}|{:.1f},Type=Ground+Static+Building,Name={}", Hex(next++),
                                    a.position.lon_deg, a.position.lat_deg, a.position.alt_m, AcmiEscape(a.name)));

  // Lifetimes [def, removal] in ms; removal is the last line of its frame.
  std::set<std::int64_t> truth_times;
  for (const TruthRow& t : run.truth) truth_times.insert(Ms(t.t_s));
  struct Life {
    std::int64_t def = 0;
    std::optional<std::int64_t> removal;
  };
  std::map<std::uint32_t, Life> life;
  for (const auto& [id, e] : replay.entities) {
    if (!(id > 0 && id < kGroundBase))
      throw ScenarioError({Problem{"(run)",
                                   fmt::format("entity {} is beyond the object ids of an ACMI replay (1 to {})", id,
                                               kGroundBase - 1),
                                   (run.dir / "truth.csv").string(), 0, 0}});
    Life l;
    l.def = e.kind == "missile" ? Ms(e.launch_s) : (e.samples.empty() ? 0 : Ms(run.truth[e.samples.front()].t_s));
    if (e.destroyed_s) l.removal = Ms(*e.destroyed_s);
    else if (e.detonated_s) l.removal = Ms(*e.detonated_s);
    else if (!e.samples.empty()) {
      const auto after = truth_times.upper_bound(Ms(run.truth[e.samples.back()].t_s));
      if (after != truth_times.end()) l.removal = *after;
    }
    life[id] = l;
  }
  auto live = [&](std::int64_t id, std::int64_t ms) {
    const auto it = life.find(static_cast<std::uint32_t>(id));
    return id > 0 && it != life.end() && it->second.def <= ms && (!it->second.removal || ms <= *it->second.removal);
  };

  for (const auto& [id, e] : replay.entities) {
    if (e.kind != "missile" && e.samples.empty()) continue;
    const Life& l = life[id];
    std::string props = fmt::format("Name={},Coalition={},Color={}", AcmiEscape(e.name), AcmiEscape(e.side),
                                    Color(e.affiliation));
    if (e.kind == "missile") {
      Geodetic at = e.samples.empty() ? Geodetic{} : run.truth[e.samples.front()].geo;
      std::string parent;
      if (const auto u = units.find(e.unit); u != units.end()) {
        if (const auto lid = u->second.launchers.find(e.launcher); lid != u->second.launchers.end()) {
          parent = ",Parent=" + Hex(lid->second);
          at = u->second.launcher_at[e.launcher];
        }
      }
      if (live(e.target, l.def)) parent += ",LockedTarget=" + Hex(static_cast<std::uint32_t>(e.target));
      frames[l.def].defs.push_back(fmt::format("{},T={:.7f}|{:.7f}|{:.1f}|0|0|0,Type=Weapon+Missile,{}{}", Hex(id),
                                               at.lon_deg, at.lat_deg, at.alt_m, props, parent));
    }
    bool first = e.kind != "missile";
    for (std::size_t i : e.samples) {
      const TruthRow& t = run.truth[i];
      const std::int64_t ms = Ms(t.t_s);
      if (ms < l.def || (l.removal && ms > *l.removal)) continue;
      if (first) {
        frames[ms].defs.push_back(
            fmt::format("{},{},Type=Air+FixedWing,{}", Hex(id), T(t.geo, t.v_enu), props));
        first = false;
      } else {
        frames[ms].updates.push_back(fmt::format("{},{}", Hex(id), T(t.geo, t.v_enu)));
      }
    }
    if (l.removal) frames[*l.removal].removals.push_back(fmt::format("-{:x}", id));
  }

  auto site_of = [&](const std::string& unit) -> std::int64_t {
    const auto u = units.find(unit);
    return u == units.end() ? -1 : std::int64_t{u->second.site};
  };
  auto message = [&](std::int64_t ms, std::int64_t about, const std::string& text) {
    if (about < 0) return;
    frames[ms].events.push_back(
        fmt::format("0,Event=Message|{}|{}", Hex(static_cast<std::uint32_t>(about)), AcmiEscape(text)));
  };
  for (const RunEvent& ev : run.events) {
    const std::int64_t ms = Ms(ev.t_s);
    const auto& f = ev.fields;
    auto str = [&](const char* k) { return f.contains(k) && f[k].is_string() ? f[k].get<std::string>() : std::string(); };
    auto num = [&](const char* k) { return f.contains(k) && f[k].is_number_integer() ? f[k].get<std::int64_t>() : -1; };
    if (ev.type == "identity_changed" || ev.type == "engagement_ordered") {
      const std::int64_t about = live(num("truth_entity"), ms) ? num("truth_entity") : site_of(str("unit"));
      message(ms, about, EventSentence(ev));
    } else if (ev.type == "engagement_aborted" || ev.type == "engagement_revoked") {
      message(ms, site_of(str("unit")), EventSentence(ev));
    } else if (ev.type == "missile_detonated" && live(num("missile"), ms)) {
      message(ms, num("missile"), EventSentence(ev));
    } else if (ev.type == "entity_destroyed" && live(num("entity"), ms)) {
      frames[ms].events.push_back(fmt::format("0,Event=Destroyed|{}|", Hex(static_cast<std::uint32_t>(num("entity")))));
    }
  }

  std::string out = "FileType=text/acmi/tacview\nFileVersion=2.2\n";
  out += fmt::format("0,ReferenceTime={}\n", replay.start_utc);
  out += fmt::format("0,Title={}\n", AcmiEscape(replay.scenario));
  out += "0,DataSource=iadsim\n";
  const auto& s = run.summary;
  out += fmt::format("0,Comments={}\n",
                     AcmiEscape(fmt::format("seed {} replication {}", s.value("seed", std::uint64_t{0}),
                                            s.value("replication", std::uint64_t{0}))));
  for (const auto& [ms, fr] : frames) {
    if (fr.defs.empty() && fr.updates.empty() && fr.events.empty() && fr.removals.empty()) continue;
    out += fmt::format("#{}\n", FrameTime(ms));
    for (const auto* list : {&fr.defs, &fr.updates, &fr.events, &fr.removals})
      for (const std::string& line : *list) out += line + "\n";
  }
  return out;
}

std::filesystem::path WriteAcmiReplay(const std::filesystem::path& run_dir, const Scenario& scenario) {
  const RunData run = ReadRunDirectory(run_dir);
  const Replay replay = BuildReplay(run, scenario);
  const auto path = run_dir / "replay.txt.acmi";
  WriteFileAtomically(path, AcmiText(run, replay, scenario));
  return path;
}

}  // namespace iadsim
