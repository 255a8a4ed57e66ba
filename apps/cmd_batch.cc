// iadsim batch SCENARIO --runs N --out results.sqlite: Monte Carlo replications, in parallel,
// into a SQLite results file (docs/results.md), resumable, with variants and sweeps.
// Built with -DIADSIM_MPI=ON, `mpirun -np K iadsim batch …` splits the replications over ranks;
// rank 0 gathers the results and is the only writer.
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <deque>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "commands.h"
#include "iadsim/core/enum_names.h"
#include "iadsim/core/error.h"
#include "iadsim/io/results_db.h"
#include "iadsim/io/scenario_reader.h"
#include "iadsim/io/scenario_variants.h"
#include "iadsim/io/stochastic_fields.h"
#include "iadsim/sim/batch.h"

#ifdef IADSIM_MPI
#include <mpi.h>
#endif

namespace iadsim::cli {
namespace {

struct BatchArgs {
  std::string scenario_path, out;
  std::uint64_t seed = 1, runs = 0;
  int threads = 0;
  std::vector<std::string> variants, sweeps;
  int lhs = 0;
  bool with_base = false, force = false, quiet = false;
  std::string events = "all";  // --events: all, decisions, none
};

// One variant, prepared once: its edited document, its stochastic fields, and (when it has none)
// the scenario itself, shared read-only by every replication.
struct PreparedVariant {
  VariantSpec spec;
  YAML::Node document;  // the scenario as read, with the places of its nodes (shared by the variants)
  YAML::Node root;
  std::vector<StochasticField> fields;
  std::shared_ptr<const Scenario> fixed;
};

EventsKept ParseEventsKept(const std::string& text) {
  constexpr std::array kAll{EventsKept::kAll, EventsKept::kDecisions, EventsKept::kNone};
  if (const auto e = EnumFromName(text, kAll)) return *e;
  throw ScenarioError({Problem{"--events", fmt::format("must be {} (got '{}')", EnumNameList(kAll), text)}});
}

std::string CommandLine() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), out;
  for (char c : all) out += c == '\0' ? ' ' : c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Problem{"(file)", std::string("cannot read the scenario: ") + std::strerror(errno), path, 1, 1}});
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<VariantSpec> Variants(const BatchArgs& a) {
  std::vector<VariantSpec> out;
  if (a.with_base || (a.variants.empty() && a.sweeps.empty())) out.push_back(VariantSpec{"base"});
  Problems problems;
  for (const std::string& v : a.variants) {
    const auto eq = v.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == v.size()) {
      problems.push_back(Problem{"--variant", fmt::format("expected NAME=overrides.yaml (got '{}')", v)});
      continue;
    }
    try {
      out.push_back(ReadOverridesFile(v.substr(0, eq), v.substr(eq + 1)));
    } catch (const ScenarioError& e) {
      problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
  }
  if (!problems.empty()) throw ScenarioError(problems);
  if (a.lhs > 0 && a.sweeps.empty()) throw ScenarioError({Problem{"--lhs", "needs --sweep KEY=LO..HI ranges"}});
  if (!a.sweeps.empty()) {
    const auto more = a.lhs > 0 ? LatinHypercubeVariants(a.sweeps, a.lhs, a.seed) : SweepVariants(a.sweeps);
    out.insert(out.end(), more.begin(), more.end());
  }
  std::map<std::string, int> names;
  for (const VariantSpec& v : out)
    if (++names[v.name] == 2) problems.push_back(Problem{"--variant", fmt::format("two variants are named '{}'", v.name)});
  if (!problems.empty()) throw ScenarioError(problems);
  return out;
}

