#pragma once
// The scenario model: what io/ reads from YAML, in SI units, validated. Types (aircraft, radars,
// missiles) have already been resolved into each instance by the reader.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/c2/command_post.h"
#include "iadsim/sensors/engagement_radar.h"
#include "iadsim/sensors/position_reporting.h"
#include "iadsim/sensors/surveillance_radar.h"
#include "iadsim/sim/strike_spec.h"
#include "iadsim/weapons/interceptor.h"
#include "iadsim/weapons/semi_active_seeker.h"
#include "iadsim/world/entity.h"
#include "iadsim/world/jammer.h"
#include "iadsim/world/line_of_sight.h"
#include "iadsim/world/terrain.h"

namespace iadsim {

// What an aircraft does when a deconfliction notice for its side reaches it: if it is within
// `within_m` of the edge of the notice's area, it leaves its route for this one (flown from where
// it is; the route's first waypoint is the first one it flies to).
struct NoticeReaction {
  double within_m = 0.0;  // >= 0
  std::vector<Waypoint> route;
};

struct AircraftSpec {
  std::string name, side, type;
  Affiliation affiliation = Affiliation::kHostile;  // truth, for after-action analysis
  Signature signature;
  Transponder transponder;
  AdsbOut adsb;
  DatalinkMember datalink;
  RouteConfig route;
  // `route` built once (its fit is most of a replication's set-up), copied by RunScenario; set by
  // PrepareRoutes (runner.h) after the last change to `route`, else RunScenario builds it.
  std::shared_ptr<const RouteMover> prepared_route;
  std::optional<NoticeReaction> on_notice;
  std::optional<MissionPlan> mission;  // an attacker's weapons, RWR, navigation, radar and radio
};

// A jammer; carried by the named aircraft, or fixed at jammer.position when carrier is empty.
struct JammerSpec {
  Jammer jammer;
  std::string carrier;
};

struct LauncherSpec {
  std::string name;
  Geodetic position;
  int rounds = 4;                   // ready rounds, [0, 16]
  double launch_interval_s = 3.0;   // between two launches of this launcher, > 0
  int reserve = 0;                  // rounds at the site to reload it with, >= 0
  double reload_time_s = 0.0;       // from empty to reloaded (with up to `rounds`), >= 0
};

// An air-defence network link: every interval the `from` unit sends its picture (confirmed tracks
// with their identities; an empty message when it has none, so that the receiver hears it), which
// reaches `to` after the latency unless lost.
struct NetworkLinkSpec {
  std::string name, from, to;
  double latency_s = 1.0;   // >= 0
  double interval_s = 5.0;  // > 0
  double loss = 0.0;        // [0, 1]: probability a message is lost
};

// A deconfliction notice from one party (side) to another: sent at `sent_s`, acted on by the
// notified side's aircraft `relay_delay_s` later, naming an area (which may not be where the
// danger is: its accuracy is the scenario's to state).
struct DeconflictionNoticeSpec {
  std::string name, from_side, to_side;
  double sent_s = 0.0;         // >= 0
  double relay_delay_s = 0.0;  // >= 0
  Geodetic area_center;
  double area_radius_m = 0.0;  // > 0
};

// A filed flight plan: where an aircraft said it would be (not where it is). Units that hold the
// plans (`identification.flight_plans`) correlate their tracks with them.
struct FlightPlanSpec {
  std::string callsign;
  RouteConfig route;              // start, waypoints
  double deviation_m = 5000.0;    // expected deviation from the plan per axis (the gate), > 0
  // `route` built once, shared by the replications; set by PrepareRoutes (runner.h), else each
  // replication builds it.
  std::shared_ptr<const RouteMover> prepared_route;
};

struct AssetSpec {
  std::string name;
  Geodetic position;
};

enum class MissileGuidance { kCommand, kSemiActive };

// When a missile destroys itself (beyond the interceptor's own max flight time and min speed):
struct SelfDestructConfig {
  std::optional<double> on_lost_lock_s;  // semi-active: no seeker lock this long after a lock, > 0
  double reliability = 1.0;              // probability a commanded self-destruct works, [0, 1]
};

// A surface-to-air unit: a command post with its surveillance radar and IFF, one fire unit
// (engagement radar, launchers, missiles), doctrine and identification rules.
struct UnitSpec {
  std::string name, side;
  Geodetic position;  // command post; the origin of the unit's air picture
  bool has_surveillance = true;  // false: a network node with no radar of its own
  RadarConfig surveillance;
  IffConfig iff;
  EngagementRadarConfig engagement_radar;
  std::vector<LauncherSpec> launchers;
  double reaction_time_s = 0.0;  // from an order to the earliest launch, >= 0
  std::string missile_type;
  InterceptorConfig interceptor;
  // command: guided by the engagement radar's track (command guidance, or track-via-missile, where
  // the ground radar keeps the designated target); semi_active: the missile's seeker homes on
  // the echoes of the CW illuminator (weapons/semi_active_seeker.h).
  MissileGuidance guidance = MissileGuidance::kCommand;
  std::optional<IlluminatorConfig> illuminator;  // the engagement radar type's illuminator, if any
  SeekerConfig seeker;                            // semi_active only
  SelfDestructConfig self_destruct;
  EngagementEnvelope envelope;
  TrackerConfig tracker;
  IdentificationRules identification;
  DoctrineConfig doctrine;
  NetworkDoctrine network;
  std::optional<AdsbReceiverConfig> adsb;  // an ADS-B ground receiver feeding the command post
  std::vector<std::string> datalinks;      // friendly-position datalinks the command post receives
  bool flight_plans = false;               // holds the filed flight plans
  std::vector<std::string> defends;  // names of assets
  double missile_step_s = 0.01;      // interceptor integration step, (0, 0.1]
  // Command guidance only: a longer step far from the target, a whole multiple of missile_step,
  // [missile_step, 1] s; missile_step (the default) turns it off. It is taken while the missile
  // steers by proportional navigation and its predicted time to go (range / closing speed on the
  // fire-control track) exceeds terminal_time_to_go, (0, inf) s.
  double midcourse_step_s = 0.0;       // 0: missile_step
  double terminal_time_to_go_s = 10.0;
  EmissionControl emission;          // the surveillance radar's emission control
};

struct Scenario {
  std::string name;
  std::string start_utc;  // ISO 8601, for the outputs' wall-clock times
  Duration duration;
  std::vector<AircraftSpec> aircraft;
  std::vector<AssetSpec> assets;
  std::vector<UnitSpec> units;
  std::vector<DatalinkConfig> datalinks;
  std::vector<JammerSpec> jammers;
  std::vector<NetworkLinkSpec> links;
  std::vector<FlightPlanSpec> flight_plans;
  std::vector<DeconflictionNoticeSpec> notices;
  std::vector<GroundTargetSpec> ground_targets;
  std::vector<ControllerSpec> controllers;
  std::vector<CommsOrderSpec> orders;
  std::shared_ptr<const Terrain> terrain;  // nullptr: smooth earth (shared between replications)
  LineOfSightConfig line_of_sight;
  double truth_interval_s = 1.0;  // truth.csv sampling, > 0
};

}  // namespace iadsim
