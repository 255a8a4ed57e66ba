#include "iadsim/io/results_db.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "iadsim/core/error.h"
#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

// Version 2 (this one): the public column names of `replications` (hostile_destroyed,
// missiles_fired, friendly_engaged, civil_engaged) and its `variant` name column. Version 1 files
// are refused, by the writer (no resume into them) and by the report.
constexpr const char* kFormatVersion = "3";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS variants (
  variant_id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, kind TEXT NOT NULL,
  overrides_path TEXT, overrides_text TEXT, assignments_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS replications (
  variant_id INTEGER NOT NULL, variant TEXT NOT NULL, replication INTEGER NOT NULL, seed INTEGER NOT NULL,
  status TEXT NOT NULL, error TEXT,
  hostile_aircraft INTEGER, leakers INTEGER, hostile_destroyed INTEGER, aircraft_destroyed INTEGER,
  missiles_fired INTEGER, missiles_per_kill REAL, engagements INTEGER,
  friendly_engaged INTEGER, civil_engaged INTEGER, civil_shots INTEGER, friendly_shots INTEGER,
  friendly_destroyed INTEGER, civil_destroyed INTEGER, hostile_detected INTEGER, hostile_identified INTEGER,
  mean_detect_to_id_s REAL, max_detect_to_id_s REAL, first_detection_s REAL,
  weapons_released INTEGER, weapons_on_target INTEGER, weapons_intercepted INTEGER, mean_weapon_miss_m REAL,
  ground_targets_destroyed INTEGER, attackers_lost INTEGER, defence_radars_lost INTEGER, interceptors_per_kill REAL,
  events INTEGER, engine_wakeups INTEGER, wall_s REAL, rank INTEGER,
  PRIMARY KEY (variant_id, replication));
CREATE TABLE IF NOT EXISTS aircraft (
  variant_id INTEGER NOT NULL, replication INTEGER NOT NULL, aircraft TEXT NOT NULL,
  aircraft_index INTEGER NOT NULL, affiliation TEXT NOT NULL,
  first_detected_s REAL, first_tracked_s REAL, first_hostile_s REAL, final_identity TEXT,
  engagements INTEGER NOT NULL, missiles_at INTEGER NOT NULL, destroyed_s REAL,
  PRIMARY KEY (variant_id, replication, aircraft_index));
CREATE TABLE IF NOT EXISTS events (
  variant_id INTEGER NOT NULL, replication INTEGER NOT NULL, seq INTEGER NOT NULL,
  time_s REAL NOT NULL, type TEXT NOT NULL, unit TEXT, target TEXT, affiliation TEXT, detail TEXT,
  PRIMARY KEY (variant_id, replication, seq));
CREATE TABLE IF NOT EXISTS draws (
  variant_id INTEGER NOT NULL, replication INTEGER NOT NULL, key_path TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (variant_id, replication, key_path));
)sql";

std::string NowUtc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// An SQLite failure. A damaged file (SQLITE_CORRUPT, SQLITE_NOTADB: found when a page is read) is bad
// input, refused like any other; anything else (a full disk, an I/O error) is the environment's.
[[noreturn]] void ThrowSqlite(sqlite3* db, const std::string& path, const std::string& msg) {
  const int code = sqlite3_extended_errcode(db) & 0xff;
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    throw ScenarioError({Problem{"--out",
                                 "is damaged (" + msg + "); to overwrite it add --force, or write to another file with --out",
                                 path}});
  if (code == SQLITE_FULL || code == SQLITE_IOERR)
    throw OutputError(fmt::format("results file {}: cannot be written: {}; the replications stored before it are "
                                  "kept, and the same command resumes the batch",
                                  path, msg));
  throw std::runtime_error(fmt::format("results file {}: {}", path, msg));
}

