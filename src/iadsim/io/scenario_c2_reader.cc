// The scenario reader's parts for the air-defence network, doctrine and semi-active weapons
// (docs/scenario-format.md): illuminators, seekers and self-destruct, a unit's network doctrine,
// procedural corridors, weapons-control sectors, the operator, network links, deconfliction
// notices and aircraft reactions to them.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "iadsim/core/angle.h"
#include "iadsim/core/enum_names.h"
#include "iadsim/io/scenario_reader_parts.h"

namespace iadsim::scenario_detail {
namespace {

// pattern: gaussian | sinc2
void ReadPattern(MapReader& m, BeamShape* shape) {
  if (auto p = m.String("pattern", false)) {
    if (*p == "gaussian") *shape = BeamShape::kGaussian;
    else if (*p == "sinc2") *shape = BeamShape::kSinc;
    else m.Report("pattern", fmt::format("must be gaussian or sinc2 (got '{}')", *p));
  }
}

// sidelobe: a level relative to the peak, <= 0 dB; stored as dB below the peak.
void ReadSidelobe(MapReader& m, double* below_peak_db) {
  if (!m.Has("sidelobe")) return;
  const double level = m.Quantity("sidelobe", D::kDecibel, true).value_or(-*below_peak_db);
  if (!(level <= 0.0)) m.Report("sidelobe", fmt::format("must be <= 0 dB relative to the peak (got {} dB)", level));
  else *below_peak_db = -level;
}


bool Known(const std::vector<std::string>& names, const std::string& n) {
  return std::find(names.begin(), names.end(), n) != names.end();
}

std::string Listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

}  // namespace

void ReadIlluminator(Context& ctx, const YAML::Node& node, const std::string& path, IlluminatorConfig* c) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  c->power_w = m.Quantity("power", D::kPower, true).value_or(c->power_w);
  c->gain_db = m.Quantity("gain", D::kDecibel, true).value_or(c->gain_db);
  c->beamwidth_rad = m.Quantity("beamwidth", D::kAngle, true).value_or(c->beamwidth_rad);
  c->frequency_hz = m.Quantity("frequency", D::kFrequency, true).value_or(c->frequency_hz);
  ReadPattern(m, &c->pattern);
  ReadSidelobe(m, &c->sidelobe_level_db);
  m.ReportAll(c->Validate());
  m.Finish();
}

void ReadMissileGuidance(Context& ctx, MapReader& m, UnitSpec* u) {
  if (auto g = m.String("guidance", false)) {
    if (*g == "command") u->guidance = MissileGuidance::kCommand;
    else if (*g == "semi_active") u->guidance = MissileGuidance::kSemiActive;
    else m.Report("guidance", fmt::format("must be command or semi_active (got '{}')", *g));
  }
  if (auto n = m.Node("seeker", u->guidance == MissileGuidance::kSemiActive)) {
    MapReader s(ctx.src, *n, m.PathOf("seeker"));
    if (s.ok()) {
      SeekerConfig& c = u->seeker;
      c.gain_db = s.Quantity("gain", D::kDecibel, true).value_or(c.gain_db);
      c.beamwidth_rad = s.Quantity("beamwidth", D::kAngle, true).value_or(c.beamwidth_rad);
      ReadPattern(s, &c.pattern);
      ReadSidelobe(s, &c.sidelobe_level_db);
      c.field_of_view_rad = s.Quantity("field_of_view", D::kAngle, true).value_or(c.field_of_view_rad);
      c.doppler_gate_mps = s.Quantity("doppler_gate", D::kSpeed, true).value_or(c.doppler_gate_mps);
      if (const auto w = s.Quantity("sensitivity", D::kPower, true)) {  // e.g. -160 dBW
        if (*w > 0.0) c.sensitivity_dbw = 10.0 * std::log10(*w);
        else s.Report("sensitivity", fmt::format("must be a power > 0 (got {} W)", *w));
      }
      if (auto lock = s.String("lock", false)) {
        if (*lock == "before_launch") c.lock = SeekerConfig::Lock::kBeforeLaunch;
        else if (*lock == "after_launch") c.lock = SeekerConfig::Lock::kAfterLaunch;
        else s.Report("lock", fmt::format("must be before_launch or after_launch (got '{}')", *lock));
      }
      c.reacquire = s.Bool("reacquire", false).value_or(c.reacquire);
      c.lost_after_s = s.Quantity("lost_after", D::kTime, c.lost_after_s);
      s.ReportAll(c.Validate());
      s.Finish();
    }
  }
  if (auto n = m.Node("self_destruct", false)) {
    MapReader s(ctx.src, *n, m.PathOf("self_destruct"));
    if (s.ok()) {
      SelfDestructConfig& c = u->self_destruct;
      if (s.Has("on_lost_lock")) {
        c.on_lost_lock_s = s.Quantity("on_lost_lock", D::kTime, true).value_or(1.0);
        if (!(*c.on_lost_lock_s > 0.0)) s.Report("on_lost_lock", fmt::format("must be > 0 (got {} s)", *c.on_lost_lock_s));
      }
      c.reliability = s.Quantity("reliability", D::kRatio, c.reliability);
      if (!(c.reliability >= 0.0 && c.reliability <= 1.0))
        s.Report("reliability", fmt::format("must be in [0, 1] (got {})", c.reliability));
      s.Finish();
    }
  }
}

