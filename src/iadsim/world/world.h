#pragma once
// The world: truth. Aircraft move on analytic routes; missiles carry their own integrated state
// (written by the weapons that fly them). Only the world, the sensors' physics and the weapons'
// fuzes read it; perception (tracking, c2) never does.
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "iadsim/world/emitter.h"
#include "iadsim/world/entity.h"
#include "iadsim/world/jammer.h"
#include "iadsim/world/line_of_sight.h"
#include "iadsim/world/terrain.h"

namespace iadsim {

struct EntityState {
  EntityId id;
  Vec3 p_ecef;
  Vec3 v_ecef;
  Geodetic geo;
};

class World final {
 public:
  // Adds an entity and issues its id (1, 2, ...).
  EntityId Add(Entity entity);
  const Entity& Get(EntityId id) const;
  const std::vector<Entity>& entities() const { return entities_; }

  // The state of an entity at t, if it is in the sky then (started, not landed, not destroyed).
  // parts = kNoLatLon: geo's latitude and longitude may be left NaN (route_mover.h).
  std::optional<EntityState> StateAt(EntityId id, SimTime t, StateParts parts = StateParts::kAll) const;
  // For an entity not in the sky at t (StateAt is empty): the earliest time after t at which it
  // may be: its route's start when t is before it, SimTime::Max() when it has left for good
  // (destroyed, or removed at the end of its route; a diversion is made only in the sky).
  SimTime NextTimeInSky(EntityId id, SimTime t) const;
  // Cache hints for a caller about to call StateAt on many entities in a known order; no effect on
  // any result. Stage 0 asks the memory system for the entity's record; stage 1, issued a few
  // entities later (once the record has arrived), for what StateAt reads behind it (its route).
  void Prefetch(EntityId id, int stage) const;
  // Calls fn for every target in the sky at t (aircraft and munitions: Entity::IsTarget), in id order.
  void ForEachAircraft(SimTime t, const std::function<void(const Entity&, const EntityState&)>& fn) const;
  // The same for the targets that may be within radius_m of p_ecef at t: a target is skipped, its
  // state not evaluated, only when it is certainly farther (MayBeWithin); fn decides on the exact
  // state. Same calls as ForEachAircraft for every target fn would accept within the radius.
  // (A template, inline: it reads only the compact bounds, not the entities, until a target may
  // be near.) The targets looked at are those a snapshot of the bounds (NearIndex below) cannot
  // rule out by their ECEF x alone; MayBeWithin then decides on each.
  template <class F>
  void ForEachTargetNear(SimTime t, const Vec3& p_ecef, double radius_m, F&& fn) const {
    std::vector<std::uint32_t> near = std::move(near_scratch_);  // (fn may call this again)
    NearCandidates(t, p_ecef, radius_m, near);
    for (const std::uint32_t i : near) {
      if (!MayBeWithin(bounds_[i], t, p_ecef, radius_m)) continue;
      if (auto s = StateAt(EntityId(i + 1), t)) fn(entities_[i], *s);
    }
    near_scratch_ = std::move(near);
  }
  // False only when entity id is certainly farther than radius_m from p_ecef at t, by the bound
  //   |p(t) − p_ecef| ≥ |p(t_k) − p_ecef| − v_max |t − t_k|
  // from the last state evaluated (t_k, p(t_k)) and the entity's speed bound v_max (twice its
  // fastest waypoint speed plus 50 m/s for a route: the 3-D speed along a climb exceeds the ground
  // speed; twice its speed for an integrated missile), compared squared with a relative margin of
  // 1e-9 for rounding; or when it is certainly not in the sky at t: before its route's start, more
  // than 1 s after the end of a route it leaves at, or after it was destroyed. Costs no state
  // evaluation.
  bool MayBeWithin(EntityId id, SimTime t, const Vec3& p_ecef, double radius_m) const {
    return MayBeWithin(bounds_[id.value() - 1], t, p_ecef, radius_m);
  }

  // Missiles: their state is set by whoever integrates them; StateAt extrapolates linearly from
  // the last set time.
  void SetMissileState(EntityId id, SimTime t, const Vec3& p_ecef, const Vec3& v_ecef);
  void Destroy(EntityId id, SimTime t);
  // An entity on a route, in the sky at t, leaves its route for `waypoints`, flown from its
  // position at t (at its ground speed then, toward waypoints[0]); earlier states are unchanged (an
  // entity may be diverted again later). False when it is not in the sky at t.
  bool Divert(EntityId id, SimTime t, const std::vector<Waypoint>& waypoints);

  // The terrain under the sky (shared, read-only: one per scenario, not per replication); nullptr
  // means a smooth earth. Line of sight is world/line_of_sight.h over it.
  void set_terrain(std::shared_ptr<const Terrain> terrain, LineOfSightConfig los) {
    terrain_ = std::move(terrain);
    los_ = los;
  }
  const Terrain* terrain() const { return terrain_.get(); }

  // Jammers (jammer.h). JammerPosition: where jammer i is at t, if it radiates then (between
  // start and stop, and its carrier, if any, in the sky).
  void AddJammer(Jammer jammer) { jammers_.push_back(std::move(jammer)); }
  const std::vector<Jammer>& jammers() const { return jammers_; }
  std::optional<EntityState> JammerState(std::size_t i, SimTime t) const;
  // Jammer i stops radiating at t (destroyed, or switched off), if it radiated longer.
  void StopJammer(std::size_t i, SimTime t) { jammers_.at(i).stop = std::min(jammers_.at(i).stop, t); }
  const LineOfSightConfig& line_of_sight() const { return los_; }

