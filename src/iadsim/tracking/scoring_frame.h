#pragma once
// The input of the tracking metrics: true objects and track estimates grouped by time.
// A KinematicSample is one row of a truth or tracks file (io/truth_csv.h, io/tracks_csv.h):
// position (m) and velocity (m/s) in a common local Cartesian frame (e.g. ENU; z = 0 in 2-D).
// BuildScoringFrames groups the samples of both files by time: times closer than time_tolerance_s
// to the first time of a frame fall in that frame (so 10.0000 and 10.0004 are one instant with a
// 1 ms tolerance). Truth and tracks must therefore be given at the same instants (the scan times);
// a time that occurs in one file only makes a frame whose other set is empty (all of its truths
// missed, or all of its tracks false). Frames are in increasing time; within a frame samples keep
// their file order.
#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace iadsim {

struct KinematicSample {
  double time_s = 0.0;
  std::int64_t id = 0;             // target_id or track_id
  Eigen::Vector3d p_m = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_mps = Eigen::Vector3d::Zero();
};

struct ScoringFrame {
  double time_s = 0.0;
  std::vector<KinematicSample> truths;
  std::vector<KinematicSample> tracks;
};

// Samples must be in non-decreasing time within each vector (the readers guarantee it; checked).
// time_tolerance_s >= 0.
std::vector<ScoringFrame> BuildScoringFrames(const std::vector<KinematicSample>& truth,
                                             const std::vector<KinematicSample>& tracks, double time_tolerance_s);

std::vector<Eigen::Vector3d> Positions(const std::vector<KinematicSample>& samples);

}  // namespace iadsim