void ReadUnitNetwork(Context& ctx, const YAML::Node& node, const std::string& path, const std::vector<std::string>& units,
                     NetworkDoctrine* n) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  for (const std::string& name : m.StringList("accept_identity_from", false))
    if (!Known(units, name))
      m.Report("accept_identity_from", fmt::format("refers to an undefined network node (unit) '{}' (defined: {})", name, Listed(units)));
    else
      n->accept_identity_from.push_back(name);
  if (auto a = m.String("fire_authority", false)) {
    if (*a == "own") n->fire_authority = FireAuthority::kOwn;
    else if (*a == "network") n->fire_authority = FireAuthority::kNetwork;
    else m.Report("fire_authority", fmt::format("must be own or network (got '{}')", *a));
  }
  n->silence_timeout_s = m.Quantity("silence_timeout", D::kTime, n->silence_timeout_s);
  n->autonomous = m.Bool("autonomous", false).value_or(n->autonomous);
  if (auto f = m.String("track_fusion", false)) {
    if (*f == "none") n->track_fusion = TrackFusion::kNone;
    else if (*f == "covariance_intersection") n->track_fusion = TrackFusion::kCovarianceIntersection;
    else m.Report("track_fusion", fmt::format("must be none or covariance_intersection (got '{}')", *f));
  }
  if (n->fire_authority == FireAuthority::kNetwork && n->accept_identity_from.empty() && m.Has("fire_authority"))
    m.Report("fire_authority", "is network but accept_identity_from names no node");
  m.ReportAll(n->Validate());
  m.Finish();
}

void ReadCorridors(Context& ctx, const YAML::Node& node, const std::string& path, const Geodetic& origin,
                   std::vector<ProceduralCorridor>* out) {
  const LocalFrame frame(origin);
  ForEachItem(ctx, node, path, [&](MapReader& m) {
    ProceduralCorridor c;
    c.name = m.String("name", true).value_or("");
    if (auto n = m.Node("from", true))
      if (auto g = ReadAt(ctx, *n, m.PathOf("from"), false)) c.from_enu = frame.EnuFromGeodetic(*g);
    if (auto n = m.Node("to", true))
      if (auto g = ReadAt(ctx, *n, m.PathOf("to"), false)) c.to_enu = frame.EnuFromGeodetic(*g);
    c.half_width_m = m.Quantity("half_width", D::kLength, true).value_or(c.half_width_m);
    c.min_alt_m = m.Quantity("min_altitude", D::kAltitude, c.min_alt_m);
    c.max_alt_m = m.Quantity("max_altitude", D::kAltitude, true).value_or(c.max_alt_m);
    c.heading_tolerance_rad = m.Quantity("heading_tolerance", D::kAngle, c.heading_tolerance_rad);
    m.ReportAll(c.Validate());
    out->push_back(c);
  });
}

void ReadOriginAreas(Context& ctx, const YAML::Node& node, const std::string& path, const Geodetic& origin,
                     std::vector<OriginArea>* out) {
  const LocalFrame frame(origin);
  ForEachItem(ctx, node, path, [&](MapReader& m) {
    OriginArea a;
    a.name = m.String("name", true).value_or("");
    if (auto g = ReadPosition(m, false)) a.center_enu = frame.EnuFromGeodetic(*g);
    a.radius_m = m.Quantity("radius", D::kLength, true).value_or(1.0);
    if (!(a.radius_m > 0.0)) m.Report("radius", fmt::format("must be > 0 (got {} m)", a.radius_m));
    out->push_back(a);
  });
}