class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  Stmt& Int(int i, std::int64_t v) { return Check(sqlite3_bind_int64(s_, i, v)); }
  Stmt& Real(int i, double v) { return Check(sqlite3_bind_double(s_, i, v)); }
  Stmt& Real(int i, const std::optional<double>& v) { return v ? Real(i, *v) : Null(i); }
  Stmt& Text(int i, const std::string& v) {
    return Check(sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  Stmt& Text(int i, const std::optional<std::string>& v) { return v ? Text(i, *v) : Null(i); }
  Stmt& TextOrNull(int i, const std::string& v) { return v.empty() ? Null(i) : Text(i, v); }
  Stmt& Null(int i) { return Check(sqlite3_bind_null(s_, i)); }
  void Run() {
    const int rc = sqlite3_step(s_);
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    if (rc != SQLITE_DONE) {
      sqlite3* db = sqlite3_db_handle(s_);
      ThrowSqlite(db, sqlite3_db_filename(db, "main"), sqlite3_errmsg(db));
    }
  }

 private:
  Stmt& Check(int rc) {
    if (rc != SQLITE_OK) throw std::runtime_error(fmt::format("results file: bind failed ({})", rc));
    return *this;
  }
  sqlite3_stmt* s_;
};

// Reads metadata[key], or nullopt (also when the table does not exist).
std::optional<std::string> MetaValue(sqlite3* db, const char* key) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT value FROM metadata WHERE key = ?", -1, &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return std::nullopt;
  }
  sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
  std::optional<std::string> v;
  if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != nullptr)
    v = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  return v;
}

// SQLite's quick_check of the whole file (every page and b-tree, not the indexes' agreement with
// their tables): "ok", or its first complaint. A resumed batch must not append to a damaged file,
// whose damage a query through an intact index would not show.
std::string QuickCheck(sqlite3* db) {
  sqlite3_stmt* s = nullptr;
  std::string first = "quick_check could not run";
  if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW &&
      sqlite3_column_text(s, 0) != nullptr)
    first = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  else
    first = sqlite3_errmsg(db);
  sqlite3_finalize(s);
  return first;
}

// True for a database with no table at all (a file left by a batch killed before its first commit).
bool IsBlank(sqlite3* db) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return false;  // not a database
  }
  const bool blank = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) == 0;
  sqlite3_finalize(s);
  return blank;
}

}  // namespace

std::string IadsimVersion() {
#ifdef IADSIM_VERSION
  return IADSIM_VERSION;
#else
  return "unknown";
#endif
}

namespace {
using J = nlohmann::json;
J Opt(const std::optional<double>& v) { return v ? J(*v) : J(); }
J Opt(const std::optional<std::string>& v) { return v ? J(*v) : J(); }
template <class T>
std::optional<T> GetOpt(const J& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<T>();
}
}  // namespace

std::string EncodeResult(const ReplicationResult& r) {
  const ReplicationOutcome& o = r.outcome;
  J j;
  j["v"] = r.job.variant;
  j["k"] = r.job.replication;
  j["seed"] = r.seed;
  j["ok"] = r.ok;
  j["error"] = r.error;
  j["wall_s"] = r.wall_s;
  j["rank"] = r.rank;
  j["draws"] = r.draws;
  j["i"] = {o.hostile_aircraft, o.leakers, o.hostile_destroyed, o.aircraft_destroyed, o.missiles_fired, o.engagements,
            o.friendly_engaged, o.civil_engaged, o.friendly_shots, o.civil_shots, o.friendly_destroyed,
            o.civil_destroyed, o.hostile_detected, o.hostile_identified, o.weapons_released, o.weapons_on_target,
            o.weapons_intercepted, o.ground_targets_destroyed, o.attackers_lost, o.defence_radars_lost};
  j["d"] = {Opt(o.missiles_per_kill), Opt(o.mean_detect_to_id_s), Opt(o.max_detect_to_id_s), Opt(o.first_detection_s),
            Opt(o.mean_weapon_miss_m), Opt(o.interceptors_per_kill)};
  j["n"] = {o.events, o.engine_wakeups};
  J air = J::array();
  for (const AircraftResult& a : o.aircraft)
    air.push_back({a.name, a.affiliation, Opt(a.first_detected_s), Opt(a.first_tracked_s), Opt(a.first_hostile_s),
                   Opt(a.destroyed_s), Opt(a.final_identity), a.engagements, a.missiles_at});
  j["air"] = air;
  J ev = J::array();
  for (const NotableEvent& e : o.notable) ev.push_back({e.time_s, e.type, e.unit, e.target, e.affiliation, e.detail});
  j["ev"] = ev;
  return j.dump();
}

