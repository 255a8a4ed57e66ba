#include "iadsim/tracking/multi_target_tracker.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include <fmt/format.h>

#include "iadsim/tracking/assignment.h"
#include "iadsim/tracking/chi_square_gate.h"
#include "iadsim/tracking/jpda.h"
#include "iadsim/tracking/kalman_filter.h"
#include "iadsim/tracking/mht.h"
#include "iadsim/tracking/scan_gating.h"

namespace iadsim {

struct ScanWorkspace {
  GatingWorkspace gating;
  SparseAssignmentSolver assignment;
  std::vector<const TrackFilter*> filters;
  std::vector<GatedPair> pairs;
  std::vector<AssignmentCandidate> cand;
  std::vector<JpdaPair> jpda;
  std::vector<char> used, shared;
  std::vector<Measurement> ms;
  std::vector<double> betas;
  std::vector<int> assign_last, assign_col, assign_rows;
  std::vector<GatedPair> tentative_pairs;  // JPDA: the tentative tracks' pairs, renumbered
  std::vector<int> tentative;        // JPDA: each track's row among the tentative tracks, else -1
  std::vector<int> tentative_track;  // JPDA: the tentative tracks' indices in tracks_, by row
};

namespace {

// The GNN assignment of a scan (header, step 3): for each of the n tracks the column given by
// the optimal assignment, a measurement index < m or a miss column >= m. pairs: sorted by track.
// A track whose gated measurements are gated by no other track is a cluster of one row (with its
// miss column): it takes its least-cost column, the smallest on a tie, as SparseAssignmentSolver
// does for such a cluster; only the other tracks go to the solver, renumbered in increasing order
// (rows and miss columns), which leaves every other cluster, and so its solution, as it was.
const std::vector<int>& AssignGnn(int n, std::span<const Measurement> scan, const std::vector<GatedPair>& pairs,
                                  const MultiTargetTrackerConfig& config, ScanWorkspace& ws) {
  const int m = static_cast<int>(scan.size());
  const double pd = config.pd, pg = config.gate_probability, lambda = config.clutter_density;
  // Miss cost: one column per track; its dimension from the scan's measurements.
  const int dim = MeasurementDimension(scan.front().kind);
  const double miss_cost =
      2.0 * std::log(pd / ((1.0 - pd * pg) * lambda)) - dim * std::log(2.0 * std::numbers::pi);
  std::vector<char>& shared = ws.shared;  // measurement gated by two tracks or more
  shared.assign(m, 0);
  std::vector<int>& last = ws.assign_last;
  last.assign(m, -1);
  for (const GatedPair& p : pairs) {
    if (last[p.meas] >= 0 && last[p.meas] != p.track) shared[p.meas] = 1;
    last[p.meas] = p.track;
  }
  std::vector<int>& col = ws.assign_col;
  col.assign(n, -1);
  std::vector<int>& row_track = ws.assign_rows;
  row_track.clear();
  std::vector<AssignmentCandidate>& cand = ws.cand;
  cand.clear();
  std::size_t k = 0;
  for (int i = 0; i < n; ++i) {
    const std::size_t begin = k;
    bool alone = true;
    for (; k < pairs.size() && pairs[k].track == i; ++k) alone = alone && !shared[pairs[k].meas];
    if (alone) {
      int best = m + i;
      double best_cost = miss_cost;
      for (std::size_t e = begin; e < k; ++e) {
        const double c = pairs[e].d2 + pairs[e].log_det_S;
        IADSIM_CHECK(!std::isnan(c) && c != -kForbidden, "assignment cost must be finite or kForbidden");
        if (c == kForbidden) continue;
        if (c < best_cost || (c == best_cost && pairs[e].meas < best)) {
          best = pairs[e].meas;
          best_cost = c;
        }
      }
      col[i] = best;
      continue;
    }
    const int r = static_cast<int>(row_track.size());
    row_track.push_back(i);
    for (std::size_t e = begin; e < k; ++e) cand.push_back({r, pairs[e].meas, pairs[e].d2 + pairs[e].log_det_S});
  }
  const int rows = static_cast<int>(row_track.size());
  if (rows == 0) return col;
  for (int r = 0; r < rows; ++r) cand.push_back({r, m + r, miss_cost});
  const std::vector<int>& sol = ws.assignment.Solve(rows, m + rows, cand);
  for (int r = 0; r < rows; ++r) col[row_track[r]] = sol[r] < 0 ? -1 : sol[r] < m ? sol[r] : m + row_track[r];
  return col;
}

// Applies a GNN assignment (AssignGnn's col) to the tracks of its rows, in row order: row r is
// track_of(r). A track given a measurement is updated with it and scores a hit (the measurement is
// then used); any other scores a miss. pairs: sorted by row.
template <class TrackOf>
void ApplyGnn(int rows, const TrackOf& track_of, std::span<const Measurement> scan, const std::vector<GatedPair>& pairs,
              const std::vector<int>& col, const MultiTargetTrackerConfig& config, std::vector<char>& used) {
  const double pd = config.pd, pg = config.gate_probability, lambda = config.clutter_density;
  std::size_t k = 0;
  for (int r = 0; r < rows; ++r) {
    const GatedPair* hit = nullptr;
    for (; k < pairs.size() && pairs[k].track == r; ++k)
      if (pairs[k].meas == col[r]) hit = &pairs[k];
    ManagedTrack& tr = track_of(r);
    if (hit) {
      used[hit->meas] = 1;
      tr.filter->Update(scan[hit->meas]);
      tr.life.Hit(HitScoreIncrement(pd, lambda, hit->d2, hit->log_det_S, hit->dim));
    } else {
      tr.life.Miss(MissScoreIncrement(pd, pg));
    }
  }
}

}  // namespace

// The GNN engine of the common case: a linear CV filter (kf, or ekf, which does the same
// arithmetic on Cartesian measurements) fed Cartesian measurements of its own dimension D. The
// tracks' state (x, P) is stored inline in one vector: no heap object, no virtual call, no
// allocation per track. It runs the generic path's steps with the same kernels
// (kalman_filter.h kalman_kernels, the same gating box and exact test, the same assignment),
// so its output is the generic path's, bit for bit; a scan it cannot take (another measurement
// kind) hands its tracks to the generic path (exact: the state is x and P).
class CvGnnEngine {
 public:
  virtual ~CvGnnEngine() = default;
  virtual bool Accepts(MeasurementKind kind) const = 0;  // a scan whose measurements are all of kind
  // Also replaces out's contents with the confirmed tracks after the scan, as Confirmed does.
  virtual void ProcessScan(std::span<const Measurement> scan, double t, std::uint64_t& next_id,
                           std::vector<TrackEstimate>& out) = 0;
  virtual void Confirmed(std::vector<TrackEstimate>& out) const = 0;  // replaces out's contents
  virtual int size() const = 0;
  virtual void MoveTracksTo(std::vector<ManagedTrack>& tracks) = 0;
};

namespace {

template <int D>
class CvGnn final : public CvGnnEngine {
 public:
  static constexpr int N = 2 * D;
  static constexpr int kLower = D * (D + 1) / 2;  // a symmetric D x D block's lower triangle
  static constexpr MeasurementKind kKind = D == 2 ? MeasurementKind::kCartesian2D : MeasurementKind::kCartesian3D;

