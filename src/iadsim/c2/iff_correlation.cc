#include "iadsim/c2/iff_correlation.h"

#include <Eigen/Dense>
#include <algorithm>
#include <limits>

#include "iadsim/tracking/polar_measurement.h"
#include "iadsim/tracking/polar_pre_gate.h"
#include "iadsim/tracking/swept_sector.h"
#include "iadsim/tracking/track_index.h"

namespace iadsim {
namespace {

// The detection a reply was combined with, if it is one of the batch's n detections, else -1.
int CombinedDetection(const IffReply& r, std::size_t n_detections) {
  return r.detection >= 0 && static_cast<std::size_t>(r.detection) < n_detections ? r.detection : -1;
}

}  // namespace

IffCorrelation CorrelateIff(const Tracker& tracker, const IffSweep& sweep, std::span<const TrackId> detection_tracks) {
  IffCorrelation out;
  if (sweep.max_range_m <= 0.0) return out;
  const PolarMeasurementModel& model = tracker.MeasurementModel(sweep.sensor_position, /*has_elevation=*/false);
  const double gate = tracker.GateThreshold(2);
  const std::vector<TrackState>& tracks = tracker.tracks();
  std::vector<char> answered(tracks.size(), 0);  // by index in tracks: paired with a reply
  // Combined replies: the track of their detection. `alone`: the others, in reply order.
  std::vector<int> combined_track(sweep.replies.size(), -1);
  std::vector<std::size_t> alone;
  for (std::size_t i = 0; i < sweep.replies.size(); ++i) {
    const int d = CombinedDetection(sweep.replies[i], detection_tracks.size());
    const TrackState* t = d >= 0 ? tracker.Find(detection_tracks[static_cast<std::size_t>(d)]) : nullptr;
    if (t) combined_track[i] = static_cast<int>(t - tracks.data());
    if (combined_track[i] < 0) alone.push_back(i);
  }
  const double q = tracker.PruneQ();  // the indexes' and pre-gates' bound
  const std::vector<PreGateTrack>& pre = tracker.pre_gate();
  // The tracks each reply may gate with, in increasing order (track_index.h: a superset of those
  // the pre-gate keeps), over the replies' time window: the tracker's index of the look when it
  // covers them (CommandPost::OnLook), else one built here.
  const PolarTrackIndex* shared = tracker.IndexAfterBatch(sweep.sensor_position, gate);
  PolarTrackIndex own;
  const PolarTrackIndex& index = shared != nullptr ? *shared : own;
  if (!alone.empty() && shared == nullptr) {
    SimTime from = sweep.replies[alone.front()].time, to = from;
    PlotAzimuths azimuths;  // the sweep's arc: tracks far from it are left out of the index
    for (const std::size_t i : alone) {
      const IffReply& r = sweep.replies[i];
      from = std::min(from, r.time);
      to = std::max(to, r.time);
      azimuths.Add(r.azimuth_rad, r.sigma_azimuth_rad);
    }
    own.Build(pre, {}, q, model, from, to, gate, &azimuths);
  }
  std::vector<int> near;
  for (std::size_t i = 0; i < sweep.replies.size(); ++i) {
    if (combined_track[i] >= 0) {
      out.pairs.push_back({i, tracks[static_cast<std::size_t>(combined_track[i])].id});
      answered[static_cast<std::size_t>(combined_track[i])] = 1;
      continue;
    }
    const IffReply& r = sweep.replies[i];
    const Eigen::Vector2d z(r.range_m, r.azimuth_rad);
    Eigen::Matrix2d R = Eigen::Matrix2d::Zero();
    R(0, 0) = r.sigma_range_m * r.sigma_range_m;
    R(1, 1) = r.sigma_azimuth_rad * r.sigma_azimuth_rad;
    double best = std::numeric_limits<double>::infinity();
    TrackId best_track;
    int best_k = -1;
    const PolarPlot plot{r.time, r.range_m, r.azimuth_rad, r.sigma_range_m, r.sigma_azimuth_rad};
    index.Candidates(plot, &near);
    const PlotDirection direction = PlotDirection::Of(plot);
    for (const int k : near) {
      const TrackState& t = tracks[k];
      // A track whose distance is certainly above the gate can neither be the best within the
      // gate nor change which one is (ties keep the first): skipping it changes nothing.
      if (PolarPreGateRejects(pre[k], q, model, plot, direction, gate)) continue;
      // H's velocity columns are zero: the predicted position block gives S = H P H^T + R bit for
      // bit (Tracker::PredictPosition). The model has no elevation: 2 x 2, fixed.
      const auto [p, P_pp] = tracker.PredictPosition(t, r.time);
      const auto l = model.LinearizeFixed<2>(p);
      const Eigen::Vector2d nu = model.InnovationFixed<2>(z, l.h);
      const Eigen::Matrix<double, 2, 3> H = l.H.leftCols<3>();
      const Eigen::Matrix2d S = H * P_pp * H.transpose() + R;
      const double d2 = nu.dot(S.ldlt().solve(nu));
      if (d2 < best) {
        best = d2;
        best_track = t.id;
        best_k = k;
      }
    }
    if (best_track.valid() && best <= gate) {
      out.pairs.push_back({i, best_track});
      answered[best_k] = 1;
    }
  }
  const SimTime mid = sweep.start + Duration::Micros((sweep.end - sweep.start).micros() / 2);
  const SweptSectorTest swept(sweep.max_range_m, sweep.az_from_rad, sweep.az_to_rad);
  for (std::size_t k = 0; k < tracks.size(); ++k) {
    const TrackState& t = tracks[k];
    if (t.status != TrackStatus::kConfirmed || answered[k]) continue;
    // The CV position prediction alone (x = F x is p + dt v exactly; the covariance is not needed).
    const double dt = (mid - t.time).seconds();
    const Vec3 p = model.SensorFromTracker(t.x.head<3>() + dt * t.x.tail<3>());
    if (swept(p))
      out.unanswered.push_back(t.id);
  }
  return out;
}

void RepliesToCover(const DetectionBatch& batch, const IffSweep& sweep, std::vector<PolarPlot>* out) {
  out->clear();
  if (!(sweep.max_range_m > 0.0) || !(sweep.sensor_position == batch.sensor_position)) return;
  for (const IffReply& r : sweep.replies)
    if (CombinedDetection(r, batch.detections.size()) < 0)
      out->push_back({r.time, r.range_m, r.azimuth_rad, r.sigma_range_m, r.sigma_azimuth_rad});
}

}  // namespace iadsim
