#pragma once
// Samples the truth of every entity in the sky at a fixed interval, for truth.csv. Its cost is
// the number of samples written; a run that does not record truth does not have one.
#include "iadsim/sim/run_context.h"

namespace iadsim {

class TruthSampler final : public Component {
 public:
  TruthSampler(RunContext& ctx, Duration interval);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  RunContext& ctx_;
  Duration interval_;
  ComponentId id_ = 0;
};

}  // namespace iadsim
