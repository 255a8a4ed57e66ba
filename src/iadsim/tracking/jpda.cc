#include "iadsim/tracking/jpda.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

int Find(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::vector<JpdaCluster> ClusterPairs(int n_tracks, int n_meas, std::span<const JpdaPair> pairs) {
  // Nodes: tracks 0..n_tracks-1, measurements n_tracks..n_tracks+n_meas-1.
  std::vector<int> parent(n_tracks + n_meas);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<char> paired(n_tracks + n_meas, 0);
  for (const JpdaPair& p : pairs) {
    IADSIM_CHECK(p.track >= 0 && p.track < n_tracks && p.meas >= 0 && p.meas < n_meas, "JPDA: bad pair");
    const int a = Find(parent, p.track), b = Find(parent, n_tracks + p.meas);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
    paired[p.track] = paired[n_tracks + p.meas] = 1;
  }
  std::vector<JpdaCluster> clusters;
  std::vector<int> index(n_tracks + n_meas, -1);  // root -> cluster
  for (int v = 0; v < n_tracks + n_meas; ++v) {
    if (!paired[v]) continue;
    const int r = Find(parent, v);
    if (index[r] < 0) {
      index[r] = static_cast<int>(clusters.size());
      clusters.emplace_back();
    }
    if (v < n_tracks) clusters[index[r]].tracks.push_back(v);
    else clusters[index[r]].meas.push_back(v - n_tracks);
  }
  return clusters;
}

JpdaWeights ComputeJpdaWeights(int n_tracks, int n_meas, std::span<const JpdaPair> pairs,
                               double miss_weight, long max_events) {
  IADSIM_CHECK(miss_weight > 0 && miss_weight <= 1, "JPDA: miss weight must be in (0, 1]");
  JpdaWeights w;
  w.beta.assign(n_tracks, {});
  w.beta0.assign(n_tracks, 1.0);
  // Gated measurements of each track, with L (a pair listed twice keeps its larger L).
  std::vector<std::map<int, double>> gated(n_tracks);
  for (const JpdaPair& p : pairs) {
    IADSIM_CHECK(p.likelihood_ratio >= 0 && std::isfinite(p.likelihood_ratio), "JPDA: bad likelihood");
    double& l = gated[p.track][p.meas];
    l = std::max(l, p.likelihood_ratio);
  }
  for (const JpdaCluster& c : ClusterPairs(n_tracks, n_meas, pairs)) {
    double bound = 1.0;
    for (int t : c.tracks) bound *= 1.0 + static_cast<double>(gated[t].size());
    const int nt = static_cast<int>(c.tracks.size());
    // Local measurement index within the cluster.
    std::map<int, int> local;
    for (int j : c.meas) local.emplace(j, static_cast<int>(local.size()));
    const int nm = static_cast<int>(c.meas.size());
    if (bound <= static_cast<double>(max_events)) {
      ++w.exact_clusters;
      // Scale each track's factors by its largest (every event has one factor per track, so
      // beta is unchanged) to keep products in range.
      std::vector<std::vector<std::pair<int, double>>> opts(nt);
      std::vector<double> miss(nt);
      for (int a = 0; a < nt; ++a) {
        double top = miss_weight;
        for (const auto& [j, l] : gated[c.tracks[a]]) top = std::max(top, l);
        miss[a] = miss_weight / top;
        for (const auto& [j, l] : gated[c.tracks[a]]) opts[a].emplace_back(local.at(j), l / top);
      }
      std::vector<double> sum_tj(static_cast<std::size_t>(nt) * nm, 0.0);
      std::vector<int> choice(nt, -1);
      std::vector<char> used(nm, 0);
      double total = 0.0;
      // Depth-first over tracks; at each leaf add the event's weight to its pairs.
      const auto rec = [&](auto&& self, int a, double weight) -> void {
        if (a == nt) {
          total += weight;
          for (int b = 0; b < nt; ++b)
            if (choice[b] >= 0) sum_tj[static_cast<std::size_t>(b) * nm + choice[b]] += weight;
          return;
        }
        choice[a] = -1;
        self(self, a + 1, weight * miss[a]);
        for (const auto& [j, l] : opts[a]) {
          if (used[j]) continue;
          used[j] = 1;
          choice[a] = j;
          self(self, a + 1, weight * l);
          used[j] = 0;
        }
        choice[a] = -1;
      };
      rec(rec, 0, 1.0);
      IADSIM_CHECK(total > 0, "JPDA: no joint event has weight");
      for (int a = 0; a < nt; ++a) {
        const int t = c.tracks[a];
        double s = 0.0;
        for (const auto& [j, l] : gated[t]) {
          const double b = sum_tj[static_cast<std::size_t>(a) * nm + local.at(j)] / total;
          w.beta[t].emplace_back(j, b);
          s += b;
        }
        w.beta0[t] = std::max(0.0, 1.0 - s);
      }
    } else {
      ++w.approximate_clusters;
      std::map<int, double> col_sum;
      for (int t : c.tracks)
        for (const auto& [j, l] : gated[t]) col_sum[j] += l;
      for (int t : c.tracks) {
        double row_sum = 0.0;
        for (const auto& [j, l] : gated[t]) row_sum += l;
        double s = 0.0;
        for (const auto& [j, l] : gated[t]) {
          const double b = l / (row_sum + col_sum[j] - l + miss_weight);
          w.beta[t].emplace_back(j, b);
          s += b;
        }
        // Cheap JPDA's betas of one track may sum above 1; renormalise with the miss term.
        const double b0 = miss_weight / (row_sum + miss_weight);
        const double norm = s + b0;
        for (auto& jb : w.beta[t]) jb.second /= norm;
        w.beta0[t] = b0 / norm;
      }
    }
  }
  return w;
}

}  // namespace iadsim
