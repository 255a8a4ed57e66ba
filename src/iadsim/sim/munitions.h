#pragma once
// The engine's component for the attackers' weapons in flight, and the ground targets they hit.
//   Glide bombs: at release the bomb plans a straight glide (weapons/glide_bomb.h) from the
//     release point to where it believes the target is. Its GNSS receiver (sensors/gnss_receiver.h)
//     is evaluated every second along that path against every GNSS jammer it hears
//     (sim/jamming_field.h): it starts tracking when the carrier tracked and J/S is under the
//     tracking tolerance (or, the carrier denied, under the acquisition tolerance), loses lock
//     below the tracking threshold and regains it above the acquisition one. Its navigation error
//     (sim/navigation_solution.h; inertial from the carrier's error when denied at release) at
//     the impact time offsets the point it flies to. A release beyond the glide range falls short
//     on the line to the aim point. The bomb flies that line analytically (world/route_mover.h:
//     constant acceleration from the release speed to 2·v_mean − v_release, so the mean speed is
//     the glide speed), seen by the defence's radars like any target.
//   Cruise missiles: the same, on their waypoint route at constant speed and at cruise_agl above
//     the terrain (or the sea) at each waypoint, the last leg down to the aim point; a route longer
//     than max_range ends there (the missile falls short). A path the route mover cannot fly
//     (waypoints closer than its turns allow) is not released (`weapon_not_released`).
//   Decoys: fly their route with a fighter's signature; no target.
//   Anti-radiation missiles (weapons/anti_radiation_missile.h): integrated every 50 ms in a frame
//     at the target emitter; they hear it while it radiates (sidelobes included, inside the
//     seeker's band, in line of sight), steer on the memorised point after it falls silent, and
//     destroy it when their closest approach is within their lethal radius.
//   Impact: the miss is the horizontal distance from the impact point to the target; a miss
//     within the weapon's lethal radius is a hit (weapons/ground_damage.h cookie cutter); a target
//     is destroyed by hits_to_destroy hits. A weapon killed by an interceptor (entity_destroyed)
//     never lands.
#include <optional>
#include <string>
#include <vector>

#include "iadsim/sim/run_context.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

class Munitions final : public Component {
 public:
  Munitions(RunContext& ctx, const Scenario& scenario);
  // Releases round `round` of `release` (the scenario's; it outlives the run) from aircraft
  // `carrier`, in the sky at now, whose navigation error is carrier_error_en and whose GNSS tracks
  // or not.
  void Release(SimTime now, EntityId carrier, const WeaponRelease& release, int round, const Vec2& carrier_error_en,
               bool carrier_gnss_tracking);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  struct Target {
    const GroundTargetSpec* spec = nullptr;
    int hits = 0;
    bool destroyed = false;
  };
  struct RouteFlight {
    EntityId id;
    const WeaponRelease* release = nullptr;
    int target = -1;  // into targets_; -1: a decoy
    SimTime impact;
    Geodetic impact_point;
    std::string navigation;  // how it navigated (for the record)
    bool ended = false;
  };
  struct ArmFlight {
    EntityId id;
    const WeaponRelease* release = nullptr;
    LocalFrame frame;
    AntiRadiationMissile arm;
    RandomStream rng;
    int emitter = -1, jammer = -1;  // the target: a defence emitter or a jammer
    SimTime t;
    bool ended = false;
  };
  // What a weapon takes from its carrier (by value: adding the weapon to the world moves its entities).
  struct Carrier {
    std::string name, side;
    Affiliation affiliation = Affiliation::kHostile;
  };
  // The weapon as an entity of the world (its route or integrated state is the caller's).
  static Entity WeaponEntity(const std::string& name, const Carrier& carrier, const MunitionType& type);
  void ReleaseOnRoute(SimTime now, const Carrier& carrier, const EntityState& s, const WeaponRelease& release,
                      int round, const Vec2& carrier_error_en, bool carrier_gnss_tracking);
  void ReleaseArm(SimTime now, const Carrier& carrier, const EntityState& s, const WeaponRelease& release, int round);
  void Impact(SimTime now, RouteFlight& f);
  void FlyArms(SimTime now);
  // The ARM's target position (ECEF) at t if it radiates then and the missile hears it.
  std::optional<Vec3> Heard(const ArmFlight& f, const Vec3& p_ecef, SimTime t) const;
  void Hit(SimTime now, int target, const std::string& weapon);

  RunContext& ctx_;
  ComponentId id_ = 0;
  std::vector<Target> targets_;
  std::vector<RouteFlight> flights_;
  std::vector<ArmFlight> arms_;
  bool arms_scheduled_ = false;
  int released_ = 0;
};

}  // namespace iadsim
