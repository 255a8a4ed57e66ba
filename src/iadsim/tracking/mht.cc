#include "iadsim/tracking/mht.h"

#include <algorithm>
#include <cmath>

#include "iadsim/tracking/assignment.h"
#include "iadsim/tracking/murty.h"
#include "iadsim/tracking/scan_gating.h"

namespace iadsim {

MhtAssociator::MhtAssociator(const MultiTargetTrackerConfig& config) : config_(config) {
  hyps_.push_back({{}, 0.0, {0}});
}

const std::vector<ManagedTrack>& MhtAssociator::best() const { return hyps_.front().tracks; }

std::vector<long> MhtAssociator::AncestorsBack(int back) const {
  std::vector<long> out;
  for (const Hypothesis& h : hyps_) {
    const int k = static_cast<int>(h.ancestry.size()) - 1 - back;
    out.push_back(k >= 0 ? h.ancestry[k] : -1);
  }
  return out;
}

const std::vector<ManagedTrack>& MhtAssociator::ProcessScan(std::span<const Measurement> scan) {
  const double t = scan.front().time_s;
  const double pd = config_.pd, pg = config_.gate_probability, lambda = config_.clutter_density;
  const double miss_cost = -MissScoreIncrement(pd, pg);
  const int m = static_cast<int>(scan.size());
  struct Child {
    int parent = 0;
    int rank = 0;
    std::vector<int> row_to_col;
    double score = 0.0;
  };
  std::vector<Child> children;
  std::vector<std::vector<GatedPair>> gated(hyps_.size());
  for (int h = 0; h < static_cast<int>(hyps_.size()); ++h) {
    Hypothesis& hyp = hyps_[h];
    const int n = static_cast<int>(hyp.tracks.size());
    std::vector<const TrackFilter*> filters(n);
    for (int i = 0; i < n; ++i) {
      hyp.tracks[i].PredictTo(t);
      filters[i] = hyp.tracks[i].filter.get();
    }
    gated[h] = GateScan(filters, scan, pg, grid_);
    // Only tracks with a gated measurement have a choice; the others miss in every child. The
    // reduced matrix: those rows x (their gated measurements + their miss columns).
    std::vector<int> rows, cols;
    std::vector<int> row_of(n, -1), col_of(m, -1);
    for (const GatedPair& p : gated[h]) {
      if (row_of[p.track] < 0) {
        row_of[p.track] = static_cast<int>(rows.size());
        rows.push_back(p.track);
      }
      if (col_of[p.meas] < 0) {
        col_of[p.meas] = static_cast<int>(cols.size());
        cols.push_back(p.meas);
      }
    }
    const int nr = static_cast<int>(rows.size()), nc = static_cast<int>(cols.size());
    double fixed = 0.0;  // misses of the tracks without a choice
    for (int i = 0; i < n; ++i)
      if (row_of[i] < 0) fixed += miss_cost;
    std::vector<int> full(n, -1);
    for (int i = 0; i < n; ++i) full[i] = m + i;
    if (nr == 0) {
      children.push_back({h, 0, full, hyp.score - fixed});
      continue;
    }
    Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(nr, nc + nr, kForbidden);
    for (const GatedPair& p : gated[h])
      cost(row_of[p.track], col_of[p.meas]) = -HitScoreIncrement(pd, lambda, p.d2, p.log_det_S, p.dim);
    for (int r = 0; r < nr; ++r) cost(r, nc + r) = miss_cost;
    const std::vector<RankedAssignment> best = KBestAssignments(cost, config_.mht_k);
    for (int r = 0; r < static_cast<int>(best.size()); ++r) {
      std::vector<int> a = full;
      for (int q = 0; q < nr; ++q) {
        const int c = best[r].row_to_col[q];
        if (c < nc) a[rows[q]] = cols[c];
      }
      children.push_back({h, r, std::move(a), hyp.score - fixed - best[r].cost});
    }
  }
  // Best first; ties by parent then rank (deterministic).
  std::stable_sort(children.begin(), children.end(),
                   [](const Child& a, const Child& b) { return a.score > b.score; });
  const double floor_score = children.front().score + std::log(config_.mht_prune_ratio);
  std::vector<Child> kept;
  for (Child& c : children) {
    if (static_cast<int>(kept.size()) >= config_.mht_max_hypotheses || c.score < floor_score) break;
    kept.push_back(std::move(c));
  }
  // N-scan back: the ancestor N scans back of a child is its parent's ancestry entry N - 1 back.
  const int nback = config_.mht_n_scan;
  const auto ancestor = [&](const Child& c) {
    const std::vector<long>& a = hyps_[c.parent].ancestry;
    const int k = static_cast<int>(a.size()) - nback;
    return k >= 0 ? a[k] : -1;
  };
  const long root = ancestor(kept.front());
  std::erase_if(kept, [&](const Child& c) { return ancestor(c) != root; });

  std::vector<Hypothesis> next;
  next.reserve(kept.size());
  for (const Child& c : kept) {
    const Hypothesis& parent = hyps_[c.parent];
    Hypothesis h;
    h.score = c.score - kept.front().score;  // normalised: the best is 0
    h.ancestry = parent.ancestry;
    h.ancestry.push_back(next_node_++);
    if (static_cast<int>(h.ancestry.size()) > nback + 1) h.ancestry.erase(h.ancestry.begin());
    h.tracks = parent.tracks;  // clones the filters
    std::vector<char> used(m, 0);
    const std::vector<GatedPair>& pairs = gated[c.parent];
    std::size_t k = 0;
    for (int i = 0; i < static_cast<int>(h.tracks.size()); ++i) {
      const int j = c.row_to_col[i];
      ManagedTrack& tr = h.tracks[i];
      if (j < m) {
        while (k < pairs.size() && (pairs[k].track < i || (pairs[k].track == i && pairs[k].meas < j))) ++k;
        IADSIM_CHECK(k < pairs.size() && pairs[k].track == i && pairs[k].meas == j, "MHT: ungated pair");
        used[j] = 1;
        tr.filter->Update(scan[j]);
        tr.life.Hit(HitScoreIncrement(pd, lambda, pairs[k].d2, pairs[k].log_det_S, pairs[k].dim));
      } else {
        tr.life.Miss(MissScoreIncrement(pd, pg));
      }
    }
    std::erase_if(h.tracks, [](const ManagedTrack& tr) { return tr.life.deleted(); });
    for (int j = 0; j < m; ++j) {
      if (used[j]) continue;
      h.tracks.emplace_back(next_id_++, MakeFilter(config_.filter, scan[j]),
                            TrackLifecycle(config_.management, lambda), t);
      if (h.tracks.back().life.deleted()) h.tracks.pop_back();
    }
    next.push_back(std::move(h));
  }
  hyps_ = std::move(next);
  return best();
}

}  // namespace iadsim
