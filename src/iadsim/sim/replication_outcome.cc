#include "iadsim/sim/replication_outcome.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "iadsim/core/error.h"
#include "iadsim/sim/runner.h"

namespace iadsim {
namespace {

template <class T>
const T* Field(const Event& e, std::string_view key) {
  for (const auto& [k, v] : e.fields)
    if (k == key) return std::get_if<T>(&v);
  return nullptr;
}

std::int64_t IntOr(const Event& e, std::string_view key, std::int64_t fallback) {
  const std::int64_t* v = Field<std::int64_t>(e, key);
  return v ? *v : fallback;
}

std::string StringOr(const Event& e, std::string_view key) {
  const std::string* v = Field<std::string>(e, key);
  return v ? *v : std::string();
}

// The types OnEvent keeps.
constexpr std::string_view kNotableTypes[] = {"engagement_ordered", "missile_launched",        "missile_detonated",
                                              "entity_destroyed",   "weapon_released",         "weapon_impact",
                                              "ground_target_destroyed", "emitter_destroyed", "identity_changed",
                                              "engagement_revoked"};

bool IsCivil(Affiliation a) { return a == Affiliation::kCivil || a == Affiliation::kNeutral; }

}  // namespace

const char* ToString(EventsKept e) {
  switch (e) {
    case EventsKept::kAll: return "all";
    case EventsKept::kDecisions: return "decisions";
    case EventsKept::kNone: return "none";
  }
  return "?";
}

bool OutcomeRecorder::ReadsEvent(std::string_view type) const {
  for (const std::string_view t : kNotableTypes)
    if (type == t) return true;
  return false;
}

void OutcomeRecorder::OnEvent(const Event& e) {
  Raw r;
  if (e.type == "engagement_ordered") {
    r.unit = StringOr(e, "unit");
    r.engagement = IntOr(e, "engagement", -1);
    r.truth = IntOr(e, "truth_entity", -1);
    r.detail = StringOr(e, "identity");
  } else if (e.type == "missile_launched") {
    r.unit = StringOr(e, "unit");
    r.engagement = IntOr(e, "engagement", -1);
    r.missile = IntOr(e, "missile", -1);
    r.detail = StringOr(e, "missile_name");
  } else if (e.type == "missile_detonated") {
    r.missile = IntOr(e, "missile", -1);
    r.engagement = IntOr(e, "engagement", -1);
    r.truth = IntOr(e, "nearest_entity", -1);
    r.detail = StringOr(e, "reason");
    if (const double* miss = Field<double>(e, "miss_distance_m")) r.detail += fmt::format(" {:.1f}", *miss);
  } else if (e.type == "entity_destroyed") {
    r.truth = IntOr(e, "entity", -1);
    r.missile = IntOr(e, "by_missile", -1);
  } else if (e.type == "weapon_released") {
    r.missile = IntOr(e, "munition", -1);
    r.detail = StringOr(e, "weapon") + " " + StringOr(e, "target");
  } else if (e.type == "weapon_impact") {
    r.missile = IntOr(e, "munition", -1);
    r.engagement = IntOr(e, "on_target", 0);
    const double* miss = Field<double>(e, "miss_m");
    r.value = miss ? *miss : 0.0;
    r.detail = fmt::format("{} {} miss {:.1f} m", StringOr(e, "weapon"), StringOr(e, "target"), r.value);
  } else if (e.type == "ground_target_destroyed") {
    r.detail = StringOr(e, "target");
  } else if (e.type == "emitter_destroyed") {
    r.unit = StringOr(e, "unit");
    r.detail = StringOr(e, "emitter");
  } else if (e.type == "engagement_revoked") {
    r.unit = StringOr(e, "unit");
    r.engagement = IntOr(e, "engagement", -1);
    r.truth = IntOr(e, "truth_entity", -1);
    r.detail = StringOr(e, "action") + " " + StringOr(e, "identity");
  } else if (e.type == "identity_changed") {
    const std::int64_t truth = IntOr(e, "truth_entity", -1);
    const std::string to = StringOr(e, "to");
    IdentityRecord& id = identities_[truth];
    id.last = to;
    if (to == "hostile" && !id.first_hostile_s) id.first_hostile_s = e.time.seconds();
    if (keep_ != EventsKept::kAll) return;  // folded only
    r.truth = truth;
    r.unit = StringOr(e, "unit");
    r.detail = StringOr(e, "from") + ">" + to;
  } else {
    return;
  }
  r.time_s = e.time.seconds();
  r.type = e.type;
  raw_.push_back(std::move(r));
}

ReplicationOutcome ComputeOutcome(const Scenario& scenario, const RunSummary& summary, const OutcomeRecorder& recorder) {
  const std::vector<OutcomeRecorder::Raw>& raw = recorder.raw();
  ReplicationOutcome out;
  const std::size_t n = scenario.aircraft.size();
  IADSIM_CHECK(summary.aircraft.size() == n, "the run's aircraft are not the scenario's");
  auto index = [n](std::int64_t entity) -> std::optional<std::size_t> {
    if (entity >= 1 && static_cast<std::size_t>(entity) <= n) return static_cast<std::size_t>(entity - 1);
    return std::nullopt;
  };
  out.aircraft.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const AircraftOutcome& o = summary.aircraft[i];
    IADSIM_CHECK(o.name == scenario.aircraft[i].name, "aircraft entity order differs from the scenario's");
    AircraftResult& a = out.aircraft[i];
    a.name = o.name;
    a.affiliation = o.affiliation;
    a.first_detected_s = o.first_detected_s;
    a.first_tracked_s = o.first_tracked_s;
    a.destroyed_s = o.destroyed_s;
  }

