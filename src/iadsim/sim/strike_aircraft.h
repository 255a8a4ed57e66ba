#pragma once
// The engine's component for an attacker with a mission plan (sim/strike_spec.h):
//   releases:   each round when the aircraft passes its release waypoint (plus interval × round),
//               if it has not turned away, aborted or been shot down; a fire-control radar, if it
//               has one, first takes a map fix of the target area, which fails when the stand-off
//               J/S of the airborne-radar jammers it hears (sensors/jamming.h) reaches the radar's
//               required J/S; a good fix resets its navigation error to the fix's;
//   navigation: its GNSS receiver is evaluated every second against the GNSS jammers it hears
//               (sim/jamming_field.h; hysteresis between the tracking and acquisition
//               thresholds); without GNSS its error grows at the INS drift (sim/navigation_solution.h);
//               weapons start from that error;
//   RWR:        every second it lists the emitters it hears (sensors/radar_warning_receiver.h:
//               in band, power at or above its sensitivity, in line of sight): a search radar is a
//               search warning, an engagement radar whose beam is on it a lock, and an interceptor
//               within kLaunchWarningRangeM closing on it a launch warning (a missile approach
//               warner, not modelled further); at the stated trigger it reacts once (turn away from
//               the threat, beam it, descend, or abort) and gives up its remaining releases;
//   orders:     an abort order that reaches it (sim/order_net.h) sends it home the same way.
// Evasive legs: leg_m along the new heading (descend: to descend_to_m on its heading), then the
// egress route (by default back to its route's first waypoint).
#include <optional>
#include <string>
#include <vector>

#include "iadsim/sim/navigation_solution.h"
#include "iadsim/sim/run_context.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

class Munitions;

inline constexpr double kLaunchWarningRangeM = 30e3;

class StrikeAircraft final : public Component {
 public:
  StrikeAircraft(RunContext& ctx, const Scenario& scenario, const AircraftSpec& spec, EntityId id, Munitions* munitions);
  void Wake(SimTime now, Phase phase, Engine& engine) override;
  // An order to abort reached it.
  void Abort(SimTime now, const std::string& why);
  const AircraftSpec& spec() const { return spec_; }
  EntityId id() const { return id_entity_; }

 private:
  struct Pending {
    SimTime time;
    std::size_t release = 0;
    int round = 0;
  };
  void Tick(SimTime now);
  void UpdateGnss(SimTime now, const EntityState& s);
  void Listen(SimTime now, const EntityState& s);
  // Turns onto an evasive leg away from the threat at threat_ecef (or aborts), then egresses.
  void React(SimTime now, const EntityState& s, const Vec3& threat_ecef, const std::string& trigger);
  void Egress(SimTime now, std::vector<Waypoint> first_legs, const std::string& why);
  void RadarFix(SimTime now, const EntityState& s, const WeaponRelease& release);

  RunContext& ctx_;
  const Scenario& scenario_;
  const AircraftSpec& spec_;
  const MissionPlan& mission_;
  EntityId id_entity_;
  Munitions* munitions_;
  ComponentId id_ = 0;
  std::vector<Pending> pending_;   // time order
  std::optional<NavigationSolution> nav_;
  std::optional<GnssTrackingState> gnss_;
  int warning_level_ = -1;         // highest RWR warning so far (RwrTrigger), -1: none
  bool gave_up_ = false;           // turned away, aborted: no more releases
  bool ticking_ = false;
};

}  // namespace iadsim
