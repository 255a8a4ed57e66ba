// The sensor-related blocks of a scenario: aircraft signatures and what they carry to identify
// themselves (transponder, ADS-B out, datalink membership), radar types, a unit's surveillance
// radar and IFF, ADS-B receivers and datalinks. Schema: docs/scenario-format.md.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "iadsim/io/scenario_reader_parts.h"

namespace iadsim::scenario_detail {
namespace {

// s is exactly n digits of base 8 or 16 (ASCII; hex in either case).
bool IsOctal(const std::string& s, std::size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '7'; });
}
bool IsHex(const std::string& s, std::size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

// A list of numbers (dimension dim; kRatio for plain numbers), each reported at its own place.
std::vector<double> ReadNumberList(Context& ctx, const YAML::Node& node, const std::string& path, Dimension dim) {
  std::vector<double> out;
  if (!node.IsSequence()) {
    ctx.src.Report(node.Mark(), path, "must be a list (got " + Describe(node) + ")");
    return out;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node& v = node[i];
    const std::string p = fmt::format("{}[{}]", path, i);
    if (!v.IsScalar()) {
      ctx.src.Report(v.Mark(), p, "must be a number (got " + Describe(v) + ")");
      out.push_back(std::nan(""));
      continue;
    }
    const auto q = ParseQuantity(v.Scalar(), dim);
    if (const double* x = std::get_if<double>(&q)) {
      out.push_back(*x);
    } else {
      ctx.src.Report(v.Mark(), p, std::get<std::string>(q));
      out.push_back(std::nan(""));
    }
  }
  return out;
}

RcsTable ReadRcsTable(Context& ctx, const YAML::Node& node, const std::string& path) {
  RcsTable t;
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return t;
  constexpr double kDeg = 180.0 / 3.14159265358979323846;
  if (auto n = m.Node("azimuths", true))
    for (double a : ReadNumberList(ctx, *n, m.PathOf("azimuths"), D::kAngle)) t.azimuth_deg.push_back(a * kDeg);
  if (auto n = m.Node("elevations", true))
    for (double e : ReadNumberList(ctx, *n, m.PathOf("elevations"), D::kAngle)) t.elevation_deg.push_back(e * kDeg);
  if (auto n = m.Node("dbsm", true)) {
    if (!n->IsSequence()) {
      m.Report("dbsm", "must be a list of rows, one per elevation (got " + Describe(*n) + ")");
    } else {
      for (std::size_t i = 0; i < n->size(); ++i)
        t.dbsm.push_back(ReadNumberList(ctx, (*n)[i], fmt::format("{}[{}]", m.PathOf("dbsm"), i), D::kRatio));
    }
  }
  // Report table problems at the key they concern (azimuths[i], dbsm[i][j], ...), except at a place
  // the reading above already reported (an unreadable or missing value is reported once).
  for (const Problem& p : t.Validate()) {
    const std::string full = m.PathOf(p.path);
    if (std::any_of(ctx.src.problems->begin(), ctx.src.problems->end(), [&](const Problem& q) { return q.path == full; }))
      continue;
    const std::string key = p.path.substr(0, p.path.find('['));
    ctx.src.Report(m.MarkOf(key), full, p.message);
  }
  m.Finish();
  return t;
}

// The figures every radar type has (radar_parameters.h); their problems are reported by the
// caller's Validate().
void ReadRadarParameters(MapReader& m, RadarParameters* r) {
  r->frequency_hz = m.Quantity("frequency", D::kFrequency, true).value_or(r->frequency_hz);
  r->peak_power_w = m.Quantity("power", D::kPower, true).value_or(r->peak_power_w);
  r->gain_db = m.Quantity("gain", D::kDecibel, true).value_or(r->gain_db);
  r->pulse_width_s = m.Quantity("pulse_width", D::kTime, true).value_or(r->pulse_width_s);
  r->coherent_pulses = static_cast<int>(m.Integer("coherent_pulses", false, 1, 10000).value_or(r->coherent_pulses));
  r->noise_temperature_k = m.Quantity("noise_temperature", D::kTemperature, true).value_or(r->noise_temperature_k);
  r->losses_db = m.Quantity("losses", D::kDecibel, true).value_or(r->losses_db);
  r->pfa = m.Quantity("pfa", D::kRatio, true).value_or(r->pfa);
}

void ReadRadarTypeFields(Context& ctx, const std::string& name, RadarConfig* r) {
  MapReader m(ctx.src, ctx.types.radars.at(name), "types.radars." + name);
  if (!m.ok()) return;
  ReadRadarParameters(m, &r->radar);
  r->scan_period_s = m.Quantity("scan_period", D::kTime, true).value_or(r->scan_period_s);
  r->max_range_m = m.Quantity("max_range", D::kLength, true).value_or(r->max_range_m);
  r->azimuth_beamwidth_rad = m.Quantity("beamwidth", D::kAngle, true).value_or(r->azimuth_beamwidth_rad);
  r->elevation_beamwidth_rad = m.Quantity("elevation_beamwidth", D::kAngle, r->azimuth_beamwidth_rad);
  r->range_sigma_floor_m = m.Quantity("range_sigma_floor", D::kLength, r->range_sigma_floor_m);
  r->angle_sigma_floor_rad = m.Quantity("angle_sigma_floor", D::kAngle, r->angle_sigma_floor_rad);
  r->sectors = static_cast<int>(m.Integer("sectors", false, 1, 360).value_or(r->sectors));
  if (auto dims = m.Integer("dimensions", false, 2, 3)) r->measures_elevation = *dims == 3;
  r->noncoherent_pulses = static_cast<int>(m.Integer("noncoherent_pulses", false, 1, 1000).value_or(1));
  r->false_alarms = m.Bool("false_alarms", false).value_or(true);
  if (auto shape = m.String("beam_shape", false)) {
    if (*shape == "sinc") r->beam_shape = BeamShape::kSinc;
    else if (*shape == "gaussian") r->beam_shape = BeamShape::kGaussian;
    else m.Report("beam_shape", fmt::format("must be sinc or gaussian (got '{}')", *shape));
  }
  r->sidelobe_level_db = m.Quantity("sidelobe_level", D::kDecibel, r->sidelobe_level_db);
  r->strobe_jnr_db = m.Quantity("strobe_threshold", D::kDecibel, r->strobe_jnr_db);
  if (m.Has("range_resolution")) {
    r->range_resolution_m = m.Quantity("range_resolution", D::kLength, true).value_or(1.0);
    if (!(r->range_resolution_m > 0.0))
      m.Report("range_resolution", fmt::format("must be > 0 (got {} m); leave it out for c tau / 2", r->range_resolution_m));
  }
  m.ReportAll(r->Validate());
  m.Finish();
}

// Each radar type is read once, on its first use, then copied (the instance fields are set after).
void ReadRadarType(Context& ctx, const std::string& name, RadarConfig* r) {
  auto it = ctx.radar_types.find(name);
  if (it == ctx.radar_types.end()) {
    RadarConfig read;
    ReadRadarTypeFields(ctx, name, &read);
    it = ctx.radar_types.emplace(name, std::move(read)).first;
  }
  const std::string instance_name = r->name;
  *r = it->second;
  r->name = instance_name;
}

void ReadSignatureFields(Context& ctx, const std::string& name, Signature* sig) {
  MapReader m(ctx.src, ctx.types.aircraft.at(name), "types.aircraft." + name);
  if (!m.ok()) return;
  if (m.Has("rcs_table")) {
    if (m.Has("rcs")) m.Report("rcs", "give either rcs or rcs_table, not both");
    sig->table = ReadRcsTable(ctx, *m.Node("rcs_table", true), m.PathOf("rcs_table"));
  } else {
    sig->rcs_m2 = m.Quantity("rcs", D::kArea, true).value_or(1.0);
    if (!(sig->rcs_m2 > 0.0 && sig->rcs_m2 <= 1e5)) m.Report("rcs", fmt::format("must be in (0, 1e5] m2 (got {} m2)", sig->rcs_m2));
  }
  sig->swerling = static_cast<int>(m.Integer("swerling", true, 0, 4).value_or(1));
  m.Node("performance", false);  // read by ReadRouteExtras (scenario_strike_reader.cc)
  m.Finish();
}

}  // namespace

