#pragma once
// Joint probabilistic data association weights (Fortmann, Bar-Shalom & Scheffe, IEEE J. Oceanic
// Eng. 8(3), 1983; Bar-Shalom & Li, Multitarget-Multisensor Tracking, 1995, ch. 6.4; parametric
// form with Poisson clutter of density lambda).
//   Gated pair (t, j): likelihood ratio L_tj = Pd N(nu_tj; 0, S_tj) / lambda.
//   A joint event theta gives each track at most one measurement and each measurement at most one
//   track; P(theta) is proportional to  prod_{t -> j in theta} L_tj * prod_{t unassigned} (1 - Pd Pg).
//   beta_tj = sum of P(theta) over events with t -> j;  beta_t0 = 1 - sum_j beta_tj.
// Tracks that share gated measurements form a cluster (connected components of the gated pairs);
// clusters are independent and each is enumerated exactly when its number of joint events is at
// most max_events (bounded a priori by prod_t (1 + gated_t)). Above that the cluster uses the
// "cheap JPDA" approximation (Fitzgerald, "Development of practical PDA logic for multitarget
// tracking by microprocessor", American Control Conference 1986):
//   beta_tj = L_tj / (sum_j' L_tj' + sum_t' L_t'j - L_tj + (1 - Pd Pg))
// which is exact for a track alone with its measurements (it is then the PDA of Bar-Shalom &
// Tse, 1975). Deterministic: clusters and their members in increasing index order.
#include <span>
#include <utility>
#include <vector>

namespace iadsim {

struct JpdaPair {
  int track = 0;
  int meas = 0;
  double likelihood_ratio = 0.0;  // L_tj > 0
};

struct JpdaCluster {
  std::vector<int> tracks;  // increasing
  std::vector<int> meas;    // increasing
};

// Connected components of the pairs, ordered by their smallest track. Tracks and measurements
// with no pair are in no cluster.
std::vector<JpdaCluster> ClusterPairs(int n_tracks, int n_meas, std::span<const JpdaPair> pairs);

struct JpdaWeights {
  std::vector<std::vector<std::pair<int, double>>> beta;  // per track: (measurement, beta_tj), increasing j
  std::vector<double> beta0;                              // per track: no measurement is its own
  int exact_clusters = 0;
  int approximate_clusters = 0;
};

// miss_weight = 1 - Pd Pg, in (0, 1]; max_events >= 1.
JpdaWeights ComputeJpdaWeights(int n_tracks, int n_meas, std::span<const JpdaPair> pairs,
                               double miss_weight, long max_events = 100000);

}  // namespace iadsim