  explicit CvGnn(const MultiTargetTrackerConfig& config)
      : config_(config),
        gate_(ChiSquareGate(D, config.gate_probability)),
        newborn_(config.management, config.clutter_density) {}

  bool Accepts(MeasurementKind kind) const override { return kind == kKind; }
  int size() const override { return static_cast<int>(tracks_.size()); }
  void ProcessScan(std::span<const Measurement> scan, double t, std::uint64_t& next_id,
                   std::vector<TrackEstimate>& out) override;
  void Confirmed(std::vector<TrackEstimate>& out) const override;
  void MoveTracksTo(std::vector<ManagedTrack>& tracks) override;

 private:
  struct Track {
    std::uint64_t id;
    double time_s;
    double x[N];
    double P[N * N];  // column-major
    TrackLifecycle life;
  };
  // What gating reads of a predicted track, compact: the box (centre c, half extent h) and, for
  // the exact test, x[0:D] and the lower triangle of P[0:D, 0:D].
  struct GateBox {
    double c[D], h[D], x[D], p[kLower];
  };
  // A measurement's values, compact: z and R (D x D, column-major).
  struct Meas {
    double z[D], R[D * D];
  };
  void Gate(std::span<const Measurement> scan, double t);
  // Writes tr's estimate (EstimateOf) to out[k], appending when k == out.size(): an element
  // already there is overwritten in the entries a D-dimensional track has (the others stay 0).
  static void Estimate(const Track& tr, std::vector<TrackEstimate>& out, std::size_t k);
  MultiTargetTrackerConfig config_;
  double gate_;
  TrackLifecycle newborn_;  // the lifecycle every new track starts with
  std::size_t confirmed_ = 0;  // confirmed tracks after the last scan
  std::vector<Track> tracks_;
  ScanWorkspace ws_;
  // Gating buffers, reused from scan to scan: per track, per measurement, per grid slot (the
  // measurements in the grid's cell order), the tracks in the order they are gated, and the pairs
  // in that order before they are sorted by track.
  std::vector<GateBox> boxes_;
  std::vector<Meas> meas_;
  std::vector<double> slot_z_, slot_r_;
  std::vector<int> slot_j_, visit_, cell_start_;
  std::vector<std::uint64_t> found_;
  std::vector<GatedPair> raw_pairs_;
};

template <int D>
void CvGnn<D>::ProcessScan(std::span<const Measurement> scan, double t, std::uint64_t& next_id,
                           std::vector<TrackEstimate>& out) {
  Gate(scan, t);
  const int n = static_cast<int>(tracks_.size()), m = static_cast<int>(scan.size());
  const std::vector<GatedPair>& pairs = ws_.pairs;
  const std::vector<int>& col = AssignGnn(n, scan, pairs, config_, ws_);
  const double pd = config_.pd, pg = config_.gate_probability, lambda = config_.clutter_density;
  // HitScoreIncrement and MissScoreIncrement (track_management.h) with their constant terms
  // computed once per scan: the same operations in the same order.
  const double hit0 = std::log(pd) - 0.5 * D * std::log(2.0 * std::numbers::pi), log_lambda = std::log(lambda);
  const double miss = MissScoreIncrement(pd, pg);
  std::vector<char>& used = ws_.used;
  used.assign(m, 0);
  // Update, score, drop deleted tracks (keeping the order) and write the confirmed ones' estimates
  // (Confirmed) in one pass.
  std::size_t k = 0;  // pairs are sorted by track
  int kept = 0;
  confirmed_ = 0;
  for (int i = 0; i < n; ++i) {
    if (i + 8 < n && col[i + 8] >= 0 && col[i + 8] < m) __builtin_prefetch(&meas_[col[i + 8]]);
    if (i + 4 < n) {
      __builtin_prefetch(&tracks_[i + 4].x);
      __builtin_prefetch(&tracks_[i + 4].life);
    }
    const GatedPair* hit = nullptr;
    for (; k < pairs.size() && pairs[k].track == i; ++k)
      if (pairs[k].meas == col[i]) hit = &pairs[k];
    Track& tr = tracks_[i];
    if (hit) {
      used[hit->meas] = 1;
      const Meas& z = meas_[hit->meas];
      kalman_kernels::UpdateCartesian<N, D>(z.z, z.R, tr.x, tr.P);
      tr.life.Hit(hit0 - 0.5 * hit->log_det_S - log_lambda - 0.5 * hit->d2);
    } else {
      tr.life.Miss(miss);
    }
    if (tr.life.deleted()) continue;
    if (tr.life.confirmed()) Estimate(tr, out, confirmed_++);
    if (kept != i) tracks_[kept] = tr;
    ++kept;
  }
  tracks_.erase(tracks_.begin() + kept, tracks_.end());
  out.resize(confirmed_);  // the new tracks' estimates are added below when they start confirmed
  // New tracks: MakeFilter's single-point initiation (filter_factory.h).
  if (newborn_.deleted()) {  // score logic, start score at the deletion threshold: born deleted
    for (int j = 0; j < m; ++j) next_id += used[j] ? 0 : 1;  // (their ids are spent all the same)
    return;
  }
  const std::size_t before = tracks_.size();
  const double s2 = config_.filter.initial_speed_sigma_mps * config_.filter.initial_speed_sigma_mps;
  for (int j = 0; j < m; ++j) {
    if (used[j]) continue;
    const Meas& z = meas_[j];
    Track& tr = tracks_.emplace_back(Track{next_id++, t, {}, {}, newborn_});
    for (int a = 0; a < D; ++a) {
      tr.x[a] = z.z[a];
      for (int b = 0; b < D; ++b) tr.P[b * N + a] = z.R[b * D + a];
      tr.P[(D + a) * N + D + a] = s2;
    }
  }
  if (newborn_.confirmed())
    for (std::size_t i = before; i < tracks_.size(); ++i) Estimate(tracks_[i], out, confirmed_++);
}

// Predict every track to t, then GateScan (scan_gating.h) for this engine: the same boxes, the
// same exact test, the same pairs in the same order (by track, then measurement). The prediction
// is done in the pass that computes the gate boxes. For memory locality the tracks are gated in
// the order of the grid cell of their box centre (a counting sort), reading the compact record of
// their box and position block (boxes_, prefetched 8 visits ahead), against the measurements
// copied in the grid's slot order; the pairs are then counting-sorted back by track (within a
// track they are by measurement).
template <int D>
void CvGnn<D>::Gate(std::span<const Measurement> scan, double t) {
  GatingWorkspace& w = ws_.gating;
  std::vector<GatedPair>& pairs = ws_.pairs;
  pairs.clear();
  const int n = static_cast<int>(tracks_.size()), m = static_cast<int>(scan.size());
  const double q = config_.filter.process_noise;
  double r_max[3] = {0.0, 0.0, 0.0};
  w.points.resize(m);
  meas_.resize(m);
  for (int j = 0; j < m; ++j) {
    const Measurement& z = scan[j];
    Meas& c = meas_[j];
    for (int a = 0; a < D; ++a) {
      c.z[a] = z.z[a];
      for (int b = 0; b < D; ++b) c.R[b * D + a] = z.R(a, b);
    }
    w.points[j] = Eigen::Vector3d(z.z[0], z.z[1], D == 3 ? z.z[D - 1] : 0.0);
    for (int a = 0; a < D; ++a) r_max[a] = std::max(r_max[a], z.R(a, a));
  }
  if (n == 0 || m == 0) return;  // (m > 0: ProcessScan passes no empty scan)
  boxes_.resize(n);
  w.widths.resize(n);
  for (int i = 0; i < n; ++i) {
    Track& tr = tracks_[i];
    // ManagedTrack::PredictTo and KalmanFilter::Predict.
    if (t > tr.time_s) kalman_kernels::PredictCv<N>(t - tr.time_s, q, tr.x, tr.P);
    tr.time_s = std::max(tr.time_s, t);
    GateBox& g = boxes_[i];
    bool finite = true;
    for (int a = 0; a < D; ++a) {
      g.c[a] = tr.x[a];
      g.h[a] = 1.2 * std::sqrt(gate_ * (std::max(tr.P[a * N + a], 0.0) + r_max[a]));
      g.x[a] = tr.x[a];
      finite = finite && std::isfinite(g.c[a]) && std::isfinite(g.h[a]);
      for (int b = 0; b <= a; ++b) g.p[a * (a + 1) / 2 + b] = tr.P[b * N + a];
    }
    if (!finite) {
      for (int a = 0; a < D; ++a) {
        g.c[a] = 0.0;
        g.h[a] = std::numeric_limits<double>::infinity();
      }
    }
    w.widths[i] = 2.0 * std::max(g.h[0], g.h[1]);
  }
  auto mid = w.widths.begin() + n / 2;
  std::nth_element(w.widths.begin(), mid, w.widths.end());
  w.grid.Build(w.points, std::isfinite(*mid) ? std::max(*mid, 1e-3) : 1e300);
  // The measurements in slot order.
  const std::span<const int> order = w.grid.order();
  slot_z_.resize(static_cast<std::size_t>(m) * D);
  slot_r_.resize(static_cast<std::size_t>(m) * kLower);
  slot_j_.resize(m);
  std::vector<int>& slot_of = w.other;
  slot_of.resize(m);
  for (int e = 0; e < m; ++e) slot_of[order[e]] = e;
  for (int j = 0; j < m; ++j) {  // scattered writes, sequential reads
    const int e = slot_of[j];
    const Meas& c = meas_[j];
    slot_j_[e] = j;
    for (int a = 0; a < D; ++a) {
      slot_z_[e * D + a] = c.z[a];
      for (int b = 0; b <= a; ++b) slot_r_[e * kLower + a * (a + 1) / 2 + b] = c.R[b * D + a];
    }
  }
  // The tracks by the cell of their box centre (stable counting sort).
  const int cells = w.grid.cells();
  cell_start_.assign(cells + 1, 0);
  visit_.resize(n);
  std::vector<int>& cell_of = w.cand;
  cell_of.resize(n);
  for (int i = 0; i < n; ++i) {
    cell_of[i] = w.grid.CellOf(boxes_[i].c[0], boxes_[i].c[1]);
    ++cell_start_[cell_of[i] + 1];
  }
  for (int c = 0; c < cells; ++c) cell_start_[c + 1] += cell_start_[c];
  for (int i = 0; i < n; ++i) visit_[cell_start_[cell_of[i]]++] = i;
  raw_pairs_.clear();
  for (int k = 0; k < n; ++k) {
    const int i = visit_[k];
    if (k + 8 < n) __builtin_prefetch(&boxes_[visit_[k + 8]]);
    const GateBox& g = boxes_[i];
    found_.clear();
    w.grid.ForEachSlotRange(g.c[0] - g.h[0], g.c[1] - g.h[1], g.c[0] + g.h[0], g.c[1] + g.h[1], [&](int b, int e) {
      for (; b < e; ++b) {
        const double* p = &slot_z_[b * D];
        if (std::abs(p[0] - g.c[0]) <= g.h[0] && std::abs(p[1] - g.c[1]) <= g.h[1] &&
            (D < 3 || std::abs(p[D - 1] - g.c[D - 1]) <= g.h[D - 1]))
          found_.push_back(static_cast<std::uint64_t>(slot_j_[b]) << 32 | static_cast<std::uint32_t>(b));
      }
    });
    if (found_.size() > 1) std::sort(found_.begin(), found_.end());  // by measurement index
    for (const std::uint64_t f : found_) {
      const int b = static_cast<int>(f & 0xffffffffu);
      // InnovateCartesian: nu = z - x[0:D], S = P[0:D, 0:D] + R.
      double nu[D], s[D * D], l_diag[D];
      for (int a = 0; a < D; ++a) {
        nu[a] = slot_z_[b * D + a] - g.x[a];
        for (int c = 0; c <= a; ++c) s[a * D + c] = g.p[a * (a + 1) / 2 + c] + slot_r_[b * kLower + a * (a + 1) / 2 + c];
      }
      const double d2 = kalman_kernels::CartesianD2<D>(nu, s, l_diag);
      if (d2 <= gate_)
        raw_pairs_.push_back({i, static_cast<int>(f >> 32), d2, kalman_kernels::CholeskyLogDet<D>(l_diag), D});
    }
  }
  // The pairs by track (stable: by measurement within a track).
  std::vector<int>& start = w.in_grid;
  start.assign(n + 1, 0);
  for (const GatedPair& p : raw_pairs_) ++start[p.track + 1];
  for (int i = 0; i < n; ++i) start[i + 1] += start[i];
  pairs.resize(raw_pairs_.size());
  for (const GatedPair& p : raw_pairs_) pairs[start[p.track]++] = p;
}

template <int D>
void CvGnn<D>::Estimate(const Track& tr, std::vector<TrackEstimate>& out, std::size_t k) {
  if (k == out.size()) out.emplace_back();
  TrackEstimate& e = out[k];
  e.id = tr.id;
  e.time_s = tr.time_s;
  const auto index6 = [](int k) { return k < D ? k : 3 + (k - D); };  // state index -> [p, v] index
  for (int a = 0; a < D; ++a) {
    e.position_m(a) = tr.x[a];
    e.velocity_mps(a) = tr.x[D + a];
  }
  for (int j = 0; j < N; ++j)
    for (int i = 0; i < N; ++i) e.covariance(index6(i), index6(j)) = tr.P[j * N + i];
  e.score = tr.life.score();
  e.quality = tr.life.quality();
}

template <int D>
void CvGnn<D>::Confirmed(std::vector<TrackEstimate>& out) const {
  std::size_t k = 0;
  for (const Track& tr : tracks_)  // in creation (= id) order
    if (tr.life.confirmed() && !tr.life.deleted()) Estimate(tr, out, k++);
  IADSIM_CHECK(k == confirmed_, "CvGnn: the confirmed count is out of step");
  out.resize(k);
}

template <int D>
void CvGnn<D>::MoveTracksTo(std::vector<ManagedTrack>& tracks) {
  MotionModel model;  // filter_factory.cc's ToMotionModel for cv
  model.kind = MotionModelKind::kConstantVelocity;
  model.dims = D;
  model.q = config_.filter.process_noise;
  model.turn_rate_radps = config_.filter.turn_rate_radps;
  model.q_turn_rate = config_.filter.turn_rate_noise;
  const KalmanVariant variant =
      config_.filter.filter == FilterAlgorithm::kKf ? KalmanVariant::kLinear : KalmanVariant::kExtended;
  for (const Track& tr : tracks_) {
    const VecX x = Eigen::Map<const Eigen::Matrix<double, N, 1>>(tr.x);
    const MatX P = Eigen::Map<const Eigen::Matrix<double, N, N>>(tr.P);
    tracks.emplace_back(tr.id, std::make_unique<KalmanFilter>(variant, model, x, P), tr.life, tr.time_s);
  }
  tracks_.clear();
}

std::unique_ptr<CvGnnEngine> MakeCvGnn(const MultiTargetTrackerConfig& c) {
  const bool linear_cv = c.filter.model == MotionModelName::kCv &&
                         (c.filter.filter == FilterAlgorithm::kKf || c.filter.filter == FilterAlgorithm::kEkf);
  if (!c.inline_cv_gnn || c.algorithm != AssociationAlgorithm::kGnn || !linear_cv) return nullptr;
  if (c.filter.dims == 2) return std::make_unique<CvGnn<2>>(c);
  return std::make_unique<CvGnn<3>>(c);
}

}  // namespace

Problems MultiTargetTrackerConfig::Validate() const {
  Problems p;
  const auto bad = [&](const std::string& key, const std::string& msg) { p.push_back({key, msg}); };
  for (Problem q : filter.Validate()) {
    q.path = "filter." + q.path;
    p.push_back(q);
  }
  for (Problem q : management.Validate()) p.push_back(q);
  if (!(pd > 0 && pd < 1)) bad("pd", fmt::format("must be in (0, 1) (got {})", pd));
  if (!(clutter_density > 0 && std::isfinite(clutter_density)))
    bad("clutter_density", fmt::format("must be > 0 per m^2 or m^3 per scan (got {})", clutter_density));
  if (!(gate_probability > 0 && gate_probability < 1))
    bad("gate_probability", fmt::format("must be in (0, 1) (got {})", gate_probability));
  if (jpda_max_events < 1) bad("jpda_max_events", fmt::format("must be >= 1 (got {})", jpda_max_events));
  if (mht_k < 1 || mht_k > 100) bad("mht_k", fmt::format("must be in [1, 100] (got {})", mht_k));
  if (mht_n_scan < 1 || mht_n_scan > 20) bad("mht_n_scan", fmt::format("must be in [1, 20] (got {})", mht_n_scan));
  if (mht_max_hypotheses < 1 || mht_max_hypotheses > 10000)
    bad("mht_max_hypotheses", fmt::format("must be in [1, 10000] (got {})", mht_max_hypotheses));
  if (!(mht_prune_ratio > 0 && mht_prune_ratio < 1))
    bad("mht_prune_ratio", fmt::format("must be in (0, 1) (got {})", mht_prune_ratio));
  return p;
}

TrackEstimate EstimateOf(const ManagedTrack& t) {
  TrackEstimate e;
  e.id = t.id;
  e.time_s = t.time_s;
  e.position_m = t.filter->position();
  e.velocity_mps = t.filter->velocity();
  e.covariance = t.filter->position_velocity_covariance();
  e.score = t.life.score();
  e.quality = t.life.quality();
  return e;
}

MultiTargetTracker::MultiTargetTracker(MultiTargetTrackerConfig config)
    : config_(std::move(config)), work_(std::make_unique<ScanWorkspace>()) {
  if (Problems p = config_.Validate(); !p.empty()) throw ScenarioError(std::move(p));
  if (config_.algorithm == AssociationAlgorithm::kMht) mht_ = std::make_unique<MhtAssociator>(config_);
  cv_gnn_ = MakeCvGnn(config_);
}

MultiTargetTracker::~MultiTargetTracker() = default;
MultiTargetTracker::MultiTargetTracker(MultiTargetTracker&&) noexcept = default;

int MultiTargetTracker::live_tracks() const {
  if (cv_gnn_) return cv_gnn_->size();
  return mht_ ? mht_->live_tracks() : static_cast<int>(tracks_.size());
}

const std::vector<TrackEstimate>& MultiTargetTracker::ProcessScan(std::span<const Measurement> scan) {
  confirmed_fresh_ = false;
  if (scan.empty()) return CurrentConfirmed();
  const double t = scan.front().time_s;
  const int sensor = scan.front().sensor_id;
  const MeasurementKind kind = scan.front().kind;
  bool one_sensor = true, one_kind = true;
  for (const Measurement& m : scan) {  // one pass over the scan (it can be megabytes)
    IADSIM_CHECK(m.time_s == t, "ProcessScan: a scan has one time");
    one_sensor = one_sensor && m.sensor_id == sensor;
    one_kind = one_kind && m.kind == kind;
  }
  IADSIM_CHECK(t >= last_time_s_, "ProcessScan: scan times must not decrease");
  last_time_s_ = t;
  if (one_sensor) {
    SensorScan(scan, t, one_kind);
    return CurrentConfirmed();
  }
  // Several sensors at one time: one scan per sensor, in increasing sensor_id (header).
  std::vector<Measurement> sorted(scan.begin(), scan.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Measurement& a, const Measurement& b) { return a.sensor_id < b.sensor_id; });
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j].sensor_id == sorted[i].sensor_id) ++j;
    const std::span<const Measurement> part = std::span<const Measurement>(sorted).subspan(i, j - i);
    const bool part_one_kind =
        std::all_of(part.begin(), part.end(), [&](const Measurement& m) { return m.kind == part.front().kind; });
    SensorScan(part, t, part_one_kind);
    i = j;
  }
  return CurrentConfirmed();
}