// Each aircraft type is read once, on its first use (its problems reported once), then copied.
void ReadSignature(Context& ctx, const std::string& name, Signature* sig) {
  auto it = ctx.signatures.find(name);
  if (it == ctx.signatures.end()) {
    Signature read;
    ReadSignatureFields(ctx, name, &read);
    it = ctx.signatures.emplace(name, std::move(read)).first;
  }
  *sig = it->second;
}

void ReadEngagementRadarType(Context& ctx, const std::string& name, EngagementRadarConfig* r,
                             std::optional<IlluminatorConfig>* illuminator) {
  MapReader m(ctx.src, ctx.types.engagement_radars.at(name), "types.engagement_radars." + name);
  if (!m.ok()) return;
  ReadRadarParameters(m, &r->radar);
  r->beamwidth_rad = m.Quantity("beamwidth", D::kAngle, true).value_or(r->beamwidth_rad);
  r->max_range_m = m.Quantity("max_range", D::kLength, true).value_or(r->max_range_m);
  r->range_gate_m = m.Quantity("range_gate", D::kLength, r->range_gate_m);
  r->channels = static_cast<int>(m.Integer("channels", true, 1, 100).value_or(r->channels));
  r->update_interval_s = m.Quantity("update_interval", D::kTime, true).value_or(r->update_interval_s);
  if (auto n = m.Node("illuminator", false)) {
    illuminator->emplace();
    ReadIlluminator(ctx, *n, m.PathOf("illuminator"), &**illuminator);
  }
  m.ReportAll(r->Validate());
  m.Finish();
}

