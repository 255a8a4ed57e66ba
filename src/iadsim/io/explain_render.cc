// The renderings of an Explanation (explain.h): plain text for the terminal, explain.json for tools.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "iadsim/io/explain.h"

namespace iadsim {
namespace {

using OJ = nlohmann::ordered_json;

struct Line {
  double t_s;
  int order;  // events.jsonl line, then the order of emission for lines of one event
  std::string text;
};

std::string Db(double v) { return fmt::format("{:+.1f} dB", v); }

std::string Guidance(const std::string& g) {
  if (g == "semi_active") return "semi-active homing (the seeker chooses among echoes of the illuminator)";
  if (g == "command") return "command guidance (the ground radar steers it on the designated track)";
  return g + " guidance";
}

void SeekerLines(const ShotStory& s, const SeekerStep& k, std::vector<Line>& out) {
  const int o = k.line * 100;
  const std::string who = k.entity.value_or("(no entity)");
  std::string head;
  if (k.change == "locked") {
    head = fmt::format("seeker locked {} ({})", who, k.reason.empty() ? "no reason recorded" : k.reason);
    if (k.power_dbw) head += fmt::format(" at {:.1f} dBW", *k.power_dbw);
    if (k.relative_to_intended_db)
      head += fmt::format(", {} relative to the intended {}", Db(*k.relative_to_intended_db), s.intended_entity.value_or("?"));
    else if (s.intended_entity && k.entity != s.intended_entity)
      head += fmt::format(" (not the intended {})", *s.intended_entity);
  } else {
    head = fmt::format("seeker lost {}: {}", who, k.reason.empty() ? "no reason recorded" : k.reason);
  }
  if (!k.echoes.empty()) head += "; echoes:";
  out.push_back({k.t_s, o, head});
  std::size_t width = 0;
  for (const ExplainEcho& e : k.echoes) width = std::max(width, e.entity.size());
  int n = 1;
  for (const ExplainEcho& e : k.echoes) {
    std::string line = fmt::format("{:17}{:<{}}  {:7.1f} dBW", "", e.entity, width, e.power_dbw);
    if (e.relative_db) line += fmt::format("  {:>8}", Db(*e.relative_db));
    line += fmt::format("  {}, {}", e.in_beam ? "in beam" : "out of beam", e.in_gate ? "in gate" : "out of gate");
    if (k.change == "locked" && k.entity == e.entity) line += "  <- held";
    if (s.intended_entity == e.entity) line += "  (intended)";
    out.push_back({k.t_s, o + n++, "\n" + line});
  }
}

std::string ShotText(const ShotStory& s, std::size_t index, std::size_t count) {
  std::string text = fmt::format("Shot {} of {}: missile {}, fired by {} (engagement {}, track {})\n", index, count,
                                 s.missile, s.unit, s.engagement, s.ordered_track);
  const std::string intended = s.intended_entity.value_or("unknown");
  text += fmt::format("  intended {}; guidance ended on {}; destroyed {}", intended, s.locked_entity.value_or("nothing"),
                      s.destroyed_entity.value_or("nothing"));
  if (s.destroyed_entity && s.intended_entity && s.destroyed_entity != s.intended_entity) text += "  [WRONG AIRCRAFT]";
  text += "\n";

  std::vector<Line> lines;
  if (s.confirmed_s) {
    std::string l = fmt::format("track {} confirmed at {}", s.ordered_track, s.unit);
    if (s.detections) l += fmt::format(" from {} detection{}", *s.detections, *s.detections == 1 ? "" : "s");
    l += s.sensor.empty() ? " (sensor not recorded)" : fmt::format(" by {}", s.sensor);
    l += fmt::format(" (truly {})", intended);
    lines.push_back({*s.confirmed_s, s.confirmed_line * 100, l});
  }
  for (const IdentityStep& i : s.identity)
    lines.push_back({i.t_s, i.line * 100, fmt::format("identity {} -> {}: {}", i.from, i.to, i.evidence)});
  for (const NoteStep& n : s.network) lines.push_back({n.t_s, n.line * 100, n.text});
  for (const OperatorStep& d : s.decisions) {
    std::string l = fmt::format("operator decision: {} (doctrine: {})", d.call, d.doctrine);
    if (d.wrong_call) l += ", a wrong call";
    if (d.delay_s) l += fmt::format(", after {} s", FormatSeconds(*d.delay_s));
    l += fmt::format(", on identity {}", d.identity);
    lines.push_back({d.t_s, d.line * 100, l});
  }
  for (const NoteStep& n : s.holds) lines.push_back({n.t_s, n.line * 100, n.text});
  if (s.order_s) {
    std::string l = fmt::format("engagement {} ordered by {} on track {} as {}, control {}, rule {}", s.engagement, s.unit,
                                s.ordered_track, s.order_identity, s.control.empty() ? "not recorded" : s.control,
                                s.rule.empty() ? "not recorded" : "\"" + s.rule + "\"");
    if (s.rounds) l += fmt::format(", {} round{}", *s.rounds, *s.rounds == 1 ? "" : "s");
    lines.push_back({*s.order_s, s.order_line * 100, l});
  }
  lines.push_back({s.launch_s, s.launch_line * 100,
                   fmt::format("launched{}, {}; identity at launch {}",
                               s.launcher.empty() ? "" : " from launcher " + s.launcher, Guidance(s.guidance),
                               s.identity_at_launch)});
  for (const SeekerStep& k : s.seeker) SeekerLines(s, k, lines);
  for (const NoteStep& n : s.revocations) lines.push_back({n.t_s, n.line * 100, n.text});
  for (const NoteStep& n : s.self_destruct_failures) lines.push_back({n.t_s, n.line * 100, n.text});
  if (s.detonation_s) {
    std::string l = "detonated: " + s.detonation_reason;
    if (s.miss_distance_m) l += fmt::format(", miss distance {:.1f} m", *s.miss_distance_m);
    if (s.nearest_entity) l += ", nearest aircraft " + *s.nearest_entity;
    lines.push_back({*s.detonation_s, s.detonation_line * 100, l});
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return std::tie(a.t_s, a.order) < std::tie(b.t_s, b.order); });
  for (const Line& l : lines) {
    if (!l.text.empty() && l.text[0] == '\n') {
      text += l.text.substr(1) + "\n";
    } else {
      text += fmt::format("  {:<13}{}\n", "t=" + FormatSeconds(l.t_s) + " s", l.text);
    }
  }
  if (s.destroyed_entity) {
    text += fmt::format("  {:<13}{} ({}) destroyed by this missile at t={} s\n", "result", *s.destroyed_entity,
                        s.destroyed_affiliation, FormatSeconds(s.destroyed_s.value_or(0.0)));
  } else {
    text += fmt::format("  {:<13}nothing destroyed{}\n", "result", s.detonation_s ? "" : " (no detonation recorded)");
  }
  return text;
}

OJ Opt(const std::optional<std::string>& v) { return v ? OJ(*v) : OJ(nullptr); }
OJ Opt(const std::optional<double>& v) { return v ? OJ(*v) : OJ(nullptr); }
OJ Opt(const std::optional<std::int64_t>& v) { return v ? OJ(*v) : OJ(nullptr); }

}  // namespace

