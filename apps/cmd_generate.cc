// iadsim generate raid --aircraft N --radars R --batteries B --duration 1h --seed S --out FILE.yaml:
// a seeded scenario at the size of a real raid (io/raid_generator.h). Bad counts, a bad duration or
// an existing FILE (without --force) → the problems on stderr, exit 2.
#include <fmt/format.h>

#include <memory>
#include <variant>

#include "commands.h"
#include "iadsim/core/error.h"
#include "iadsim/io/quantity.h"
#include "iadsim/io/raid_generator.h"
#include "iadsim/io/run_reader.h"

namespace iadsim::cli {
namespace {

struct GenerateArgs {
  RaidConfig config;
  std::string duration = "1 h", out;
  bool force = false;
};

int GenerateRaid(GenerateArgs& a) {
  Problems problems;
  const auto d = ParseQuantity(a.duration, Dimension::kTime);
  if (const auto* msg = std::get_if<std::string>(&d)) problems.push_back({"--duration", *msg});
  else a.config.duration_s = std::get<double>(d);
  for (Problem& p : a.config.Validate())
    if (p.path != "--duration" || problems.empty()) problems.push_back(std::move(p));
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  RefuseToOverwrite(a.out, a.force);
  const std::string text = GenerateRaidScenario(a.config);
  WriteFileAtomically(a.out, text);
  const RaidCounts n = CountRaid(a.config);
  fmt::print("{}: {} aircraft ({} civil, {} hostile, {} patrols), {} units, {} links, {:g} s\n", a.out,
             a.config.aircraft, n.civil, n.hostile, n.patrol, a.config.radars + a.config.batteries, n.links,
             a.config.duration_s);
  return 0;
}

}  // namespace

void AddGenerateCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto args = std::make_shared<GenerateArgs>();
  auto* gen = app.add_subcommand("generate", "Write a generated scenario");
  gen->require_subcommand(1);
  auto* raid = gen->add_subcommand("raid", "A seeded raid: civil airways, hostile groups, patrols, networked radars and batteries");
  RaidConfig& c = args->config;
  raid->add_option("--aircraft", c.aircraft, "Aircraft in all, [1, 100000] (30 % hostile, 10 % patrols, rest civil)")
      ->capture_default_str();
  raid->add_option("--radars", c.radars, "Surveillance-only radar units, [0, 10000]")->capture_default_str();
  raid->add_option("--batteries", c.batteries, "Units with launchers, [0, 1000]")->capture_default_str();
  raid->add_option("--duration", args->duration, "Scenario duration with its unit (e.g. 1h, 30 min), (0, 24 h]")
      ->capture_default_str();
  raid->add_option("--seed", c.seed, "Generator seed (same arguments -> byte-identical file)")->capture_default_str();
  raid->add_option("--airways", c.airways, "Civil airways, [1, 100]")->capture_default_str();
  raid->add_option("--out", args->out, "Scenario file to write")->required();
  raid->add_flag("--force", args->force, "Overwrite an existing file");
  verbs.push_back({gen, [args] { return GenerateRaid(*args); }});
}

}  // namespace iadsim::cli
