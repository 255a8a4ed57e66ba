// iadsim export acmi|czml|dis RUN_DIR: replays of a finished run directory.
//   acmi: RUN_DIR/replay.txt.acmi (Tacview ACMI 2.2)
//   czml: RUN_DIR/replay.czml (Cesium)
//   dis:  Entity State, Fire and Detonation PDUs over UDP (IEEE 1278.1-2012, version 7)
// The scenario is RUN_DIR/scenario.yaml (the copy `iadsim run` keeps) unless --scenario names one.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.h"
#include "iadsim/core/error.h"
#include "iadsim/io/acmi_writer.h"
#include "iadsim/io/czml_writer.h"
#include "iadsim/io/dis_sender.h"
#include "iadsim/io/run_scenario.h"

namespace iadsim::cli {
namespace {

struct ExportArgs {
  std::string run_dir, scenario, dis_to = "127.0.0.1:3000";
  bool realtime = false;
  std::uint16_t exercise = 1;
};

}  // namespace

void AddExportCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto args = std::make_shared<ExportArgs>();
  auto* exp = app.add_subcommand("export", "Export a finished run directory as a replay (ACMI, CZML, DIS)");
  exp->require_subcommand(1);
  auto add = [&](const char* name, const char* help) {
    auto* c = exp->add_subcommand(name, help);
    c->add_option("run_dir", args->run_dir, "Run directory written by `iadsim run` (with summary.json)")->required();
    c->add_option("--scenario", args->scenario, "Scenario YAML of the run (default: RUN_DIR/scenario.yaml)");
    return c;
  };
  auto* acmi = add("acmi", "Write RUN_DIR/replay.txt.acmi (Tacview ACMI 2.2)");
  auto* czml = add("czml", "Write RUN_DIR/replay.czml (Cesium CZML)");
  auto* dis = add("dis", "Send the run as DIS PDUs over UDP (IEEE 1278.1-2012, protocol version 7)");
  dis->add_option("--to", args->dis_to, "Destination ADDR:PORT (default loopback)")->capture_default_str();
  dis->add_flag("--realtime", args->realtime, "Pace the PDUs to the wall clock (default: as fast as possible)");
  dis->add_option("--exercise", args->exercise, "DIS exercise id, 1-255")->capture_default_str()->check(CLI::Range(1, 255));
  verbs.push_back({exp, [args, acmi, czml, dis] {
                     const Scenario s = ReadRunScenario(args->run_dir, args->scenario);
                     if (*acmi) {
                       fmt::print("wrote {}\n", WriteAcmiReplay(args->run_dir, s).string());
                     } else if (*czml) {
                       fmt::print("wrote {}\n", WriteCzmlReplay(args->run_dir, s).string());
                     } else if (*dis) {
                       DisOptions o;
                       o.destination = args->dis_to;
                       o.realtime = args->realtime;
                       o.exercise_id = static_cast<std::uint8_t>(args->exercise);
                       o.destination_option = "--to";
                       const std::size_t n = SendDisReplay(args->run_dir, s, o);
                       fmt::print("sent {} PDUs to {}\n", n, args->dis_to);
                     }
                     return 0;
                   }});
}

}  // namespace iadsim::cli
