// iadsim report: a small results file built here with the SQLite C API, following
// docs/results-format.md (format version 1), turned into HTML by the command and read back by an
// independent reader (python3's html.parser, tests/integration/read_report_tables.py). The numbers
// in the tables are checked against values computed by hand.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <fmt/format.h>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace iadsim::test {
namespace {

std::string Python() {
  for (const char* p : {"/usr/bin/python3", "/usr/local/bin/python3"})
    if (access(p, X_OK) == 0) return p;
  return "";
}

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "") << "\n" << sql;
}

// Baseline "base": 10 replications, a leaker in replications 0-6 (7 of 10), kills 2 3 1 4 2 3 2 4 3 2.
// Variant "two-radars": a leaker in 0-1 only, kills 3 3 2 4 3 4 3 4 4 3, a civil shot in replication 5;
// replication 10 failed.
void BuildResults(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  Exec(db, R"sql(
CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE variants (variant_id INTEGER PRIMARY KEY, name TEXT UNIQUE, kind TEXT, overrides_path TEXT,
  overrides_text TEXT, assignments_json TEXT);
CREATE TABLE replications (variant_id INTEGER, replication INTEGER, seed INTEGER, status TEXT, error TEXT,
  hostile_aircraft INTEGER, leakers INTEGER, kills INTEGER, aircraft_destroyed INTEGER, missiles_launched INTEGER,
  missiles_per_kill REAL, engagements INTEGER, friendly_engagements INTEGER, civil_engagements INTEGER,
  civil_shots INTEGER, friendly_shots INTEGER, friendly_destroyed INTEGER, civil_destroyed INTEGER,
  hostile_detected INTEGER, hostile_identified INTEGER, mean_detect_to_id_s REAL, max_detect_to_id_s REAL,
  first_detection_s REAL, events INTEGER, engine_wakeups INTEGER, wall_s REAL, rank INTEGER,
  PRIMARY KEY (variant_id, replication));
INSERT INTO metadata VALUES ('format_version', '1'), ('iadsim_version', '0.1.0'),
  ('scenario_path', 'scenarios/tiny.yaml'), ('scenario_text', 'scenario: {name: Tiny raid & <test>, duration: 10 min}'),
  ('seed', '42'), ('runs', '10'), ('command_line', 'iadsim batch scenarios/tiny.yaml --runs 10'),
  ('variants_json', '[]'), ('fingerprint', '0'), ('created_utc', '2026-11-26T09:00:00Z');
INSERT INTO variants VALUES (0, 'base', 'base', NULL, NULL, '{}'),
  (1, 'two-radars', 'overrides', 'two.yaml', 'x: 1', '{"units[1].sensors[0].power": "2 MW"}');
)sql");
  const int base_kills[] = {2, 3, 1, 4, 2, 3, 2, 4, 3, 2};
  const int var_kills[] = {3, 3, 2, 4, 3, 4, 3, 4, 4, 3};
  for (int v = 0; v < 2; ++v) {
    for (int k = 0; k < 10; ++k) {
      const int kills = v == 0 ? base_kills[k] : var_kills[k];
      const int leakers = (v == 0 ? k < 7 : k < 2) ? 1 : 0;
      const int civil = v == 1 && k == 5 ? 2 : 0;
      Exec(db, fmt::format("INSERT INTO replications VALUES ({}, {}, 42, 'ok', NULL, 4, {}, {}, {}, {}, {}, {}, 0, {}, "
                           "{}, 0, 0, 0, 4, 4, {}, {}, 30.0, 100, 50, 0.1, 0)",
                           v, k, leakers, kills, kills, 2 * kills, 2.0, 2 * kills, civil ? 1 : 0, civil, 10.0 * (k + 1),
                           10.0 * (k + 1)));
    }
  }
  Exec(db, "INSERT INTO replications (variant_id, replication, seed, status, error) VALUES "
           "(1, 10, 42, 'failed', 'missile flyout diverged <at 12 s>')");
  sqlite3_close(db);
}

