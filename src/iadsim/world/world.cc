#include "iadsim/world/world.h"

#include <algorithm>

#include <Eigen/Geometry>
#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {

const char* ToString(EntityKind kind) {
  switch (kind) {
    case EntityKind::kAircraft: return "aircraft";
    case EntityKind::kMissile: return "missile";
    case EntityKind::kMunition: return "munition";
  }
  return "?";
}

const char* ToString(Affiliation a) {
  switch (a) {
    case Affiliation::kHostile: return "hostile";
    case Affiliation::kFriendly: return "friendly";
    case Affiliation::kCivil: return "civil";
    case Affiliation::kNeutral: return "neutral";
  }
  return "?";
}

EntityId World::Add(Entity entity) {
  entity.id = EntityId(static_cast<std::uint32_t>(entities_.size() + 1));
  double speed = 0.0;
  if (entity.route)
    for (std::size_t i = 0; i < entity.route->waypoint_count(); ++i) speed = std::max(speed, entity.route->waypoint_speed(i));
  entities_.push_back(std::move(entity));
  missile_states_.push_back({});
  Bound b{SimTime(), Vec3::Zero(), false, entities_.back().IsTarget(), 2.0 * speed + 50.0};
  if (const auto& route = entities_.back().route) {
    b.sky_from = route->start();
    if (route->end() == EndOfRoute::kRemove) b.sky_to = route->route_end() + Duration::Seconds(1.0);
  }
  bounds_.push_back(b);
  return entities_.back().id;
}

const Entity& World::Get(EntityId id) const {
  IADSIM_CHECK(id.valid() && id.value() <= entities_.size(), "unknown entity id");
  return entities_[id.value() - 1];
}

std::optional<EntityState> World::StateAt(EntityId id, SimTime t, StateParts parts) const {
  const Entity& e = Get(id);
  if (e.destroyed && e.destroyed_at <= t) return std::nullopt;
  if (e.route) {
    const RouteMover* mover = &*e.route;
    for (const auto& [from, route] : e.diversions)
      if (t >= from) mover = &route;
    const auto k = mover->StateAt(t, parts);
    if (!k) return std::nullopt;
    bounds_[id.value() - 1].time = t;
    bounds_[id.value() - 1].p_ecef = k->p_ecef;
    bounds_[id.value() - 1].valid = true;
    return EntityState{id, k->p_ecef, k->v_ecef, k->geo};
  }
  const MissileState& m = missile_states_[id.value() - 1];
  const Vec3 p = m.p_ecef + m.v_ecef * (t - m.time).seconds();
  return EntityState{id, p, m.v_ecef, GeodeticFromEcef(p)};
}

SimTime World::NextTimeInSky(EntityId id, SimTime t) const {
  const Entity& e = Get(id);
  if (e.destroyed && e.destroyed_at <= t) return SimTime::Max();
  if (e.route && t < e.route->start()) return e.route->start();
  return SimTime::Max();
}

void World::Prefetch(EntityId id, int stage) const {
  if (!id.valid() || id.value() > entities_.size()) return;
  const Entity& e = entities_[id.value() - 1];
  if (stage == 0) {
    // The record's hot part (entity.h: up to `diversions`), not its set-up and report fields.
    const auto* p = reinterpret_cast<const char*>(&e);
    const auto* end = reinterpret_cast<const char*>(&e.diversions + 1);
    for (; p < end; p += 64) __builtin_prefetch(p);
    __builtin_prefetch(end - 1);
    __builtin_prefetch(&bounds_[id.value() - 1]);
  } else if (e.route && e.diversions.empty()) {
    e.route->Prefetch();
  }
}

void World::BuildNearIndex(SimTime t) const {
  NearIndex& n = near_;
  n.built = true;
  n.time = t;
  n.entities = entities_.size();
  n.max_speed_mps = 0.0;
  n.by_x.clear();
  n.always.clear();
  const Duration life = Duration::Seconds(kNearLifeS);
  for (std::uint32_t i = 0; i < bounds_.size(); ++i) {
    const Bound& b = bounds_[i];
    // Not a target, or out of the sky while the snapshot lives (sky_from never decreases; sky_to
    // grows only by a diversion, made in the sky).
    if (!b.target || b.sky_to < t - life || b.sky_from > t + life) continue;
    const auto fresh = [&] { return b.valid && std::abs((t - b.time).seconds()) <= kNearFreshS; };
    if (!fresh() && entities_[i].route) StateAt(EntityId(i + 1), t);  // refreshes the bound if in the sky
    if (fresh()) {
      n.by_x.push_back({b.p_ecef.x(), b.p_ecef.y(), b.p_ecef.z(), i});
      n.max_speed_mps = std::max(n.max_speed_mps, b.max_speed_mps);
    } else {
      n.always.push_back(i);
    }
  }
  std::sort(n.by_x.begin(), n.by_x.end(),
            [](const NearEntry& a, const NearEntry& b) { return a.x != b.x ? a.x < b.x : a.i < b.i; });
}

