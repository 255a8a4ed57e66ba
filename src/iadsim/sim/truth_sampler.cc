#include "iadsim/sim/truth_sampler.h"

#include <algorithm>

namespace iadsim {
namespace {

// The first point of the grid k·step (k integer) strictly after `after`.
SimTime NextOnGrid(SimTime after, Duration step) {
  return SimTime::Micros((after.micros() / step.micros() + 1) * step.micros());
}

}  // namespace

TruthSampler::TruthSampler(RunContext& ctx, Duration interval)
    : ctx_(ctx), interval_(interval), weapon_interval_(std::min(interval, Duration::Seconds(1))) {
  id_ = ctx_.engine.Add(this);
  ctx_.engine.WakeAt(SimTime(), Phase::kRecord, id_);
}

void TruthSampler::Wake(SimTime now, Phase, Engine& engine) {
  const bool aircraft_instant = now.micros() % interval_.micros() == 0;
  bool any = false;
  SimTime next_appearance = SimTime::Max();
  for (const Entity& e : ctx_.world.entities()) {
    if (e.route && e.route->start() > now) next_appearance = std::min(next_appearance, e.route->start());
    if (e.kind == EntityKind::kAircraft && !aircraft_instant) continue;
    const auto s = ctx_.world.StateAt(e.id, now);
    if (!s) continue;
    any = true;
    TruthSample t;
    t.time = now;
    t.entity = e.id.value();
    t.name = e.name;
    t.kind = ToString(e.kind);
    t.geo = s->geo;
    t.v_enu = EnuFromEcefRotation(s->geo.lat_deg, s->geo.lon_deg) * s->v_ecef;
    ctx_.recorder->OnTruth(t);
  }
  // The union of both grids (one grid when interval <= 1 s). An empty sky is not sampled: the
  // next sample is the first on the interval grid at which an aircraft can be there again
  // (missiles and munitions appear only while aircraft fly).
  SimTime next = std::min(NextOnGrid(now, interval_), NextOnGrid(now, weapon_interval_));
  if (!any && aircraft_instant) {
    if (next_appearance == SimTime::Max()) return;
    const std::int64_t k = (next_appearance.micros() + interval_.micros() - 1) / interval_.micros();
    next = std::max(next, SimTime::Micros(k * interval_.micros()));
  }
  engine.WakeAt(next, Phase::kRecord, id_);
}

}  // namespace iadsim
