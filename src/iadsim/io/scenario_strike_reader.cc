// The attacker's side of a scenario: weapon types, aircraft performance and terrain following,
// mission plans (releases, RWR, navigation, radar, radio). Ground targets, controllers, orders,
// emission control and jammer bands: scenario_ew_reader.cc.
// Schema: docs/scenario-format.md, "Strike packages and electronic warfare".
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "iadsim/io/scenario_reader_parts.h"
#include "iadsim/world/holding_pattern.h"
#include "iadsim/world/terrain_following.h"

namespace iadsim::scenario_detail {
namespace {

// `key: [min, max]`: two frequencies, 0 < min < max.
void ReadBand(MapReader& m, const std::string& key, double* min_hz, double* max_hz) {
  const auto n = m.Node(key, false);
  if (!n) return;
  if (!n->IsSequence() || n->size() != 2 || !(*n)[0].IsScalar() || !(*n)[1].IsScalar()) {
    m.Report(key, "must be a list of two frequencies [min, max] (got " + Describe(*n) + ")");
    return;
  }
  double v[2] = {0.0, 0.0};
  bool ok = true;
  for (int i = 0; i < 2; ++i) {
    const auto q = ParseQuantity((*n)[i].Scalar(), D::kFrequency);
    if (const double* x = std::get_if<double>(&q)) v[i] = *x;
    else m.source().Report((*n)[i].Mark(), fmt::format("{}[{}]", m.PathOf(key), i), std::get<std::string>(q)), ok = false;
  }
  if (!ok) return;
  if (!(v[0] > 0.0 && v[0] < v[1])) {
    m.Report(key, fmt::format("must be [min, max] with 0 < min < max (got [{} Hz, {} Hz])", v[0], v[1]));
    return;
  }
  *min_hz = v[0];
  *max_hz = v[1];
}

void ReadNavigation(Context& ctx, const YAML::Node& node, const std::string& path, NavigationConfig* c) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  c->cep_gnss_m = m.Quantity("cep_gnss", D::kLength, c->cep_gnss_m);
  c->drift_mps = m.Quantity("ins_drift", D::kSpeed, c->drift_mps);
  m.ReportAll(c->Validate());
  m.Finish();
}

void ReadGnss(Context& ctx, const YAML::Node& node, const std::string& path, GnssReceiverConfig* c) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  if (m.Has("signal")) c->signal_dbw = 10.0 * std::log10(m.Quantity("signal", D::kPower, true).value_or(1.4125e-16));
  c->k_db_hz = m.Quantity("k", D::kDecibel, c->k_db_hz);
  c->unjammed_cn0_dbhz = m.Quantity("unjammed_cn0", D::kDecibel, c->unjammed_cn0_dbhz);
  c->tracking_threshold_dbhz = m.Quantity("tracking_threshold", D::kDecibel, c->tracking_threshold_dbhz);
  c->acquisition_threshold_dbhz = m.Quantity("acquisition_threshold", D::kDecibel, c->acquisition_threshold_dbhz);
  c->antijam_db = m.Quantity("antijam", D::kDecibel, c->antijam_db);
  c->gain_toward_jammer_db = m.Quantity("gain_toward_jammer", D::kDecibel, c->gain_toward_jammer_db);
  c->frequency_hz = m.Quantity("frequency", D::kFrequency, c->frequency_hz);
  m.ReportAll(c->Validate());
  m.Finish();
}

// The keys each kind of weapon has, besides kind, rcs, swerling.
const std::vector<std::string>& KindKeys(MunitionKind k) {
  static const std::vector<std::string> kGlide{"lift_to_drag", "glide_speed", "energy_height", "navigation", "gnss", "lethal_radius"};
  static const std::vector<std::string> kCruise{"speed", "altitude", "max_range", "navigation", "gnss", "lethal_radius"};
  static const std::vector<std::string> kArm{"speed", "max_lateral_accel", "nav_gain", "angle_sigma", "max_flight_time", "band", "lethal_radius", "cue_cep"};
  static const std::vector<std::string> kDecoy{"speed", "max_range"};
  switch (k) {
    case MunitionKind::kGlideBomb: return kGlide;
    case MunitionKind::kCruiseMissile: return kCruise;
    case MunitionKind::kAntiRadiation: return kArm;
    case MunitionKind::kDecoy: return kDecoy;
  }
  return kDecoy;
}