// Table rows of the report, as read by the independent reader: table id → rows of cells.
struct Read {
  int exit_code = -1;
  std::map<std::string, std::vector<std::vector<std::string>>> tables;
  std::vector<std::string> other;  // external…, svg N, unbalanced…
};

Read ReadReport(const std::filesystem::path& html) {
  Read r;
  const std::string cmd = Python() + " " + SourcePath("tests/integration/read_report_tables.py") + " " + html.string();
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  r.exit_code = pclose(pipe);
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    for (std::size_t start = 0;;) {  // split on tabs, keeping empty cells (also a trailing one)
      const std::size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells.size() > 1)
      r.tables[cells[0]].push_back(std::vector<std::string>(cells.begin() + 1, cells.end()));
    else
      r.other.push_back(line);
  }
  return r;
}

// The row of `table` whose first cells are `key`.
std::vector<std::string> RowOf(const Read& r, const std::string& table, const std::vector<std::string>& key) {
  const auto it = r.tables.find(table);
  if (it == r.tables.end()) return {};
  for (const auto& row : it->second)
    if (row.size() >= key.size() && std::equal(key.begin(), key.end(), row.begin())) return row;
  return {};
}

class ReportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (Python().empty()) GTEST_SKIP() << "python3 not found: no independent HTML reader";
    dir_ = FreshDir("report");
    std::filesystem::create_directories(dir_);
    BuildResults(dir_ / "results.sqlite");
  }
  std::filesystem::path dir_;
};

