#include "iadsim/io/report_html.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "iadsim/analysis/paired_comparison.h"
#include "iadsim/analysis/svg_plot.h"
#include "iadsim/core/error.h"

namespace iadsim {
namespace {

// ---------------------------------------------------------------------------------------------
// Reading the results file.

constexpr const char* kReadsVersion = "3";  // the format version of io/results_db.cc

[[noreturn]] void NotAResultsFile(const std::string& file, const std::string& why) {
  Problem p;
  p.file = file;
  p.message = "not an iadsim results file (" + why + "); give the --out file of `iadsim batch`";
  throw ScenarioError({p});
}

class Db {
 public:
  explicit Db(const std::string& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : "cannot open";
      sqlite3_close(db_);
      db_ = nullptr;
      NotAResultsFile(path_, why);
    }
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs `sql`, calling `row` for each result row.
  void Query(const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) {
      const std::string why = std::string("SQLite: ") + sqlite3_errmsg(db_);
      sqlite3_finalize(s);
      NotAResultsFile(path_, why);
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) row(s);
    const std::string why = std::string("SQLite: ") + sqlite3_errmsg(db_);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) NotAResultsFile(path_, why);
  }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

std::string Text(sqlite3_stmt* s, int col) {
  const auto* t = sqlite3_column_text(s, col);
  return t ? reinterpret_cast<const char*>(t) : "";
}
bool IsNull(sqlite3_stmt* s, int col) { return sqlite3_column_type(s, col) == SQLITE_NULL; }
std::optional<double> OptReal(sqlite3_stmt* s, int col) {
  if (IsNull(s, col)) return std::nullopt;
  return sqlite3_column_double(s, col);
}

std::string ScenarioName(const std::string& text, const std::string& path) {
  try {
    const YAML::Node root = YAML::Load(text);
    if (root.IsMap() && root["scenario"] && root["scenario"]["name"]) return root["scenario"]["name"].as<std::string>();
  } catch (const std::exception&) {
    // The scenario was valid when the batch ran; an unreadable copy only loses the name.
  }
  return std::filesystem::path(path).stem().string();
}

}  // namespace

