#include "iadsim/sim/strike_aircraft.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/sensors/jamming.h"
#include "iadsim/sim/jamming_field.h"
#include "iadsim/sim/munitions.h"
#include "iadsim/weapons/ground_damage.h"

namespace iadsim {
namespace {

constexpr double kTickS = 1.0;                // RWR and GNSS receiver update
constexpr double kMainBeamRad = 2.0 * std::numbers::pi / 180.0;  // airborne radar: a jammer this close to the
                                                                 // target's direction is in the main beam

double AzimuthTo(const LocalFrame& f, const Vec3& p_ecef) {
  const Vec3 d = f.EnuFromEcef(p_ecef);
  return std::atan2(d.x(), d.y());
}

}  // namespace

StrikeAircraft::StrikeAircraft(RunContext& ctx, const Scenario& scenario, const AircraftSpec& spec, EntityId id,
                               Munitions* munitions)
    : ctx_(ctx), scenario_(scenario), spec_(spec), mission_(*spec.mission), id_entity_(id), munitions_(munitions) {
  id_ = ctx_.engine.Add(this);
  const RouteMover& route = *ctx_.world.Get(id).route;
  RandomStream rng = ctx_.Stream(spec.name, "navigation");
  nav_.emplace(mission_.navigation, rng, route.start().seconds(), mission_.gnss.has_value());
  if (mission_.gnss) gnss_.emplace();
  for (std::size_t r = 0; r < mission_.releases.size(); ++r) {
    const WeaponRelease& w = mission_.releases[r];
    for (int k = 0; k < w.count; ++k)
      pending_.push_back({route.waypoint_time(w.at_waypoint) + Duration::Seconds(k * w.interval_s), r, k});
  }
  std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) { return a.time < b.time; });
  for (const Pending& p : pending_) ctx_.engine.WakeAt(p.time, Phase::kAct, id_);
  const bool listens = mission_.rwr && mission_.reaction;
  if (listens || (gnss_ && HasJammers(ctx_.world, JammerBand::kGnss))) {
    ticking_ = true;
    ctx_.engine.WakeAt(route.start(), Phase::kSense, id_);
  }
}

void StrikeAircraft::Wake(SimTime now, Phase phase, Engine& engine) {
  if (phase == Phase::kSense) {
    Tick(now);
    if (ticking_) engine.WakeAt(now + Duration::Seconds(kTickS), Phase::kSense, id_);
    return;
  }
  while (!pending_.empty() && pending_.front().time <= now) {
    const Pending p = pending_.front();
    pending_.erase(pending_.begin());
    const auto s = ctx_.world.StateAt(id_entity_, now);
    if (gave_up_ || !s) continue;
    const WeaponRelease& w = mission_.releases[p.release];
    if (p.round == 0 && mission_.radar && w.type.kind != MunitionKind::kAntiRadiation) RadarFix(now, *s, w);
    munitions_->Release(now, id_entity_, w, p.round, nav_->ErrorEn(now.seconds()), nav_->gnss_tracking());
  }
}

void StrikeAircraft::Tick(SimTime now) {
  const auto s = ctx_.world.StateAt(id_entity_, now);
  if (!s) {
    // Not yet in the sky, or gone for good (landed, off the scenario, shot down).
    if (now >= ctx_.world.Get(id_entity_).route->start()) ticking_ = false;
    return;
  }
  if (gnss_) UpdateGnss(now, *s);
  if (mission_.rwr && mission_.reaction && !gave_up_) Listen(now, *s);
  const bool gnss_work = gnss_ && HasJammers(ctx_.world, JammerBand::kGnss);
  ticking_ = gnss_work || (mission_.rwr && mission_.reaction && !gave_up_);
}

void StrikeAircraft::UpdateGnss(SimTime now, const EntityState& s) {
  if (!HasJammers(ctx_.world, JammerBand::kGnss)) return;
  const GnssReceiverConfig& rx = *mission_.gnss;
  const double js = GnssJammingToSignalAt(ctx_.world, rx, s.geo, s.p_ecef, now);
  if (!gnss_->Update(rx, GnssCarrierToNoiseDbHz(rx, js))) return;
  if (gnss_->tracking())
    nav_->GnssRegained();
  else
    nav_->GnssLost(now.seconds());
  ctx_.Emit(Event{now, gnss_->tracking() ? "gnss_regained" : "gnss_lost"}
                .With("aircraft", spec_.name)
                .With("js_db", js)
                .With("cn0_dbhz", GnssCarrierToNoiseDbHz(rx, js)));
}

