// The iadsim command line: thin. Verbs: run, validate.
// Exit codes: 0 done; 2 bad input (scenario, arguments, existing output); 1 internal failure.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "iadsim/io/run_writer.h"
#include "iadsim/io/scenario_reader.h"
#include "iadsim/sim/runner.h"

namespace {

using namespace iadsim;

int ReportProblems(const ScenarioError& e) {
  for (const Problem& p : e.problems()) std::cerr << p.ToString() << '\n';
  std::cerr << fmt::format("iadsim: {} problem{} found; nothing was run\n", e.problems().size(),
                           e.problems().size() == 1 ? "" : "s");
  return 2;
}

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
  fmt::print("outputs: {}/ (events.jsonl, truth.csv, tracks.csv, summary.json)\n", out);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"iadsim — an integrated air-defence simulator: truth -> sensors -> tracks -> C2 -> weapons -> truth"};
  app.require_subcommand(1);

  std::string scenario_path, out_dir;
  std::uint64_t seed = 1, replication = 0;
  bool force = false, quiet = false;
  auto* run = app.add_subcommand("run", "Run a scenario once and write its run directory");
  run->add_option("scenario", scenario_path, "Scenario YAML file")->required();
  run->add_option("--seed", seed, "Master random seed (same scenario + seed -> identical outputs)")->capture_default_str();
  run->add_option("--replication", replication, "Replication index (its random streams)")->capture_default_str();
  run->add_option("--out", out_dir, "Run directory to write")->required();
  run->add_flag("--force", force, "Overwrite an existing run directory");
  run->add_flag("--quiet", quiet, "Do not print the summary");

  std::string validate_path;
  auto* validate = app.add_subcommand("validate", "Check a scenario and report every problem (exit 2 if any)");
  validate->add_option("scenario", validate_path, "Scenario YAML file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    if (*validate) {
      const Scenario s = ReadScenarioFile(validate_path);
      fmt::print("{}: valid ({} aircraft, {} units, {:.0f} s)\n", validate_path, s.aircraft.size(), s.units.size(),
                 s.duration.seconds());
      return 0;
    }
    const Scenario s = ReadScenarioFile(scenario_path);
    std::unique_ptr<RunWriter> writer;
    try {
      writer = std::make_unique<RunWriter>(out_dir, force);
    } catch (const std::exception& e) {
      std::cerr << "iadsim: " << e.what() << '\n';
      return 2;
    }
    const RunSummary summary = RunScenario(s, RunOptions{seed, replication, true}, *writer);
    writer->Finish(summary);
    if (!quiet) PrintSummary(summary, out_dir);
    return 0;
  } catch (const ScenarioError& e) {
    return ReportProblems(e);
  } catch (const std::exception& e) {
    std::cerr << "iadsim: internal error: " << e.what() << '\n';
    return 1;
  }
}