ReportInput ReadResultsForReport(const std::filesystem::path& path) {
  const std::string file = path.string();
  if (!std::filesystem::is_regular_file(path)) {
    Problem p;
    p.file = file;
    p.message = "does not exist or is not a file";
    throw ScenarioError({p});
  }
  Db db(file);
  std::map<std::string, std::string> meta;
  db.Query("SELECT key, value FROM metadata", [&](sqlite3_stmt* s) { meta[Text(s, 0)] = Text(s, 1); });
  if (!meta.contains("format_version")) NotAResultsFile(file, "no format_version in its metadata");
  if (meta["format_version"] == "1" || meta["format_version"] == "2")
    NotAResultsFile(file, "format_version " + meta["format_version"] +
                              ", written by an older iadsim with other columns in `replications`; this iadsim reads version " + std::string(kReadsVersion) +
                          ": run the batch again with this iadsim");
  if (meta["format_version"] != kReadsVersion)
    NotAResultsFile(file, "format_version " + meta["format_version"] + "; this iadsim reads version " + kReadsVersion);
  ReportInput in;
  in.source = file;
  in.scenario_path = meta["scenario_path"];
  in.scenario_name = ScenarioName(meta["scenario_text"], in.scenario_path);
  in.iadsim_version = meta["iadsim_version"];
  in.command_line = meta["command_line"];
  in.created_utc = meta["created_utc"];
  in.seed = std::strtoull(meta["seed"].c_str(), nullptr, 10);
  in.runs = std::strtoull(meta["runs"].c_str(), nullptr, 10);
  std::map<std::uint32_t, std::size_t> index;
  db.Query("SELECT variant_id, name, kind, assignments_json FROM variants ORDER BY variant_id", [&](sqlite3_stmt* s) {
    ReportVariant v;
    v.id = static_cast<std::uint32_t>(sqlite3_column_int64(s, 0));
    v.name = Text(s, 1);
    v.kind = Text(s, 2);
    v.assignments_json = IsNull(s, 3) ? "{}" : Text(s, 3);
    index[v.id] = in.variants.size();
    in.variants.push_back(std::move(v));
  });
  Problems problems;
  db.Query(
      "SELECT variant_id, replication, status, error, hostile_aircraft, leakers, hostile_destroyed, missiles_fired, "
      "friendly_engaged, civil_engaged, friendly_shots, civil_shots, friendly_destroyed, civil_destroyed, "
      "weapons_released, weapons_on_target, weapons_intercepted, ground_targets_destroyed, attackers_lost, "
      "defence_radars_lost, missiles_per_kill, mean_detect_to_id_s, mean_weapon_miss_m, interceptors_per_kill "
      "FROM replications ORDER BY variant_id, replication",
      [&](sqlite3_stmt* s) {
        const auto vid = static_cast<std::uint32_t>(sqlite3_column_int64(s, 0));
        ReportReplication r;
        r.replication = static_cast<std::uint64_t>(sqlite3_column_int64(s, 1));
        const std::string where = fmt::format("replications[variant_id {}, replication {}]", vid, r.replication);
        const std::string status = Text(s, 2);
        if (!index.contains(vid)) {
          problems.push_back({where + ".variant_id", "names no row of the variants table", file});
          return;
        }
        if (status != "ok" && status != "failed") {
          problems.push_back({where + ".status", "must be ok or failed (got '" + status + "')", file});
          return;
        }
        r.ok = status == "ok";
        r.error = Text(s, 3);
        if (r.ok) {
          static constexpr const char* kCols[] = {
              "hostile_aircraft",    "leakers",         "hostile_destroyed",        "missiles_fired",
              "friendly_engaged",    "civil_engaged",   "friendly_shots",           "civil_shots",
              "friendly_destroyed",  "civil_destroyed", "weapons_released",         "weapons_on_target",
              "weapons_intercepted", "ground_targets_destroyed", "attackers_lost", "defence_radars_lost"};
          int* fields[] = {&r.hostile_aircraft,    &r.leakers,         &r.hostile_destroyed,        &r.missiles_fired,
                           &r.friendly_engaged,    &r.civil_engaged,   &r.friendly_shots,           &r.civil_shots,
                           &r.friendly_destroyed,  &r.civil_destroyed, &r.weapons_released,         &r.weapons_on_target,
                           &r.weapons_intercepted, &r.ground_targets_destroyed, &r.attackers_lost, &r.defence_radars_lost};
          static_assert(std::size(kCols) == std::size(fields));
          constexpr int kCount = static_cast<int>(std::size(kCols));
          for (int c = 0; c < kCount; ++c) {
            if (IsNull(s, 4 + c)) {
              problems.push_back({where + "." + kCols[c], "is NULL in a replication with status ok", file});
              return;
            }
            *fields[c] = static_cast<int>(sqlite3_column_int64(s, 4 + c));
          }
          r.missiles_per_kill = OptReal(s, 4 + kCount);
          r.mean_detect_to_id_s = OptReal(s, 5 + kCount);
          r.mean_weapon_miss_m = OptReal(s, 6 + kCount);
          r.interceptors_per_kill = OptReal(s, 7 + kCount);
        }
        in.variants[index[vid]].replications.push_back(std::move(r));
      });
  if (!problems.empty()) throw ScenarioError(problems);
  if (in.variants.empty()) NotAResultsFile(file, "its variants table is empty");
  return in;
}

// ---------------------------------------------------------------------------------------------
// Statistics.

