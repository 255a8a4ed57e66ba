// iadsim explain RUN_DIR [--entity NAME] [--force]: the causal story of every shot of a finished run,
// printed in plain words and written to RUN_DIR/explain.json (see src/iadsim/io/explain.h).
// Refusals (exit 2, nothing written): not a directory, an incomplete run (no summary.json), a
// malformed events.jsonl line (file:line:col), an unknown --entity name (the known names are listed),
// an existing explain.json without --force.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "commands.h"
#include "iadsim/core/error.h"
#include "iadsim/io/explain.h"
#include "iadsim/io/run_reader.h"

namespace iadsim::cli {
namespace {

struct ExplainArgs {
  std::string run_dir, entity;
  bool force = false;
};

int Explain(const ExplainArgs& a) {
  namespace fs = std::filesystem;
  const RunData run = ReadRunDirectory(a.run_dir);
  Explanation story = ExplainRun(run);
  if (!a.entity.empty()) story = FilterByEntity(story, run, a.entity);
  const fs::path out = fs::path(a.run_dir) / "explain.json";
  RefuseToOverwrite(out, a.force);
  const std::string json = ExplainJson(story).dump(2) + "\n";
  fmt::print("{}", ExplainText(story));
  WriteFileAtomically(out, json);
  fmt::print("\nwrote {}\n", out.string());
  return 0;
}

}  // namespace

void AddExplainCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto args = std::make_shared<ExplainArgs>();
  auto* c = app.add_subcommand("explain",
                               "Tell the causal story of every shot of a finished run (track, identity and its "
                               "evidence, order, launch, seeker, fuze, result) and write RUN_DIR/explain.json");
  c->add_option("run_dir", args->run_dir, "Run directory written by `iadsim run` (with summary.json)")->required();
  c->add_option("--entity", args->entity,
                "Only the shots whose missile, intended, locked or destroyed aircraft is NAME (and its losses)");
  c->add_flag("--force", args->force, "Replace an existing RUN_DIR/explain.json");
  verbs.push_back({c, [args] { return Explain(*args); }});
}

}  // namespace iadsim::cli
