#include "iadsim/tracking/siap.h"

#include <algorithm>
#include <map>

#include "iadsim/core/error.h"
#include "iadsim/tracking/cutoff_matching.h"

namespace iadsim {
namespace {

struct TruthState {
  std::int64_t last_primary = -1;  // track id at the last frame with a primary track
  bool has_last_primary = false;
  std::int64_t run_track = -1;     // the track of the current run; run_length 0 = no run
  std::int64_t run_length = 0;
  std::int64_t longest = 0;
  std::int64_t present = 0;
};

struct TrackState {
  std::int64_t last_truth = 0;
  bool has_last_truth = false;
};

double MedianInterval(const std::vector<ScoringFrame>& frames) {
  std::vector<double> d;
  for (std::size_t k = 1; k < frames.size(); ++k) d.push_back(frames[k].time_s - frames[k - 1].time_s);
  if (d.empty()) return 0.0;
  std::sort(d.begin(), d.end());
  const std::size_t h = d.size() / 2;
  return d.size() % 2 == 1 ? d[h] : 0.5 * (d[h - 1] + d[h]);
}

}  // namespace

SiapResult ComputeSiap(const std::vector<ScoringFrame>& frames, const SiapConfig& config) {
  IADSIM_CHECK(config.association_threshold_m > 0.0, "SIAP association threshold must be > 0");
  SiapResult r;
  r.frames = static_cast<std::int64_t>(frames.size());
  std::map<std::int64_t, TruthState> truths;
  std::map<std::int64_t, TrackState> tracks;
  double pos_sum = 0.0, vel_sum = 0.0;
  for (const ScoringFrame& f : frames) {
    const int nx = static_cast<int>(f.truths.size());
    const int ny = static_cast<int>(f.tracks.size());
    // For each track, the nearest truth closer than the threshold.
    std::vector<int> track_truth(ny, -1);
    std::vector<double> track_dist(ny, 0.0);
    for (const NearPair& q : FindNearPairs(Positions(f.truths), Positions(f.tracks), config.association_threshold_m)) {
      if (track_truth[q.j] < 0 || q.distance_m < track_dist[q.j]) {  // pairs come in increasing truth index
        track_truth[q.j] = q.i;
        track_dist[q.j] = q.distance_m;
      }
    }
    // Primary track of each truth.
    std::vector<int> primary(nx, -1);
    for (int j = 0; j < ny; ++j) {
      const int i = track_truth[j];
      if (i < 0) continue;
      const int k = primary[i];
      if (k < 0 || track_dist[j] < track_dist[k] ||
          (track_dist[j] == track_dist[k] && f.tracks[j].id < f.tracks[k].id))
        primary[i] = j;
      ++r.associated_track_steps;
      pos_sum += (f.tracks[j].p_m - f.truths[i].p_m).norm();
      vel_sum += (f.tracks[j].v_mps - f.truths[i].v_mps).norm();
      TrackState& ts = tracks[f.tracks[j].id];
      if (ts.has_last_truth && ts.last_truth != f.truths[i].id) ++r.track_swaps;
      ts.has_last_truth = true;
      ts.last_truth = f.truths[i].id;
    }
    for (int j = 0; j < ny; ++j) tracks.try_emplace(f.tracks[j].id);
    r.truth_steps += nx;
    r.track_steps += ny;
    for (int i = 0; i < nx; ++i) {
      TruthState& s = truths[f.truths[i].id];
      ++s.present;
      if (primary[i] < 0) {
        s.run_length = 0;
        continue;
      }
      ++r.tracked_truth_steps;
      const std::int64_t id = f.tracks[primary[i]].id;
      if (s.has_last_primary && s.last_primary != id) ++r.track_number_changes;
      s.has_last_primary = true;
      s.last_primary = id;
      if (s.run_length > 0 && s.run_track == id) {
        ++s.run_length;
      } else {
        s.run_track = id;
        s.run_length = 1;
      }
      s.longest = std::max(s.longest, s.run_length);
    }
  }
  r.truths = static_cast<std::int64_t>(truths.size());
  r.tracks = static_cast<std::int64_t>(tracks.size());
  std::int64_t longest_sum = 0, present_sum = 0;
  for (const auto& [id, s] : truths) {
    longest_sum += s.longest;
    present_sum += s.present;
  }
  if (r.truth_steps > 0) r.completeness = static_cast<double>(r.tracked_truth_steps) / r.truth_steps;
  if (r.tracked_truth_steps > 0) r.ambiguity = static_cast<double>(r.associated_track_steps) / r.tracked_truth_steps;
  if (r.track_steps > 0)
    r.spuriousness = static_cast<double>(r.track_steps - r.associated_track_steps) / r.track_steps;
  if (r.associated_track_steps > 0) {
    r.positional_accuracy_m = pos_sum / r.associated_track_steps;
    r.velocity_accuracy_mps = vel_sum / r.associated_track_steps;
  }
  r.frame_interval_s = MedianInterval(frames);
  if (r.tracked_truth_steps > 0 && r.frame_interval_s > 0.0)
    r.track_number_change_rate_per_s = r.track_number_changes / (r.tracked_truth_steps * r.frame_interval_s);
  if (present_sum > 0) r.longest_segment_fraction = static_cast<double>(longest_sum) / present_sum;
  return r;
}

}  // namespace iadsim
