#pragma once
// The tracker of one unit: turns detection batches into tracks, in its own ENU frame.
//   motion:       constant velocity, continuous white-noise acceleration q (motion_model.h)
//   measurement:  range, azimuth [, elevation] of the reporting radar, EKF (polar_measurement.h)
//   gating:       d^2 = nu^T S^-1 nu <= chi2 quantile(dim z, gate_probability) (chi_square_gate.h)
//   association:  global nearest neighbour: one optimal assignment per batch of the cost
//                 d^2 + ln|S| (twice the negative log-likelihood of the detection under the
//                 track's prediction, less a constant) over the gated pairs (assignment.h)
//   codes:        a combined plot (sensors/plot_combination.h) carries a Mode 3/A code, and a track
//                 the code of the last such plot it took; a plot is never gated with a track of
//                 another code (a code-aided association, as air-traffic trackers do: the plots of
//                 two aircraft in one stream no longer build or continue one track). Plots
//                 without a code, and tracks without one, gate as before.
//   initiation:   each unassigned detection starts a tentative track at its converted position,
//                 velocity 0 with standard deviation initial_speed_sigma_mps on each axis
//   confirmation: M-of-N: a tentative track with >= M hits in its last N looks is confirmed
//   deletion:     after delete_misses_* consecutive misses (confirmed or tentative), or when its
//                 prediction has been beyond the range of the sensor of every batch for more
//                 than max_coast_s (checked at each batch: a track that has left the coverage is
//                 never looked at, so it gets no misses)
// A track is "looked at" by a batch when it got a detection from it, or when its position
// predicted to the batch's mid time lies inside the swept sector (swept_sector.h) and within
// max_range_m (slant range) of the batch's sensor; a look without a detection is a miss.
// Detections older than a track are used by predicting the track backwards (F(-tau), Q(tau)): an
// approximation that only overstates P; exact out-of-sequence filtering (Bar-Shalom, IEEE Trans.
// AES 38(3), 2002) is not done.
// Sources: Blackman & Popoli, Design and Analysis of Modern Tracking Systems, Artech House 1999
// (gating, GNN assignment, M-of-N confirmation and deletion); Bar-Shalom, Li & Kirubarajan,
// Estimation with Applications to Tracking and Navigation, Wiley 2001 (the filter).
// Gating cost: each detection is tested only against the tracks a per-batch index of the tracks by
// azimuth from the sensor cannot exclude (track_index.h: a provable superset of the pre-gate's
// pairs), so a batch costs O(tracks log tracks + detections x nearby tracks), with the same
// candidates, assignment and tie-breaking as testing every pair.
// Motion models of the engine (config.filter set: units[].tracker.model ca, ct or imm): each track
// keeps a filter of filter_factory.h (the one `iadsim track --model` builds) and is fed the
// detections converted to Cartesian positions in the tracker frame (CartesianFromDetection:
// position and covariance, the radar's own frame rotated in), a converted-measurement Kalman
// filter (Bar-Shalom, Li & Kirubarajan 2001, sec. 10.4.3). TrackState's x, P are then the filter's
// position and velocity and their covariance (for an IMM, the mixture's moments), refreshed at each
// update; predictions for C2 run the filter itself. Gating is the filter's own innovation test
// (d^2 of the 3-D converted position); the index and pre-gate, which only prune, bound the tracks
// with a CV model of process noise kFilterPruneQ (a 3.7-sigma gate then covers a 5 g manoeuvre's
// departure from a straight line over 10 s). A detection older than the track is moved to the
// track's time along the track's velocity (z + v tau, R + tau^2 P_vv) before the update, the
// converted-measurement counterpart of the built-in path's backward prediction.
// Deterministic: no randomness, no unordered iteration; a run is a function of its inputs.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/core/ids.h"
#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"
#include "iadsim/messages/detection.h"
#include "iadsim/tracking/assignment.h"
#include "iadsim/tracking/filter_factory.h"
#include "iadsim/tracking/motion_model.h"
#include "iadsim/tracking/polar_measurement.h"
#include "iadsim/tracking/track_index.h"

