#include "iadsim/sim/report_sources.h"

#include "iadsim/sim/command_post_node.h"

namespace iadsim {

AdsbSite::AdsbSite(RunContext& ctx, AdsbReceiverConfig config, CommandPostNode* command_post)
    : ctx_(ctx),
      config_(std::move(config)),
      command_post_(command_post),
      stream_(ctx.Stream(config_.name, "adsb")) {
  id_ = ctx_.engine.Add(this);
  ctx_.engine.WakeAt(SimTime() + Duration::Seconds(config_.update_interval_s), Phase::kSense, id_);
}

void AdsbSite::Wake(SimTime now, Phase, Engine& engine) {
  const Duration interval = Duration::Seconds(config_.update_interval_s);
  PositionReportBatch batch;
  batch.receiver = config_.name;
  batch.time = now + Duration::Seconds(config_.latency_s);
  batch.reports = std::make_shared<const std::vector<PositionReport>>(
      ReceiveAdsb(config_, ctx_.world, now - interval, now, interval_++, stream_));
  if (!batch.reports->empty()) command_post_->DeliverReports(std::move(batch));
  engine.WakeAt(now + interval, Phase::kSense, id_);
}

namespace {
constexpr double kFlightPlanIntervalS = 10.0;
}

FlightPlanFile::FlightPlanFile(RunContext& ctx, const std::vector<FlightPlanSpec>& plans, CommandPostNode* command_post)
    : ctx_(ctx), command_post_(command_post) {
  for (const FlightPlanSpec& p : plans)
    plans_.emplace_back(&p, p.prepared_route ? p.prepared_route : std::make_shared<const RouteMover>(p.route));
  id_ = ctx_.engine.Add(this);
  ctx_.engine.WakeAt(SimTime() + Duration::Seconds(kFlightPlanIntervalS), Phase::kSense, id_);
}

void FlightPlanFile::Wake(SimTime now, Phase, Engine& engine) {
  PositionReportBatch batch;
  batch.receiver = "flight-plans";
  batch.time = now;
  std::vector<PositionReport> reports;
  for (const auto& [plan, mover] : plans_) {
    const auto k = mover->StateAt(now);
    if (!k) continue;
    PositionReport r;
    r.source = ReportSource::kFlightPlan;
    r.network = "flight-plans";
    r.callsign = plan->callsign;
    r.time_of_validity = r.time_received = now;
    r.position = k->geo;
    r.v_enu = k->v_enu;
    r.sigma_horizontal_m = r.sigma_vertical_m = plan->deviation_m;
    reports.push_back(std::move(r));
  }
  if (!reports.empty()) {
    batch.reports = std::make_shared<const std::vector<PositionReport>>(std::move(reports));
    command_post_->DeliverReports(std::move(batch));
  }
  engine.WakeAt(now + Duration::Seconds(kFlightPlanIntervalS), Phase::kSense, id_);
}

DatalinkNet::DatalinkNet(RunContext& ctx, DatalinkConfig config, std::vector<CommandPostNode*> subscribers)
    : ctx_(ctx),
      config_(std::move(config)),
      subscribers_(std::move(subscribers)),
      stream_(ctx.Stream(config_.name, "datalink")) {
  id_ = ctx_.engine.Add(this);
  ctx_.engine.WakeAt(SimTime() + Duration::Seconds(config_.interval_s), Phase::kSense, id_);
}

void DatalinkNet::Wake(SimTime now, Phase, Engine& engine) {
  const std::uint64_t cycle = cycle_++;
  std::vector<PositionReport> reports = DatalinkReports(config_, ctx_.world, now, cycle, stream_);
  for (PositionReport& r : reports) r.position_ecef = EcefFromGeodetic(r.position);  // once for all subscribers
  for (CommandPostNode* cp : subscribers_) {
    PositionReportBatch batch;
    batch.receiver = config_.name;
    batch.time = now + Duration::Seconds(config_.latency_s);
    std::vector<PositionReport> heard;
    for (const PositionReport& r : reports) {
      RandomStream loss = stream_.Derive(cp->name() + "/" + r.callsign, cycle);
      if (!loss.Bernoulli(config_.loss)) heard.push_back(r);
    }
    if (heard.empty()) continue;
    batch.reports = std::make_shared<const std::vector<PositionReport>>(std::move(heard));
    cp->DeliverReports(std::move(batch));
  }
  engine.WakeAt(now + Duration::Seconds(config_.interval_s), Phase::kSense, id_);
}

}  // namespace iadsim