std::optional<MunitionType> ReadMunitionFields(Context& ctx, const std::string& name) {
  MapReader m(ctx.src, ctx.types.weapons.at(name), "types.weapons." + name);
  if (!m.ok()) return std::nullopt;
  MunitionType t;
  t.name = name;
  const auto kind = m.String("kind", true);
  static const std::map<std::string, MunitionKind> kKinds{{"glide-bomb", MunitionKind::kGlideBomb},
                                                          {"cruise-missile", MunitionKind::kCruiseMissile},
                                                          {"anti-radiation", MunitionKind::kAntiRadiation},
                                                          {"decoy", MunitionKind::kDecoy}};
  const auto it = kind ? kKinds.find(*kind) : kKinds.end();
  if (kind && it == kKinds.end()) m.Report("kind", fmt::format("must be glide-bomb, cruise-missile, anti-radiation or decoy (got '{}')", *kind));
  if (it == kKinds.end()) {
    for (const std::string& k : m.Keys()) m.Node(k, false);  // nothing more to say without a kind
    return std::nullopt;
  }
  t.kind = it->second;
  const std::vector<std::string>& keys = KindKeys(t.kind);
  for (const std::string& k : m.Keys()) {
    if (k == "kind" || k == "rcs" || k == "swerling" || Contains(keys, k)) continue;
    m.Report(k, fmt::format("{} has no key {} (its keys: kind, rcs, swerling, {})", *kind, k, Join(keys)));
    m.Node(k, false);
  }
  t.signature.rcs_m2 = m.Quantity("rcs", D::kArea, t.signature.rcs_m2);
  if (!(t.signature.rcs_m2 > 0.0 && t.signature.rcs_m2 <= 1e5))
    m.Report("rcs", fmt::format("must be in (0, 1e5] m2 (got {} m2)", t.signature.rcs_m2));
  t.signature.swerling = static_cast<int>(m.Integer("swerling", false, 0, 4).value_or(t.signature.swerling));
  auto has = [&](const char* k) { return Contains(keys, k); };
  if (has("lift_to_drag")) {
    t.glide.lift_to_drag = m.Quantity("lift_to_drag", D::kRatio, t.glide.lift_to_drag);
    t.glide.mean_speed_mps = m.Quantity("glide_speed", D::kSpeed, t.glide.mean_speed_mps);
    t.glide.energy_height = m.Bool("energy_height", false).value_or(t.glide.energy_height);
    m.ReportAll(t.glide.Validate());
  }
  if (has("navigation")) {
    if (auto n = m.Node("navigation", false)) ReadNavigation(ctx, *n, m.PathOf("navigation"), &t.navigation);
    if (auto n = m.Node("gnss", false)) ReadGnss(ctx, *n, m.PathOf("gnss"), &t.gnss);
  }
  if (t.kind == MunitionKind::kCruiseMissile || t.kind == MunitionKind::kDecoy) {
    t.speed_mps = m.Quantity("speed", D::kSpeed, t.speed_mps);
    if (!(t.speed_mps > 0.0 && t.speed_mps <= 1000.0)) m.Report("speed", fmt::format("must be in (0, 1000] m/s (got {} m/s)", t.speed_mps));
    t.max_range_m = m.Quantity("max_range", D::kLength, t.max_range_m);
    if (!(t.max_range_m >= 0.0)) m.Report("max_range", fmt::format("must be >= 0 (0: unlimited) (got {} m)", t.max_range_m));
  }
  if (t.kind == MunitionKind::kCruiseMissile) {
    t.cruise_agl_m = m.Quantity("altitude", D::kLength, t.cruise_agl_m);
    if (!(t.cruise_agl_m >= 10.0 && t.cruise_agl_m <= 5000.0))
      m.Report("altitude", fmt::format("must be in [10, 5000] m above the ground (got {} m)", t.cruise_agl_m));
  }
  if (t.kind == MunitionKind::kAntiRadiation) {
    AntiRadiationConfig& a = t.arm;
    a.speed_mps = m.Quantity("speed", D::kSpeed, a.speed_mps);
    a.max_lateral_accel_mps2 = m.Quantity("max_lateral_accel", D::kAcceleration, a.max_lateral_accel_mps2);
    a.nav_gain = m.Quantity("nav_gain", D::kRatio, a.nav_gain);
    a.angle_sigma_rad = m.Quantity("angle_sigma", D::kAngle, a.angle_sigma_rad);
    a.max_flight_time_s = m.Quantity("max_flight_time", D::kTime, a.max_flight_time_s);
    a.lethal_radius_m = m.Quantity("lethal_radius", D::kLength, a.lethal_radius_m);
    ReadBand(m, "band", &t.arm_min_frequency_hz, &t.arm_max_frequency_hz);
    t.arm_cue_cep_m = m.Quantity("cue_cep", D::kLength, t.arm_cue_cep_m);
    if (!(t.arm_cue_cep_m >= 0.0 && t.arm_cue_cep_m <= 100e3))
      m.Report("cue_cep", fmt::format("must be in [0, 100] km (got {} m)", t.arm_cue_cep_m));
    m.ReportAll(a.Validate());
  } else if (has("lethal_radius")) {
    t.lethal_radius_m = m.Quantity("lethal_radius", D::kLength, t.lethal_radius_m);
    if (!(t.lethal_radius_m > 0.0)) m.Report("lethal_radius", fmt::format("must be > 0 (got {} m)", t.lethal_radius_m));
  }
  m.Finish();
  return t;
}