void ReadTransponder(Context& ctx, const YAML::Node& node, const std::string& path, Transponder* x) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  x->on = m.Bool("on", false).value_or(true);
  x->failed = m.Bool("failed", false).value_or(false);
  const auto modes = m.StringList("modes", true);
  for (const std::string& mode : modes) {
    if (mode == "1") x->mode1 = true;
    else if (mode == "2") x->mode2 = true;
    else if (mode == "3A") x->mode3a = true;
    else if (mode == "C") x->mode_c = true;
    else if (mode == "S") x->mode_s = true;
    else if (mode != "secure") m.Report("modes", fmt::format("unknown mode '{}' (known: 1, 2, 3A, C, S, secure)", mode));
  }
  if (auto code = m.String("code", x->mode3a)) {
    if (!IsOctal(*code, 4))
      m.Report("code", fmt::format("must be four octal digits (got '{}')", *code));
    else
      x->code_3a = static_cast<std::uint16_t>(std::stoi(*code));
  }
  auto octal = [&](const char* key, bool required, int digits, std::uint16_t* out) {
    if (auto code = m.String(key, required)) {
      if (!IsOctal(*code, static_cast<std::size_t>(digits)))
        m.Report(key, fmt::format("must be {} octal digits (got '{}')", digits, *code));
      else
        *out = static_cast<std::uint16_t>(std::stoi(*code));
    }
  };
  octal("code_1", x->mode1, 2, &x->code_1);
  octal("code_2", x->mode2, 4, &x->code_2);
  if (auto a = m.String("address", x->mode_s)) {
    if (!IsHex(*a, 6))
      m.Report("address", fmt::format("must be a 24-bit ICAO address of 6 hex digits (got '{}')", *a));
    else
      x->mode_s_address = static_cast<std::uint32_t>(std::stoul(*a, nullptr, 16));
  }
  x->turnaround_us = m.Quantity("turnaround", D::kTime, x->turnaround_us * 1e-6) * 1e6;
  if (!(x->turnaround_us >= 1.0 && x->turnaround_us <= 10.0))
    m.Report("turnaround", fmt::format("must be in [1, 10] us (got {} us)", x->turnaround_us));
  if (auto key = m.String("key", false)) x->secure_key = *key;
  const bool secure = std::find(modes.begin(), modes.end(), "secure") != modes.end();
  if (secure && x->secure_key.empty()) m.Report("key", "is required with the secure mode but missing");
  if (!secure && !x->secure_key.empty()) m.Report("key", "given but the secure mode is not in modes");
  x->reply_probability = m.Quantity("reply_probability", D::kRatio, x->reply_probability);
  if (!(x->reply_probability >= 0.0 && x->reply_probability <= 1.0))
    m.Report("reply_probability", fmt::format("must be in [0, 1] (got {})", x->reply_probability));
  m.Finish();
}


