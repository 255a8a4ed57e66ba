#include "iadsim/io/report_html.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "iadsim/core/error.h"
#include "iadsim/io/report_markdown.h"

namespace iadsim {
namespace {

// Baseline: 10 replications, a leaker in 0-6 (7/10), hostile destroyed 2 3 1 4 2 3 2 4 3 2,
// detect-to-identify 10, 20, …, 90 s and NULL in the last, a friendly aircraft lost in 0-2 and a
// civil one in 2-3 (3 replications with a friendly, 2 with a civil loss, 4 with either).
// Variant: a leaker in 0-1 only (2/10), hostile destroyed 3 3 2 4 3 4 3 4 4 3, one friendly
// engagement in replication 3, a friendly aircraft lost in replication 9 only, and replication 10 failed.
ReportInput Input() {
  ReportInput in;
  in.scenario_name = "Coastal <defence> & \"test\"";
  in.seed = 7;
  in.runs = 10;
  const int base_kills[] = {2, 3, 1, 4, 2, 3, 2, 4, 3, 2};
  const int var_kills[] = {3, 3, 2, 4, 3, 4, 3, 4, 4, 3};
  ReportVariant base{0, "base", "base"}, var{1, "two <radars>", "overrides"};
  for (int k = 0; k < 10; ++k) {
    ReportReplication b;
    b.replication = k;
    b.ok = true;
    b.hostile_aircraft = 4;
    b.leakers = k < 7 ? 1 : 0;
    b.hostile_destroyed = base_kills[k];
    b.missiles_fired = 2 * b.hostile_destroyed;
    b.friendly_destroyed = k <= 2 ? 1 : 0;
    b.civil_destroyed = k == 2 || k == 3 ? 1 : 0;
    b.missiles_per_kill = 2.0;
    if (k < 9) b.mean_detect_to_id_s = 10.0 * (k + 1);
    base.replications.push_back(b);
    ReportReplication v = b;
    v.leakers = k < 2 ? 1 : 0;
    v.hostile_destroyed = var_kills[k];
    v.friendly_engaged = k == 3 ? 1 : 0;
    v.friendly_destroyed = k == 9 ? 1 : 0;
    v.civil_destroyed = 0;
    var.replications.push_back(v);
  }
  ReportReplication failed;
  failed.replication = 10;
  failed.error = "interceptor <diverged> & stopped";
  var.replications.push_back(failed);
  in.variants = {base, var};
  return in;
}

const MeasureEstimate& Find(const VariantReport& r, const std::string& name) {
  for (const MeasureEstimate& e : r.measures)
    if (e.measure == name) return e;
  throw std::runtime_error("no measure " + name);
}
const PairedEstimate& FindPaired(const VariantReport& r, const std::string& name) {
  for (const PairedEstimate& e : r.paired)
    if (e.measure == name) return e;
  throw std::runtime_error("no paired measure " + name);
}

TEST(ReportHtml, MeasuresMatchHandCalculations) {
  const std::vector<VariantReport> r = ComputeReport(Input());
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].done, 10);
  EXPECT_EQ(r[0].failed, 0);
  EXPECT_EQ(r[1].done, 10);
  EXPECT_EQ(r[1].failed, 1);
  // 7/10 leakers: Wilson [0.39678, 0.89221] (hand, z = 1.959964).
  const MeasureEstimate& leak = Find(r[0], "P(at least one leaker)");
  EXPECT_EQ(leak.events, 7);
  EXPECT_EQ(leak.n, 10);
  EXPECT_NEAR(leak.ci->lower, 0.396778, 1e-6);
  EXPECT_NEAR(leak.ci->upper, 0.892209, 1e-6);
  // Hostile destroyed: mean 2.6, s = √(8.4/9) = 0.966092, t(9) = 2.262157 → [1.908900, 3.291100].
  const MeasureEstimate& destroyed = Find(r[0], "hostile destroyed");
  EXPECT_NEAR(destroyed.estimate, 2.6, 1e-12);
  EXPECT_NEAR(destroyed.ci->lower, 1.908900, 1e-6);
  EXPECT_NEAR(destroyed.ci->upper, 3.291100, 1e-6);
  // Detect-to-identify: the NULL replication is left out: n = 9, mean 50, s = √750, t(8) = 2.306004
  // → [28.949159, 71.050841].
  const MeasureEstimate& det = Find(r[0], "detect-to-identify time");
  EXPECT_EQ(det.n, 9);
  EXPECT_NEAR(det.ci->lower, 28.949159, 1e-5);
  EXPECT_NEAR(det.ci->upper, 71.050841, 1e-5);
  // 0/10 friendly engagements in the baseline: [0, 0.27753]; 1/10 in the variant: [0.017876, 0.404150].
  EXPECT_NEAR(Find(r[0], "P(friendly aircraft engaged)").ci->upper, 0.277533, 1e-6);
  EXPECT_NEAR(Find(r[1], "P(friendly aircraft engaged)").ci->lower, 0.017876, 1e-6);
  // The failed replication counts in no measure.
  EXPECT_EQ(Find(r[1], "hostile destroyed").n, 10);
}

