// doctrine.when_revoked on tests/data/revoked_engagement.yaml: a jet crosses from a weapons-free
// bearing into a weapons-hold corridor (330 deg onwards) after the first round of a two-round
// engagement. Read back from events.jsonl with nlohmann::json and truth.csv split by hand:
//   continue          both rounds fly, the jet is destroyed, nothing is revoked;
//   cease_engagement  the engagement is revoked once the jet's bearing has passed 330 deg (by truth,
//                     on a sphere: an independent bearing), within one scan and a decision; the
//                     second round is not fired, the first flies on and destroys the jet;
//   hold_fire         revoked at the same time, and the first round self-destructs at its next
//                     missile step with the reason in words; the jet survives; `iadsim explain`
//                     tells it.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace iadsim::test {
namespace {

using nlohmann::json;

struct Outcome {
  std::vector<json> events;
  std::string dir;
  int launches = 0;
  bool destroyed = false;
  std::vector<json> revoked;
};

Outcome RunWith(const std::string& when) {
  std::string text = ReadFile(SourcePath("tests/data/revoked_engagement.yaml"));
  ReplaceFirst(text, "when_revoked: continue", "when_revoked: " + when);
  const auto dir = FreshDir("revoked-" + when);
  const std::string path = dir.string() + ".yaml";
  std::ofstream(path) << text;
  const auto r = RunIadsim("run " + path + " --seed 1 --quiet --out " + dir.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  Outcome o;
  o.dir = dir.string();
  for (const json& e : Events(dir)) {
    if (e["type"] == "missile_launched") ++o.launches;
    if (e["type"] == "entity_destroyed" && e["entity"] == 1) o.destroyed = true;
    if (e["type"] == "engagement_revoked") o.revoked.push_back(e);
    o.events.push_back(e);
  }
  return o;
}

// The first truth.csv time at which the jet's bearing from the battery (35 N, 35 E), on a sphere,
// lies in [330, 360) deg.
double CorridorEntry(const std::string& dir) {
  std::istringstream in(ReadFile(std::filesystem::path(dir) / "truth.csv"));
  std::string line;
  std::getline(in, line);  // header: time_s,entity,name,kind,lat_deg,lon_deg,...
  const double d2r = M_PI / 180.0, lat0 = 35.0 * d2r, lon0 = 35.0 * d2r;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) f.push_back(c);
    if (f.size() < 6 || f[2] != "crosser") continue;
    const double lat = std::stod(f[4]) * d2r, dlon = std::stod(f[5]) * d2r - lon0;
    const double brg = std::atan2(std::sin(dlon) * std::cos(lat),
                                  std::cos(lat0) * std::sin(lat) - std::sin(lat0) * std::cos(lat) * std::cos(dlon));
    const double deg = std::fmod(brg / d2r + 360.0, 360.0);
    if (deg >= 330.0) return std::stod(f[0]);
  }
  return NAN;
}

TEST(RevokedEngagement, ContinueFliesBothRounds) {
  const Outcome o = RunWith("continue");
  EXPECT_EQ(o.launches, 2);
  EXPECT_TRUE(o.destroyed);
  EXPECT_TRUE(o.revoked.empty());
}

TEST(RevokedEngagement, CeaseEngagementStopsTheSecondRound) {
  const Outcome o = RunWith("cease_engagement");
  ASSERT_EQ(o.revoked.size(), 1u);
  const json& r = o.revoked[0];
  EXPECT_EQ(r["action"], "cease_engagement");
  EXPECT_EQ(r["control"], "hold");
  EXPECT_EQ(r["rule"], "weapons hold in sector corridor");
  EXPECT_EQ(r["truth_entity"], 1);
  const double entry = CorridorEntry(o.dir);
  ASSERT_TRUE(std::isfinite(entry));
  EXPECT_GE(r["t"].get<double>(), entry - 1.0);  // truth is sampled every second
  EXPECT_LE(r["t"].get<double>(), entry + 5.0 + 1.0);  // one 5-s scan, then the decision
  EXPECT_EQ(o.launches, 1);
  EXPECT_TRUE(o.destroyed);  // the round in flight flies on
}

TEST(RevokedEngagement, HoldFireDestroysTheRoundInFlight) {
  const Outcome o = RunWith("hold_fire");
  ASSERT_EQ(o.revoked.size(), 1u);
  const double t_revoked = o.revoked[0]["t"].get<double>();
  EXPECT_EQ(o.revoked[0]["action"], "hold_fire");
  EXPECT_EQ(o.launches, 1);
  EXPECT_FALSE(o.destroyed);
  int detonations = 0;
  for (const json& e : o.events) {
    if (e["type"] != "missile_detonated") continue;
    ++detonations;
    EXPECT_GT(e["t"].get<double>(), t_revoked);
    EXPECT_LE(e["t"].get<double>(), t_revoked + 0.01 + 1e-9);  // at the end of its current 10-ms step (the default)
    EXPECT_EQ(e["reason"].get<std::string>().rfind("hold fire: track ", 0), 0u) << e.dump();
  }
  EXPECT_EQ(detonations, 1);
  const auto ex = RunIadsim("explain " + o.dir);
  ASSERT_EQ(ex.exit_code, 0) << ex.output;
  EXPECT_NE(ex.output.find("engagement revoked: hold fire (no further round; a self-destruct commanded to each "
                           "missile in flight)"),
            std::string::npos)
      << ex.output;
  const json j = json::parse(ReadFile(std::filesystem::path(o.dir) / "explain.json"));
  ASSERT_EQ(j["shots"].size(), 1u);
  EXPECT_EQ(j["shots"][0]["revocations"].size(), 1u);
}

}  // namespace
}  // namespace iadsim::test
