#include "iadsim/sim/runner.h"

#include <algorithm>
#include <memory>

#include "iadsim/sim/command_post_node.h"
#include "iadsim/sim/deconfliction.h"
#include "iadsim/sim/fire_unit.h"
#include "iadsim/sim/munitions.h"
#include "iadsim/sim/network_link.h"
#include "iadsim/sim/order_net.h"
#include "iadsim/sim/radar_site.h"
#include "iadsim/sim/report_sources.h"
#include "iadsim/sim/strike_aircraft.h"
#include "iadsim/sim/truth_sampler.h"

namespace iadsim {
namespace {

Entity MakeAircraft(const AircraftSpec& a) {
  Entity e;
  e.name = a.name;
  e.kind = EntityKind::kAircraft;
  e.side = a.side;
  e.type = a.type;
  e.affiliation = a.affiliation;
  e.signature = a.signature;
  e.transponder = a.transponder;
  e.adsb = a.adsb;
  e.datalink = a.datalink;
  if (a.prepared_route) e.route.emplace(*a.prepared_route);
  else e.route.emplace(a.route);
  return e;
}

}  // namespace

void PrepareRoutes(Scenario& scenario) {
  for (AircraftSpec& a : scenario.aircraft) a.prepared_route = std::make_shared<const RouteMover>(a.route);
  for (FlightPlanSpec& p : scenario.flight_plans) p.prepared_route = std::make_shared<const RouteMover>(p.route);
}

RunSummary RunScenario(const Scenario& scenario, const RunOptions& options, Recorder& recorder) {
  RunContext ctx;
  ctx.seed = options.seed;
  ctx.replication = options.replication;
  SummaryRecorder summary(ctx.world, &recorder);
  ctx.recorder = &summary;
  ctx.world.set_terrain(scenario.terrain, scenario.line_of_sight);
  for (const AircraftSpec& a : scenario.aircraft) ctx.world.Add(MakeAircraft(a));
  for (const JammerSpec& j : scenario.jammers) {
    Jammer jammer = j.jammer;
    for (std::size_t i = 0; i < scenario.aircraft.size(); ++i)
      if (!j.carrier.empty() && scenario.aircraft[i].name == j.carrier) jammer.carrier = EntityId(static_cast<std::uint32_t>(i + 1));
    ctx.world.AddJammer(std::move(jammer));
  }

  std::vector<std::unique_ptr<CommandPostNode>> posts;
  std::vector<std::unique_ptr<RadarSite>> radars;
  std::vector<std::unique_ptr<FireUnit>> fire_units;
  std::vector<std::unique_ptr<Component>> report_sources;
  const bool any_fusion = std::any_of(scenario.units.begin(), scenario.units.end(), [](const UnitSpec& s) {
    return s.network.track_fusion != TrackFusion::kNone;
  });
  for (std::size_t u = 0; u < scenario.units.size(); ++u) {
    const UnitSpec& spec = scenario.units[u];
    CommandPostConfig cp;
    cp.unit = UnitId(static_cast<std::uint32_t>(u + 1));
    cp.name = spec.name;
    cp.tracker = spec.tracker;
    cp.tracker.origin = spec.position;
    cp.identification = spec.identification;
    cp.identification.has_iff = spec.has_surveillance && spec.iff.enabled;
    cp.doctrine = spec.doctrine;
    cp.network = spec.network;
    const LocalFrame frame(spec.position);
    for (const std::string& name : spec.defends)
      for (const AssetSpec& a : scenario.assets)
        if (a.name == name) cp.assets.push_back({a.name, frame.EnuFromGeodetic(a.position)});
    posts.push_back(std::make_unique<CommandPostNode>(ctx, spec.name, cp,
                                                      spec.has_surveillance ? spec.surveillance.name : std::string(),
                                                      spec.has_surveillance ? spec.surveillance.north_alignment_error_rad : 0.0));
    posts.back()->set_send_covariance(any_fusion);
    if (spec.has_surveillance) {
      SurveillanceRadar radar(spec.surveillance, spec.iff, ctx.Stream(spec.name + "/" + spec.surveillance.name, "scan"));
      radars.push_back(std::make_unique<RadarSite>(ctx, std::move(radar), posts.back().get(), spec.name, spec.emission));
      radars.back()->Start();
    }
    if (spec.adsb) report_sources.push_back(std::make_unique<AdsbSite>(ctx, *spec.adsb, posts.back().get()));
    if (spec.flight_plans && !scenario.flight_plans.empty())
      report_sources.push_back(std::make_unique<FlightPlanFile>(ctx, scenario.flight_plans, posts.back().get()));
    if (!spec.launchers.empty()) {
      fire_units.push_back(std::make_unique<FireUnit>(ctx, spec, posts.back().get()));
      posts.back()->set_fire_unit(fire_units.back().get());
    }
  }
  for (const DatalinkConfig& link : scenario.datalinks) {
    std::vector<CommandPostNode*> subscribers;
    for (std::size_t u = 0; u < scenario.units.size(); ++u)
      for (const std::string& name : scenario.units[u].datalinks)
        if (name == link.name) subscribers.push_back(posts[u].get());
    report_sources.push_back(std::make_unique<DatalinkNet>(ctx, link, std::move(subscribers)));
  }
  auto post_named = [&](const std::string& name) {
    for (std::size_t u = 0; u < scenario.units.size(); ++u)
      if (scenario.units[u].name == name) return posts[u].get();
    IADSIM_CHECK(false, "a network link names an undefined unit (the reader checks this)");
    return static_cast<CommandPostNode*>(nullptr);
  };
  std::vector<std::unique_ptr<NetworkLink>> links;
  for (const NetworkLinkSpec& l : scenario.links)
    links.push_back(std::make_unique<NetworkLink>(ctx, l, post_named(l.from), post_named(l.to)));
  // The attackers' side: their weapons in flight, the aircraft with a mission plan, their orders.
  std::unique_ptr<Munitions> munitions;
  std::vector<std::unique_ptr<StrikeAircraft>> strikers;
  std::vector<StrikeAircraft*> striker_ptrs;
  for (std::size_t i = 0; i < scenario.aircraft.size(); ++i) {
    if (!scenario.aircraft[i].mission) continue;
    if (!munitions) munitions = std::make_unique<Munitions>(ctx, scenario);
    strikers.push_back(std::make_unique<StrikeAircraft>(ctx, scenario, scenario.aircraft[i],
                                                        EntityId(static_cast<std::uint32_t>(i + 1)), munitions.get()));
    striker_ptrs.push_back(strikers.back().get());
  }
  std::unique_ptr<OrderNet> orders;
  if (!scenario.orders.empty()) orders = std::make_unique<OrderNet>(ctx, scenario, striker_ptrs);
  std::unique_ptr<Deconfliction> deconfliction;
  if (!scenario.notices.empty()) deconfliction = std::make_unique<Deconfliction>(ctx, scenario);
  std::unique_ptr<TruthSampler> sampler;
  if (options.record_truth) sampler = std::make_unique<TruthSampler>(ctx, Duration::Seconds(scenario.truth_interval_s));

  const SimTime end = SimTime() + scenario.duration;
  ctx.engine.Run(end);

  std::vector<SimTime> first(ctx.world.entities().size(), SimTime::Max());
  for (const auto& r : radars) {
    const auto& f = r->first_detection();
    for (std::size_t i = 0; i < f.size(); ++i) first[i] = std::min(first[i], f[i]);
  }
  RunSummary base;
  base.scenario = scenario.name;
  base.seed = options.seed;
  base.replication = options.replication;
  base.duration_s = scenario.duration.seconds();
  base.engine_wakeups = ctx.engine.wakeups();
  ctx.Emit(Event{end, "run_finished"}
               .With("duration_s", scenario.duration.seconds())
               .With("engine_wakeups", static_cast<std::int64_t>(ctx.engine.wakeups())));
  return summary.Finish(base, first);
}

}  // namespace iadsim