std::string ExplainText(const Explanation& e) {
  std::string text = fmt::format("Run: {}{} - {} shot{}, {} loss{}{}\n", e.scenario,
                                 e.seed ? fmt::format(" (seed {})", *e.seed) : "", e.shots.size(),
                                 e.shots.size() == 1 ? "" : "s", e.losses.size(), e.losses.size() == 1 ? "" : "es",
                                 e.entity_filter ? fmt::format(" involving {}", *e.entity_filter) : std::string());
  for (std::size_t i = 0; i < e.shots.size(); ++i) {
    text += '\n';
    text += ShotText(e.shots[i], i + 1, e.shots.size());
  }
  text += "\nLosses\n";
  if (e.losses.empty()) text += "  none\n";
  for (const LossStory& l : e.losses) {
    text += fmt::format("  t={} s  {} ({}) destroyed", FormatSeconds(l.time_s), l.entity, l.affiliation);
    if (!l.by_missile) {
      text += "\n";
      continue;
    }
    text += " by " + *l.by_missile;
    for (const ShotStory& s : e.shots)
      if (s.missile == *l.by_missile)
        text += fmt::format(", fired by {} at {} (guidance ended on {})", s.unit, s.intended_entity.value_or("unknown"),
                            s.locked_entity.value_or("nothing"));
    text += "\n";
    if (!l.picture.empty()) text += fmt::format("    as {} saw {}:\n", l.unit, l.entity);
    for (const std::string& p : l.picture) text += "      " + p + "\n";
  }
  if (!e.strike.empty()) text += StrikeText(e.strike);
  return text;
}

