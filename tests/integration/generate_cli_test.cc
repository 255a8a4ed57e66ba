// `iadsim generate raid` end to end: the file it writes passes `iadsim validate` with the counts
// asked and runs for 60 s; the same arguments write a byte-identical file; impossible counts and a
// malformed duration exit 2 with the option named; an existing file is kept without --force.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.h"

namespace iadsim::test {
namespace {

std::string Generate(const std::filesystem::path& out, const std::string& extra) {
  return "generate raid --aircraft 30 --radars 3 --batteries 2 --seed 4 --out " + out.string() + " " + extra;
}

TEST(GenerateCli, WritesAScenarioThatValidatesAndRuns) {
  const auto dir = FreshDir("generate_cli_ok");
  std::filesystem::create_directories(dir);
  const auto file = dir / "raid.yaml";
  const CommandResult g = RunIadsim(Generate(file, "--duration 60s"));
  ASSERT_EQ(g.exit_code, 0) << g.output;
  EXPECT_NE(g.output.find("30 aircraft (18 civil, 9 hostile, 3 patrols), 5 units, 6 links, 60 s"), std::string::npos)
      << g.output;
  const CommandResult v = RunIadsim("validate " + file.string());
  ASSERT_EQ(v.exit_code, 0) << v.output;
  EXPECT_NE(v.output.find("valid (30 aircraft, 5 units, 60 s)"), std::string::npos) << v.output;
  const CommandResult r = RunIadsim("run " + file.string() + " --seed 1 --quiet --out " + (dir / "run").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "run" / "summary.json"));

  // Same arguments: the same bytes; another seed: other bytes.
  const auto again = dir / "again.yaml", other = dir / "other.yaml";
  ASSERT_EQ(RunIadsim(Generate(again, "--duration 1min")).exit_code, 0);
  EXPECT_EQ(ReadFile(file), ReadFile(again));
  ASSERT_EQ(RunIadsim("generate raid --aircraft 30 --radars 3 --batteries 2 --seed 5 --duration 60s --out " +
                      other.string()).exit_code, 0);
  EXPECT_NE(ReadFile(file), ReadFile(other));
}

TEST(GenerateCli, RefusesImpossibleCountsAndBadDuration) {
  const auto dir = FreshDir("generate_cli_bad");
  std::filesystem::create_directories(dir);
  const auto file = dir / "raid.yaml";
  const CommandResult n0 = RunIadsim("generate raid --aircraft 0 --radars -1 --out " + file.string());
  EXPECT_EQ(n0.exit_code, 2) << n0.output;
  EXPECT_NE(n0.output.find("--aircraft: must be in [1, 100000] (got 0)"), std::string::npos) << n0.output;
  EXPECT_NE(n0.output.find("--radars: must be in [0, 10000] (got -1)"), std::string::npos) << n0.output;
  const CommandResult big = RunIadsim("generate raid --aircraft 100001 --out " + file.string());
  EXPECT_EQ(big.exit_code, 2) << big.output;
  const CommandResult d = RunIadsim("generate raid --duration 1parsec --out " + file.string());
  EXPECT_EQ(d.exit_code, 2) << d.output;
  EXPECT_NE(d.output.find("--duration: expected a time"), std::string::npos) << d.output;
  const CommandResult neg = RunIadsim("generate raid --duration=-5min --out " + file.string());
  EXPECT_EQ(neg.exit_code, 2) << neg.output;
  EXPECT_NE(neg.output.find("--duration: must be in (0, 86400] (got -300)"), std::string::npos) << neg.output;
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(GenerateCli, KeepsAnExistingFileWithoutForce) {
  const auto dir = FreshDir("generate_cli_keep");
  std::filesystem::create_directories(dir);
  const auto file = dir / "raid.yaml";
  {
    std::ofstream(file) << "mine\n";
  }
  const CommandResult g = RunIadsim(Generate(file, ""));
  EXPECT_EQ(g.exit_code, 2) << g.output;
  EXPECT_NE(g.output.find("exists; pass --force to overwrite it"), std::string::npos) << g.output;
  EXPECT_EQ(ReadFile(file), "mine\n");
  EXPECT_EQ(RunIadsim(Generate(file, "--force")).exit_code, 0);
  EXPECT_NE(ReadFile(file), "mine\n");
}

}  // namespace
}  // namespace iadsim::test