// P(friendly or civil aircraft lost) counts replications, not aircraft (replication 2 loses both
// a friendly and a civil aircraft: one event), and comes first among the measures.
TEST(ReportHtml, FriendlyOrCivilLossIsTheFirstMeasure) {
  const std::vector<VariantReport> r = ComputeReport(Input());
  for (const VariantReport& v : r) EXPECT_EQ(v.measures.front().measure, "P(friendly or civil aircraft lost)");
  EXPECT_EQ(r[1].paired.front().measure, "P(friendly or civil aircraft lost)");
  const MeasureEstimate& base = Find(r[0], "P(friendly or civil aircraft lost)");
  EXPECT_TRUE(base.proportion);
  EXPECT_EQ(base.n, 10);
  EXPECT_EQ(base.events, 4);
  // 4/10, Wilson (z = 1.959964): centre (0.4 + 0.192073)/1.384146 = 0.427753,
  // half 1.415999·√(0.024 + 0.0096037) = 0.259573 → [0.168180, 0.687326].
  EXPECT_NEAR(base.ci->lower, 0.168180, 1e-6);
  EXPECT_NEAR(base.ci->upper, 0.687326, 1e-6);
  // Paired: lost in the baseline only in 0-3 (b = 4), in the variant only in 9 (c = 1): Δ = −0.3,
  // McNemar p = 2·(1 + 5)/32 = 0.375; Agresti–Min: n' = 12, b' = 4.5, c' = 1.5, Δ' = −0.25,
  // se = √(6 − 9/12)/12 = 0.190941 → [−0.624237, 0.124237].
  const PairedEstimate& lost = FindPaired(r[1], "P(friendly or civil aircraft lost)");
  EXPECT_EQ(lost.pairs, 10);
  EXPECT_EQ(lost.baseline_only, 4);
  EXPECT_EQ(lost.variant_only, 1);
  EXPECT_DOUBLE_EQ(lost.difference->estimate, -0.3);
  EXPECT_NEAR(lost.difference->lower, -0.624237, 1e-6);
  EXPECT_NEAR(lost.difference->upper, 0.124237, 1e-6);
  EXPECT_DOUBLE_EQ(*lost.mcnemar_p, 0.375);
}

