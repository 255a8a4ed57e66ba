// The results file, read back with the SQLite C API directly (not through the writer): rows and
// NULLs as documented, whole replications only, resume, refusal of another batch's file, and the
// MPI message encoding to the last bit.
#include "iadsim/io/results_db.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstring>
#include <filesystem>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

std::filesystem::path Fresh(const std::string& name) {
  const auto p = std::filesystem::temp_directory_path() / ("iadsim_results_db_test_" + name + ".sqlite");
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + s);
  return p;
}

BatchMetadata Meta(std::uint64_t seed = 3) {
  BatchMetadata m;
  m.iadsim_version = "test";
  m.scenario_path = "s.yaml";
  m.scenario_text = "scenario: {}\n";
  m.seed = seed;
  m.runs = 10;
  m.variants = {VariantRecord{0, "base", "base"}, VariantRecord{1, "pk", "overrides", "pk.yaml", "a: 1\n", R"({"a":"1"})"}};
  return m;
}

ReplicationResult Result(std::uint32_t v, std::uint64_t k) {
  ReplicationResult r;
  r.job = {v, k};
  r.seed = 3;
  r.ok = true;
  r.outcome.hostile_aircraft = 4;
  r.outcome.hostile_destroyed = static_cast<int>(k % 3);
  r.outcome.leakers = 4 - r.outcome.hostile_destroyed;
  r.outcome.missiles_fired = 5;
  if (r.outcome.hostile_destroyed > 0) r.outcome.missiles_per_kill = 5.0 / r.outcome.hostile_destroyed;
  // Distinct values, so that a column written in the wrong place shows.
  r.outcome.friendly_engaged = 6;
  r.outcome.civil_engaged = 7;
  r.outcome.friendly_destroyed = 8;
  r.outcome.civil_destroyed = 9;
  r.outcome.mean_detect_to_id_s = 0.1 + 0.2;
  // Strike columns (format version 3), distinct values again; replication 0 lands no weapon.
  r.outcome.weapons_released = 11;
  r.outcome.weapons_on_target = 12;
  r.outcome.weapons_intercepted = 13;
  r.outcome.ground_targets_destroyed = 14;
  r.outcome.attackers_lost = r.outcome.hostile_destroyed;
  r.outcome.defence_radars_lost = 15;
  if (k > 0) r.outcome.mean_weapon_miss_m = 0.1 + 0.7;
  r.outcome.interceptors_per_kill = 5.0 / (r.outcome.hostile_destroyed + 13);
  r.outcome.aircraft = {AircraftResult{"H1", "hostile", 10.0, 12.0, std::nullopt, 99.5, "hostile", 1, 2}};
  r.outcome.notable = {NotableEvent{12.5, "missile_launched", "U", "H1", "hostile", "M1"},
                       NotableEvent{20, "missile_detonated", "U", "", "", "max flight time"}};
  r.draws = {{"a.b", "5 km"}};
  return r;
}

struct Db {
  explicit Db(const std::filesystem::path& p) { EXPECT_EQ(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK); }
  ~Db() { sqlite3_close(db); }
  // The single value of a query, as text ("NULL" for NULL).
  std::string One(const char* sql) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    std::string out = "no row";
    if (sqlite3_step(s) == SQLITE_ROW)
      out = sqlite3_column_type(s, 0) == SQLITE_NULL ? "NULL" : reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
  }
  sqlite3* db = nullptr;
};

