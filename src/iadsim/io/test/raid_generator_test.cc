// The raid generator: its text is a scenario the reader accepts, with exactly the counts asked
// (aircraft split 60/30/10 %, R + B units, R·min(2, B) links), the civil traffic at FL300-FL390
// with transponder and ADS-B, launchers only on batteries; deterministic in its seed; bad
// counts reported, every one.
#include "iadsim/io/raid_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "iadsim/core/error.h"
#include "iadsim/io/scenario_reader.h"

namespace iadsim {
namespace {

RaidConfig Config(int n, int r, int b, std::uint64_t seed = 1) {
  RaidConfig c;
  c.aircraft = n;
  c.radars = r;
  c.batteries = b;
  c.duration_s = 1800.0;
  c.seed = seed;
  return c;
}

TEST(RaidGenerator, ReadsBackWithTheCountsAsked) {
  const Scenario s = ReadScenarioText(GenerateRaidScenario(Config(53, 7, 5)), "raid.yaml");
  ASSERT_EQ(s.aircraft.size(), 53u);
  EXPECT_EQ(s.units.size(), 12u);
  EXPECT_EQ(s.links.size(), 14u);  // 7 radars x min(2, 5) batteries
  EXPECT_EQ(s.assets.size(), 3u);  // ceil(5 / 2)
  EXPECT_DOUBLE_EQ(s.duration.seconds(), 1800.0);
  int civil = 0, hostile = 0, friendly = 0;
  for (const auto& a : s.aircraft) {
    if (a.affiliation == Affiliation::kCivil) {
      ++civil;
      // FL300..FL390: 9144 m .. 11887.2 m.
      for (const auto& w : a.route.waypoints) {
        EXPECT_GE(w.position.alt_m, 9144.0 - 1.0);
        EXPECT_LE(w.position.alt_m, 11887.2 + 1.0);
      }
    }
    hostile += a.affiliation == Affiliation::kHostile;
    friendly += a.affiliation == Affiliation::kFriendly;
  }
  EXPECT_EQ(hostile, 15);   // floor(3 * 53 / 10)
  EXPECT_EQ(friendly, 5);   // floor(53 / 10)
  EXPECT_EQ(civil, 33);
  int with_launchers = 0;
  for (const auto& u : s.units) with_launchers += !u.launchers.empty();
  EXPECT_EQ(with_launchers, 5);
  // Links go from radars to batteries.
  for (const auto& l : s.links) {
    EXPECT_EQ(l.from.rfind("radar-", 0), 0u) << l.from;
    EXPECT_EQ(l.to.rfind("battery-", 0), 0u) << l.to;
  }
  const RaidCounts n = CountRaid(Config(53, 7, 5));
  EXPECT_EQ(n.civil, 33);
  EXPECT_EQ(n.links, 14);
}

TEST(RaidGenerator, EdgeCountsStillRead) {
  // One aircraft, no radars, no batteries: one civil airliner, no units, no links.
  const Scenario one = ReadScenarioText(GenerateRaidScenario(Config(1, 0, 0)), "one.yaml");
  EXPECT_EQ(one.aircraft.size(), 1u);
  EXPECT_EQ(one.units.size(), 0u);
  EXPECT_EQ(one.links.size(), 0u);
  // One battery: each radar gets one link.
  const Scenario b1 = ReadScenarioText(GenerateRaidScenario(Config(20, 3, 1)), "b1.yaml");
  EXPECT_EQ(b1.units.size(), 4u);
  EXPECT_EQ(b1.links.size(), 3u);
}

TEST(RaidGenerator, NamesAndAddressesAreUnique) {
  const Scenario s = ReadScenarioText(GenerateRaidScenario(Config(400, 10, 4)), "raid.yaml");
  std::set<std::string> names;
  for (const auto& a : s.aircraft) names.insert(a.name);
  EXPECT_EQ(names.size(), 400u);
}

TEST(RaidGenerator, SameSeedSameTextOtherSeedOtherText) {
  const std::string a = GenerateRaidScenario(Config(200, 20, 8, 5));
  EXPECT_EQ(a, GenerateRaidScenario(Config(200, 20, 8, 5)));
  EXPECT_NE(a, GenerateRaidScenario(Config(200, 20, 8, 6)));
}

TEST(RaidGenerator, ImpossibleCountsAreAllReported) {
  RaidConfig c = Config(0, -1, -2);
  c.duration_s = 0.0;
  const auto problems = c.Validate();
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].path, "--aircraft");
  EXPECT_EQ(problems[0].message, "must be in [1, 100000] (got 0)");
  EXPECT_EQ(problems[1].path, "--radars");
  EXPECT_EQ(problems[2].path, "--batteries");
  EXPECT_EQ(problems[3].path, "--duration");
  EXPECT_EQ(problems[3].message, "must be in (0, 86400] (got 0)");
  EXPECT_THROW(GenerateRaidScenario(c), ScenarioError);
  EXPECT_EQ(Config(100001, 0, 0).Validate().size(), 1u);
  EXPECT_TRUE(Config(100000, 0, 0).Validate().empty());
}

}  // namespace
}  // namespace iadsim