nlohmann::ordered_json ExplainJson(const Explanation& e) {
  OJ j;
  j["scenario"] = e.scenario;
  j["seed"] = Opt(e.seed);
  j["entity"] = Opt(e.entity_filter);
  OJ shots = OJ::array();
  for (const ShotStory& s : e.shots) {
    OJ o;
    o["missile"] = s.missile;
    o["missile_id"] = s.missile_id;
    o["unit"] = s.unit;
    o["engagement"] = s.engagement;
    o["ordered_track"] = s.ordered_track;
    o["track_confirmed_s"] = Opt(s.confirmed_s);
    o["sensor"] = s.sensor.empty() ? OJ(nullptr) : OJ(s.sensor);
    o["detections"] = Opt(s.detections);
    o["identity_at_launch"] = s.identity_at_launch;
    o["evidence"] = s.evidence;
    OJ net = OJ::array(), holds = OJ::array(), decisions = OJ::array(), sd = OJ::array(), revoked = OJ::array();
    for (const NoteStep& n : s.network) net.push_back({{"t", n.t_s}, {"text", n.text}});
    for (const NoteStep& n : s.holds) holds.push_back({{"t", n.t_s}, {"text", n.text}});
    for (const NoteStep& n : s.self_destruct_failures) sd.push_back({{"t", n.t_s}, {"text", n.text}});
    for (const NoteStep& n : s.revocations) revoked.push_back({{"t", n.t_s}, {"text", n.text}});
    for (const OperatorStep& d : s.decisions)
      decisions.push_back({{"t", d.t_s}, {"call", d.call}, {"doctrine", d.doctrine}, {"wrong_call", d.wrong_call},
                           {"delay_s", Opt(d.delay_s)}, {"identity", d.identity}});
    o["network"] = net;
    o["operator_decisions"] = decisions;
    o["holds"] = holds;
    o["intended_entity"] = Opt(s.intended_entity);
    o["locked_entity"] = Opt(s.locked_entity);
    o["destroyed_entity"] = Opt(s.destroyed_entity);
    o["miss_distance_m"] = Opt(s.miss_distance_m);
    o["order_time_s"] = Opt(s.order_s);
    o["launch_time_s"] = s.launch_s;
    o["detonation_time_s"] = Opt(s.detonation_s);
    o["detonation_reason"] = s.detonation_s ? OJ(s.detonation_reason) : OJ(nullptr);
    o["nearest_entity"] = Opt(s.nearest_entity);
    o["guidance"] = s.guidance;
    o["launcher"] = s.launcher.empty() ? OJ(nullptr) : OJ(s.launcher);
    o["control"] = s.control.empty() ? OJ(nullptr) : OJ(s.control);
    o["rule"] = s.rule.empty() ? OJ(nullptr) : OJ(s.rule);
    OJ seeker = OJ::array();
    for (const SeekerStep& k : s.seeker) {
      OJ echoes = OJ::array();
      for (const ExplainEcho& x : k.echoes)
        echoes.push_back({{"entity", x.entity}, {"power_dbw", x.power_dbw}, {"relative_db", Opt(x.relative_db)},
                          {"in_beam", x.in_beam}, {"in_gate", x.in_gate}});
      seeker.push_back({{"t", k.t_s}, {"change", k.change}, {"reason", k.reason}, {"entity", Opt(k.entity)},
                        {"power_dbw", Opt(k.power_dbw)}, {"relative_to_intended_db", Opt(k.relative_to_intended_db)},
                        {"echoes", echoes}});
    }
    o["seeker"] = seeker;
    o["revocations"] = revoked;
    o["self_destruct_failures"] = sd;
    shots.push_back(o);
  }
  j["shots"] = shots;
  OJ losses = OJ::array();
  for (const LossStory& l : e.losses)
    losses.push_back(
        {{"entity", l.entity}, {"affiliation", l.affiliation}, {"time_s", l.time_s}, {"by_missile", Opt(l.by_missile)},
         {"unit", l.unit.empty() ? OJ(nullptr) : OJ(l.unit)}, {"picture", l.picture}});
  j["losses"] = losses;
  if (!e.strike.empty()) j["strike"] = StrikeJson(e.strike);
  return j;
}

}  // namespace iadsim