namespace {

WeaponsControl ReadControl(MapReader& m, const char* key, WeaponsControl fallback, bool required) {
  if (auto ctl = m.String(key, required)) {
    if (*ctl == "free") return WeaponsControl::kFree;
    if (*ctl == "tight") return WeaponsControl::kTight;
    if (*ctl == "hold") return WeaponsControl::kHold;
    m.Report(key, fmt::format("must be free, tight or hold (got '{}')", *ctl));
  }
  return fallback;
}

void ReadDecisionDelay(MapReader& m, DecisionDelay* d) {
  const auto node = m.Node("decision_delay", false);
  if (!node) return;
  if (!node->IsMap()) {
    d->kind = DecisionDelay::Kind::kFixed;
    d->a = m.Quantity("decision_delay", D::kTime, true).value_or(0.0);
    return;
  }
  MapReader dm(m.source(), *node, m.PathOf("decision_delay"));
  const bool tri = dm.Has("triangular"), logn = dm.Has("lognormal");
  if (tri == logn) {
    dm.Report(tri ? "lognormal" : "triangular", "give a quantity, {triangular: [MIN, MODE, MAX]} or {lognormal: [MEDIAN, SIGMA]}");
    dm.Finish();
    return;
  }
  const std::string key = tri ? "triangular" : "lognormal";
  const YAML::Node list = *dm.Node(key, true);
  const std::size_t want = tri ? 3 : 2;
  if (!list.IsSequence() || list.size() != want) {
    dm.Report(key, fmt::format("must be a list of {} values (got {})", want, Describe(list)));
    dm.Finish();
    return;
  }
  double v[3] = {0, 0, 0};
  for (std::size_t i = 0; i < want; ++i) {
    const Dimension dim = (logn && i == 1) ? D::kRatio : D::kTime;
    const auto q = ParseQuantity(list[i].as<std::string>(""), dim);
    if (const double* x = std::get_if<double>(&q)) v[i] = *x;
    else dm.Report(key, fmt::format("item {}: {}", i, std::get<std::string>(q)));
  }
  d->kind = tri ? DecisionDelay::Kind::kTriangular : DecisionDelay::Kind::kLognormal;
  d->a = v[0];
  d->b = v[1];
  d->c = v[2];
  dm.Finish();
}

}  // namespace

void ReadDoctrineExtras(Context& ctx, MapReader& d, DoctrineConfig* c) {
  if (auto n = d.Node("sectors", false)) {
    ForEachItem(ctx, *n, d.PathOf("sectors"), [&](MapReader& s) {
      WeaponsControlSector sector;
      sector.name = s.String("name", true).value_or("");
      sector.from_azimuth_rad = s.Quantity("from_azimuth", D::kAngle, true).value_or(0.0);
      sector.to_azimuth_rad = s.Quantity("to_azimuth", D::kAngle, true).value_or(0.0);
      sector.control = ReadControl(s, "control", WeaponsControl::kHold, true);
      c->sectors.push_back(sector);
    });
  }
  c->capture_zone_hold = d.Bool("capture_zone_hold", false).value_or(c->capture_zone_hold);
  if (auto w = d.String("when_revoked", false)) {
    constexpr std::array kAll{WhenRevoked::kContinue, WhenRevoked::kCeaseEngagement, WhenRevoked::kHoldFire};
    if (const auto v = EnumFromName(*w, kAll)) c->when_revoked = *v;
    else d.Report("when_revoked", fmt::format("must be {} (got '{}')", EnumNameList(kAll), *w));
  }
  if (auto n = d.Node("operator", false)) {
    MapReader o(ctx.src, *n, d.PathOf("operator"));
    if (o.ok()) {
      OperatorConfig op;
      ReadDecisionDelay(o, &op.decision_delay);
      op.wrong_call_probability = o.Quantity("wrong_call_probability", D::kRatio, op.wrong_call_probability);
      op.time_pressure_s = o.Quantity("time_pressure", D::kTime, op.time_pressure_s);
      o.Finish();  // its values are checked with the doctrine's (DoctrineConfig::Validate)
      c->operator_model = op;
    }
  }
}