TEST(ReportHtml, PairedDifferencesMatchHandCalculations) {
  const std::vector<VariantReport> r = ComputeReport(Input());
  EXPECT_TRUE(r[0].paired.empty());
  // Leakers: b = 5 (replications 2-6), c = 0 → McNemar p = 2/32 = 0.0625; Δ = −0.5;
  // Agresti–Min: n' = 12, Δ' = −5/12, se = √(6 − 25/12)/12 → [−0.739907, −0.093427].
  const PairedEstimate& leak = FindPaired(r[1], "P(at least one leaker)");
  EXPECT_EQ(leak.pairs, 10);
  EXPECT_EQ(leak.baseline_only, 5);
  EXPECT_EQ(leak.variant_only, 0);
  EXPECT_DOUBLE_EQ(*leak.mcnemar_p, 0.0625);
  EXPECT_DOUBLE_EQ(leak.difference->estimate, -0.5);
  EXPECT_NEAR(leak.difference->lower, -0.739907, 1e-6);
  EXPECT_NEAR(leak.difference->upper, -0.093427, 1e-6);
  // Hostile destroyed: differences 1 0 1 0 1 1 1 0 1 1, mean 0.7, s = 0.483046 → [0.354450, 1.045550].
  const PairedEstimate& destroyed = FindPaired(r[1], "hostile destroyed");
  EXPECT_NEAR(destroyed.difference->estimate, 0.7, 1e-12);
  EXPECT_NEAR(destroyed.difference->lower, 0.354450, 1e-6);
  EXPECT_NEAR(destroyed.difference->upper, 1.045550, 1e-6);
  EXPECT_FALSE(destroyed.mcnemar_p.has_value());
  // Friendly engaged: b = 0, c = 1 → p = min(1, 2·½) = 1.
  EXPECT_EQ(*FindPaired(r[1], "P(friendly aircraft engaged)").mcnemar_p, 1.0);
}

TEST(ReportHtml, HtmlIsSelfContainedEscapedAndDeterministic) {
  const std::string h = RenderReportHtml(Input());
  EXPECT_EQ(h, RenderReportHtml(Input()));
  EXPECT_NE(h.find("Coastal &lt;defence&gt; &amp; &quot;test&quot;"), std::string::npos);
  EXPECT_NE(h.find("interceptor &lt;diverged&gt; &amp; stopped"), std::string::npos);
  EXPECT_EQ(h.find("<script"), std::string::npos);
  EXPECT_EQ(h.find("<link"), std::string::npos);
  EXPECT_EQ(h.find("<img"), std::string::npos);
  EXPECT_EQ(h.find("src="), std::string::npos);
  EXPECT_EQ(h.find("href="), std::string::npos);
  EXPECT_EQ(h.find("@import"), std::string::npos);
  EXPECT_EQ(h.find("url("), std::string::npos);
  // Three bar charts (P lost, P leaker, P civil shot) + (hostile destroyed, detect-to-identify)
  // histograms for 2 variants.
  std::size_t svgs = 0;
  for (std::size_t p = h.find("<svg"); p != std::string::npos; p = h.find("<svg", p + 1)) ++svgs;
  EXPECT_EQ(svgs, 7u);
}

TEST(ReportHtml, SweepVariantsGetPlotsAgainstTheirParameter) {
  ReportInput in = Input();
  in.variants[0].kind = "sweep";
  in.variants[0].assignments_json = R"({"units[0].weapons[0].max_range": "40 km"})";
  in.variants[1].kind = "sweep";
  in.variants[1].assignments_json = R"({"units[0].weapons[0].max_range": "80 km"})";
  const std::string h = RenderReportHtml(in);
  EXPECT_NE(h.find("P(at least one leaker) against units[0].weapons[0].max_range"), std::string::npos);
  EXPECT_NE(h.find("units[0].weapons[0].max_range (km)"), std::string::npos);
  EXPECT_NE(h.find("data-x=\"40\" data-y=\"0.7\""), std::string::npos);
  EXPECT_NE(h.find("data-x=\"80\" data-y=\"0.2\""), std::string::npos);
}

