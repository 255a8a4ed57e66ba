#pragma once
// The engine's component for an air-defence network link (scenario `network.links`): every
// interval the sending unit's picture — each confirmed track with its estimate, covariance and the
// sender's identity of it, and the tracks it received from other units and holds no track of its
// own for (relayed under their originator's name, so a track never loops back) — leaves as one message (an empty one when there are no tracks, so the
// receiver knows the network is alive), lost with the link's probability, else delivered to the
// receiving command post after the latency. The receiver correlates the tracks with its own
// (c2/report_correlation.h, the χ² gate on the summed covariances) and adopts the identities of
// the nodes it accepts (c2/identification.h rule N).
// The picture is taken in the sense phase (as the sender's last tracking left it).
// Loss is drawn per message from the link's stream (message k: Derive(link, k)).
#include "iadsim/sim/run_context.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

class CommandPostNode;

// The sender's picture at `now` as network reports (sigmas from the track covariance: horizontal
// sqrt((P_ee + P_nn)/2), vertical sqrt(P_uu)).
PositionReportBatch PictureMessage(const CommandPostNode& sender, const std::string& link, SimTime now);

class NetworkLink final : public Component {
 public:
  NetworkLink(RunContext& ctx, NetworkLinkSpec spec, const CommandPostNode* from, CommandPostNode* to);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  RunContext& ctx_;
  NetworkLinkSpec spec_;
  const CommandPostNode* from_;
  CommandPostNode* to_;
  RandomStream stream_;
  ComponentId id_ = 0;
  std::uint64_t message_ = 0;
};

}  // namespace iadsim