const std::vector<TrackEstimate>& MultiTargetTracker::CurrentConfirmed() {
  if (cv_gnn_) {
    if (!confirmed_fresh_) cv_gnn_->Confirmed(confirmed_);
  } else {
    Confirmed(mht_ ? mht_->best() : tracks_, confirmed_);
  }
  return confirmed_;
}

void MultiTargetTracker::SensorScan(std::span<const Measurement> scan, double t, bool one_kind) {
  if (mht_) {
    mht_->ProcessScan(scan);
    return;
  }
  if (cv_gnn_) {
    if (one_kind && cv_gnn_->Accepts(scan.front().kind)) {
      cv_gnn_->ProcessScan(scan, t, next_id_, confirmed_);
      confirmed_fresh_ = true;  // until the next scan
      return;
    }
    cv_gnn_->MoveTracksTo(tracks_);  // the generic path from now on
    cv_gnn_.reset();
  }
  for (ManagedTrack& tr : tracks_) tr.PredictTo(t);
  if (config_.algorithm == AssociationAlgorithm::kGnn) Gnn(scan);
  else Jpda(scan);
  std::erase_if(tracks_, [](const ManagedTrack& tr) { return tr.life.deleted(); });
}

void MultiTargetTracker::Confirmed(const std::vector<ManagedTrack>& tracks, std::vector<TrackEstimate>& out) const {
  out.clear();
  for (const ManagedTrack& tr : tracks)
    if (tr.life.confirmed() && !tr.life.deleted()) out.push_back(EstimateOf(tr));
  // Tracks are kept in order of creation (increasing id) by GNN and JPDA: the sort is then a check.
  const auto by_id = [](const TrackEstimate& a, const TrackEstimate& b) { return a.id < b.id; };
  if (!std::is_sorted(out.begin(), out.end(), by_id)) std::sort(out.begin(), out.end(), by_id);
}

