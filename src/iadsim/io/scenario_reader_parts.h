#pragma once
// Internal to the scenario reader (scenario_reader.cc, scenario_sensors_reader.cc): the reading
// context shared by the parts of the reader, and the readers of the sensor-related blocks.
// Not a public interface.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/io/yaml_reader.h"
#include "iadsim/sim/scenario.h"
#include "iadsim/world/performance_envelope.h"

namespace iadsim::scenario_detail {

using D = Dimension;

struct Types {
  std::map<std::string, YAML::Node> aircraft, radars, engagement_radars, missiles, weapons;
};

struct Context {
  YamlSource src;
  Types types;
  std::map<std::string, std::vector<std::string>> side_keys;  // side -> IFF keys
  std::map<std::string, Geodetic> assets;
  std::vector<std::string> datalinks;  // names defined under datalinks:
  std::map<std::string, Signature> signatures;    // aircraft types read so far
  std::map<std::string, RadarConfig> radar_types;  // radar types read so far
  std::vector<std::string> units;                  // names of every unit (network nodes), read first
  // The attacker's side (scenario_strike_reader.cc).
  std::shared_ptr<const Terrain> terrain;                            // for terrain following; may be null
  std::map<std::string, Geodetic> ground_targets;                    // read before the aircraft
  std::vector<std::string> emitters;                                 // units, UNIT/engagement, jammers: read first
  std::map<std::string, std::optional<MunitionType>> munitions;      // weapon types read so far (none: unreadable)
  std::map<std::string, std::optional<PerformanceEnvelope>> performances;  // aircraft types' performance blocks
};

// "a, b, c" (or "none"), for messages that list the names a key may take.
inline std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}
inline bool Contains(const std::vector<std::string>& names, const std::string& n) {
  return std::find(names.begin(), names.end(), n) != names.end();
}

// Calls each(m) for every item of a list (each read as a mapping, then checked for unknown keys);
// a node that is not a list is reported.
template <typename F>
void ForEachItem(Context& ctx, const YAML::Node& node, const std::string& path, F&& each) {
  if (!node.IsSequence()) {
    ctx.src.Report(node.Mark(), path, "must be a list (got " + Describe(node) + ")");
    return;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    MapReader m(ctx.src, node[i], fmt::format("{}[{}]", path, i));
    if (!m.ok()) continue;
    each(m);
    m.Finish();
  }
}

std::optional<Geodetic> ReadPosition(MapReader& m, bool alt_required, double alt_default = 0.0);
std::optional<Geodetic> ReadAt(Context& ctx, const YAML::Node& node, const std::string& path, bool alt_required);
// Looks up a named type in a table, reporting an undefined name at the referring key.
const YAML::Node* FindType(MapReader& m, const std::string& key, const std::map<std::string, YAML::Node>& table,
                           const char* what, std::string* name);

void ReadSignature(Context& ctx, const std::string& type, Signature* sig);
// `illuminator`: receives the type's CW illuminator block, if it has one.
void ReadEngagementRadarType(Context& ctx, const std::string& name, EngagementRadarConfig* r,
                             std::optional<IlluminatorConfig>* illuminator);
void ReadTransponder(Context& ctx, const YAML::Node& node, const std::string& path, Transponder* x);
void ReadAdsbOut(Context& ctx, const YAML::Node& node, const std::string& path, AdsbOut* x);
void ReadDatalinkMember(Context& ctx, const YAML::Node& node, const std::string& path, DatalinkMember* x);
// A unit's surveillance: block (radar type, antenna height, biases, IFF).
void ReadSurveillance(Context& ctx, const YAML::Node& node, const std::string& path, UnitSpec* u);
void ReadAdsbReceiver(Context& ctx, const YAML::Node& node, const std::string& path, const Geodetic& unit_position,
                      AdsbReceiverConfig* c);
void ReadJammer(Context& ctx, const YAML::Node& node, const std::string& path, const std::vector<std::string>& aircraft,
                JammerSpec* j);