ReplicationResult DecodeResult(const std::string& text) {
  const J j = J::parse(text);
  ReplicationResult r;
  r.job.variant = j["v"].get<std::uint32_t>();
  r.job.replication = j["k"].get<std::uint64_t>();
  r.seed = j["seed"].get<std::uint64_t>();
  r.ok = j["ok"].get<bool>();
  r.error = j["error"].get<std::string>();
  r.wall_s = j["wall_s"].get<double>();
  r.rank = j["rank"].get<int>();
  r.draws = j["draws"].get<std::vector<std::pair<std::string, std::string>>>();
  ReplicationOutcome& o = r.outcome;
  int* ints[] = {&o.hostile_aircraft, &o.leakers, &o.hostile_destroyed, &o.aircraft_destroyed, &o.missiles_fired,
                 &o.engagements, &o.friendly_engaged, &o.civil_engaged, &o.friendly_shots, &o.civil_shots,
                 &o.friendly_destroyed, &o.civil_destroyed, &o.hostile_detected, &o.hostile_identified,
                 &o.weapons_released, &o.weapons_on_target, &o.weapons_intercepted, &o.ground_targets_destroyed,
                 &o.attackers_lost, &o.defence_radars_lost};
  for (std::size_t i = 0; i < std::size(ints); ++i) *ints[i] = j["i"][i].get<int>();
  o.missiles_per_kill = GetOpt<double>(j["d"][0]);
  o.mean_detect_to_id_s = GetOpt<double>(j["d"][1]);
  o.max_detect_to_id_s = GetOpt<double>(j["d"][2]);
  o.first_detection_s = GetOpt<double>(j["d"][3]);
  o.mean_weapon_miss_m = GetOpt<double>(j["d"][4]);
  o.interceptors_per_kill = GetOpt<double>(j["d"][5]);
  o.events = j["n"][0].get<std::uint64_t>();
  o.engine_wakeups = j["n"][1].get<std::uint64_t>();
  for (const J& a : j["air"])
    o.aircraft.push_back(AircraftResult{a[0].get<std::string>(), a[1].get<std::string>(), GetOpt<double>(a[2]),
                                        GetOpt<double>(a[3]), GetOpt<double>(a[4]), GetOpt<double>(a[5]),
                                        GetOpt<std::string>(a[6]), a[7].get<int>(), a[8].get<int>()});
  for (const J& e : j["ev"])
    o.notable.push_back(NotableEvent{e[0].get<double>(), e[1].get<std::string>(), e[2].get<std::string>(),
                                     e[3].get<std::string>(), e[4].get<std::string>(), e[5].get<std::string>()});
  return r;
}

std::string BatchMetadata::VariantsJson() const {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const VariantRecord& v : variants) {
    nlohmann::ordered_json j;
    j["variant_id"] = v.id;
    j["name"] = v.name;
    j["kind"] = v.kind;
    j["overrides_path"] = v.overrides_path ? nlohmann::ordered_json(*v.overrides_path) : nlohmann::ordered_json();
    j["overrides_text"] = v.overrides_text ? nlohmann::ordered_json(*v.overrides_text) : nlohmann::ordered_json();
    j["assignments"] = nlohmann::ordered_json::parse(v.assignments_json);
    list.push_back(j);
  }
  return list.dump();
}