// Each weapon type is read once, on its first use (its problems reported once).
const MunitionType* FindMunition(Context& ctx, MapReader& m, const std::string& key) {
  std::string name;
  if (!FindType(m, key, ctx.types.weapons, "weapon type", &name)) return nullptr;
  auto it = ctx.munitions.find(name);
  if (it == ctx.munitions.end()) it = ctx.munitions.emplace(name, ReadMunitionFields(ctx, name)).first;
  return it->second ? &*it->second : nullptr;
}

std::optional<PerformanceEnvelope> ReadPerformanceFields(Context& ctx, const std::string& type) {
  const YAML::Node& node = ctx.types.aircraft.at(type);
  if (!node.IsMap()) return std::nullopt;  // reported by ReadSignature
  MapReader t(ctx.src, node, "types.aircraft." + type);
  if (!t.Has("performance")) return std::nullopt;
  MapReader m(ctx.src, *t.Node("performance", true), t.PathOf("performance"));
  if (!m.ok()) return std::nullopt;
  PerformanceEnvelope e;
  e.min_speed_mps = m.Quantity("min_speed", D::kSpeed, e.min_speed_mps);
  e.max_speed_mps = m.Quantity("max_speed", D::kSpeed, e.max_speed_mps);
  e.ceiling_m = m.Quantity("ceiling", D::kAltitude, e.ceiling_m);
  e.max_load_factor = m.Quantity("max_load_factor", D::kRatio, e.max_load_factor);
  e.max_climb_mps = m.Quantity("max_climb", D::kSpeed, e.max_climb_mps);
  const Problems p = e.Validate();
  m.ReportAll(p);
  m.Finish();
  if (!p.empty()) return std::nullopt;
  return e;
}

