// Outputs on a full disk: a file that is a link to /dev/full (every write fails with ENOSPC, as on
// a full disk) stands for one. The command stops at the first failed write, exits 1 and names the
// file with the system's reason ("No space left on device", not "internal error"), and what it
// leaves cannot pass for a complete output: a run directory without summary.json, no export or
// generated scenario at all (they are written beside and renamed into place). The same holds for
// the text a command prints on standard output.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "test_support.h"

namespace iadsim::test {
namespace {

namespace fs = std::filesystem;

bool HaveDevFull() { return fs::exists("/dev/full") && fs::is_character_file("/dev/full"); }

int Lines(const fs::path& p) {
  const std::string text = ReadFile(p);
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// FILE: cannot be written: No space left on device TAIL (FILE and TAIL: regular expressions).
void ExpectFullDiskMessage(const CommandResult& r, const std::string& file, const std::string& tail) {
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(file + ": cannot be written: No space left on device" + tail)))
      << r.output;
  EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
}

TEST(FullDisk, RunStopsAtTheFirstFailedWriteAndLeavesNoSummary) {
  if (!HaveDevFull()) GTEST_SKIP() << "no /dev/full";
  const fs::path full = FreshDir("full-disk-run"), whole = FreshDir("full-disk-whole");
  ASSERT_EQ(RunIadsim("run " + SourcePath("scenarios/demo.yaml") + " --seed 1 --quiet --out " + whole.string()).exit_code, 0);
  for (const char* file : {"truth.csv", "tracks.csv", "events.jsonl"}) {
    fs::remove_all(full);
    fs::create_directories(full);
    fs::create_symlink("/dev/full", full / file);
    const auto r = RunIadsim("run " + SourcePath("scenarios/demo.yaml") + " --seed 1 --quiet --force --out " + full.string());
    ExpectFullDiskMessage(r, std::regex_replace(std::string(file), std::regex("\\."), "\\."),
                          R"(; the run stopped and its directory is incomplete \(no summary\.json\))");
    EXPECT_FALSE(fs::exists(full / "summary.json")) << file;
    // It stopped early (a buffer's worth of its file), not after the whole run.
    if (std::string(file) != "events.jsonl")
      EXPECT_LT(Lines(full / "events.jsonl"), Lines(whole / "events.jsonl") / 2) << file;
  }
}

TEST(FullDisk, GeneratedScenarioAndExportAreWholeOrAbsent) {
  if (!HaveDevFull()) GTEST_SKIP() << "no /dev/full";
  const fs::path dir = FreshDir("full-disk-files");
  fs::create_directories(dir);
  fs::create_symlink("/dev/full", dir / "raid.yaml.tmp");
  const auto g = RunIadsim("generate raid --aircraft 20 --radars 2 --batteries 1 --duration 60s --seed 1 --out " +
                           (dir / "raid.yaml").string());
  ExpectFullDiskMessage(g, R"(raid\.yaml)", "; nothing was written to it");
  EXPECT_FALSE(fs::exists(dir / "raid.yaml"));
  EXPECT_FALSE(fs::is_symlink(dir / "raid.yaml.tmp"));  // the temporary is removed

  const fs::path run = dir / "run";
  ASSERT_EQ(RunIadsim("run " + SourcePath("scenarios/demo.yaml") + " --seed 1 --quiet --out " + run.string()).exit_code, 0);
  fs::create_symlink("/dev/full", run / "replay.czml.tmp");
  ExpectFullDiskMessage(RunIadsim("export czml " + run.string()), R"(replay\.czml)", "; nothing was written to it");
  EXPECT_FALSE(fs::exists(run / "replay.czml"));
}

// SQLite's own message for the results file; what a batch stored before is kept, and the same
// command resumes it once there is room (checked by hand on a 120 kB tmpfs grown to 4 MB: 0 of
// 30 replications stored, then 30).
TEST(FullDisk, BatchNamesItsResultsFile) {
  if (!HaveDevFull()) GTEST_SKIP() << "no /dev/full";
  const fs::path dir = FreshDir("full-disk-batch");
  fs::create_directories(dir);
  fs::create_symlink("/dev/full", dir / "r.sqlite");
  const auto r = RunIadsim("batch " + SourcePath("scenarios/demo.yaml") + " --runs 2 --quiet --out " + (dir / "r.sqlite").string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(results file \S*r\.sqlite: cannot be written: database or disk is full; the replications stored before it are kept)")))
      << r.output;
  EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
}

// What a command prints must reach standard output: on a full one it says so and exits 1 (it
// exited 0 with the text lost). Standard error goes to the test, standard output to /dev/full.
TEST(FullDisk, StandardOutputThatCannotBeWrittenIsAFailure) {
  if (!HaveDevFull()) GTEST_SKIP() << "no /dev/full";
  const std::string cmd = std::string(IADSIM_BIN) + " validate " + SourcePath("scenarios/demo.yaml") + " 2>&1 >/dev/full";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string err;
  char buf[256];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) err += buf;
  const int status = pclose(pipe);
  ASSERT_TRUE(WIFEXITED(status)) << err;
  EXPECT_EQ(WEXITSTATUS(status), 1) << err;
  EXPECT_NE(err.find("iadsim: standard output: cannot be written: No space left on device"), std::string::npos) << err;
  // The same command with somewhere to print exits 0.
  EXPECT_EQ(RunIadsim("validate " + SourcePath("scenarios/demo.yaml")).exit_code, 0);
}

}  // namespace
}  // namespace iadsim::test
