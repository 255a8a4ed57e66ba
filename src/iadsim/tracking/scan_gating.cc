#include "iadsim/tracking/scan_gating.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "iadsim/tracking/chi_square_gate.h"

namespace iadsim {

std::vector<GatedPair> GateScan(std::span<const TrackFilter* const> filters,
                                std::span<const Measurement> scan, double gate_probability,
                                SpatialGrid& grid) {
  std::vector<GatedPair> pairs;
  GatingWorkspace work;
  std::swap(work.grid, grid);  // reuse the caller's grid storage
  GateScan(filters, scan, gate_probability, work, pairs);
  std::swap(work.grid, grid);
  return pairs;
}

void GateScan(std::span<const TrackFilter* const> filters, std::span<const Measurement> scan,
              double gate_probability, GatingWorkspace& work, std::vector<GatedPair>& pairs) {
  pairs.clear();
  SpatialGrid& grid = work.grid;
  const int n = static_cast<int>(filters.size()), m = static_cast<int>(scan.size());
  if (n == 0 || m == 0) return;
  // Gates of the dimensions present (the chi-square quantile is not free).
  double gates[kMaxMeas + 1] = {};
  for (const Measurement& z : scan) {
    const int d = MeasurementDimension(z.kind);
    if (gates[d] == 0.0) gates[d] = ChiSquareGate(d, gate_probability);
  }
  // One grid for all Cartesian measurements of one dimension (a scan normally has one kind);
  // the others (`other`) are tested against every track.
  int cart_dims = 0;
  Eigen::Vector3d r_max = Eigen::Vector3d::Zero();
  for (const Measurement& z : scan) {
    if (z.kind == MeasurementKind::kCartesian2D || z.kind == MeasurementKind::kCartesian3D) {
      const int d = MeasurementDimension(z.kind);
      cart_dims = std::max(cart_dims, d);
      for (int k = 0; k < d; ++k) r_max[k] = std::max(r_max[k], z.R(k, k));
    }
  }
  std::vector<int>& in_grid = work.in_grid;  // measurement indices
  std::vector<int>& other = work.other;
  std::vector<Eigen::Vector3d>& points = work.points;
  in_grid.clear();
  other.clear();
  points.clear();
  for (int j = 0; j < m; ++j) {
    const Measurement& z = scan[j];
    const bool cart = z.kind == MeasurementKind::kCartesian2D || z.kind == MeasurementKind::kCartesian3D;
    if (cart && MeasurementDimension(z.kind) == cart_dims) {
      Eigen::Vector3d p = Eigen::Vector3d::Zero();
      for (int k = 0; k < cart_dims; ++k) p[k] = z.z[k];
      in_grid.push_back(j);
      points.push_back(p);
    } else {
      other.push_back(j);
    }
  }
  // Gate boxes: centre the predicted position, half extent h_k (header).
  std::vector<Eigen::Vector3d>& centres = work.centres;
  std::vector<Eigen::Vector3d>& half = work.half;
  centres.resize(n);
  half.resize(n);
  if (!in_grid.empty()) {
    const double g = gates[cart_dims];
    std::vector<double>& widths = work.widths;
    widths.resize(n);
    for (int i = 0; i < n; ++i) {
      centres[i] = filters[i]->position();
      const Eigen::Vector3d var = filters[i]->position_variance();
      for (int k = 0; k < 3; ++k)
        half[i][k] = k < cart_dims ? 1.2 * std::sqrt(g * (std::max(var[k], 0.0) + r_max[k])) : 0.0;
      if (!centres[i].allFinite() || !half[i].allFinite()) {
        centres[i].setZero();
        half[i].setConstant(std::numeric_limits<double>::infinity());  // tested against everything
      }
      widths[i] = 2.0 * std::max(half[i].x(), half[i].y());
    }
    // Cell side: the median gate width (a typical gate then spans at most 2 x 2 cells).
    auto mid = widths.begin() + n / 2;
    std::nth_element(widths.begin(), mid, widths.end());
    grid.Build(points, std::isfinite(*mid) ? std::max(*mid, 1e-3) : 1e300);
  }
  std::vector<int>& cand = work.cand;
  for (int i = 0; i < n; ++i) {
    cand.clear();
    if (!in_grid.empty()) {
      const Eigen::Vector3d& c = centres[i];
      const Eigen::Vector3d& h = half[i];
      // Only points inside the box (which bounds the gate) go on to the exact test.
      grid.ForEachCandidate(c.x() - h.x(), c.y() - h.y(), c.x() + h.x(), c.y() + h.y(), [&](int e) {
        const Eigen::Vector3d& p = points[e];
        if (std::abs(p.x() - c.x()) <= h.x() && std::abs(p.y() - c.y()) <= h.y() &&
            (cart_dims < 3 || std::abs(p.z() - c.z()) <= h.z()))
          cand.push_back(in_grid[e]);
      });
    }
    cand.insert(cand.end(), other.begin(), other.end());
    std::sort(cand.begin(), cand.end());
    for (const int j : cand) {
      const Innovation inn = filters[i]->Innovate(scan[j]);
      const int dim = MeasurementDimension(scan[j].kind);
      if (inn.d2 <= gates[dim]) pairs.push_back({i, j, inn.d2, inn.log_det_S, dim});
    }
  }
}

}  // namespace iadsim
