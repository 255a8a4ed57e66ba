#pragma once
// Gating of one scan's measurements against predicted tracks: the pairs (track, measurement)
// with d^2 = nu^T S^-1 nu <= g(dim z, Pg) (chi_square_gate.h), found through a SpatialGrid.
//   Cartesian measurements: each track's gate box has half extent
//     h_k = 1.2 sqrt(g (P_kk + max_j R_j,kk))       (P: the filter's position covariance)
//   which bounds the gate ellipsoid (S_kk = P_kk + R_kk for a linear Cartesian update; the 1.2
//   margin covers filters whose S is not exactly H P H^T + R, e.g. IMM mixtures); only pairs in
//   the box are tested with the filter's own Innovate (the box test is exact, so this finds the
//   same pairs as testing every pair when the box bounds the gate). Any other measurement kind (polar,
//   bearing) is tested against every track (brute force).
//   The measurements go in a SpatialGrid with cells of the median gate width; each track visits
//   the cells its box overlaps (about 1 to 4 for a typical gate).
// Cost: O(n + m + pairs + n log n) for Cartesian scans instead of O(n m) (n log n: nothing but
// the median; in practice linear).
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

// The working memory of GateScan, kept from scan to scan by a caller that gates many scans (no
// allocation once the buffers have grown).
struct GatingWorkspace {
  SpatialGrid grid;
  std::vector<int> in_grid, other, cand;
  std::vector<Eigen::Vector3d> points, centres, half;
  std::vector<double> widths;
};
// The same into pairs (cleared first).
void GateScan(std::span<const TrackFilter* const> filters, std::span<const Measurement> scan,
              double gate_probability, GatingWorkspace& work, std::vector<GatedPair>& pairs);

}  // namespace iadsim