std::string BatchMetadata::Fingerprint() const {
  // The overrides path is where the text came from, not what it says: left out of the hash.
  std::string what = scenario_text;
  what += '\0' + std::to_string(seed) + '\0';
  for (const VariantRecord& v : variants)
    what += v.name + '\0' + v.kind + '\0' + v.overrides_text.value_or("") + '\0' + v.assignments_json + '\0';
  if (events != EventsKept::kAll) what += std::string("events=") + ToString(events) + '\0';  // older files: all
  return fmt::format("{:016x}", StableHash(what));
}

ResultsDb::ResultsDb(const std::filesystem::path& path, const BatchMetadata& meta, bool force) : path_(path.string()) {
  const std::string fingerprint = meta.Fingerprint();
  for (const VariantRecord& v : meta.variants) variant_names_.emplace(v.id, v.name);
  if (force) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + suffix);
  }
  bool existed = std::filesystem::exists(path);
  if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw ScenarioError({Problem{"--out", "cannot open the results file: " + msg, path_}});
  }
  sqlite3_busy_timeout(db_, 10000);
  const bool was_there = existed;
  try {
    Open(meta, fingerprint, existed);
  } catch (const std::runtime_error& e) {
    // An existing file that SQLite cannot read through (a damaged page, a foreign table) is bad
    // input, refused like any other; a new file's failure, or a full disk, is not.
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = nullptr;
    const bool refused = dynamic_cast<const ScenarioError*>(&e) != nullptr;
    const bool disk_full = dynamic_cast<const OutputError*>(&e) != nullptr;
    if (!was_there || refused || disk_full) throw;
    throw ScenarioError({Problem{"--out",
                                 fmt::format("cannot be resumed ({}): a damaged file, or one iadsim did not write; to "
                                             "overwrite it add --force, or write to another file with --out",
                                             e.what()),
                                 path_}});
  }
}

