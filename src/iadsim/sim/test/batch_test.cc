// The thread pool: every job exactly once, results independent of the thread count, a failing
// replication stored as failed while the others go on.
#include "iadsim/sim/batch.h"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

namespace iadsim {
namespace {

std::map<std::pair<std::uint32_t, std::uint64_t>, ReplicationResult> RunAll(int threads) {
  auto quiet = std::make_shared<Scenario>();
  quiet->name = "empty sky";
  quiet->duration = Duration::Seconds(60);
  std::vector<BatchJob> jobs;
  for (std::uint64_t k = 0; k < 20; ++k)
    for (std::uint32_t v = 0; v < 2; ++v) jobs.push_back({v, k});
  const ScenarioProvider provider = [quiet](const BatchJob& j) {
    if (j.replication % 7 == 3) throw std::runtime_error("drawn value out of range " + std::to_string(j.replication));
    return PreparedScenario{quiet, {{"x", std::to_string(j.replication * 10 + j.variant)}}};
  };
  std::map<std::pair<std::uint32_t, std::uint64_t>, ReplicationResult> out;
  RunBatch(jobs, BatchOptions{5, threads, 0}, provider, [&](ReplicationResult&& r) {
    const auto key = std::make_pair(r.job.variant, r.job.replication);
    EXPECT_FALSE(out.contains(key)) << "delivered twice";
    out.emplace(key, std::move(r));
  });
  return out;
}

TEST(Batch, EveryJobOnceFailuresKeptWithTheirMessage) {
  const auto r = RunAll(3);
  ASSERT_EQ(r.size(), 40u);
  int failed = 0;
  for (const auto& [key, res] : r) {
    EXPECT_EQ(res.seed, 5u);
    if (key.second % 7 == 3) {
      ++failed;
      EXPECT_FALSE(res.ok);
      EXPECT_EQ(res.error, "drawn value out of range " + std::to_string(key.second));
    } else {
      EXPECT_TRUE(res.ok) << res.error;
      ASSERT_EQ(res.draws.size(), 1u);
      EXPECT_EQ(res.draws[0].second, std::to_string(key.second * 10 + key.first));
    }
  }
  EXPECT_EQ(failed, 2 * 3);  // replications 3, 10, 17 of both variants
}

// Also with far more threads asked for than jobs (100,000 for 40: it aborted creating them; now
// no more threads than jobs start).
TEST(Batch, ThreadCountDoesNotChangeResults) {
  const auto a = RunAll(1);
  for (const int threads : {4, 100000}) {
    const auto b = RunAll(threads);
    ASSERT_EQ(a.size(), b.size()) << threads;
    for (const auto& [key, ra] : a) {
      const ReplicationResult& rb = b.at(key);
      EXPECT_EQ(ra.ok, rb.ok);
      EXPECT_EQ(ra.outcome.events, rb.outcome.events);
      EXPECT_EQ(ra.outcome.engine_wakeups, rb.outcome.engine_wakeups);
      EXPECT_EQ(ra.draws, rb.draws);
    }
  }
}

TEST(Batch, ASinkThatThrowsStopsTheBatchAndRethrows) {
  auto quiet = std::make_shared<Scenario>();
  quiet->duration = Duration::Seconds(1);
  std::vector<BatchJob> jobs(50);
  for (std::uint64_t k = 0; k < jobs.size(); ++k) jobs[k].replication = k;
  int seen = 0;
  EXPECT_THROW(RunBatch(jobs, BatchOptions{1, 2, 0}, [quiet](const BatchJob&) { return PreparedScenario{quiet, {}}; },
                        [&](ReplicationResult&&) {
                          if (++seen == 3) throw std::runtime_error("disk full");
                        }),
               std::runtime_error);
  EXPECT_EQ(seen, 3);
}

}  // namespace
}  // namespace iadsim
