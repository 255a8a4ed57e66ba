#include "iadsim/tracking/tracker.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>

#include "iadsim/tracking/chi_square_gate.h"
#include "iadsim/tracking/kalman.h"
#include "iadsim/tracking/polar_measurement.h"
#include "iadsim/tracking/polar_pre_gate.h"
#include "iadsim/tracking/swept_sector.h"

namespace iadsim {
namespace {

std::string Got(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " (got %g)", v);
  return buf;
}

SimTime MidTime(const DetectionBatch& b) {
  return SimTime::Micros(b.start.micros() + (b.end.micros() - b.start.micros()) / 2);
}

}  // namespace

std::vector<Problem> TrackerConfig::Validate() const {
  std::vector<Problem> p;
  auto add = [&](const char* path, std::string msg) { p.push_back({path, std::move(msg), "", 0, 0}); };
  if (!(origin.lat_deg >= -90.0 && origin.lat_deg <= 90.0))
    add("origin.lat_deg", "must be in [-90, 90] deg" + Got(origin.lat_deg));
  if (!(origin.lon_deg >= -180.0 && origin.lon_deg <= 180.0))
    add("origin.lon_deg", "must be in [-180, 180] deg" + Got(origin.lon_deg));
  if (!std::isfinite(origin.alt_m)) add("origin.alt_m", "must be finite" + Got(origin.alt_m));
  if (!(process_noise_q > 0.0 && process_noise_q <= 1e6))
    add("process_noise_q", "must be in (0, 1e6] m^2/s^3" + Got(process_noise_q));
  if (!(gate_probability > 0.0 && gate_probability < 1.0))
    add("gate_probability", "must be in (0, 1)" + Got(gate_probability));
  if (!(confirm_n >= 1 && confirm_n <= 32)) add("confirm_n", "must be in [1, 32]" + Got(confirm_n));
  if (!(confirm_m >= 1 && confirm_m <= confirm_n))
    add("confirm_m", "must be in [1, confirm_n = " + std::to_string(confirm_n) + "]" + Got(confirm_m));
  if (delete_misses_confirmed < 1)
    add("delete_misses_confirmed", "must be >= 1" + Got(delete_misses_confirmed));
  if (delete_misses_tentative < 1)
    add("delete_misses_tentative", "must be >= 1" + Got(delete_misses_tentative));
  if (!(initial_speed_sigma_mps > 0.0 && initial_speed_sigma_mps <= 1e4))
    add("initial_speed_sigma_mps", "must be in (0, 1e4] m/s" + Got(initial_speed_sigma_mps));
  if (!(max_coast_s > 0.0 && max_coast_s <= 1e6)) add("max_coast_s", "must be in (0, 1e6] s" + Got(max_coast_s));
  if (filter) {
    if (filter->dims != 3) add("filter.dims", "must be 3" + Got(filter->dims));
    for (Problem q : filter->Validate()) {
      q.path = "filter." + q.path;
      p.push_back(std::move(q));
    }
  }
  return p;
}

// frame_ is initialised before the gates (declaration order), so a bad config throws its
// ScenarioError before ChiSquareGate could reject the gate probability.
Tracker::Tracker(const TrackerConfig& config)
    : config_(config),
      frame_([&] {
        if (auto problems = config.Validate(); !problems.empty()) throw ScenarioError(std::move(problems));
        return config.origin;
      }()),
      gate_2d_(ChiSquareGate(2, config.gate_probability)),
      gate_3d_(ChiSquareGate(3, config.gate_probability)) {}

const TrackState* Tracker::Find(TrackId id) const {
  const auto it = std::lower_bound(tracks_.begin(), tracks_.end(), id,
                                   [](const TrackState& t, TrackId v) { return t.id < v; });
  return it != tracks_.end() && it->id == id ? &*it : nullptr;
}

std::pair<StateVec, StateCov> Tracker::Predict(TrackId id, SimTime t) const {
  const TrackState* track = Find(id);
  IADSIM_CHECK(track != nullptr, "Tracker::Predict: no live track with id " + std::to_string(id.value()));
  return PredictState(*track, t);
}

