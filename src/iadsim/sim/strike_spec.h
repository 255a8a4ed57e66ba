#pragma once
// The attacker's side of a scenario (what io/ reads, in SI units): munition types, mission plans
// (weapon releases at waypoints, a radar-warning receiver and its reaction, the aircraft's own
// navigation, its fire-control radar, its radio), ground targets, package controllers and the
// orders they send. Defence emission control is on the unit (scenario.h).
#include <optional>
#include <string>
#include <vector>

#include "iadsim/sensors/comms_link.h"
#include "iadsim/sensors/gnss_receiver.h"
#include "iadsim/sensors/radar_warning_receiver.h"
#include "iadsim/weapons/anti_radiation_missile.h"
#include "iadsim/weapons/glide_bomb.h"
#include "iadsim/weapons/inertial_navigation.h"
#include "iadsim/world/entity.h"
#include "iadsim/world/route_mover.h"

namespace iadsim {

enum class MunitionKind { kGlideBomb, kCruiseMissile, kAntiRadiation, kDecoy };
const char* ToString(MunitionKind kind);  // glide-bomb, cruise-missile, anti-radiation, decoy

// A weapon carried by an attacker (types.weapons.<name>).
struct MunitionType {
  std::string name;
  MunitionKind kind = MunitionKind::kGlideBomb;
  Signature signature;          // as the defence's radars see it (a decoy: a fighter's)
  GlideConfig glide;            // glide bombs
  double speed_mps = 250.0;     // cruise missiles and decoys: ground speed, (0, 1000]
  double cruise_agl_m = 50.0;   // cruise missiles: height above the ground on their route, [10, 5000]
  double max_range_m = 0.0;     // cruise missiles and decoys: flight range, >= 0 (0 = unlimited)
  AntiRadiationConfig arm;      // anti-radiation missiles
  double arm_min_frequency_hz = 0.5e9, arm_max_frequency_hz = 18e9;  // the ARM seeker's band
  // The ARM's cue: where it is told the emitter is at launch (the carrier's emitter-location
  // error), circular normal of this CEP about the truth; it flies there until it hears the emitter.
  double arm_cue_cep_m = 0.0;  // [0, 100 km]
  NavigationConfig navigation;  // glide bombs and cruise missiles
  GnssReceiverConfig gnss;      // glide bombs and cruise missiles
  double lethal_radius_m = 10.0;  // against a ground target (ARM: arm.lethal_radius_m), > 0
};

// One release in a mission plan: `count` rounds, `interval_s` apart, when the carrier passes its
// route's waypoint `at_waypoint` (0-based).
struct WeaponRelease {
  MunitionType type;             // resolved from types.weapons
  int count = 1;                 // [1, 64]
  double interval_s = 1.0;       // > 0
  std::size_t at_waypoint = 0;   // < the route's waypoint count
  // Glide bombs and cruise missiles: a ground target's name. Anti-radiation missiles: an
  // emitter: a unit's name (its surveillance radar), "UNIT/engagement" (its engagement radar) or
  // a jammer's name. Decoys: empty.
  std::string target;
  std::vector<Waypoint> route;   // cruise missiles and decoys: waypoints flown after release
};

enum class RwrTrigger { kSearch, kLock, kLaunch };     // search: any emitter heard; lock: an
                                                      // engagement radar tracks it; launch: a missile flies at it
enum class RwrAction { kTurnAway, kBeam, kDescend, kAbort };
const char* ToString(RwrTrigger t);  // search, lock, launch
const char* ToString(RwrAction a);   // turn-away, beam, descend, abort

struct RwrReaction {
  RwrTrigger on = RwrTrigger::kLaunch;
  RwrAction action = RwrAction::kBeam;
  double leg_m = 30000.0;        // length of the evasive leg, > 0
  double descend_to_m = 300.0;   // descend: the altitude, >= 0
};

// The attacker's fire-control radar, used to take a map fix of the target area before a
// release (its navigation error resets to fix_cep_m) unless a jammer of band airborne-radar
// holds J/S at or above required_js_db (stand-off jamming, sensors/jamming.h).
struct AirborneRadarSpec {
  double erp_w = 10e6;            // Pt Gt, > 0
  double gain_db = 33.0;          // Gt = Gr main beam, dBi
  double sidelobe_db = 30.0;      // receive sidelobe level toward a stand-off jammer, dB below peak, >= 0
  double bandwidth_hz = 1e6;      // Br, > 0
  double frequency_hz = 10e9;     // > 0
  double processing_gain_db = 20.0;  // Gp, >= 0
  double required_js_db = 0.0;    // the fix fails at J/S >= this
  double fix_cep_m = 10.0;        // CEP of a radar fix, >= 0
  double target_rcs_m2 = 1000.0;  // radar cross-section of the fix point, > 0
};

struct MissionPlan {
  std::string package;                 // the package (orders are addressed to it or to an aircraft)
  std::vector<WeaponRelease> releases;
  std::vector<Waypoint> egress;        // flown after an abort or an evasive leg (empty: back to the route's first waypoint)
  std::optional<RwrConfig> rwr;
  std::optional<RwrReaction> reaction;  // with rwr
  NavigationConfig navigation;         // the aircraft's own navigation (bombs start from it)
  std::optional<GnssReceiverConfig> gnss;  // none: no GNSS receiver (inertial only from the start)
  std::optional<AirborneRadarSpec> radar;
  std::optional<RadioConfig> radio;    // receiver for orders; none: hears no orders
};

// A ground target (a facility, an airbase): destroyed when `hits_to_destroy` weapons land within
// their lethal radius of it.
struct GroundTargetSpec {
  std::string name;
  Geodetic position;
  int hits_to_destroy = 1;  // [1, 1000]
};

// A controller that sends orders by radio: fixed, or carried by an aircraft.
struct ControllerSpec {
  std::string name;
  Geodetic position;
  std::string carrier;  // aircraft name, or empty
  RadioConfig radio;    // its transmitter (power, gain, frequency)
};

enum class OrderKind { kAbort };
struct CommsOrderSpec {
  std::string name, from;           // from: a controller
  std::vector<std::string> to;      // aircraft names or package names
  OrderKind order = OrderKind::kAbort;
  double at_s = 0.0;                // first transmission, >= 0
  int repeats = 1;                  // transmissions, [1, 100]
  double repeat_interval_s = 10.0;  // > 0
};

// Defence emission control for a unit's surveillance radar: always on, or blinking (on_s
// radiating, off_s silent, starting on).
struct EmissionControl {
  bool blink = false;
  double on_s = 10.0, off_s = 10.0;  // > 0
};

}  // namespace iadsim