namespace {

constexpr const char* kLost = "P(friendly or civil aircraft lost)";
constexpr const char* kLeaker = "P(at least one leaker)";
constexpr const char* kHostileDestroyed = "hostile destroyed";
constexpr const char* kCivilShot = "P(shot at civil aircraft)";

struct Measure {
  const char* name;
  const char* unit;  // for means; "" for proportions
  bool proportion;
  std::function<std::optional<double>(const ReportReplication&)> value;  // proportions: 0 or 1
  bool strike = false;  // shown in the HTML only when a weapon was released
};

const std::vector<Measure>& Measures() {
  using R = ReportReplication;
  static const std::vector<Measure> m = {
      {kLost, "", true,
       [](const R& r) -> std::optional<double> { return r.friendly_destroyed + r.civil_destroyed > 0; }},
      {"friendly or civil aircraft destroyed", "aircraft", false,
       [](const R& r) -> std::optional<double> { return r.friendly_destroyed + r.civil_destroyed; }},
      {kLeaker, "", true, [](const R& r) -> std::optional<double> { return r.leakers > 0; }},
      {kHostileDestroyed, "aircraft", false, [](const R& r) -> std::optional<double> { return r.hostile_destroyed; }},
      {"missiles per kill", "missiles", false, [](const R& r) { return r.missiles_per_kill; }},
      {"P(friendly aircraft engaged)", "", true,
       [](const R& r) -> std::optional<double> { return r.friendly_engaged > 0; }},
      {"friendly engaged", "orders", false, [](const R& r) -> std::optional<double> { return r.friendly_engaged; }},
      {kCivilShot, "", true, [](const R& r) -> std::optional<double> { return r.civil_shots > 0; }},
      {"civil shots", "missiles", false, [](const R& r) -> std::optional<double> { return r.civil_shots; }},
      {"detect-to-identify time", "s", false, [](const R& r) { return r.mean_detect_to_id_s; }},
      // Strike measures (format version 3).
      {"weapons released", "weapons", false, [](const R& r) -> std::optional<double> { return r.weapons_released; },
       true},
      {"weapons on target", "weapons", false, [](const R& r) -> std::optional<double> { return r.weapons_on_target; },
       true},
      {"P(ground target destroyed)", "", true,
       [](const R& r) -> std::optional<double> { return r.ground_targets_destroyed > 0; }, true},
      {"ground targets destroyed", "targets", false,
       [](const R& r) -> std::optional<double> { return r.ground_targets_destroyed; }, true},
      {"mean weapon miss", "m", false, [](const R& r) { return r.mean_weapon_miss_m; }, true},
      {"weapons intercepted", "weapons", false,
       [](const R& r) -> std::optional<double> { return r.weapons_intercepted; }, true},
      {"attackers lost", "aircraft", false, [](const R& r) -> std::optional<double> { return r.attackers_lost; }, true},
      {"defence radars lost", "radars", false,
       [](const R& r) -> std::optional<double> { return r.defence_radars_lost; }, true},
      {"interceptors per kill", "missiles", false, [](const R& r) { return r.interceptors_per_kill; }, true},
  };
  return m;
}

// The position of a measure in Measures() (and so in VariantReport::measures).
std::size_t MeasureIndex(std::string_view name) {
  const std::vector<Measure>& m = Measures();
  for (std::size_t i = 0; i < m.size(); ++i)
    if (m[i].name == name) return i;
  IADSIM_CHECK(false, fmt::format("no measure named {}", name));
  return 0;
}

MeasureEstimate Estimate(const Measure& m, const ReportVariant& v) {
  std::vector<double> x;
  for (const ReportReplication& r : v.replications)
    if (r.ok)
      if (const auto val = m.value(r)) x.push_back(*val);
  MeasureEstimate e{m.name, m.proportion, static_cast<std::int64_t>(x.size())};
  e.unit = m.unit;
  if (m.proportion) {
    for (const double b : x) e.events += b > 0.5 ? 1 : 0;
    if (e.n > 0) e.ci = WilsonInterval(e.events, e.n);
  } else if (e.n >= 2) {
    e.ci = MeanTInterval(x);
  }
  e.estimate = e.ci ? e.ci->estimate : Summarize(x).mean;
  return e;
}

PairedEstimate Pair(const Measure& m, const ReportVariant& base, const ReportVariant& v) {
  std::map<std::uint64_t, double> b;
  for (const ReportReplication& r : base.replications)
    if (r.ok)
      if (const auto val = m.value(r)) b[r.replication] = *val;
  std::vector<double> xb, xv;
  for (const ReportReplication& r : v.replications) {
    if (!r.ok) continue;
    const auto val = m.value(r);
    const auto it = b.find(r.replication);
    if (!val || it == b.end()) continue;
    xb.push_back(it->second);
    xv.push_back(*val);
  }
  PairedEstimate p{m.name, m.proportion, static_cast<std::int64_t>(xb.size())};
  if (m.proportion && !xb.empty()) {
    // std::span<const bool> cannot view a vector<bool>: plain arrays.
    auto bb = std::make_unique<bool[]>(xb.size()), bv = std::make_unique<bool[]>(xv.size());
    for (std::size_t i = 0; i < xb.size(); ++i) {
      bb[i] = xb[i] > 0.5;
      bv[i] = xv[i] > 0.5;
    }
    const PairedProportionComparison c =
        ComparePairedProportions({bb.get(), xb.size()}, {bv.get(), xv.size()});
    p.baseline_only = c.baseline_only;
    p.variant_only = c.variant_only;
    p.difference = c.difference;
    p.mcnemar_p = c.mcnemar_p;
  } else if (!m.proportion && xb.size() >= 2) {
    p.difference = PairedMeanDifference(xb, xv);
  }
  return p;
}

}  // namespace

