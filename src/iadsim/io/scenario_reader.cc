#include "iadsim/io/scenario_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "iadsim/core/angle.h"
#include "iadsim/io/scenario_reader_parts.h"
#include "iadsim/io/yaml_reader.h"
#include "iadsim/sim/runner.h"
#include "iadsim/tracking/filter_factory.h"

namespace iadsim::scenario_detail {

std::optional<Geodetic> ReadPosition(MapReader& m, bool alt_required, double alt_default) {
  const auto lat = m.Quantity("lat", D::kRatio, true);
  const auto lon = m.Quantity("lon", D::kRatio, true);
  const double alt = alt_required ? m.Quantity("alt", D::kAltitude, true).value_or(0.0)
                                  : m.Quantity("alt", D::kAltitude, alt_default);
  bool ok = lat && lon;
  if (lat && !(std::abs(*lat) <= 90.0)) m.Report("lat", fmt::format("must be in [-90, 90] degrees (got {})", *lat)), ok = false;
  if (lon && !(std::abs(*lon) <= 180.0)) m.Report("lon", fmt::format("must be in [-180, 180] degrees (got {})", *lon)), ok = false;
  if (!ok) return std::nullopt;
  return Geodetic{*lat, *lon, alt};
}

double AntennaHeight(MapReader& m, bool required, double fallback) {
  const double h = m.Quantity("antenna_height", D::kLength, required).value_or(fallback);
  if (!(h >= 0.0 && h <= 10000.0)) {  // from a mast to an aerostat
    m.Report("antenna_height", fmt::format("must be in [0, 10000] m (got {} m)", h));
    return fallback;
  }
  return h;
}

std::optional<Geodetic> ReadAt(Context& ctx, const YAML::Node& node, const std::string& path, bool alt_required) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return std::nullopt;
  auto g = ReadPosition(m, alt_required);
  if (g && !(g->alt_m >= -500.0 && g->alt_m <= 100000.0)) {  // as a waypoint's (route_mover.h)
    m.Report("alt", fmt::format("must be in [-500, 100000] m (got {} m)", g->alt_m));
    g.reset();
  }
  m.Finish();
  return g;
}

const YAML::Node* FindType(MapReader& m, const std::string& key, const std::map<std::string, YAML::Node>& table,
                           const char* what, std::string* name) {
  const auto s = m.String(key, true);
  if (!s) return nullptr;
  *name = *s;
  const auto it = table.find(*s);
  if (it == table.end()) {
    std::string known;
    for (const auto& [k, v] : table) known += (known.empty() ? "" : ", ") + k;
    m.Report(key, fmt::format("refers to an undefined {} '{}' (defined: {})", what, *s, known.empty() ? "none" : known));
    return nullptr;
  }
  return &it->second;
}

void ReadWaypoints(Context& ctx, MapReader& m, const std::string& key, std::size_t min_size, std::vector<Waypoint>* out) {
  const auto route = m.Node(key, true);
  if (!route) return;
  const std::string rpath = m.PathOf(key);
  if (!route->IsSequence()) {
    m.Report(key, "must be a list of waypoints (got " + Describe(*route) + ")");
    return;
  }
  for (std::size_t i = 0; i < route->size(); ++i) {
    MapReader w(ctx.src, (*route)[i], fmt::format("{}[{}]", rpath, i));
    if (!w.ok()) continue;
    Waypoint wp;
    if (auto at = w.String("at", false)) {
      const auto it = ctx.assets.find(*at);
      if (it == ctx.assets.end()) w.Report("at", fmt::format("refers to an undefined asset '{}'", *at));
      else wp.position = it->second;
      wp.position.alt_m = w.Quantity("alt", D::kAltitude, true).value_or(0.0);
    } else if (auto g = ReadPosition(w, true)) {
      wp.position = *g;
    }
    wp.speed_mps = w.Quantity("speed", D::kSpeed, true).value_or(100.0);
    w.Finish();
    out->push_back(wp);
  }
  if (route->size() < min_size) m.Report(key, fmt::format("needs at least {} waypoint{} (got {})", min_size, min_size == 1 ? "" : "s", route->size()));
}

}  // namespace iadsim::scenario_detail