TEST(ResultsDb, RowsAsDocumented) {
  const auto p = Fresh("rows");
  {
    ResultsDb db(p, Meta(), false);
    EXPECT_TRUE(db.stored().empty());
    db.Add(Result(0, 0));
    db.Add(Result(1, 2));
    ReplicationResult failed;
    failed.job = {0, 1};
    failed.seed = 3;
    failed.error = "s.yaml:4:2: x: must be > 0";
    db.Add(failed);
    db.Commit();
  }
  Db d(p);
  EXPECT_EQ(d.One("SELECT count(*) FROM replications"), "3");
  EXPECT_EQ(d.One("SELECT missiles_per_kill FROM replications WHERE variant_id=0 AND replication=0"), "NULL");  // no kill
  EXPECT_EQ(d.One("SELECT missiles_per_kill FROM replications WHERE variant_id=1 AND replication=2"), "2.5");
  EXPECT_EQ(d.One("SELECT leakers FROM replications WHERE variant_id=1 AND replication=2"), "2");
  EXPECT_EQ(d.One("SELECT status || ' ' || error FROM replications WHERE replication=1"), "failed s.yaml:4:2: x: must be > 0");
  EXPECT_EQ(d.One("SELECT hostile_destroyed FROM replications WHERE replication=1"), "NULL");
  // The public columns (docs/results.md), by name: the variant's name beside its id.
  EXPECT_EQ(d.One("SELECT variant || '|' || seed || '|' || hostile_destroyed || '|' || missiles_fired || '|' || "
                  "friendly_engaged || '|' || civil_engaged || '|' || friendly_destroyed || '|' || civil_destroyed || "
                  "'|' || leakers FROM replications WHERE variant_id=1 AND replication=2"),
            "pk|3|2|5|6|7|8|9|2");
  // The strike columns of version 3, by name; NULL mean miss when no weapon landed, and all NULL
  // in the failed replication.
  EXPECT_EQ(d.One("SELECT weapons_released || '|' || weapons_on_target || '|' || weapons_intercepted || '|' || "
                  "ground_targets_destroyed || '|' || attackers_lost || '|' || defence_radars_lost || '|' || "
                  "mean_weapon_miss_m || '|' || interceptors_per_kill FROM replications WHERE variant_id=1 AND replication=2"),
            "11|12|13|14|2|15|0.8|0.333333333333333");
  EXPECT_EQ(d.One("SELECT mean_weapon_miss_m = 0.1 + 0.7 AND interceptors_per_kill = 5.0 / 15 FROM replications "
                  "WHERE variant_id=1 AND replication=2"), "1");  // the doubles to the last bit
  EXPECT_EQ(d.One("SELECT mean_weapon_miss_m FROM replications WHERE variant_id=0 AND replication=0"), "NULL");
  EXPECT_EQ(d.One("SELECT interceptors_per_kill FROM replications WHERE variant_id=0 AND replication=0"), "0.384615384615385");
  EXPECT_EQ(d.One("SELECT coalesce(weapons_released, weapons_on_target, weapons_intercepted, mean_weapon_miss_m, "
                  "ground_targets_destroyed, attackers_lost, defence_radars_lost, interceptors_per_kill) "
                  "FROM replications WHERE replication=1"), "NULL");
  EXPECT_EQ(d.One("SELECT group_concat(variant, ',') FROM (SELECT variant FROM replications ORDER BY variant_id, replication)"),
            "base,base,pk");
  EXPECT_EQ(d.One("SELECT value FROM metadata WHERE key='format_version'"), "3");
  EXPECT_EQ(d.One("SELECT count(*) FROM aircraft WHERE replication=1"), "0");
  EXPECT_EQ(d.One("SELECT first_hostile_s IS NULL AND destroyed_s = 99.5 FROM aircraft WHERE variant_id=1"), "1");
  EXPECT_EQ(d.One("SELECT group_concat(seq || ':' || type || ':' || ifnull(target, 'NULL'), ' ') FROM events WHERE variant_id=0"),
            "0:missile_launched:H1 1:missile_detonated:NULL");
  EXPECT_EQ(d.One("SELECT value FROM draws WHERE variant_id=1 AND key_path='a.b'"), "5 km");
  EXPECT_EQ(d.One("SELECT value FROM metadata WHERE key='seed'"), "3");
  EXPECT_EQ(d.One("SELECT value FROM metadata WHERE key='scenario_text'"), "scenario: {}\n");
  EXPECT_EQ(d.One("SELECT overrides_text FROM variants WHERE name='pk'"), "a: 1\n");
  EXPECT_EQ(d.One("SELECT value FROM metadata WHERE key='fingerprint'"), Meta().Fingerprint());
}

TEST(ResultsDb, UncommittedReplicationsAreAbsentAndResumeSkipsStoredOnes) {
  const auto p = Fresh("resume");
  {
    ResultsDb db(p, Meta(), false);
    db.Add(Result(0, 0));
    db.Commit();
    db.Add(Result(0, 1));  // never committed: as after a kill
  }
  {
    ResultsDb db(p, Meta(), false);
    EXPECT_EQ(db.stored(), (std::set<std::pair<std::uint32_t, std::uint64_t>>{{0, 0}}));
  }
  Db d(p);
  EXPECT_EQ(d.One("SELECT count(*) FROM replications"), "1");
  EXPECT_EQ(d.One("SELECT count(*) FROM events WHERE replication=1"), "0");
}

TEST(ResultsDb, AnotherBatchsFileIsRefusedUnlessForced) {
  const auto p = Fresh("refuse");
  {
    ResultsDb db(p, Meta(3), false);
    db.Add(Result(0, 0));
    db.Commit();
  }
  try {
    ResultsDb db(p, Meta(4), false);
    FAIL() << "not refused";
  } catch (const ScenarioError& e) {
    const std::string m = e.problems().at(0).ToString();
    EXPECT_NE(m.find("seed 3"), std::string::npos) << m;
    EXPECT_NE(m.find("--force"), std::string::npos) << m;
  }
  BatchMetadata other_text = Meta(3);
  other_text.scenario_text += "# edited\n";
  EXPECT_THROW(ResultsDb(p, other_text, false), ScenarioError);
  BatchMetadata other_variants = Meta(3);
  other_variants.variants[1].assignments_json = R"({"a":"2"})";
  EXPECT_THROW(ResultsDb(p, other_variants, false), ScenarioError);
  {
    ResultsDb db(p, Meta(4), true);
    EXPECT_TRUE(db.stored().empty());
  }
  Db d(p);
  EXPECT_EQ(d.One("SELECT value FROM metadata WHERE key='seed'"), "4");
}