void ResultsDb::Open(const BatchMetadata& meta, const std::string& fingerprint, bool existed) {
  if (existed) {
    const auto old = MetaValue(db_, "fingerprint");
    std::string why;
    if (!old && IsBlank(db_)) existed = false;  // killed before its first commit: start afresh
    else if (const std::string check = QuickCheck(db_); check != "ok")
      why = "is damaged (SQLite's quick_check: " + check + ")";
    else if (!old) why = "is not an iadsim results file";
    else if (const auto version = MetaValue(db_, "format_version"); version != kFormatVersion)
      why = fmt::format("is a results file of format version {} (this iadsim writes version {})", version.value_or("?"),
                        kFormatVersion);
    else if (*old != fingerprint) {
      const auto old_text = MetaValue(db_, "scenario_text");
      const auto old_seed = MetaValue(db_, "seed");
      const std::string old_events = MetaValue(db_, "events").value_or("all");
      if (old_text != meta.scenario_text) why = "holds results of a different scenario text";
      else if (old_seed != std::to_string(meta.seed)) why = fmt::format("holds results of seed {}", old_seed.value_or("?"));
      else if (old_events != ToString(meta.events))
        why = fmt::format("keeps the events of --events {} (this run asks for --events {})", old_events, ToString(meta.events));
      else why = "holds results of different variants";
    }
    if (!why.empty()) {
      sqlite3_close(db_);
      db_ = nullptr;
      throw ScenarioError({Problem{"--out", why + "; to overwrite it add --force, or write to another file with --out", path_}});
    }
  }
  try {
    Exec("PRAGMA journal_mode=WAL");
    Exec("PRAGMA synchronous=NORMAL");
    Exec("BEGIN IMMEDIATE");
    Exec(kSchema);
    // The run count of the batches already stored (a file written by iadsim holds a whole number).
    std::uint64_t old_runs = 0;
    if (const auto text = MetaValue(db_, "runs")) {
      const auto r = std::from_chars(text->data(), text->data() + text->size(), old_runs);
      if (r.ec != std::errc() || r.ptr != text->data() + text->size())
        throw ScenarioError({Problem{"--out", fmt::format("holds an unreadable run count '{}' in its metadata", *text), path_}});
    }
    sqlite3_stmt* m = Prepare("INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)");
    auto put = [&](const std::string& k, const std::string& v) { Stmt(m).Text(1, k).Text(2, v).Run(); };
    if (!existed) {
      put("format_version", kFormatVersion);
      put("scenario_path", meta.scenario_path);
      put("scenario_text", meta.scenario_text);
      put("seed", std::to_string(meta.seed));
      put("variants_json", meta.VariantsJson());
      put("events", ToString(meta.events));
      put("created_utc", NowUtc());
      sqlite3_stmt* v = Prepare(
          "INSERT INTO variants (variant_id, name, kind, overrides_path, overrides_text, assignments_json) "
          "VALUES (?, ?, ?, ?, ?, ?)");
      for (const VariantRecord& r : meta.variants)
        Stmt(v).Int(1, r.id).Text(2, r.name).Text(3, r.kind).Text(4, r.overrides_path).Text(5, r.overrides_text)
            .Text(6, r.assignments_json).Run();
      sqlite3_finalize(v);
    }
    put("iadsim_version", meta.iadsim_version);
    put("command_line", meta.command_line);
    put("runs", std::to_string(std::max<std::uint64_t>(meta.runs, old_runs)));
    put("fingerprint", fingerprint);  // last: a file without it is not a results file
    sqlite3_finalize(m);
    Exec("COMMIT");
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
  sqlite3_stmt* q = Prepare("SELECT variant_id, replication FROM replications");
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW)
    stored_.insert({static_cast<std::uint32_t>(sqlite3_column_int64(q, 0)),
                    static_cast<std::uint64_t>(sqlite3_column_int64(q, 1))});
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) ThrowSqlite(db_, path_, sqlite3_errmsg(db_));  // not every stored row was read
  ins_rep_ = Prepare(
      "INSERT INTO replications (variant_id, variant, replication, seed, status, error, hostile_aircraft, leakers, "
      "hostile_destroyed, aircraft_destroyed, missiles_fired, missiles_per_kill, engagements, friendly_engaged, "
      "civil_engaged, civil_shots, friendly_shots, friendly_destroyed, civil_destroyed, hostile_detected, "
      "hostile_identified, mean_detect_to_id_s, max_detect_to_id_s, first_detection_s, weapons_released, "
      "weapons_on_target, weapons_intercepted, mean_weapon_miss_m, ground_targets_destroyed, attackers_lost, "
      "defence_radars_lost, interceptors_per_kill, events, engine_wakeups, wall_s, rank) "
      "VALUES (?,?,?,?,?,?, ?,?,?,?, ?,?,?, ?,?,?,?, ?,?,?,?, ?,?,?, ?,?,?,?,?,?,?,?, ?,?,?,?)");
  ins_air_ = Prepare("INSERT INTO aircraft VALUES (?,?,?,?,?, ?,?,?,?, ?,?,?)");
  ins_ev_ = Prepare("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?)");
  ins_draw_ = Prepare("INSERT INTO draws VALUES (?,?,?,?)");
}

ResultsDb::~ResultsDb() {
  if (db_ == nullptr) return;
  // An unfinished transaction is rolled back: only Commit() stores (never half a replication).
  if (in_tx_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  for (sqlite3_stmt* s : {ins_rep_, ins_air_, ins_ev_, ins_draw_}) sqlite3_finalize(s);
  sqlite3_close(db_);
}

void ResultsDb::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    ThrowSqlite(db_, path_, msg);
  }
}

sqlite3_stmt* ResultsDb::Prepare(const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK)
    ThrowSqlite(db_, path_, sqlite3_errmsg(db_));
  return s;
}

