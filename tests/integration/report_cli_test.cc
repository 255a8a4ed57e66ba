// iadsim report: a small results file built here with the SQLite C API, following
// docs/results.md (format version 2), turned into HTML by the command and read back by an
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

// The tables of docs/results.md (format version 2), the metadata of a batch of `runs` replications
// per variant, and the variants base (0) and `variant` (1).
void CreateResults(sqlite3* db, int runs, const std::string& variant) {
  Exec(db, fmt::format(R"sql(
CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE variants (variant_id INTEGER PRIMARY KEY, name TEXT UNIQUE, kind TEXT, overrides_path TEXT,
  overrides_text TEXT, assignments_json TEXT);
CREATE TABLE replications (variant_id INTEGER, variant TEXT NOT NULL, replication INTEGER, seed INTEGER,
  status TEXT, error TEXT, hostile_aircraft INTEGER, leakers INTEGER, hostile_destroyed INTEGER,
  aircraft_destroyed INTEGER, missiles_fired INTEGER, missiles_per_kill REAL, engagements INTEGER,
  friendly_engaged INTEGER, civil_engaged INTEGER, civil_shots INTEGER, friendly_shots INTEGER,
  friendly_destroyed INTEGER, civil_destroyed INTEGER, hostile_detected INTEGER, hostile_identified INTEGER,
  mean_detect_to_id_s REAL, max_detect_to_id_s REAL, first_detection_s REAL, events INTEGER,
  engine_wakeups INTEGER, wall_s REAL, rank INTEGER, PRIMARY KEY (variant_id, replication));
INSERT INTO metadata VALUES ('format_version', '2'), ('iadsim_version', '0.1.0'),
  ('scenario_path', 'scenarios/tiny.yaml'), ('scenario_text', 'scenario: {{name: Tiny raid & <test>, duration: 10 min}}'),
  ('seed', '42'), ('runs', '{0}'), ('command_line', 'iadsim batch scenarios/tiny.yaml --runs {0}'),
  ('variants_json', '[]'), ('fingerprint', '0'), ('created_utc', '2026-11-26T09:00:00Z');
INSERT INTO variants VALUES (0, 'base', 'base', NULL, NULL, '{{}}'),
  (1, '{1}', 'overrides', 'two.yaml', 'x: 1', '{{"units[1].sensors[0].power": "2 MW"}}');
)sql", runs, variant));
}

// One `ok` row of `replications`.
struct Row {
  int variant = 0, replication = 0;
  int leakers = 0, hostile_destroyed = 0, civil_shots = 0, friendly_destroyed = 0, civil_destroyed = 0;
  double detect_to_id_s = 30.0;
};

void Insert(sqlite3* db, const std::string& variant_name, const Row& r) {
  const int d = r.hostile_destroyed;
  Exec(db, fmt::format("INSERT INTO replications (variant_id, variant, replication, seed, status, error, hostile_aircraft, "
                       "leakers, hostile_destroyed, aircraft_destroyed, missiles_fired, missiles_per_kill, engagements, "
                       "friendly_engaged, civil_engaged, civil_shots, friendly_shots, friendly_destroyed, civil_destroyed, "
                       "hostile_detected, hostile_identified, mean_detect_to_id_s, max_detect_to_id_s, first_detection_s, "
                       "events, engine_wakeups, wall_s, rank) VALUES ({}, '{}', {}, 42, 'ok', NULL, 4, {}, {}, {}, {}, "
                       "{}, {}, 0, {}, {}, 0, {}, {}, 4, 4, {}, {}, 30.0, 100, 50, 0.1, 0)",
                       r.variant, variant_name, r.replication, r.leakers, d,
                       d + r.friendly_destroyed + r.civil_destroyed, 2 * d, d > 0 ? "2.0" : "NULL", 2 * d,
                       r.civil_shots > 0 ? 1 : 0, r.civil_shots, r.friendly_destroyed, r.civil_destroyed,
                       r.detect_to_id_s, r.detect_to_id_s));
}

// Baseline "base": 10 replications, a leaker in replications 0-6 (7 of 10), hostile destroyed
// 2 3 1 4 2 3 2 4 3 2. Variant "two-radars": a leaker in 0-1 only, hostile destroyed 3 3 2 4 3 4 3 4 4 3,
// a civil shot in replication 5; replication 10 failed. No friendly or civil aircraft lost.
void BuildResults(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  CreateResults(db, 10, "two-radars");
  const int base_kills[] = {2, 3, 1, 4, 2, 3, 2, 4, 3, 2};
  const int var_kills[] = {3, 3, 2, 4, 3, 4, 3, 4, 4, 3};
  for (int v = 0; v < 2; ++v) {
    for (int k = 0; k < 10; ++k) {
      Row r{v, k};
      r.hostile_destroyed = v == 0 ? base_kills[k] : var_kills[k];
      r.leakers = (v == 0 ? k < 7 : k < 2) ? 1 : 0;
      r.civil_shots = v == 1 && k == 5 ? 2 : 0;
      r.detect_to_id_s = 10.0 * (k + 1);
      Insert(db, v == 0 ? "base" : "two-radars", r);
    }
  }
  Exec(db, "INSERT INTO replications (variant_id, variant, replication, seed, status, error) VALUES "
           "(1, 'two-radars', 10, 42, 'failed', 'missile flyout diverged <at 12 s>')");
  sqlite3_close(db);
}

// 20 replications per variant. Baseline "base": a friendly aircraft lost in replications 0-3, a
// civil one in 3-6 (both in 3): a loss in 7 of 20. Variant "network-id": a friendly aircraft lost
// in replications 0 and 19 only (2 of 20).
void BuildLossResults(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  CreateResults(db, 20, "network-id");
  for (int k = 0; k < 20; ++k) {
    Row b{0, k};
    b.hostile_destroyed = 2;
    b.friendly_destroyed = k <= 3 ? 1 : 0;
    b.civil_destroyed = k >= 3 && k <= 6 ? 1 : 0;
    Insert(db, "base", b);
    Row v{1, k};
    v.hostile_destroyed = 2;
    v.friendly_destroyed = k == 0 || k == 19 ? 1 : 0;
    Insert(db, "network-id", v);
  }
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
  EXPECT_NE(std::find(h.other.begin(), h.other.end(), "svg 7"), h.other.end());  // 3 bar charts, 4 histograms

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
  // Hostile destroyed: mean 2.6, s² = 8.4/9, t(9; 0.975) = 2.262157 → 2.6 ± 0.6911 = [1.9089, 3.2911].
  EXPECT_EQ(RowOf(h, "measures", {"base", "hostile destroyed"}),
            (std::vector<std::string>{"base", "hostile destroyed", "10", "", "2.6000", "1.9089", "3.2911", "t"}));
  // No friendly or civil aircraft lost: 0 of 10, Wilson [0, 0.2775].
  EXPECT_EQ(RowOf(h, "measures", {"base", "P(friendly or civil aircraft lost)"}),
            (std::vector<std::string>{"base", "P(friendly or civil aircraft lost)", "10", "0", "0.0000", "0.0000",
                                      "0.2775", "Wilson"}));
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
  // Hostile destroyed: differences 1 0 1 0 1 1 1 0 1 1 → 0.7 ± 2.262157·0.483046/√10 = [0.3544, 1.0456].
  EXPECT_EQ(RowOf(h, "paired", {"two-radars", "hostile destroyed"}),
            (std::vector<std::string>{"two-radars", "hostile destroyed", "10", "0.7000", "0.3544", "1.0456", "paired t",
                                      "", "", ""}));
  // Civil shot: b = 0, c = 1 → p = 1.
  EXPECT_EQ(RowOf(h, "paired", {"two-radars", "P(shot at civil aircraft)"})[9], "1.00000");
}

// P(friendly or civil aircraft lost) = P(friendly_destroyed + civil_destroyed > 0), first among the
// measures, with its Wilson interval, its paired difference and the exact McNemar p.
TEST_F(ReportCli, FriendlyOrCivilLossComesFirstWithHandComputedStatistics) {
  BuildLossResults(dir_ / "loss.sqlite");
  const auto r = RunIadsim("report " + (dir_ / "loss.sqlite").string() + " --out " + (dir_ / "loss.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Read h = ReadReport(dir_ / "loss.html");
  ASSERT_EQ(h.exit_code, 0);
  const auto& measures = h.tables.at("measures");
  ASSERT_GE(measures.size(), 2u);
  EXPECT_EQ(measures[1].at(1), "P(friendly or civil aircraft lost)");  // first data row, after the header
  // 7 of 20 (replication 3 loses two aircraft: one event). Wilson, z = 1.959964, z² = 3.841459:
  // centre (0.35 + 0.096036)/1.192073 = 0.374172, half 1.644166·√(0.011375 + 0.002401) = 0.192978
  // → [0.1812, 0.5671].
  EXPECT_EQ(RowOf(h, "measures", {"base", "P(friendly or civil aircraft lost)"}),
            (std::vector<std::string>{"base", "P(friendly or civil aircraft lost)", "20", "7", "0.3500", "0.1812",
                                      "0.5671", "Wilson"}));
  // 2 of 20: centre (0.1 + 0.096036)/1.192073 = 0.164451, half 1.644166·√(0.0045 + 0.002401) = 0.136584
  // → [0.0279, 0.3010].
  EXPECT_EQ(RowOf(h, "measures", {"network-id", "P(friendly or civil aircraft lost)"}),
            (std::vector<std::string>{"network-id", "P(friendly or civil aircraft lost)", "20", "2", "0.1000",
                                      "0.0279", "0.3010", "Wilson"}));
  // Paired: b = 6 (replications 1-6: base only), c = 1 (replication 19: variant only), Δ = −5/20;
  // McNemar p = 2·(1 + 7)/2⁷ = 0.125; Agresti–Min: n' = 22, b' = 6.5, c' = 1.5, Δ' = −5/22,
  // se = √(8 − 25/22)/22 = 0.119084 → −0.227273 ± 0.233400 = [−0.4607, 0.0061].
  EXPECT_EQ(RowOf(h, "paired", {"network-id", "P(friendly or civil aircraft lost)"}),
            (std::vector<std::string>{"network-id", "P(friendly or civil aircraft lost)", "20", "-0.2500", "-0.4607",
                                      "0.0061", "Agresti-Min", "6", "1", "0.12500"}));
  EXPECT_EQ(h.tables.at("paired").at(1).at(1), "P(friendly or civil aircraft lost)");
}

// The Markdown headline (docs/incidents.md) carries the same hand-computed numbers, parsed here
// as a pipe table: 7 of 20 → 35.0 % [18.1, 56.7]; 2 of 20 → 10.0 % [2.8, 30.1]; Δ −25.0 points
// [−46.1, +0.6]; McNemar p 0.125.
TEST_F(ReportCli, MarkdownHeadlineTable) {
  BuildLossResults(dir_ / "loss.sqlite");
  const auto md = dir_ / "loss.md";
  const auto r = RunIadsim("report " + (dir_ / "loss.sqlite").string() + " --out " + (dir_ / "loss.html").string() +
                           " --markdown " + md.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(ReadFile(md));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream cs(line);
    for (std::string c; std::getline(cs, c, '|');) {
      const auto a = c.find_first_not_of(' '), b = c.find_last_not_of(' ');
      if (a != std::string::npos) cells.push_back(c.substr(a, b - a + 1));
    }
    rows.push_back(cells);
  }
  ASSERT_EQ(rows.size(), 4u);  // header, rule, two variants
  EXPECT_EQ(rows[2], (std::vector<std::string>{"base", "20", "35.0 % [18.1, 56.7] (7 of 20)", "–", "–"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"network-id", "20", "10.0 % [2.8, 30.1] (2 of 20)",
                                               "-25.0 points [-46.1, +0.6]", "0.1250"}));
}

TEST_F(ReportCli, AResultsFileOfFormatVersion1IsRefusedWithExit2) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "results.sqlite").c_str(), &db), SQLITE_OK);
    Exec(db, "UPDATE metadata SET value = '1' WHERE key = 'format_version'");
    sqlite3_close(db);
  }
  const auto r = RunIadsim("report " + (dir_ / "results.sqlite").string() + " --out " + (dir_ / "old.html").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("results.sqlite: not an iadsim results file (format_version 1, written by an older iadsim"),
            std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "old.html"));
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
