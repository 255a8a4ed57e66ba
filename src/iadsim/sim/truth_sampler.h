#pragma once
// Samples the truth of every entity in the sky for truth.csv: aircraft every `interval`, missiles
// and munitions every min(interval, 1 s), so that a replay draws a flyout finely enough to be
// interpolated (docs/exports.md). Both grids start at t = 0. Its cost is the number of samples
// written, plus, when interval > 1 s, a pass over the entities' kinds each second; a run that does
// not record truth does not have one.
#include "iadsim/sim/run_context.h"

namespace iadsim {

class TruthSampler final : public Component {
 public:
  TruthSampler(RunContext& ctx, Duration interval);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  RunContext& ctx_;
  Duration interval_, weapon_interval_;
  ComponentId id_ = 0;
};

}  // namespace iadsim