void ResultsDb::Add(const ReplicationResult& r) {
  const std::pair<std::uint32_t, std::uint64_t> key{r.job.variant, r.job.replication};
  IADSIM_CHECK(!stored_.contains(key), fmt::format("replication {} of variant {} stored twice", key.second, key.first));
  if (!in_tx_) {
    Exec("BEGIN IMMEDIATE");
    in_tx_ = true;
  }
  const auto v = static_cast<std::int64_t>(r.job.variant);
  const auto k = static_cast<std::int64_t>(r.job.replication);
  const ReplicationOutcome& o = r.outcome;
  const auto name = variant_names_.find(r.job.variant);
  IADSIM_CHECK(name != variant_names_.end(),
               fmt::format("replication of variant {}, which the batch does not define", r.job.variant));
  Stmt s(ins_rep_);
  s.Int(1, v).Text(2, name->second).Int(3, k).Int(4, static_cast<std::int64_t>(r.seed))
      .Text(5, std::string(r.ok ? "ok" : "failed"));
  if (r.ok) {
    s.Null(6).Int(7, o.hostile_aircraft).Int(8, o.leakers).Int(9, o.hostile_destroyed).Int(10, o.aircraft_destroyed)
        .Int(11, o.missiles_fired).Real(12, o.missiles_per_kill).Int(13, o.engagements)
        .Int(14, o.friendly_engaged).Int(15, o.civil_engaged).Int(16, o.civil_shots).Int(17, o.friendly_shots)
        .Int(18, o.friendly_destroyed).Int(19, o.civil_destroyed).Int(20, o.hostile_detected)
        .Int(21, o.hostile_identified).Real(22, o.mean_detect_to_id_s).Real(23, o.max_detect_to_id_s)
        .Real(24, o.first_detection_s).Int(25, o.weapons_released).Int(26, o.weapons_on_target)
        .Int(27, o.weapons_intercepted).Real(28, o.mean_weapon_miss_m).Int(29, o.ground_targets_destroyed)
        .Int(30, o.attackers_lost).Int(31, o.defence_radars_lost).Real(32, o.interceptors_per_kill)
        .Int(33, static_cast<std::int64_t>(o.events)).Int(34, static_cast<std::int64_t>(o.engine_wakeups));
  } else {
    s.Text(6, r.error);
    for (int i = 7; i <= 34; ++i) s.Null(i);
  }
  s.Real(35, r.wall_s).Int(36, r.rank).Run();
  if (r.ok) {
    for (std::size_t i = 0; i < o.aircraft.size(); ++i) {
      const AircraftResult& a = o.aircraft[i];
      Stmt(ins_air_).Int(1, v).Int(2, k).Text(3, a.name).Int(4, static_cast<std::int64_t>(i)).Text(5, a.affiliation)
          .Real(6, a.first_detected_s).Real(7, a.first_tracked_s).Real(8, a.first_hostile_s).Text(9, a.final_identity)
          .Int(10, a.engagements).Int(11, a.missiles_at).Real(12, a.destroyed_s).Run();
    }
    for (std::size_t i = 0; i < o.notable.size(); ++i) {
      const NotableEvent& e = o.notable[i];
      Stmt(ins_ev_).Int(1, v).Int(2, k).Int(3, static_cast<std::int64_t>(i)).Real(4, e.time_s).Text(5, e.type)
          .TextOrNull(6, e.unit).TextOrNull(7, e.target).TextOrNull(8, e.affiliation).TextOrNull(9, e.detail).Run();
    }
  }
  for (const auto& [path, value] : r.draws) Stmt(ins_draw_).Int(1, v).Int(2, k).Text(3, path).Text(4, value).Run();
  stored_.insert(key);
  ++pending_;
}

void ResultsDb::Commit() {
  if (!in_tx_) return;
  Exec("COMMIT");
  in_tx_ = false;
  pending_ = 0;
}

}  // namespace iadsim
