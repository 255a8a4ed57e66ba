// `iadsim explain RUN_DIR`: the hand-written run of tests/data/explain_run (its story is known by
// construction, see src/iadsim/io/test/explain_test.cc) and a real run of the demo scenario,
// explain.json read back with nlohmann::json; exit codes and refusals of the bad-input contract.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

namespace iadsim::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path FixtureCopy(const std::string& name) {
  const fs::path dir = FreshDir(name);
  fs::copy(SourcePath("tests/data/explain_run"), dir, fs::copy_options::recursive);
  return dir;
}

TEST(ExplainCli, TellsTheCaptureAndWritesExplainJson) {
  const fs::path dir = FixtureCopy("explain-capture");
  const auto r = RunIadsim("explain " + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("seeker locked il-20 (captured) at -120.0 dBW, +9.0 dB relative to the intended f16-1"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("[WRONG AIRCRAFT]"), std::string::npos);
  const json j = json::parse(ReadFile(dir / "explain.json"));
  ASSERT_EQ(j["shots"].size(), 3U);
  const json& captured = j["shots"][0];
  EXPECT_EQ(captured["missile"], "s200-battery/5v28-1");
  EXPECT_EQ(captured["unit"], "s200-battery");
  EXPECT_EQ(captured["ordered_track"], 3);
  EXPECT_EQ(captured["identity_at_launch"], "hostile");
  EXPECT_EQ(captured["intended_entity"], "f16-1");
  EXPECT_EQ(captured["locked_entity"], "il-20");
  EXPECT_EQ(captured["destroyed_entity"], "il-20");
  EXPECT_EQ(captured["miss_distance_m"], 12.5);
  EXPECT_EQ(captured["guidance"], "semi_active");
  EXPECT_EQ(captured["launch_time_s"], 41.0);
  EXPECT_EQ(captured["detonation_time_s"], 95.0);
  ASSERT_EQ(captured["evidence"].size(), 3U);
  EXPECT_EQ(captured["evidence"][0], "t=10s pending->unknown: no IFF reply to 1 interrogation");
  EXPECT_EQ(captured["seeker"][1]["change"], "locked");
  EXPECT_EQ(captured["seeker"][1]["entity"], "il-20");
  EXPECT_EQ(captured["seeker"][1]["power_dbw"], -120.0);
  const json& miss = j["shots"][1];
  EXPECT_TRUE(miss["destroyed_entity"].is_null());
  EXPECT_EQ(miss["miss_distance_m"], 85.0);
  const json& command = j["shots"][2];
  EXPECT_EQ(command["guidance"], "command");
  EXPECT_EQ(command["locked_entity"], command["intended_entity"]);
  EXPECT_EQ(command["destroyed_entity"], "f16-2");
  EXPECT_EQ(command["control"], "tight");
  EXPECT_EQ(command["rule"], "positive hostile identification required");
  ASSERT_EQ(j["losses"].size(), 2U);
  const json& il20 = j["losses"][1];
  EXPECT_EQ(il20["entity"], "il-20");
  EXPECT_EQ(il20["affiliation"], "friendly");
  EXPECT_EQ(il20["time_s"], 95.0);
  EXPECT_EQ(il20["by_missile"], "s200-battery/5v28-1");
  EXPECT_EQ(il20["unit"], "s200-battery");
  ASSERT_EQ(il20["picture"].size(), 4U);  // the battery's track 4: unknown, the network's friend refused
  EXPECT_EQ(il20["picture"][3], "t=20s track 4 identity conflict: here unknown, hmeimim-cp says friend");
}

TEST(ExplainCli, NeverOverwritesWithoutForceAndIsDeterministic) {
  const fs::path dir = FixtureCopy("explain-force");
  ASSERT_EQ(RunIadsim("explain " + dir.string()).exit_code, 0);
  const std::string first = ReadFile(dir / "explain.json");
  const auto again = RunIadsim("explain " + dir.string());
  EXPECT_EQ(again.exit_code, 2) << again.output;
  EXPECT_NE(again.output.find("explain.json: exists; pass --force to overwrite it"), std::string::npos)
      << again.output;
  EXPECT_EQ(again.output.find("Shot 1"), std::string::npos);  // refused before telling anything
  ASSERT_EQ(RunIadsim("explain " + dir.string() + " --force").exit_code, 0);
  EXPECT_EQ(ReadFile(dir / "explain.json"), first);  // same run -> byte-identical explain.json
}

TEST(ExplainCli, EntityFilterLimitsTheStoryAndUnknownNamesAreRefused) {
  const fs::path dir = FixtureCopy("explain-entity");
  const auto r = RunIadsim("explain " + dir.string() + " --entity il-20");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Shot 1 of 1: missile s200-battery/5v28-1"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("48n6-1"), std::string::npos);
  const json j = json::parse(ReadFile(dir / "explain.json"));
  EXPECT_EQ(j["entity"], "il-20");
  ASSERT_EQ(j["shots"].size(), 1U);
  ASSERT_EQ(j["losses"].size(), 1U);
  EXPECT_EQ(j["losses"][0]["entity"], "il-20");

  fs::remove(dir / "explain.json");
  const auto bad = RunIadsim("explain " + dir.string() + " --entity mig-29");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(std::regex_search(bad.output, std::regex("--entity: no entity named 'mig-29' in this run; known names: "
                                                       "f16-1, f16-2, il-20, s200-battery/5v28-1, ")))
      << bad.output;
  EXPECT_FALSE(fs::exists(dir / "explain.json"));
}

TEST(ExplainCli, RefusesIncompleteRunsNonDirectoriesAndMalformedEvents) {
  const fs::path incomplete = FixtureCopy("explain-incomplete");
  fs::remove(incomplete / "summary.json");
  const auto r = RunIadsim("explain " + incomplete.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("summary.json: (run): is missing: the run is incomplete"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(incomplete / "explain.json"));

  const auto file = RunIadsim("explain " + (incomplete / "events.jsonl").string());
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_NE(file.output.find("is not a run directory"), std::string::npos) << file.output;

  const fs::path malformed = FixtureCopy("explain-malformed");
  std::string events = ReadFile(malformed / "events.jsonl");
  events.insert(events.find("{\"t\":41.0,\"type\":\"seeker_locked\""), "{\"t\":41.0,\"type\":\"seeker_locked\",}\n");
  std::ofstream(malformed / "events.jsonl", std::ios::trunc) << events;
  const auto m = RunIadsim("explain " + malformed.string());
  EXPECT_EQ(m.exit_code, 2);
  EXPECT_TRUE(std::regex_search(m.output, std::regex(R"(events\.jsonl:18:\d+: \(run\): not a JSON object)"))) << m.output;
  EXPECT_FALSE(fs::exists(malformed / "explain.json"));

  const auto missing = RunIadsim("explain");
  EXPECT_EQ(missing.exit_code, 2);
}

// A real run: every shot and every loss of the demo, checked against events.jsonl and summary.json.
TEST(ExplainCli, DemoRunShotsAndLossesAgreeWithItsEventsAndSummary) {
  const fs::path dir = FreshDir("explain-demo");
  ASSERT_EQ(RunIadsim("run " + SourcePath("scenarios/demo.yaml") + " --seed 1 --out " + dir.string() + " --quiet").exit_code, 0);
  const auto r = RunIadsim("explain " + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const json j = json::parse(ReadFile(dir / "explain.json"));
  std::set<std::string> launched;
  std::istringstream in(ReadFile(dir / "events.jsonl"));
  for (std::string line; std::getline(in, line);) {
    const json e = json::parse(line);
    if (e["type"] == "missile_launched") launched.insert(e["missile_name"].get<std::string>());
  }
  std::set<std::string> explained;
  for (const json& s : j["shots"]) explained.insert(s["missile"].get<std::string>());
  EXPECT_EQ(explained, launched);
  const json summary = json::parse(ReadFile(dir / "summary.json"));
  std::set<std::pair<std::string, double>> destroyed, lost;
  for (const json& a : summary["aircraft"])
    if (!a["destroyed_s"].is_null()) destroyed.insert({a["name"].get<std::string>(), a["destroyed_s"].get<double>()});
  for (const json& l : j["losses"]) lost.insert({l["entity"].get<std::string>(), l["time_s"].get<double>()});
  EXPECT_EQ(lost, destroyed);
  for (const json& s : j["shots"]) {
    SCOPED_TRACE(s["missile"].get<std::string>());
    EXPECT_EQ(s["locked_entity"], s["intended_entity"]);  // the demo's battery is command-guided
    if (!s["destroyed_entity"].is_null()) {
      EXPECT_EQ(s["destroyed_entity"], s["intended_entity"]);
    }
    EXPECT_EQ(s["identity_at_launch"], "hostile");
  }
}


TEST(ExplainCli, StrikeRunWeaponsAgreeWithItsEvents) {
  // scenarios/strike-ew.yaml: every weapon released is in explain.json's strike section with the
  // miss of its impact event, an intercepted weapon names no impact, and the ground target's
  // destruction is told when the run recorded it.
  const fs::path dir = FreshDir("explain-strike");
  ASSERT_EQ(RunIadsim("run " + SourcePath("scenarios/strike-ew.yaml") + " --seed 1 --out " + dir.string() + " --quiet").exit_code, 0);
  const auto r = RunIadsim("explain " + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("\nStrike\n"), std::string::npos);
  const json j = json::parse(ReadFile(dir / "explain.json"));
  std::map<std::int64_t, double> miss;  // munition -> miss of its impact
  int released = 0, target_destroyed = 0;
  std::istringstream in(ReadFile(dir / "events.jsonl"));
  for (std::string line; std::getline(in, line);) {
    const json e = json::parse(line);
    if (e["type"] == "weapon_released") ++released;
    if (e["type"] == "weapon_impact") miss[e["munition"].get<std::int64_t>()] = e["miss_m"].get<double>();
    if (e["type"] == "ground_target_destroyed") ++target_destroyed;
  }
  ASSERT_EQ(released, 16);
  ASSERT_EQ(j["strike"]["weapons"].size(), 16u);
  for (const json& w : j["strike"]["weapons"]) {
    const auto id = w["entity"].get<std::int64_t>();
    if (miss.count(id)) {
      EXPECT_DOUBLE_EQ(w["miss_m"].get<double>(), miss[id]);
      EXPECT_FALSE(w["intercepted"].get<bool>());
    } else {
      EXPECT_TRUE(w["miss_m"].is_null());
      EXPECT_TRUE(w["intercepted"].get<bool>());
    }
  }
  int told = 0;
  for (const json& d : j["strike"]["destroyed"]) told += d.get<std::string>().find("ground target Latakia depot destroyed") != std::string::npos;
  EXPECT_EQ(told, target_destroyed);
  // --entity Viper-1: its four bombs only (exact names: not Viper-10's), and its own lines.
  const fs::path one = FreshDir("explain-strike-one");
  fs::copy(dir, one, fs::copy_options::recursive);
  fs::remove(one / "explain.json");
  ASSERT_EQ(RunIadsim("explain " + one.string() + " --entity Viper-1").exit_code, 0);
  const json k = json::parse(ReadFile(one / "explain.json"));
  ASSERT_EQ(k["strike"]["weapons"].size(), 4u);
  for (const json& w : k["strike"]["weapons"]) EXPECT_EQ(w["carrier"], "Viper-1");
  for (const json& l : k["strike"]["attackers"]) EXPECT_NE(l.get<std::string>().find(" Viper-1 "), std::string::npos) << l;
}

}  // namespace
}  // namespace iadsim::test
