#pragma once
// A Monte Carlo batch: replications run on a pool of threads, results handed to one consumer on
// the calling thread (so that one writer stores them). Each replication (variant v, index k) runs
// the scenario prepared for it with the random streams of (seed, k): the same streams as
// `iadsim run --seed seed --replication k`, and the same for every variant (common random numbers).
// A result depends only on its job, never on the thread that ran it or on the order of completion.
// A replication that throws is returned as failed, with the message; the batch goes on.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "iadsim/sim/replication_outcome.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

struct BatchJob {
  std::uint32_t variant = 0;
  std::uint64_t replication = 0;
};

// What a job runs: the scenario (shared and read-only when nothing is drawn per replication, so
// set-up does not re-read it) and the values drawn for its stochastic fields (key path, value).
struct PreparedScenario {
  std::shared_ptr<const Scenario> scenario;
  std::vector<std::pair<std::string, std::string>> draws;
};

struct ReplicationResult {
  BatchJob job;
  std::uint64_t seed = 0;
  bool ok = false;
  std::string error;  // when !ok
  ReplicationOutcome outcome;
  std::vector<std::pair<std::string, std::string>> draws;
  double wall_s = 0;  // wall-clock seconds (not deterministic)
  int rank = 0;       // MPI rank that ran it
};

struct BatchOptions {
  std::uint64_t seed = 1;
  int threads = 1;  // worker threads, >= 1
  int rank = 0;     // recorded in results
  EventsKept events = EventsKept::kAll;  // the notable events each replication keeps
};

// Called on worker threads; may throw (the replication is then failed). Must be thread-safe.
using ScenarioProvider = std::function<PreparedScenario(const BatchJob&)>;
// Called on the calling thread, once per job, in completion order.
using ResultSink = std::function<void(ReplicationResult&&)>;

// Runs every job; returns when all are done and handed to `sink`. If `sink` throws, the workers
// are stopped after their current job and the exception is rethrown.
void RunBatch(const std::vector<BatchJob>& jobs, const BatchOptions& options, const ScenarioProvider& provider,
              const ResultSink& sink);

// One job, on the calling thread (what each worker does).
ReplicationResult RunJob(const BatchJob& job, const BatchOptions& options, const ScenarioProvider& provider);

}  // namespace iadsim
