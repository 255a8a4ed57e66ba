#include "iadsim/sim/munitions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "iadsim/sim/jamming_field.h"
#include "iadsim/sim/navigation_solution.h"
#include "iadsim/weapons/ground_damage.h"

namespace iadsim {
namespace {

constexpr double kArmStepS = 0.05;        // anti-radiation missile integration step
constexpr double kGnssCheckS = 1.0;       // GNSS receiver evaluated this often along a path
constexpr double kMunitionTurnRate = 0.2; // rad/s: weapons turn onto their next leg quickly

double Horizontal(const Geodetic& a, const Geodetic& b) { return Inverse(a, b).distance_m; }

Event Released(SimTime now, const std::string& carrier, const WeaponRelease& release, EntityId id, int round,
               const std::string& navigation) {
  return Event{now, "weapon_released"}
      .With("aircraft", carrier)
      .With("weapon", release.type.name)
      .With("kind", std::string(ToString(release.type.kind)))
      .With("target", release.target)
      .With("munition", std::int64_t{id.value()})
      .With("round", std::int64_t{round})
      .With("navigation", navigation);
}

// Whether a weapon's GNSS receiver tracks at release: it is handed the carrier's lock when the
// carrier tracked and J/S is under the tracking tolerance; otherwise it must acquire.
bool TracksAtRelease(const World& world, const GnssReceiverConfig& rx, bool carrier_tracking, const Geodetic& geo,
                     const Vec3& p_ecef, SimTime t, double* js_db) {
  *js_db = GnssJammingToSignalAt(world, rx, geo, p_ecef, t);
  return carrier_tracking ? *js_db < GnssTrackingToleranceDb(rx) : *js_db < GnssAcquisitionToleranceDb(rx);
}

// Follows a weapon's GNSS receiver along its route from release (tracking or not then), applying
// every loss and regain to `nav`. Returns a note for the record.
std::string FollowGnss(const World& world, const GnssReceiverConfig& rx, const RouteMover& path, SimTime start,
                       bool tracking, double js0, NavigationSolution* nav) {
  if (!HasJammers(world, JammerBand::kGnss)) return tracking ? "gnss" : "inertial (no GNSS at release)";
  GnssTrackingState state;
  if (!tracking) state.Update(rx, -std::numeric_limits<double>::infinity());
  std::string note = tracking ? "gnss" : fmt::format("inertial from release (J/S {:.1f} dB)", js0);
  const double end_s = path.route_end().seconds();
  for (double t = start.seconds() + kGnssCheckS; t < end_s; t += kGnssCheckS) {
    const SimTime at = SimTime() + Duration::Seconds(t);
    const auto k = path.StateAt(at);
    if (!k) break;
    const double js = GnssJammingToSignalAt(world, rx, k->geo, k->p_ecef, at);
    if (!state.Update(rx, GnssCarrierToNoiseDbHz(rx, js))) continue;
    if (state.tracking()) {
      nav->GnssRegained();
      note += fmt::format("; GNSS regained at {:.0f} s", t);
    } else {
      nav->GnssLost(t);
      note += fmt::format("; GNSS lost at {:.0f} s (J/S {:.1f} dB)", t, js);
    }
  }
  return note;
}

// The point `distance_m` along a polyline of waypoints (straight geodesic legs), and the
// waypoints up to it; nullopt when the polyline is shorter.
std::optional<std::vector<Waypoint>> Truncate(const std::vector<Waypoint>& wps, double distance_m) {
  double left = distance_m;
  std::vector<Waypoint> out{wps.front()};
  for (std::size_t i = 1; i < wps.size(); ++i) {
    const GeodesicInverse leg = Inverse(wps[i - 1].position, wps[i].position);
    if (leg.distance_m < left) {
      left -= leg.distance_m;
      out.push_back(wps[i]);
      continue;
    }
    const double f = left / std::max(1.0, leg.distance_m);
    Waypoint end = wps[i];
    end.position = Direct(wps[i - 1].position, leg.azimuth_from_rad, left).point;
    end.position.alt_m = wps[i - 1].position.alt_m + f * (wps[i].position.alt_m - wps[i - 1].position.alt_m);
    if (left >= 1.0) out.push_back(end);
    return out;
  }
  return std::nullopt;
}

}  // namespace

Munitions::Munitions(RunContext& ctx, const Scenario& scenario) : ctx_(ctx) {
  id_ = ctx_.engine.Add(this);
  for (const GroundTargetSpec& t : scenario.ground_targets) targets_.push_back({&t});
}

Entity Munitions::WeaponEntity(const std::string& name, const Carrier& carrier, const MunitionType& type) {
  Entity e;
  e.name = name;
  e.kind = EntityKind::kMunition;
  e.side = carrier.side;
  e.type = type.name;
  e.affiliation = carrier.affiliation;
  e.signature = type.signature;
  return e;
}

void Munitions::Release(SimTime now, EntityId carrier_id, const WeaponRelease& release, int round,
                        const Vec2& carrier_error_en, bool carrier_gnss_tracking) {
  const auto s = ctx_.world.StateAt(carrier_id, now);
  if (!s) return;
  const Entity& in_world = ctx_.world.Get(carrier_id);
  const Carrier carrier{in_world.name, in_world.side, in_world.affiliation};
  if (release.type.kind == MunitionKind::kAntiRadiation)
    ReleaseArm(now, carrier, *s, release, round);
  else
    ReleaseOnRoute(now, carrier, *s, release, round, carrier_error_en, carrier_gnss_tracking);
}

void Munitions::ReleaseOnRoute(SimTime now, const Carrier& carrier, const EntityState& s, const WeaponRelease& release,
                               int round, const Vec2& carrier_error_en, bool carrier_gnss_tracking) {
  const MunitionType& w = release.type;
  const std::string name = fmt::format("{}/{}#{}", carrier.name, w.name, ++released_);
  RouteFlight f;
  f.release = &release;
  for (std::size_t i = 0; i < targets_.size(); ++i)
    if (targets_[i].spec->name == release.target) f.target = static_cast<int>(i);
  IADSIM_CHECK(w.kind == MunitionKind::kDecoy || f.target >= 0, "a release names an undefined ground target (the reader checks this)");

  const double v0 = std::max(1.0, s.v_ecef.norm());
  RouteConfig route;
  route.start = now;
  route.end = EndOfRoute::kRemove;
  route.turn_rate_rad_s = kMunitionTurnRate;
  const bool glide = w.kind == MunitionKind::kGlideBomb;
  const double v_mean = glide ? w.glide.mean_speed_mps : w.speed_mps;
  const double v_end = glide ? std::max(0.2 * v_mean, 2.0 * v_mean - v0) : v_mean;
  route.waypoints.push_back({s.geo, glide ? v0 : v_mean});
  for (const Waypoint& p : release.route) {
    Waypoint w_at = {p.position, v_mean};
    if (w.kind == MunitionKind::kCruiseMissile) {  // at its cruise height above the ground (or the sea)
      const Terrain* terrain = ctx_.world.terrain();
      w_at.position.alt_m = w.cruise_agl_m + (terrain ? terrain->ElevationM(p.position.lat_deg, p.position.lon_deg) : 0.0);
    }
    route.waypoints.push_back(w_at);
  }
  const Geodetic target = f.target >= 0 ? targets_[f.target].spec->position : Geodetic{};
  if (f.target >= 0) route.waypoints.push_back({target, v_end});

  if (f.target >= 0) {
    // The path it plans toward the target, along which its GNSS receiver is followed; the
    // navigation error at the end offsets where it actually goes.
    RandomStream rng = ctx_.Stream(name, "navigation");
    double js0 = 0.0;
    const bool tracking = TracksAtRelease(ctx_.world, w.gnss, carrier_gnss_tracking, s.geo, s.p_ecef, now, &js0);
    NavigationSolution nav(w.navigation, rng, now.seconds(), tracking, carrier_error_en);
    const RouteMover nominal(route);
    f.navigation = FollowGnss(ctx_.world, w.gnss, nominal, now, tracking, js0, &nav);
    const Vec2 e = nav.ErrorEn(nominal.route_end().seconds());
    Geodetic aim = LocalFrame(target).GeodeticFromEnu(Vec3(e.x(), e.y(), 0.0));
    aim.alt_m = target.alt_m;
    route.waypoints.back().position = aim;
    if (glide) {
      const GlidePlan plan = PlanGlide(w.glide, s.geo, v0, aim);
      if (!plan.reachable) {
        route.waypoints.back().position = Direct(s.geo, Inverse(s.geo, aim).azimuth_from_rad, plan.range_m).point;
        route.waypoints.back().position.alt_m = target.alt_m;
        f.navigation += fmt::format("; released {:.1f} km beyond its glide range", plan.excess_m / 1000.0);
      }
    }
  }
  if (w.max_range_m > 0.0)
    if (auto cut = Truncate(route.waypoints, w.max_range_m)) {
      route.waypoints = std::move(*cut);
      f.navigation += "; out of range before the end of its route";
    }
  if (const Problems problems = route.Validate(); route.waypoints.size() < 2 || !problems.empty()) {
    ctx_.Emit(Event{now, "weapon_not_released"}
                  .With("aircraft", carrier.name)
                  .With("weapon", w.name)
                  .With("why", problems.empty() ? std::string("no path to fly") : problems.front().message));
    return;
  }

  Entity e = WeaponEntity(name, carrier, w);
  e.route.emplace(route);
  f.impact = e.route->route_end();
  f.impact_point = route.waypoints.back().position;
  f.id = ctx_.world.Add(std::move(e));
  ctx_.Emit(Released(now, carrier.name, release, f.id, round, f.navigation)
                .With("time_of_flight_s", (f.impact - now).seconds()));
  ctx_.engine.WakeAt(f.impact, Phase::kAct, id_);
  flights_.push_back(std::move(f));
}

void Munitions::ReleaseArm(SimTime now, const Carrier& carrier, const EntityState& s, const WeaponRelease& release,
                           int round) {
  const MunitionType& w = release.type;
  const std::string name = fmt::format("{}/{}#{}", carrier.name, w.name, ++released_);
  int emitter = -1, jammer = -1;
  Geodetic at;
  for (std::size_t i = 0; i < ctx_.world.emitters().size(); ++i)
    if (ctx_.world.emitters()[i].name == release.target) emitter = static_cast<int>(i), at = ctx_.world.emitters()[i].position;
  for (std::size_t i = 0; emitter < 0 && i < ctx_.world.jammers().size(); ++i)
    if (ctx_.world.jammers()[i].name == release.target) {
      jammer = static_cast<int>(i);
      const auto js = ctx_.world.JammerState(i, now);
      at = js ? js->geo : ctx_.world.jammers()[i].position;
    }
  IADSIM_CHECK(emitter >= 0 || jammer >= 0, "an anti-radiation release names an undefined emitter (the reader checks this)");
  const LocalFrame frame(at);
  const Vec3 p = frame.EnuFromEcef(s.p_ecef);
  const Vec3 v = frame.EnuVectorFromEcef(s.v_ecef);
  RandomStream cue_rng = ctx_.Stream(name, "cue");
  const Vec2 cue = DrawCircularNormalMiss(w.arm_cue_cep_m, cue_rng);
  const EntityId id = ctx_.world.Add(WeaponEntity(name, carrier, w));
  ArmFlight f{id, &release, frame, AntiRadiationMissile(w.arm, p, v, Vec3(cue.x(), cue.y(), 0.0)), ctx_.Stream(name, "seeker"),
              emitter, jammer, now, false};
  ctx_.world.SetMissileState(id, now, s.p_ecef, frame.EcefVectorFromEnu(f.arm.v_enu()));
  ctx_.Emit(Released(now, carrier.name, release, id, round, "passive homing"));
  arms_.push_back(std::move(f));
  if (!arms_scheduled_) {
    arms_scheduled_ = true;
    ctx_.engine.WakeAt(now + Duration::Seconds(kArmStepS), Phase::kMove, id_);
  }
}

void Munitions::Wake(SimTime now, Phase phase, Engine&) {
  if (phase == Phase::kMove) {
    FlyArms(now);
    return;
  }
  for (RouteFlight& f : flights_)
    if (!f.ended && f.impact <= now) Impact(now, f);
}

void Munitions::Hit(SimTime now, int target, const std::string& weapon) {
  Target& t = targets_[static_cast<std::size_t>(target)];
  if (t.destroyed) return;
  if (++t.hits < t.spec->hits_to_destroy) return;
  t.destroyed = true;
  ctx_.Emit(Event{now, "ground_target_destroyed"}
                .With("target", t.spec->name)
                .With("hits", std::int64_t{t.hits})
                .With("by", weapon));
}

void Munitions::Impact(SimTime now, RouteFlight& f) {
  f.ended = true;
  const Entity& e = ctx_.world.Get(f.id);
  if (e.destroyed) return;  // intercepted (the fuze that killed it said so: entity_destroyed)
  if (f.target < 0) return;  // a decoy at the end of its route
  const GroundTargetSpec& t = *targets_[static_cast<std::size_t>(f.target)].spec;
  const double miss = Horizontal(f.impact_point, t.position);
  const bool hit = CookieCutterKill(miss, f.release->type.lethal_radius_m);
  ctx_.Emit(Event{now, "weapon_impact"}
                .With("munition", std::int64_t{f.id.value()})
                .With("weapon", e.type)
                .With("kind", std::string(ToString(f.release->type.kind)))
                .With("target", t.name)
                .With("miss_m", miss)
                .With("on_target", std::int64_t{hit ? 1 : 0})
                .With("navigation", f.navigation));
  if (hit) Hit(now, f.target, e.type);
}

std::optional<Vec3> Munitions::Heard(const ArmFlight& f, const Vec3& p_ecef, SimTime t) const {
  const MunitionType& w = f.release->type;
  auto in_band = [&](double hz) { return hz <= 0.0 || (hz >= w.arm_min_frequency_hz && hz <= w.arm_max_frequency_hz); };
  const Geodetic geo = GeodeticFromEcef(p_ecef);
  if (f.emitter >= 0) {
    const Emitter& em = ctx_.world.emitters()[static_cast<std::size_t>(f.emitter)];
    if (em.ErpTowardW(p_ecef) <= 0.0 || !in_band(em.frequency_hz)) return std::nullopt;
    if (!ctx_.world.InLineOfSight(em.position, geo)) return std::nullopt;
    return em.p_ecef;
  }
  const auto js = ctx_.world.JammerState(static_cast<std::size_t>(f.jammer), t);
  if (!js || !in_band(ctx_.world.jammers()[static_cast<std::size_t>(f.jammer)].frequency_hz)) return std::nullopt;
  if (!ctx_.world.InLineOfSight(js->geo, geo)) return std::nullopt;
  return js->p_ecef;
}

void Munitions::FlyArms(SimTime now) {
  bool any = false;
  for (ArmFlight& f : arms_) {
    if (f.ended) continue;
    const double dt = (now - f.t).seconds();
    const Entity& e = ctx_.world.Get(f.id);
    if (e.destroyed) {  // intercepted
      f.ended = true;
      continue;
    }
    const Vec3 p0 = f.arm.p_enu();
    const auto heard = Heard(f, f.frame.EcefFromEnu(p0), f.t);
    const bool was_homing = f.arm.homing();
    f.arm.Step(dt, heard ? std::optional<Vec3>(f.frame.EnuFromEcef(*heard)) : std::nullopt, f.rng);
    f.t = now;
    const Vec3 p1 = f.arm.p_enu();
    ctx_.world.SetMissileState(f.id, now, f.frame.EcefFromEnu(p1), f.frame.EcefVectorFromEnu(f.arm.v_enu()));
    if (was_homing && !f.arm.homing())
      ctx_.Emit(Event{now, "arm_lost_emitter"}
                    .With("munition", std::int64_t{f.id.value()})
                    .With("target", f.release->target)
                    .With("range_m", (p1 - f.arm.aim_enu()).norm()));
    // The target where it truly is now (a jammer may move), and the closest approach this step.
    Vec3 target = Vec3::Zero();
    if (f.jammer >= 0) {
      const Jammer& j = ctx_.world.jammers()[static_cast<std::size_t>(f.jammer)];
      const auto js = ctx_.world.JammerState(static_cast<std::size_t>(f.jammer), now);
      target = f.frame.EnuFromEcef(js ? js->p_ecef : EcefFromGeodetic(j.position));
    }
    const Vec3 d = p1 - p0;
    const double u = d.squaredNorm() > 0.0 ? std::clamp((target - p0).dot(d) / d.squaredNorm(), 0.0, 1.0) : 0.0;
    double miss = (p0 + u * d - target).norm();
    const double lethal = f.release->type.arm.lethal_radius_m;
    const bool ground = p1.z() <= target.z() && miss > lethal;
    if (ground) {
      const double g = std::clamp((p0.z() - target.z()) / std::max(1e-9, p0.z() - p1.z()), 0.0, 1.0);
      miss = (p0 + g * d - target).head<2>().norm();
    }
    if (miss > lethal && !ground && !f.arm.expired()) {
      any = true;
      continue;
    }
    f.ended = true;
    ctx_.world.Destroy(f.id, now);
    const bool hit = miss <= lethal;
    ctx_.Emit(Event{now, "weapon_impact"}
                  .With("munition", std::int64_t{f.id.value()})
                  .With("weapon", e.type)
                  .With("kind", std::string(ToString(MunitionKind::kAntiRadiation)))
                  .With("target", f.release->target)
                  .With("miss_m", miss)
                  .With("on_target", std::int64_t{hit ? 1 : 0})
                  .With("navigation", std::string(f.arm.homing() ? "homing" : "memory")));
    if (!hit) continue;
    if (f.emitter >= 0) {
      Emitter& em = ctx_.world.emitter(static_cast<std::size_t>(f.emitter));
      if (em.destroyed) continue;
      em.destroyed = true;
      em.destroyed_at = now;
      em.radiating = false;
      ctx_.Emit(Event{now, "emitter_destroyed"}
                    .With("emitter", em.name)
                    .With("unit", em.unit)
                    .With("emitter_kind", std::string(ToString(em.kind)))
                    .With("by", e.name));
    } else {
      ctx_.world.StopJammer(static_cast<std::size_t>(f.jammer), now);
      ctx_.Emit(Event{now, "jammer_destroyed"}.With("jammer", f.release->target).With("by", e.name));
    }
  }
  arms_scheduled_ = any;
  if (any) ctx_.engine.WakeAt(now + Duration::Seconds(kArmStepS), Phase::kMove, id_);
}

}  // namespace iadsim
