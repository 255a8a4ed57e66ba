#pragma once
// Runs one replication of a scenario: builds the world and the units, runs the engine to the
// scenario's end, and returns the summary. A pure function of (scenario, seed, replication).
#include <cstdint>

#include "iadsim/sim/recorder.h"
#include "iadsim/sim/run_summary.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

struct RunOptions {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  bool record_truth = true;  // truth samples every scenario.truth_interval_s
};

// The scenario must be valid (io/ validates it before).
RunSummary RunScenario(const Scenario& scenario, const RunOptions& options, Recorder& recorder);

// Builds every aircraft's and flight plan's route once (prepared_route), so that replications copy
// or share it instead of fitting it again. The scenario readers call it; call it again after changing a route.
void PrepareRoutes(Scenario& scenario);

}  // namespace iadsim
