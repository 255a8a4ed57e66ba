#include "iadsim/io/run_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <ctime>
#include <fstream>
#include <functional>
#include <iomanip>
#include <sstream>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Refuse(const fs::path& file, int line, int column, const std::string& message) {
  Problem p;
  p.path = "(run)";
  p.message = message;
  p.file = file.string();
  p.line = line;
  p.column = column;
  throw ScenarioError({p});
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) Refuse(p, 0, 0, "cannot read " + p.filename().string() + "; is this a run directory?");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double Number(const CsvRecord& r, std::size_t i, const fs::path& file) {
  const std::string& s = r.fields[i];
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v))
    Refuse(file, r.places[i].first, r.places[i].second, fmt::format("field {} is not a number (got '{}')", i + 1, s));
  return v;
}

// An id column: a whole number in [1, 2^32 - 1] (entity and track numbers).
std::uint32_t IdField(const CsvRecord& r, std::size_t i, const fs::path& file) {
  const double v = Number(r, i, file);
  if (!(v >= 1.0 && v <= 4294967295.0 && v == std::floor(v)))
    Refuse(file, r.places[i].first, r.places[i].second,
           fmt::format("field {} is not an id, a whole number from 1 to 4294967295 (got '{}')", i + 1, r.fields[i]));
  return static_cast<std::uint32_t>(v);
}

// Each data row of a CSV file of `columns` fields, after its header, one at a time (no table of
// every row is held: a run's tracks.csv is tens of MB).
void ReadCsv(const fs::path& file, std::size_t columns, const std::function<void(const CsvRecord&)>& row) {
  bool header = true;
  ForEachCsvRecord(Slurp(file), file.string(), [&](const CsvRecord& r) {
    if (r.fields.size() != columns)
      Refuse(file, r.line, 1, fmt::format("has {} fields, expected {}", r.fields.size(), columns));
    if (!header) row(r);
    header = false;
  });
  if (header) Refuse(file, 1, 1, "is empty (no header)");
}

}  // namespace

std::vector<CsvRecord> ParseCsv(const std::string& text, const std::string& file) {
  std::vector<CsvRecord> out;
  ForEachCsvRecord(text, file, [&](const CsvRecord& r) { out.push_back(r); });
  return out;
}

void ForEachCsvRecord(const std::string& text, const std::string& file, const std::function<void(const CsvRecord&)>& fn) {
  CsvRecord rec;
  std::string field;
  int line = 1, quote_line = 0, quote_column = 0;
  std::size_t line_start = 0;  // offset of the current line's first character
  std::pair<int, int> field_place{1, 1};
  bool quoted = false, any = false;
  rec.line = 1;
  const auto end_field = [&](std::size_t next) {  // next: the offset where the following field starts
    rec.fields.push_back(std::move(field));
    rec.places.push_back(field_place);
    field.clear();
    field_place = {line, static_cast<int>(next - line_start) + 1};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line, line_start = i + 1;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      quote_line = line;
      quote_column = static_cast<int>(i - line_start) + 1;
      any = true;
    } else if (c == ',') {
      end_field(i + 1);
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        end_field(i + 1);
        fn(rec);
      }
      field.clear();
      rec = CsvRecord{};
      any = false;
      rec.line = ++line;
      line_start = i + 1;
      field_place = {line, 1};
    } else {
      field += c;
    }
  }
  if (quoted) Refuse(file, quote_line, quote_column, "unterminated quoted field");
  if (any || !field.empty()) {
    end_field(text.size());
    fn(rec);
  }
}

