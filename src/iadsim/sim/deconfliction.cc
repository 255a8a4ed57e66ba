#include "iadsim/sim/deconfliction.h"

namespace iadsim {

Deconfliction::Deconfliction(RunContext& ctx, const Scenario& scenario)
    : ctx_(ctx), scenario_(scenario), sent_(scenario.notices.size()), delivered_(scenario.notices.size()) {
  id_ = ctx_.engine.Add(this);
  for (const DeconflictionNoticeSpec& n : scenario_.notices) {
    ctx_.engine.WakeAt(SimTime() + Duration::Seconds(n.sent_s), Phase::kDecide, id_);
    ctx_.engine.WakeAt(SimTime() + Duration::Seconds(n.sent_s + n.relay_delay_s), Phase::kDecide, id_);
  }
}

void Deconfliction::Wake(SimTime now, Phase, Engine&) {
  for (std::size_t i = 0; i < scenario_.notices.size(); ++i) {
    const DeconflictionNoticeSpec& n = scenario_.notices[i];
    if (!sent_[i] && SimTime() + Duration::Seconds(n.sent_s) <= now) {
      sent_[i] = true;
      ctx_.Emit(Event{now, "deconfliction_notice"}
                    .With("name", n.name)
                    .With("from", n.from_side)
                    .With("to", n.to_side)
                    .With("area_lat", n.area_center.lat_deg)
                    .With("area_lon", n.area_center.lon_deg)
                    .With("area_radius_m", n.area_radius_m)
                    .With("delivered", false));
    }
    if (delivered_[i] || SimTime() + Duration::Seconds(n.sent_s + n.relay_delay_s) > now) continue;
    delivered_[i] = true;
    ctx_.Emit(Event{now, "deconfliction_notice"}.With("name", n.name).With("from", n.from_side).With("to", n.to_side).With("delivered", true));
    for (std::size_t a = 0; a < scenario_.aircraft.size(); ++a) {
      const AircraftSpec& spec = scenario_.aircraft[a];
      if (spec.side != n.to_side || !spec.on_notice) continue;
      const EntityId id(static_cast<std::uint32_t>(a + 1));
      const auto s = ctx_.world.StateAt(id, now);
      if (!s) continue;
      const double d = Inverse(n.area_center, s->geo).distance_m;
      const bool reacts = d <= n.area_radius_m + spec.on_notice->within_m;
      if (reacts && ctx_.world.Divert(id, now, spec.on_notice->route))
        ctx_.Emit(Event{now, "route_changed"}
                      .With("entity", std::int64_t{id.value()})
                      .With("name", spec.name)
                      .With("reason", "deconfliction notice '" + n.name + "'")
                      .With("distance_to_area_km", d / 1000.0));
    }
  }
}

}  // namespace iadsim
