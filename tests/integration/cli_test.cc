// The reference scenario end to end, read back with independent parsers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "test_support.h"

namespace iadsim::test {
namespace {

using nlohmann::json;

class Demo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(FreshDir("demo-seed1"));
    const auto r = RunIadsim("run " + SourcePath("scenarios/demo.yaml") + " --seed 1 --out " + dir_->string() + " --quiet");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static std::filesystem::path* dir_;
};
std::filesystem::path* Demo::dir_ = nullptr;

std::vector<json> Events(const std::filesystem::path& dir) {
  std::vector<json> out;
  std::istringstream in(ReadFile(dir / "events.jsonl"));
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
  return out;
}

TEST_F(Demo, RaidIsDetectedTrackedIdentifiedHostileAndEngaged) {
  const json s = json::parse(ReadFile(*dir_ / "summary.json"));
  int raid = 0;
  for (const json& a : s["aircraft"]) {
    if (a["affiliation"] != "hostile") continue;
    ++raid;
    SCOPED_TRACE(a["name"].get<std::string>());
    EXPECT_FALSE(a["first_detected_s"].is_null());
    EXPECT_FALSE(a["first_tracked_s"].is_null());
    const auto ids = a["identities"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(ids.begin(), ids.end(), "hostile"), ids.end());
    EXPECT_GE(a["engagements"].get<int>(), 1);
    EXPECT_GE(a["missiles_launched_at"].get<int>(), 1);
  }
  EXPECT_EQ(raid, 4);
  EXPECT_GE(s["aircraft_destroyed"].get<int>(), 2);  // Pk < 1: not necessarily all four
}

TEST_F(Demo, FriendlyWithValidIffAndAirlinerAreNeverEngaged) {
  const json s = json::parse(ReadFile(*dir_ / "summary.json"));
  EXPECT_TRUE(s["friendly_or_civil_engaged"].empty());
  EXPECT_TRUE(s["friendly_or_civil_destroyed"].empty());
  for (const json& a : s["aircraft"]) {
    if (a["name"] == "Il-20") {
      EXPECT_EQ(a["identities"], json::array({"friend"}));
    }
    if (a["name"] == "Airliner") {
      EXPECT_EQ(a["identities"], json::array({"neutral"}));
    }
  }
  // And from the raw events: every engagement order names one of the four raiders (entities 1-4).
  for (const json& e : Events(*dir_)) {
    if (e["type"] != "engagement_ordered") continue;
    EXPECT_GE(e["truth_entity"].get<int>(), 1) << e.dump();
    EXPECT_LE(e["truth_entity"].get<int>(), 4) << e.dump();
  }
}

TEST_F(Demo, EventsAreTimeOrderedAndCarryTheRequiredFields) {
  const auto events = Events(*dir_);
  ASSERT_FALSE(events.empty());
  double last = 0.0;
  std::set<std::string> types;
  for (const json& e : events) {
    ASSERT_TRUE(e.contains("t") && e.contains("type")) << e.dump();
    EXPECT_GE(e["t"].get<double>(), last) << e.dump();
    last = e["t"].get<double>();
    types.insert(e["type"].get<std::string>());
    if (e["type"] == "missile_detonated" && e["reason"] == "proximity fuze") {
      EXPECT_TRUE(e.contains("miss_distance_m"));
    }
    if (e["type"] == "identity_changed") {
      EXPECT_TRUE(e.contains("from") && e.contains("to") && e.contains("evidence"));
    }
  }
  for (const char* t : {"track_confirmed", "identity_changed", "engagement_ordered", "missile_launched",
                        "missile_detonated", "entity_destroyed", "run_finished"})
    EXPECT_TRUE(types.count(t)) << t;
  EXPECT_EQ(events.back()["type"], "run_finished");
}

TEST_F(Demo, CsvFilesHaveTheirColumnsAndRows) {
  std::istringstream truth(ReadFile(*dir_ / "truth.csv"));
  std::string header;
  std::getline(truth, header);
  EXPECT_EQ(header, "time_s,entity,name,kind,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps");
  int rows = 0;
  for (std::string line; std::getline(truth, line); ++rows) EXPECT_EQ(std::count(line.begin(), line.end(), ','), 9) << line;
  EXPECT_GT(rows, 1000);
  std::istringstream tracks(ReadFile(*dir_ / "tracks.csv"));
  std::getline(tracks, header);
  EXPECT_EQ(header, "time_s,unit,track,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps,identity");
}

TEST_F(Demo, SameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers) {
  const auto again = FreshDir("demo-seed1-again");
  ASSERT_EQ(RunIadsim("run " + SourcePath("scenarios/demo.yaml") + " --seed 1 --out " + again.string() + " --quiet").exit_code, 0);
  for (const char* f : {"events.jsonl", "truth.csv", "tracks.csv", "summary.json"})
    EXPECT_EQ(ReadFile(*dir_ / f), ReadFile(again / f)) << f;
  const auto other = FreshDir("demo-seed2");
  ASSERT_EQ(RunIadsim("run " + SourcePath("scenarios/demo.yaml") + " --seed 2 --out " + other.string() + " --quiet").exit_code, 0);
  EXPECT_NE(ReadFile(*dir_ / "events.jsonl"), ReadFile(other / "events.jsonl"));
}

TEST_F(Demo, AnExistingRunDirectoryIsNotOverwrittenWithoutForce) {
  const std::string before = ReadFile(*dir_ / "summary.json");
  const auto r = RunIadsim("run " + SourcePath("scenarios/demo.yaml") + " --seed 3 --out " + dir_->string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--force"), std::string::npos) << r.output;
  EXPECT_EQ(ReadFile(*dir_ / "summary.json"), before);
}

TEST(Cli, HelpExplainsEachVerb) {
  EXPECT_NE(RunIadsim("--help").output.find("run"), std::string::npos);
  EXPECT_NE(RunIadsim("run --help").output.find("--seed"), std::string::npos);
  EXPECT_NE(RunIadsim("validate --help").output.find("scenario"), std::string::npos);
  EXPECT_EQ(RunIadsim("validate " + SourcePath("scenarios/demo.yaml")).exit_code, 0);
}

}  // namespace
}  // namespace iadsim::test
