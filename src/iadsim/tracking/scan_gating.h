#pragma once
// Gating of one scan's measurements against predicted tracks: the pairs (track, measurement)
// with d^2 = nu^T S^-1 nu <= g(dim z, Pg) (chi_square_gate.h), found through a SpatialGrid.
//   Cartesian measurements: each track's gate box has half extent
//     h_k = 1.2 sqrt(g (P_kk + max_j R_j,kk))       (P: the filter's position covariance)
//   which bounds the gate ellipsoid (S_kk = P_kk + R_kk for a linear Cartesian update; the 1.2
//   margin covers filters whose S is not exactly H P H^T + R, e.g. IMM mixtures); only pairs in
//   the box are tested with the filter's own Innovate. Any other measurement kind (polar,
//   bearing) is tested against every track (brute force).
// Cost: O(n + m + pairs) for Cartesian scans instead of O(n m).
// Deterministic: pairs sorted by (track, measurement).
#include <span>
#include <vector>

#include "iadsim/tracking/spatial_grid.h"
#include "iadsim/tracking/track_filter.h"

namespace iadsim {

struct GatedPair {
  int track = 0;
  int meas = 0;
  double d2 = 0.0;
  double log_det_S = 0.0;
  int dim = 0;  // measurement dimension
};

// filters: predicted to the scan's time. grid: scratch space reused between calls.
std::vector<GatedPair> GateScan(std::span<const TrackFilter* const> filters,
                                std::span<const Measurement> scan, double gate_probability,
                                SpatialGrid& grid);

}  // namespace iadsim
