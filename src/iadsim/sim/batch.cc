#include "iadsim/sim/batch.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "iadsim/core/error.h"

namespace iadsim {

ReplicationResult RunJob(const BatchJob& job, const BatchOptions& options, const ScenarioProvider& provider) {
  const auto t0 = std::chrono::steady_clock::now();
  ReplicationResult r;
  r.job = job;
  r.seed = options.seed;
  r.rank = options.rank;
  try {
    PreparedScenario p = provider(job);
    r.draws = std::move(p.draws);
    IADSIM_CHECK(p.scenario != nullptr, "the scenario provider returned no scenario");
    r.outcome = RunReplication(*p.scenario, options.seed, job.replication);
    r.ok = true;
  } catch (const ScenarioError& e) {
    for (const Problem& p : e.problems()) r.error += (r.error.empty() ? "" : "\n") + p.ToString();
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  if (!r.ok && r.error.empty()) r.error = "failed without a message";
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

void RunBatch(const std::vector<BatchJob>& jobs, const BatchOptions& options, const ScenarioProvider& provider,
              const ResultSink& sink) {
  IADSIM_CHECK(options.threads >= 1, "a batch needs at least one thread");
  if (options.threads == 1) {
    for (const BatchJob& j : jobs) sink(RunJob(j, options, provider));
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::condition_variable cv;
  std::deque<ReplicationResult> done;
  int running = options.threads;
  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= jobs.size() || stop.load()) break;
      ReplicationResult r = RunJob(jobs[i], options, provider);
      {
        std::lock_guard lock(mu);
        done.push_back(std::move(r));
      }
      cv.notify_one();
    }
    {
      std::lock_guard lock(mu);
      --running;
    }
    cv.notify_one();
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < options.threads; ++t) pool.emplace_back(worker);
  std::exception_ptr failure;
  for (;;) {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return !done.empty() || running == 0; });
    if (done.empty() && running == 0) break;
    ReplicationResult r = std::move(done.front());
    done.pop_front();
    lock.unlock();
    if (failure) continue;  // drain after a failure of the sink
    try {
      sink(std::move(r));
    } catch (...) {
      failure = std::current_exception();
      stop.store(true);
    }
  }
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace iadsim
