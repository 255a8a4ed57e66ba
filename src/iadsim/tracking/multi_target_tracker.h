#pragma once
// The multi-target tracker of `iadsim track`: scans of measurements in, confirmed tracks out.
// Per scan (all measurements of one sensor at one time):
//   1. predict every track to the scan time (filter: any TrackFilter from filter_factory.h);
//   2. gate through a spatial grid (scan_gating.h): d^2 <= chi2 quantile(dim z, Pg);
//   3. associate, by algorithm:
//      gnn:  one optimal assignment (assignment.h, sparse) of tracks to measurements or to "miss"
//            with costs  c_tj = d^2 + ln|S|  and  c_t,miss = 2 ln(Pd / ((1 - Pd Pg) lambda (2 pi)^(M/2)))
//            (both are -2 ln of a likelihood ratio less the same constant; Blackman & Popoli 1999,
//            sec. 6.4); unassigned measurements start tentative tracks;
//      jpda: in three stages, as Stone Soup's MultiTargetMixtureTracker with a
//            MultiMeasurementInitiator does (tracks "confirmed" as of the start of the scan):
//            (a) the confirmed tracks only: betas of jpda.h per cluster, then UpdatePda; a track
//                counts a hit when 1 - beta0 >= 1/2; a detection is "used" when some confirmed
//                track weights it above its miss, beta_tj > beta_t0 (Stone Soup's rule);
//            (b) the tentative tracks: the GNN assignment above (same costs) with the detections
//                not used in (a); a tentative track is updated (Kalman) only by its assigned one;
//            (c) detections used by neither start tentative tracks.
//            (Tentative tracks in the same JPDA, with their wide initiation gates, would take
//            shares of the confirmed tracks' detections: bench/README.md, Stone Soup section.)
//      mht:  mht.h (k-best hypotheses per scan, N-scan pruning);
//   4. track management (track_management.h): hits, misses, score, M-of-N or SPRT, K misses.
// lambda = clutter_density: false alarms per unit measurement volume (m^2 or m^3) per scan.
// Output: the confirmed tracks, by increasing id. Deterministic (no randomness, no unordered
// iteration reaching the output). Memory: about 1.5 KB per track for a CV/CA Kalman filter.
// Multi-sensor fusion (measurement level, asynchronous): a scan is the measurements of ONE sensor
// at one time, each with its own covariance R (the sensor's noise) and, for polar kinds, its own
// sensor position. Scans of different sensors are processed in time order, each predicting the
// system tracks to its own time stamp and updating them with its own measurement model, so there is
// one system track per target, whatever the number of sensors. For independent measurement errors
// the sequential updates equal one update by the stacked measurement (the information filter:
// P+^-1 = P-^-1 + sum_s H_s^T R_s^-1 H_s: sequential multisensor updating, Bar-Shalom & Li,
// Multitarget-Multisensor Tracking: Principles and Techniques, 1995, ch. 8). A scan of several
// sensors at once would let one target's detections by two sensors compete for one track (the
// second starting a duplicate), so ProcessScan splits it by sensor. Track management counts
// every sensor's scan: M-of-N and consecutive misses run over the merged sequence of scans, and
// Pd and the clutter density are per sensor scan. Out-of-sequence scans (a time before the last one) are a bug here; io/ refuses them
// with the file, line and column (docs/tracking.md).
// Fast path: GNN with a linear CV filter on Cartesian measurements of the filter's dimension
// (the `iadsim track` default) runs an inline engine (config.inline_cv_gnn) that keeps each
// track's x, P and lifecycle in one contiguous record (248 B in 2-D, 424 B in 3-D) and
// does the steps above with the same kernels and the same order of operations, so that its
// output is identical bit for bit; a scan with another measurement kind hands the tracks over to
// the generic path for good. Cost per scan: O(n + m + pairs) for predict, gating (a grid of the
// measurements, cells of the median gate width), assignment (per cluster; one-track clusters
// directly), update and management. For memory locality the gating visits the tracks in the
// order of the grid cell of their gate's centre (a counting sort), reading a compact record of
// their gate box and position covariance (prefetched ahead of the visit), against copies of the
// measurements in the grid's cell order; the pairs are then sorted back by track, so that nothing
// downstream depends on the visiting order. The confirmed tracks' estimates are written in the
// pass that updates the tracks.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/tracking/filter_factory.h"
#include "iadsim/tracking/managed_track.h"
#include "iadsim/tracking/track_management.h"