TEST_F(ReportCli, TablesCarryTheHandComputedStatistics) {
  const auto r = RunIadsim("report " + (dir_ / "results.sqlite").string() + " --out " + (dir_ / "r.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Read h = ReadReport(dir_ / "r.html");
  ASSERT_EQ(h.exit_code, 0);
  for (const std::string& o : h.other) EXPECT_EQ(o.rfind("external", 0), std::string::npos) << o;
  EXPECT_NE(std::find(h.other.begin(), h.other.end(), "svg 6"), h.other.end());  // 2 bar charts, 4 histograms

  EXPECT_EQ(RowOf(h, "batch", {"scenario"}), (std::vector<std::string>{"scenario", "Tiny raid & <test>"}));
  EXPECT_EQ(RowOf(h, "batch", {"seed"}), (std::vector<std::string>{"seed", "42"}));
  EXPECT_EQ(RowOf(h, "batch", {"written by iadsim"}), (std::vector<std::string>{"written by iadsim", "0.1.0"}));
  // Runs: variant, kind, assignments, asked, done, failed; the failure with its message.
  const auto runs = RowOf(h, "runs", {"two-radars"});
  ASSERT_EQ(runs.size(), 6u);
  EXPECT_EQ(runs[4], "10");
  EXPECT_EQ(runs[5], "1");
  EXPECT_EQ(RowOf(h, "failures", {"two-radars"}),
            (std::vector<std::string>{"two-radars", "10", "missile flyout diverged <at 12 s>"}));

  // Measures: variant, measure, n, events, estimate, lower, upper, interval.
  // 7 of 10 with a leaker: Wilson, z = 1.959964: centre (0.7 + 0.19207)/1.38415 = 0.64450,
  // half 1.41600·√(0.021 + 0.0096037) = 0.24772 → [0.3968, 0.8922].
  EXPECT_EQ(RowOf(h, "measures", {"base", "P(at least one leaker)"}),
            (std::vector<std::string>{"base", "P(at least one leaker)", "10", "7", "0.7000", "0.3968", "0.8922",
                                      "Wilson"}));
  // 2 of 10: [0.0567, 0.5098].
  EXPECT_EQ(RowOf(h, "measures", {"two-radars", "P(at least one leaker)"}),
            (std::vector<std::string>{"two-radars", "P(at least one leaker)", "10", "2", "0.2000", "0.0567", "0.5098",
                                      "Wilson"}));
  // Kills: mean 2.6, s² = 8.4/9, t(9; 0.975) = 2.262157 → 2.6 ± 0.6911 = [1.9089, 3.2911].
  EXPECT_EQ(RowOf(h, "measures", {"base", "kills"}),
            (std::vector<std::string>{"base", "kills", "10", "", "2.6000", "1.9089", "3.2911", "t"}));
  // Missiles per kill = 2 in every replication: zero width.
  EXPECT_EQ(RowOf(h, "measures", {"base", "missiles per kill"})[5], "2.0000");
  // Civil shots: 1 of 10 replications, Wilson [0.0179, 0.4042]; 2 missiles in 10 runs: mean 0.2.
  EXPECT_EQ(RowOf(h, "measures", {"two-radars", "P(shot at civil aircraft)"})[5], "0.0179");
  EXPECT_EQ(RowOf(h, "measures", {"two-radars", "P(shot at civil aircraft)"})[6], "0.4042");
  EXPECT_EQ(RowOf(h, "measures", {"two-radars", "civil shots"})[4], "0.2000");
  // Detect-to-identify 10, 20, …, 100 s: mean 55, s = √(8250/9) = 30.2765, t(9; 0.975) = 2.262157
  // → 55 ± 21.6585 = [33.3415, 76.6585].
  EXPECT_EQ(RowOf(h, "measures", {"base", "detect-to-identify time"}),
            (std::vector<std::string>{"base", "detect-to-identify time", "10", "", "55.0000", "33.3415", "76.6585",
                                      "t"}));

  // Paired: variant, measure, pairs, difference, lower, upper, interval, b, c, McNemar p.
  // Leakers: b = 5, c = 0 → p = 2·(½)⁵ = 0.0625; Δ = −0.5; Agresti–Min: n' = 12,
  // Δ' = −5/12, se = √(6 − 25/12)/12 = 0.164921 → [−0.7399, −0.0934].
  EXPECT_EQ(RowOf(h, "paired", {"two-radars", "P(at least one leaker)"}),
            (std::vector<std::string>{"two-radars", "P(at least one leaker)", "10", "-0.5000", "-0.7399", "-0.0934",
                                      "Agresti-Min", "5", "0", "0.06250"}));
  // Kills: differences 1 0 1 0 1 1 1 0 1 1 → 0.7 ± 2.262157·0.483046/√10 = [0.3544, 1.0456].
  EXPECT_EQ(RowOf(h, "paired", {"two-radars", "kills"}),
            (std::vector<std::string>{"two-radars", "kills", "10", "0.7000", "0.3544", "1.0456", "paired t", "", "",
                                      ""}));
  // Civil shot: b = 0, c = 1 → p = 1.
  EXPECT_EQ(RowOf(h, "paired", {"two-radars", "P(shot at civil aircraft)"})[9], "1.00000");
}

TEST_F(ReportCli, RefusesToOverwriteWithoutForce) {
  const std::string args = "report " + (dir_ / "results.sqlite").string() + " --out " + (dir_ / "r.html").string();
  ASSERT_EQ(RunIadsim(args + " --quiet").exit_code, 0);
  const std::string first = ReadFile(dir_ / "r.html");
  const auto again = RunIadsim(args);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.output.find("r.html: exists; pass --force to overwrite it"), std::string::npos) << again.output;
  const auto forced = RunIadsim(args + " --force --quiet");
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_EQ(ReadFile(dir_ / "r.html"), first);  // deterministic: same file, same bytes
}

TEST_F(ReportCli, ANonResultsFileIsAClearErrorWithExit2) {
  std::ofstream(dir_ / "scenario.yaml") << "scenario: {name: not results}\n";
  const auto r = RunIadsim("report " + (dir_ / "scenario.yaml").string() + " --out " + (dir_ / "x.html").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("scenario.yaml: not an iadsim results file"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "x.html"));
  const auto missing = RunIadsim("report " + (dir_ / "nope.sqlite").string() + " --out " + (dir_ / "x.html").string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("nope.sqlite: does not exist"), std::string::npos) << missing.output;
}

}  // namespace
}  // namespace iadsim::test