  // Defence emitters (emitter.h): registered by the components that own the radars, which keep
  // their state through emitter(i).
  std::size_t AddEmitter(Emitter emitter) {
    emitters_.push_back(std::move(emitter));
    return emitters_.size() - 1;
  }
  const std::vector<Emitter>& emitters() const { return emitters_; }
  Emitter& emitter(std::size_t i) { return emitters_.at(i); }
  // Line of sight between two points: over the terrain when there is one (ComputeLineOfSight),
  // else over a smooth effective earth of factor line_of_sight().k_factor
  // (WithinSmoothEarthHorizon, ground distance on the mean-radius sphere).
  bool InLineOfSight(const Geodetic& a, const Geodetic& b) const;
  // The same answer as InLineOfSight(a, b), cheaper for a fixed observer a looking at many points:
  // a_surface_ecef must be EcefFromGeodetic({a.lat_deg, a.lon_deg, 0}) (kept by the caller) and
  // b_ecef = EcefFromGeodetic(b). Over a smooth earth the ground distance is first bounded from
  // b_ecef, without b's surface point: b_ecef lies h_b along the ellipsoid normal above that point,
  // and the normal is within the largest geodetic-geocentric latitude difference
  // (0.1924 deg, sin < 3.4e-3) of the radial, so the central angle to b_ecef differs from the one
  // to the surface point by at most asin(|h_b| 3.4e-3 / |b_ecef|). Only when the horizon sum
  // falls within that bound (+ 1 m for rounding) of the bounded distance is the exact test run.
  bool InLineOfSight(const Geodetic& a, const Vec3& a_surface_ecef, const Geodetic& b, const Vec3& b_ecef) const;
  // The same, with the observer's smooth-earth horizon distance kept by the caller too:
  // a_horizon_m must be SmoothEarthHorizonDistanceM(a.alt_m, line_of_sight().k_factor).
  bool InLineOfSight(const Geodetic& a, const Vec3& a_surface_ecef, double a_horizon_m, const Geodetic& b,
                     const Vec3& b_ecef) const;
  // That answer when it follows from b's height and ECEF position alone (no terrain, and b clear of
  // the horizon by more than the bound above); nothing when it needs b's latitude and longitude.
  std::optional<bool> InLineOfSightFromHeight(const Vec3& a_surface_ecef, double a_horizon_m, double b_alt_m,
                                              const Vec3& b_ecef) const;

 private:
  struct MissileState {
    SimTime time;
    Vec3 p_ecef = Vec3::Zero();
    Vec3 v_ecef = Vec3::Zero();
  };
  std::vector<Entity> entities_;
  std::vector<MissileState> missile_states_;  // indexed like entities_
  // The last evaluated state of each entity and its speed bound (MayBeWithin): a cache of
  // evaluations, never a source of truth (a run's outputs do not depend on it).
  struct Bound {
    SimTime time;
    Vec3 p_ecef = Vec3::Zero();
    bool valid = false;
    bool target = false;  // Entity::IsTarget()
    double max_speed_mps = 0.0;
    // Not in the sky before sky_from nor after sky_to (sky_to: the end of a route left at, plus
    // 1 s; the time of destruction): Add, Divert and Destroy keep them.
    SimTime sky_from = SimTime::Micros(INT64_MIN), sky_to = SimTime::Max();
  };
  static bool MayBeWithin(const Bound& b, SimTime t, const Vec3& p_ecef, double radius_m) {
    if (t < b.sky_from || t > b.sky_to) return false;
    if (!b.valid) return true;
    const double reach = (radius_m + b.max_speed_mps * std::abs((t - b.time).seconds())) * (1.0 + 1e-9);
    return reach >= 0.0 && (b.p_ecef - p_ecef).squaredNorm() <= reach * reach;
  }
  mutable std::vector<Bound> bounds_;  // indexed like entities_
  // ForEachTargetNear's snapshot of the targets' bounds at `time`, a cache like bounds_, valid for
  // queries within kNearLifeS of it while the entity count and speed bounds stay: the targets in
  // the sky then with a bound evaluated within kNearFreshS of `time` (their state is evaluated at
  // `time` when it is older), sorted by the bound's ECEF x; the others in `always`. A target within
  // r of p at t has each snapshot ECEF coordinate (x, y and z) within r + v_max (|t - time| +
  // kNearFreshS) of p's: the entries of the x window are kept by y and z too.
  struct NearEntry {
    double x, y, z;   // the bound's ECEF position
    std::uint32_t i;  // entity index
  };
  struct NearIndex {
    bool built = false;
    SimTime time;
    std::size_t entities = 0;
    double max_speed_mps = 0.0;            // over by_x
    std::vector<NearEntry> by_x;           // by x, then index
    std::vector<std::uint32_t> always;     // entity indices, increasing
  };
  static constexpr double kNearLifeS = 10.0, kNearFreshS = 10.0;
  void BuildNearIndex(SimTime t) const;
  // The entity indices ForEachTargetNear looks at, increasing: a superset of the targets that may
  // be within radius_m of p_ecef at t.
  void NearCandidates(SimTime t, const Vec3& p_ecef, double radius_m, std::vector<std::uint32_t>& out) const;
  mutable NearIndex near_;
  mutable std::vector<std::uint32_t> near_scratch_;
  std::shared_ptr<const Terrain> terrain_;
  std::vector<Jammer> jammers_;
  std::vector<Emitter> emitters_;
  LineOfSightConfig los_;
};

}  // namespace iadsim
