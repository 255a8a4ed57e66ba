// iadsim report: a small results file built here with the SQLite C API, following
// docs/results.md (format version 3), turned into HTML by the command and read back by an
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

// The tables of docs/results.md (format version 3), the metadata of a batch of `runs` replications
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
  mean_detect_to_id_s REAL, max_detect_to_id_s REAL, first_detection_s REAL, weapons_released INTEGER,
  weapons_on_target INTEGER, weapons_intercepted INTEGER, mean_weapon_miss_m REAL, ground_targets_destroyed INTEGER,
  attackers_lost INTEGER, defence_radars_lost INTEGER, interceptors_per_kill REAL, events INTEGER,
  engine_wakeups INTEGER, wall_s REAL, rank INTEGER, PRIMARY KEY (variant_id, replication));
INSERT INTO metadata VALUES ('format_version', '3'), ('iadsim_version', '0.1.0'),
  ('scenario_path', 'scenarios/tiny.yaml'), ('scenario_text', 'scenario: {{name: Tiny raid & <test>, duration: 10 min}}'),
  ('seed', '42'), ('runs', '{0}'), ('command_line', 'iadsim batch scenarios/tiny.yaml --runs {0}'),
  ('variants_json', '[]'), ('fingerprint', '0'), ('created_utc', '2026-11-26T09:00:00Z');
INSERT INTO variants VALUES (0, 'base', 'base', NULL, NULL, '{{}}'),
  (1, '{1}', 'overrides', 'two.yaml', 'x: 1', '{{"units[1].sensors[0].power": "2 MW"}}');
)sql", runs, variant));
}

// One `ok` row of `replications`. Missiles fired: 2 per hostile aircraft destroyed and 3 per
// weapon intercepted, so missiles_per_kill = fired / hostile_destroyed and interceptors_per_kill =
// fired / (hostile_destroyed + weapons_intercepted) (docs/results.md), NULL when the divisor is 0.
struct Row {
  int variant = 0, replication = 0;
  int leakers = 0, hostile_destroyed = 0, civil_shots = 0, friendly_destroyed = 0, civil_destroyed = 0;
  double detect_to_id_s = 30.0;
  // Strike columns (attackers_lost = hostile_destroyed).
  int weapons_released = 0, weapons_on_target = 0, weapons_intercepted = 0, ground_targets_destroyed = 0;
  int defence_radars_lost = 0;
  double weapon_miss_m = -1.0;  // < 0: NULL (no weapon landed)
};

std::string RealOrNull(bool defined, double v) { return defined ? fmt::format("{:.17g}", v) : "NULL"; }