namespace iadsim {

struct TrackerConfig {
  Geodetic origin;                  // the tracker's ENU frame; lat [-90, 90], lon [-180, 180] deg
  double process_noise_q = 50.0;    // m^2/s^3, continuous white-noise acceleration, (0, 1e6]
  double gate_probability = 0.999;  // chi-square gate probability, (0, 1)
  int confirm_m = 3, confirm_n = 4; // M-of-N confirmation on consecutive looks; 1 <= M <= N <= 32
  int delete_misses_confirmed = 3;  // consecutive misses that drop a confirmed track, >= 1
  int delete_misses_tentative = 2;  // consecutive misses that drop a tentative track, >= 1
  double initial_speed_sigma_mps = 400.0;  // velocity std-dev of a new track, (0, 1e4]
  double max_coast_s = 60.0;  // s; a track out of every sensor's range for longer is dropped, (0, 1e6]
  // The engine's filter for every track, on converted measurements (dims must be 3; the spec's
  // process noise; a new track starts as on the built-in path: the converted position, speed sigma
  // initial_speed_sigma_mps); unset: the built-in CV EKF on polar measurements.
  std::optional<FilterSpec> filter;
  std::vector<Problem> Validate() const;   // every problem, with field names as paths
};

enum class TrackStatus { kTentative, kConfirmed, kDropped };

// The fields most passes over the tracks read (id, status, time, x) share the first cache line.
struct TrackState {
  TrackId id;
  TrackStatus status = TrackStatus::kTentative;
  SimTime time;                          // time of the estimate x, P
  StateVec x = StateVec::Zero();         // [e, n, u, ve, vn, vu], m and m/s, tracker frame
  StateCov P = StateCov::Zero();
  int hits = 0;                // detections used, the initiating one included
  int consecutive_misses = 0;  // looks without a detection since the last hit
  int looks = 0;               // batches that looked at the track, the initiating one included
  SensorId last_sensor;        // sensor of the last detection used
  std::uint32_t look_history = 0;  // one bit per look, newest in bit 0: 1 = hit, 0 = miss
  SimTime in_range;  // end of the last batch that updated the track or whose sensor had it in range
  TrackFilterBox filter;  // the engine filter at `time` (config.filter set), else empty (track_filter.h)
  // The Mode 3/A code of the last combined plot that updated the track (none before one did).
  std::optional<std::uint16_t> mode3a_code;
};

struct TrackerUpdate {
  std::vector<TrackId> confirmed;  // tracks confirmed in this call
  std::vector<TrackId> dropped;    // tracks dropped in this call (no longer in tracks())
  std::vector<TrackId> updated;    // tracks that used a detection in this call, new ones included
  // Per detection of the batch, in its order: the track it updated or started.
  std::vector<TrackId> detection_tracks;
};  // each list but detection_tracks in increasing id order

class Tracker final {
 public:
  static constexpr double kFilterPruneQ = 1e4;  // m^2/s^3: the pruning bound of engine-filter tracks
  // Throws ScenarioError with every problem of config.Validate().
  explicit Tracker(const TrackerConfig& config);