StateVec Tracker::PredictMean(TrackId id, SimTime t) const {
  const TrackState* track = Find(id);
  IADSIM_CHECK(track != nullptr, "Tracker::PredictMean: no live track with id " + std::to_string(id.value()));
  if (track->filter && t > track->time) return PredictState(*track, t).first;
  return PredictCvMean(track->x, (t - track->time).seconds());
}

// Engine filters: forward by the filter itself; backward (a time before the track's) by the CV
// step on its moments, as the built-in path.
std::pair<StateVec, StateCov> Tracker::PredictState(const TrackState& track, SimTime t) const {
  const double dt = (t - track.time).seconds();
  if (track.filter && dt > 0.0) return Moments(*FilterAhead(track, dt));
  StateVec x = track.x;
  StateCov P = track.P;
  PredictCv(x, P, dt, config_.process_noise_q);
  return {x, P};
}

std::pair<Vec3, Eigen::Matrix3d> Tracker::PredictPosition(const TrackState& track, SimTime t) const {
  const double dt = (t - track.time).seconds();
  if (track.filter && dt > 0.0) {
    const auto [x, P] = Moments(*FilterAhead(track, dt));
    return {x.head<3>(), P.topLeftCorner<3, 3>()};
  }
  Vec3 p;
  Eigen::Matrix3d P_pp;
  PredictCvPosition(track.x, track.P, dt, config_.process_noise_q, &p, &P_pp);
  return {p, P_pp};
}

TrackState Tracker::Initiate(const Detection& d) {
  const CartesianMeasurement c = CartesianFromDetection(frame_, d);
  TrackState t;
  t.id = TrackId(next_id_++);
  t.time = d.time;
  t.x.head<3>() = c.p_enu;
  t.P.topLeftCorner<3, 3>() = c.P;
  const double v2 = config_.initial_speed_sigma_mps * config_.initial_speed_sigma_mps;
  t.P.bottomRightCorner<3, 3>() = v2 * Eigen::Matrix3d::Identity();
  t.last_sensor = d.sensor;
  if (config_.filter) t.filter = TrackFilterBox(MakeFilterFromPrior(*config_.filter, t.x, t.P));
  return t;
}

Measurement Tracker::Converted(const Detection& d) const {
  const CartesianMeasurement c = CartesianFromDetection(frame_, d);
  Measurement z;
  z.time_s = d.time.seconds();
  z.kind = MeasurementKind::kCartesian3D;
  z.z = c.p_enu;
  z.R = c.P;
  return z;
}

Measurement Tracker::MovedForward(const Measurement& z, const TrackState& track, double tau) {
  Measurement moved = z;
  moved.z += tau * track.x.tail<3>();
  moved.R += tau * tau * track.P.bottomRightCorner<3, 3>();
  return moved;
}

std::unique_ptr<TrackFilter> Tracker::FilterAhead(const TrackState& track, double dt) {
  std::unique_ptr<TrackFilter> ahead = track.filter->Clone();
  ahead->Predict(dt);
  return ahead;
}

std::pair<StateVec, StateCov> Tracker::Moments(const TrackFilter& f) {
  StateVec x;
  x << f.position(), f.velocity();
  return {x, f.position_velocity_covariance()};
}

void Tracker::RecordLook(TrackState& track, bool hit, TrackerUpdate& out) const {
  ++track.looks;
  track.look_history = (track.look_history << 1) | (hit ? 1u : 0u);
  if (hit) {
    ++track.hits;
    track.consecutive_misses = 0;
  } else {
    ++track.consecutive_misses;
  }
  if (track.status == TrackStatus::kTentative) {
    const std::uint32_t window =
        config_.confirm_n >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << config_.confirm_n) - 1;
    if (std::popcount(track.look_history & window) >= config_.confirm_m) {
      track.status = TrackStatus::kConfirmed;
      out.confirmed.push_back(track.id);
    } else if (track.consecutive_misses >= config_.delete_misses_tentative) {
      track.status = TrackStatus::kDropped;
    }
  } else if (track.status == TrackStatus::kConfirmed &&
             track.consecutive_misses >= config_.delete_misses_confirmed) {
    track.status = TrackStatus::kDropped;
  }
}