void ReadSurveillance(Context& ctx, const YAML::Node& node, const std::string& path, UnitSpec* u) {
  MapReader s(ctx.src, node, path);
  if (s.ok() && FindType(s, "type", ctx.types.radars, "radar type", &u->surveillance.name))
    ReadRadarType(ctx, u->surveillance.name, &u->surveillance);
  u->surveillance.position = u->position;
  u->surveillance.position.alt_m += AntennaHeight(s, true, 0.0);
  u->surveillance.north_alignment_error_rad = s.Quantity("north_alignment_error", D::kAngle, 0.0);
  u->surveillance.range_bias_m = s.Quantity("range_bias", D::kLength, 0.0);
  u->surveillance.azimuth_bias_rad = s.Quantity("azimuth_bias", D::kAngle, 0.0);
  u->surveillance.elevation_bias_rad = s.Quantity("elevation_bias", D::kAngle, 0.0);
  if (auto n = s.Node("clutter", false)) {
    MapReader c(ctx.src, *n, s.PathOf("clutter"));
    ClutterSetting& cl = u->surveillance.clutter.emplace();
    cl.gamma_db = c.Quantity("gamma", D::kDecibel, true).value_or(cl.gamma_db);
    cl.improvement_db = c.Quantity("improvement", D::kDecibel, true).value_or(cl.improvement_db);
    c.ReportAll(cl.Validate());
    c.Finish();
  }
  if (auto iff = s.Node("iff", false)) {
    MapReader i(ctx.src, *iff, s.PathOf("iff"));
    IffConfig& c = u->iff;
    c.enabled = true;
    c.mode1 = c.mode2 = c.mode3a = c.mode_c = c.mode_s = c.secure = false;
    for (const std::string& mode : i.StringList("modes", true)) {
      if (mode == "1") c.mode1 = true;
      else if (mode == "2") c.mode2 = true;
      else if (mode == "3A") c.mode3a = true;
      else if (mode == "C") c.mode_c = true;
      else if (mode == "S") c.mode_s = true;
      else if (mode == "secure") c.secure = true;
      else i.Report("modes", fmt::format("unknown mode '{}' (known: 1, 2, 3A, C, S, secure)", mode));
    }
    c.max_range_m = i.Quantity("max_range", D::kLength, true).value_or(c.max_range_m);
    c.range_sigma_m = i.Quantity("range_sigma", D::kLength, c.range_sigma_m);
    c.azimuth_sigma_rad = i.Quantity("azimuth_sigma", D::kAngle, c.azimuth_sigma_rad);
    c.beamwidth_rad = i.Quantity("beamwidth", D::kAngle, c.beamwidth_rad);
    c.garble_range_m = i.Quantity("garble_range", D::kLength, c.garble_range_m);
    c.combine_plots = i.Bool("combine_plots", false).value_or(c.combine_plots);
    const auto keys = ctx.side_keys.find(u->side);
    if (keys != ctx.side_keys.end()) c.keys = keys->second;
    i.ReportAll(c.Validate());
    i.Finish();
  }
  s.Finish();
}

void ReadAdsbOut(Context& ctx, const YAML::Node& node, const std::string& path, AdsbOut* x) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  x->on = m.Bool("on", false).value_or(true);
  if (auto a = m.String("address", true)) {
    if (!IsHex(*a, 6))
      m.Report("address", fmt::format("must be a 24-bit ICAO address of 6 hex digits (got '{}')", *a));
    else
      x->address = static_cast<std::uint32_t>(std::stoul(*a, nullptr, 16));
  }
  x->callsign = m.String("callsign", true).value_or("");
  if (x->callsign.size() > 8) m.Report("callsign", fmt::format("must have at most 8 characters (got '{}')", x->callsign));
  x->nacp = static_cast<int>(m.Integer("nacp", false, 1, 11).value_or(x->nacp));
  x->interval_s = m.Quantity("interval", D::kTime, x->interval_s);
  if (!(x->interval_s > 0.0 && x->interval_s <= 60.0))
    m.Report("interval", fmt::format("must be in (0, 60] s (got {} s)", x->interval_s));
  m.Finish();
}