void Insert(sqlite3* db, const std::string& variant_name, const Row& r) {
  const int d = r.hostile_destroyed, fired = 2 * d + 3 * r.weapons_intercepted;
  Exec(db, fmt::format("INSERT INTO replications (variant_id, variant, replication, seed, status, error, hostile_aircraft, "
                       "leakers, hostile_destroyed, aircraft_destroyed, missiles_fired, missiles_per_kill, engagements, "
                       "friendly_engaged, civil_engaged, civil_shots, friendly_shots, friendly_destroyed, civil_destroyed, "
                       "hostile_detected, hostile_identified, mean_detect_to_id_s, max_detect_to_id_s, first_detection_s, "
                       "weapons_released, weapons_on_target, weapons_intercepted, mean_weapon_miss_m, "
                       "ground_targets_destroyed, attackers_lost, defence_radars_lost, interceptors_per_kill, "
                       "events, engine_wakeups, wall_s, rank) VALUES ({}, '{}', {}, 42, 'ok', NULL, 4, {}, {}, {}, {}, "
                       "{}, {}, 0, {}, {}, 0, {}, {}, 4, 4, {}, {}, 30.0, {}, {}, {}, {}, {}, {}, {}, {}, 100, 50, 0.1, 0)",
                       r.variant, variant_name, r.replication, r.leakers, d,
                       d + r.friendly_destroyed + r.civil_destroyed, fired,
                       RealOrNull(d > 0, static_cast<double>(fired) / d), fired, r.civil_shots > 0 ? 1 : 0,
                       r.civil_shots, r.friendly_destroyed, r.civil_destroyed, r.detect_to_id_s, r.detect_to_id_s,
                       r.weapons_released, r.weapons_on_target, r.weapons_intercepted,
                       RealOrNull(r.weapon_miss_m >= 0.0, r.weapon_miss_m), r.ground_targets_destroyed, d,
                       r.defence_radars_lost,
                       RealOrNull(d + r.weapons_intercepted > 0,
                                  static_cast<double>(fired) / (d + r.weapons_intercepted))));
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

// A strike study, 10 replications per variant, 4 weapons released in each. Baseline "base" and
// variant "point-defence", by replication 0-9:
//   weapons on target     base 3 2 4 1 3 2 3 2 4 0     point-defence 1 2 1 0 2 1 1 0 2 0
//   weapons intercepted   base 0 1 0 2 0 1 0 1 0 4     point-defence 2 2 3 4 2 2 3 4 2 3
//   ground targets dest.  base 1 1 2 0 1 0 1 1 2 0     point-defence 0 1 0 0 1 0 0 0 1 0
//   mean weapon miss (m)  base 5 10 … 45, NULL         point-defence 20 30 20 NULL 30 20 30 NULL 20 30
//   attackers lost        base 1 0 1 2 1 0 1 1 0 1     point-defence 2 1 2 2 1 1 2 2 1 2
//   defence radars lost   base 1 0 0 1 0 0 1 0 0 1     point-defence 0 everywhere
// (NULL miss where every weapon was intercepted.) Interceptors per kill = (2·attackers + 3·intercepted)
// / (attackers + intercepted): base 2 3 2 2.5 2 3 2 2.5 NULL 2.8; point-defence
// 2.5 8/3 2.6 8/3 8/3 8/3 2.6 8/3 8/3 2.6.
void BuildStrikeResults(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  CreateResults(db, 10, "point-defence");
  const int on_target[2][10] = {{3, 2, 4, 1, 3, 2, 3, 2, 4, 0}, {1, 2, 1, 0, 2, 1, 1, 0, 2, 0}};
  const int intercepted[2][10] = {{0, 1, 0, 2, 0, 1, 0, 1, 0, 4}, {2, 2, 3, 4, 2, 2, 3, 4, 2, 3}};
  const int targets[2][10] = {{1, 1, 2, 0, 1, 0, 1, 1, 2, 0}, {0, 1, 0, 0, 1, 0, 0, 0, 1, 0}};
  const double miss[2][10] = {{5, 10, 15, 20, 25, 30, 35, 40, 45, -1}, {20, 30, 20, -1, 30, 20, 30, -1, 20, 30}};
  const int attackers[2][10] = {{1, 0, 1, 2, 1, 0, 1, 1, 0, 1}, {2, 1, 2, 2, 1, 1, 2, 2, 1, 2}};
  const int radars[2][10] = {{1, 0, 0, 1, 0, 0, 1, 0, 0, 1}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}};
  for (int v = 0; v < 2; ++v)
    for (int k = 0; k < 10; ++k) {
      Row r{v, k};
      r.hostile_destroyed = attackers[v][k];
      r.weapons_released = 4;
      r.weapons_on_target = on_target[v][k];
      r.weapons_intercepted = intercepted[v][k];
      r.ground_targets_destroyed = targets[v][k];
      r.weapon_miss_m = miss[v][k];
      r.defence_radars_lost = radars[v][k];
      Insert(db, v == 0 ? "base" : "point-defence", r);
    }
  sqlite3_close(db);
}

// The cells of a Markdown pipe table, one vector per line (header and rule included).
std::vector<std::vector<std::string>> MarkdownRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream cs(line);
    for (std::string c; std::getline(cs, c, '|');) {
      const auto a = c.find_first_not_of(' '), b = c.find_last_not_of(' ');
      if (a != std::string::npos) cells.push_back(c.substr(a, b - a + 1));
    }
    rows.push_back(cells);
  }
  return rows;
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
  // No weapon released in this file: no strike measure in the tables (incident reports stay as they were).
  for (const char* strike : {"weapons released", "P(ground target destroyed)", "mean weapon miss", "interceptors per kill"}) {
    EXPECT_TRUE(RowOf(h, "measures", {"base", strike}).empty()) << strike;
    EXPECT_TRUE(RowOf(h, "paired", {"two-radars", strike}).empty()) << strike;
  }
  EXPECT_EQ(h.tables.at("measures").size(), 1u + 2u * 10u);  // header + 10 measures per variant
}