namespace iadsim {

enum class AssociationAlgorithm { kGnn, kJpda, kMht };

struct MultiTargetTrackerConfig {
  AssociationAlgorithm algorithm = AssociationAlgorithm::kGnn;
  FilterSpec filter;                 // motion model, noise, initiation (filter_factory.h)
  double pd = 0.9;                   // detection probability, (0, 1)
  double clutter_density = 1e-9;     // false alarms per m^dim per scan, > 0
  double gate_probability = 0.999;   // (0, 1)
  TrackManagementConfig management;  // M-of-N or score; delete after K misses
  long jpda_max_events = 100000;     // exact JPDA per cluster up to this many joint events, >= 1
  int mht_k = 4;                     // best assignments per hypothesis per scan, [1, 100]
  int mht_n_scan = 3;                // N-scan-back pruning depth, [1, 20]
  int mht_max_hypotheses = 32;       // global hypotheses kept, [1, 10000]
  double mht_prune_ratio = 1e-4;     // drop hypotheses below this probability ratio to the best, (0, 1)
  // GNN with a linear CV filter (kf or ekf) on Cartesian measurements of the filter's dimension:
  // run the inline CV engine (same output bit for bit, several times faster); false forces the
  // generic path (tests, comparisons).
  bool inline_cv_gnn = true;
  Problems Validate() const;
};

struct TrackEstimate {
  std::uint64_t id = 0;
  double time_s = 0.0;
  Eigen::Vector3d position_m = Eigen::Vector3d::Zero();   // tracker frame (z = 0 in 2-D)
  Eigen::Vector3d velocity_mps = Eigen::Vector3d::Zero();
  Eigen::Matrix<double, 6, 6> covariance = Eigen::Matrix<double, 6, 6>::Zero();  // [p, v]
  double score = 0.0;    // log-likelihood ratio
  double quality = 0.0;  // e^L / (1 + e^L)
};

class MhtAssociator;
struct ScanWorkspace;
class CvGnnEngine;

class MultiTargetTracker final {
 public:
  // Throws ScenarioError when config.Validate() finds problems.
  explicit MultiTargetTracker(MultiTargetTrackerConfig config);
  ~MultiTargetTracker();
  MultiTargetTracker(MultiTargetTracker&&) noexcept;

  // One scan: measurements of one time (scan times must not decrease; both are bugs if broken).
  // Measurements of several sensor_ids are split into one scan per sensor, in increasing
  // sensor_id (stable), processed in turn at the same time (header: multi-sensor fusion).
  // Returns the confirmed tracks after the last of them, in a buffer the tracker reuses: valid
  // until the next call (copy it to keep it).
  const std::vector<TrackEstimate>& ProcessScan(std::span<const Measurement> scan);
  int live_tracks() const;

 private:
  // one_kind: every measurement of the scan is of the same kind.
  void SensorScan(std::span<const Measurement> scan, double t, bool one_kind);
  const std::vector<TrackEstimate>& CurrentConfirmed();
  void Gnn(std::span<const Measurement> scan);
  void Jpda(std::span<const Measurement> scan);
  void StartTrack(const Measurement& m);
  void Confirmed(const std::vector<ManagedTrack>& tracks, std::vector<TrackEstimate>& out) const;
  MultiTargetTrackerConfig config_;
  std::vector<ManagedTrack> tracks_;
  std::unique_ptr<MhtAssociator> mht_;
  // Working memory reused from scan to scan (GNN, JPDA).
  std::unique_ptr<ScanWorkspace> work_;
  // GNN with a linear CV filter on Cartesian measurements: the inline engine (.cc); null otherwise
  // or once a scan of another kind has handed its tracks to tracks_.
  std::unique_ptr<CvGnnEngine> cv_gnn_;
  std::vector<TrackEstimate> confirmed_;  // what ProcessScan returns, reused
  bool confirmed_fresh_ = false;  // confirmed_ was written by the inline engine's last scan
  std::uint64_t next_id_ = 1;
  double last_time_s_ = -1e300;
};

TrackEstimate EstimateOf(const ManagedTrack& t);

}  // namespace iadsim
