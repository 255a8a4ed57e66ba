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
  std::vector<char> used;
  std::vector<Measurement> ms;
  std::vector<double> betas;
};

namespace {

// The GNN assignment of a scan (header, step 3): for each of the n tracks the column given by
// the optimal assignment, a measurement index < m or a miss column >= m. pairs: sorted by track.
const std::vector<int>& AssignGnn(int n, std::span<const Measurement> scan, const std::vector<GatedPair>& pairs,
                                  const MultiTargetTrackerConfig& config, ScanWorkspace& ws) {
  const int m = static_cast<int>(scan.size());
  const double pd = config.pd, pg = config.gate_probability, lambda = config.clutter_density;
  std::vector<AssignmentCandidate>& cand = ws.cand;
  cand.clear();
  for (const GatedPair& p : pairs) cand.push_back({p.track, p.meas, p.d2 + p.log_det_S});
  // Miss cost: one column per track; its dimension from the scan's measurements.
  const int dim = MeasurementDimension(scan.front().kind);
  const double miss_cost =
      2.0 * std::log(pd / ((1.0 - pd * pg) * lambda)) - dim * std::log(2.0 * std::numbers::pi);
  for (int i = 0; i < n; ++i) cand.push_back({i, m + i, miss_cost});
  return ws.assignment.Solve(n, m + n, cand);
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
  virtual bool Accepts(std::span<const Measurement> scan) const = 0;
  virtual void ProcessScan(std::span<const Measurement> scan, double t, std::uint64_t& next_id) = 0;
  virtual std::vector<TrackEstimate> Confirmed() const = 0;
  virtual int size() const = 0;
  virtual void MoveTracksTo(std::vector<ManagedTrack>& tracks) = 0;
};

namespace {

template <int D>
class CvGnn final : public CvGnnEngine {
 public:
  static constexpr int N = 2 * D;
  static constexpr MeasurementKind kKind = D == 2 ? MeasurementKind::kCartesian2D : MeasurementKind::kCartesian3D;

  explicit CvGnn(const MultiTargetTrackerConfig& config)
      : config_(config), gate_(ChiSquareGate(D, config.gate_probability)) {}

  bool Accepts(std::span<const Measurement> scan) const override {
    return std::all_of(scan.begin(), scan.end(), [](const Measurement& m) { return m.kind == kKind; });
  }
  int size() const override { return static_cast<int>(tracks_.size()); }
  void ProcessScan(std::span<const Measurement> scan, double t, std::uint64_t& next_id) override;
  std::vector<TrackEstimate> Confirmed() const override;
  void MoveTracksTo(std::vector<ManagedTrack>& tracks) override;