namespace iadsim {
namespace {

using namespace scenario_detail;

// The engine's clock step (core/time.h counts whole microseconds): a step or interval below it would
// round to nothing.
constexpr double kClockStepS = Duration::Micros(1).seconds();

void ReadMissileType(Context& ctx, const std::string& name, UnitSpec* u) {
  InterceptorConfig* c = &u->interceptor;
  EngagementEnvelope* env = &u->envelope;
  MapReader m(ctx.src, ctx.types.missiles.at(name), "types.missiles." + name);
  if (!m.ok()) return;
  ReadMissileGuidance(ctx, m, u);
  c->launch_mass_kg = m.Quantity("launch_mass", D::kMass, true).value_or(c->launch_mass_kg);
  c->boost_propellant_kg = m.Quantity("boost_propellant", D::kMass, true).value_or(c->boost_propellant_kg);
  c->boost_time_s = m.Quantity("boost_time", D::kTime, true).value_or(c->boost_time_s);
  c->boost_thrust_n = m.Quantity("boost_thrust", D::kForce, true).value_or(c->boost_thrust_n);
  c->sustain_propellant_kg = m.Quantity("sustain_propellant", D::kMass, 0.0);
  c->sustain_time_s = m.Quantity("sustain_time", D::kTime, 0.0);
  c->sustain_thrust_n = m.Quantity("sustain_thrust", D::kForce, 0.0);
  const double diameter = m.Quantity("diameter", D::kLength, true).value_or(0.45);
  if (!(diameter > 0.0 && diameter <= 10.0)) m.Report("diameter", fmt::format("must be in (0, 10] m (got {} m)", diameter));
  c->reference_area_m2 = 3.141592653589793 * diameter * diameter / 4.0;
  c->drag_coefficient = m.Quantity("drag_coefficient", D::kRatio, true).value_or(c->drag_coefficient);
  c->max_lateral_accel_mps2 = m.Quantity("max_lateral_accel", D::kAcceleration, true).value_or(c->max_lateral_accel_mps2);
  c->nav_gain = m.Quantity("nav_gain", D::kRatio, c->nav_gain);
  c->max_flight_time_s = m.Quantity("max_flight_time", D::kTime, true).value_or(c->max_flight_time_s);
  c->min_speed_mps = m.Quantity("min_speed", D::kSpeed, c->min_speed_mps);
  c->arming_time_s = m.Quantity("arming_time", D::kTime, c->arming_time_s);
  c->fuze_radius_m = m.Quantity("fuze_radius", D::kLength, true).value_or(c->fuze_radius_m);
  c->lethal_radius_m = m.Quantity("lethal_radius", D::kLength, true).value_or(c->lethal_radius_m);
  c->kill_probability = m.Quantity("kill_probability", D::kRatio, true).value_or(c->kill_probability);
  m.ReportAll(c->Validate());
  if (auto n = m.Node("envelope", true)) {
    MapReader e(ctx.src, *n, m.PathOf("envelope"));
    if (e.ok()) {
      env->min_range_m = e.Quantity("min_range", D::kLength, true).value_or(env->min_range_m);
      env->max_range_m = e.Quantity("max_range", D::kLength, true).value_or(env->max_range_m);
      env->min_alt_m = e.Quantity("min_altitude", D::kAltitude, true).value_or(env->min_alt_m);
      env->max_alt_m = e.Quantity("max_altitude", D::kAltitude, true).value_or(env->max_alt_m);
      env->mean_missile_speed_mps = e.Quantity("mean_speed", D::kSpeed, true).value_or(env->mean_missile_speed_mps);
      e.ReportAll(env->Validate());
      e.Finish();
    }
  }
  m.Finish();
}

void ReadAircraft(Context& ctx, const YAML::Node& node, const std::string& path, AircraftSpec* a) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  a->name = m.String("name", true).value_or("");
  if (FindType(m, "type", ctx.types.aircraft, "aircraft type", &a->type)) ReadSignature(ctx, a->type, &a->signature);
  a->side = m.String("side", true).value_or("");
  if (!a->side.empty() && !ctx.side_keys.count(a->side)) m.Report("side", fmt::format("refers to an undefined side '{}'", a->side));
  if (auto aff = m.String("affiliation", true)) {
    static const std::map<std::string, Affiliation> kAff{{"hostile", Affiliation::kHostile},
                                                         {"friendly", Affiliation::kFriendly},
                                                         {"civil", Affiliation::kCivil},
                                                         {"neutral", Affiliation::kNeutral}};
    const auto it = kAff.find(*aff);
    if (it == kAff.end()) m.Report("affiliation", fmt::format("must be hostile, friendly, civil or neutral (got '{}')", *aff));
    else a->affiliation = it->second;
  }
  if (auto n = m.Node("transponder", false)) ReadTransponder(ctx, *n, m.PathOf("transponder"), &a->transponder);
  if (auto n = m.Node("adsb", false)) ReadAdsbOut(ctx, *n, m.PathOf("adsb"), &a->adsb);
  if (auto n = m.Node("datalink", false)) ReadDatalinkMember(ctx, *n, m.PathOf("datalink"), &a->datalink);
  a->route.start = SimTime() + Duration::Seconds(m.Quantity("start", D::kTime, 0.0));
  if (m.Has("turn_rate")) a->route.turn_rate_rad_s = m.Quantity("turn_rate", D::kAngle, true).value_or(a->route.turn_rate_rad_s);
  if (auto end = m.String("at_end", false)) {
    if (*end == "continue") a->route.end = EndOfRoute::kContinue;
    else if (*end == "remove") a->route.end = EndOfRoute::kRemove;
    else m.Report("at_end", fmt::format("must be continue or remove (got '{}')", *end));
  }
  ReadWaypoints(ctx, m, "route", 2, &a->route.waypoints);
  if (a->route.waypoints.size() >= 2)
    for (const Problem& p : a->route.Validate())
      if (p.path != "route") m.ReportAll({{p.path, p.message}});
  std::vector<std::size_t> original_index;  // of each written waypoint in the (terrain-following) route
  ReadRouteExtras(ctx, m, a, &original_index);
  if (auto n = m.Node("mission", false)) {
    a->mission.emplace();
    ReadMission(ctx, *n, m.PathOf("mission"), *a, original_index, &*a->mission);
  }
  if (auto n = m.Node("on_notice", false)) {
    a->on_notice.emplace();
    ReadNoticeReaction(ctx, *n, m.PathOf("on_notice"), &*a->on_notice);
  }
  m.Finish();
}

void ReadUnit(Context& ctx, const YAML::Node& node, const std::string& path, UnitSpec* u) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  u->name = m.String("name", true).value_or("");
  u->side = m.String("side", true).value_or("");
  if (!u->side.empty() && !ctx.side_keys.count(u->side)) m.Report("side", fmt::format("refers to an undefined side '{}'", u->side));
  if (auto at = m.Node("at", true)) u->position = ReadAt(ctx, *at, m.PathOf("at"), false).value_or(Geodetic{});
  for (const std::string& a : m.StringList("defends", false))
    if (!ctx.assets.count(a)) m.Report("defends", fmt::format("refers to an undefined asset '{}'", a));
    else u->defends.push_back(a);
  // A unit without surveillance is a network node: it needs links or datalinks to see anything.
  u->has_surveillance = m.Has("surveillance");
  if (auto n = m.Node("surveillance", false)) ReadSurveillance(ctx, *n, m.PathOf("surveillance"), u);
  if (auto n = m.Node("network", false)) ReadUnitNetwork(ctx, *n, m.PathOf("network"), ctx.units, &u->network);
  if (auto n = m.Node("adsb_receiver", false)) {
    u->adsb.emplace();
    ReadAdsbReceiver(ctx, *n, m.PathOf("adsb_receiver"), u->position, &*u->adsb);
    u->adsb->name = u->name + "/adsb";
  }
  u->flight_plans = m.Bool("flight_plans", false).value_or(false);
  for (const std::string& link : m.StringList("datalinks", false))
    if (std::find(ctx.datalinks.begin(), ctx.datalinks.end(), link) == ctx.datalinks.end())
      m.Report("datalinks", fmt::format("refers to an undefined datalink '{}'", link));
    else
      u->datalinks.push_back(link);
  if (auto n = m.Node("engagement_radar", false)) {
    MapReader e(ctx.src, *n, m.PathOf("engagement_radar"));
    if (e.ok() && FindType(e, "type", ctx.types.engagement_radars, "engagement radar type", &u->engagement_radar.name))
      ReadEngagementRadarType(ctx, u->engagement_radar.name, &u->engagement_radar, &u->illuminator);
    if (auto at = e.Node("at", false)) u->engagement_radar.position = ReadAt(ctx, *at, e.PathOf("at"), false).value_or(u->position);
    else u->engagement_radar.position = u->position;
    u->engagement_radar.position.alt_m += AntennaHeight(e, true, 0.0);
    e.Finish();
  }
  if (auto n = m.Node("launchers", false)) {
    if (!n->IsSequence()) m.Report("launchers", "must be a list (got " + Describe(*n) + ")");
    for (std::size_t i = 0; n->IsSequence() && i < n->size(); ++i) {
      MapReader l(ctx.src, (*n)[i], fmt::format("{}[{}]", m.PathOf("launchers"), i));
      if (!l.ok()) continue;
      LauncherSpec spec;
      spec.name = l.String("name", true).value_or("");
      if (auto at = l.Node("at", true)) spec.position = ReadAt(ctx, *at, l.PathOf("at"), false).value_or(u->position);
      spec.rounds = static_cast<int>(l.Integer("rounds", true, 0, 16).value_or(0));
      spec.launch_interval_s = l.Quantity("launch_interval", D::kTime, true).value_or(3.0);
      if (!(spec.launch_interval_s > 0.0)) l.Report("launch_interval", fmt::format("must be > 0 (got {} s)", spec.launch_interval_s));
      spec.reserve = static_cast<int>(l.Integer("reserve", false, 0, 1000).value_or(0));
      spec.reload_time_s = l.Quantity("reload_time", D::kTime, 0.0);
      if (!(spec.reload_time_s >= 0.0)) l.Report("reload_time", fmt::format("must be >= 0 (got {} s)", spec.reload_time_s));
      l.Finish();
      u->launchers.push_back(spec);
    }
    if (!u->launchers.empty() && !m.Has("engagement_radar")) m.Report("engagement_radar", "is required with launchers but missing");
  }
  u->reaction_time_s = m.Quantity("reaction_time", D::kTime, 0.0);
  if (!(u->reaction_time_s >= 0.0)) m.Report("reaction_time", fmt::format("must be >= 0 (got {} s)", u->reaction_time_s));
  if (!u->launchers.empty() || m.Has("missile")) {
    if (FindType(m, "missile", ctx.types.missiles, "missile type", &u->missile_type))
      ReadMissileType(ctx, u->missile_type, u);
    if (u->guidance == MissileGuidance::kSemiActive && !u->illuminator && !u->engagement_radar.name.empty())
      m.Report("missile", fmt::format("is semi-active ('{}') but the engagement radar type '{}' has no illuminator",
                                      u->missile_type, u->engagement_radar.name));
  }
  if (auto n = m.Node("tracker", false)) {
    MapReader t(ctx.src, *n, m.PathOf("tracker"));
    TrackerConfig& c = u->tracker;
    c.process_noise_q = t.Quantity("process_noise", D::kRatio, c.process_noise_q);
    c.gate_probability = t.Quantity("gate_probability", D::kRatio, c.gate_probability);
    if (auto conf = t.String("confirm", false)) {
      // M/N: two whole numbers (digits only, each within an int) around one slash.
      const auto number = [](const char* b, const char* e, int* v) -> const char* {
        if (b == e || *b < '0' || *b > '9') return nullptr;
        const auto r = std::from_chars(b, e, *v);
        return r.ec == std::errc() ? r.ptr : nullptr;
      };
      const char* end = conf->data() + conf->size();
      const char* slash = number(conf->data(), end, &c.confirm_m);
      if (!slash || slash == end || *slash != '/' || number(slash + 1, end, &c.confirm_n) != end)
        t.Report("confirm", fmt::format("must be M/N with whole numbers, e.g. 3/4 (got '{}')", *conf));
    }
    c.delete_misses_confirmed = static_cast<int>(t.Integer("delete_misses", false, 1, 100).value_or(c.delete_misses_confirmed));
    c.max_coast_s = t.Quantity("max_coast", D::kTime, c.max_coast_s);
    if (auto model = t.String("model", false); model && *model != "cv") {
      FilterSpec spec;
      spec.dims = 3;
      if (SetNamedTrackModel(*model, c.process_noise_q, &spec))
        c.filter = spec;
      else
        t.Report("model", fmt::format("must be cv, ca, ct or imm (got '{}')", *model));
    }
    // Validate names the config's fields: each problem is reported at the key that set the field
    // (the model's filter, built from process_noise, at model).
    Problems problems = c.Validate();
    for (Problem& p : problems) {
      for (const auto& [field, key] : {std::pair{"process_noise_q", "process_noise"}, std::pair{"confirm_m", "confirm"},
                                       std::pair{"confirm_n", "confirm"}, std::pair{"delete_misses_confirmed", "delete_misses"},
                                       std::pair{"max_coast_s", "max_coast"}})
        if (p.path == field) p.path = key;
      if (p.path.starts_with("filter.")) {
        p.message = fmt::format("its {}, built from process_noise, {}", p.path.substr(7), p.message);
        p.path = "model";
      }
    }
    t.ReportAll(problems);
    t.Finish();
  }
  if (auto n = m.Node("identification", false)) {
    MapReader i(ctx.src, *n, m.PathOf("identification"));
    IdentificationRules& r = u->identification;
    r.hostile_min_speed_mps = i.Quantity("hostile_min_speed", D::kSpeed, r.hostile_min_speed_mps);
    r.inbound_max_cpa_m = i.Quantity("inbound_max_cpa", D::kLength, r.inbound_max_cpa_m);
    r.hostile_delay_s = i.Quantity("hostile_delay", D::kTime, r.hostile_delay_s);
    r.min_unanswered = static_cast<int>(i.Integer("min_unanswered", false, 1, 1000).value_or(r.min_unanswered));
    for (const auto& [key, field] : {std::pair{"mode3a_identity", &r.mode3a_identity}, std::pair{"adsb_identity", &r.adsb_identity},
                                     std::pair{"flight_plan_identity", &r.flight_plan_identity}})
      if (auto id = i.String(key, false))
        if (!ParseIdentity(id->c_str(), field)) i.Report(key, fmt::format("is not an identity (got '{}')", *id));
    if (i.Has("hostile_max_altitude")) r.hostile_max_altitude_m = i.Quantity("hostile_max_altitude", D::kAltitude, true);
    if (auto n = i.Node("hostile_origins", false)) ReadOriginAreas(ctx, *n, i.PathOf("hostile_origins"), u->position, &r.hostile_origins);
    if (auto n = i.Node("corridors", false)) ReadCorridors(ctx, *n, i.PathOf("corridors"), u->position, &r.corridors);
    i.ReportAll(r.Validate());
    i.Finish();
  }
  if (auto n = m.Node("doctrine", false)) {
    MapReader d(ctx.src, *n, m.PathOf("doctrine"));
    DoctrineConfig& c = u->doctrine;
    c.control = ReadWeaponsControl(d, c.control);
    ReadDoctrineExtras(ctx, d, &c);
    c.salvo = static_cast<int>(d.Integer("salvo", false, 1, 4).value_or(c.salvo));
    c.reengage_delay_s = d.Quantity("reengage_delay", D::kTime, c.reengage_delay_s);
    d.ReportAll(c.Validate());
    d.Finish();
  }
  if (auto n = m.Node("emission", false)) ReadEmission(ctx, *n, m.PathOf("emission"), &u->emission);
  u->missile_step_s = m.Quantity("missile_step", D::kTime, u->missile_step_s);
  if (!(u->missile_step_s >= kClockStepS && u->missile_step_s <= 0.1))
    m.Report("missile_step", fmt::format("must be in [1 us, 0.1 s]: the engine's clock counts whole microseconds (got {} s)",
                                         u->missile_step_s));
  u->midcourse_step_s = m.Quantity("midcourse_step", D::kTime, u->missile_step_s);
  const double steps = u->midcourse_step_s / u->missile_step_s;
  if (!(u->midcourse_step_s <= 1.0 && steps >= 1.0 && std::abs(steps - std::round(steps)) < 1e-9))
    m.Report("midcourse_step", fmt::format("must be a whole multiple of missile_step ({} s), at most 1 s (got {} s)",
                                           u->missile_step_s, u->midcourse_step_s));
  u->terminal_time_to_go_s = m.Quantity("terminal_time_to_go", D::kTime, u->terminal_time_to_go_s);
  if (!(u->terminal_time_to_go_s > 0.0 && std::isfinite(u->terminal_time_to_go_s)))
    m.Report("terminal_time_to_go", fmt::format("must be > 0 s (got {} s)", u->terminal_time_to_go_s));
  m.Finish();
}

