#include "iadsim/c2/report_correlation.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <limits>

#include "iadsim/tracking/polar_pre_gate.h"
#include "iadsim/tracking/track_index.h"


namespace iadsim {

ReportCorrelation CorrelateReports(const Tracker& tracker, const std::vector<PositionReport>& reports) {
  ReportCorrelation out;
  const double gate = tracker.GateThreshold(3);
  const std::vector<TrackState>& tracks = tracker.tracks();
  const double q = tracker.config().process_noise_q;
  std::vector<PreGateTrack> pre;
  pre.reserve(tracks.size());
  for (const TrackState& t : tracks) pre.push_back(PreGateTrack::Of(t.time, t.x, t.P));
  // The confirmed tracks each report may gate with, in increasing order (track_index.h: a superset
  // of those the pre-gate keeps), over the reports' time window.
  std::vector<char> confirmed(tracks.size());
  for (std::size_t k = 0; k < tracks.size(); ++k) confirmed[k] = tracks[k].status == TrackStatus::kConfirmed;
  PositionTrackIndex index;
  if (!reports.empty()) {
    SimTime from = reports.front().time_of_validity, to = from;
    for (const PositionReport& r : reports) {
      from = std::min(from, r.time_of_validity);
      to = std::max(to, r.time_of_validity);
    }
    index.Build(pre, confirmed, q, from, to, gate);
  }
  std::vector<int> near;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const PositionReport& r = reports[i];
    const Vec3 z = tracker.frame().EnuFromGeodetic(r.position);
    Eigen::Matrix3d R = Eigen::Matrix3d::Zero();
    R(0, 0) = R(1, 1) = r.sigma_horizontal_m * r.sigma_horizontal_m + 1.0;
    R(2, 2) = r.sigma_vertical_m * r.sigma_vertical_m + 1.0;
    double best = std::numeric_limits<double>::infinity();
    TrackId best_track;
    index.Candidates(r.time_of_validity, z, R.trace(), &near);
    for (const int k : near) {
      const TrackState& t = tracks[k];
      // Certainly outside the gate: neither the best within it nor a change of which one is.
      if (PositionPreGateRejects(pre[k], q, r.time_of_validity, z, R.trace(), gate)) continue;
      const auto [x, P] = tracker.Predict(t.id, r.time_of_validity);
      const Vec3 nu = z - x.head<3>();
      const Eigen::Matrix3d S = P.topLeftCorner<3, 3>() + R;
      const double d2 = nu.dot(S.ldlt().solve(nu));
      if (d2 < best) {
        best = d2;
        best_track = t.id;
      }
    }
    if (best_track.valid() && best <= gate)
      out.pairs.push_back({i, best_track, best});
    else
      out.uncorrelated.push_back(i);
  }
  return out;
}

}  // namespace iadsim