 private:
  struct Track {
    std::uint64_t id;
    double time_s;
    double x[N];
    double P[N * N];  // column-major
    TrackLifecycle life;
  };
  void Gate(std::span<const Measurement> scan, double t);
  MultiTargetTrackerConfig config_;
  double gate_;
  std::vector<Track> tracks_;
  ScanWorkspace ws_;
};

template <int D>
void CvGnn<D>::ProcessScan(std::span<const Measurement> scan, double t, std::uint64_t& next_id) {
  Gate(scan, t);
  const int n = static_cast<int>(tracks_.size()), m = static_cast<int>(scan.size());
  const std::vector<GatedPair>& pairs = ws_.pairs;
  const std::vector<int>& col = AssignGnn(n, scan, pairs, config_, ws_);
  const double pd = config_.pd, pg = config_.gate_probability, lambda = config_.clutter_density;
  std::vector<char>& used = ws_.used;
  used.assign(m, 0);
  std::size_t k = 0;  // pairs are sorted by track
  for (int i = 0; i < n; ++i) {
    const GatedPair* hit = nullptr;
    for (; k < pairs.size() && pairs[k].track == i; ++k)
      if (pairs[k].meas == col[i]) hit = &pairs[k];
    Track& tr = tracks_[i];
    if (hit) {
      used[hit->meas] = 1;
      kalman_kernels::UpdateCartesian<N, D>(scan[hit->meas], tr.x, tr.P);
      tr.life.Hit(HitScoreIncrement(pd, lambda, hit->d2, hit->log_det_S, hit->dim));
    } else {
      tr.life.Miss(MissScoreIncrement(pd, pg));
    }
  }
  // New tracks: MakeFilter's single-point initiation (filter_factory.h).
  const double s2 = config_.filter.initial_speed_sigma_mps * config_.filter.initial_speed_sigma_mps;
  for (int j = 0; j < m; ++j) {
    if (used[j]) continue;
    const Measurement& z = scan[j];
    Track& tr = tracks_.emplace_back(
        Track{next_id++, z.time_s, {}, {}, TrackLifecycle(config_.management, config_.clutter_density)});
    for (int a = 0; a < D; ++a) {
      tr.x[a] = z.z[a];
      for (int b = 0; b < D; ++b) tr.P[b * N + a] = z.R(a, b);
      tr.P[(D + a) * N + D + a] = s2;
    }
  }
  std::erase_if(tracks_, [](const Track& tr) { return tr.life.deleted(); });
}

// Predict every track to t, then GateScan (scan_gating.h) for this engine: the same boxes, the
// same exact test. (The prediction is done here, in the pass that computes the gate boxes.)
template <int D>
void CvGnn<D>::Gate(std::span<const Measurement> scan, double t) {
  GatingWorkspace& w = ws_.gating;
  std::vector<GatedPair>& pairs = ws_.pairs;
  pairs.clear();
  const int n = static_cast<int>(tracks_.size()), m = static_cast<int>(scan.size());
  if (n == 0 || m == 0) return;
  const double q = config_.filter.process_noise;
  double r_max[3] = {0.0, 0.0, 0.0};
  w.points.resize(m);
  for (int j = 0; j < m; ++j) {
    const Measurement& z = scan[j];
    w.points[j] = Eigen::Vector3d(z.z[0], z.z[1], D == 3 ? z.z[D - 1] : 0.0);
    for (int a = 0; a < D; ++a) r_max[a] = std::max(r_max[a], z.R(a, a));
  }
  w.centres.resize(n);
  w.half.resize(n);
  w.widths.resize(n);
  for (int i = 0; i < n; ++i) {
    Track& tr = tracks_[i];
    // ManagedTrack::PredictTo and KalmanFilter::Predict.
    if (t > tr.time_s) kalman_kernels::PredictCv<N>(t - tr.time_s, q, tr.x, tr.P);
    tr.time_s = std::max(tr.time_s, t);
    Eigen::Vector3d& c = w.centres[i];
    Eigen::Vector3d& h = w.half[i];
    c.setZero();
    h.setZero();
    for (int a = 0; a < D; ++a) {
      c[a] = tr.x[a];
      h[a] = 1.2 * std::sqrt(gate_ * (std::max(tr.P[a * N + a], 0.0) + r_max[a]));
    }
    if (!c.allFinite() || !h.allFinite()) {
      c.setZero();
      h.setConstant(std::numeric_limits<double>::infinity());
    }
    w.widths[i] = 2.0 * std::max(h.x(), h.y());
  }
  auto mid = w.widths.begin() + n / 2;
  std::nth_element(w.widths.begin(), mid, w.widths.end());
  w.grid.Build(w.points, std::isfinite(*mid) ? std::max(*mid, 1e-3) : 1e300);
  std::vector<int>& cand = w.cand;
  for (int i = 0; i < n; ++i) {
    const Eigen::Vector3d& c = w.centres[i];
    const Eigen::Vector3d& h = w.half[i];
    cand.clear();
    w.grid.ForEachCandidate(c.x() - h.x(), c.y() - h.y(), c.x() + h.x(), c.y() + h.y(), [&](int j) {
      const Eigen::Vector3d& p = w.points[j];
      if (std::abs(p.x() - c.x()) <= h.x() && std::abs(p.y() - c.y()) <= h.y() &&
          (D < 3 || std::abs(p.z() - c.z()) <= h.z()))
        cand.push_back(j);
    });
    if (cand.size() > 1) std::sort(cand.begin(), cand.end());
    for (const int j : cand) {
      const Innovation inn = kalman_kernels::InnovateCartesian(scan[j], tracks_[i].x, tracks_[i].P, N);
      if (inn.d2 <= gate_) pairs.push_back({i, j, inn.d2, inn.log_det_S, D});
    }
  }
}

template <int D>
std::vector<TrackEstimate> CvGnn<D>::Confirmed() const {
  std::vector<TrackEstimate> out;
  std::size_t count = 0;
  for (const Track& tr : tracks_) count += tr.life.confirmed() && !tr.life.deleted();
  out.reserve(count);
  for (const Track& tr : tracks_) {  // EstimateOf, in creation (= id) order
    if (!tr.life.confirmed() || tr.life.deleted()) continue;
    TrackEstimate& e = out.emplace_back();
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
  return out;
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

std::vector<TrackEstimate> MultiTargetTracker::ProcessScan(std::span<const Measurement> scan) {
  if (scan.empty()) return CurrentConfirmed();
  const double t = scan.front().time_s;
  for (const Measurement& m : scan) IADSIM_CHECK(m.time_s == t, "ProcessScan: a scan has one time");
  IADSIM_CHECK(t >= last_time_s_, "ProcessScan: scan times must not decrease");
  last_time_s_ = t;
  const int sensor = scan.front().sensor_id;
  const bool one_sensor =
      std::all_of(scan.begin(), scan.end(), [sensor](const Measurement& m) { return m.sensor_id == sensor; });
  if (one_sensor) {
    SensorScan(scan, t);
    return CurrentConfirmed();
  }
  // Several sensors at one time: one scan per sensor, in increasing sensor_id (header).
  std::vector<Measurement> sorted(scan.begin(), scan.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Measurement& a, const Measurement& b) { return a.sensor_id < b.sensor_id; });
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j].sensor_id == sorted[i].sensor_id) ++j;
    SensorScan(std::span<const Measurement>(sorted).subspan(i, j - i), t);
    i = j;
  }
  return CurrentConfirmed();
}