// The problem's clusters are the connected components of the candidate pairs, each solved on its
// own (assignment.h). A cluster of one pair (its track and its detection in no other candidate)
// is that pair, when its cost is finite. The other candidates are renumbered, rows and columns in
// increasing order, leaving out those without candidates: the clusters, and the order of rows and
// columns inside each, are unchanged, so SolveSparseAssignment gives the same pairs.
std::vector<int> Tracker::Associate(int n_tracks, int n_dets, const std::vector<AssignmentCandidate>& candidates) {
  std::vector<int> det_of_track(static_cast<std::size_t>(n_tracks), -1);
  row_count_.assign(static_cast<std::size_t>(n_tracks), 0);
  col_count_.assign(static_cast<std::size_t>(n_dets), 0);
  for (const AssignmentCandidate& c : candidates) {
    ++row_count_[c.row];
    ++col_count_[c.col];
  }
  std::vector<AssignmentCandidate> rest;
  for (const AssignmentCandidate& c : candidates) {
    if (row_count_[c.row] == 1 && col_count_[c.col] == 1 && std::isfinite(c.cost))
      det_of_track[c.row] = c.col;
    else
      rest.push_back(c);
  }
  if (rest.empty()) return det_of_track;
  row_new_.assign(static_cast<std::size_t>(n_tracks), -1);
  col_new_.assign(static_cast<std::size_t>(n_dets), -1);
  for (const AssignmentCandidate& c : rest) row_new_[c.row] = col_new_[c.col] = 0;
  std::vector<int> row_old, col_old;
  for (int i = 0; i < n_tracks; ++i)
    if (row_new_[i] == 0) {
      row_new_[i] = static_cast<int>(row_old.size());
      row_old.push_back(i);
    }
  for (int j = 0; j < n_dets; ++j)
    if (col_new_[j] == 0) {
      col_new_[j] = static_cast<int>(col_old.size());
      col_old.push_back(j);
    }
  for (AssignmentCandidate& c : rest) c = {row_new_[c.row], col_new_[c.col], c.cost};
  const std::vector<int> sol =
      SolveSparseAssignment(static_cast<int>(row_old.size()), static_cast<int>(col_old.size()), rest);
  for (std::size_t r = 0; r < sol.size(); ++r)
    if (sol[r] >= 0) det_of_track[row_old[r]] = col_old[sol[r]];
  return det_of_track;
}

int Tracker::ModelIndex(const Geodetic& sensor_position, bool has_elevation) const {
  const auto it = std::find_if(models_.begin(), models_.end(), [&](const PolarMeasurementModel& m) {
    return m.has_elevation() == has_elevation && m.sensor_position() == sensor_position;
  });
  if (it != models_.end()) return static_cast<int>(it - models_.begin());
  models_.emplace_back(frame_, sensor_position, has_elevation);
  return static_cast<int>(models_.size()) - 1;
}

const PolarMeasurementModel& Tracker::MeasurementModel(const Geodetic& sensor_position, bool has_elevation) const {
  return models_[ModelIndex(sensor_position, has_elevation)];
}

// A detection after the track's time: the filter predicted to it; otherwise the detection moved to
// the track's time (by nothing when the times are equal).
Innovation Tracker::FilterInnovation(const TrackState& track, const Measurement& z, SimTime t) const {
  if (t <= track.time) return track.filter->Innovate(MovedForward(z, track, (track.time - t).seconds()));
  return FilterAhead(track, (t - track.time).seconds())->Innovate(z);
}

void Tracker::FilterUpdate(TrackState& track, const Measurement& z, SimTime t) const {
  if (t <= track.time) {
    track.filter->Update(MovedForward(z, track, (track.time - t).seconds()));
  } else {
    track.filter->Predict((t - track.time).seconds());
    track.filter->Update(z);
    track.time = t;
  }
  std::tie(track.x, track.P) = Moments(*track.filter);
}