// A route problem (path "route[j]..." in the final route) at the written waypoint it concerns, or
// at terrain_following for a waypoint it generated.
void ReportRouteProblem(Context& ctx, MapReader& m, const Problem& p, const std::vector<std::size_t>& original_index) {
  std::smatch mm;
  static const std::regex kWaypoint(R"(route\[(\d+)\](?:\.(\w+))?)");
  if (!std::regex_match(p.path, mm, kWaypoint)) {
    m.ReportAll({p});
    return;
  }
  const std::size_t j = std::stoul(mm[1]);
  const std::string field = mm[2];
  const auto at = std::find(original_index.begin(), original_index.end(), j);
  if (at == original_index.end()) {
    const std::size_t k = static_cast<std::size_t>(std::upper_bound(original_index.begin(), original_index.end(), j) - original_index.begin()) - 1;
    m.Report("terrain_following", fmt::format("at the generated waypoint between route[{}] and route[{}]: {} {}", k, k + 1,
                                              field.empty() ? "waypoint" : field, p.message));
    return;
  }
  const std::size_t k = static_cast<std::size_t>(at - original_index.begin());
  const std::string path = fmt::format("route[{}]{}", k, field.empty() ? "" : "." + field);
  const auto route = m.Node("route", false);
  if (route && route->IsSequence() && k < route->size() && (*route)[k].IsMap()) {
    MapReader w(ctx.src, (*route)[k], m.PathOf(fmt::format("route[{}]", k)));
    ctx.src.Report(w.MarkOf(field), m.PathOf(path), p.message);
  } else {
    ctx.src.Report(m.MarkOf("route"), m.PathOf(path), p.message);
  }
}

void ReadRwr(Context& ctx, const YAML::Node& node, const std::string& path, MissionPlan* out) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  RwrConfig& c = out->rwr.emplace();
  if (m.Has("sensitivity")) c.sensitivity_dbw = 10.0 * std::log10(m.Quantity("sensitivity", D::kPower, true).value_or(1e-10));
  c.gain_db = m.Quantity("gain", D::kDecibel, c.gain_db);
  ReadBand(m, "band", &c.min_frequency_hz, &c.max_frequency_hz);
  m.ReportAll(c.Validate());
  if (auto n = m.Node("reaction", false)) {
    MapReader r(ctx.src, *n, m.PathOf("reaction"));
    if (r.ok()) {
      RwrReaction& x = out->reaction.emplace();
      if (auto on = r.String("on", false)) {
        if (*on == "search") x.on = RwrTrigger::kSearch;
        else if (*on == "lock") x.on = RwrTrigger::kLock;
        else if (*on == "launch") x.on = RwrTrigger::kLaunch;
        else r.Report("on", fmt::format("must be search, lock or launch (got '{}')", *on));
      }
      if (auto a = r.String("action", false)) {
        if (*a == "turn-away") x.action = RwrAction::kTurnAway;
        else if (*a == "beam") x.action = RwrAction::kBeam;
        else if (*a == "descend") x.action = RwrAction::kDescend;
        else if (*a == "abort") x.action = RwrAction::kAbort;
        else r.Report("action", fmt::format("must be turn-away, beam, descend or abort (got '{}')", *a));
      }
      x.leg_m = r.Quantity("leg", D::kLength, x.leg_m);
      if (!(x.leg_m > 0.0)) r.Report("leg", fmt::format("must be > 0 (got {} m)", x.leg_m));
      if (r.Has("descend_to") && x.action != RwrAction::kDescend) r.Report("descend_to", "is only for action descend");
      x.descend_to_m = r.Quantity("descend_to", D::kAltitude, x.descend_to_m);
      if (!(x.descend_to_m >= 0.0)) r.Report("descend_to", fmt::format("must be >= 0 (got {} m)", x.descend_to_m));
      r.Finish();
    }
  }
  m.Finish();
}

