#include "iadsim/io/explain.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "iadsim/core/error.h"
#include "iadsim/io/explain_fields.h"

namespace iadsim {
namespace {

using explain_detail::Fields;
using Key = std::pair<std::string, std::int64_t>;  // (unit, track) or (unit, engagement)


std::map<std::int64_t, std::string> Names(const RunData& run) {
  std::map<std::int64_t, std::string> names;
  for (const TruthRow& t : run.truth) names.emplace(t.entity, t.name);
  for (const RunEvent& e : run.events) {
    const Fields f(e, run);
    if (e.type == "missile_launched") {
      if (const auto n = f.Str("missile_name"); n && !n->empty()) names[f.Id("missile")] = *n;
    } else if (e.type == "entity_destroyed") {
      if (const auto n = f.Str("name"); n && !n->empty()) names.emplace(f.Id("entity"), *n);
    }
  }
  return names;
}

struct TrackHistory {
  std::optional<std::int64_t> truth;  // truth_entity of its events (after-action)
  std::vector<std::tuple<double, int, std::string, std::optional<std::int64_t>>> confirmed;  // t, line, sensor, n
  std::vector<IdentityStep> identity;
  std::vector<NoteStep> network, holds;
  std::vector<OperatorStep> decisions;
};

struct Order {
  double t_s = 0.0;
  int line = 0;
  std::string identity, control, rule;
  std::optional<std::int64_t> rounds, truth_entity;
};

struct MissileHistory {
  std::vector<std::pair<SeekerStep, std::vector<std::int64_t>>> seeker;  // step, echo entity ids
  std::vector<NoteStep> sd_failures;
  std::optional<std::tuple<double, int, std::string, std::optional<double>, std::optional<std::int64_t>>> detonation;
  std::optional<std::tuple<double, std::int64_t, std::string>> destroyed;  // t, entity, affiliation
};

template <typename T>
std::vector<T> UpTo(const std::vector<T>& steps, double t_s) {
  std::vector<T> out;
  for (const T& s : steps)
    if (s.t_s <= t_s) out.push_back(s);
  return out;
}

}  // namespace

std::string FormatSeconds(double t_s) {
  std::string s = fmt::format("{:.2f}", t_s);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::vector<std::string> KnownEntityNames(const RunData& run) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& [id, name] : Names(run))
    if (seen.insert(name).second) out.push_back(name);
  return out;
}