std::filesystem::path TempFile(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("iadsim-report-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / name);
  return dir / name;
}

void Sql(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string ErrorOf(const std::filesystem::path& file) {
  try {
    ReadResultsForReport(file);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

TEST(ReportHtml, RefusesFilesThatAreNotResultsFiles) {
  const auto text = TempFile("notes.txt");
  std::ofstream(text) << "scenario: {name: x}\n";
  EXPECT_TRUE(std::regex_search(ErrorOf(text), std::regex("notes\\.txt: not an iadsim results file \\(SQLite: file is not a database\\)")))
      << ErrorOf(text);
  const auto other = TempFile("other.sqlite");
  Sql(other, "CREATE TABLE t(x INTEGER);");
  EXPECT_TRUE(std::regex_search(ErrorOf(other), std::regex("other\\.sqlite: not an iadsim results file \\(SQLite: no such table: metadata\\)")))
      << ErrorOf(other);
  const auto future = TempFile("future.sqlite");
  Sql(future, "CREATE TABLE metadata(key TEXT PRIMARY KEY, value TEXT); INSERT INTO metadata VALUES('format_version','4');");
  EXPECT_TRUE(std::regex_search(ErrorOf(future), std::regex("format_version 4; this iadsim reads version 3"))) << ErrorOf(future);
  Sql(future, "UPDATE metadata SET value='1' WHERE key='format_version';");
  EXPECT_TRUE(std::regex_search(ErrorOf(future), std::regex("future\\.sqlite: not an iadsim results file \\(format_version 1, "
                                                            "written by an older iadsim.*run the batch again")))
      << ErrorOf(future);
  EXPECT_TRUE(std::regex_search(ErrorOf(TempFile("missing.sqlite")), std::regex("missing\\.sqlite: does not exist")));
}

TEST(ReportHtml, RejectsBrokenRowsWithTheirKeyPath) {
  const auto bad = TempFile("bad.sqlite");
  Sql(bad,
      "CREATE TABLE metadata(key TEXT PRIMARY KEY, value TEXT); INSERT INTO metadata VALUES('format_version','3');"
      "CREATE TABLE variants(variant_id INTEGER PRIMARY KEY, name TEXT, kind TEXT, overrides_path TEXT,"
      " overrides_text TEXT, assignments_json TEXT); INSERT INTO variants VALUES(0,'base','base',NULL,NULL,'{}');"
      "CREATE TABLE replications(variant_id INTEGER, replication INTEGER, status TEXT, error TEXT,"
      " hostile_aircraft INTEGER, leakers INTEGER, hostile_destroyed INTEGER, missiles_fired INTEGER,"
      " friendly_engaged INTEGER, civil_engaged INTEGER, friendly_shots INTEGER, civil_shots INTEGER,"
      " friendly_destroyed INTEGER, civil_destroyed INTEGER, missiles_per_kill REAL, mean_detect_to_id_s REAL,"
      " weapons_released INTEGER, weapons_on_target INTEGER, weapons_intercepted INTEGER, mean_weapon_miss_m REAL,"
      " ground_targets_destroyed INTEGER, attackers_lost INTEGER, defence_radars_lost INTEGER,"
      " interceptors_per_kill REAL);"
      "INSERT INTO replications VALUES(0,0,'ok',NULL,4,1,NULL,2,0,0,0,0,0,0,NULL,NULL,0,0,0,NULL,0,0,0,NULL);"
      "INSERT INTO replications VALUES(0,1,'maybe',NULL,4,1,3,2,0,0,0,0,0,0,NULL,NULL,0,0,0,NULL,0,0,0,NULL);"
      "INSERT INTO replications VALUES(0,2,'ok',NULL,4,1,3,2,0,0,0,0,0,0,NULL,NULL,2,NULL,0,NULL,0,0,0,NULL);");
  const std::string e = ErrorOf(bad);
  EXPECT_NE(e.find("replications[variant_id 0, replication 0].hostile_destroyed: is NULL in a replication with status ok"),
            std::string::npos) << e;
  EXPECT_NE(e.find("replications[variant_id 0, replication 1].status: must be ok or failed (got 'maybe')"),
            std::string::npos) << e;
  EXPECT_NE(e.find("replications[variant_id 0, replication 2].weapons_on_target: is NULL in a replication with status ok"),
            std::string::npos) << e;
}

// A strike study: 4 replications per variant (baseline, then "escort"). Per replication 0-3:
//   weapons released 4 4 4 4 | 4 4 4 4;   on target 1 2 3 2 | 0 1 1 2
//   ground targets destroyed 1 0 1 1 | 0 0 1 1;   mean miss (m) 10 20 NULL 30 | 1200 1300 NULL NULL
//   interceptors per kill 2 NULL 3 4 | 1 1 1 1
ReportInput StrikeInput() {
  ReportInput in;
  in.runs = 4;
  ReportVariant base{0, "base", "base"}, escort{1, "escort", "overrides"};
  const int on_target[2][4] = {{1, 2, 3, 2}, {0, 1, 1, 2}};
  const int targets[2][4] = {{1, 0, 1, 1}, {0, 0, 1, 1}};
  const std::optional<double> miss[2][4] = {{10.0, 20.0, std::nullopt, 30.0}, {1200.0, 1300.0, std::nullopt, std::nullopt}};
  const std::optional<double> ipk[2][4] = {{2.0, std::nullopt, 3.0, 4.0}, {1.0, 1.0, 1.0, 1.0}};
  for (int v = 0; v < 2; ++v)
    for (int k = 0; k < 4; ++k) {
      ReportReplication r;
      r.replication = k;
      r.ok = true;
      r.weapons_released = 4;
      r.weapons_on_target = on_target[v][k];
      r.ground_targets_destroyed = targets[v][k];
      r.mean_weapon_miss_m = miss[v][k];
      r.interceptors_per_kill = ipk[v][k];
      (v == 0 ? base : escort).replications.push_back(r);
    }
  in.variants = {base, escort};
  return in;
}

TEST(ReportHtml, StrikeMeasuresFollowTheIncidentOnesWithHandCalculations) {
  const std::vector<MeasureInfo>& all = ReportMeasures();
  ASSERT_EQ(all.size(), 19u);
  EXPECT_EQ(all[9].name, "detect-to-identify time");
  EXPECT_FALSE(all[9].strike);
  EXPECT_EQ(all[10].name, "weapons released");
  EXPECT_TRUE(all[10].strike);
  EXPECT_EQ(all[18].name, "interceptors per kill");
  const std::vector<VariantReport> r = ComputeReport(StrikeInput());
  // Weapons on target, base: 1 2 3 2 → mean 2, s = √(2/3) = 0.816497, t(3; 0.975) = 3.182446,
  // half 1.299228 → [0.700772, 3.299228].
  const MeasureEstimate& on = Find(r[0], "weapons on target");
  EXPECT_EQ(on.unit, "weapons");
  EXPECT_NEAR(on.ci->lower, 0.700772, 1e-6);
  EXPECT_NEAR(on.ci->upper, 3.299228, 1e-6);
  // P(ground target destroyed): 3 of 4, Wilson: centre (0.75 + 0.480191)/1.960365 = 0.627527,
  // half 0.999796·√(0.046875 + 0.060023) = 0.326885 → [0.300642, 0.954413].
  const MeasureEstimate& p = Find(r[0], "P(ground target destroyed)");
  EXPECT_TRUE(p.proportion);
  EXPECT_EQ(p.events, 3);
  EXPECT_NEAR(p.ci->lower, 0.300642, 1e-6);
  EXPECT_NEAR(p.ci->upper, 0.954413, 1e-6);
  // Mean weapon miss: NULL left out: n = 3, mean 20, s = 10, t(2) = 4.302653 → [−4.841377, 44.841377].
  const MeasureEstimate& miss = Find(r[0], "mean weapon miss");
  EXPECT_EQ(miss.n, 3);
  EXPECT_EQ(miss.unit, "m");
  EXPECT_NEAR(miss.ci->lower, -4.841377, 1e-5);
  // Interceptors per kill, base: 2 3 4 → mean 3; escort: 1 everywhere → zero width.
  EXPECT_EQ(Find(r[0], "interceptors per kill").n, 3);
  EXPECT_DOUBLE_EQ(Find(r[0], "interceptors per kill").estimate, 3.0);
  EXPECT_DOUBLE_EQ(Find(r[1], "interceptors per kill").ci->upper, 1.0);
  // Paired ground targets: base only in 0 (b = 1), variant only nowhere: Δ = −0.25, McNemar p = 1.
  const PairedEstimate& pt = FindPaired(r[1], "P(ground target destroyed)");
  EXPECT_EQ(pt.baseline_only, 1);
  EXPECT_EQ(pt.variant_only, 0);
  EXPECT_DOUBLE_EQ(pt.difference->estimate, -0.25);
  EXPECT_DOUBLE_EQ(*pt.mcnemar_p, 1.0);
  // Paired miss: only replications 0 and 1 have both: d = 1190, 1280 → mean 1235.
  EXPECT_EQ(FindPaired(r[1], "mean weapon miss").pairs, 2);
  EXPECT_DOUBLE_EQ(FindPaired(r[1], "mean weapon miss").difference->estimate, 1235.0);
}

// Strike rows appear in the HTML only when some replication released a weapon.
TEST(ReportHtml, StrikeMeasuresShowOnlyWhenAWeaponWasReleased) {
  EXPECT_FALSE(AnyWeaponReleased(Input()));
  const std::string incident = RenderReportHtml(Input());
  EXPECT_EQ(incident.find("weapons on target"), std::string::npos);
  EXPECT_EQ(incident.find("P(ground target destroyed)"), std::string::npos);
  ReportInput one = Input();
  one.variants[1].replications[4].weapons_released = 1;
  EXPECT_TRUE(AnyWeaponReleased(one));
  const std::string strike = RenderReportHtml(one);
  EXPECT_NE(strike.find("<td>two &lt;radars&gt;</td><td>weapons on target</td>"), std::string::npos);
  EXPECT_NE(strike.find("<td>base</td><td>P(ground target destroyed)</td>"), std::string::npos);
  EXPECT_NE(strike.find("<td>two &lt;radars&gt;</td><td>interceptors per kill</td>"), std::string::npos);
  ReportInput failed_only = Input();  // a failed replication's columns are not read
  failed_only.variants[1].replications[10].weapons_released = 3;
  EXPECT_FALSE(AnyWeaponReleased(failed_only));
}

// The Markdown measure table: three significant digits of the largest of estimate and bounds.
TEST(ReportHtml, MarkdownMeasureTableRoundsAsDocumented) {
  const std::string md = RenderMeasuresMarkdown(Input(), {"hostile destroyed", "P(at least one leaker)"});
  // Hostile destroyed: base [1.908900, 3.291100]; variant 3 3 2 4 3 4 3 4 4 3: mean 3.3,
  // s = √(4.1/9) = 0.674949, half 0.482833 → [2.817167, 3.782833]; paired [0.354450, 1.045550].
  EXPECT_EQ(md,
            "| measure | variant | estimate (95 % CI) | n | difference to base (95 % CI) | McNemar p |\n"
            "|---|---|---|---:|---|---:|\n"
            "| hostile destroyed | base | 2.60 [1.91, 3.29] aircraft | 10 | – | – |\n"
            "| hostile destroyed | two <radars> | 3.30 [2.82, 3.78] aircraft | 10 | +0.70 [+0.35, +1.05] aircraft | – |\n"
            "| P(at least one leaker) | base | 70.0 % [39.7, 89.2] | 10 | – | – |\n"
            "| P(at least one leaker) | two <radars> | 20.0 % [5.7, 51.0] | 10 | -50.0 points [-74.0, -9.3] | 0.0625 |\n");
  // Large values: escort's miss 1200, 1300 m: mean 1250, s = 70.710678, t(1) = 12.706205,
  // half 635.310 → [614.690, 1885.310]: whole numbers. Paired miss over 2 pairs: d = 1190, 1280,
  // mean 1235, half 12.706205·63.639610/√2 = 571.779 → [663.2, 1806.8] → "+1235 [+663, +1807]".
  const std::string big = RenderMeasuresMarkdown(StrikeInput(), {"mean weapon miss"});
  EXPECT_NE(big.find("| mean weapon miss | base | 20.0 [-4.8, 44.8] m | 3 | – | – |"), std::string::npos) << big;
  EXPECT_NE(big.find("| mean weapon miss | escort | 1250 [615, 1885] m | 2 | +1235 [+663, +1807] m | – |"),
            std::string::npos) << big;
  try {
    RenderMeasuresMarkdown(Input(), {"hostile destroyed", "kills"});
    FAIL() << "an unknown measure was accepted";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].path, "--measure");
    EXPECT_NE(e.problems()[0].message.find("unknown measure 'kills'; the measures are 'P(friendly or civil aircraft "
                                           "lost)', 'friendly or civil aircraft destroyed', 'P(at least one leaker)'"),
              std::string::npos) << e.problems()[0].message;
  }
}

}  // namespace
}  // namespace iadsim
