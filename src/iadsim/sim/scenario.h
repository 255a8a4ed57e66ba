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
#include "iadsim/weapons/interceptor.h"
#include "iadsim/world/entity.h"
#include "iadsim/world/jammer.h"
#include "iadsim/world/line_of_sight.h"
#include "iadsim/world/terrain.h"

namespace iadsim {

struct AircraftSpec {
  std::string name, side, type;
  Affiliation affiliation = Affiliation::kHostile;  // truth, for after-action analysis
  Signature signature;
  Transponder transponder;
  AdsbOut adsb;
  DatalinkMember datalink;
  RouteConfig route;
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
};

struct AssetSpec {
  std::string name;
  Geodetic position;
};

// A surface-to-air unit: a command post with its surveillance radar and IFF, one fire unit
// (engagement radar, launchers, missiles), doctrine and identification rules.
struct UnitSpec {
  std::string name, side;
  Geodetic position;  // command post; the origin of the unit's air picture
  RadarConfig surveillance;
  IffConfig iff;
  EngagementRadarConfig engagement_radar;
  std::vector<LauncherSpec> launchers;
  std::string missile_type;
  InterceptorConfig interceptor;
  EngagementEnvelope envelope;
  TrackerConfig tracker;
  IdentificationRules identification;
  DoctrineConfig doctrine;
  std::optional<AdsbReceiverConfig> adsb;  // an ADS-B ground receiver feeding the command post
  std::vector<std::string> datalinks;      // friendly-position datalinks the command post receives
  std::vector<std::string> defends;  // names of assets
  double missile_step_s = 0.01;      // interceptor integration step, (0, 0.1]
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
  std::shared_ptr<const Terrain> terrain;  // nullptr: smooth earth (shared between replications)
  LineOfSightConfig line_of_sight;
  double truth_interval_s = 1.0;  // truth.csv sampling, > 0
};

}  // namespace iadsim
