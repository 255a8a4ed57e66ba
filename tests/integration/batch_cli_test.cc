// `iadsim batch` end to end, its SQLite file read back with the SQLite C API and with the sqlite3
// command-line client (an independent reader of the public schema, docs/results.md):
//  - a one-shot scenario of stated Pk 0.7 (tests/data/batch_one_shot.yaml): the estimated kill
//    probability's 99 % Wilson interval contains 0.7, and with common random numbers every
//    replication killed at Pk 0.3 is also killed at Pk 0.7 (the same warhead draw u: u < 0.3 ⇒ u < 0.7);
//  - a batch row equals the summary.json of `iadsim run --seed s --replication k`; the documented
//    columns of `replications`, read by name with the sqlite3 client, equal counts made from it;
//  - rows do not depend on --threads; two identical variants differ by exactly zero in every row;
//  - kill -9 in the middle, rerun: every replication once, rows equal to an uninterrupted batch;
//  - another batch's file is refused (exit 2, says --force); failed replications are stored with
//    their message; overrides errors name file:line:col and the key path.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "test_support.h"

namespace iadsim::test {
namespace {

using Rows = std::vector<std::string>;

// Every row of a query, columns joined by '|', NULL as "NULL".
Rows Query(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_busy_timeout(db, 10000);  // the writer may hold a lock for a moment
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(db) << " in " << sql;
  Rows out;
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      row += c ? "|" : "";
      row += sqlite3_column_type(s, c) == SQLITE_NULL ? "NULL" : reinterpret_cast<const char*>(sqlite3_column_text(s, c));
    }
    out.push_back(row);
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// All deterministic content of a results file (wall-clock columns and metadata left out; the
// variant's name too when `with_name` is false).
Rows Content(const std::filesystem::path& file, const std::string& where = "1", bool with_name = true) {
  Rows out;
  const std::string cols =
      std::string("variant_id, ") + (with_name ? "variant, " : "") +
      "replication, seed, status, error, hostile_aircraft, leakers, hostile_destroyed, aircraft_destroyed, "
      "missiles_fired, missiles_per_kill, engagements, friendly_engaged, civil_engaged, civil_shots, "
      "friendly_shots, friendly_destroyed, civil_destroyed, hostile_detected, hostile_identified, "
      "mean_detect_to_id_s, max_detect_to_id_s, first_detection_s, weapons_released, weapons_on_target, "
      "weapons_intercepted, mean_weapon_miss_m, ground_targets_destroyed, attackers_lost, defence_radars_lost, "
      "interceptors_per_kill, events, engine_wakeups";
  for (const std::string& q :
       {"SELECT " + cols + " FROM replications WHERE " + where + " ORDER BY variant_id, replication",
        "SELECT * FROM aircraft WHERE " + where + " ORDER BY variant_id, replication, aircraft_index",
        "SELECT * FROM events WHERE " + where + " ORDER BY variant_id, replication, seq",
        "SELECT * FROM draws WHERE " + where + " ORDER BY variant_id, replication, key_path"})
    for (std::string& r : Query(file, q)) out.push_back(std::move(r));
  return out;
}

// Wilson score interval (Wilson 1927) for k successes in n trials at normal quantile z.
std::pair<double, double> Wilson(double k, double n, double z) {
  const double p = k / n, z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return {centre - half, centre + half};
}

std::string OneShot() { return SourcePath("tests/data/batch_one_shot.yaml"); }
std::string Demo() { return SourcePath("scenarios/demo.yaml"); }

TEST(Batch, OneShotKillFractionMatchesStatedPkWithCommonRandomNumbers) {
  const auto dir = FreshDir("batch-pk");
  std::filesystem::create_directories(dir);
  const auto out = dir / "pk.sqlite";
  const int n = 200;
  const auto r = RunIadsim("batch " + OneShot() + " --runs " + std::to_string(n) + " --threads 2 --seed 5 --quiet --out " +
                           out.string() + " --sweep types.missiles.48n6e2.kill_probability=0.3,0.7");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(Query(out, "SELECT variant_id || ':' || name FROM variants ORDER BY variant_id"),
            (Rows{"0:types.missiles.48n6e2.kill_probability=0.3", "1:types.missiles.48n6e2.kill_probability=0.7"}));
  // The premise: every replication fires exactly one missile; a kill needs a fuzed detonation
  // (inside the lethal radius), so Pk is estimated over the replications whose missile fuzed.
  EXPECT_EQ(Query(out, "SELECT count(*) FROM replications WHERE status='ok' AND missiles_fired=1"), Rows{"400"});
  for (const auto& [variant, pk] : {std::pair{0, 0.3}, std::pair{1, 0.7}}) {
    const std::string fuzed = "(SELECT replication FROM events WHERE type='missile_detonated' AND detail LIKE "
                              "'proximity fuze%' AND variant_id=" + std::to_string(variant) + ")";
    const double nf = std::stod(Query(out, "SELECT count(*) FROM " + fuzed)[0]);
    EXPECT_GT(nf, 0.9 * n);
    EXPECT_EQ(Query(out, "SELECT count(*) FROM replications WHERE hostile_destroyed=1 AND variant_id=" + std::to_string(variant) +
                             " AND replication NOT IN " + fuzed), Rows{"0"});
    const double destroyed =
        std::stod(Query(out, "SELECT sum(hostile_destroyed) FROM replications WHERE variant_id=" + std::to_string(variant))[0]);
    const auto [lo, hi] = Wilson(destroyed, nf, 2.5758);  // 99 %
    EXPECT_LE(lo, pk) << destroyed << " destroyed in " << nf;
    EXPECT_GE(hi, pk) << destroyed << " destroyed in " << nf;
  }
  // Common random numbers: killed at 0.3 implies killed at 0.7, replication by replication.
  EXPECT_EQ(Query(out, "SELECT count(*) FROM replications a JOIN replications b USING (replication) "
                       "WHERE a.variant_id=0 AND b.variant_id=1 AND a.hostile_destroyed=1 AND b.hostile_destroyed=0"),
            Rows{"0"});
  EXPECT_EQ(Query(out, "SELECT count(*) FROM replications WHERE variant_id=1 AND hostile_destroyed=1 AND missiles_per_kill=1.0"),
            Query(out, "SELECT sum(hostile_destroyed) FROM replications WHERE variant_id=1"));
}

TEST(Batch, ARowEqualsTheSummaryOfThatSingleRun) {
  const auto dir = FreshDir("batch-single");
  std::filesystem::create_directories(dir);
  const auto out = dir / "demo.sqlite";
  ASSERT_EQ(RunIadsim("batch " + Demo() + " --runs 3 --threads 2 --seed 9 --quiet --out " + out.string()).exit_code, 0);
  const auto run = RunIadsim("run " + Demo() + " --seed 9 --replication 2 --quiet --out " + (dir / "run").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const nlohmann::json s = nlohmann::json::parse(ReadFile(dir / "run" / "summary.json"));
  // (engine_wakeups differ: `run` also wakes the truth sampler, a batch records no truth.)
  EXPECT_EQ(Query(out, "SELECT missiles_fired, aircraft_destroyed, events FROM replications WHERE replication=2"),
            Rows{fmt::format("{}|{}|{}", s["missiles_launched"].get<int>(), s["aircraft_destroyed"].get<int>(),
                             s["events"].get<std::uint64_t>())});
  // A batch builds only the events it reads and counts the others: the count is the run's lines,
  // the unread types included.
  std::uint64_t lines = 0, unread = 0;
  std::istringstream events(ReadFile(dir / "run" / "events.jsonl"));
  for (std::string line; std::getline(events, line); ++lines) {
    const std::string type = nlohmann::json::parse(line)["type"].get<std::string>();
    unread += type == "track_dropped" || type == "iff_garbled" || type == "detections_merged" ||
              type == "network_identity" || type == "report_correlated";
  }
  EXPECT_GT(unread, 0u);
  EXPECT_EQ(Query(out, "SELECT events FROM replications WHERE replication=2"), Rows{std::to_string(lines)});
  auto opt = [](const nlohmann::json& j) {
    if (j.is_null()) return std::string("NULL");
    std::ostringstream o;  // SQLite prints REAL with 15 significant digits
    o.precision(15);
    o << j.get<double>();
    std::string t = o.str();
    return t.find_first_of(".e") == std::string::npos ? t + ".0" : t;
  };
  Rows expected;
  for (const auto& a : s["aircraft"])
    expected.push_back(fmt::format("{}|{}|{}|{}|{}|{}|{}", a["name"].get<std::string>(), a["affiliation"].get<std::string>(),
                                   opt(a["first_detected_s"]), opt(a["first_tracked_s"]), a["engagements"].get<int>(),
                                   a["missiles_launched_at"].get<int>(), opt(a["destroyed_s"])));
  EXPECT_EQ(Query(out, "SELECT aircraft, affiliation, first_detected_s, first_tracked_s, engagements, missiles_at, "
                       "destroyed_s FROM aircraft WHERE replication=2 ORDER BY aircraft_index"),
            expected);
}

// The sqlite3 command-line client (tools/setup-debian.sh installs it), or "" when absent.
std::string Sqlite3Client() {
  for (const char* p : {"/usr/bin/sqlite3", "/usr/local/bin/sqlite3"})
    if (access(p, X_OK) == 0) return p;
  return "";
}

// Output lines of `sqlite3 -readonly -header FILE SQL` (list mode, '|' between columns, NULL empty).
Rows Sqlite3ClientLines(const std::filesystem::path& file, const std::string& sql) {
  const std::string cmd = Sqlite3Client() + " -readonly -bail -header -list -separator '|' '" + file.string() + "' \"" +
                          sql + "\" 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  for (std::size_t n; pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  EXPECT_EQ(pipe ? pclose(pipe) : -1, 0) << cmd << "\n" << out;
  Rows lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The public schema (docs/results.md), read by an independent reader: the sqlite3 client selects
// the documented columns of `replications` by name, and each base row equals the counts made here
// from the summary.json of the same replication run alone (`iadsim run`), aircraft by aircraft.
TEST(Batch, TheSqlite3ClientReadsTheDocumentedColumnsByName) {
  if (Sqlite3Client().empty()) GTEST_SKIP() << "sqlite3 client not found (tools/setup-debian.sh installs it)";
  const auto dir = FreshDir("batch-sqlite3");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "salvo.yaml") << "units[0].doctrine.salvo: 1\n";
  const auto out = dir / "r.sqlite";
  const auto r = RunIadsim("batch " + Demo() + " --runs 3 --threads 2 --seed 9 --quiet --with-base --variant salvo-1=" +
                           (dir / "salvo.yaml").string() + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string cols = "variant|replication|seed|friendly_destroyed|civil_destroyed|friendly_engaged|civil_engaged|"
                           "hostile_destroyed|missiles_fired|leakers";
  std::string select = cols;
  std::replace(select.begin(), select.end(), '|', ',');
  const Rows lines =
      Sqlite3ClientLines(out, "SELECT " + select + " FROM replications ORDER BY variant_id, replication");
  ASSERT_EQ(lines.size(), 7u);  // header + 2 variants x 3 replications
  EXPECT_EQ(lines[0], cols);
  // The variant's name, as given on the command line, beside every row.
  for (std::size_t i = 1; i < lines.size(); ++i)
    EXPECT_EQ(lines[i].substr(0, lines[i].find('|')), i <= 3 ? "base" : "salvo-1") << lines[i];
  // Counts over the base rows, from the single runs' summary.json.
  int fired = 0;
  for (int k = 0; k < 3; ++k) {
    const auto run_dir = dir / ("run" + std::to_string(k));
    const auto run = RunIadsim("run " + Demo() + " --seed 9 --replication " + std::to_string(k) + " --quiet --out " +
                               run_dir.string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const nlohmann::json s = nlohmann::json::parse(ReadFile(run_dir / "summary.json"));
    std::map<std::string, int> destroyed, engaged, alive;
    for (const auto& a : s["aircraft"]) {
      const std::string aff = a["affiliation"].get<std::string>();
      const std::string cls = aff == "neutral" ? "civil" : aff;  // civil columns count civil and neutral
      (a["destroyed_s"].is_null() ? alive : destroyed)[cls] += 1;
      engaged[cls] += a["engagements"].get<int>();
    }
    const std::string expected =
        fmt::format("base|{}|9|{}|{}|{}|{}|{}|{}|{}", k, destroyed["friendly"], destroyed["civil"], engaged["friendly"],
                    engaged["civil"], destroyed["hostile"], s["missiles_launched"].get<int>(), alive["hostile"]);
    EXPECT_EQ(lines[1 + k], expected);
    fired += s["missiles_launched"].get<int>();
  }
  EXPECT_GT(fired, 0);  // the comparison saw missiles, not only zeros
  // The `variant` column agrees with the variants table it names.
  EXPECT_EQ(Sqlite3ClientLines(out, "SELECT count(*) AS mismatched FROM replications r JOIN variants v USING (variant_id) "
                                    "WHERE r.variant != v.name"),
            (Rows{"mismatched", "0"}));
}

TEST(Batch, ThreadCountAndIdenticalVariantsChangeNothing) {
  const auto dir = FreshDir("batch-threads");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "same.yaml") << "units[0].doctrine.salvo: 2   # as in the scenario\n";
  const std::string common = "batch " + Demo() + " --runs 4 --seed 2 --quiet --variant A=" + (dir / "same.yaml").string() +
                             " --variant B=" + (dir / "same.yaml").string();
  ASSERT_EQ(RunIadsim(common + " --threads 1 --out " + (dir / "t1.sqlite").string()).exit_code, 0);
  const auto r2 = RunIadsim(common + " --threads 3 --out " + (dir / "t3.sqlite").string());
  ASSERT_EQ(r2.exit_code, 0) << r2.output;
  const Rows t1 = Content(dir / "t1.sqlite"), t3 = Content(dir / "t3.sqlite");
  EXPECT_EQ(t1, t3);
  // Variants 0 and 1 are the same scenario: rows equal but for the variant id.
  auto strip = [](Rows rows) {
    for (std::string& r : rows) r = r.substr(r.find('|'));
    return rows;
  };
  const Rows a = strip(Content(dir / "t1.sqlite", "variant_id=0", false)),
             b = strip(Content(dir / "t1.sqlite", "variant_id=1", false));
  ASSERT_GT(a.size(), 4u * 7);  // 4 replications + their aircraft and events
  EXPECT_EQ(a, b);
}

// --events decisions keeps every notable event but the identity changes, in order; --events none
// keeps none; the measures are those of --events all; the setting is part of what a rerun must match.
TEST(Batch, EventsKeptChangeOnlyTheEventsTable) {
  const auto dir = FreshDir("batch-events");
  std::filesystem::create_directories(dir);
  const std::string common = "batch " + Demo() + " --runs 3 --seed 4 --threads 2 --quiet";
  const auto file = [&](const char* name) { return (dir / name).string(); };
  ASSERT_EQ(RunIadsim(common + " --out " + file("all.sqlite")).exit_code, 0);
  const auto d = RunIadsim(common + " --events decisions --out " + file("decisions.sqlite"));
  ASSERT_EQ(d.exit_code, 0) << d.output;
  ASSERT_EQ(RunIadsim(common + " --events none --out " + file("none.sqlite")).exit_code, 0);
  const std::string no_wall = "SELECT variant_id, replication, hostile_destroyed, missiles_fired, civil_destroyed, "
                              "mean_detect_to_id_s, events FROM replications ORDER BY 1, 2";
  for (const char* other : {"decisions.sqlite", "none.sqlite"}) {
    EXPECT_EQ(Query(file(other), no_wall), Query(file("all.sqlite"), no_wall)) << other;
    EXPECT_EQ(Query(file(other), "SELECT * FROM aircraft ORDER BY 1, 2, 4"),
              Query(file("all.sqlite"), "SELECT * FROM aircraft ORDER BY 1, 2, 4")) << other;
  }
  const std::string rows = "SELECT variant_id, replication, time_s, type, unit, target, affiliation, detail FROM events ";
  const Rows all_events = Query(file("all.sqlite"), rows + "WHERE type <> 'identity_changed' ORDER BY 1, 2, seq");
  ASSERT_GT(all_events.size(), 3u);
  ASSERT_GT(Query(file("all.sqlite"), "SELECT * FROM events WHERE type = 'identity_changed'").size(), 0u);
  EXPECT_EQ(Query(file("decisions.sqlite"), rows + "ORDER BY 1, 2, seq"), all_events);
  // seq numbers the rows kept: 0, 1, 2, … in each replication.
  EXPECT_EQ(Query(file("decisions.sqlite"), "SELECT count(*) FROM events e WHERE seq <> (SELECT count(*) FROM events f "
                                            "WHERE f.variant_id = e.variant_id AND f.replication = e.replication AND f.seq < e.seq)"),
            Rows{"0"});
  EXPECT_EQ(Query(file("none.sqlite"), "SELECT count(*) FROM events"), Rows{"0"});
  EXPECT_EQ(Query(file("decisions.sqlite"), "SELECT value FROM metadata WHERE key = 'events'"), Rows{"decisions"});
  EXPECT_EQ(Query(file("all.sqlite"), "SELECT value FROM metadata WHERE key = 'events'"), Rows{"all"});
  // A rerun asking for other events is refused, the file left as it was.
  const auto again = RunIadsim(common + " --out " + file("decisions.sqlite"));
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.output.find("keeps the events of --events decisions (this run asks for --events all)"),
            std::string::npos) << again.output;
  const auto bad = RunIadsim(common + " --events some --out " + file("bad.sqlite"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("--events: must be all, decisions or none (got 'some')"), std::string::npos) << bad.output;
  EXPECT_FALSE(std::filesystem::exists(file("bad.sqlite")));
}

TEST(Batch, KilledAndRerunStoresEveryReplicationOnceAsAnUninterruptedBatch) {
  const auto dir = FreshDir("batch-kill");
  std::filesystem::create_directories(dir);
  const auto killed = dir / "killed.sqlite", whole = dir / "whole.sqlite";
  // Enough replications that the batch is still running after its first commit (rows are
  // committed every 0.5 s; a demo replication takes ~12 ms).
  const std::string args = "batch " + Demo() + " --runs 200 --seed 4 --quiet --out ";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", (std::string("exec ") + IADSIM_BIN + " " + args + killed.string() + " --threads 1 >/dev/null 2>&1").c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::size_t stored = 0;
  for (int i = 0; i < 600 && stored < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (std::filesystem::exists(killed) &&
        !Query(killed, "SELECT 1 FROM sqlite_master WHERE name='replications'").empty())
      if (const Rows c = Query(killed, "SELECT count(*) FROM replications"); !c.empty()) stored = std::stoul(c[0]);
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the batch ended before it was killed";
  const std::size_t at_kill = std::stoul(Query(killed, "SELECT count(*) FROM replications")[0]);
  EXPECT_GE(at_kill, 5u);
  EXPECT_LT(at_kill, 200u);
  const auto again = RunIadsim(args + killed.string() + " --threads 2");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  ASSERT_EQ(RunIadsim(args + whole.string() + " --threads 2").exit_code, 0);
  EXPECT_EQ(Query(killed, "SELECT count(*), count(DISTINCT replication), min(replication), max(replication) FROM replications"),
            Rows{"200|200|0|199"});
  EXPECT_EQ(Content(killed), Content(whole));
  // The same command once more: nothing left to do, nothing added.
  const auto once_more = RunIadsim(args + killed.string());
  ASSERT_EQ(once_more.exit_code, 0) << once_more.output;
  EXPECT_EQ(Query(killed, "SELECT count(*) FROM replications"), Rows{"200"});
  // Another seed on this file: refused, saying how to force.
  const auto refused = RunIadsim("batch " + Demo() + " --runs 200 --seed 5 --out " + killed.string());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.output.find("--force"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("seed 4"), std::string::npos) << refused.output;
}

// A results file damaged on disk (the first page of its replications table overwritten: the
// metadata and the table's index still read) is refused with exit 2 when a batch would resume it,
// and left as it was; `report` refuses it too. (The batch used to resume it, reading the stored
// replications through their intact index, and rewrote its metadata.)
TEST(Batch, ADamagedResultsFileIsRefusedAndLeftAsItWas) {
  const auto dir = FreshDir("batch-damaged");
  std::filesystem::create_directories(dir);
  const auto file = dir / "r.sqlite";
  const std::string args = "batch " + OneShot() + " --runs 5 --seed 1 --quiet --out " + file.string();
  ASSERT_EQ(RunIadsim(args).exit_code, 0);
  const std::size_t page = std::stoul(Query(file, "PRAGMA page_size").at(0));
  const std::size_t root = std::stoul(Query(file, "SELECT rootpage FROM sqlite_master WHERE name = 'replications'").at(0));
  std::string bytes = ReadFile(file);
  ASSERT_GE(bytes.size(), root * page);
  for (std::size_t i = (root - 1) * page; i < root * page; ++i) bytes[i] = static_cast<char>(0xA5);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  const auto resumed = RunIadsim(args);
  EXPECT_EQ(resumed.exit_code, 2) << resumed.output;
  EXPECT_NE(resumed.output.find("--force"), std::string::npos) << resumed.output;
  EXPECT_NE(resumed.output.find("is damaged"), std::string::npos) << resumed.output;
  EXPECT_TRUE(ReadFile(file) == bytes) << "the damaged file was changed";
  const auto report = RunIadsim("report " + file.string() + " --out " + (dir / "r.html").string());
  EXPECT_EQ(report.exit_code, 2) << report.output;
}

TEST(Batch, FailedReplicationsAreStoredWithTheirMessage) {
  const auto dir = FreshDir("batch-fail");
  std::filesystem::create_directories(dir);
  std::string text = ReadFile(OneShot());
  const std::string from = "kill_probability: 0.7";
  text.replace(text.find(from), from.size(), "kill_probability: {uniform: [0.5, 1.5]}");
  std::ofstream(dir / "s.yaml") << text;
  const auto out = dir / "f.sqlite";
  const auto r = RunIadsim("batch " + (dir / "s.yaml").string() + " --runs 30 --threads 2 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(Query(out, "SELECT count(*) FROM replications"), Rows{"30"});
  // Failed exactly when the drawn value is above 1 (read back from the draws table).
  EXPECT_EQ(Query(out, "SELECT count(*) FROM replications JOIN draws USING (variant_id, replication) "
                       "WHERE (status='failed') != (CAST(value AS REAL) > 1)"),
            Rows{"0"});
  const Rows failed = Query(out, "SELECT error FROM replications WHERE status='failed' LIMIT 1");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_NE(failed[0].find("types.missiles.48n6e2.kill_probability"), std::string::npos) << failed[0];
  EXPECT_NE(r.output.find("failed"), std::string::npos);
}

// The strike columns of format version 3 (docs/results.md), each row against counts made here
// from the events.jsonl and summary.json of the same replication run alone (`iadsim run`), on the
// reference strike scenario; and `iadsim report` shows the strike measures for such a file.
TEST(Batch, StrikeColumnsEqualTheEventsOfThatSingleRun) {
  const auto dir = FreshDir("batch-strike");
  std::filesystem::create_directories(dir);
  const std::string scenario = SourcePath("scenarios/strike-ew.yaml");
  const auto out = dir / "strike.sqlite";
  ASSERT_EQ(RunIadsim("batch " + scenario + " --runs 3 --threads 2 --seed 5 --quiet --out " + out.string()).exit_code, 0);
  int released_total = 0;
  for (int k = 0; k < 3; ++k) {
    const auto run_dir = dir / ("run" + std::to_string(k));
    const auto run = RunIadsim("run " + scenario + " --seed 5 --replication " + std::to_string(k) + " --quiet --out " +
                               run_dir.string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    int released = 0, on_target = 0, impacts = 0, intercepted = 0, targets = 0, radars = 0, fired = 0, attackers = 0;
    double miss_sum = 0.0;
    std::set<long long> munitions;
    std::istringstream events(ReadFile(run_dir / "events.jsonl"));
    for (std::string line; std::getline(events, line);) {
      const nlohmann::json e = nlohmann::json::parse(line);
      const std::string type = e["type"].get<std::string>();
      if (type == "weapon_released") {
        ++released;
        munitions.insert(e["munition"].get<long long>());
      } else if (type == "weapon_impact") {
        ++impacts;
        on_target += e["on_target"].get<int>();
        miss_sum += e["miss_m"].get<double>();
      } else if (type == "entity_destroyed" && munitions.contains(e["entity"].get<long long>())) {
        ++intercepted;
      } else if (type == "ground_target_destroyed") {
        ++targets;
      } else if (type == "emitter_destroyed") {
        ++radars;
      } else if (type == "missile_launched") {
        ++fired;
      }
    }
    const nlohmann::json s = nlohmann::json::parse(ReadFile(run_dir / "summary.json"));
    for (const auto& a : s["aircraft"])
      if (a["affiliation"] == "hostile" && !a["destroyed_s"].is_null()) ++attackers;
    EXPECT_EQ(fired, s["missiles_launched"].get<int>());
    const std::string where = " FROM replications WHERE replication=" + std::to_string(k);
    EXPECT_EQ(Query(out, "SELECT weapons_released, weapons_on_target, weapons_intercepted, ground_targets_destroyed, "
                         "attackers_lost, defence_radars_lost" + where),
              Rows{fmt::format("{}|{}|{}|{}|{}|{}", released, on_target, intercepted, targets, attackers, radars)});
    const Rows reals = Query(out, "SELECT ifnull(mean_weapon_miss_m, -1), ifnull(interceptors_per_kill, -1)" + where);
    ASSERT_EQ(reals.size(), 1u);
    const double miss = impacts > 0 ? miss_sum / impacts : -1.0;
    const double per_kill = attackers + intercepted > 0 ? static_cast<double>(fired) / (attackers + intercepted) : -1.0;
    EXPECT_NEAR(std::stod(reals[0].substr(0, reals[0].find('|'))), miss, 1e-9 * std::max(1.0, std::abs(miss)));
    EXPECT_NEAR(std::stod(reals[0].substr(reals[0].find('|') + 1)), per_kill, 1e-12 * std::max(1.0, per_kill));
    released_total += released;
  }
  EXPECT_GT(released_total, 0);  // the comparison saw weapons, not only zeros
  const auto report = RunIadsim("report " + out.string() + " --quiet --out " + (dir / "r.html").string());
  ASSERT_EQ(report.exit_code, 0) << report.output;
  const std::string html = ReadFile(dir / "r.html");
  EXPECT_NE(html.find("<td>base</td><td>weapons on target</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>base</td><td>P(ground target destroyed)</td>"), std::string::npos);
}

TEST(Batch, OverridesErrorsNameTheFileLineColumnAndKeyPath) {
  const auto dir = FreshDir("batch-overrides");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "o.yaml") << "units[0].doctrine.salvo: 1\nunits[0].doctrin.salvo: 1\n";
  const auto r = RunIadsim("batch " + Demo() + " --runs 1 --out " + (dir / "x.sqlite").string() + " --variant V=" +
                           (dir / "o.yaml").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find((dir / "o.yaml").string() + ":2:1: units[0].doctrin.salvo: no such key path"), std::string::npos)
      << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.sqlite"));
}

#ifdef IADSIM_MPIEXEC
TEST(Batch, TwoMpiRanksWriteTheRowsOfTheThreadedRun) {
  const auto dir = FreshDir("batch-mpi");
  std::filesystem::create_directories(dir);
  const std::string args = " batch " + Demo() + " --runs 6 --seed 3 --quiet --sweep units[0].doctrine.salvo=1,2 --out ";
  ASSERT_EQ(RunIadsim(args.substr(1) + (dir / "threads.sqlite").string() + " --threads 2").exit_code, 0);
  const std::string cmd = std::string(IADSIM_MPIEXEC) + " --oversubscribe --allow-run-as-root -np 2 " + IADSIM_BIN + args +
                          (dir / "mpi.sqlite").string() + " --threads 1 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  EXPECT_EQ(Content(dir / "mpi.sqlite"), Content(dir / "threads.sqlite"));
  EXPECT_EQ(Query(dir / "mpi.sqlite", "SELECT count(DISTINCT rank) FROM replications"), Rows{"2"});
}
#endif

}  // namespace
}  // namespace iadsim::test
