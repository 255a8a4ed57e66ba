#pragma once
// The attackers' side of a finished run for `iadsim explain` (after-action, from events.jsonl; no
// physics): each weapon released — carrier, target, how it navigated (GNSS kept, or lost where and
// at what J/S) and how it ended (landed with its miss and whether on target, intercepted by which
// missile, or lost its emitter and flew on memory) — the attackers' own story (GNSS lost and
// regained, radar map fixes with their J/S, RWR warnings, attacks abandoned, orders received or
// lost with their SINR), and what was destroyed on the ground (targets, defence emitters, jammers).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/io/run_reader.h"

namespace iadsim {

struct WeaponStory {
  std::int64_t id = 0;
  std::string name;  // the weapon entity's name in truth.csv ("entity N" without one)
  std::string weapon, kind, carrier, target, navigation;
  double released_s = 0.0;
  std::vector<std::string> flight;  // "t=.. s …", in time order (emitter lost, intercepted)
  std::optional<double> impact_s, miss_m;
  bool on_target = false, intercepted = false;
};

// One line of the story, with the names it is about (for --entity).
struct StrikeLine {
  std::vector<std::string> names;
  std::string text;  // "t=.. s …"
};

struct StrikeStory {
  std::vector<StrikeLine> attackers;  // in time order
  std::vector<WeaponStory> weapons;   // in release order
  std::vector<StrikeLine> destroyed;  // ground targets, emitters, jammers
  bool empty() const { return attackers.empty() && weapons.empty() && destroyed.empty(); }
};

StrikeStory ExplainStrike(const RunData& run);
// Keeps the weapons whose name, carrier or target is `name`, and the lines about it.
StrikeStory FilterStrike(const StrikeStory& all, const std::string& name);
std::string StrikeText(const StrikeStory& s);
nlohmann::ordered_json StrikeJson(const StrikeStory& s);

}  // namespace iadsim