// terrain: {tiles: [files] | directory: dir, k_factor: 4/3, step: 0 m}; relative paths are taken
// from the scenario file's directory.
void ReadTerrain(Context& ctx, const YAML::Node& node, const std::string& path, Scenario* s) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  const std::filesystem::path base = std::filesystem::path(ctx.src.file).parent_path();
  auto resolve = [&](const std::string& f) { return std::filesystem::path(f).is_absolute() ? std::filesystem::path(f) : base / f; };
  s->line_of_sight.k_factor = m.Quantity("k_factor", D::kRatio, s->line_of_sight.k_factor);
  s->line_of_sight.step_m = m.Quantity("step", D::kLength, 0.0);
  m.ReportAll(s->line_of_sight.Validate());
  const bool has_dir = m.Has("directory"), has_tiles = m.Has("tiles");
  if (has_dir == has_tiles) {
    m.Report(has_dir ? "tiles" : "directory", "give either directory or tiles (SRTM .hgt files)");
  } else {
    try {
      if (has_dir) {
        const std::string dir = m.String("directory", true).value_or("");
        s->terrain = std::make_shared<SrtmTerrain>(SrtmTerrain::LoadDirectory(resolve(dir), m.PathOf("directory")));
      } else {
        std::vector<std::filesystem::path> files;
        for (const std::string& f : m.StringList("tiles", true)) files.push_back(resolve(f));
        s->terrain = std::make_shared<SrtmTerrain>(SrtmTerrain::LoadFiles(files, m.PathOf("tiles")));
      }
    } catch (const ScenarioError& e) {
      // A tile's problem has no place in the scenario: put it at the key that names the tiles, and
      // name the tile file in the message.
      for (const Problem& p : e.problems()) {
        if (p.line > 0) {
          ctx.src.problems->push_back(p);
          continue;
        }
        const std::string message = p.file.empty() ? p.message : fmt::format("{}: {}", p.file, p.message);
        ctx.src.Report(m.MarkOf(has_dir ? "directory" : "tiles"), p.path, message);
      }
    }
  }
  m.Finish();
}

