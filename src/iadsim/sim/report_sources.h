#pragma once
// The engine's components for self-reported positions (sensors/position_reporting.h):
//   AdsbSite     an ADS-B ground receiver of a unit: every update interval it delivers the reports
//                heard to its command post, latency after the broadcast;
//   DatalinkNet  a friendly-position datalink: every interval each member reports, and each
//                subscribed command post receives the reports not lost, after the link's latency.
#include <memory>
#include <vector>

#include "iadsim/sensors/position_reporting.h"
#include "iadsim/sim/engine.h"
#include "iadsim/sim/run_context.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

class CommandPostNode;

class AdsbSite final : public Component {
 public:
  AdsbSite(RunContext& ctx, AdsbReceiverConfig config, CommandPostNode* command_post);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  RunContext& ctx_;
  AdsbReceiverConfig config_;
  CommandPostNode* command_post_;
  RandomStream stream_;
  ComponentId id_ = 0;
  std::uint64_t interval_ = 0;
};

// The filed flight plans a unit holds: every 10 s, where each plan puts its aircraft now, as
// reports (sigma = the plan's deviation) to the unit's command post.
class FlightPlanFile final : public Component {
 public:
  FlightPlanFile(RunContext& ctx, const std::vector<FlightPlanSpec>& plans, CommandPostNode* command_post);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  RunContext& ctx_;
  std::vector<std::pair<const FlightPlanSpec*, std::shared_ptr<const RouteMover>>> plans_;
  CommandPostNode* command_post_;
  ComponentId id_ = 0;
};

class DatalinkNet final : public Component {
 public:
  DatalinkNet(RunContext& ctx, DatalinkConfig config, std::vector<CommandPostNode*> subscribers);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  RunContext& ctx_;
  DatalinkConfig config_;
  std::vector<CommandPostNode*> subscribers_;
  RandomStream stream_;
  ComponentId id_ = 0;
  std::uint64_t cycle_ = 0;
};

}  // namespace iadsim