RunData ReadRunDirectory(const fs::path& dir) {
  RunData run;
  run.dir = dir;
  if (!fs::is_directory(dir)) Refuse(dir, 0, 0, "is not a run directory");
  const fs::path summary = dir / "summary.json";
  if (!fs::exists(summary))
    Refuse(summary, 0, 0,
           "is missing: the run is incomplete (interrupted, failed or still running); nothing was exported");
  try {
    run.summary = nlohmann::json::parse(Slurp(summary));
  } catch (const nlohmann::json::exception& e) {  // a syntax error, or a number beyond a double
    Refuse(summary, 0, 0, std::string("is not valid JSON: ") + e.what());
  }
  if (!run.summary.is_object() || !run.summary.contains("scenario") || !run.summary["scenario"].is_string())
    Refuse(summary, 0, 0, "has no \"scenario\" name");
  for (const char* key : {"seed", "replication"})  // written by every run; the replays' titles show them
    if (run.summary.contains(key) && !run.summary[key].is_number_unsigned())
      Refuse(summary, 0, 0, fmt::format("\"{}\" must be a whole number >= 0 (got {})", key, run.summary[key].dump()));

  const fs::path events = dir / "events.jsonl";
  std::istringstream lines(Slurp(events));
  std::string text;
  for (int n = 1; std::getline(lines, text); ++n) {
    if (text.empty()) continue;
    RunEvent e;
    e.line = n;
    try {
      e.fields = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& err) {
      // err.byte: 1-based count of the bytes read when the error was found = the column.
      const int col = static_cast<int>(std::min<std::size_t>(std::max<std::size_t>(err.byte, 1), text.size() + 1));
      std::string what = err.what();
      if (const auto at = what.find("syntax error"); at != std::string::npos) what = what.substr(at);
      Refuse(events, n, col, "not a JSON object: " + what);
    } catch (const nlohmann::json::exception& err) {  // e.g. a number beyond a double: no byte given
      Refuse(events, n, 1, std::string("not a JSON object: ") + err.what());
    }
    if (!e.fields.is_object() || !e.fields.contains("t") || !e.fields["t"].is_number() || !e.fields.contains("type") ||
        !e.fields["type"].is_string())
      Refuse(events, n, 1, "an event must be a JSON object with a numeric \"t\" and a string \"type\"");
    e.t_s = e.fields["t"].get<double>();
    e.type = e.fields["type"].get<std::string>();
    run.events.push_back(std::move(e));
  }

  const fs::path truth = dir / "truth.csv";
  ReadCsv(truth, 10, [&](const CsvRecord& r) {
    TruthRow t;
    t.t_s = Number(r, 0, truth);
    t.entity = IdField(r, 1, truth);
    t.name = r.fields[2];
    t.kind = r.fields[3];
    t.geo = {Number(r, 4, truth), Number(r, 5, truth), Number(r, 6, truth)};
    t.v_enu = Vec3(Number(r, 7, truth), Number(r, 8, truth), Number(r, 9, truth));
    run.truth.push_back(std::move(t));
  });
  const fs::path tracks = dir / "tracks.csv";
  ReadCsv(tracks, 10, [&](const CsvRecord& r) {
    TrackRow t;
    t.t_s = Number(r, 0, tracks);
    t.unit = r.fields[1];
    t.track = IdField(r, 2, tracks);
    t.geo = {Number(r, 3, tracks), Number(r, 4, tracks), Number(r, 5, tracks)};
    t.v_enu = Vec3(Number(r, 6, tracks), Number(r, 7, tracks), Number(r, 8, tracks));
    t.identity = r.fields[9];
    run.tracks.push_back(std::move(t));
  });
  return run;
}

