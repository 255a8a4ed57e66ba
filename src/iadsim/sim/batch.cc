#include "iadsim/sim/batch.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <system_error>
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
    r.outcome = RunReplication(*p.scenario, options.seed, job.replication, options.events);
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
  // No more threads than jobs; and as many as the system gives (std::thread throws when it gives
  // no more): the rows are the same for any count.
  const int wanted = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(options.threads), jobs.size()));
  const auto serially = [&] {
    for (const BatchJob& j : jobs) sink(RunJob(j, options, provider));
  };
  if (wanted <= 1) return serially();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::condition_variable cv;
  std::deque<ReplicationResult> done;
  int running = wanted;
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
  for (int t = 0; t < wanted; ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {  // the system gives no more threads: go on with those started
      std::lock_guard lock(mu);
      running -= wanted - t;
      break;
    }
  }
  if (pool.empty()) return serially();
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
