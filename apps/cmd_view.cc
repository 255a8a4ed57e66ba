// iadsim view RUN_DIR [--port N]: serves the replay viewer (web/) for a finished run on
// http://127.0.0.1:N/ until interrupted. The page reads /run/replay.czml (RUN_DIR/replay.czml
// when `iadsim export czml` wrote one, else the same document built in memory: nothing is
// written into the run directory), /run/events.json (io/viewer_events.h) and RUN_DIR/summary.json.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.h"
#include "iadsim/core/error.h"
#include "iadsim/io/czml_writer.h"
#include "iadsim/io/http_file_server.h"
#include "iadsim/io/run_scenario.h"
#include "iadsim/io/viewer_events.h"

namespace iadsim::cli {
namespace {

namespace fs = std::filesystem;

struct ViewArgs {
  std::string run_dir, scenario, web_dir = IADSIM_WEB_DIR;
  int port = 8765;
};

[[noreturn]] void Refuse(const std::string& file, const std::string& message) {
  Problem p;
  p.path = "(view)";
  p.file = file;
  p.message = message;
  throw ScenarioError({p});
}

int View(const ViewArgs& a) {
  const fs::path web(a.web_dir), cesium = web / "node_modules/cesium/Build/Cesium";
  if (!fs::is_regular_file(web / "index.html")) Refuse((web / "index.html").string(), "is missing (pass --web-dir DIR)");
  if (!fs::is_regular_file(cesium / "Cesium.js"))
    Refuse((cesium / "Cesium.js").string(), "is missing: install the viewer's Cesium build with tools/setup-web.sh");
  const fs::path run_dir(a.run_dir);
  const Scenario scenario = ReadRunScenario(run_dir, a.scenario);
  const RunData run = ReadRunDirectory(run_dir);
  const Replay replay = BuildReplay(run, scenario);

  // The run's own files (summary.json, an exported replay.czml) under /run/; documents built here
  // come before them.
  HttpContent content;
  content.Mount("/", web);
  content.Mount("/cesium/", cesium);
  content.Mount("/run/", run_dir);
  const bool from_file = fs::is_regular_file(run_dir / "replay.czml");
  if (!from_file) content.AddDocument("/run/replay.czml", "application/json", CzmlText(run, replay, scenario));
  content.AddDocument("/run/events.json", "application/json", ViewerEvents(run, replay).dump(1) + "\n");

  std::unique_ptr<HttpFileServer> server;
  try {
    server = std::make_unique<HttpFileServer>(std::move(content), static_cast<std::uint16_t>(a.port));
  } catch (const std::exception& e) {
    Refuse(fmt::format("127.0.0.1:{}", a.port),
           fmt::format("cannot listen there ({}); pass --port N, or --port 0 for any free port", e.what()));
  }
  fmt::print("iadsim view: {} ({}) at http://127.0.0.1:{}/ (Ctrl-C stops)\n", run_dir.string(),
             from_file ? "its replay.czml" : "replay built from the run", server->port());
  std::fflush(stdout);
  server->Serve(/*stop_on_signal=*/true);
  return 0;
}

}  // namespace

void AddViewCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto args = std::make_shared<ViewArgs>();
  auto* c = app.add_subcommand("view", "Serve the 3-D replay viewer of a finished run on http://127.0.0.1:PORT/");
  c->add_option("run_dir", args->run_dir, "Run directory written by `iadsim run` (with summary.json)")->required();
  c->add_option("--port", args->port, "TCP port on 127.0.0.1 (0: any free port; the URL is printed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  c->add_option("--scenario", args->scenario, "Scenario YAML of the run (default: RUN_DIR/scenario.yaml)");
  c->add_option("--web-dir", args->web_dir, "The viewer's files (default: the source tree's web/)")->capture_default_str();
  verbs.push_back({c, [args] { return View(*args); }});
}

}  // namespace iadsim::cli