  std::map<std::pair<std::string, std::int64_t>, std::int64_t> engagement_truth;  // (unit, engagement) -> entity
  std::map<std::int64_t, std::pair<std::string, std::int64_t>> missile_of;       // missile -> (unit, truth)
  std::set<std::int64_t> munitions;  // entity ids of released weapons
  double miss_sum = 0.0;
  int impacts = 0;
  for (const OutcomeRecorder::Raw& r : raw) {
    NotableEvent ev{r.time_s, r.type, r.unit, "", "", r.detail};
    std::int64_t target = r.truth;
    if (r.type == "engagement_ordered") {
      engagement_truth[{r.unit, r.engagement}] = r.truth;
      ++out.engagements;
      if (const auto i = index(r.truth)) {
        ++out.aircraft[*i].engagements;
        const Affiliation a = scenario.aircraft[*i].affiliation;
        if (a == Affiliation::kFriendly) ++out.friendly_engaged;
        if (IsCivil(a)) ++out.civil_engaged;
      }
    } else if (r.type == "missile_launched") {
      ++out.missiles_fired;
      const auto it = engagement_truth.find({r.unit, r.engagement});
      target = it == engagement_truth.end() ? -1 : it->second;
      missile_of[r.missile] = {r.unit, target};
      if (const auto i = index(target)) {
        ++out.aircraft[*i].missiles_at;
        const Affiliation a = scenario.aircraft[*i].affiliation;
        if (a == Affiliation::kFriendly) ++out.friendly_shots;
        if (IsCivil(a)) ++out.civil_shots;
      }
    } else if (r.type == "missile_detonated" || r.type == "entity_destroyed") {
      const auto it = missile_of.find(r.missile);
      if (it != missile_of.end()) ev.unit = it->second.first;
      if (r.type == "entity_destroyed" && it != missile_of.end()) ev.detail = "missile " + std::to_string(r.missile);
    }
    if (r.type == "weapon_released") {
      ++out.weapons_released;
      munitions.insert(r.missile);
    }
    if (r.type == "entity_destroyed" && munitions.contains(r.truth)) ++out.weapons_intercepted;
    if (r.type == "ground_target_destroyed") ++out.ground_targets_destroyed;
    if (r.type == "emitter_destroyed") ++out.defence_radars_lost;
    if (r.type == "weapon_impact") {
      out.weapons_on_target += r.engagement > 0 ? 1 : 0;
      miss_sum += r.value;
      ++impacts;
    }
    if (const auto i = index(target)) {
      ev.target = scenario.aircraft[*i].name;
      ev.affiliation = ToString(scenario.aircraft[*i].affiliation);
    }
    if (recorder.keep() != EventsKept::kNone) out.notable.push_back(std::move(ev));
  }
  for (const auto& [truth, id] : recorder.identities())
    if (const auto i = index(truth)) {
      out.aircraft[*i].final_identity = id.last;
      out.aircraft[*i].first_hostile_s = id.first_hostile_s;
    }

  double sum_id = 0;
  int n_id = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const AircraftResult& a = out.aircraft[i];
    const Affiliation aff = scenario.aircraft[i].affiliation;
    if (a.first_detected_s)
      out.first_detection_s = std::min(out.first_detection_s.value_or(*a.first_detected_s), *a.first_detected_s);
    if (a.destroyed_s) {
      ++out.aircraft_destroyed;
      if (aff == Affiliation::kFriendly) ++out.friendly_destroyed;
      if (IsCivil(aff)) ++out.civil_destroyed;
    }
    if (aff != Affiliation::kHostile) continue;
    ++out.hostile_aircraft;
    if (a.destroyed_s) ++out.hostile_destroyed;
    else ++out.leakers;
    if (a.first_detected_s) ++out.hostile_detected;
    if (a.first_hostile_s) ++out.hostile_identified;
    if (a.first_detected_s && a.first_hostile_s) {
      const double dt = *a.first_hostile_s - *a.first_detected_s;
      sum_id += dt;
      ++n_id;
      out.max_detect_to_id_s = std::max(out.max_detect_to_id_s.value_or(dt), dt);
    }
  }
  if (n_id > 0) out.mean_detect_to_id_s = sum_id / n_id;
  if (out.hostile_destroyed > 0) out.missiles_per_kill = static_cast<double>(out.missiles_fired) / out.hostile_destroyed;
  out.attackers_lost = out.hostile_destroyed;
  if (impacts > 0) out.mean_weapon_miss_m = miss_sum / impacts;
  const int kills = out.hostile_destroyed + out.weapons_intercepted;
  if (kills > 0) out.interceptors_per_kill = static_cast<double>(out.missiles_fired) / kills;
  out.events = summary.events;
  out.engine_wakeups = summary.engine_wakeups;
  return out;
}

ReplicationOutcome RunReplication(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
                                  EventsKept keep) {
  OutcomeRecorder recorder(keep);
  const RunSummary summary = RunScenario(scenario, RunOptions{seed, replication, false}, recorder);
  return ComputeOutcome(scenario, summary, recorder);
}

}  // namespace iadsim
