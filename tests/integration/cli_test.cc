// The reference scenario end to end, read back with independent parsers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <map>
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

// Reaction and reload times (issue 8 §1): with a 30 s reaction no missile leaves before its order
// plus 30 s; launchers of one round with one in reserve are reloaded 60 s after they empty.
TEST(FireUnitTimes, ReactionDelaysTheFirstLaunchAndEmptyLaunchersAreReloaded) {
  std::string text = ReadFile(SourcePath("scenarios/demo.yaml"));
  const std::string l1 = "rounds: 4, launch_interval: 3 s}   # ~3 s (facts §1)";
  const std::string l2 = "{name: L2, at: {lat: 35.435, lon: 35.995}, rounds: 4, launch_interval: 3 s}";
  ASSERT_NE(text.find(l1), std::string::npos);
  ASSERT_NE(text.find(l2), std::string::npos);
  text.replace(text.find(l1), l1.size(), "rounds: 1, launch_interval: 3 s, reserve: 1, reload_time: 60 s}");
  text.replace(text.find(l2), l2.size(), "{name: L2, at: {lat: 35.435, lon: 35.995}, rounds: 1, launch_interval: 3 s, reserve: 1, reload_time: 60 s}");
  text.replace(text.find("    missile: 48n6e2"), 0, "    reaction_time: 30 s\n");
  const auto dir = FreshDir("times");
  const std::string path = dir.string() + ".yaml";
  std::ofstream(path) << text;
  const auto r = RunIadsim("run " + path + " --seed 1 --out " + dir.string() + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::int64_t, double> ordered;
  std::map<std::string, double> emptied;
  int launches = 0, reloads = 0;
  for (const json& e : Events(dir)) {
    if (e["type"] == "engagement_ordered") ordered[e["engagement"].get<std::int64_t>()] = e["t"].get<double>();
    if (e["type"] == "missile_launched") {
      ++launches;
      EXPECT_GE(e["t"].get<double>(), ordered.at(e["engagement"].get<std::int64_t>()) + 30.0 - 1e-9);
      emptied[e["launcher"].get<std::string>()] = e["t"].get<double>();  // one round: empty after each launch
    }
    if (e["type"] == "launcher_reloaded") {
      ++reloads;
      EXPECT_NEAR(e["t"].get<double>(), emptied.at(e["launcher"].get<std::string>()) + 60.0, 1e-6);
      EXPECT_EQ(e["rounds"], 1);
    }
  }
  EXPECT_GE(launches, 3);  // more than the two loaded rounds: reloads were fired
  EXPECT_EQ(reloads, 2);   // one reserve round each
}

// Two airliners 500 m apart in trail answer the battery's IFF in Mode 3/A: their replies overlap
// (slant ranges within the 3.04 km reply train, one beam) at every scan for the whole run, and
// the after-action log says so once, when it begins, not at each of the ~30 scans.
TEST(AfterActionEvents, IffGarblingIsLoggedOncePerEpisode) {
  std::string text = ReadFile(SourcePath("scenarios/demo.yaml"));
  auto replace = [&](const std::string& from, const std::string& to) { ReplaceFirst(text, from, to); };
  replace("  duration: 20 min", "  duration: 5 min");
  const std::string trail =
      "  - {name: Trail-A, type: b737, side: civil, affiliation: civil, start: 0 s, transponder: {modes: [3A, C], code: \"2346\"},\n"
      "     route: [{lat: 36.60, lon: 36.60, alt: FL350, speed: 460 kt}, {lat: 34.40, lon: 36.85, alt: FL350, speed: 460 kt}]}\n"
      "  - {name: Trail-B, type: b737, side: civil, affiliation: civil, start: 2.11 s, transponder: {modes: [3A, C], code: \"2347\"},\n"
      "     route: [{lat: 36.60, lon: 36.60, alt: FL350, speed: 460 kt}, {lat: 34.40, lon: 36.85, alt: FL350, speed: 460 kt}]}\n";
  replace("\nunits:\n", "\n" + trail + "\nunits:\n");
  const auto dir = FreshDir("garbling-episode");
  const std::string path = dir.string() + ".yaml";
  std::ofstream(path) << text;
  const auto r = RunIadsim("run " + path + " --seed 1 --out " + dir.string() + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::vector<double> times;
  for (const json& e : Events(dir))
    if (e["type"] == "iff_garbled" && (e["aircraft"] == "Trail-A;Trail-B" || e["aircraft"] == "Trail-B;Trail-A"))
      times.push_back(e["t"].get<double>());
  ASSERT_EQ(times.size(), 1u);
  EXPECT_LE(times[0], 2.11 + 10.0 + 1e-6);  // within the first scan (10 s) after both are flying
}

// The network relays a picture: an allied node identifies the Il-20 from its datalink, a relay
// node without a radar passes that track on, and the battalion — which in this variant holds no
// secure key and no datalink, so its own evidence (Mode 3/A) says neutral — takes the friend
// identity from the relay, records the disagreement, and names the originator of the track.
TEST(Network, AFriendIdentityIsRelayedByANodeWithoutRadar) {
  std::string text = ReadFile(SourcePath("scenarios/demo.yaml"));
  auto replace = [&](const std::string& from, const std::string& to) { ReplaceFirst(text, from, to); };
  replace("  syria: {iff_keys: [coalition-secure]}", "  syria: {iff_keys: []}");
  replace("    datalinks: [ally-link]\n", "    network: {accept_identity_from: [relay]}\n");
  replace("iff: {modes: [3A, C, secure], max_range: 300 km}", "iff: {modes: [3A, C], max_range: 300 km}");
  replace("\nunits:\n",
          "\nnetwork:\n  links:\n"
          "    - {name: ally-to-relay, from: ally node, to: relay, latency: 1 s, interval: 4 s}\n"
          "    - {name: relay-to-battalion, from: relay, to: S-300 battalion, latency: 1 s, interval: 4 s}\n"
          "\nunits:\n"
          "  - name: ally node\n    side: russia\n    at: {lat: 35.41, lon: 35.95, alt: 50 m}\n"
          "    datalinks: [ally-link]\n    surveillance: {type: 64n6e2, antenna_height: 25 m}\n"
          "  - name: relay\n    side: syria\n    at: {lat: 35.50, lon: 36.10}\n");
  const auto dir = FreshDir("relay");
  const std::string path = dir.string() + ".yaml";
  std::ofstream(path) << text;
  const auto r = RunIadsim("run " + path + " --seed 1 --out " + dir.string() + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const json summary = json::parse(ReadFile(dir / "summary.json"));
  std::int64_t il20 = -1;
  for (std::size_t i = 0; i < summary["aircraft"].size(); ++i)
    if (summary["aircraft"][i]["name"] == "Il-20") il20 = static_cast<std::int64_t>(i) + 1;
  ASSERT_GT(il20, 0);
  bool relayed = false, conflict = false;
  std::string last_identity;
  for (const json& e : Events(dir)) {
    if (e.value("unit", "") != "S-300 battalion" || e.value("truth_entity", -1) != il20) continue;
    if (e["type"] == "network_identity") {
      relayed = true;
      EXPECT_EQ(e["from_unit"], "relay");
      EXPECT_EQ(e["remote_track"].get<std::string>().rfind("ally node#", 0), 0u) << e;  // originated there
      EXPECT_EQ(e["identity"], "friend");
    }
    if (e["type"] == "identity_conflict") {
      conflict = true;
      EXPECT_EQ(e["local"], "neutral");
      EXPECT_EQ(e["remote"], "friend");
    }
    if (e["type"] == "identity_changed") last_identity = e["to"];
  }
  EXPECT_TRUE(relayed);
  EXPECT_TRUE(conflict);
  EXPECT_EQ(last_identity, "friend");
}

}  // namespace
}  // namespace iadsim::test