void World::NearCandidates(SimTime t, const Vec3& p_ecef, double radius_m, std::vector<std::uint32_t>& out) const {
  if (!near_.built || near_.entities != entities_.size() || std::abs((t - near_.time).seconds()) > kNearLifeS)
    BuildNearIndex(t);
  out.clear();
  const double w = (radius_m + near_.max_speed_mps * (std::abs((t - near_.time).seconds()) + kNearFreshS)) *
                       (1.0 + 1e-9) + 1e-3;
  auto it = std::lower_bound(near_.by_x.begin(), near_.by_x.end(), p_ecef.x() - w,
                             [](const NearEntry& e, double x) { return e.x < x; });
  for (; it != near_.by_x.end() && it->x <= p_ecef.x() + w; ++it)
    if (std::abs(it->y - p_ecef.y()) <= w && std::abs(it->z - p_ecef.z()) <= w) out.push_back(it->i);
  out.insert(out.end(), near_.always.begin(), near_.always.end());
  std::sort(out.begin(), out.end());
}

void World::ForEachAircraft(SimTime t, const std::function<void(const Entity&, const EntityState&)>& fn) const {
  for (const Entity& e : entities_) {
    if (!e.IsTarget()) continue;
    if (auto s = StateAt(e.id, t)) fn(e, *s);
  }
}

void World::SetMissileState(EntityId id, SimTime t, const Vec3& p_ecef, const Vec3& v_ecef) {
  IADSIM_CHECK(!Get(id).route, "not an integrated missile or munition");
  missile_states_[id.value() - 1] = {t, p_ecef, v_ecef};
  Bound& b = bounds_[id.value() - 1];
  b = {t, p_ecef, true, b.target, std::max(b.max_speed_mps, 2.0 * v_ecef.norm() + 50.0), b.sky_from, b.sky_to};
  if (b.target && b.max_speed_mps > near_.max_speed_mps) near_.built = false;  // the snapshot's bound no longer holds
}

bool World::InLineOfSight(const Geodetic& a, const Geodetic& b) const {
  if (terrain_) return ComputeLineOfSight(*terrain_, a, b, los_).visible;
  const Vec3 pa = EcefFromGeodetic({a.lat_deg, a.lon_deg, 0.0});
  const Vec3 pb = EcefFromGeodetic({b.lat_deg, b.lon_deg, 0.0});
  const double ground_m = kEarthRadiusM * std::atan2(pa.cross(pb).norm(), pa.dot(pb));
  return WithinSmoothEarthHorizon(a.alt_m, b.alt_m, ground_m, los_.k_factor);
}

bool World::InLineOfSight(const Geodetic& a, const Vec3& a_surface_ecef, const Geodetic& b, const Vec3& b_ecef) const {
  if (terrain_) return ComputeLineOfSight(*terrain_, a, b, los_).visible;
  return InLineOfSight(a, a_surface_ecef, SmoothEarthHorizonDistanceM(a.alt_m, los_.k_factor), b, b_ecef);
}

bool World::InLineOfSight(const Geodetic& a, const Vec3& a_surface_ecef, double a_horizon_m, const Geodetic& b,
                          const Vec3& b_ecef) const {
  if (const auto clear = InLineOfSightFromHeight(a_surface_ecef, a_horizon_m, b.alt_m, b_ecef)) return *clear;
  return InLineOfSight(a, b);  // over terrain, or near the smooth-earth horizon
}