void StrikeAircraft::Listen(SimTime now, const EntityState& s) {
  const RwrConfig& rwr = *mission_.rwr;
  int level = -1;
  Vec3 threat = Vec3::Zero();
  std::string source;
  for (const Emitter& em : ctx_.world.emitters()) {
    const double erp = em.ErpTowardW(s.p_ecef);
    if (erp <= 0.0 || !RwrHears(rwr, erp, (em.p_ecef - s.p_ecef).norm(), em.frequency_hz)) continue;
    if (!ctx_.world.InLineOfSight(em.position, s.geo)) continue;
    const int l = static_cast<int>(em.kind == EmitterKind::kEngagement && em.Locks(s.p_ecef) ? RwrTrigger::kLock
                                                                                             : RwrTrigger::kSearch);
    if (l > level) level = l, threat = em.p_ecef, source = em.name;
  }
  for (const Entity& e : ctx_.world.entities()) {
    if (e.kind != EntityKind::kMissile || e.destroyed) continue;
    const auto m = ctx_.world.StateAt(e.id, now);
    if (!m) continue;
    const Vec3 rel = s.p_ecef - m->p_ecef;
    if (rel.norm() > kLaunchWarningRangeM || rel.dot(m->v_ecef - s.v_ecef) <= 0.0) continue;
    level = static_cast<int>(RwrTrigger::kLaunch), threat = m->p_ecef, source = e.name;
    break;
  }
  if (level > warning_level_) {
    warning_level_ = level;
    ctx_.Emit(Event{now, "rwr_warning"}
                  .With("aircraft", spec_.name)
                  .With("warning", std::string(ToString(static_cast<RwrTrigger>(level))))
                  .With("source", source));
  }
  if (level >= static_cast<int>(mission_.reaction->on))
    React(now, s, threat, ToString(static_cast<RwrTrigger>(level)));
}

void StrikeAircraft::React(SimTime now, const EntityState& s, const Vec3& threat_ecef, const std::string& trigger) {
  const RwrReaction& r = *mission_.reaction;
  const LocalFrame f(s.geo);
  const Vec3 v = f.EnuVectorFromEcef(s.v_ecef);
  const double heading = std::atan2(v.x(), v.y());
  const double to_threat = AzimuthTo(f, threat_ecef);
  const double speed = std::max(1.0, v.head<2>().norm());
  double new_heading = heading, alt = s.geo.alt_m;
  switch (r.action) {
    case RwrAction::kTurnAway: new_heading = to_threat + std::numbers::pi; break;
    case RwrAction::kBeam: {
      const double a = to_threat + std::numbers::pi / 2, b = to_threat - std::numbers::pi / 2;
      new_heading = AzimuthGapRad(a, heading) <= AzimuthGapRad(b, heading) ? a : b;
      break;
    }
    case RwrAction::kDescend: alt = r.descend_to_m; break;
    case RwrAction::kAbort: break;
  }
  std::vector<Waypoint> legs;
  if (r.action != RwrAction::kAbort) {
    Geodetic end = Direct(s.geo, new_heading, r.leg_m).point;
    end.alt_m = alt;
    legs.push_back({end, speed});
  }
  Egress(now, std::move(legs), fmt::format("{} after a {} warning", ToString(r.action), trigger));
}

void StrikeAircraft::Egress(SimTime now, std::vector<Waypoint> legs, const std::string& why) {
  gave_up_ = true;
  const std::vector<Waypoint>& home =
      mission_.egress.empty() ? std::vector<Waypoint>{spec_.route.waypoints.front()} : mission_.egress;
  legs.insert(legs.end(), home.begin(), home.end());
  const bool diverted = ctx_.world.Divert(id_entity_, now, legs);
  ctx_.Emit(Event{now, "attack_abandoned"}
                .With("aircraft", spec_.name)
                .With("why", why)
                .With("releases_left", std::int64_t{static_cast<std::int64_t>(pending_.size())})
                .With("diverted", std::int64_t{diverted ? 1 : 0}));
}

void StrikeAircraft::Abort(SimTime now, const std::string& why) {
  if (gave_up_) return;
  if (ctx_.world.StateAt(id_entity_, now)) Egress(now, {}, why);
}

void StrikeAircraft::RadarFix(SimTime now, const EntityState& s, const WeaponRelease& release) {
  const AirborneRadarSpec& radar = *mission_.radar;
  const GroundTargetSpec* target = nullptr;
  for (const GroundTargetSpec& t : scenario_.ground_targets)
    if (t.name == release.target) target = &t;
  if (target == nullptr) return;
  const LocalFrame f(s.geo);
  const Vec3 t_ecef = EcefFromGeodetic(target->position);
  const double target_range = (t_ecef - s.p_ecef).norm();
  const double to_target = AzimuthTo(f, t_ecef);
  double js = 0.0;
  for (const HeardJammer& j : JammersHeard(ctx_.world, JammerBand::kAirborneRadar, s.geo, s.p_ecef, now)) {
    const bool main_beam = AzimuthGapRad(AzimuthTo(f, j.p_ecef), to_target) < kMainBeamRad;
    const double gain_toward = radar.gain_db - (main_beam ? 0.0 : radar.sidelobe_db);
    const double bf = JammerBandwidthFactor(radar.bandwidth_hz, ctx_.world.jammers()[j.index].bandwidth_hz);
    js += StandOffJammingToSignal(j.erp_w, j.range_m, gain_toward, radar.erp_w, radar.gain_db, target_range,
                                  radar.target_rcs_m2, bf, radar.processing_gain_db);
  }
  const double js_db = js > 0.0 ? 10.0 * std::log10(js) : -999.0;
  const bool ok = js_db < radar.required_js_db;
  if (ok) {
    RandomStream rng = ctx_.Stream(spec_.name, "radar-fix").Derive("release", static_cast<std::uint64_t>(now.micros()));
    nav_->Fix(now.seconds(), DrawCircularNormalMiss(radar.fix_cep_m, rng));
  }
  ctx_.Emit(Event{now, "radar_fix"}
                .With("aircraft", spec_.name)
                .With("target", release.target)
                .With("js_db", js_db)
                .With("fixed", std::int64_t{ok ? 1 : 0}));
}

}  // namespace iadsim