void ReadAirborneRadar(Context& ctx, const YAML::Node& node, const std::string& path, AirborneRadarSpec* c) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  c->erp_w = m.Quantity("erp", D::kPower, c->erp_w);
  c->gain_db = m.Quantity("gain", D::kDecibel, c->gain_db);
  c->sidelobe_db = m.Quantity("sidelobe", D::kDecibel, c->sidelobe_db);
  c->bandwidth_hz = m.Quantity("bandwidth", D::kFrequency, c->bandwidth_hz);
  c->frequency_hz = m.Quantity("frequency", D::kFrequency, c->frequency_hz);
  c->processing_gain_db = m.Quantity("processing_gain", D::kDecibel, c->processing_gain_db);
  c->required_js_db = m.Quantity("required_js", D::kDecibel, c->required_js_db);
  c->fix_cep_m = m.Quantity("fix_cep", D::kLength, c->fix_cep_m);
  c->target_rcs_m2 = m.Quantity("target_rcs", D::kArea, c->target_rcs_m2);
  if (!(c->erp_w > 0.0)) m.Report("erp", fmt::format("must be > 0 (got {} W)", c->erp_w));
  if (!(c->sidelobe_db >= 0.0)) m.Report("sidelobe", fmt::format("must be >= 0 dB below the peak (got {} dB)", c->sidelobe_db));
  if (!(c->bandwidth_hz > 0.0)) m.Report("bandwidth", fmt::format("must be > 0 (got {} Hz)", c->bandwidth_hz));
  if (!(c->frequency_hz > 0.0 && c->frequency_hz <= 1e11)) m.Report("frequency", fmt::format("must be in (0, 100 GHz] (got {} Hz)", c->frequency_hz));
  if (!(c->processing_gain_db >= 0.0)) m.Report("processing_gain", fmt::format("must be >= 0 dB (got {} dB)", c->processing_gain_db));
  if (!(c->fix_cep_m >= 0.0)) m.Report("fix_cep", fmt::format("must be >= 0 (got {} m)", c->fix_cep_m));
  if (!(c->target_rcs_m2 > 0.0)) m.Report("target_rcs", fmt::format("must be > 0 (got {} m2)", c->target_rcs_m2));
  m.Finish();
}

void ReadRelease(Context& ctx, const YAML::Node& node, const std::string& path, const AircraftSpec& a,
                 const std::vector<std::size_t>& original_index, MissionPlan* out) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  WeaponRelease r;
  const MunitionType* type = FindMunition(ctx, m, "weapon");
  if (type) r.type = *type;
  r.count = static_cast<int>(m.Integer("count", false, 1, 64).value_or(r.count));
  r.interval_s = m.Quantity("interval", D::kTime, r.interval_s);
  if (!(r.interval_s > 0.0)) m.Report("interval", fmt::format("must be > 0 (got {} s)", r.interval_s));
  const auto at = m.Integer("at_waypoint", true, 0, 100000);
  const std::size_t written = original_index.size();  // 0 when the route is unreadable (reported there)
  if (at && written > 0 && static_cast<std::size_t>(*at) >= written)
    m.Report("at_waypoint", fmt::format("is {}, beyond the route ({} waypoints: 0 to {})", *at, written, written - 1));
  const bool at_ok = at && static_cast<std::size_t>(*at) < written;
  if (at_ok) r.at_waypoint = original_index[static_cast<std::size_t>(*at)];
  const auto target = m.String("target", false);
  if (target) r.target = *target;
  if (type) {
    const char* kind = ToString(type->kind);
    switch (type->kind) {
      case MunitionKind::kGlideBomb:
      case MunitionKind::kCruiseMissile: {
        if (!target) {
          m.Report("target", fmt::format("is required for a {} (a ground target) but missing", kind));
          break;
        }
        const auto it = ctx.ground_targets.find(*target);
        if (it == ctx.ground_targets.end()) {
          std::vector<std::string> known;
          for (const auto& [k, v] : ctx.ground_targets) known.push_back(k);
          m.Report("target", fmt::format("refers to an undefined ground target '{}' (defined: {})", *target, Join(known)));
          break;
        }
        // The glide range only from a valid glide model and release state (their own problems are
        // reported where they are written).
        const Waypoint* release = at_ok ? &a.route.waypoints[r.at_waypoint] : nullptr;
        if (type->kind == MunitionKind::kGlideBomb && release && type->glide.Validate().empty() &&
            WaypointProblems(*release, "").empty() && std::isfinite(it->second.alt_m)) {
          const Waypoint& w = *release;
          const GlidePlan plan = PlanGlide(type->glide, w.position, w.speed_mps, it->second);
          if (!plan.reachable)
            m.Report("at_waypoint",
                     fmt::format("the target is {:.1f} km away, {:.1f} km beyond the glide range ({:.1f} km from {:.0f} m "
                                 "above the target at L/D {:g}{})",
                                 plan.ground_distance_m / 1000.0, plan.excess_m / 1000.0, plan.range_m / 1000.0,
                                 w.position.alt_m - it->second.alt_m, type->glide.lift_to_drag,
                                 type->glide.energy_height ? fmt::format(", {:.0f} m/s", w.speed_mps) : ""));
        }
        break;
      }
      case MunitionKind::kAntiRadiation:
        if (!target) m.Report("target", "is required for an anti-radiation missile (an emitter) but missing");
        else if (!Contains(ctx.emitters, *target))
          m.Report("target", fmt::format("refers to an undefined emitter '{}' (a unit, UNIT/engagement or a jammer; defined: {})",
                                         *target, Join(ctx.emitters)));
        break;
      case MunitionKind::kDecoy:
        if (target) m.Report("target", "a decoy has no target: give its route");
        break;
    }
    if (m.Has("route")) {
      if (type->kind == MunitionKind::kCruiseMissile || type->kind == MunitionKind::kDecoy) ReadWaypoints(ctx, m, "route", 1, &r.route);
      else m.Report("route", fmt::format("a {} flies no route (only cruise missiles and decoys do)", kind)), m.Node("route", false);
    } else if (type->kind == MunitionKind::kDecoy) {
      m.Report("route", "is required for a decoy but missing");
    }
  } else {
    m.Node("route", false);
  }
  m.Finish();
  out->releases.push_back(std::move(r));
}

}  // namespace

