#include "iadsim/sim/network_link.h"

#include <fmt/format.h>

#include <cmath>

#include "iadsim/sim/command_post_node.h"

namespace iadsim {

PositionReportBatch PictureMessage(const CommandPostNode& sender, const std::string& link, SimTime now) {
  PositionReportBatch batch;
  batch.receiver = link;
  batch.sender_unit = sender.name();
  const CommandPost& cp = sender.command_post();
  const LocalFrame& frame = sender.frame();
  for (const TrackState& t : cp.tracker().tracks()) {
    if (t.status != TrackStatus::kConfirmed) continue;
    PositionReport r;
    r.source = ReportSource::kNetwork;
    r.network = link;
    r.sender_unit = sender.name();
    r.callsign = fmt::format("{}#{}", sender.name(), t.id.value());
    r.time_of_validity = t.time;
    r.position = frame.GeodeticFromEnu(t.x.head<3>());
    r.v_enu = LocalFrame(r.position).EnuVectorFromEcef(frame.EcefVectorFromEnu(t.x.tail<3>()));
    r.sigma_horizontal_m = std::sqrt(std::max(0.0, (t.P(0, 0) + t.P(1, 1)) / 2.0));
    r.sigma_vertical_m = std::sqrt(std::max(0.0, t.P(2, 2)));
    r.identity = ToString(cp.IdentityOf(t.id));
    batch.reports.push_back(std::move(r));
  }
  // Tracks it heard from others and holds no track of its own for: relayed as they came.
  for (PositionReport r : cp.RemotePicture(now)) {
    r.network = link;
    batch.reports.push_back(std::move(r));
  }
  batch.time = now;
  return batch;
}

NetworkLink::NetworkLink(RunContext& ctx, NetworkLinkSpec spec, const CommandPostNode* from, CommandPostNode* to)
    : ctx_(ctx), spec_(std::move(spec)), from_(from), to_(to), stream_(ctx.Stream(spec_.name, "network-link")) {
  id_ = ctx_.engine.Add(this);
  ctx_.engine.WakeAt(SimTime() + Duration::Seconds(spec_.interval_s), Phase::kSense, id_);
}

void NetworkLink::Wake(SimTime now, Phase, Engine& engine) {
  RandomStream loss = stream_.Derive(spec_.name, message_++);
  if (!loss.Bernoulli(spec_.loss)) {
    PositionReportBatch batch = PictureMessage(*from_, spec_.name, now);
    batch.time = now + Duration::Seconds(spec_.latency_s);
    for (PositionReport& r : batch.reports) r.time_received = batch.time;
    to_->DeliverReports(std::move(batch));
  }
  engine.WakeAt(now + Duration::Seconds(spec_.interval_s), Phase::kSense, id_);
}

}  // namespace iadsim
