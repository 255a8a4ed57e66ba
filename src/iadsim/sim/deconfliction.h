#pragma once
// The engine's component for deconfliction notices between parties (scenario `deconfliction`):
// at `sent` the notice is recorded; `relay_delay` later it reaches the notified side's aircraft,
// and each one that has an `on_notice` reaction and is within `within` of the edge of the named
// area (great-circle distance to the area's centre <= radius + within) leaves its route for the
// reaction's route (World::Divert). A notice naming the wrong area, or arriving late, changes
// nothing: that is its accuracy and lead time. Source of the mechanism: the Russian–Israeli
// deconfliction line (reference §2: a message channel with a lead time, an area, and relay delays).
#include <vector>

#include "iadsim/sim/run_context.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

class Deconfliction final : public Component {
 public:
  Deconfliction(RunContext& ctx, const Scenario& scenario);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  RunContext& ctx_;
  const Scenario& scenario_;
  ComponentId id_ = 0;
  std::vector<bool> sent_, delivered_;
};

}  // namespace iadsim
