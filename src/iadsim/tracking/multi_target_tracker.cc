#include "iadsim/tracking/multi_target_tracker.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include <fmt/format.h>

#include "iadsim/tracking/assignment.h"
#include "iadsim/tracking/jpda.h"
#include "iadsim/tracking/mht.h"
#include "iadsim/tracking/scan_gating.h"

namespace iadsim {

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

MultiTargetTracker::MultiTargetTracker(MultiTargetTrackerConfig config) : config_(std::move(config)) {
  if (Problems p = config_.Validate(); !p.empty()) throw ScenarioError(std::move(p));
  if (config_.algorithm == AssociationAlgorithm::kMht) mht_ = std::make_unique<MhtAssociator>(config_);
}

MultiTargetTracker::~MultiTargetTracker() = default;
MultiTargetTracker::MultiTargetTracker(MultiTargetTracker&&) noexcept = default;

int MultiTargetTracker::live_tracks() const {
  return mht_ ? mht_->live_tracks() : static_cast<int>(tracks_.size());
}

std::vector<TrackEstimate> MultiTargetTracker::ProcessScan(std::span<const Measurement> scan) {
  if (scan.empty()) return mht_ ? Confirmed(mht_->best()) : Confirmed(tracks_);
  const double t = scan.front().time_s;
  for (const Measurement& m : scan) IADSIM_CHECK(m.time_s == t, "ProcessScan: a scan has one time");
  IADSIM_CHECK(t >= last_time_s_, "ProcessScan: scan times must not decrease");
  last_time_s_ = t;
  if (mht_) return Confirmed(mht_->ProcessScan(scan));
  for (ManagedTrack& tr : tracks_) tr.PredictTo(t);
  if (config_.algorithm == AssociationAlgorithm::kGnn) Gnn(scan);
  else Jpda(scan);
  std::erase_if(tracks_, [](const ManagedTrack& tr) { return tr.life.deleted(); });
  return Confirmed(tracks_);
}

std::vector<TrackEstimate> MultiTargetTracker::Confirmed(const std::vector<ManagedTrack>& tracks) const {
  std::vector<TrackEstimate> out;
  for (const ManagedTrack& tr : tracks)
    if (tr.life.confirmed() && !tr.life.deleted()) out.push_back(EstimateOf(tr));
  std::sort(out.begin(), out.end(), [](const TrackEstimate& a, const TrackEstimate& b) { return a.id < b.id; });
  return out;
}

void MultiTargetTracker::StartTrack(const Measurement& m) {
  tracks_.emplace_back(next_id_++, MakeFilter(config_.filter, m),
                       TrackLifecycle(config_.management, config_.clutter_density), m.time_s);
}

void MultiTargetTracker::Gnn(std::span<const Measurement> scan) {
  const int n = static_cast<int>(tracks_.size()), m = static_cast<int>(scan.size());
  std::vector<const TrackFilter*> filters(n);
  for (int i = 0; i < n; ++i) filters[i] = tracks_[i].filter.get();
  const std::vector<GatedPair> pairs = GateScan(filters, scan, config_.gate_probability, grid_);
  const double pd = config_.pd, pg = config_.gate_probability, lambda = config_.clutter_density;
  std::vector<AssignmentCandidate> cand;
  cand.reserve(pairs.size() + n);
  for (const GatedPair& p : pairs) cand.push_back({p.track, p.meas, p.d2 + p.log_det_S});
  // Miss cost: one column per track; its dimension from the scan's measurements.
  const int dim = MeasurementDimension(scan.front().kind);
  const double miss_cost =
      2.0 * std::log(pd / ((1.0 - pd * pg) * lambda)) - dim * std::log(2.0 * std::numbers::pi);
  for (int i = 0; i < n; ++i) cand.push_back({i, m + i, miss_cost});
  const std::vector<int> col = SolveSparseAssignment(n, m + n, cand);
  std::vector<char> used(m, 0);
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
  std::vector<const TrackFilter*> filters(n);
  for (int i = 0; i < n; ++i) filters[i] = tracks_[i].filter.get();
  const std::vector<GatedPair> pairs = GateScan(filters, scan, config_.gate_probability, grid_);
  const double pd = config_.pd, pg = config_.gate_probability, lambda = config_.clutter_density;
  std::vector<JpdaPair> jp;
  jp.reserve(pairs.size());
  std::vector<char> gated(m, 0);
  for (const GatedPair& p : pairs) {
    // L = exp(dL) capped to keep the products finite (beta is then still exact to 1e-300).
    const double dl = std::min(HitScoreIncrement(pd, lambda, p.d2, p.log_det_S, p.dim), 600.0);
    jp.push_back({p.track, p.meas, std::exp(dl)});
    gated[p.meas] = 1;
  }
  const JpdaWeights w = ComputeJpdaWeights(n, m, jp, 1.0 - pd * pg, config_.jpda_max_events);
  std::vector<Measurement> ms;
  std::vector<double> betas;
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