void ReadDatalinkMember(Context& ctx, const YAML::Node& node, const std::string& path, DatalinkMember* x) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  x->network = m.String("network", true).value_or("");
  if (!x->network.empty() && std::find(ctx.datalinks.begin(), ctx.datalinks.end(), x->network) == ctx.datalinks.end())
    m.Report("network", fmt::format("refers to an undefined datalink '{}'", x->network));
  x->callsign = m.String("callsign", false).value_or("");
  x->nav_sigma_m = m.Quantity("nav_sigma", D::kLength, x->nav_sigma_m);
  if (!(x->nav_sigma_m >= 0.0)) m.Report("nav_sigma", fmt::format("must be >= 0 (got {} m)", x->nav_sigma_m));
  m.Finish();
}

void ReadAdsbReceiver(Context& ctx, const YAML::Node& node, const std::string& path, const Geodetic& unit_position,
                      AdsbReceiverConfig* c) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  c->name = path;
  c->position = unit_position;
  c->position.alt_m += AntennaHeight(m, false, 10.0);
  c->max_range_m = m.Quantity("max_range", D::kLength, c->max_range_m);
  c->update_interval_s = m.Quantity("update_interval", D::kTime, c->update_interval_s);
  c->message_probability = m.Quantity("message_probability", D::kRatio, c->message_probability);
  c->latency_s = m.Quantity("latency", D::kTime, c->latency_s);
  m.ReportAll(c->Validate());
  m.Finish();
}

void ReadJammer(Context& ctx, const YAML::Node& node, const std::string& path, const std::vector<std::string>& aircraft,
                JammerSpec* j) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  Jammer& x = j->jammer;
  x.name = m.String("name", true).value_or("");
  if (m.Has("on") == m.Has("at")) m.Report("at", "give either on (the carrying aircraft) or at (a fixed place)");
  if (auto on = m.String("on", false)) {
    if (std::find(aircraft.begin(), aircraft.end(), *on) == aircraft.end())
      m.Report("on", fmt::format("refers to an undefined aircraft '{}'", *on));
    j->carrier = *on;
  }
  if (auto at = m.Node("at", false)) x.position = ReadAt(ctx, *at, m.PathOf("at"), true).value_or(Geodetic{});
  x.power_w = m.Quantity("power", D::kPower, true).value_or(x.power_w);
  x.gain_db = m.Quantity("gain", D::kDecibel, x.gain_db);
  x.bandwidth_hz = m.Quantity("bandwidth", D::kFrequency, true).value_or(x.bandwidth_hz);
  x.losses_db = m.Quantity("losses", D::kDecibel, x.losses_db);
  x.start = SimTime() + Duration::Seconds(m.Quantity("start", D::kTime, 0.0));
  if (m.Has("stop")) x.stop = SimTime() + Duration::Seconds(m.Quantity("stop", D::kTime, true).value_or(0.0));
  if (!(x.power_w > 0.0)) m.Report("power", fmt::format("must be > 0 (got {} W)", x.power_w));
  if (!(x.bandwidth_hz > 0.0)) m.Report("bandwidth", fmt::format("must be > 0 (got {} Hz)", x.bandwidth_hz));
  if (!(x.losses_db >= 0.0)) m.Report("losses", fmt::format("must be >= 0 dB (got {} dB)", x.losses_db));
  if (!(x.stop > x.start)) m.Report("stop", "must be after start");
  ReadJammerEw(ctx, m, &x);
  m.Finish();
}

void ReadDatalink(Context& ctx, const YAML::Node& node, const std::string& path, DatalinkConfig* c) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  c->name = m.String("name", true).value_or("");
  c->interval_s = m.Quantity("interval", D::kTime, true).value_or(c->interval_s);
  c->latency_s = m.Quantity("latency", D::kTime, true).value_or(c->latency_s);
  c->loss = m.Quantity("loss", D::kRatio, c->loss);
  m.ReportAll(c->Validate());
  m.Finish();
}

}  // namespace iadsim::scenario_detail
