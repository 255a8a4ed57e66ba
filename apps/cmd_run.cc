// iadsim run SCENARIO --out DIR: one replication, written as a run directory.
#include <fmt/format.h>

#include <memory>
#include <optional>

#include "commands.h"
#include "iadsim/io/acmi_writer.h"
#include "iadsim/io/dis_sender.h"
#include "iadsim/io/run_writer.h"
#include "iadsim/io/scenario_reader.h"
#include "iadsim/io/stochastic_fields.h"
#include "iadsim/sim/runner.h"

namespace iadsim::cli {
namespace {

std::string Seconds(const std::optional<double>& t) { return t ? fmt::format("{:.0f} s", *t) : std::string("never"); }

void PrintSummary(const RunSummary& s, const std::string& out) {
  fmt::print("{} — seed {}, {:.0f} s simulated\n", s.scenario, s.seed, s.duration_s);
  fmt::print("{:<14} {:<9} {:>9} {:>9}  {:<34} {:>7} {:>8}  {}\n", "aircraft", "truth", "detected", "tracked",
             "identified as", "engaged", "missiles", "result");
  for (const AircraftOutcome& a : s.aircraft) {
    std::string ids;
    for (const auto& id : a.identities) ids += (ids.empty() ? "" : " > ") + id;
    fmt::print("{:<14} {:<9} {:>9} {:>9}  {:<34} {:>7} {:>8}  {}\n", a.name, a.affiliation, Seconds(a.first_detected_s),
               Seconds(a.first_tracked_s), ids.empty() ? "-" : ids, a.engagements, a.missiles_launched_at,
               a.destroyed_s ? fmt::format("destroyed at {:.0f} s", *a.destroyed_s) : std::string("survived"));
  }
  fmt::print("missiles launched: {}, aircraft destroyed: {}\n", s.missiles_launched, s.aircraft_destroyed);
  if (s.friendly_or_civil_engaged.empty()) {
    fmt::print("no friendly or civil aircraft was fired on\n");
  } else {
    std::string names;
    for (const auto& n : s.friendly_or_civil_engaged) names += (names.empty() ? "" : ", ") + n;
    fmt::print("WARNING: friendly or civil aircraft fired on: {}\n", names);
  }
  if (!s.friendly_or_civil_destroyed.empty()) {
    std::string names;
    for (const auto& n : s.friendly_or_civil_destroyed) names += (names.empty() ? "" : ", ") + n;
    fmt::print("WARNING: friendly or civil aircraft destroyed: {} (iadsim explain RUN_DIR tells why)\n", names);
  }
  fmt::print("outputs: {}/ (events.jsonl, truth.csv, tracks.csv, summary.json)\n", out);
}

struct RunArgs {
  std::string scenario_path, out_dir;
  std::uint64_t seed = 1, replication = 0;
  bool force = false, quiet = false;
  bool acmi = false, realtime = false;  // --acmi: replay.txt.acmi; --dis ADDR:PORT [--realtime]: DIS PDUs
  std::string dis;
};

int Run(const RunArgs& a) {
  const Scenario s = ReadScenarioForReplication(a.scenario_path, a.seed, a.replication);
  std::unique_ptr<UdpSender> dis_check;
  if (!a.dis.empty()) dis_check = std::make_unique<UdpSender>(a.dis, "--dis");  // refuse a bad address before the run
  RunWriter writer(a.out_dir, a.force);  // refuses an existing directory, or one it cannot write in
  std::filesystem::copy_file(a.scenario_path, std::filesystem::path(a.out_dir) / "scenario.yaml",
                             std::filesystem::copy_options::overwrite_existing);  // for `iadsim export`
  const RunSummary summary = RunScenario(s, RunOptions{a.seed, a.replication, true}, writer);
  writer.Finish(summary);
  if (a.acmi) WriteAcmiReplay(a.out_dir, s);
  if (!a.dis.empty()) SendDisReplay(a.out_dir, s, DisOptions{a.dis, a.realtime});
  if (!a.quiet) PrintSummary(summary, a.out_dir);
  return 0;
}

}  // namespace

void AddRunCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto args = std::make_shared<RunArgs>();
  auto* run = app.add_subcommand("run", "Run a scenario once and write its run directory");
  run->add_option("scenario", args->scenario_path, "Scenario YAML file")->required();
  run->add_option("--seed", args->seed, "Master random seed (same scenario + seed -> identical outputs)")
      ->capture_default_str();
  run->add_option("--replication", args->replication, "Replication index (its random streams)")->capture_default_str();
  run->add_option("--out", args->out_dir, "Run directory to write")->required();
  run->add_flag("--force", args->force, "Overwrite an existing run directory");
  run->add_flag("--quiet", args->quiet, "Do not print the summary");
  run->add_flag("--acmi", args->acmi, "Also write OUT/replay.txt.acmi (Tacview ACMI 2.2)");
  run->add_option("--dis", args->dis, "Also send the run as DIS PDUs over UDP to ADDR:PORT (e.g. 127.0.0.1:3000)");
  run->add_flag("--realtime", args->realtime, "With --dis: pace the PDUs to the wall clock");
  verbs.push_back({run, [args] { return Run(*args); }});
}

}  // namespace iadsim::cli
