#include "iadsim/sim/fire_unit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include <Eigen/Geometry>

#include "iadsim/sim/command_post_node.h"
#include "iadsim/c2/capture_zone.h"
#include "iadsim/tracking/kalman.h"
#include "iadsim/tracking/polar_measurement.h"
#include "iadsim/weapons/fuze.h"

namespace iadsim {
namespace {
constexpr int kFirmTrackHits = 2;    // fire-control hits before launch
constexpr int kLostAfterMisses = 5;  // consecutive fire-control misses that lose the target
constexpr double kMaxAircraftSpeedMps = 1500.0;  // bound for fuze-check scheduling
constexpr double kFireControlQ = 400.0;          // m^2/s^3: fire-control tracks expect manoeuvres
}  // namespace

FireUnit::FireUnit(RunContext& ctx, const UnitSpec& spec, CommandPostNode* command_post)
    : ctx_(ctx),
      spec_(spec),
      command_post_(command_post),
      frame_(spec.engagement_radar.position),
      radar_(spec.engagement_radar, ctx.Stream(spec.name + "/" + spec.engagement_radar.name, "look")),
      warhead_stream_(ctx.Stream(spec.name, "warhead")),
      alignment_error_rad_(spec.has_surveillance ? spec.surveillance.north_alignment_error_rad : 0.0) {
  id_ = ctx_.engine.Add(this);
  if (spec.midcourse_step_s > 0.0)
    midcourse_span_ = std::max(1, static_cast<int>(std::lround(spec.midcourse_step_s / spec.missile_step_s)));
  channels_.resize(static_cast<std::size_t>(spec.engagement_radar.channels));
  for (const LauncherSpec& l : spec.launchers)
    launchers_.push_back({l, frame_.EnuFromGeodetic(l.position), l.rounds, {}, l.reserve, std::nullopt});
  const EngagementRadarConfig& r = spec.engagement_radar;
  Emitter e;
  e.name = spec.name + "/engagement";
  e.unit = spec.name;
  e.kind = EmitterKind::kEngagement;
  e.position = r.position;
  e.p_ecef = EcefFromGeodetic(r.position);
  const bool cw = spec.guidance == MissileGuidance::kSemiActive && spec.illuminator;
  e.frequency_hz = cw ? spec.illuminator->frequency_hz : r.radar.frequency_hz;
  e.erp_w = cw ? spec.illuminator->power_w * std::pow(10.0, spec.illuminator->gain_db / 10.0)
               : r.radar.peak_power_w * std::pow(10.0, r.radar.gain_db / 10.0);
  e.beamwidth_rad = cw ? spec.illuminator->beamwidth_rad : r.beamwidth_rad;
  e.sidelobe_db = cw ? spec.illuminator->sidelobe_level_db : 30.0;
  emitter_ = ctx_.world.AddEmitter(std::move(e));
}

FireUnitStatus FireUnit::Status(const LocalFrame& cp_frame) const {
  FireUnitStatus s;
  s.p_enu = cp_frame.EnuFromEcef(frame_.EcefFromEnu(Vec3::Zero()));
  const bool destroyed = ctx_.world.emitters()[emitter_].destroyed;
  for (const Channel& c : channels_) {
    if (!c.active && !destroyed) ++s.free_channels;
    s.ready_rounds -= c.active ? c.to_fire : 0;
  }
  for (const Launcher& l : launchers_) s.ready_rounds += l.rounds;
  s.envelope = spec_.envelope;
  if (spec_.guidance == MissileGuidance::kSemiActive && spec_.illuminator) {
    s.semi_active = true;
    s.illuminator_beamwidth_rad = spec_.illuminator->beamwidth_rad;
    s.doppler_gate_mps = spec_.seeker.doppler_gate_mps;
  }
  return s;
}

void FireUnit::Order(const EngagementOrder& order) {
  auto it = std::find_if(channels_.begin(), channels_.end(), [](const Channel& c) { return !c.active; });
  if (it == channels_.end()) return;  // the command post saw a free channel: cannot happen
  Channel& c = *it;
  c = Channel{};
  c.order = order;
  c.active = true;
  c.to_fire = order.rounds;
  c.t = order.time;
  Vec3 p_ecef = order.target_p_ecef, v_ecef = order.target_v_ecef;
  Eigen::Matrix<double, 6, 6> P_ecef = order.target_P_ecef;
  if (alignment_error_rad_ != 0.0) {
    // The designation is in the command post's (misaligned) geography: turn it back about the unit.
    const LocalFrame cp(spec_.position);
    const Eigen::Matrix3d Rz = Eigen::AngleAxisd(alignment_error_rad_, Vec3::UnitZ()).toRotationMatrix();
    const Eigen::Matrix3d R = cp.R_enu_from_ecef().transpose() * Rz * cp.R_enu_from_ecef();
    p_ecef = cp.EcefFromEnu(Rz * cp.EnuFromEcef(p_ecef));
    v_ecef = R * v_ecef;
    P_ecef = RotatePositionVelocityCovariance(R, P_ecef);
  }
  c.x.head<3>() = frame_.EnuFromEcef(p_ecef);
  c.x.tail<3>() = frame_.EnuVectorFromEcef(v_ecef);
  c.P = RotatePositionVelocityCovariance(frame_.R_enu_from_ecef(), P_ecef);
  ctx_.engine.WakeAt(order.time + Duration::Seconds(spec_.engagement_radar.update_interval_s), Phase::kSense, id_);
}

void FireUnit::Wake(SimTime now, Phase phase, Engine& engine) {
  if (phase == Phase::kSense) {
    bool any = false;
    for (Channel& c : channels_) {
      if (!c.active) continue;
      Look(now, c);
      any = any || c.active;
    }
    Emitter& emitter = ctx_.world.emitter(emitter_);
    emitter.radiating = any && !emitter.destroyed;
    emitter.beams_ecef.clear();
    for (const Channel& c : channels_)
      if (c.active) emitter.beams_ecef.push_back(frame_.EcefFromEnu(c.x.head<3>()));
    if (any) engine.WakeAt(now + Duration::Seconds(spec_.engagement_radar.update_interval_s), Phase::kSense, id_);
    engine.WakeAt(now, Phase::kAct, id_);
  } else if (phase == Phase::kAct) {
    Launch(now);
  } else if (phase == Phase::kMove) {
    Fly(now);
  }
}

void FireUnit::Look(SimTime now, Channel& c) {
  const double dt = (now - c.t).seconds();
  PredictCv(c.x, c.P, dt, kFireControlQ);
  c.t = now;
  const bool blind = ctx_.world.emitters()[emitter_].destroyed;
  const auto d = blind ? std::nullopt : radar_.Look(ctx_.world, now, frame_.EcefFromEnu(c.x.head<3>()), c.looks++);
  if (d) {
    const Geodetic& at = d->sensor_position;
    if (!fire_control_model_ || fire_control_model_->sensor_position().lat_deg != at.lat_deg ||
        fire_control_model_->sensor_position().lon_deg != at.lon_deg || fire_control_model_->sensor_position().alt_m != at.alt_m)
      fire_control_model_.emplace(frame_, d->sensor_position, true);
    const PolarMeasurementModel& m = *fire_control_model_;
    const auto [h, H] = m.Linearize(c.x);
    KalmanUpdate<6, Eigen::Dynamic>(c.x, c.P, m.Innovation(m.Measurement(*d), h), H, m.NoiseCovariance(*d));
    ++c.hits;
    c.consecutive_misses = 0;
    return;
  }
  if (++c.consecutive_misses >= kLostAfterMisses) {
    if (c.to_fire > 0)
      ctx_.Emit(Event{now, "engagement_aborted"}
                    .With("unit", spec_.name)
                    .With("engagement", std::int64_t{c.order.engagement.value()})
                    .With("reason", std::string("fire-control radar lost the target")));
    c.to_fire = 0;
    MaybeEndEngagement(now, c);
  }
}

void FireUnit::Revoke(SimTime now, EngagementId engagement, bool destroy_in_flight, const std::string& why) {
  const auto it = std::find_if(channels_.begin(), channels_.end(),
                               [&](const Channel& c) { return c.active && c.order.engagement == engagement; });
  if (it == channels_.end()) return;
  it->to_fire = 0;
  if (destroy_in_flight) {
    const int channel = static_cast<int>(it - channels_.begin());
    for (Flight& f : flights_)
      if (f.missile.valid() && f.channel == channel) f.hold_fire = "hold fire: " + why;
  }
  MaybeEndEngagement(now, *it);
}

std::optional<SimTime> FireUnit::Reload(SimTime now) {
  std::optional<SimTime> next;
  for (Launcher& l : launchers_) {
    if (l.rounds > 0 || l.reserve == 0) continue;
    if (!l.reloaded_at) l.reloaded_at = now + Duration::Seconds(l.spec.reload_time_s);
    if (*l.reloaded_at <= now) {
      const int n = std::min(l.reserve, l.spec.rounds);
      l.rounds += n;
      l.reserve -= n;
      l.reloaded_at.reset();
      ctx_.Emit(Event{now, "launcher_reloaded"}.With("unit", spec_.name).With("launcher", l.spec.name).With("rounds", std::int64_t{n}));
    } else {
      next = next ? std::min(*next, *l.reloaded_at) : *l.reloaded_at;
    }
  }
  return next;
}

void FireUnit::Launch(SimTime now) {
  std::optional<SimTime> retry = Reload(now);
  for (Channel& c : channels_) {
    if (!c.active || c.to_fire == 0 || c.hits < kFirmTrackHits || c.consecutive_misses > 0) continue;
    const SimTime ready = c.order.time + Duration::Seconds(spec_.reaction_time_s);
    if (ready > now) {
      retry = retry ? std::min(*retry, ready) : ready;
      continue;
    }
    Launcher* best = nullptr;
    for (Launcher& l : launchers_) {
      if (l.rounds == 0) continue;
      if (l.next_ready > now) {
        retry = retry ? std::min(*retry, l.next_ready) : l.next_ready;
        continue;
      }
      best = &l;
      break;
    }
    if (best == nullptr) continue;
    --best->rounds;
    for (Launcher& l : launchers_) l.next_ready = std::max(l.next_ready, now + Duration::Seconds(best->spec.launch_interval_s));
    --c.to_fire;
    ++c.in_flight;
    Entity e;
    e.kind = EntityKind::kMissile;
    e.name = fmt::format("{}/{}-{}", spec_.name, spec_.missile_type, ++missiles_fired_);
    e.side = spec_.side;
    e.type = spec_.missile_type;
    e.affiliation = Affiliation::kHostile;
    const EntityId id = ctx_.world.Add(e);
    Vec3 dir = c.x.head<3>() - best->p_enu;
    dir.z() = 0.0;
    Interceptor missile(spec_.interceptor, best->p_enu, dir.normalized(), frame_.origin().alt_m);
    ctx_.world.SetMissileState(id, now, frame_.EcefFromEnu(best->p_enu), Vec3::Zero());
    if (flights_.empty()) fly_grid_ = now;  // a new grid: none in flight
    flights_.push_back({id, static_cast<int>(&c - channels_.data()), missile, {}, 0, std::nullopt, false});
    {
      // The first step ends at the first grid point after the launch.
      const Duration unit = Duration::Seconds(spec_.missile_step_s);
      Flight& f = flights_.back();
      f.next_step_at = fly_grid_ + unit * ((now - fly_grid_).micros() / unit.micros() + 1);
      ScheduleFly(f.next_step_at);
    }
    const bool semi_active = spec_.guidance == MissileGuidance::kSemiActive;
    ctx_.Emit(Event{now, "missile_launched"}
                  .With("unit", spec_.name)
                  .With("engagement", std::int64_t{c.order.engagement.value()})
                  .With("track", std::int64_t{c.order.track.value()})
                  .With("missile", std::int64_t{id.value()})
                  .With("missile_name", e.name)
                  .With("launcher", best->spec.name)
                  .With("guidance", std::string(semi_active ? "semi_active" : "command")));
    if (semi_active) {
      Flight& f = flights_.back();
      f.seeker.emplace(spec_.seeker);
      const Vec3 to_target = c.x.head<3>() - best->p_enu;
      const Vec3 boresight = to_target.normalized();
      const std::vector<SeekerEcho> echoes = Echoes(now, c, best->p_enu, Vec3::Zero(), boresight);
      const double designated = RangeSumRate(Vec3::Zero(), c.x.head<3>(), c.x.tail<3>(), best->p_enu, Vec3::Zero());
      if (spec_.seeker.lock == SeekerConfig::Lock::kBeforeLaunch) {
        const auto r = f.seeker->LockBeforeLaunch(now.seconds(), designated, echoes);
        f.ever_locked = r.held.has_value();
        ReportSeeker(now, f, r, echoes, "before_launch");
      } else {
        f.seeker->SetGateCentre(designated);
      }
    }
    if (c.to_fire > 0) retry = now + Duration::Seconds(best->spec.launch_interval_s);
    if (best->rounds == 0 && best->reserve > 0) {
      const auto reload = Reload(now);
      if (reload) retry = retry ? std::min(*retry, *reload) : *reload;
    }
  }
  if (retry) ctx_.engine.WakeAt(*retry, Phase::kAct, id_);
}

void FireUnit::ScheduleFly(SimTime t) {
  if (std::find(pending_fly_.begin(), pending_fly_.end(), t) != pending_fly_.end()) return;
  pending_fly_.push_back(t);
  ctx_.engine.WakeAt(t, Phase::kMove, id_);
}

void FireUnit::Fly(SimTime now) {
  std::erase_if(pending_fly_, [&](SimTime t) { return t <= now; });
  const double unit_dt = spec_.missile_step_s;
  const Duration unit = Duration::Seconds(unit_dt);
  for (Flight& f : flights_) {
    if (!f.missile.valid() || f.next_step_at > now) continue;
    IADSIM_CHECK(f.next_step_at == now, "FireUnit::Fly: a missile step was skipped");
    const double dt = unit_dt * f.steps_taken;
    const Channel& c = channels_[f.channel];
    const double age = (now - c.t).seconds() - dt;  // estimate at the start of the step
    const Vec3 est_p = c.x.head<3>() + c.x.tail<3>() * age;
    const Vec3 m0 = f.interceptor.state().p_enu;
    if (f.seeker) {
      const auto [aim_p, aim_v] = SeekerTarget(now - Duration::Seconds(dt), now, f, c, est_p, c.x.tail<3>());
      if (!f.missile.valid()) continue;  // self-destructed on a lost lock
      f.interceptor.Step(dt, aim_p, aim_v);
    } else {
      f.interceptor.Step(dt, est_p, c.x.tail<3>());
    }
    const Vec3 m1 = f.interceptor.state().p_enu;
    ctx_.world.SetMissileState(f.missile, now, frame_.EcefFromEnu(m1),
                               frame_.EcefVectorFromEnu(f.interceptor.state().v_enu));
    if (f.interceptor.armed() && Fuze(now - Duration::Seconds(dt), dt, f, m0, m1)) continue;
    if (f.hold_fire && !f.interceptor.self_destruct_disabled()) {
      const std::string why = *std::exchange(f.hold_fire, std::nullopt);
      if (SelfDestruct(now, f, why)) continue;
    }
    const auto sd = f.interceptor.self_destruct();
    if (sd != Interceptor::SelfDestruct::kNone) {
      // A failed self-destruct flies on: its next step, of the same span, ends one grid step later.
      if (!SelfDestruct(now, f, sd == Interceptor::SelfDestruct::kTooSlow ? "self-destruct: too slow" : "self-destruct: flight time"))
        f.next_step_at = now + unit;
    } else if (f.interceptor.altitude_m() < 0.0)
      EndFlight(now, f, "ground impact", -1, -1);
    else {
      f.steps_taken =
          f.seeker ? 1 : f.interceptor.StepSpan(est_p + c.x.tail<3>() * dt, c.x.tail<3>(), midcourse_span_, spec_.terminal_time_to_go_s);
      f.next_step_at = now + unit * f.steps_taken;
    }
  }
  std::erase_if(flights_, [](const Flight& f) { return !f.missile.valid(); });
  if (flights_.empty()) return;
  SimTime next = SimTime::Max();
  for (const Flight& f : flights_) next = std::min(next, f.next_step_at);
  ScheduleFly(next);
}

bool FireUnit::Fuze(SimTime t0, double dt, Flight& f, const Vec3& m0, const Vec3& m1) {
  const SimTime t1 = t0 + Duration::Seconds(dt);
  const auto& entities = ctx_.world.entities();
  // Entities that are not targets are never checked; new entities are checked at once.
  std::vector<std::pair<SimTime, std::uint32_t>>& queue = f.fuze_queue;
  const auto later = std::greater<>();
  for (; f.fuze_known < entities.size(); ++f.fuze_known) {
    if (!entities[f.fuze_known].IsTarget()) continue;
    queue.emplace_back(SimTime(), static_cast<std::uint32_t>(f.fuze_known));
    std::push_heap(queue.begin(), queue.end(), later);
  }
  // The entities due at t1, checked in index order; each goes back in the schedule unless never.
  fuze_due_.clear();
  while (!queue.empty() && queue.front().first <= t1) {
    std::pop_heap(queue.begin(), queue.end(), later);
    fuze_due_.push_back(queue.back());
    queue.pop_back();
  }
  std::sort(fuze_due_.begin(), fuze_due_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  const auto schedule = [&](SimTime next, std::uint32_t i) {
    if (next == SimTime::Max()) return;
    queue.emplace_back(next, i);
    std::push_heap(queue.begin(), queue.end(), later);
  };
  const InterceptorConfig& cfg = spec_.interceptor;
  double best_t = dt + 1.0, best_d = 0.0;
  EntityId best;
  for (const auto& [due, i] : fuze_due_) {
    const Entity& e = entities[i];
    const auto s = ctx_.world.StateAt(e.id, t1);
    if (!s) {  // not in the sky: next checked when it may be (its start), or never
      schedule(ctx_.world.NextTimeInSky(e.id, t1), i);
      continue;
    }
    const Vec3 a1 = frame_.EnuFromEcef(s->p_ecef);
    const Vec3 a_v = frame_.EnuVectorFromEcef(s->v_ecef);
    const Vec3 rel0 = (a1 - a_v * dt) - m0;
    const Vec3 rel1 = a1 - m1;
    if (const auto ca = ProximityFuze(rel0, (rel1 - rel0) / dt, dt, cfg.fuze_radius_m)) {
      if (ca->t_s < best_t) {
        best_t = ca->t_s;
        best_d = ca->distance_m;
        best = e.id;
      }
      schedule(due, i);  // still due
      continue;
    }
    const double margin = rel1.norm() - 2.0 * cfg.fuze_radius_m;
    const double closing = f.interceptor.state().v_enu.norm() + kMaxAircraftSpeedMps;
    schedule(margin > 0.0 ? t1 + Duration::Seconds(margin / closing) : t1, i);
  }
  if (!best.valid()) return false;
  const Entity& target = ctx_.world.Get(best);
  bool killed = false;
  if (best_d <= cfg.lethal_radius_m) {
    RandomStream rng = warhead_stream_.Derive(ctx_.world.Get(f.missile).name, 0);
    killed = rng.Bernoulli(cfg.kill_probability);
  }
  const EntityId missile = f.missile;
  EndFlight(t1, f, "proximity fuze", best_d, best.value());
  if (killed) {
    ctx_.world.Destroy(best, t1);
    ctx_.Emit(Event{t1, "entity_destroyed"}
                  .With("entity", std::int64_t{best.value()})
                  .With("name", target.name)
                  .With("affiliation", std::string(ToString(target.affiliation)))
                  .With("by_missile", std::int64_t{missile.value()}));
  }
  return true;
}

bool FireUnit::SelfDestruct(SimTime t, Flight& f, const std::string& why) {
  RandomStream rng = warhead_stream_.Derive(ctx_.world.Get(f.missile).name, 1);
  if (rng.Bernoulli(spec_.self_destruct.reliability)) {
    EndFlight(t, f, why, -1, -1);
    return true;
  }
  ctx_.Emit(Event{t, "self_destruct_failed"}.With("missile", std::int64_t{f.missile.value()}).With("reason", why));
  f.interceptor.DisableSelfDestruct();  // and no second command
  return false;
}

std::vector<SeekerEcho> FireUnit::Echoes(SimTime t, const Channel& c, const Vec3& m_p, const Vec3& m_v,
                                   const Vec3& boresight) const {
  std::vector<SeekerEcho> out;
  if (ctx_.world.emitters()[emitter_].destroyed) return out;  // nothing illuminates the sky
  const Vec3 illuminator_ecef = frame_.EcefFromEnu(Vec3::Zero());
  const double age = (t - c.t).seconds();
  const Vec3 aim = c.x.head<3>() + c.x.tail<3>() * age;
  EchoGeometry g;
  g.illuminator_p = Vec3::Zero();
  g.illuminator_boresight = aim.normalized();
  g.missile_p = m_p;
  g.missile_v = m_v.norm() > 1.0 ? m_v : boresight;
  g.seeker_boresight = boresight;
  ctx_.world.ForEachAircraft(t, [&](const Entity& e, const EntityState& s) {
    g.target_p = frame_.EnuFromEcef(s.p_ecef);
    g.target_v = frame_.EnuVectorFromEcef(s.v_ecef);
    g.rcs_m2 = e.signature.RcsSeenFrom(s.geo, s.p_ecef, s.v_ecef, illuminator_ecef);
    out.push_back(ComputeEcho(*spec_.illuminator, spec_.seeker, g, e.id.value()));
  });
  return out;
}

void FireUnit::ReportSeeker(SimTime t, const Flight& f, const SemiActiveSeeker::Result& r,
                            const std::vector<SeekerEcho>& echoes, const char* reason) {
  using Change = SemiActiveSeeker::Change;
  if (r.change == Change::kNone) return;
  EventRecords list;
  for (const SeekerEcho& e : echoes)
    list.items.push_back({{"entity", std::int64_t(e.source)},
                          {"power_dbw", e.power_dbw},
                          {"in_beam", e.in_illuminator_beam},
                          {"in_gate", std::abs(e.range_sum_rate_mps - f.seeker->gate_centre_mps()) <= spec_.seeker.doppler_gate_mps},
                          {"detectable", e.detectable}});
  if (r.change == Change::kLost) {
    ctx_.Emit(Event{t, "seeker_lost"}
                  .With("missile", std::int64_t{f.missile.value()})
                  .With("entity", r.previous ? std::int64_t(*r.previous) : std::int64_t{-1})
                  .With("reason", std::string("no echo in the gate")));
    return;
  }
  const char* why = r.change == Change::kCaptured ? "captured" : r.change == Change::kReacquired ? "reacquired" : reason;
  double power = 0.0;
  for (const SeekerEcho& e : echoes)
    if (r.held && e.source == *r.held) power = e.power_dbw;
  Event ev{t, "seeker_locked"};
  ev.With("missile", std::int64_t{f.missile.value()})
      .With("entity", r.held ? std::int64_t(*r.held) : std::int64_t{-1})
      .With("power_dbw", power)
      .With("reason", std::string(why))
      .With("echoes", std::move(list));
  if (r.previous) ev.With("previous_entity", std::int64_t(*r.previous));
  ctx_.Emit(ev);
}

std::pair<Vec3, Vec3> FireUnit::SeekerTarget(SimTime t, SimTime step_end, Flight& f, const Channel& c,
                                             const Vec3& est_p, const Vec3& est_v) {
  const InterceptorState& m = f.interceptor.state();
  std::optional<EntityState> held;
  if (f.seeker->held()) held = ctx_.world.StateAt(EntityId(static_cast<std::uint32_t>(*f.seeker->held())), t);
  const Vec3 look = held ? frame_.EnuFromEcef(held->p_ecef) : est_p;
  const Vec3 boresight = (look - m.p_enu).normalized();
  const std::vector<SeekerEcho> echoes = Echoes(t, c, m.p_enu, m.v_enu, boresight);
  if (!f.seeker->held() && !f.ever_locked && !f.seeker->searching())
    f.seeker->SetGateCentre(RangeSumRate(Vec3::Zero(), est_p, est_v, m.p_enu, m.v_enu));
  const auto r = f.seeker->Update(t.seconds(), echoes);
  if (r.held) f.ever_locked = true;
  ReportSeeker(t, f, r, echoes, "after_launch");
  const auto& sd = spec_.self_destruct.on_lost_lock_s;
  if (sd && f.ever_locked && !f.interceptor.self_destruct_disabled() && !f.seeker->held() &&
      f.seeker->time_without_lock_s(t.seconds()) >= *sd)
    if (SelfDestruct(step_end, f, fmt::format("self-destruct: no seeker lock for {:.0f} s", *sd))) return {est_p, est_v};
  if (f.seeker->held()) {
    if (const auto s = ctx_.world.StateAt(EntityId(static_cast<std::uint32_t>(*f.seeker->held())), t))
      return {frame_.EnuFromEcef(s->p_ecef), frame_.EnuVectorFromEcef(s->v_ecef)};
  }
  return {est_p, est_v};
}

void FireUnit::EndFlight(SimTime t, Flight& f, const std::string& reason, double miss_m, std::int64_t nearest) {
  Channel& c = channels_[f.channel];
  Event e{t, "missile_detonated"};
  e.With("missile", std::int64_t{f.missile.value()})
      .With("engagement", std::int64_t{c.order.engagement.value()})
      .With("reason", reason);
  if (nearest >= 0) {
    e.With("miss_distance_m", miss_m).With("nearest_entity", nearest);
  } else {
    const auto closest = ctx_.NearestAircraft(t, ctx_.world.StateAt(f.missile, t)->p_ecef, 1e9);
    e.With("nearest_entity", closest ? std::int64_t{closest->value()} : std::int64_t{-1});
  }
  ctx_.Emit(e);
  ctx_.world.Destroy(f.missile, t);
  f.missile = EntityId();
  --c.in_flight;
  MaybeEndEngagement(t, c);
}

void FireUnit::MaybeEndEngagement(SimTime t, Channel& c) {
  if (!c.active || c.to_fire > 0 || c.in_flight > 0) return;
  c.active = false;
  command_post_->EngagementEnded(c.order.engagement, t);
}

}  // namespace iadsim
