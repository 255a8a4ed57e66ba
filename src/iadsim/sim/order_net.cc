#include "iadsim/sim/order_net.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "iadsim/sensors/comms_link.h"
#include "iadsim/sim/jamming_field.h"
#include "iadsim/sim/strike_aircraft.h"

namespace iadsim {
namespace {

double Db(double x) { return x > 0.0 ? 10.0 * std::log10(x) : -999.0; }

bool Addressed(const CommsOrderSpec& o, const AircraftSpec& a) {
  for (const std::string& to : o.to)
    if (to == a.name || (a.mission && !a.mission->package.empty() && to == a.mission->package)) return true;
  return false;
}

}  // namespace

OrderNet::OrderNet(RunContext& ctx, const Scenario& scenario, std::vector<StrikeAircraft*> aircraft)
    : ctx_(ctx), scenario_(scenario), aircraft_(std::move(aircraft)) {
  id_ = ctx_.engine.Add(this);
  for (std::size_t o = 0; o < scenario.orders.size(); ++o) {
    const CommsOrderSpec& spec = scenario.orders[o];
    for (int k = 0; k < spec.repeats; ++k)
      transmissions_.push_back({SimTime() + Duration::Seconds(spec.at_s + k * spec.repeat_interval_s), o, k});
    received_.emplace_back(aircraft_.size(), false);
  }
  std::stable_sort(transmissions_.begin(), transmissions_.end(),
                   [](const Transmission& a, const Transmission& b) { return a.time < b.time; });
  for (const Transmission& t : transmissions_) ctx_.engine.WakeAt(t.time, Phase::kDecide, id_);
}

void OrderNet::Wake(SimTime now, Phase, Engine&) {
  while (!transmissions_.empty() && transmissions_.front().time <= now) {
    const Transmission t = transmissions_.front();
    transmissions_.erase(transmissions_.begin());
    Send(now, scenario_.orders[t.order], t.repeat);
  }
}

void OrderNet::Send(SimTime now, const CommsOrderSpec& order, int repeat) {
  const std::size_t o = static_cast<std::size_t>(&order - scenario_.orders.data());
  const ControllerSpec* ctrl = nullptr;
  for (const ControllerSpec& c : scenario_.controllers)
    if (c.name == order.from) ctrl = &c;
  IADSIM_CHECK(ctrl != nullptr, "an order from an undefined controller (the reader checks this)");
  Geodetic from = ctrl->position;
  if (!ctrl->carrier.empty()) {
    std::optional<EntityState> cs;
    for (const Entity& e : ctx_.world.entities())
      if (e.kind == EntityKind::kAircraft && e.name == ctrl->carrier) cs = ctx_.world.StateAt(e.id, now);
    if (!cs) return;  // the carrier is not in the sky: nothing is sent
    from = cs->geo;
  }
  const Vec3 from_ecef = EcefFromGeodetic(from);
  const double erp_w = ctrl->radio.power_w * std::pow(10.0, ctrl->radio.gain_db / 10.0);
  for (std::size_t a = 0; a < aircraft_.size(); ++a) {
    const AircraftSpec& spec = aircraft_[a]->spec();
    if (received_[o][a] || !Addressed(order, spec) || !spec.mission->radio) continue;
    const auto s = ctx_.world.StateAt(aircraft_[a]->id(), now);
    if (!s) continue;
    const RadioConfig& rx = *spec.mission->radio;
    const bool sight = ctx_.world.InLineOfSight(from, s->geo);
    const double signal = sight ? ReceivedPowerW(erp_w, rx.gain_db, (s->p_ecef - from_ecef).norm(), rx.frequency_hz, rx.losses_db) : 0.0;
    double jam = 0.0;
    for (const HeardJammer& j : JammersHeard(ctx_.world, JammerBand::kComms, s->geo, s->p_ecef, now)) {
      const Jammer& jammer = ctx_.world.jammers()[j.index];
      const bool in_band = jammer.frequency_hz <= 0.0 ||
                           std::abs(jammer.frequency_hz - rx.frequency_hz) <= (jammer.bandwidth_hz + rx.bandwidth_hz) / 2.0;
      if (!in_band) continue;
      jam += ReceivedPowerW(j.erp_w, rx.gain_db, j.range_m, rx.frequency_hz, rx.losses_db) *
             std::min(1.0, rx.bandwidth_hz / jammer.bandwidth_hz);
    }
    const double sinr = LinkSinr(signal, ReceiverNoiseW(rx), jam, rx.processing_gain_db);
    const double loss = signal > 0.0 ? MessageLossProbability(rx, sinr) : 1.0;
    RandomStream rng = ctx_.Stream(order.name, "delivery").Derive(spec.name, static_cast<std::uint64_t>(repeat));
    const bool got = !rng.Bernoulli(loss);
    ctx_.Emit(Event{now, got ? "order_received" : "order_lost"}
                  .With("order", order.name)
                  .With("aircraft", spec.name)
                  .With("sinr_db", Db(sinr))
                  .With("js_db", signal > 0.0 && jam > 0.0 ? Db(jam / signal) : -999.0)
                  .With("loss_probability", loss));
    if (!got) continue;
    received_[o][a] = true;
    aircraft_[a]->Abort(now, fmt::format("abort order '{}' from {}", order.name, order.from));
  }
}

}  // namespace iadsim