void MultiTargetTracker::StartTrack(const Measurement& m) {
  tracks_.emplace_back(next_id_++, MakeFilter(config_.filter, m),
                       TrackLifecycle(config_.management, config_.clutter_density), m.time_s);
}

void MultiTargetTracker::Gnn(std::span<const Measurement> scan) {
  const int n = static_cast<int>(tracks_.size()), m = static_cast<int>(scan.size());
  ScanWorkspace& ws = *work_;
  ws.filters.resize(n);
  for (int i = 0; i < n; ++i) ws.filters[i] = tracks_[i].filter.get();
  GateScan(ws.filters, scan, config_.gate_probability, ws.gating, ws.pairs);
  const std::vector<GatedPair>& pairs = ws.pairs;
  const std::vector<int>& col = AssignGnn(n, scan, pairs, config_, ws);
  std::vector<char>& used = ws.used;
  used.assign(m, 0);
  ApplyGnn(n, [&](int i) -> ManagedTrack& { return tracks_[i]; }, scan, pairs, col, config_, used);
  for (int j = 0; j < m; ++j)
    if (!used[j]) StartTrack(scan[j]);
}

// JPDA (header, step 3): the confirmed tracks (confirmed before this scan) by JPDA; the tentative
// tracks by GNN (AssignGnn, the GNN mode's costs) over the detections that no confirmed track used;
// new tracks from the detections used by neither. "Used" is Stone Soup's rule
// (MultiTargetMixtureTracker): beta_tj > beta_t0 for some confirmed track t.
void MultiTargetTracker::Jpda(std::span<const Measurement> scan) {
  const int n = static_cast<int>(tracks_.size()), m = static_cast<int>(scan.size());
  ScanWorkspace& ws = *work_;
  ws.filters.resize(n);
  for (int i = 0; i < n; ++i) ws.filters[i] = tracks_[i].filter.get();
  GateScan(ws.filters, scan, config_.gate_probability, ws.gating, ws.pairs);
  const std::vector<GatedPair>& pairs = ws.pairs;
  const double pd = config_.pd, pg = config_.gate_probability, lambda = config_.clutter_density;
  std::vector<int>& tentative = ws.tentative;  // row of each tentative track in tentative_pairs, else -1
  std::vector<int>& tentative_track = ws.tentative_track;  // the track of each row
  tentative.assign(n, -1);
  tentative_track.clear();
  int nt = 0;
  for (int i = 0; i < n; ++i)
    if (!tracks_[i].life.confirmed()) {
      tentative[i] = nt++;
      tentative_track.push_back(i);
    }
  std::vector<JpdaPair>& jp = ws.jpda;
  jp.clear();
  for (const GatedPair& p : pairs) {
    if (tentative[p.track] >= 0) continue;
    // L = exp(dL) capped to keep the products finite (beta is then still exact to 1e-300).
    const double dl = std::min(HitScoreIncrement(pd, lambda, p.d2, p.log_det_S, p.dim), 600.0);
    jp.push_back({p.track, p.meas, std::exp(dl)});
  }
  const JpdaWeights w = ComputeJpdaWeights(n, m, jp, 1.0 - pd * pg, config_.jpda_max_events);
  std::vector<char>& used = ws.used;  // by a confirmed track (Stone Soup's rule), then by a tentative one
  used.assign(m, 0);
  std::vector<Measurement>& ms = ws.ms;
  std::vector<double>& betas = ws.betas;
  std::size_t k = 0;
  for (int i = 0; i < n; ++i) {
    if (tentative[i] >= 0) continue;
    ManagedTrack& tr = tracks_[i];
    double lr = 1.0 - pd * pg;  // the track's PDA likelihood ratio: (1 - Pd Pg) + sum_j L_j
    for (; k < jp.size() && jp[k].track == i; ++k) lr += jp[k].likelihood_ratio;
    if (w.beta[i].empty()) {
      tr.life.Miss(MissScoreIncrement(pd, pg));
      continue;
    }
    ms.clear();
    betas.clear();
    for (const auto& [j, b] : w.beta[i]) {
      ms.push_back(scan[j]);
      betas.push_back(b);
      if (b > w.beta0[i]) used[j] = 1;
    }
    tr.filter->UpdatePda(ms, betas, w.beta0[i]);
    if (w.beta0[i] <= 0.5) tr.life.Hit(std::log(lr));
    else tr.life.Miss(MissScoreIncrement(pd, pg));
  }
  if (nt > 0) {
    // The tentative tracks' pairs with unused detections, rows renumbered 0..nt-1 (still sorted).
    std::vector<GatedPair>& tp = ws.tentative_pairs;
    tp.clear();
    for (const GatedPair& p : pairs) {
      if (tentative[p.track] < 0 || used[p.meas]) continue;
      GatedPair q = p;
      q.track = tentative[p.track];
      tp.push_back(q);
    }
    const std::vector<int>& col = AssignGnn(nt, scan, tp, config_, ws);
    ApplyGnn(nt, [&](int r) -> ManagedTrack& { return tracks_[tentative_track[r]]; }, scan, tp, col, config_, used);
  }
  for (int j = 0; j < m; ++j)
    if (!used[j]) StartTrack(scan[j]);
}

}  // namespace iadsim