std::map<std::string, YAML::Node> ReadTable(MapReader& types, const std::string& key) {
  std::map<std::string, YAML::Node> out;
  if (auto n = types.Node(key, false)) {
    MapReader t(types.source(), *n, types.PathOf(key));
    for (const std::string& name : t.Keys()) out[name] = *t.Node(name, true);
  }
  return out;
}

Scenario ReadDocument(const YAML::Node& root, const YamlSource& src) {
  Scenario s;
  Context ctx{src, {}, {}, {}, {}, {}, {}, {}};
  MapReader top(src, root, "");
  if (!top.ok()) return s;
  if (auto n = top.Node("scenario", true)) {
    MapReader m(src, *n, "scenario");
    s.name = m.String("name", true).value_or("");
    s.start_utc = m.String("start", true).value_or("");
    if (!s.start_utc.empty() && !std::regex_match(s.start_utc, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")))
      m.Report("start", fmt::format("must be a UTC time like 2018-09-17T18:30:00Z (got '{}')", s.start_utc));
    const auto d = m.Quantity("duration", D::kTime, true);
    if (d && !(*d > 0.0 && *d <= 7 * 86400.0)) m.Report("duration", fmt::format("must be in (0 s, 7 days] (got {} s)", *d));
    s.duration = Duration::Seconds(d.value_or(60.0));
    s.truth_interval_s = m.Quantity("truth_interval", D::kTime, s.truth_interval_s);
    if (!(s.truth_interval_s >= kClockStepS))
      m.Report("truth_interval", fmt::format("must be at least 1 us, the engine's clock step (got {} s)", s.truth_interval_s));
    m.Finish();
  }
  if (auto n = top.Node("sides", true)) {
    MapReader m(src, *n, "sides");
    for (const std::string& side : m.Keys()) {
      MapReader sm(src, *m.Node(side, true), m.PathOf(side));
      ctx.side_keys[side] = sm.StringList("iff_keys", false);
      sm.Finish();
    }
  }
  if (auto n = top.Node("types", true)) {
    MapReader t(src, *n, "types");
    ctx.types.aircraft = ReadTable(t, "aircraft");
    ctx.types.radars = ReadTable(t, "radars");
    ctx.types.engagement_radars = ReadTable(t, "engagement_radars");
    ctx.types.missiles = ReadTable(t, "missiles");
    ctx.types.weapons = ReadTable(t, "weapons");
    t.Finish();
  }
  auto list = [&](const char* key, bool required, auto&& each) {
    const auto n = top.Node(key, required);
    if (!n) return;
    if (!n->IsSequence()) {
      top.Report(key, "must be a list (got " + Describe(*n) + ")");
      return;
    }
    for (std::size_t i = 0; i < n->size(); ++i) each((*n)[i], fmt::format("{}[{}]", key, i));
  };
  list("assets", false, [&](const YAML::Node& node, const std::string& path) {
    MapReader m(src, node, path);
    if (!m.ok()) return;
    AssetSpec a;
    a.name = m.String("name", true).value_or("");
    if (auto g = ReadPosition(m, false)) a.position = *g;
    m.Finish();
    ctx.assets[a.name] = a.position;
    s.assets.push_back(a);
  });
  if (auto n = top.Node("terrain", false)) ReadTerrain(ctx, *n, "terrain", &s);
  ctx.terrain = s.terrain;
  CollectEmitterNames(ctx, root);
  if (auto n = top.Node("ground_targets", false)) ReadGroundTargets(ctx, *n, "ground_targets", &s.ground_targets);
  list("datalinks", false, [&](const YAML::Node& node, const std::string& path) {
    s.datalinks.emplace_back();
    ReadDatalink(ctx, node, path, &s.datalinks.back());
    ctx.datalinks.push_back(s.datalinks.back().name);
  });
  list("aircraft", true, [&](const YAML::Node& node, const std::string& path) {
    s.aircraft.emplace_back();
    ReadAircraft(ctx, node, path, &s.aircraft.back());
  });
  std::vector<std::string> aircraft_names;
  for (const AircraftSpec& a : s.aircraft) aircraft_names.push_back(a.name);
  list("jammers", false, [&](const YAML::Node& node, const std::string& path) {
    s.jammers.emplace_back();
    ReadJammer(ctx, node, path, aircraft_names, &s.jammers.back());
  });
  if (const YAML::Node n = root.IsMap() ? root["units"] : YAML::Node(); n && n.IsSequence())
    for (const YAML::Node& u : n)
      if (u.IsMap() && u["name"] && u["name"].IsScalar()) ctx.units.push_back(u["name"].Scalar());
  list("units", true, [&](const YAML::Node& node, const std::string& path) {
    s.units.emplace_back();
    ReadUnit(ctx, node, path, &s.units.back());
  });
  if (auto n = top.Node("network", false)) ReadNetworkLinks(ctx, *n, "network", ctx.units, &s.links);
  if (auto n = top.Node("controllers", false)) ReadControllers(ctx, *n, "controllers", s, &s.controllers);
  if (auto n = top.Node("orders", false)) ReadOrders(ctx, *n, "orders", s, &s.orders);
  list("flight_plans", false, [&](const YAML::Node& node, const std::string& path) {
    MapReader m(src, node, path);
    if (!m.ok()) return;
    FlightPlanSpec p;
    p.callsign = m.String("callsign", true).value_or("");
    p.route.start = SimTime() + Duration::Seconds(m.Quantity("start", D::kTime, 0.0));
    p.deviation_m = m.Quantity("deviation", D::kLength, p.deviation_m);
    if (!(p.deviation_m > 0.0)) m.Report("deviation", fmt::format("must be > 0 (got {} m)", p.deviation_m));
    ReadWaypoints(ctx, m, "route", 2, &p.route.waypoints);
    if (p.route.waypoints.size() >= 2)
      for (const Problem& q : p.route.Validate())
        if (q.path != "route") m.ReportAll({{q.path, q.message}});
    m.Finish();
    s.flight_plans.push_back(p);
  });
  if (auto n = top.Node("deconfliction", false)) ReadNotices(ctx, *n, "deconfliction", &s.notices);
  top.Finish();
  return s;
}

}  // namespace

Scenario ReadScenarioText(const std::string& text, const std::string& name) {
  Problems problems;
  const YamlSource src{name, &problems};
  Scenario s;
  try {
    const YAML::Node root = YAML::Load(text);
    if (root.IsNull()) src.Report(YAML::Mark(), "(file)", "is empty: expected a scenario mapping");
    else s = ReadDocument(root, src);
  } catch (const YAML::Exception& e) {
    src.Report(e.mark, "(file)", "YAML syntax error: " + e.msg);
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  PrepareRoutes(s);
  return s;
}

Scenario ReadScenarioNode(const YAML::Node& root, const std::string& name) {
  Problems problems;
  const YamlSource src{name, &problems};
  Scenario s;
  try {
    if (!root || root.IsNull()) src.Report(YAML::Mark(), "(file)", "is empty: expected a scenario mapping");
    else s = ReadDocument(root, src);
  } catch (const YAML::Exception& e) {
    src.Report(e.mark, "(file)", "YAML error: " + e.msg);
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  PrepareRoutes(s);
  return s;
}

Scenario ReadScenarioFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Problem{"(file)", std::string("cannot read the scenario: ") + std::strerror(errno), path, 1, 1}});
  std::ostringstream text;
  text << in.rdbuf();
  return ReadScenarioText(text.str(), path);
}

}  // namespace iadsim
