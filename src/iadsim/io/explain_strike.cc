#include "iadsim/io/explain_strike.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "iadsim/io/explain_fields.h"

namespace iadsim {
namespace {

using explain_detail::Fields;

std::string At(double t_s) { return fmt::format("t={:.1f} s", t_s); }

std::string Db(const std::optional<double>& v) {
  if (!v || *v < -900.0) return "no jamming";
  return fmt::format("{:+.1f} dB", *v);
}

}  // namespace

StrikeStory ExplainStrike(const RunData& run) {
  StrikeStory s;
  std::map<std::int64_t, std::size_t> weapon_of;  // munition entity id -> index in s.weapons
  std::map<std::int64_t, std::string> missile_names, entity_names;
  for (const TruthRow& t : run.truth) entity_names.emplace(t.entity, t.name);
  for (const RunEvent& e : run.events) {
    const Fields f(e, run);
    const std::string& ty = e.type;
    const std::string who = f.Str("aircraft").value_or("?");
    if (ty == "missile_launched") {
      if (const auto m = f.Int("missile")) missile_names[*m] = f.Str("missile_name").value_or(fmt::format("missile {}", *m));
    } else if (ty == "weapon_released") {
      WeaponStory w;
      w.id = f.Id("munition");
      w.weapon = f.Str("weapon").value_or("?");
      w.kind = f.Str("kind").value_or("?");
      w.carrier = who;
      w.target = f.Str("target").value_or("");
      w.navigation = f.Str("navigation").value_or("");
      w.released_s = e.t_s;
      const auto named = entity_names.find(w.id);
      w.name = named != entity_names.end() ? named->second : fmt::format("entity {}", w.id);
      weapon_of[w.id] = s.weapons.size();
      s.weapons.push_back(std::move(w));
    } else if (ty == "weapon_impact") {
      const auto it = weapon_of.find(f.Id("munition"));
      if (it == weapon_of.end()) continue;
      WeaponStory& w = s.weapons[it->second];
      w.impact_s = e.t_s;
      w.miss_m = f.Num("miss_m");
      w.on_target = f.Int("on_target").value_or(0) == 1;
      if (w.kind == "anti-radiation") w.navigation = f.Str("navigation").value_or(w.navigation);
    } else if (ty == "arm_lost_emitter") {
      const auto it = weapon_of.find(f.Id("munition"));
      if (it == weapon_of.end()) continue;
      s.weapons[it->second].flight.push_back(fmt::format("{} its emitter fell silent {:.1f} km away: on to the memorised point",
                                                         At(e.t_s), f.Num("range_m").value_or(0.0) / 1e3));
    } else if (ty == "entity_destroyed") {
      const auto it = weapon_of.find(f.Int("entity").value_or(-1));
      if (it == weapon_of.end()) continue;
      WeaponStory& w = s.weapons[it->second];
      w.intercepted = true;
      const auto by = f.Int("by_missile");
      w.flight.push_back(fmt::format("{} intercepted by {}", At(e.t_s),
                                     by && missile_names.count(*by) ? missile_names[*by] : std::string("a missile")));
    } else if (ty == "gnss_lost" || ty == "gnss_regained") {
      s.attackers.push_back({{who}, fmt::format("{} {} {} GNSS (J/S {}, C/N0 {:.1f} dB-Hz)", At(e.t_s), who,
                                        ty == "gnss_lost" ? "lost" : "regained", Db(f.Num("js_db")),
                                        f.Num("cn0_dbhz").value_or(0.0))});
    } else if (ty == "radar_fix") {
      s.attackers.push_back({{who}, fmt::format("{} {} radar map fix of {} {} (J/S {})", At(e.t_s), who, f.Str("target").value_or("?"),
                                        f.Int("fixed").value_or(0) == 1 ? "taken" : "jammed", Db(f.Num("js_db")))});
    } else if (ty == "rwr_warning") {
      s.attackers.push_back({{who, f.Str("source").value_or("")}, fmt::format("{} {} RWR: {} ({})", At(e.t_s), who, f.Str("warning").value_or("?"),
                                        f.Str("source").value_or("?"))});
    } else if (ty == "attack_abandoned") {
      s.attackers.push_back({{who}, fmt::format("{} {} abandoned its attack: {} ({} releases left)", At(e.t_s), who,
                                        f.Str("why").value_or("?"), f.Int("releases_left").value_or(0))});
    } else if (ty == "order_received" || ty == "order_lost") {
      s.attackers.push_back({{who}, fmt::format("{} {} {} order '{}' (SINR {:.1f} dB, loss probability {:.3f})", At(e.t_s), who,
                                        ty == "order_received" ? "received" : "did not receive",
                                        f.Str("order").value_or("?"), f.Num("sinr_db").value_or(0.0),
                                        f.Num("loss_probability").value_or(0.0))});
    } else if (ty == "weapon_not_released") {
      s.attackers.push_back({{who}, fmt::format("{} {} could not release {}: {}", At(e.t_s), who, f.Str("weapon").value_or("?"),
                                        f.Str("why").value_or("?"))});
    } else if (ty == "ground_target_destroyed") {
      s.destroyed.push_back({{f.Str("target").value_or("")}, fmt::format("{} ground target {} destroyed ({} hits)", At(e.t_s), f.Str("target").value_or("?"),
                                        f.Int("hits").value_or(0))});
    } else if (ty == "emitter_destroyed") {
      s.destroyed.push_back({{f.Str("emitter").value_or(""), f.Str("unit").value_or(""), f.Str("by").value_or("")},
                             fmt::format("{} defence emitter {} ({}) destroyed by {}", At(e.t_s), f.Str("emitter").value_or("?"),
                                        f.Str("emitter_kind").value_or("?"), f.Str("by").value_or("?"))});
    } else if (ty == "jammer_destroyed") {
      s.destroyed.push_back({{f.Str("jammer").value_or(""), f.Str("by").value_or("")}, fmt::format("{} jammer {} destroyed by {}", At(e.t_s), f.Str("jammer").value_or("?"),
                                        f.Str("by").value_or("?"))});
    }
  }
  return s;
}

StrikeStory FilterStrike(const StrikeStory& all, const std::string& name) {
  StrikeStory s;
  auto about = [&](const StrikeLine& l) { return std::find(l.names.begin(), l.names.end(), name) != l.names.end(); };
  std::copy_if(all.attackers.begin(), all.attackers.end(), std::back_inserter(s.attackers), about);
  std::copy_if(all.destroyed.begin(), all.destroyed.end(), std::back_inserter(s.destroyed), about);
  for (const WeaponStory& w : all.weapons)
    if (w.name == name || w.carrier == name || w.target == name) s.weapons.push_back(w);
  return s;
}

std::string StrikeText(const StrikeStory& s) {
  std::string out = "\nStrike\n";
  for (const StrikeLine& l : s.attackers) out += "  " + l.text + "\n";
  for (const WeaponStory& w : s.weapons) {
    out += fmt::format("  {} {} {} released at {}; navigation along its planned path: {}\n", At(w.released_s), w.name,
                       w.kind, w.target.empty() ? std::string("no target") : w.target, w.navigation);
    for (const std::string& l : w.flight) out += "    " + l + "\n";
    if (w.impact_s)
      out += fmt::format("    {} landed {:.1f} m from {}: {}\n", At(*w.impact_s), w.miss_m.value_or(0.0), w.target,
                         w.on_target ? "on target" : "a miss");
    else if (!w.intercepted)
      out += "    still flying (or a decoy) at the end of the run\n";
  }
  for (const StrikeLine& l : s.destroyed) out += "  " + l.text + "\n";
  return out;
}

nlohmann::ordered_json StrikeJson(const StrikeStory& s) {
  using OJ = nlohmann::ordered_json;
  OJ j;
  auto texts = [](const std::vector<StrikeLine>& lines) {
    std::vector<std::string> out;
    for (const StrikeLine& l : lines) out.push_back(l.text);
    return out;
  };
  j["attackers"] = texts(s.attackers);
  OJ weapons = OJ::array();
  for (const WeaponStory& w : s.weapons) {
    OJ x;
    x["entity"] = w.id;
    x["weapon"] = w.weapon;
    x["kind"] = w.kind;
    x["carrier"] = w.carrier;
    x["target"] = w.target;
    x["released_s"] = w.released_s;
    x["navigation"] = w.navigation;
    x["flight"] = w.flight;
    x["impact_s"] = w.impact_s ? OJ(*w.impact_s) : OJ(nullptr);
    x["miss_m"] = w.miss_m ? OJ(*w.miss_m) : OJ(nullptr);
    x["on_target"] = w.on_target;
    x["intercepted"] = w.intercepted;
    weapons.push_back(std::move(x));
  }
  j["weapons"] = std::move(weapons);
  j["destroyed"] = texts(s.destroyed);
  return j;
}

}  // namespace iadsim