// The strike measures of BuildStrikeResults, checked against hand calculations (z = 1.959964;
// t(9; 0.975) = 2.262157, t(8) = 2.306004, t(7) = 2.364624, t(6) = 2.446912).
TEST_F(ReportCli, StrikeMeasuresCarryTheHandComputedStatistics) {
  BuildStrikeResults(dir_ / "strike.sqlite");
  const auto r = RunIadsim("report " + (dir_ / "strike.sqlite").string() + " --out " + (dir_ / "s.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Read h = ReadReport(dir_ / "s.html");
  ASSERT_EQ(h.exit_code, 0);
  using V = std::vector<std::string>;
  // The incident measures stay, first.
  EXPECT_EQ(h.tables.at("measures").at(1).at(1), "P(friendly or civil aircraft lost)");
  // Weapons released: 4 in every replication → zero width.
  EXPECT_EQ(RowOf(h, "measures", {"base", "weapons released"}),
            (V{"base", "weapons released", "10", "", "4.0000", "4.0000", "4.0000", "t"}));
  // Weapons on target, base: sum 25 − 1 = 24 → mean 2.4, Σ(x − 2.4)² = 14.4, s = √1.6 = 1.264911,
  // half 2.262157·1.264911/√10 = 0.904863 → [1.4951, 3.3049].
  EXPECT_EQ(RowOf(h, "measures", {"base", "weapons on target"}),
            (V{"base", "weapons on target", "10", "", "2.4000", "1.4951", "3.3049", "t"}));
  // Point-defence: mean 1.0, Σ(x − 1)² = 6, s = √(6/9) = 0.816497, half 0.584086 → [0.4159, 1.5841].
  EXPECT_EQ(RowOf(h, "measures", {"point-defence", "weapons on target"}),
            (V{"point-defence", "weapons on target", "10", "", "1.0000", "0.4159", "1.5841", "t"}));
  // P(ground target destroyed): 7 of 10 (Wilson [0.3968, 0.8922]) and 3 of 10: centre
  // (0.3 + 0.192073)/1.384146 = 0.355507, half 1.415999·√(0.021 + 0.009604) = 0.247716 → [0.1078, 0.6032].
  EXPECT_EQ(RowOf(h, "measures", {"base", "P(ground target destroyed)"}),
            (V{"base", "P(ground target destroyed)", "10", "7", "0.7000", "0.3968", "0.8922", "Wilson"}));
  EXPECT_EQ(RowOf(h, "measures", {"point-defence", "P(ground target destroyed)"}),
            (V{"point-defence", "P(ground target destroyed)", "10", "3", "0.3000", "0.1078", "0.6032", "Wilson"}));
  // Ground targets destroyed, base: 1 1 2 0 1 0 1 1 2 0, mean 0.9, Σ(x − 0.9)² = 4.9,
  // s = 0.737865, half 0.527837 → [0.3722, 1.4278].
  EXPECT_EQ(RowOf(h, "measures", {"base", "ground targets destroyed"}),
            (V{"base", "ground targets destroyed", "10", "", "0.9000", "0.3722", "1.4278", "t"}));
  // Mean weapon miss, base: 5 … 45 m with replication 9 NULL → n = 9, mean 25, Σ = 1500,
  // s = √187.5 = 13.693064, half 2.306004·13.693064/3 = 10.525421 → [14.4746, 35.5254].
  EXPECT_EQ(RowOf(h, "measures", {"base", "mean weapon miss"}),
            (V{"base", "mean weapon miss", "9", "", "25.0000", "14.4746", "35.5254", "t"}));
  // Point-defence: two NULL → n = 8, 20 and 30 four times each: mean 25, s = √(200/7) = 5.345225,
  // half 2.364624·5.345225/√8 = 4.468720 → [20.5313, 29.4687].
  EXPECT_EQ(RowOf(h, "measures", {"point-defence", "mean weapon miss"}),
            (V{"point-defence", "mean weapon miss", "8", "", "25.0000", "20.5313", "29.4687", "t"}));
  // Weapons intercepted, base: mean 0.9, Σ(x − 0.9)² = 14.9, s = 1.286684, half 0.920438 → [−0.0204, 1.8204].
  EXPECT_EQ(RowOf(h, "measures", {"base", "weapons intercepted"}),
            (V{"base", "weapons intercepted", "10", "", "0.9000", "-0.0204", "1.8204", "t"}));
  // Attackers lost, point-defence: mean 1.6, Σ = 2.4, s = 0.516398, half 0.369409 → [1.2306, 1.9694].
  EXPECT_EQ(RowOf(h, "measures", {"point-defence", "attackers lost"}),
            (V{"point-defence", "attackers lost", "10", "", "1.6000", "1.2306", "1.9694", "t"}));
  // Defence radars lost: base 4 of 10 → mean 0.4, s = √(2.4/9) = 0.516398, half 0.369409 →
  // [0.0306, 0.7694]; point-defence none → [0, 0].
  EXPECT_EQ(RowOf(h, "measures", {"base", "defence radars lost"}),
            (V{"base", "defence radars lost", "10", "", "0.4000", "0.0306", "0.7694", "t"}));
  EXPECT_EQ(RowOf(h, "measures", {"point-defence", "defence radars lost"})[6], "0.0000");
  // Interceptors per kill, base: replication 8 NULL → n = 9, values 2 3 2 2.5 2 3 2 2.5 2.8: mean
  // 21.8/9 = 2.422222, s = 0.438115, half 2.306004·0.438115/3 = 0.336765 → [2.0855, 2.7590].
  EXPECT_EQ(RowOf(h, "measures", {"base", "interceptors per kill"}),
            (V{"base", "interceptors per kill", "9", "", "2.4222", "2.0855", "2.7590", "t"}));

  // Paired (point-defence − base).
  // Weapons on target: d = −2 0 −3 −1 −1 −1 −2 −2 −2 0, mean −1.4, s = 0.966092, half 0.691100.
  EXPECT_EQ(RowOf(h, "paired", {"point-defence", "weapons on target"}),
            (V{"point-defence", "weapons on target", "10", "-1.4000", "-2.0911", "-0.7089", "paired t", "", "", ""}));
  // P(ground target destroyed): base only in 0, 2, 6, 7 (b = 4), variant only nowhere (c = 0):
  // Δ = −0.4, McNemar p = 2·(½)⁴ = 0.125; Agresti–Min: n' = 12, b' = 4.5, c' = 0.5, Δ' = −1/3,
  // se = √(5 − 16/12)/12 = 0.159571, half 0.312754 → [−0.6461, −0.0206].
  EXPECT_EQ(RowOf(h, "paired", {"point-defence", "P(ground target destroyed)"}),
            (V{"point-defence", "P(ground target destroyed)", "10", "-0.4000", "-0.6461", "-0.0206", "Agresti-Min", "4",
               "0", "0.12500"}));
  // Mean weapon miss: pairs where both are defined: 0 1 2 4 5 6 8 (7 pairs), d = 15 20 5 5 −10 −5 −25:
  // mean 5/7 = 0.714286, s = 15.391711, half 2.446912·15.391711/√7 = 14.234959 → [−13.5207, 14.9492].
  EXPECT_EQ(RowOf(h, "paired", {"point-defence", "mean weapon miss"}),
            (V{"point-defence", "mean weapon miss", "7", "0.7143", "-13.5207", "14.9492", "paired t", "", "", ""}));
  // Attackers lost: d = 1 1 1 0 0 1 1 1 1 1, mean 0.8, s = 0.421637, half 0.301621 → [0.4984, 1.1016].
  EXPECT_EQ(RowOf(h, "paired", {"point-defence", "attackers lost"}),
            (V{"point-defence", "attackers lost", "10", "0.8000", "0.4984", "1.1016", "paired t", "", "", ""}));
}

// --markdown with --measure: one row per (measure, variant), the hand numbers of the test above
// rounded to three significant digits (proportions: percent, one decimal).
TEST_F(ReportCli, MarkdownMeasureTable) {
  BuildStrikeResults(dir_ / "strike.sqlite");
  const auto md = dir_ / "strike.md";
  const auto r = RunIadsim("report " + (dir_ / "strike.sqlite").string() + " --out " + (dir_ / "s.html").string() +
                           " --markdown " + md.string() +
                           " --measure 'weapons on target' --measure 'P(ground target destroyed)' --measure 'mean "
                           "weapon miss' --measure 'interceptors per kill' --measure 'weapons released'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto rows = MarkdownRows(ReadFile(md));
  using V = std::vector<std::string>;
  ASSERT_EQ(rows.size(), 12u);  // header, rule, 5 measures × 2 variants
  EXPECT_EQ(rows[0], (V{"measure", "variant", "estimate (95 % CI)", "n", "difference to base (95 % CI)", "McNemar p"}));
  EXPECT_EQ(rows[2], (V{"weapons on target", "base", "2.40 [1.50, 3.30] weapons", "10", "–", "–"}));
  EXPECT_EQ(rows[3], (V{"weapons on target", "point-defence", "1.00 [0.42, 1.58] weapons", "10",
                        "-1.40 [-2.09, -0.71] weapons", "–"}));
  EXPECT_EQ(rows[4], (V{"P(ground target destroyed)", "base", "70.0 % [39.7, 89.2]", "10", "–", "–"}));
  EXPECT_EQ(rows[5], (V{"P(ground target destroyed)", "point-defence", "30.0 % [10.8, 60.3]", "10",
                        "-40.0 points [-64.6, -2.1]", "0.1250"}));
  EXPECT_EQ(rows[6], (V{"mean weapon miss", "base", "25.0 [14.5, 35.5] m", "9", "–", "–"}));
  EXPECT_EQ(rows[7], (V{"mean weapon miss", "point-defence", "25.0 [20.5, 29.5] m", "8", "+0.7 [-13.5, +14.9] m", "–"}));
  // Interceptors per kill, point-defence: 2.5, 8/3 six times, 2.6 three times: mean 2.63,
  // s = 0.055444, half 0.039662 → [2.5903, 2.6697]; paired over 9 pairs: mean 0.203704,
  // s = 0.412123, half 0.316786 → [−0.1131, 0.5205].
  EXPECT_EQ(rows[8], (V{"interceptors per kill", "base", "2.42 [2.09, 2.76] missiles", "9", "–", "–"}));
  EXPECT_EQ(rows[9], (V{"interceptors per kill", "point-defence", "2.63 [2.59, 2.67] missiles", "10",
                        "+0.204 [-0.113, +0.520] missiles", "–"}));
  EXPECT_EQ(rows[10], (V{"weapons released", "base", "4.00 [4.00, 4.00] weapons", "10", "–", "–"}));
  EXPECT_EQ(rows[11], (V{"weapons released", "point-defence", "4.00 [4.00, 4.00] weapons", "10",
                         "+0.00 [+0.00, +0.00] weapons", "–"}));
}

TEST_F(ReportCli, AnUnknownMeasureIsExit2ListingTheKnownNames) {
  const std::string base = "report " + (dir_ / "results.sqlite").string() + " --out " + (dir_ / "u.html").string();
  const auto r = RunIadsim(base + " --markdown " + (dir_ / "u.md").string() +
                           " --measure 'hostile destroyed' --measure 'weapons fired'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--measure: unknown measure 'weapons fired'; the measures are 'P(friendly or civil aircraft "
                          "lost)', 'friendly or civil aircraft destroyed', 'P(at least one leaker)'"),
            std::string::npos) << r.output;
  EXPECT_NE(r.output.find("'weapons on target'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("'interceptors per kill'"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("unknown measure 'hostile destroyed'"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "u.html"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "u.md"));
  // --measure chooses Markdown rows: without --markdown it is an error too.
  const auto alone = RunIadsim(base + " --measure 'hostile destroyed'");
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.output.find("--measure: chooses the rows of the --markdown table"), std::string::npos) << alone.output;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "u.html"));
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
  // The count of aircraft lost, a mean: base 1 1 1 2 1 1 1 and 13 zeros (replication 3 loses two):
  // 0.4, s² = (10 − 20·0.16)/19 = 0.357895, t(19; 0.975) = 2.093024 → 0.4 ± 0.279986 = [0.1200, 0.6800];
  // network-id 0.1, s² = 1.8/19 → 0.1 ± 0.144051 = [−0.0441, 0.2441]; paired differences 0 −1 −1 −2 −1
  // −1 −1, 12 zeros and +1: −0.3, s² = 8.2/19 → −0.3 ± 0.307462 = [−0.6075, 0.0075].
  EXPECT_EQ(RowOf(h, "measures", {"base", "friendly or civil aircraft destroyed"}),
            (std::vector<std::string>{"base", "friendly or civil aircraft destroyed", "20", "", "0.4000", "0.1200",
                                      "0.6800", "t"}));
  EXPECT_EQ(RowOf(h, "measures", {"network-id", "friendly or civil aircraft destroyed"})[5], "-0.0441");
  EXPECT_EQ(RowOf(h, "paired", {"network-id", "friendly or civil aircraft destroyed"}),
            (std::vector<std::string>{"network-id", "friendly or civil aircraft destroyed", "20", "-0.3000", "-0.6075",
                                      "0.0075", "paired t", "", "", ""}));
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