const std::vector<MeasureInfo>& ReportMeasures() {
  static const std::vector<MeasureInfo> info = [] {
    std::vector<MeasureInfo> out;
    for (const Measure& m : Measures()) out.push_back({m.name, m.unit, m.proportion, m.strike});
    return out;
  }();
  return info;
}

bool AnyWeaponReleased(const ReportInput& input) {
  for (const ReportVariant& v : input.variants)
    for (const ReportReplication& r : v.replications)
      if (r.ok && r.weapons_released > 0) return true;
  return false;
}

std::vector<VariantReport> ComputeReport(const ReportInput& input) {
  std::vector<VariantReport> out;
  for (std::size_t i = 0; i < input.variants.size(); ++i) {
    const ReportVariant& v = input.variants[i];
    VariantReport r;
    r.variant = v.name;
    for (const ReportReplication& rep : v.replications) ++(rep.ok ? r.done : r.failed);
    for (const Measure& m : Measures()) {
      r.measures.push_back(Estimate(m, v));
      if (i > 0) r.paired.push_back(Pair(m, input.variants.front(), v));
    }
    out.push_back(std::move(r));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTML.

namespace {

constexpr const char* kStyle = R"css(
body{font-family:sans-serif;margin:2em;max-width:72em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f2f2f2}
.plots svg{margin:.3em;border:1px solid #eee}.note{color:#555;font-size:.9em}
)css";

std::string E(const std::string& s) { return XmlEscape(s); }
std::string Num(double v) { return fmt::format("{:.4f}", v); }
std::string Cell(const std::string& s) { return "<td>" + E(s) + "</td>"; }
std::string NumCell(const std::string& s) { return "<td class=\"num\">" + s + "</td>"; }
const char* kNone = "\xe2\x80\x94";  // em dash: not defined

std::string Row(const std::vector<std::string>& cells) {
  std::string r = "<tr>";
  for (const std::string& c : cells) r += c;
  return r + "</tr>\n";
}

std::string Header(const std::vector<std::string>& names) {
  std::string r = "<tr>";
  for (const std::string& n : names) r += "<th>" + E(n) + "</th>";
  return r + "</tr>\n";
}

std::string CiCells(const std::optional<ConfidenceInterval>& ci) {
  return ci ? NumCell(Num(ci->lower)) + NumCell(Num(ci->upper)) : NumCell(kNone) + NumCell(kNone);
}

// A sweep parameter's value text ("150 km", "0.3") → number and unit; nullopt if not numeric.
std::optional<std::pair<double, std::string>> NumericValue(const nlohmann::json& v) {
  const std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  const char* begin = text.c_str();
  char* end = nullptr;
  const double x = std::strtod(begin, &end);
  if (end == begin || !std::isfinite(x)) return std::nullopt;
  std::string unit(end);
  unit.erase(0, unit.find_first_not_of(' '));
  return std::make_pair(x, unit);
}

std::string SweepPlots(const ReportInput& in, const std::vector<VariantReport>& reports) {
  // key → points (x, variant index); only sweep/lhs variants; keys in sorted order.
  std::map<std::string, std::vector<std::pair<double, std::size_t>>> by_key;
  std::map<std::string, std::string> unit;
  std::set<std::string> not_numeric;
  for (std::size_t i = 0; i < in.variants.size(); ++i) {
    const ReportVariant& v = in.variants[i];
    if (v.kind != "sweep" && v.kind != "lhs") continue;
    const nlohmann::json a = nlohmann::json::parse(v.assignments_json, nullptr, false);
    if (!a.is_object()) continue;
    for (const auto& [key, value] : a.items()) {
      const auto num = NumericValue(value);
      if (!num) {
        not_numeric.insert(key);
        continue;
      }
      by_key[key].push_back({num->first, i});
      unit.emplace(key, num->second);
    }
  }
  std::string out;
  for (const auto& [key, pts] : by_key) {
    std::set<double> xs;
    for (const auto& p : pts) xs.insert(p.first);
    if (not_numeric.contains(key) || xs.size() < 2) continue;
    const std::string label = unit[key].empty() ? key : key + " (" + unit[key] + ")";
    for (const std::size_t m : {MeasureIndex(kLost), MeasureIndex(kLeaker), MeasureIndex(kHostileDestroyed)}) {
      std::vector<CurvePoint> curve;
      for (const auto& [x, vi] : pts) {
        const MeasureEstimate& e = reports[vi].measures[m];
        if (e.ci) curve.push_back({x, e.estimate, e.ci->lower, e.ci->upper});
      }
      out += SvgLinePlot(reports.front().measures[m].measure + " against " + key, label,
                         reports.front().measures[m].measure, curve);
    }
  }
  return out;
}

}  // namespace

std::string RenderReportHtml(const ReportInput& in) {
#ifdef IADSIM_VERSION
  const std::string report_version = IADSIM_VERSION;
#else
  const std::string report_version = "unknown";
#endif
  const std::vector<VariantReport> reports = ComputeReport(in);
  // Strike measures only for a file in which some replication released a weapon.
  const bool strike = AnyWeaponReleased(in);
  const auto shown = [&](std::size_t measure) { return strike || !Measures()[measure].strike; };
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>iadsim report: " +
                  E(in.scenario_name) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<h1>iadsim report: " + E(in.scenario_name) + "</h1>\n";

  h += "<h2>Batch</h2>\n<table id=\"batch\">\n";
  const std::vector<std::pair<std::string, std::string>> batch = {
      {"scenario", in.scenario_name},        {"scenario file", in.scenario_path},
      {"seed", std::to_string(in.seed)},     {"replications per variant", std::to_string(in.runs)},
      {"results file", in.source},           {"written by iadsim", in.iadsim_version},
      {"report by iadsim", report_version},  {"created (UTC)", in.created_utc},
      {"command line", in.command_line}};
  for (const auto& [k, v] : batch) h += Row({"<th>" + E(k) + "</th>", Cell(v)});
  h += "</table>\n";

  h += "<h2>Runs</h2>\n<table id=\"runs\">\n" +
       Header({"variant", "kind", "assignments", "asked", "done", "failed"});
  for (std::size_t i = 0; i < in.variants.size(); ++i)
    h += Row({Cell(in.variants[i].name), Cell(in.variants[i].kind), Cell(in.variants[i].assignments_json),
              NumCell(std::to_string(in.runs)), NumCell(std::to_string(reports[i].done)),
              NumCell(std::to_string(reports[i].failed))});
  h += "</table>\n";
  std::string failures;
  for (const ReportVariant& v : in.variants)
    for (const ReportReplication& r : v.replications)
      if (!r.ok) failures += Row({Cell(v.name), NumCell(std::to_string(r.replication)), Cell(r.error)});
  h += failures.empty() ? "<p>No replication failed.</p>\n"
                        : "<h3>Failed replications</h3>\n<table id=\"failures\">\n" +
                              Header({"variant", "replication", "message"}) + failures + "</table>\n";

  h += "<h2>Measures</h2>\n<p class=\"note\">Over the replications that finished (status ok). Proportions: "
       "Wilson score 95 % interval; means: Student t 95 % interval (n &ge; 2). n counts the replications in which "
       "the measure is defined (missiles per kill needs a hostile aircraft destroyed; detect-to-identify time needs "
       "a hostile aircraft detected and identified). A friendly or civil aircraft is lost in a replication when "
       "friendly_destroyed + civil_destroyed &gt; 0." +
       std::string(strike ? " Strike: a ground target is destroyed in a replication when ground_targets_destroyed "
                            "&gt; 0; mean weapon miss (the mean over replications of their mean miss distance) "
                            "needs a weapon that landed; interceptors per kill needs a hostile aircraft or weapon "
                            "destroyed."
                          : "") +
       "</p>\n<table id=\"measures\">\n" +
       Header({"variant", "measure", "n", "events", "estimate", "95 % lower", "95 % upper", "interval"});
  for (const VariantReport& r : reports)
    for (std::size_t k = 0; k < r.measures.size(); ++k) {
      const MeasureEstimate& e = r.measures[k];
      if (!shown(k)) continue;
      h += Row({Cell(r.variant), Cell(e.measure), NumCell(std::to_string(e.n)),
                NumCell(e.proportion ? std::to_string(e.events) : ""), NumCell(e.n > 0 ? Num(e.estimate) : kNone),
                CiCells(e.ci), Cell(e.proportion ? "Wilson" : "t")});
    }
  h += "</table>\n";

  if (reports.size() > 1) {
    h += "<h2>Paired differences against " + E(reports.front().variant) +
         "</h2>\n<p class=\"note\">Variant minus baseline over the replication indices both finished (common random "
         "numbers). Proportions: Agresti&ndash;Min 95 % interval and the exact two-sided McNemar p on the discordant "
         "pairs (b: event in the baseline only, c: in the variant only); means: paired t 95 % interval.</p>\n"
         "<table id=\"paired\">\n" +
         Header({"variant", "measure", "pairs", "difference", "95 % lower", "95 % upper", "interval", "b", "c",
                 "McNemar p"});
    for (std::size_t i = 1; i < reports.size(); ++i)
      for (std::size_t k = 0; k < reports[i].paired.size(); ++k) {
        const PairedEstimate& p = reports[i].paired[k];
        if (!shown(k)) continue;
        h += Row({Cell(reports[i].variant), Cell(p.measure), NumCell(std::to_string(p.pairs)),
                  NumCell(p.difference ? Num(p.difference->estimate) : kNone), CiCells(p.difference),
                  Cell(p.proportion ? "Agresti-Min" : "paired t"),
                  NumCell(p.proportion ? std::to_string(p.baseline_only) : ""),
                  NumCell(p.proportion ? std::to_string(p.variant_only) : ""),
                  NumCell(p.mcnemar_p ? fmt::format("{:.5f}", *p.mcnemar_p) : "")});
      }
    h += "</table>\n";
  }

  h += "<h2>Plots</h2>\n<div class=\"plots\">\n";
  for (const std::size_t m : {MeasureIndex(kLost), MeasureIndex(kLeaker), MeasureIndex(kCivilShot)}) {
    std::vector<BarWithInterval> bars;
    for (const VariantReport& r : reports)
      if (r.measures[m].ci) bars.push_back({r.variant, r.measures[m].estimate, r.measures[m].ci->lower, r.measures[m].ci->upper});
    h += SvgBarChart(reports.front().measures[m].measure + " (Wilson 95 %)", "probability", bars, 1.0);
  }
  constexpr std::size_t kMaxHistograms = 8;
  for (std::size_t i = 0; i < in.variants.size() && i < kMaxHistograms; ++i) {
    std::vector<double> destroyed, detect;
    for (const ReportReplication& r : in.variants[i].replications) {
      if (!r.ok) continue;
      destroyed.push_back(r.hostile_destroyed);
      if (r.mean_detect_to_id_s) detect.push_back(*r.mean_detect_to_id_s);
    }
    h += SvgHistogram("hostile aircraft destroyed per replication: " + in.variants[i].name, "hostile destroyed",
                      destroyed);
    h += SvgHistogram("detect-to-identify time: " + in.variants[i].name, "mean over hostile aircraft (s)", detect);
  }
  h += SweepPlots(in, reports);
  h += "</div>\n";
  if (in.variants.size() > kMaxHistograms)
    h += fmt::format("<p class=\"note\">Histograms of the first {} variants only.</p>\n", kMaxHistograms);

  h += "<h2>Methods</h2>\n<ul class=\"note\">\n"
       "<li>Wilson score interval (Wilson 1927; Agresti &amp; Coull 1998).</li>\n"
       "<li>Student t interval for a mean and for a paired mean difference (Student 1908).</li>\n"
       "<li>Exact McNemar test: discordant pairs ~ Bin(b + c, &frac12;), p = min(1, 2 P(X &le; min(b, c))) "
       "(McNemar 1947).</li>\n"
       "<li>Agresti&ndash;Min interval for a difference of paired proportions (Agresti &amp; Min 2005).</li>\n"
       "<li>Definitions of the measures: docs/results.md.</li>\n</ul>\n</body>\n</html>\n";
  return h;
}

}  // namespace iadsim
