#include "iadsim/sim/network_link.h"

#include <fmt/format.h>

#include <cmath>

#include "iadsim/sim/command_post_node.h"

namespace iadsim {

PositionReportBatch PictureMessage(const CommandPostNode& sender, const std::string& link, SimTime now) {
  PositionReportBatch batch;
  batch.receiver = link;
  batch.sender_unit = sender.name();
  batch.reports = sender.Picture(now);
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
    to_->DeliverReports(std::move(batch));
  }
  engine.WakeAt(now + Duration::Seconds(spec_.interval_s), Phase::kSense, id_);
}

}  // namespace iadsim
