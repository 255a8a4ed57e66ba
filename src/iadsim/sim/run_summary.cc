#include "iadsim/sim/run_summary.h"

#include <algorithm>

namespace iadsim {
namespace {

template <class T>
const T* Field(const Event& e, const std::string& key) {
  for (const auto& [k, v] : e.fields)
    if (k == key) return std::get_if<T>(&v);
  return nullptr;
}

}  // namespace

bool SummaryRecorder::ReadsEvent(std::string_view type) const {
  return type == "track_confirmed" || type == "identity_changed" || type == "engagement_ordered" ||
         type == "missile_launched" || type == "entity_destroyed" || next_->ReadsEvent(type);
}

void SummaryRecorder::OnUnreadEvent(SimTime t, std::string_view type) {
  ++events_;
  next_->OnUnreadEvent(t, type);
}

AircraftOutcome& SummaryRecorder::Outcome(std::int64_t entity) { return outcomes_[entity]; }

void SummaryRecorder::OnEvent(const Event& e) {
  ++events_;
  next_->OnEvent(e);
  const double t = e.time.seconds();
  const std::int64_t* truth = Field<std::int64_t>(e, "truth_entity");
  const bool on_aircraft = truth && *truth > 0;
  if (e.type == "track_confirmed" && on_aircraft) {
    auto& o = Outcome(*truth);
    if (!o.first_tracked_s) o.first_tracked_s = t;
  } else if (e.type == "identity_changed" && on_aircraft) {
    auto& ids = Outcome(*truth).identities;
    const std::string& to = *Field<std::string>(e, "to");
    if (ids.empty() || ids.back() != to) ids.push_back(to);
  } else if (e.type == "engagement_ordered") {
    engagement_target_[{*Field<std::string>(e, "unit"), *Field<std::int64_t>(e, "engagement")}] = truth ? *truth : -1;
    if (on_aircraft) ++Outcome(*truth).engagements;
  } else if (e.type == "missile_launched") {
    ++launched_;
    const auto it = engagement_target_.find({*Field<std::string>(e, "unit"), *Field<std::int64_t>(e, "engagement")});
    if (it != engagement_target_.end() && it->second > 0) ++Outcome(it->second).missiles_launched_at;
  } else if (e.type == "entity_destroyed") {
    const std::int64_t id = *Field<std::int64_t>(e, "entity");
    if (world_.Get(EntityId(static_cast<std::uint32_t>(id))).kind == EntityKind::kAircraft) {
      ++destroyed_;
      Outcome(id).destroyed_s = t;
    }
  }
}

RunSummary SummaryRecorder::Finish(RunSummary s, const std::vector<SimTime>& first_detection) const {
  s.missiles_launched = launched_;
  s.aircraft_destroyed = destroyed_;
  s.events = events_;
  for (const Entity& e : world_.entities()) {
    if (e.kind != EntityKind::kAircraft) continue;
    const auto it = outcomes_.find(e.id.value());
    AircraftOutcome o = it == outcomes_.end() ? AircraftOutcome{} : it->second;
    o.name = e.name;
    o.side = e.side;
    o.type = e.type;
    o.affiliation = ToString(e.affiliation);
    const std::size_t i = e.id.value() - 1;
    if (i < first_detection.size() && first_detection[i] != SimTime::Max()) o.first_detected_s = first_detection[i].seconds();
    const bool protected_kind = e.affiliation == Affiliation::kFriendly || e.affiliation == Affiliation::kCivil;
    if (protected_kind && o.engagements > 0) s.friendly_or_civil_engaged.push_back(e.name);
    if (protected_kind && o.destroyed_s) s.friendly_or_civil_destroyed.push_back(e.name);
    s.aircraft.push_back(std::move(o));
  }
  return s;
}

}  // namespace iadsim