void ReadRadioFields(MapReader& m, bool transmitter, RadioConfig* c) {
  if (transmitter) c->power_w = m.Quantity("power", D::kPower, true).value_or(c->power_w);
  c->gain_db = m.Quantity("gain", D::kDecibel, c->gain_db);
  c->frequency_hz = transmitter ? m.Quantity("frequency", D::kFrequency, true).value_or(c->frequency_hz)
                                : m.Quantity("frequency", D::kFrequency, c->frequency_hz);
  if (!transmitter) {
    c->bandwidth_hz = m.Quantity("bandwidth", D::kFrequency, c->bandwidth_hz);
    c->noise_figure_db = m.Quantity("noise_figure", D::kDecibel, c->noise_figure_db);
    c->losses_db = m.Quantity("losses", D::kDecibel, c->losses_db);
    c->data_rate_bps = m.Quantity("data_rate", D::kDataRate, c->data_rate_bps);
    c->message_bits = static_cast<int>(m.Integer("message_bits", false, 1, 1000000).value_or(c->message_bits));
    c->processing_gain_db = m.Quantity("processing_gain", D::kDecibel, c->processing_gain_db);
  }
  m.ReportAll(c->Validate());
}

void CollectEmitterNames(Context& ctx, const YAML::Node& root) {
  if (!root.IsMap()) return;
  if (const YAML::Node n = root["units"]; n && n.IsSequence())
    for (const YAML::Node& u : n)
      if (u.IsMap() && u["name"] && u["name"].IsScalar()) {
        if (u["surveillance"]) ctx.emitters.push_back(u["name"].Scalar());
        // The engagement radar radiates as an emitter of a fire unit: a unit with launchers.
        if (u["launchers"] && u["launchers"].IsSequence() && u["launchers"].size() > 0)
          ctx.emitters.push_back(u["name"].Scalar() + "/engagement");
      }
  if (const YAML::Node n = root["jammers"]; n && n.IsSequence())
    for (const YAML::Node& j : n)
      if (j.IsMap() && j["name"] && j["name"].IsScalar()) ctx.emitters.push_back(j["name"].Scalar());
}