void ReadDatalink(Context& ctx, const YAML::Node& node, const std::string& path, DatalinkConfig* c);
// A list of waypoints under `key` (at least `min_size`): {lat, lon, alt, speed} or {at: ASSET, alt, speed}.
void ReadWaypoints(Context& ctx, MapReader& m, const std::string& key, std::size_t min_size, std::vector<Waypoint>* out);
// The antenna_height key (above the site's altitude), in [0, 10000] m; `fallback` when absent or wrong.
double AntennaHeight(MapReader& m, bool required, double fallback);

// scenario_c2_reader.cc: network, doctrine and semi-active weapons.
void ReadIlluminator(Context& ctx, const YAML::Node& node, const std::string& path, IlluminatorConfig* c);
// A missile type's guidance, seeker and self_destruct keys.
void ReadMissileGuidance(Context& ctx, MapReader& m, UnitSpec* u);
void ReadUnitNetwork(Context& ctx, const YAML::Node& node, const std::string& path, const std::vector<std::string>& units,
                     NetworkDoctrine* n);
void ReadCorridors(Context& ctx, const YAML::Node& node, const std::string& path, const Geodetic& origin,
                   std::vector<ProceduralCorridor>* out);
void ReadOriginAreas(Context& ctx, const YAML::Node& node, const std::string& path, const Geodetic& origin,
                     std::vector<OriginArea>* out);
WeaponsControl ReadWeaponsControl(MapReader& d, WeaponsControl fallback);
// A doctrine block's sectors, capture_zone_hold and operator keys.
void ReadDoctrineExtras(Context& ctx, MapReader& d, DoctrineConfig* c);
void ReadNetworkLinks(Context& ctx, const YAML::Node& node, const std::string& path, const std::vector<std::string>& units,
                      std::vector<NetworkLinkSpec>* out);
void ReadNotices(Context& ctx, const YAML::Node& node, const std::string& path, std::vector<DeconflictionNoticeSpec>* out);
void ReadNoticeReaction(Context& ctx, const YAML::Node& node, const std::string& path, NoticeReaction* r);

// scenario_strike_reader.cc and scenario_ew_reader.cc: the attacker's side
// (docs/scenario-format.md, "Strike packages and electronic warfare").
// The emitter names anti-radiation releases may refer to (units, UNIT/engagement, jammers), from
// the raw document: those blocks are read after the aircraft.
void CollectEmitterNames(Context& ctx, const YAML::Node& root);
void ReadGroundTargets(Context& ctx, const YAML::Node& node, const std::string& path, std::vector<GroundTargetSpec>* out);
// After an aircraft's route is read: its terrain_following key (densifies the route over
// ctx.terrain) and the check of the route against its type's performance block.
// `original_index` receives the index in the final route of each waypoint as written.
void ReadRouteExtras(Context& ctx, MapReader& m, AircraftSpec* a, std::vector<std::size_t>* original_index);
void ReadMission(Context& ctx, const YAML::Node& node, const std::string& path, const AircraftSpec& a,
                 const std::vector<std::size_t>& original_index, MissionPlan* out);
void ReadControllers(Context& ctx, const YAML::Node& node, const std::string& path, const Scenario& s,
                     std::vector<ControllerSpec>* out);
void ReadOrders(Context& ctx, const YAML::Node& node, const std::string& path, const Scenario& s,
                std::vector<CommsOrderSpec>* out);
void ReadEmission(Context& ctx, const YAML::Node& node, const std::string& path, EmissionControl* e);
// A radio's figures. `transmitter`: a controller's (power and frequency required, no receiver figures).
void ReadRadioFields(MapReader& m, bool transmitter, RadioConfig* c);
// A jammer's band, frequency and beam keys.
void ReadJammerEw(Context& ctx, MapReader& m, Jammer* x);

}  // namespace iadsim::scenario_detail