  // GNN: one optimal assignment per batch.
  // also_cover: plots of the batch's sensor (its position) that a correlation with the updated
  // tracks will gate right after (a look's IFF replies): the sensor's index covers them too and is
  // refreshed after the updates (IndexAfterBatch).
  TrackerUpdate Process(const DetectionBatch& batch, std::span<const PolarPlot> also_cover = {});
  // Live tracks (tentative and confirmed), ordered by id.
  const std::vector<TrackState>& tracks() const { return tracks_; }
  // nullptr when no live track has that id.
  const TrackState* Find(TrackId id) const;
  // State predicted to time t (no update); for C2 and fire control. t may precede the track's
  // time (predicted backwards, with Q(|dt|)). The id must be live (check with Find): an unknown
  // id is a bug and aborts.
  std::pair<StateVec, StateCov> Predict(TrackId id, SimTime t) const;
  // Predict's state alone (the same operations: x equal bit for bit), without the covariance.
  StateVec PredictMean(TrackId id, SimTime t) const;
  // Predict's position and the position block of its covariance, for a track of tracks(): an
  // engine filter's own prediction forward in time, else the CV step's position part alone
  // (PredictCvPosition: the same doubles, without the velocity blocks). For gating a measurement
  // of the position (its Jacobian has zero velocity columns: S needs only this block).
  std::pair<Vec3, Eigen::Matrix3d> PredictPosition(const TrackState& track, SimTime t) const;
  // The CV spectral density (m^2/s^3) with which the track indexes and pre-gates bound a track
  // before PredictPosition's exact test: the model's own q, or kFilterPruneQ for engine filters.
  double PruneQ() const { return config_.filter ? kFilterPruneQ : config_.process_noise_q; }
  // PreGateTrack::Of of each live track, in tracks() order: kept up to date by every change of a
  // track (the indexes and pre-gates of the IFF and report correlations read it too).
  const std::vector<PreGateTrack>& pre_gate() const { return summary_; }
  // Replaces a live track's estimate by (x, P) at time t, keeping its id, status and look
  // history (track-to-track fusion: c2/command_post.h). t >= the track's time: the track's time
  // becomes t; t earlier: (x, P) is first predicted forward to the track's time (F, Q(dt)), which
  // only adds process noise. An unknown id or a non-finite x, P is a bug and aborts.
  void FuseEstimate(TrackId id, SimTime t, const StateVec& x, const StateCov& P);
  const LocalFrame& frame() const { return frame_; }
  // The chi-square gate for a 2- or 3-dimensional measurement at config().gate_probability.
  double GateThreshold(int dims) const { return dims == 3 ? gate_3d_ : gate_2d_; }
  // The index of the last Process's sensor over the tracks as they are now, for plots of a sensor at
  // sensor_position with a pre-gate threshold of at most `gate` (track_index.h: a superset of the
  // tracks the pre-gate keeps for any plot, every track for a plot outside its window or arc); null
  // when Process had no also_cover plots, when a track changed since (FuseEstimate), for another
  // sensor position or a wider gate.
  const PolarTrackIndex* IndexAfterBatch(const Geodetic& sensor_position, double gate) const;
  const TrackerConfig& config() const { return config_; }
  // The polar measurement model of a radar at that position in this tracker's frame, built once
  // and kept (the reference stays valid for the tracker's life).
  const PolarMeasurementModel& MeasurementModel(const Geodetic& sensor_position, bool has_elevation) const;

 private:
  std::pair<StateVec, StateCov> PredictState(const TrackState& track, SimTime t) const;
  TrackState Initiate(const Detection& d);
  // Engine filters: the detection as a Cartesian measurement in the frame; the filter's
  // prediction by dt (clone); x, P refreshed from the filter.
  Measurement Converted(const Detection& d) const;
  static Measurement MovedForward(const Measurement& z, const TrackState& track, double tau);
  static std::unique_ptr<TrackFilter> FilterAhead(const TrackState& track, double dt);  // a predicted clone
  static std::pair<StateVec, StateCov> Moments(const TrackFilter& f);  // [p, v] and its covariance
  Innovation FilterInnovation(const TrackState& track, const Measurement& z, SimTime t) const;  // z at t
  void FilterUpdate(TrackState& track, const Measurement& z, SimTime t) const;
  int ModelIndex(const Geodetic& sensor_position, bool has_elevation) const;  // into models_ (added if new)
  void RecordLook(TrackState& track, bool hit, TrackerUpdate& out) const;

  TrackerConfig config_;
  LocalFrame frame_;
  double gate_2d_ = 0.0;  // chi-square thresholds for 2- and 3-dimensional measurements
  double gate_3d_ = 0.0;
  // Association: the sparse assignment of the gated pairs (rows: tracks, columns: detections),
  // with the single-pair clusters decided at once and the others solved on a compacted problem.
  std::vector<int> Associate(int n_tracks, int n_dets, const std::vector<AssignmentCandidate>& candidates);

  std::vector<TrackState> tracks_;  // live, by increasing id
  std::uint32_t next_id_ = 1;
  // Work space reused from batch to batch (no allocation once warm).
  // The measurement model of each (sensor position, has_elevation) seen so far (a radar's model
  // depends on nothing else), and the gating index built for it in the current batch.
  mutable std::deque<PolarMeasurementModel> models_;  // a deque: references stay valid as it grows
  std::vector<PolarTrackIndex> indexes_;
  std::vector<PreGateTrack> summary_;  // pre_gate()
  std::vector<int> near_, row_count_, col_count_, row_new_, col_new_, new_of_old_, fresh_;
  int shared_index_ = -1;  // into indexes_: the one IndexAfterBatch returns (-1: none)
};

}  // namespace iadsim
