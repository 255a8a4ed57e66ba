// CZML export read back with nlohmann::json: every packet's structure (id, availability as an
// ISO 8601 interval inside the document clock, time-tagged positions as [t, lon, lat, alt]
// quadruples with increasing t), and the content: one entity per aircraft and missile, radar
// coverage and engagement envelope with the scenario's ranges, tracks coloured by identity.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "test_support.h"

namespace iadsim::test {
namespace {

using nlohmann::json;

TEST(Czml, PacketsAreWellFormedAndCoverTheRun) {
  const auto dir = FreshDir("czml-tiny");
  ASSERT_EQ(RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --out " + dir.string()).exit_code, 0);
  const auto r = RunIadsim("export czml " + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const json doc = json::parse(ReadFile(dir / "replay.czml"));
  ASSERT_TRUE(doc.is_array());
  ASSERT_GE(doc.size(), 2U);
  const json& d = doc[0];
  EXPECT_EQ(d["id"], "document");
  EXPECT_EQ(d["version"], "1.0");
  EXPECT_EQ(d["clock"]["interval"], "2018-09-17T18:30:00.000Z/2018-09-17T18:32:50.000Z");  // 170 s

  const std::regex interval(R"(^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)$)");
  std::set<std::string> ids;
  std::map<std::string, json> by_id;
  for (std::size_t i = 1; i < doc.size(); ++i) {
    const json& p = doc[i];
    SCOPED_TRACE(p.dump().substr(0, 120));
    ASSERT_TRUE(p.contains("id") && p["id"].is_string());
    EXPECT_TRUE(ids.insert(p["id"]).second) << "duplicate id";
    by_id[p["id"]] = p;
    std::smatch m;
    const std::string avail = p["availability"];
    ASSERT_TRUE(std::regex_match(avail, m, interval));
    EXPECT_LE(m[1].str(), m[2].str());  // ISO strings of one format order as times
    EXPECT_GE(m[1].str(), "2018-09-17T18:30:00.000Z");
    EXPECT_LE(m[2].str(), "2018-09-17T18:32:50.000Z");
    ASSERT_TRUE(p.contains("position"));
    const json& c = p["position"]["cartographicDegrees"];
    if (p["position"].contains("epoch")) {
      EXPECT_EQ(p["position"]["epoch"], "2018-09-17T18:30:00.000Z");
      ASSERT_EQ(c.size() % 4, 0U);
      ASSERT_GE(c.size(), 4U);
      for (std::size_t k = 4; k < c.size(); k += 4) EXPECT_GT(c[k].get<double>(), c[k - 4].get<double>()) << "times increase";
      for (std::size_t k = 0; k < c.size(); k += 4) {
        EXPECT_LE(std::abs(c[k + 1].get<double>()), 180.0);
        EXPECT_LE(std::abs(c[k + 2].get<double>()), 90.0);
      }
    } else {
      EXPECT_EQ(c.size(), 3U);  // a fixed site
    }
  }
  // Entities: both aircraft with 1 s truth sampling; missiles (sampled every 1 s) with trails.
  ASSERT_TRUE(by_id.count("entity-1"));
  EXPECT_EQ(by_id["entity-1"]["name"], "Raid, \"Alpha\" Ünal");
  EXPECT_EQ(by_id["entity-2"]["name"], "Airliner Zürich, 1");
  const json& airliner = by_id["entity-2"]["position"]["cartographicDegrees"];
  EXPECT_EQ(airliner.size(), 4U * 171U);  // t = 0..170 s every 1 s
  const auto summary = json::parse(ReadFile(dir / "summary.json"));
  int missiles = 0;
  for (const auto& [id, p] : by_id)
    if (p.contains("description") && p["description"].get<std::string>().rfind("missile", 0) == 0) {
      ++missiles;
      const json& c = p["position"]["cartographicDegrees"];
      for (std::size_t k = 4; k < c.size(); k += 4) EXPECT_LE(c[k].get<double>() - c[k - 4].get<double>(), 1.0 + 1e-9);
      EXPECT_EQ(p["path"]["trailTime"], 30);
    }
  EXPECT_EQ(missiles, summary["missiles_launched"].get<int>());
  // Coverage and envelope: the scenario's ranges.
  EXPECT_EQ(by_id["radar-SAM, \"Ost\""]["ellipse"]["semiMajorAxis"], 150000.0);
  EXPECT_EQ(by_id["envelope-SAM, \"Ost\""]["ellipse"]["semiMajorAxis"], 50000.0);
  EXPECT_EQ(by_id["envelope-SAM, \"Ost\""]["ellipse"]["extrudedHeight"], 27000.0);
  // Tracks: coloured by identity over time; the raid's track ends hostile (red), the airliner's
  // neutral (green).
  std::set<std::vector<int>> colours;
  int tracks = 0;
  for (const auto& [id, p] : by_id) {
    if (id.rfind("track-", 0) != 0) continue;
    ++tracks;
    for (const json& c : p["point"]["color"]) {
      ASSERT_TRUE(std::regex_match(c["interval"].get<std::string>(), interval));
      colours.insert(c["rgba"].get<std::vector<int>>());
    }
  }
  EXPECT_GE(tracks, 2);
  EXPECT_TRUE(colours.count({255, 0, 0, 255})) << "hostile red";
  EXPECT_TRUE(colours.count({0, 200, 0, 255})) << "neutral green";
  EXPECT_TRUE(colours.count({255, 255, 255, 255})) << "pending white";
}

// With aircraft sampled every 5 s, missiles are still drawn at least every second (the replay
// interpolates between samples: a 1 s step of a Mach 6 missile is a 2 km chord, 5 s would be 10 km).
TEST(Czml, MissilesAreSampledAtLeastEverySecondWhateverTheTruthInterval) {
  const auto dir = FreshDir("czml-coarse");
  std::string yaml = ReadFile(SourcePath("tests/data/export_tiny.yaml"));
  const auto at = yaml.find("truth_interval: 1 s");
  ASSERT_NE(at, std::string::npos);
  yaml.replace(at, std::string("truth_interval: 1 s").size(), "truth_interval: 5 s");
  std::filesystem::create_directories(dir.parent_path());
  const auto scenario = dir.parent_path() / "czml-coarse.yaml";
  std::ofstream(scenario) << yaml;
  ASSERT_TRUE(std::filesystem::exists(scenario));
  const auto run = RunIadsim("run " + scenario.string() + " --quiet --out " + dir.string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  ASSERT_EQ(RunIadsim("export czml " + dir.string()).exit_code, 0);
  int missiles = 0;
  for (const json& p : json::parse(ReadFile(dir / "replay.czml"))) {
    if (p["id"].get<std::string>().rfind("entity-", 0) != 0) continue;
    const json& c = p["position"]["cartographicDegrees"];
    const bool missile = p["description"].get<std::string>().rfind("missile", 0) == 0;
    missiles += missile;
    for (std::size_t k = 4; k < c.size(); k += 4) {
      const double dt = c[k].get<double>() - c[k - 4].get<double>();
      if (missile) EXPECT_LE(dt, 1.0 + 1e-9) << p["name"];
      else EXPECT_NEAR(dt, 5.0, 1e-9) << p["name"];
    }
  }
  EXPECT_GT(missiles, 0);
}

}  // namespace
}  // namespace iadsim::test