TrackerUpdate Tracker::Process(const DetectionBatch& batch, std::span<const PolarPlot> also_cover) {
  TrackerUpdate out;
  shared_index_ = -1;
  const std::vector<Detection>& dets = batch.detections;
  const int n_tracks = static_cast<int>(tracks_.size());
  const int n_dets = static_cast<int>(dets.size());

  // The measurement model of each detection's (sensor position, has_elevation), and the models
  // this batch uses, in the order of their first detection.
  std::vector<int> model_of(dets.size()), used;
  for (int j = 0; j < n_dets; ++j) {
    const Detection& d = dets[j];
    IADSIM_CHECK(std::isfinite(d.range_m) && std::isfinite(d.azimuth_rad) &&
                     (!d.has_elevation || std::isfinite(d.elevation_rad)),
                 "detection with a non-finite measurement");
    model_of[j] = ModelIndex(d.sensor_position, d.has_elevation);
    if (std::find(used.begin(), used.end(), model_of[j]) == used.end()) used.push_back(model_of[j]);
  }
  // The batch sensor's model: its index also covers the plots of a correlation that follows.
  const int cover_model = also_cover.empty() ? -1 : ModelIndex(batch.sensor_position, true);
  if (cover_model >= 0 && std::find(used.begin(), used.end(), cover_model) == used.end()) used.push_back(cover_model);
  const auto& models = models_;

  // Gating. For each detection, the tracks its sensor's index (track_index.h) cannot exclude, in
  // increasing track order; then an exact pre-gate of polar_pre_gate.h, which skips only pairs whose
  // NIS is certainly above the gate (the trace bound for an engine filter; for the built-in CV
  // filter, its tighter predicted form, from the position block the full test then reuses: the
  // index's candidates pass the trace bound nine times in ten); then the full test. The index
  // leaves out only pairs the trace bound rejects: the candidates are those of the full test over
  // every pair.
  const double prune_q = PruneQ();
  std::vector<Measurement> converted;  // engine filters: each detection in the frame
  if (config_.filter)
    for (const Detection& d : dets) converted.push_back(Converted(d));
  if (indexes_.size() < models.size()) indexes_.resize(models.size());
  for (const int mi : used) {
    SimTime from = SimTime::Max(), to;
    bool any = false;
    PlotAzimuths azimuths;  // the batch's arc: tracks far from it are left out of the index
    auto add = [&](SimTime t, double azimuth_rad, double sigma_azimuth_rad) {
      from = any ? std::min(from, t) : t;
      to = any ? std::max(to, t) : t;
      any = true;
      azimuths.Add(azimuth_rad, sigma_azimuth_rad);
    };
    for (int j = 0; j < n_dets; ++j)
      if (model_of[j] == mi) add(dets[j].time, dets[j].azimuth_rad, dets[j].sigma_azimuth_rad);
    if (mi == cover_model)
      for (const PolarPlot& p : also_cover) add(p.time, p.azimuth_rad, p.sigma_azimuth_rad);
    indexes_[mi].Build(summary_, {}, prune_q, models[mi], from, to,
                       GateThreshold(models[mi].dimension()), &azimuths);
  }
  std::vector<AssignmentCandidate> candidates;
  for (int j = 0; j < n_dets; ++j) {
    const Detection& d = dets[j];
    const PolarMeasurementModel& m = models[model_of[j]];
    const PolarPlot plot{d.time, d.range_m, d.azimuth_rad, d.sigma_range_m, d.sigma_azimuth_rad};
    const PlotDirection direction = PlotDirection::Of(plot);
    const double gate = GateThreshold(m.dimension());
    indexes_[model_of[j]].Candidates(plot, &near_);
    for (const int i : near_) {
      const std::optional<std::uint16_t>& code = tracks_[i].mode3a_code;
      if (d.mode3a_code && code && *code != *d.mode3a_code) continue;  // another aircraft's track
      if (config_.filter) {
        if (PolarPreGateRejects(summary_[i], prune_q, m, plot, direction, gate)) continue;
        const Innovation in = FilterInnovation(tracks_[i], converted[j], d.time);
        if (in.d2 <= gate_3d_) candidates.push_back({i, j, in.d2 + in.log_det_S});
        continue;
      }
      // The measurement depends on the position alone: its predicted mean and covariance block
      // give the full test's numbers bit for bit (PredictPosition, PositionInnovationStats), in
      // the model's fixed size; the pre-gate's predicted form reads them first.
      const auto [p, P_pp] = PredictPosition(tracks_[i], d.time);
      if (PredictedPolarPreGateRejects(m, p, P_pp, plot, direction, gate)) continue;
      const auto [nis, log_det_S] = m.ForDimension([&]<int D>(std::integral_constant<int, D>) {
        const auto l = m.LinearizeFixed<D>(p);
        const InnovationStats<D> st = PositionInnovationStats<D>(
            P_pp, m.InnovationFixed<D>(m.MeasurementFixed<D>(d), l.h), l.H, m.NoiseCovarianceFixed<D>(d));
        return std::pair{st.nis, st.log_det_S};
      });
      if (nis <= gate) candidates.push_back({i, j, nis + log_det_S});
    }
  }
  // In (track, detection) order, as the loop over every pair made them.
  std::sort(candidates.begin(), candidates.end(), [](const AssignmentCandidate& a, const AssignmentCandidate& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  const std::vector<int> det_of_track = Associate(n_tracks, n_dets, candidates);

  // Updates, in detection time order (ties by detection index).
  std::vector<std::pair<int, int>> pairs;  // (detection, track)
  for (int i = 0; i < n_tracks; ++i) {
    if (det_of_track[i] >= 0) pairs.emplace_back(det_of_track[i], i);
  }
  std::sort(pairs.begin(), pairs.end(), [&](const auto& a, const auto& b) {
    return dets[a.first].time != dets[b.first].time ? dets[a.first].time < dets[b.first].time
                                                    : a.first < b.first;
  });
  std::vector<char> det_used(dets.size(), 0);
  out.detection_tracks.resize(dets.size());
  for (const auto& [j, i] : pairs) {
    const Detection& d = dets[j];
    const PolarMeasurementModel& m = models[model_of[j]];
    TrackState& track = tracks_[i];
    if (config_.filter) {
      FilterUpdate(track, converted[j], d.time);
    } else {
      auto [x, P] = PredictState(track, d.time);
      m.ForDimension([&]<int D>(std::integral_constant<int, D>) {
        const auto l = m.LinearizeFixed<D>(Vec3(x.head<3>()));
        KalmanUpdate<6, D>(x, P, m.InnovationFixed<D>(m.MeasurementFixed<D>(d), l.h), l.H, m.NoiseCovarianceFixed<D>(d));
      });
      track.x = x;
      track.P = P;
      track.time = d.time;
    }
    summary_[i] = PreGateTrack::Of(track.time, track.x, track.P);  // after gating: the index is built
    track.last_sensor = d.sensor;
    track.in_range = batch.end;
    if (d.mode3a_code) track.mode3a_code = d.mode3a_code;
    det_used[j] = 1;
    out.detection_tracks[j] = track.id;
    RecordLook(track, true, out);
    out.updated.push_back(track.id);
  }

  // Misses: tracks inside the swept sector and range that got no detection. Coasting: a track out of
  // the sensor's range, and out of every sensor's range for more than max_coast_s, is dropped.
  const SimTime t_mid = MidTime(batch);
  const PolarMeasurementModel& batch_geometry = models_[ModelIndex(batch.sensor_position, true)];
  const SweptSectorTest swept(batch.max_range_m, batch.az_from_rad, batch.az_to_rad);
  for (int i = 0; i < n_tracks; ++i) {
    if (det_of_track[i] >= 0) continue;
    TrackState& track = tracks_[i];
    const double dt = (t_mid - track.time).seconds();
    const Vec3 p = track.x.head<3>() + dt * track.x.tail<3>();
    const Vec3 p_sensor = batch_geometry.SensorFromTracker(p);
    const double range = p_sensor.norm();
    if (!(range <= batch.max_range_m)) {
      if ((batch.end - track.in_range).seconds() > config_.max_coast_s) track.status = TrackStatus::kDropped;
      continue;
    }
    track.in_range = batch.end;
    if (swept.InSector(p_sensor, range)) RecordLook(track, false, out);
  }

  // New tentative tracks from the detections no track took, in detection order.
  for (int j = 0; j < n_dets; ++j) {
    if (det_used[j]) continue;
    TrackState track = Initiate(dets[j]);
    track.in_range = batch.end;
    track.mode3a_code = dets[j].mode3a_code;
    out.detection_tracks[j] = track.id;
    RecordLook(track, true, out);
    out.updated.push_back(track.id);
    summary_.push_back(PreGateTrack::Of(track.time, track.x, track.P));
    tracks_.push_back(std::move(track));
  }

  // The dropped tracks out of both tracks_ and summary_ (new_of_old_: each track's new number).
  std::size_t kept = 0;
  new_of_old_.assign(tracks_.size(), -1);
  for (std::size_t i = 0; i < tracks_.size(); ++i) {
    if (tracks_[i].status == TrackStatus::kDropped) {
      out.dropped.push_back(tracks_[i].id);
      continue;
    }
    new_of_old_[i] = static_cast<int>(kept);
    if (kept != i) {
      tracks_[kept] = std::move(tracks_[i]);
      summary_[kept] = summary_[i];
    }
    ++kept;
  }
  tracks_.erase(tracks_.begin() + static_cast<std::ptrdiff_t>(kept), tracks_.end());
  summary_.resize(kept);
  // The covering index, refreshed for the tracks as they are now: those updated and those started
  // have new summaries (the others, unchanged, keep their entries).
  if (cover_model >= 0) {
    std::vector<int>& fresh = fresh_;
    fresh.clear();
    for (const auto& [j, i] : pairs) fresh.push_back(new_of_old_[i]);
    for (std::size_t i = n_tracks; i < new_of_old_.size(); ++i) fresh.push_back(new_of_old_[i]);
    std::erase(fresh, -1);
    std::sort(fresh.begin(), fresh.end());
    indexes_[cover_model].Refresh(summary_, new_of_old_, fresh);
    shared_index_ = cover_model;
  }
  std::sort(out.confirmed.begin(), out.confirmed.end());
  std::sort(out.updated.begin(), out.updated.end());
  return out;
}

const PolarTrackIndex* Tracker::IndexAfterBatch(const Geodetic& sensor_position, double gate) const {
  if (shared_index_ < 0) return nullptr;
  const PolarTrackIndex& index = indexes_[shared_index_];
  return models_[shared_index_].sensor_position() == sensor_position && index.gate() >= gate ? &index : nullptr;
}

void Tracker::FuseEstimate(TrackId id, SimTime t, const StateVec& x, const StateCov& P) {
  shared_index_ = -1;  // a track's summary changes below
  const auto it = std::lower_bound(tracks_.begin(), tracks_.end(), id,
                                   [](const TrackState& s, TrackId v) { return s.id < v; });
  IADSIM_CHECK(it != tracks_.end() && it->id == id,
               "Tracker::FuseEstimate: no live track with id " + std::to_string(id.value()));
  IADSIM_CHECK(x.allFinite() && P.allFinite(), "Tracker::FuseEstimate: non-finite estimate");
  TrackState& track = *it;
  track.x = x;
  track.P = P;
  if (t >= track.time) {
    track.time = t;
  } else {
    const double dt = (track.time - t).seconds();
    KalmanPredict<6>(track.x, track.P, CvTransition(dt), CvProcessNoiseContinuous(dt, config_.process_noise_q));
  }
  if (track.filter) track.filter = TrackFilterBox(MakeFilterFromPrior(*config_.filter, track.x, track.P));
  summary_[static_cast<std::size_t>(it - tracks_.begin())] = PreGateTrack::Of(track.time, track.x, track.P);
}

}  // namespace iadsim
