#include "iadsim/tracking/scan_gating.h"

#include <algorithm>
#include <cmath>

#include "iadsim/tracking/chi_square_gate.h"

namespace iadsim {

std::vector<GatedPair> GateScan(std::span<const TrackFilter* const> filters,
                                std::span<const Measurement> scan, double gate_probability,
                                SpatialGrid& grid) {
  std::vector<GatedPair> pairs;
  const int n = static_cast<int>(filters.size());
  if (n == 0 || scan.empty()) return pairs;
  double gates[kMaxMeas + 1];
  for (int d = 1; d <= kMaxMeas; ++d) gates[d] = ChiSquareGate(d, gate_probability);
  const auto test = [&](int i, int j) {
    const Innovation inn = filters[i]->Innovate(scan[j]);
    const int dim = MeasurementDimension(scan[j].kind);
    if (inn.d2 <= gates[dim]) pairs.push_back({i, j, inn.d2, inn.log_det_S, dim});
  };
  // One grid for all Cartesian measurements of one dimension (a scan normally has one kind).
  int cart_dims = 0;
  Eigen::Vector3d r_max = Eigen::Vector3d::Zero();
  for (const Measurement& m : scan) {
    if (m.kind == MeasurementKind::kCartesian2D || m.kind == MeasurementKind::kCartesian3D) {
      const int d = MeasurementDimension(m.kind);
      cart_dims = std::max(cart_dims, d);
      for (int k = 0; k < d; ++k) r_max[k] = std::max(r_max[k], m.R(k, k));
    }
  }
  if (cart_dims > 0) {
    const double g = gates[cart_dims];
    std::vector<Eigen::Vector3d> centres(n), half(n);
    for (int i = 0; i < n; ++i) {
      centres[i] = filters[i]->position();
      const Eigen::Matrix<double, 6, 6> P = filters[i]->position_velocity_covariance();
      for (int k = 0; k < 3; ++k)
        half[i][k] = k < cart_dims ? 1.2 * std::sqrt(g * (std::max(P(k, k), 0.0) + r_max[k])) : 0.0;
      if (!centres[i].allFinite() || !half[i].allFinite()) {
        centres[i].setZero();
        half[i].setConstant(1e300);  // oversize: tested against everything
      }
    }
    grid.Build(cart_dims, centres, half);
  }
  std::vector<int> cand;
  for (int j = 0; j < static_cast<int>(scan.size()); ++j) {
    const Measurement& m = scan[j];
    const bool cart = m.kind == MeasurementKind::kCartesian2D || m.kind == MeasurementKind::kCartesian3D;
    if (cart && MeasurementDimension(m.kind) == cart_dims) {
      Eigen::Vector3d p = Eigen::Vector3d::Zero();
      for (int k = 0; k < cart_dims; ++k) p[k] = m.z[k];
      grid.Query(p, cand);
      for (int i : cand) test(i, j);
    } else {
      for (int i = 0; i < n; ++i) test(i, j);
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const GatedPair& a, const GatedPair& b) { return a.track != b.track ? a.track < b.track : a.meas < b.meas; });
  return pairs;
}

}  // namespace iadsim