// Stores one replication of batch Meta(3) at p, sets the metadata `key` to `value` (SQLite C API)
// and opens the file again to resume it: the first problem of the refusal, or "" when resumed.
std::string RefusalAfterEditing(const std::filesystem::path& p, const std::string& key, const std::string& value) {
  {
    ResultsDb db(p, Meta(3), false);
    db.Add(Result(0, 0));
    db.Commit();
  }
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
  const std::string sql = "UPDATE metadata SET value='" + value + "' WHERE key='" + key + "'";
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  try {
    ResultsDb resumed(p, Meta(3), false);
  } catch (const ScenarioError& e) {
    return e.problems().at(0).ToString();
  }
  return "";
}

TEST(ResultsDb, AFileOfTheOlderFormatVersionIsRefusedNotResumed) {
  // As a version-1 file of the same batch would be: same fingerprint, format_version 1.
  const auto p = Fresh("version1");
  const std::string m = RefusalAfterEditing(p, "format_version", "1");
  EXPECT_NE(m.find("format version 1 (this iadsim writes version 3)"), std::string::npos) << m;
  EXPECT_NE(m.find("--force"), std::string::npos) << m;
  ResultsDb forced(p, Meta(3), true);
  EXPECT_TRUE(forced.stored().empty());
}

// A file of this batch whose run count is not a whole number (edited by hand) is refused with a
// message, not resumed with a guess (it was an uncaught std::invalid_argument).
TEST(ResultsDb, AnUnreadableRunCountIsRefused) {
  const std::string m = RefusalAfterEditing(Fresh("runs"), "runs", "ten");
  EXPECT_NE(m.find("--out: holds an unreadable run count 'ten' in its metadata"), std::string::npos) << m;
}

TEST(ResultsDb, EncodingBetweenRanksKeepsEveryBit) {
  const ReplicationResult a = Result(1, 7);
  const ReplicationResult b = DecodeResult(EncodeResult(a));
  EXPECT_EQ(b.job.variant, 1u);
  EXPECT_EQ(b.job.replication, 7u);
  ASSERT_TRUE(b.outcome.mean_detect_to_id_s);
  EXPECT_EQ(std::memcmp(&*b.outcome.mean_detect_to_id_s, &*a.outcome.mean_detect_to_id_s, sizeof(double)), 0);
  EXPECT_EQ(b.outcome.hostile_destroyed, a.outcome.hostile_destroyed);
  EXPECT_EQ(b.outcome.missiles_fired, 5);
  EXPECT_EQ(b.outcome.friendly_engaged, 6);
  EXPECT_EQ(b.outcome.civil_engaged, 7);
  EXPECT_EQ(b.outcome.civil_destroyed, 9);
  EXPECT_EQ(b.outcome.weapons_released, 11);
  EXPECT_EQ(b.outcome.weapons_on_target, 12);
  EXPECT_EQ(b.outcome.weapons_intercepted, 13);
  EXPECT_EQ(b.outcome.ground_targets_destroyed, 14);
  EXPECT_EQ(b.outcome.attackers_lost, a.outcome.hostile_destroyed);
  EXPECT_EQ(b.outcome.defence_radars_lost, 15);
  ASSERT_TRUE(b.outcome.mean_weapon_miss_m && b.outcome.interceptors_per_kill);
  EXPECT_EQ(std::memcmp(&*b.outcome.mean_weapon_miss_m, &*a.outcome.mean_weapon_miss_m, sizeof(double)), 0);
  EXPECT_EQ(std::memcmp(&*b.outcome.interceptors_per_kill, &*a.outcome.interceptors_per_kill, sizeof(double)), 0);
  EXPECT_FALSE(DecodeResult(EncodeResult(Result(0, 0))).outcome.mean_weapon_miss_m);
  EXPECT_EQ(b.outcome.aircraft.at(0).destroyed_s, 99.5);
  EXPECT_FALSE(b.outcome.aircraft.at(0).first_hostile_s);
  EXPECT_EQ(b.outcome.notable.at(1).detail, "max flight time");
  EXPECT_EQ(b.draws, a.draws);
  EXPECT_EQ(EncodeResult(b), EncodeResult(a));
}

}  // namespace
}  // namespace iadsim
