#pragma once
// The Monte Carlo report: one self-contained HTML file (inline CSS and SVG, no scripts, no
// network) from a results file of `iadsim batch` (docs/results.md, format version 3; a file of
// another version, e.g. 2 from before the strike columns, is refused). Contents and methods:
// docs/results.md, section "Reports".
//
// Measures per variant, over its replications with status `ok` (columns of `replications`):
//   proportions (Wilson score 95 % interval, analysis/statistics.h):
//     P(friendly or civil aircraft lost)  friendly_destroyed + civil_destroyed > 0   (first: the headline)
//     P(at least one leaker)              leakers > 0
//     P(friendly aircraft engaged)        friendly_engaged > 0
//     P(shot at civil aircraft)           civil_shots > 0
//   means (Student t 95 % interval; NULL values are left out, so n may be smaller):
//     friendly or civil aircraft destroyed (friendly_destroyed + civil_destroyed), hostile destroyed,
//     missiles per kill, friendly engaged, civil shots, detect-to-identify time (s)
//   strike measures (after the others; in the HTML only when some replication of the file released
//   a weapon, weapons_released > 0, so incident reports keep their tables):
//     P(ground target destroyed)          ground_targets_destroyed > 0   (proportion)
//     weapons released, weapons on target, ground targets destroyed, mean weapon miss (m; the mean
//     of the per-replication mean_weapon_miss_m, NULL left out), weapons intercepted, attackers
//     lost, defence radars lost, interceptors per kill (NULL left out)   (means)
// Paired differences of each variant against the first (baseline), on the replication indices
// both have `ok` (analysis/paired_comparison.h): proportions with the Agresti–Min interval and
// the exact McNemar p; means with the paired t interval.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/analysis/statistics.h"

namespace iadsim {

struct ReportReplication {
  std::uint64_t replication = 0;
  bool ok = false;
  std::string error;  // the failure message when !ok
  int hostile_aircraft = 0, leakers = 0, hostile_destroyed = 0, missiles_fired = 0;
  int friendly_engaged = 0, civil_engaged = 0, friendly_shots = 0, civil_shots = 0;
  int friendly_destroyed = 0, civil_destroyed = 0;
  std::optional<double> missiles_per_kill, mean_detect_to_id_s;
  // Strike columns (format version 3).
  int weapons_released = 0, weapons_on_target = 0, weapons_intercepted = 0, ground_targets_destroyed = 0;
  int attackers_lost = 0, defence_radars_lost = 0;
  std::optional<double> mean_weapon_miss_m, interceptors_per_kill;
};

struct ReportVariant {
  std::uint32_t id = 0;
  std::string name, kind;
  std::string assignments_json = "{}";
  std::vector<ReportReplication> replications;  // by replication index
};

struct ReportInput {
  std::string source;  // the results file path, as given
  std::string scenario_name, scenario_path, iadsim_version, command_line, created_utc;
  std::uint64_t seed = 0, runs = 0;
  std::vector<ReportVariant> variants;  // by variant_id; the first is the baseline
};

// Reads a results file. A missing file, a file that is not SQLite, or an SQLite file without the
// iadsim tables or with another format_version (1 and 2 included) → ScenarioError naming the file (exit 2).
ReportInput ReadResultsForReport(const std::filesystem::path& path);

// One measure of one variant.
struct MeasureEstimate {
  std::string measure;  // e.g. "P(friendly or civil aircraft lost)"
  bool proportion = false;
  std::int64_t n = 0;                    // replications that define it
  std::int64_t events = 0;               // proportions: replications where it happened
  std::optional<ConfidenceInterval> ci;  // none when n = 0 (proportion) or n < 2 (mean)
  double estimate = 0.0;                 // p̂ or the mean (0 when n = 0)
  std::string unit;                      // means: e.g. "aircraft", "m"; "" for proportions
};

// A variant against the baseline, one measure.
struct PairedEstimate {
  std::string measure;
  bool proportion = false;
  std::int64_t pairs = 0;
  std::int64_t baseline_only = 0, variant_only = 0;  // proportions: McNemar's b and c
  std::optional<ConfidenceInterval> difference;      // variant − baseline; none when pairs too few
  std::optional<double> mcnemar_p;                   // proportions only
};

struct VariantReport {
  std::string variant;
  std::int64_t done = 0, failed = 0;
  std::vector<MeasureEstimate> measures;
  std::vector<PairedEstimate> paired;  // empty for the baseline
};

// The measures of ComputeReport, in its order (the first is the headline).
struct MeasureInfo {
  std::string name, unit;  // unit "" for proportions
  bool proportion = false;
  bool strike = false;  // shown in the HTML only when AnyWeaponReleased
};
const std::vector<MeasureInfo>& ReportMeasures();

// True when some replication with status ok released a weapon (weapons_released > 0).
bool AnyWeaponReleased(const ReportInput& input);

// The statistics of every variant (deterministic), in ReportInput order; every measure of
// ReportMeasures(), strike measures included.
std::vector<VariantReport> ComputeReport(const ReportInput& input);

// The whole HTML document (deterministic: a pure function of `input` and this program's version).
std::string RenderReportHtml(const ReportInput& input);

}  // namespace iadsim