void ReadRouteExtras(Context& ctx, MapReader& m, AircraftSpec* a, std::vector<std::size_t>* original_index) {
  original_index->clear();
  for (std::size_t i = 0; i < a->route.waypoints.size(); ++i) original_index->push_back(i);
  const bool route_ok = a->route.waypoints.size() >= 2 && a->route.Validate().empty();
  if (auto n = m.Node("terrain_following", false)) {
    MapReader t(ctx.src, *n, m.PathOf("terrain_following"));
    if (t.ok()) {
      TerrainFollowingConfig c;
      c.clearance_m = t.Quantity("clearance", D::kLength, c.clearance_m);
      c.spacing_m = t.Quantity("spacing", D::kLength, c.spacing_m);
      const Problems p = c.Validate();
      t.ReportAll(p);
      t.Finish();
      if (p.empty() && route_ok) {
        DensifiedRoute d = FollowTerrain(a->route.waypoints, c, ctx.terrain.get());
        a->route.waypoints = std::move(d.waypoints);
        *original_index = std::move(d.original_index);
      }
    }
  }
  if (auto n = m.Node("hold", false)) {
    MapReader h(ctx.src, *n, m.PathOf("hold"));
    if (h.ok()) {
      HoldSpec spec;
      const auto at = h.Integer("at_waypoint", true, 0, 100000);
      spec.until = SimTime() + Duration::Seconds(h.Quantity("until", D::kTime, true).value_or(0.0));
      spec.min_leg_m = h.Quantity("min_leg", D::kLength, spec.min_leg_m);
      spec.max_leg_m = h.Quantity("max_leg", D::kLength, spec.max_leg_m);
      if (!(spec.min_leg_m > 0.0)) h.Report("min_leg", fmt::format("must be > 0 (got {} m)", spec.min_leg_m));
      if (!(spec.max_leg_m > spec.min_leg_m)) h.Report("max_leg", "must be more than min_leg");
      const std::size_t written = original_index->size();
      if (at && static_cast<std::size_t>(*at) >= written)
        h.Report("at_waypoint", fmt::format("is {}, beyond the route ({} waypoints: 0 to {})", *at, written, written - 1));
      else if (at && route_ok && spec.min_leg_m > 0.0 && spec.max_leg_m > spec.min_leg_m) {
        spec.at = (*original_index)[static_cast<std::size_t>(*at)];
        const HoldResult r = InsertHold(a->route, spec);
        if (r.error) {
          h.Report("until", *r.error);
        } else {
          a->route = r.route;
          for (std::size_t& i : *original_index)
            if (i > spec.at) i += r.inserted;
        }
      }
      h.Finish();
    }
  }
  if (a->type.empty() || !ctx.types.aircraft.count(a->type)) return;
  auto it = ctx.performances.find(a->type);
  if (it == ctx.performances.end()) it = ctx.performances.emplace(a->type, ReadPerformanceFields(ctx, a->type)).first;
  if (!it->second || !route_ok) return;
  for (const Problem& p : CheckRoute(*it->second, a->route)) {
    Problem q = p;
    q.message += fmt::format(" (type '{}')", a->type);
    ReportRouteProblem(ctx, m, q, *original_index);
  }
}

void ReadMission(Context& ctx, const YAML::Node& node, const std::string& path, const AircraftSpec& a,
                 const std::vector<std::size_t>& original_index, MissionPlan* out) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  out->package = m.String("package", false).value_or("");
  if (auto n = m.Node("releases", true)) {
    if (!n->IsSequence()) m.Report("releases", "must be a list (got " + Describe(*n) + ")");
    for (std::size_t i = 0; n->IsSequence() && i < n->size(); ++i)
      ReadRelease(ctx, (*n)[i], fmt::format("{}[{}]", m.PathOf("releases"), i), a, original_index, out);
  }
  if (m.Has("egress")) {
    ReadWaypoints(ctx, m, "egress", 1, &out->egress);
    for (std::size_t i = 0; i < out->egress.size(); ++i) m.ReportAll(WaypointProblems(out->egress[i], fmt::format("egress[{}]", i)));
  }
  if (auto n = m.Node("rwr", false)) ReadRwr(ctx, *n, m.PathOf("rwr"), out);
  if (auto n = m.Node("navigation", false)) ReadNavigation(ctx, *n, m.PathOf("navigation"), &out->navigation);
  if (auto n = m.Node("gnss", false)) ReadGnss(ctx, *n, m.PathOf("gnss"), &out->gnss.emplace());
  if (auto n = m.Node("radar", false)) ReadAirborneRadar(ctx, *n, m.PathOf("radar"), &out->radar.emplace());
  if (auto n = m.Node("radio", false)) {
    MapReader r(ctx.src, *n, m.PathOf("radio"));
    if (r.ok()) {
      ReadRadioFields(r, false, &out->radio.emplace());
      r.Finish();
    }
  }
  m.Finish();
}

}  // namespace iadsim::scenario_detail