WeaponsControl ReadWeaponsControl(MapReader& d, WeaponsControl fallback) { return ReadControl(d, "control", fallback, false); }

void ReadNetworkLinks(Context& ctx, const YAML::Node& node, const std::string& path, const std::vector<std::string>& units,
                      std::vector<NetworkLinkSpec>* out) {
  MapReader top(ctx.src, node, path);
  if (!top.ok()) return;
  if (auto links = top.Node("links", true)) {
    ForEachItem(ctx, *links, top.PathOf("links"), [&](MapReader& m) {
      NetworkLinkSpec l;
      l.name = m.String("name", true).value_or("");
      for (const char* key : {"from", "to"}) {
        const std::string name = m.String(key, true).value_or("");
        if (!name.empty() && !Known(units, name))
          m.Report(key, fmt::format("refers to an undefined network node (unit) '{}' (defined: {})", name, Listed(units)));
        (std::string(key) == "from" ? l.from : l.to) = name;
      }
      if (!l.from.empty() && l.from == l.to) m.Report("to", "is the same unit as from");
      l.latency_s = m.Quantity("latency", D::kTime, true).value_or(l.latency_s);
      l.interval_s = m.Quantity("interval", D::kTime, true).value_or(l.interval_s);
      l.loss = m.Quantity("loss", D::kRatio, l.loss);
      if (!(l.latency_s >= 0.0)) m.Report("latency", fmt::format("must be >= 0 (got {} s)", l.latency_s));
      if (!(l.interval_s > 0.0)) m.Report("interval", fmt::format("must be > 0 (got {} s)", l.interval_s));
      if (!(l.loss >= 0.0 && l.loss <= 1.0)) m.Report("loss", fmt::format("must be in [0, 1] (got {})", l.loss));
      out->push_back(l);
    });
  }
  top.Finish();
}

void ReadNotices(Context& ctx, const YAML::Node& node, const std::string& path, std::vector<DeconflictionNoticeSpec>* out) {
  ForEachItem(ctx, node, path, [&](MapReader& m) {
    DeconflictionNoticeSpec n;
    n.name = m.String("name", true).value_or("");
    n.from_side = m.String("from", true).value_or("");
    n.to_side = m.String("to", true).value_or("");
    for (const auto& [key, side] : {std::pair{"from", n.from_side}, std::pair{"to", n.to_side}})
      if (!side.empty() && !ctx.side_keys.count(side)) {
        std::vector<std::string> sides;
        for (const auto& [s, k] : ctx.side_keys) sides.push_back(s);
        m.Report(key, fmt::format("refers to an undefined party (side) '{}' (defined: {})", side, Listed(sides)));
      }
    n.sent_s = m.Quantity("sent", D::kTime, true).value_or(0.0);
    n.relay_delay_s = m.Quantity("relay_delay", D::kTime, 0.0);
    if (!(n.sent_s >= 0.0)) m.Report("sent", fmt::format("must be >= 0 (got {} s)", n.sent_s));
    if (!(n.relay_delay_s >= 0.0)) m.Report("relay_delay", fmt::format("must be >= 0 (got {} s)", n.relay_delay_s));
    if (auto a = m.Node("area", true)) {
      MapReader am(ctx.src, *a, m.PathOf("area"));
      if (am.ok()) {
        if (auto g = ReadPosition(am, false)) n.area_center = *g;
        n.area_radius_m = am.Quantity("radius", D::kLength, true).value_or(1.0);
        if (!(n.area_radius_m > 0.0)) am.Report("radius", fmt::format("must be > 0 (got {} m)", n.area_radius_m));
        am.Finish();
      }
    }
    out->push_back(n);
  });
}

void ReadNoticeReaction(Context& ctx, const YAML::Node& node, const std::string& path, NoticeReaction* r) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  r->within_m = m.Quantity("within", D::kLength, true).value_or(0.0);
  if (!(r->within_m >= 0.0)) m.Report("within", fmt::format("must be >= 0 (got {} m)", r->within_m));
  ReadWaypoints(ctx, m, "route", 1, &r->route);
  for (std::size_t i = 0; i < r->route.size(); ++i) m.ReportAll(WaypointProblems(r->route[i], fmt::format("route[{}]", i)));
  m.Finish();
}

}  // namespace iadsim::scenario_detail