std::vector<TrackEstimate> MultiTargetTracker::CurrentConfirmed() const {
  return cv_gnn_ ? cv_gnn_->Confirmed() : mht_ ? Confirmed(mht_->best()) : Confirmed(tracks_);
}

void MultiTargetTracker::SensorScan(std::span<const Measurement> scan, double t) {
  if (mht_) {
    mht_->ProcessScan(scan);
    return;
  }
  if (cv_gnn_) {
    if (cv_gnn_->Accepts(scan)) {
      cv_gnn_->ProcessScan(scan, t, next_id_);
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

std::vector<TrackEstimate> MultiTargetTracker::Confirmed(const std::vector<ManagedTrack>& tracks) const {
  std::vector<TrackEstimate> out;
  std::size_t count = 0;
  for (const ManagedTrack& tr : tracks) count += tr.life.confirmed() && !tr.life.deleted();
  out.reserve(count);
  for (const ManagedTrack& tr : tracks)
    if (tr.life.confirmed() && !tr.life.deleted()) out.push_back(EstimateOf(tr));
  // Tracks are kept in order of creation (increasing id) by GNN and JPDA: the sort is then a check.
  const auto by_id = [](const TrackEstimate& a, const TrackEstimate& b) { return a.id < b.id; };
  if (!std::is_sorted(out.begin(), out.end(), by_id)) std::sort(out.begin(), out.end(), by_id);
  return out;
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
  const double pd = config_.pd, pg = config_.gate_probability, lambda = config_.clutter_density;
  const std::vector<int>& col = AssignGnn(n, scan, pairs, config_, ws);
  std::vector<char>& used = ws.used;
  used.assign(m, 0);
  std::size_t k = 0;  // pairs are sorted by track
  for (int i = 0; i < n; ++i) {
    const GatedPair* hit = nullptr;
    for (; k < pairs.size() && pairs[k].track == i; ++k)
      if (pairs[k].meas == col[i]) hit = &pairs[k];
    ManagedTrack& tr = tracks_[i];
    if (hit) {
      used[hit->meas] = 1;
      tr.filter->Update(scan[hit->meas]);
      tr.life.Hit(HitScoreIncrement(pd, lambda, hit->d2, hit->log_det_S, hit->dim));
    } else {
      tr.life.Miss(MissScoreIncrement(pd, pg));
    }
  }
  for (int j = 0; j < m; ++j)
    if (!used[j]) StartTrack(scan[j]);
}

void MultiTargetTracker::Jpda(std::span<const Measurement> scan) {
  const int n = static_cast<int>(tracks_.size()), m = static_cast<int>(scan.size());
  ScanWorkspace& ws = *work_;
  ws.filters.resize(n);
  for (int i = 0; i < n; ++i) ws.filters[i] = tracks_[i].filter.get();
  GateScan(ws.filters, scan, config_.gate_probability, ws.gating, ws.pairs);
  const std::vector<GatedPair>& pairs = ws.pairs;
  const double pd = config_.pd, pg = config_.gate_probability, lambda = config_.clutter_density;
  std::vector<JpdaPair>& jp = ws.jpda;
  jp.clear();
  std::vector<char>& gated = ws.used;
  gated.assign(m, 0);
  for (const GatedPair& p : pairs) {
    // L = exp(dL) capped to keep the products finite (beta is then still exact to 1e-300).
    const double dl = std::min(HitScoreIncrement(pd, lambda, p.d2, p.log_det_S, p.dim), 600.0);
    jp.push_back({p.track, p.meas, std::exp(dl)});
    gated[p.meas] = 1;
  }
  const JpdaWeights w = ComputeJpdaWeights(n, m, jp, 1.0 - pd * pg, config_.jpda_max_events);
  std::vector<Measurement>& ms = ws.ms;
  std::vector<double>& betas = ws.betas;
  std::size_t k = 0;
  for (int i = 0; i < n; ++i) {
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
    }
    const bool hit = w.beta0[i] <= 0.5;
    // A tentative track is updated only on a hit: PDA on clutter alone would inflate its
    // covariance and gate, and let it live on clutter (a known weakness of PDA initiation).
    if (hit || tr.life.confirmed()) tr.filter->UpdatePda(ms, betas, w.beta0[i]);
    if (hit) tr.life.Hit(std::log(lr));
    else tr.life.Miss(MissScoreIncrement(pd, pg));
  }
  for (int j = 0; j < m; ++j)
    if (!gated[j]) StartTrack(scan[j]);
}

}  // namespace iadsim