// Reads and checks every variant once (all problems together).
std::vector<PreparedVariant> Prepare(const BatchArgs& a, const std::string& text) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception&) {
    ReadScenarioText(text, a.scenario_path);  // throws the syntax error at its place
  }
  std::vector<PreparedVariant> out;
  Problems problems;
  for (VariantSpec& spec : Variants(a)) {
    PreparedVariant v;
    v.spec = std::move(spec);
    v.document = root;
    try {
      v.root = ApplyAssignments(root, v.spec.assignments);
      v.fields = FindStochasticFields(v.root, a.scenario_path);
      const Scenario nominal =
          ReadEditedScenario(NominalStochasticFields(v.root, v.fields), a.scenario_path, v.spec.assignments, &root);
      if (v.fields.empty()) v.fixed = std::make_shared<const Scenario>(nominal);
    } catch (const ScenarioError& e) {
      for (Problem p : e.problems()) {
        if (v.spec.kind != "base") p.message += fmt::format(" (variant '{}')", v.spec.name);
        problems.push_back(std::move(p));
      }
    }
    out.push_back(std::move(v));
  }
  if (!problems.empty()) throw ScenarioError(problems);
  // A variant without stochastic fields runs its prepared scenario: its documents are not read
  // again, and the parsed YAML (several times the text) is freed before the runs. reset() rebinds
  // a handle without touching the tree the other variants share.
  for (PreparedVariant& v : out)
    if (v.fixed) {
      v.document.reset();
      v.root.reset();
    }
  return out;
}

