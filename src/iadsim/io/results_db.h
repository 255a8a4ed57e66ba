#pragma once
// The SQLite results file of a Monte Carlo batch (format version 2, a public schema: docs/results.md).
// One writer. Each replication's rows (its `replications` row, its aircraft, notable events and
// draws) go into the file inside a transaction, and a transaction holds whole replications only:
// a crash or SIGKILL at any moment leaves whole replications or none (SQLite's atomic commit,
// journal_mode=WAL, synchronous=NORMAL: durable across a process kill; an OS crash may lose the
// last commits, never corrupt a row). A rerun of the same batch opens the file, reads which
// (variant, replication) pairs are stored, and runs only the others.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "iadsim/sim/batch.h"

struct sqlite3;
struct sqlite3_stmt;

namespace iadsim {

struct VariantRecord {
  std::uint32_t id = 0;
  std::string name;
  std::string kind;  // base, overrides, sweep, lhs
  std::optional<std::string> overrides_path, overrides_text;
  std::string assignments_json = "{}";  // {key path: value text}
};

struct BatchMetadata {
  std::string iadsim_version, scenario_path, scenario_text, command_line;
  EventsKept events = EventsKept::kAll;  // what the replications keep (sim/replication_outcome.h)
  std::uint64_t seed = 1;
  std::uint64_t runs = 0;
  std::vector<VariantRecord> variants;
  std::string VariantsJson() const;
  // Hex hash of (scenario_text, seed, VariantsJson(), and events unless all): what must match for a
  // rerun to resume.
  std::string Fingerprint() const;
};

// The program's version (CMake project version), for the metadata table.
std::string IadsimVersion();

// A result as one self-contained text (JSON, doubles to the last bit), to pass between MPI ranks.
std::string EncodeResult(const ReplicationResult& r);
ReplicationResult DecodeResult(const std::string& text);

class ResultsDb final {
 public:
  // Creates the file, or opens an existing one of the same fingerprint and format version to resume.
  // A file of another batch, of another format version (or not a results file) is refused with a ScenarioError (exit 2) that says to
  // use --force or another --out; with `force` it is deleted first. I/O errors: std::runtime_error.
  ResultsDb(const std::filesystem::path& path, const BatchMetadata& meta, bool force);
  ~ResultsDb();
  ResultsDb(const ResultsDb&) = delete;
  ResultsDb& operator=(const ResultsDb&) = delete;

  // (variant, replication) pairs already stored.
  const std::set<std::pair<std::uint32_t, std::uint64_t>>& stored() const { return stored_; }
  // Adds a replication to the open transaction (begins one if none). A pair already stored is a bug.
  void Add(const ReplicationResult& r);
  // Commits the open transaction, if any.
  void Commit();
  std::size_t pending() const { return pending_; }

 private:
  // The constructor's work after opening: checks an existing file, writes the metadata, prepares.
  void Open(const BatchMetadata& meta, const std::string& fingerprint, bool existed);
  void Exec(const char* sql);
  sqlite3_stmt* Prepare(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3_stmt *ins_rep_ = nullptr, *ins_air_ = nullptr, *ins_ev_ = nullptr, *ins_draw_ = nullptr;
  std::set<std::pair<std::uint32_t, std::uint64_t>> stored_;
  std::map<std::uint32_t, std::string> variant_names_;  // variant_id -> name, for the `variant` column
  std::size_t pending_ = 0;
  bool in_tx_ = false;
  std::string path_;
};

}  // namespace iadsim