Replay BuildReplay(const RunData& run, const Scenario& scenario) {
  const std::string name = run.summary["scenario"].get<std::string>();
  if (name != scenario.name)
    Refuse(run.dir / "summary.json", 0, 0,
           fmt::format("the run is of scenario '{}', the scenario given is '{}'", name, scenario.name));
  Replay r;
  r.scenario = scenario.name;
  r.start_utc = scenario.start_utc;
  r.duration_s = scenario.duration.seconds();
  for (std::size_t i = 0; i < run.truth.size(); ++i) {
    const TruthRow& t = run.truth[i];
    ReplayEntity& e = r.entities[t.entity];
    if (e.samples.empty()) {
      e.id = t.entity;
      e.name = t.name;
      e.kind = t.kind;
    }
    e.samples.push_back(i);
  }
  for (const AircraftSpec& a : scenario.aircraft)
    for (auto& [id, e] : r.entities)
      if (e.kind == "aircraft" && e.name == a.name) {
        e.side = a.side;
        e.type = a.type;
        e.affiliation = ToString(a.affiliation);
      }
  std::map<std::int64_t, std::int64_t> target_of_engagement;  // engagement -> truth entity
  std::uint32_t launches = 0;
  auto Int = [](const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_number_integer() ? j[key].get<std::int64_t>() : std::int64_t{-1};
  };
  auto Str = [](const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  for (const RunEvent& ev : run.events) {
    const nlohmann::json& f = ev.fields;
    if (ev.type == "engagement_ordered") {
      target_of_engagement[Int(f, "engagement")] = Int(f, "truth_entity");
    } else if (ev.type == "missile_launched") {
      const std::int64_t id = Int(f, "missile");
      if (id <= 0) Refuse(run.dir / "events.jsonl", ev.line, 1, "missile_launched without a \"missile\" id");
      ReplayEntity& e = r.entities[static_cast<std::uint32_t>(id)];
      e.id = static_cast<std::uint32_t>(id);
      e.kind = "missile";
      e.name = Str(f, "missile_name");
      e.unit = Str(f, "unit");
      e.launcher = Str(f, "launcher");
      e.engagement = Int(f, "engagement");
      const auto it = target_of_engagement.find(e.engagement);
      e.target = it == target_of_engagement.end() ? -1 : it->second;
      e.launch_s = ev.t_s;
      e.fire_event = ++launches;
      e.affiliation = "defence";
      for (const UnitSpec& u : scenario.units)
        if (u.name == e.unit) {
          e.side = u.side;
          e.type = u.missile_type;
        }
    } else if (ev.type == "missile_detonated") {
      auto it = r.entities.find(static_cast<std::uint32_t>(Int(f, "missile")));
      if (it == r.entities.end()) continue;
      it->second.detonated_s = ev.t_s;
      it->second.detonation_reason = Str(f, "reason");
      if (f.contains("miss_distance_m") && f["miss_distance_m"].is_number())
        it->second.miss_distance_m = f["miss_distance_m"].get<double>();
      it->second.nearest_entity = Int(f, "nearest_entity");
    } else if (ev.type == "entity_destroyed") {
      auto it = r.entities.find(static_cast<std::uint32_t>(Int(f, "entity")));
      if (it != r.entities.end()) it->second.destroyed_s = ev.t_s;
    }
  }
  return r;
}

void WriteFileAtomically(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw ScenarioError({CannotCreate(path.string(), errno)});
    out << text;
    out.close();
    if (!out) {
      const int err = errno;
      std::error_code ec;
      fs::remove(tmp, ec);
      throw OutputError(CannotWrite(path.string(), err) + "; nothing was written to it");
    }
  }
  fs::rename(tmp, path);
}

void RefuseToOverwrite(const fs::path& path, bool force) {
  if (!force && fs::exists(path)) {
    Problem p;
    p.file = path.string();
    p.message = "exists; pass --force to overwrite it";
    throw ScenarioError({p});
  }
}

std::string IsoTimePlus(const std::string& start_utc, double t_s) {
  std::tm tm{};
  std::istringstream in(start_utc);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
  const std::int64_t base = in.fail() ? 0 : static_cast<std::int64_t>(timegm(&tm));
  const std::int64_t ms_total = base * 1000 + std::llround(t_s * 1000.0);
  const std::time_t secs = static_cast<std::time_t>(ms_total >= 0 ? ms_total / 1000 : (ms_total - 999) / 1000);
  const int ms = static_cast<int>(ms_total - static_cast<std::int64_t>(secs) * 1000);
  std::tm out{};
  gmtime_r(&secs, &out);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", out.tm_year + 1900, out.tm_mon + 1, out.tm_mday,
                     out.tm_hour, out.tm_min, out.tm_sec, ms);
}

double HeadingDeg(const Vec3& v) {
  if (std::hypot(v.x(), v.y()) < 1e-6) return 0.0;
  double h = std::atan2(v.x(), v.y()) * 180.0 / M_PI;
  if (h < 0.0) h += 360.0;
  return h >= 360.0 ? 0.0 : h;
}

double PitchDeg(const Vec3& v) {
  if (v.norm() < 1e-6) return 0.0;
  return std::atan2(v.z(), std::hypot(v.x(), v.y())) * 180.0 / M_PI;
}

}  // namespace iadsim