std::optional<bool> World::InLineOfSightFromHeight(const Vec3& a_surface_ecef, double a_horizon_m, double b_alt_m,
                                                   const Vec3& b_ecef) const {
  if (terrain_) return std::nullopt;
  const double b_norm = b_ecef.norm();
  if (std::abs(b_alt_m) <= 1e6 && b_norm >= 6e6) {
    // sin(angle between the normal and the radial) < 3.4e-3; asin(x) < 1.001 x for x < 0.06.
    const double margin_m = kEarthRadiusM * 1.001 * std::abs(b_alt_m) * 3.4e-3 / b_norm + 1.0;
    const double sin_part = a_surface_ecef.cross(b_ecef).norm(), cos_part = a_surface_ecef.dot(b_ecef);
    const double x = cos_part > 0.0 ? sin_part / cos_part : 2.0;
    const double k = los_.k_factor * kEarthRadiusM;
    const double y = b_alt_m > 0.0 ? std::sqrt(b_alt_m * (2.0 * k + b_alt_m)) / k : 0.0;
    if (x <= 1.0 && y <= 1.0) {
      // The two decisions below, taken without atan2 and atan where they are clear by far more
      // than rounding (1e-12 relative): with x = tan(central angle) and y = tan(b's horizon angle)
      // (the argument of SmoothEarthHorizonDistanceM's atan), x - x^3/3 <= atan(x) <= x and
      // y - y^3/3 <= atan(y) <= y for 0 <= x, y <= 1 (no cancellation there: x - x^3/3 >= 2x/3).
      constexpr double kSlack = 1e-12;
      if ((kEarthRadiusM * x + margin_m) * (1.0 + kSlack) < (a_horizon_m + k * (y - y * y * y / 3.0)) * (1.0 - kSlack))
        return true;
      if (kEarthRadiusM * (x - x * x * x / 3.0) * (1.0 - kSlack) - margin_m * (1.0 + kSlack) >
          (a_horizon_m + k * y) * (1.0 + kSlack))
        return false;
    }
    const double bound_m = kEarthRadiusM * std::atan2(sin_part, cos_part);
    const double horizon_m = a_horizon_m + SmoothEarthHorizonDistanceM(b_alt_m, los_.k_factor);
    if (bound_m + margin_m < horizon_m) return true;
    if (bound_m - margin_m > horizon_m) return false;
  }
  return std::nullopt;
}

std::optional<EntityState> World::JammerState(std::size_t i, SimTime t) const {
  const Jammer& j = jammers_.at(i);
  if (t < j.start || t >= j.stop) return std::nullopt;
  if (j.carrier) return StateAt(*j.carrier, t);
  return EntityState{EntityId(), EcefFromGeodetic(j.position), Vec3::Zero(), j.position};
}

bool World::Divert(EntityId id, SimTime t, const std::vector<Waypoint>& waypoints) {
  const Entity& e = Get(id);
  IADSIM_CHECK(e.route && !waypoints.empty(), "diverting needs an entity on a route and waypoints");
  const auto now = StateAt(id, t);
  if (!now) return false;
  RouteConfig route;
  route.start = t;
  route.end = EndOfRoute::kContinue;
  route.waypoints.push_back({now->geo, std::max(1.0, now->v_ecef.norm())});  // heading changes at once
  for (const Waypoint& w : waypoints)
    if (Inverse(route.waypoints.back().position, w.position).distance_m >= 1.0) route.waypoints.push_back(w);
  if (route.waypoints.size() < 2) return false;
  IADSIM_CHECK(route.Validate().empty(), "invalid diversion route");
  Entity& mutable_e = entities_[id.value() - 1];
  if (!mutable_e.diversions.empty() && mutable_e.diversions.back().first == t) mutable_e.diversions.pop_back();
  mutable_e.diversions.emplace_back(t, RouteMover(route));
  Bound& b = bounds_[id.value() - 1];
  for (const Waypoint& w : route.waypoints) b.max_speed_mps = std::max(b.max_speed_mps, 2.0 * w.speed_mps + 50.0);
  if (b.max_speed_mps > near_.max_speed_mps) near_.built = false;  // the snapshot's bound no longer holds
  b.sky_to = e.destroyed ? e.destroyed_at : SimTime::Max();  // a diversion continues after its last waypoint
  return true;
}

void World::Destroy(EntityId id, SimTime t) {
  Get(id);  // checks the id
  Entity& e = entities_[id.value() - 1];
  if (e.destroyed) return;
  e.destroyed = true;
  e.destroyed_at = t;
  bounds_[id.value() - 1].sky_to = std::min(bounds_[id.value() - 1].sky_to, t);
}

}  // namespace iadsim
