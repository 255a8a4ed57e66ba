// iadsim score --truth TRUTH.csv --tracks TRACKS.csv: scores a tracker's output against truth with
// GOSPA (and its localisation / missed / false parts), OSPA and the SIAP measures
// (tracking/track_score.h; docs/tracking.md, "Scoring"). Bad files or options: exit 2.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>

#include "commands.h"
#include "iadsim/core/error.h"
#include "iadsim/io/tracks_csv.h"
#include "iadsim/io/truth_csv.h"
#include "iadsim/tracking/track_score.h"

namespace iadsim::cli {
namespace {

struct ScoreArgs {
  std::string truth, tracks;
  double c_m = 500.0;
  double p = 2.0;
  double alpha = 2.0;
  std::optional<double> siap_threshold_m;  // default: c
  double time_tolerance_s = 1e-3;
  bool json = false;
};

nlohmann::json ToJson(const TrackScore& s, const TrackScoreConfig& config, double tolerance_s) {
  nlohmann::json j;
  j["frames"] = s.frames;
  j["first_time_s"] = s.first_time_s;
  j["last_time_s"] = s.last_time_s;
  j["config"] = {{"c_m", config.gospa.c_m},
                 {"p", config.gospa.p},
                 {"alpha", config.gospa.alpha},
                 {"siap_threshold_m", config.siap.association_threshold_m},
                 {"time_tolerance_s", tolerance_s}};
  nlohmann::json g = {{"mean_m", s.gospa_mean_m}, {"rms_m", s.gospa_rms_m}, {"decomposed", s.decomposed},
                      {"mean_missed_targets", s.mean_missed}, {"mean_false_tracks", s.mean_false}};
  if (s.decomposed) {
    g["localisation_m"] = s.gospa_localisation_m;
    g["missed_m"] = s.gospa_missed_m;
    g["false_m"] = s.gospa_false_m;
  }
  j["gospa"] = g;
  j["ospa"] = {{"mean_m", s.ospa_mean_m}};
  const SiapResult& r = s.siap;
  j["siap"] = {{"truths", r.truths},
               {"tracks", r.tracks},
               {"completeness", r.completeness},
               {"ambiguity", r.ambiguity},
               {"spuriousness", r.spuriousness},
               {"positional_accuracy_m", r.positional_accuracy_m},
               {"velocity_accuracy_mps", r.velocity_accuracy_mps},
               {"track_number_changes", r.track_number_changes},
               {"track_number_change_rate_per_s", r.track_number_change_rate_per_s},
               {"longest_segment_fraction", r.longest_segment_fraction},
               {"track_swaps", r.track_swaps},
               {"frame_interval_s", r.frame_interval_s},
               {"truth_steps", r.truth_steps},
               {"tracked_truth_steps", r.tracked_truth_steps},
               {"track_steps", r.track_steps},
               {"associated_track_steps", r.associated_track_steps}};
  return j;
}

void PrintText(const TrackScore& s, const TrackScoreConfig& c) {
  const SiapResult& r = s.siap;
  fmt::print("frames: {} ({:.3f} s to {:.3f} s), truths: {}, tracks: {}\n", s.frames, s.first_time_s, s.last_time_s,
             r.truths, r.tracks);
  fmt::print("GOSPA (c = {} m, p = {}, alpha = {}): mean {:.3f} m, RMS {:.3f} m\n", c.gospa.c_m, c.gospa.p,
             c.gospa.alpha, s.gospa_mean_m, s.gospa_rms_m);
  if (s.decomposed)
    fmt::print("  localisation {:.3f} m, missed {:.3f} m, false {:.3f} m (RMS parts)\n", s.gospa_localisation_m,
               s.gospa_missed_m, s.gospa_false_m);
  fmt::print("  per frame: {:.3f} missed targets, {:.3f} false tracks\n", s.mean_missed, s.mean_false);
  fmt::print("OSPA (c = {} m, p = {}): mean {:.3f} m\n", c.gospa.c_m, c.gospa.p, s.ospa_mean_m);
  fmt::print("SIAP (association threshold {} m):\n", c.siap.association_threshold_m);
  fmt::print("  completeness {:.4f}, ambiguity {:.4f}, spuriousness {:.4f}\n", r.completeness, r.ambiguity,
             r.spuriousness);
  fmt::print("  positional accuracy {:.3f} m, velocity accuracy {:.3f} m/s\n", r.positional_accuracy_m,
             r.velocity_accuracy_mps);
  fmt::print("  track-number changes {} ({:.5f} /s), longest segment {:.4f}, track swaps {}\n",
             r.track_number_changes, r.track_number_change_rate_per_s, r.longest_segment_fraction, r.track_swaps);
}

int Score(const ScoreArgs& a) {
  TrackScoreConfig config;
  config.gospa = {a.c_m, a.p, a.alpha};
  config.siap.association_threshold_m = a.siap_threshold_m.value_or(a.c_m);
  Problems problems = config.Validate();
  for (Problem& p : problems) p.path = "--" + p.path;
  if (!(a.time_tolerance_s >= 0.0))
    problems.push_back({"--time-tolerance", fmt::format("must be >= 0 s (got {})", a.time_tolerance_s)});
  if (!problems.empty()) throw ScenarioError(problems);
  // Both files are read before either is refused, so that all problems are reported at once.
  Problems file_problems;
  StateTable truth, tracks;
  try {
    truth = ReadTruthCsv(a.truth);
  } catch (const ScenarioError& e) {
    file_problems.insert(file_problems.end(), e.problems().begin(), e.problems().end());
  }
  try {
    tracks = ReadTracksCsv(a.tracks);
  } catch (const ScenarioError& e) {
    file_problems.insert(file_problems.end(), e.problems().begin(), e.problems().end());
  }
  if (!file_problems.empty()) throw ScenarioError(file_problems);
  const TrackScore s = ScoreTracks(BuildScoringFrames(truth.rows, tracks.rows, a.time_tolerance_s), config);
  if (a.json)
    std::cout << ToJson(s, config, a.time_tolerance_s).dump(2) << '\n';
  else
    PrintText(s, config);
  return 0;
}

}  // namespace

void AddScoreCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto a = std::make_shared<ScoreArgs>();
  auto* cmd = app.add_subcommand("score", "Score tracks against truth: GOSPA (with its parts), OSPA and SIAP measures");
  cmd->add_option("--truth", a->truth, "Truth CSV: time,target_id,x,y,vx,vy[,z,vz] (s, m, m/s)")->required();
  cmd->add_option("--tracks", a->tracks, "Tracks CSV: time,track_id,x,y,vx,vy[,z,vz] (s, m, m/s)")->required();
  cmd->add_option("--c", a->c_m, "GOSPA/OSPA cut-off c in metres, > 0 (default 500)");
  cmd->add_option("--p", a->p, "GOSPA/OSPA order p, >= 1 (default 2)");
  cmd->add_option("--alpha", a->alpha, "GOSPA alpha in (0, 2]; 2 gives the localisation/missed/false parts (default 2)");
  cmd->add_option("--siap-threshold", a->siap_threshold_m,
                  "SIAP association distance in metres, > 0: a track is associated with the nearest truth closer "
                  "than this (default: c)");
  cmd->add_option("--time-tolerance", a->time_tolerance_s,
                  "Times closer than this (seconds) are one frame (default 0.001)");
  cmd->add_flag("--json", a->json, "Print the scores as one JSON object");
  verbs.push_back({cmd, [a] { return Score(*a); }});
}

}  // namespace iadsim::cli
