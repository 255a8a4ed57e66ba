// The attacker's side of a scenario, continued (scenario_strike_reader.cc reads the weapons and the
// mission plans): ground targets, controllers and their orders, defence emission control, and the
// electronic-warfare keys of jammers.
// Schema: docs/scenario-format.md, "Strike packages and electronic warfare".
#include <fmt/format.h>

#include <algorithm>
#include <numbers>

#include "iadsim/io/scenario_reader_parts.h"

namespace iadsim::scenario_detail {
namespace {

}  // namespace

void ReadGroundTargets(Context& ctx, const YAML::Node& node, const std::string& path, std::vector<GroundTargetSpec>* out) {
  ForEachItem(ctx, node, path, [&](MapReader& m) {
    GroundTargetSpec t;
    t.name = m.String("name", true).value_or("");
    if (auto at = m.String("at", false)) {
      if (m.Has("lat") || m.Has("lon")) m.Report("at", "give either at (an asset) or lat and lon");
      const auto it = ctx.assets.find(*at);
      if (it == ctx.assets.end()) m.Report("at", fmt::format("refers to an undefined asset '{}'", *at));
      else t.position = it->second;
      if (m.Has("alt")) t.position.alt_m = m.Quantity("alt", D::kAltitude, true).value_or(0.0);
    } else if (auto g = ReadPosition(m, false, 0.0)) {
      t.position = *g;
    }
    t.hits_to_destroy = static_cast<int>(m.Integer("hits_to_destroy", false, 1, 1000).value_or(t.hits_to_destroy));
    if (!t.name.empty() && ctx.ground_targets.count(t.name)) m.Report("name", fmt::format("'{}' is defined twice", t.name));
    ctx.ground_targets[t.name] = t.position;
    out->push_back(t);
  });
}

void ReadControllers(Context& ctx, const YAML::Node& node, const std::string& path, const Scenario& s,
                     std::vector<ControllerSpec>* out) {
  ForEachItem(ctx, node, path, [&](MapReader& m) {
    ControllerSpec c;
    c.name = m.String("name", true).value_or("");
    for (const ControllerSpec& other : *out)
      if (!c.name.empty() && other.name == c.name) m.Report("name", fmt::format("'{}' is defined twice", c.name));
    if (m.Has("on") == m.Has("at")) m.Report("at", "give either on (the carrying aircraft) or at (a fixed place)");
    if (auto on = m.String("on", false)) {
      if (std::none_of(s.aircraft.begin(), s.aircraft.end(), [&](const AircraftSpec& a) { return a.name == *on; }))
        m.Report("on", fmt::format("refers to an undefined aircraft '{}'", *on));
      c.carrier = *on;
    }
    if (auto at = m.Node("at", false)) c.position = ReadAt(ctx, *at, m.PathOf("at"), false).value_or(Geodetic{});
    ReadRadioFields(m, true, &c.radio);
    out->push_back(c);
  });
}

void ReadOrders(Context& ctx, const YAML::Node& node, const std::string& path, const Scenario& s,
                std::vector<CommsOrderSpec>* out) {
  std::vector<std::string> aircraft, packages, controllers;
  for (const AircraftSpec& a : s.aircraft) {
    aircraft.push_back(a.name);
    if (a.mission && !a.mission->package.empty() && !Contains(packages, a.mission->package)) packages.push_back(a.mission->package);
  }
  for (const ControllerSpec& c : s.controllers) controllers.push_back(c.name);
  ForEachItem(ctx, node, path, [&](MapReader& m) {
    CommsOrderSpec o;
    o.name = m.String("name", true).value_or("");
    if (auto from = m.String("from", true)) {
      o.from = *from;
      if (!Contains(controllers, *from))
        m.Report("from", fmt::format("refers to an undefined controller '{}' (defined: {})", *from, Join(controllers)));
    }
    o.to = m.StringList("to", true);
    for (const std::string& to : o.to)
      if (!Contains(aircraft, to) && !Contains(packages, to))
        m.Report("to", fmt::format("refers to an undefined aircraft or package '{}' (packages: {})", to, Join(packages)));
    if (m.Has("to") && o.to.empty()) m.Report("to", "needs at least one aircraft or package");
    if (auto order = m.String("order", false))
      if (*order != "abort") m.Report("order", fmt::format("must be abort (got '{}')", *order));
    o.at_s = m.Quantity("at", D::kTime, true).value_or(0.0);
    if (!(o.at_s >= 0.0)) m.Report("at", fmt::format("must be >= 0 (got {} s)", o.at_s));
    o.repeats = static_cast<int>(m.Integer("repeats", false, 1, 100).value_or(o.repeats));
    o.repeat_interval_s = m.Quantity("interval", D::kTime, o.repeat_interval_s);
    if (!(o.repeat_interval_s > 0.0)) m.Report("interval", fmt::format("must be > 0 (got {} s)", o.repeat_interval_s));
    out->push_back(o);
  });
}

void ReadEmission(Context& ctx, const YAML::Node& node, const std::string& path, EmissionControl* e) {
  MapReader m(ctx.src, node, path);
  if (!m.ok()) return;
  const std::string mode = m.String("mode", false).value_or("always");
  if (mode == "blink") e->blink = true;
  else if (mode != "always") m.Report("mode", fmt::format("must be always or blink (got '{}')", mode));
  if (!e->blink) {
    for (const char* k : {"on", "off"})
      if (m.Has(k)) m.Report(k, "is only for mode blink"), m.Node(k, false);
  } else {
    e->on_s = m.Quantity("on", D::kTime, e->on_s);
    e->off_s = m.Quantity("off", D::kTime, e->off_s);
    if (!(e->on_s > 0.0)) m.Report("on", fmt::format("must be > 0 (got {} s)", e->on_s));
    if (!(e->off_s > 0.0)) m.Report("off", fmt::format("must be > 0 (got {} s)", e->off_s));
  }
  m.Finish();
}

void ReadJammerEw(Context& ctx, MapReader& m, Jammer* x) {
  if (auto band = m.String("band", false)) {
    if (*band == "radar") x->band = JammerBand::kRadar;
    else if (*band == "gnss") x->band = JammerBand::kGnss;
    else if (*band == "comms") x->band = JammerBand::kComms;
    else if (*band == "airborne-radar") x->band = JammerBand::kAirborneRadar;
    else m.Report("band", fmt::format("must be radar, gnss, comms or airborne-radar (got '{}')", *band));
  }
  x->frequency_hz = m.Quantity("frequency", D::kFrequency, x->frequency_hz);
  if (!(x->frequency_hz >= 0.0 && x->frequency_hz <= 1e11))
    m.Report("frequency", fmt::format("must be in [0, 100 GHz] (0: unstated) (got {} Hz)", x->frequency_hz));
  if (auto n = m.Node("beam", false)) {
    MapReader b(ctx.src, *n, m.PathOf("beam"));
    if (b.ok()) {
      JammerBeam& beam = x->beam.emplace();
      beam.azimuth_rad = b.Quantity("azimuth", D::kAngle, true).value_or(0.0);
      beam.beamwidth_rad = b.Quantity("beamwidth", D::kAngle, beam.beamwidth_rad);
      beam.sidelobe_db = b.Quantity("sidelobe", D::kDecibel, beam.sidelobe_db);
      if (!(beam.beamwidth_rad > 0.0 && beam.beamwidth_rad <= 2.0 * std::numbers::pi))
        b.Report("beamwidth", fmt::format("must be in (0, 360] deg (got {} deg)", beam.beamwidth_rad * 180.0 / std::numbers::pi));
      if (!(beam.sidelobe_db >= 0.0)) b.Report("sidelobe", fmt::format("must be >= 0 dB below the peak (got {} dB)", beam.sidelobe_db));
      b.Finish();
    }
  }
}

}  // namespace iadsim::scenario_detail