class Progress {
 public:
  Progress(std::uint64_t total, std::uint64_t already, bool quiet)
      : total_(total), done_(already), start_done_(already), quiet_(quiet), tty_(isatty(STDERR_FILENO) == 1) {}
  void Step() {
    ++done_;
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const double since = std::chrono::duration<double>(now - last_).count();
    if (done_ != total_ && since < (tty_ ? 0.2 : 10.0)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? (done_ - start_done_) / elapsed : 0.0;
    const double eta = rate > 0 ? (total_ - done_) / rate : 0.0;
    if (tty_) {
      const int width = 30, filled = total_ ? static_cast<int>(width * done_ / total_) : width;
      fmt::print(stderr, "\r[{}{}] {}/{}  {:.1f} runs/s  ETA {:.0f}:{:02.0f}   ", std::string(filled, '#'),
                 std::string(width - filled, '.'), done_, total_, rate, std::floor(eta / 60), std::fmod(eta, 60.0));
      if (done_ == total_) fmt::print(stderr, "\n");
    } else {
      fmt::print(stderr, "batch: {}/{} done, {:.1f} runs/s, ETA {:.0f} s\n", done_, total_, rate, eta);
    }
  }

 private:
  std::uint64_t total_, done_, start_done_;
  bool quiet_, tty_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

int Batch(const BatchArgs& a) {
  int rank = 0, ranks = 1;
#ifdef IADSIM_MPI
  MPI_Init(nullptr, nullptr);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  struct Finalize {
    ~Finalize() { MPI_Finalize(); }
  } finalize;
#endif
  if (a.runs == 0) throw ScenarioError({Problem{"--runs", "must be >= 1"}});
  if (a.threads < 0) throw ScenarioError({Problem{"--threads", fmt::format("must be >= 0, 0 for every core (got {})", a.threads)}});
  const EventsKept events = ParseEventsKept(a.events);
  const std::string text = ReadText(a.scenario_path);
  const std::vector<PreparedVariant> variants = Prepare(a, text);

  // Rank 0 opens the results file and decides what is left to do.
  std::unique_ptr<ResultsDb> db;
  std::vector<BatchJob> jobs;
  [[maybe_unused]] std::int64_t njobs = -1;  // -1: refused
  std::exception_ptr refused;
  if (rank == 0) {
    BatchMetadata meta;
    meta.iadsim_version = IadsimVersion();
    meta.scenario_path = a.scenario_path;
    meta.scenario_text = text;
    meta.command_line = CommandLine();
    meta.seed = a.seed;
    meta.runs = a.runs;
    meta.events = events;
    for (std::size_t i = 0; i < variants.size(); ++i) {
      const VariantSpec& s = variants[i].spec;
      meta.variants.push_back(VariantRecord{static_cast<std::uint32_t>(i), s.name, s.kind, s.overrides_path,
                                            s.overrides_text, s.AssignmentsJson()});
    }
    try {
      db = std::make_unique<ResultsDb>(a.out, meta, a.force);
      // Replication-major: a partial batch has every variant on the same replications.
      for (std::uint64_t k = 0; k < a.runs; ++k)
        for (std::uint32_t v = 0; v < variants.size(); ++v)
          if (!db->stored().contains({v, k})) jobs.push_back({v, k});
      njobs = static_cast<std::int64_t>(jobs.size());
    } catch (...) {
      refused = std::current_exception();
    }
  }
#ifdef IADSIM_MPI
  MPI_Bcast(&njobs, 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
  if (njobs < 0) {
    if (refused) std::rethrow_exception(refused);
    return 2;
  }
  {
    std::vector<std::uint64_t> flat(2 * static_cast<std::size_t>(njobs));
    for (std::size_t i = 0; i < jobs.size(); ++i) flat[2 * i] = jobs[i].variant, flat[2 * i + 1] = jobs[i].replication;
    MPI_Bcast(flat.data(), static_cast<int>(flat.size()), MPI_UINT64_T, 0, MPI_COMM_WORLD);
    jobs.resize(static_cast<std::size_t>(njobs));
    for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i] = {static_cast<std::uint32_t>(flat[2 * i]), flat[2 * i + 1]};
  }
#endif
  if (refused) std::rethrow_exception(refused);
  const std::uint64_t total = a.runs * variants.size();

  // This rank's share: job i goes to rank i mod K (deterministic; rows do not depend on it).
  std::vector<BatchJob> mine;
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (static_cast<int>(i % static_cast<std::size_t>(ranks)) == rank) mine.push_back(jobs[i]);

  std::mutex yaml_mutex;  // yaml-cpp nodes are not safe to clone from several threads at once
  const ScenarioProvider provider = [&](const BatchJob& job) {
    const PreparedVariant& v = variants.at(job.variant);
    if (v.fixed) return PreparedScenario{v.fixed, {}};
    PreparedScenario p;
    YAML::Node drawn;
    {
      std::lock_guard lock(yaml_mutex);
      drawn = DrawStochasticFields(v.root, v.fields, a.seed, job.replication, &p.draws);
    }
    std::vector<Assignment> origins = v.spec.assignments;
    const auto more = DrawAssignments(v.fields, p.draws, a.scenario_path);
    origins.insert(origins.end(), more.begin(), more.end());
    try {
      p.scenario = std::make_shared<const Scenario>(ReadEditedScenario(drawn, a.scenario_path, origins));
    } catch (const ScenarioError& e) {  // placed in the document as read, which the threads share
      Problems problems = e.problems();
      std::lock_guard lock(yaml_mutex);
      PlaceInDocument(problems, v.document, origins);
      throw ScenarioError(std::move(problems));
    }
    return p;
  };
  const int threads = a.threads > 0 ? a.threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const BatchOptions options{a.seed, threads, rank, events};

  if (rank != 0) {
#ifdef IADSIM_MPI
    // Non-blocking sends: a blocking send of a row larger than the eager limit waits (spinning)
    // until rank 0, busy with its own replications, matches it. The rows stay in order (MPI does
    // not reorder messages between two ranks on one tag); each buffer lives until its send is done.
    std::deque<std::pair<std::string, MPI_Request>> sending;
    RunBatch(mine, options, provider, [&](ReplicationResult&& r) {
      auto& [msg, request] = sending.emplace_back(EncodeResult(r), MPI_REQUEST_NULL);
      MPI_Isend(msg.data(), static_cast<int>(msg.size()), MPI_CHAR, 0, 1, MPI_COMM_WORLD, &request);
      for (int done = 1; done && !sending.empty();) {
        MPI_Test(&sending.front().second, &done, MPI_STATUS_IGNORE);
        if (done) sending.pop_front();
      }
    });
    for (auto& [msg, request] : sending) MPI_Wait(&request, MPI_STATUS_IGNORE);
#endif
    return 0;
  }

  Progress progress(total, total - jobs.size(), a.quiet);
  std::uint64_t failed = 0;
  auto last_commit = std::chrono::steady_clock::now();
  auto store = [&](const ReplicationResult& r) {
    if (!r.ok) {
      ++failed;
      if (!a.quiet)
        fmt::print(stderr, "{}replication {} of variant '{}' failed (stored): {}\n", isatty(STDERR_FILENO) ? "\n" : "",
                   r.job.replication, variants[r.job.variant].spec.name, r.error);
    }
    db->Add(r);
    const auto now = std::chrono::steady_clock::now();
    if (db->pending() >= 256 || now - last_commit > std::chrono::milliseconds(500)) {
      db->Commit();
      last_commit = now;
    }
    progress.Step();
  };
  [[maybe_unused]] std::size_t from_others = jobs.size() - mine.size();
#ifdef IADSIM_MPI
  auto receive = [&](bool block) {
    while (from_others > 0) {
      int flag = 0;
      MPI_Status st;
      if (block) MPI_Probe(MPI_ANY_SOURCE, 1, MPI_COMM_WORLD, &st), flag = 1;
      else MPI_Iprobe(MPI_ANY_SOURCE, 1, MPI_COMM_WORLD, &flag, &st);
      if (!flag) return;
      int size = 0;
      MPI_Get_count(&st, MPI_CHAR, &size);
      std::string msg(static_cast<std::size_t>(size), '\0');
      MPI_Recv(msg.data(), size, MPI_CHAR, st.MPI_SOURCE, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      --from_others;
      store(DecodeResult(msg));
    }
  };
#else
  auto receive = [](bool) {};
#endif
  RunBatch(mine, options, provider, [&](ReplicationResult&& r) {
    store(r);
    receive(false);
  });
  receive(true);
  db->Commit();
  if (!a.quiet) {
    fmt::print(stderr, "{} replication{} of {} variant{} stored in {} ({} run now, {} failed)\n", total,
               total == 1 ? "" : "s", variants.size(), variants.size() == 1 ? "" : "s", a.out, jobs.size(), failed);
  }
  return 0;
}

}  // namespace

void AddBatchCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto args = std::make_shared<BatchArgs>();
  auto* cmd = app.add_subcommand("batch", "Monte Carlo replications of a scenario into a SQLite results file");
  cmd->add_option("scenario", args->scenario_path, "Scenario YAML file")->required();
  cmd->add_option("--runs", args->runs, "Replications per variant (0 .. runs-1)")->required();
  cmd->add_option("--out", args->out, "Results file (SQLite); an existing one of the same batch is resumed")->required();
  cmd->add_option("--seed", args->seed, "Master random seed")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads (default or 0: all cores; never more than replications)");
  cmd->add_option("--variant", args->variants, "NAME=overrides.yaml: a variant ({key path: value} mapping); repeatable");
  cmd->add_option("--sweep", args->sweeps, "KEY=a,b,c or KEY=start:stop:step (with units) or, with --lhs, KEY=lo..hi; repeatable");
  cmd->add_option("--lhs", args->lhs, "Latin hypercube of N points over the --sweep ranges");
  cmd->add_option("--events", args->events,
                  "Notable events kept in the events table: all (default), decisions (all but identity changes, "
                  "which a large raid makes by the tens of thousands), none; the measures are the same");
  cmd->add_flag("--with-base", args->with_base, "Also run the unchanged scenario (variant 'base') beside variants and sweeps");
  cmd->add_flag("--force", args->force, "Overwrite a results file of another batch");
  cmd->add_flag("--quiet", args->quiet, "No progress or summary");
  verbs.push_back({cmd, [args] { return Batch(*args); }});
}

}  // namespace iadsim::cli