Explanation ExplainRun(const RunData& run) {
  const auto names = Names(run);
  auto Name = [&](std::optional<std::int64_t> id) -> std::optional<std::string> {
    if (!id || *id <= 0) return std::nullopt;  // -1: no entity (e.g. a seeker that held nothing)
    const auto it = names.find(*id);
    return it != names.end() ? it->second : fmt::format("entity {}", *id);
  };
  std::map<std::int64_t, std::string> kinds;
  for (const TruthRow& t : run.truth) kinds.emplace(t.entity, t.kind);

  std::map<Key, TrackHistory> tracks;
  std::map<Key, Order> orders;
  std::map<Key, std::vector<NoteStep>> revocations;
  std::map<std::int64_t, MissileHistory> missiles;
  std::vector<const RunEvent*> launches;
  Explanation ex;
  for (const RunEvent& e : run.events) {
    const Fields f(e, run);
    const std::string& ty = e.type;
    auto TrackKey = [&] {
      const Key k{f.Str("unit").value_or(""), f.Int("track").value_or(-1)};
      if (const auto truth = f.Int("truth_entity")) tracks[k].truth = truth;
      return k;
    };
    if (ty == "track_confirmed") {
      tracks[TrackKey()].confirmed.emplace_back(e.t_s, e.line, f.Str("sensor").value_or(""), f.Int("detections"));
    } else if (ty == "identity_changed") {
      tracks[TrackKey()].identity.push_back(
          {e.t_s, e.line, f.Str("from").value_or("?"), f.Str("to").value_or("?"), f.Str("evidence").value_or("")});
    } else if (ty == "network_identity") {
      tracks[TrackKey()].network.push_back({e.t_s, e.line,
                                            fmt::format("network identity received from {}: {}",
                                                        f.Str("from_unit").value_or("?"), f.Str("identity").value_or("?"))});
    } else if (ty == "identity_conflict") {
      tracks[TrackKey()].network.push_back(
          {e.t_s, e.line,
           fmt::format("identity conflict: here {}, {} says {}", f.Str("local").value_or("?"),
                       f.Str("from_unit").value_or("?"), f.Str("remote").value_or("?"))});
    } else if (ty == "operator_decision") {
      tracks[TrackKey()].decisions.push_back({e.t_s, e.line, f.Str("call").value_or("?"), f.Str("doctrine").value_or("?"),
                                              f.Str("identity").value_or("?"), f.Bool("wrong_call").value_or(false),
                                              f.Num("delay_s")});
    } else if (ty == "engagement_held") {
      std::string text = "engagement held: " + f.Str("reason").value_or("(no reason recorded)");
      if (const auto ft = f.Label("friendly_track"))
        text += fmt::format(" (friendly track {}, truly {})", *ft,
                            Name(f.Int("friendly_truth_entity")).value_or("unknown"));
      tracks[TrackKey()].holds.push_back({e.t_s, e.line, text});
    } else if (ty == "engagement_ordered") {
      orders[{f.Str("unit").value_or(""), f.Id("engagement")}] =
          Order{e.t_s, e.line, f.Str("identity").value_or("?"), f.Str("control").value_or(""),
                f.Str("rule").value_or(""), f.Int("rounds"), f.Int("truth_entity")};
    } else if (ty == "engagement_revoked") {
      const std::string action = f.Str("action").value_or("?");
      const std::string what = action == "hold_fire"          ? "hold fire (no further round; a self-destruct commanded to each missile in flight)"
                               : action == "cease_engagement" ? "cease engagement (no further round; missiles in flight fly on)"
                                                              : action;
      revocations[{f.Str("unit").value_or(""), f.Id("engagement")}].push_back(
          {e.t_s, e.line,
           fmt::format("engagement revoked: {}; track {} now {}, rule \"{}\"", what, f.Int("track").value_or(-1),
                       f.Str("identity").value_or("?"), f.Str("rule").value_or("not recorded"))});
    } else if (ty == "missile_launched") {
      missiles[f.Id("missile")];
      launches.push_back(&e);
    } else if (ty == "seeker_locked" || ty == "seeker_lost") {
      SeekerStep s;
      s.t_s = e.t_s;
      s.line = e.line;
      s.change = ty == "seeker_locked" ? "locked" : "lost";
      s.reason = f.Str("reason").value_or("");
      s.entity = Name(f.Int("entity"));
      s.power_dbw = f.Num("power_dbw");
      std::vector<std::int64_t> ids;
      if (f.raw().contains("echoes") && !f.raw()["echoes"].is_null()) {
        if (!f.raw()["echoes"].is_array()) f.Refuse(ty + ": \"echoes\" must be a list");
        for (const nlohmann::json& j : f.raw()["echoes"]) {
          RunEvent sub{e.t_s, ty + ".echoes[]", j, e.line};
          if (!j.is_object()) f.Refuse(ty + ": every echo must be an object");
          const Fields ef(sub, run);
          const auto p = ef.Num("power_dbw");
          if (!p) ef.Refuse("\"power_dbw\" is required");
          ids.push_back(ef.Id("entity"));
          s.echoes.push_back({*Name(ids.back()), *p, std::nullopt, ef.Bool("in_beam").value_or(false),
                              ef.Bool("in_gate").value_or(false)});
        }
      }
      missiles[f.Id("missile")].seeker.emplace_back(std::move(s), std::move(ids));
    } else if (ty == "self_destruct_failed") {
      missiles[f.Id("missile")].sd_failures.push_back(
          {e.t_s, e.line, "self-destruct commanded but failed: " + f.Str("reason").value_or("(no reason recorded)")});
    } else if (ty == "missile_detonated") {
      missiles[f.Id("missile")].detonation.emplace(e.t_s, e.line, f.Str("reason").value_or("?"), f.Num("miss_distance_m"),
                                                   f.Int("nearest_entity"));
    } else if (ty == "entity_destroyed") {
      const std::int64_t id = f.Id("entity");
      const auto by = f.Int("by_missile");
      const std::string aff = f.Str("affiliation").value_or("unknown");
      if (by) missiles[*by].destroyed.emplace(e.t_s, id, aff);
      const auto k = kinds.find(id);
      if (k == kinds.end() || k->second != "missile") ex.losses.push_back({*Name(id), aff, id, e.t_s, Name(by), "", {}});
    }
  }

  if (run.summary.is_object()) {
    if (run.summary.contains("scenario") && run.summary["scenario"].is_string()) ex.scenario = run.summary["scenario"];
    if (run.summary.contains("seed") && run.summary["seed"].is_number_integer()) ex.seed = run.summary["seed"].get<std::int64_t>();
  }
  for (const RunEvent* e : launches) {
    const Fields f(*e, run);
    ShotStory s;
    s.missile_id = static_cast<std::uint32_t>(f.Id("missile"));
    s.missile = *Name(s.missile_id);
    s.unit = f.Str("unit").value_or("?");
    s.engagement = f.Int("engagement").value_or(-1);
    s.ordered_track = f.Int("track").value_or(-1);
    s.launch_s = e->t_s;
    s.launch_line = e->line;
    s.launcher = f.Str("launcher").value_or("");
    s.guidance = f.Str("guidance").value_or("command");
    if (const auto o = orders.find({s.unit, s.engagement}); o != orders.end()) {
      s.order_s = o->second.t_s;
      s.order_line = o->second.line;
      s.order_identity = o->second.identity;
      s.control = o->second.control;
      s.rule = o->second.rule;
      s.rounds = o->second.rounds;
      s.intended_entity = Name(o->second.truth_entity);
    }
    if (const auto r = revocations.find({s.unit, s.engagement}); r != revocations.end()) s.revocations = r->second;
    if (const auto t = tracks.find({s.unit, s.ordered_track}); t != tracks.end()) {
      const TrackHistory& h = t->second;
      for (const auto& [tc, line, sensor, n] : h.confirmed)
        if (tc <= s.launch_s) std::tie(s.confirmed_s, s.confirmed_line, s.sensor, s.detections) = std::tie(tc, line, sensor, n);
      s.identity = UpTo(h.identity, s.launch_s);
      s.network = UpTo(h.network, s.launch_s);
      s.decisions = UpTo(h.decisions, s.launch_s);
      s.holds = UpTo(h.holds, s.launch_s);
    }
    s.identity_at_launch = !s.identity.empty()         ? s.identity.back().to
                           : !s.order_identity.empty() ? s.order_identity
                                                       : "unknown";
    for (const IdentityStep& i : s.identity)
      s.evidence.push_back(fmt::format("t={}s {}->{}: {}", FormatSeconds(i.t_s), i.from, i.to, i.evidence));
    const MissileHistory& m = missiles[s.missile_id];
    for (const auto& [step0, ids] : m.seeker) {
      SeekerStep step = step0;
      // The held echo's power: the event's power_dbw, else its own echo; none after a loss.
      const bool locked = step.change == "locked";
      bool has_held = locked && step.power_dbw.has_value(), has_intended = false;
      double held_dbw = has_held ? *step.power_dbw : 0.0, intended_dbw = 0.0;
      for (const ExplainEcho& echo : step.echoes) {
        if (locked && !has_held && step.entity == echo.entity) std::tie(has_held, held_dbw) = std::pair(true, echo.power_dbw);
        if (!has_intended && s.intended_entity == echo.entity) std::tie(has_intended, intended_dbw) = std::pair(true, echo.power_dbw);
      }
      for (ExplainEcho& echo : step.echoes)
        if (has_held) echo.relative_db = echo.power_dbw - held_dbw;
      if (has_held && has_intended && step.entity != s.intended_entity) step.relative_to_intended_db = held_dbw - intended_dbw;
      std::stable_sort(step.echoes.begin(), step.echoes.end(),
                       [](const ExplainEcho& a, const ExplainEcho& b) { return a.power_dbw > b.power_dbw; });
      if (step.change == "locked") s.locked_entity = step.entity;
      s.seeker.push_back(std::move(step));
    }
    if (s.guidance != "semi_active" && !s.locked_entity) s.locked_entity = s.intended_entity;
    s.self_destruct_failures = m.sd_failures;
    if (m.detonation) {
      std::optional<std::int64_t> nearest;
      std::tie(s.detonation_s, s.detonation_line, s.detonation_reason, s.miss_distance_m, nearest) = *m.detonation;
      s.nearest_entity = Name(nearest);
    }
    if (m.destroyed) {
      s.destroyed_s = std::get<0>(*m.destroyed);
      s.destroyed_entity = Name(std::get<1>(*m.destroyed));
      s.destroyed_affiliation = std::get<2>(*m.destroyed);
    }
    ex.shots.push_back(std::move(s));
  }
  for (LossStory& l : ex.losses) {
    for (const ShotStory& s : ex.shots)
      if (l.by_missile == s.missile) l.unit = s.unit;
    std::vector<std::tuple<double, int, std::string>> lines;
    for (const auto& [key, h] : tracks) {
      if (key.first != l.unit || h.truth != l.entity_id) continue;
      const std::string track = fmt::format("track {}", key.second);
      for (const auto& [t, line, sensor, n] : h.confirmed)
        lines.emplace_back(t, line, track + " confirmed" + (sensor.empty() ? "" : " by " + sensor));
      for (const IdentityStep& i : h.identity)
        lines.emplace_back(i.t_s, i.line, fmt::format("{} {}->{}: {}", track, i.from, i.to, i.evidence));
      for (const NoteStep& n : h.network) lines.emplace_back(n.t_s, n.line, track + " " + n.text);
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& [t, line, text] : lines)
      if (t <= l.time_s) l.picture.push_back(fmt::format("t={}s {}", FormatSeconds(t), text));
  }
  ex.strike = ExplainStrike(run);
  return ex;
}

Explanation FilterByEntity(const Explanation& all, const RunData& run, const std::string& name) {
  const std::vector<std::string> known = KnownEntityNames(run);
  if (std::find(known.begin(), known.end(), name) == known.end()) {
    Problem p;
    p.path = "--entity";
    p.message = fmt::format("no entity named '{}' in this run; known names: {}", name, fmt::join(known, ", "));
    throw ScenarioError({p});
  }
  Explanation out = all;
  out.entity_filter = name;
  out.shots.clear();
  out.losses.clear();
  std::set<std::string> kept;
  for (const ShotStory& s : all.shots) {
    bool match = s.missile == name || s.intended_entity == name || s.destroyed_entity == name || s.locked_entity == name;
    for (const SeekerStep& k : s.seeker) match = match || (k.change == "locked" && k.entity == name);
    if (!match) continue;
    kept.insert(s.missile);
    out.shots.push_back(s);
  }
  for (const LossStory& l : all.losses)
    if (l.entity == name || (l.by_missile && kept.count(*l.by_missile))) out.losses.push_back(l);
  out.strike = FilterStrike(all.strike, name);
  return out;
}

}  // namespace iadsim
