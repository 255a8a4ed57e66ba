#include "iadsim/tracking/scoring_frame.h"

#include <algorithm>

#include "iadsim/core/error.h"

namespace iadsim {

std::vector<ScoringFrame> BuildScoringFrames(const std::vector<KinematicSample>& truth,
                                             const std::vector<KinematicSample>& tracks, double time_tolerance_s) {
  IADSIM_CHECK(time_tolerance_s >= 0.0, "time tolerance must be >= 0");
  for (std::size_t k = 1; k < truth.size(); ++k)
    IADSIM_CHECK(truth[k].time_s >= truth[k - 1].time_s, "truth samples must be in time order");
  for (std::size_t k = 1; k < tracks.size(); ++k)
    IADSIM_CHECK(tracks[k].time_s >= tracks[k - 1].time_s, "track samples must be in time order");
  std::vector<ScoringFrame> frames;
  std::size_t a = 0, b = 0;
  while (a < truth.size() || b < tracks.size()) {
    const double t = std::min(a < truth.size() ? truth[a].time_s : tracks[b].time_s,
                              b < tracks.size() ? tracks[b].time_s : truth[a].time_s);
    ScoringFrame f;
    f.time_s = t;
    while (a < truth.size() && truth[a].time_s - t <= time_tolerance_s) f.truths.push_back(truth[a++]);
    while (b < tracks.size() && tracks[b].time_s - t <= time_tolerance_s) f.tracks.push_back(tracks[b++]);
    frames.push_back(std::move(f));
  }
  return frames;
}

std::vector<Eigen::Vector3d> Positions(const std::vector<KinematicSample>& samples) {
  std::vector<Eigen::Vector3d> out;
  out.reserve(samples.size());
  for (const KinematicSample& s : samples) out.push_back(s.p_m);
  return out;
}

}  // namespace iadsim
