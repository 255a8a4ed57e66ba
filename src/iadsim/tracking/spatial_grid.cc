#include "iadsim/tracking/spatial_grid.h"

#include <algorithm>
#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {

void SpatialGrid::Build(std::span<const Eigen::Vector3d> points, double cell_size_m) {
  IADSIM_CHECK(cell_size_m > 0.0 && !std::isnan(cell_size_m), "SpatialGrid: cell size must be > 0");
  const int m = static_cast<int>(points.size());
  order_.clear();
  start_.clear();
  nx_ = ny_ = 0;
  if (m == 0) return;
  double x1 = points[0].x(), y1 = points[0].y();
  x0_ = x1;
  y0_ = y1;
  for (const Eigen::Vector3d& p : points) {
    IADSIM_CHECK(std::isfinite(p.x()) && std::isfinite(p.y()), "SpatialGrid: points must be finite");
    x0_ = std::min(x0_, p.x());
    x1 = std::max(x1, p.x());
    y0_ = std::min(y0_, p.y());
    y1 = std::max(y1, p.y());
  }
  // At most max_cells cells: (W / c + 1)(H / c + 1) <= max_cells holds for c >= the positive root
  // of (max_cells - 1) c^2 - (W + H) c - W H = 0.
  const double max_cells = 4.0 * m + 64.0, w = x1 - x0_, h = y1 - y0_;
  const double c_min = ((w + h) + std::sqrt((w + h) * (w + h) + 4.0 * (max_cells - 1.0) * w * h)) /
                       (2.0 * (max_cells - 1.0));
  cell_size_m_ = std::max({cell_size_m, c_min, 1e-3});
  // Every point's cell index (x - x0) / c is at most w / c (the same computation at x1).
  nx_ = static_cast<int>(std::floor(w / cell_size_m_)) + 1;
  ny_ = static_cast<int>(std::floor(h / cell_size_m_)) + 1;
  const int cells = nx_ * ny_;
  start_.assign(static_cast<std::size_t>(cells) + 1, 0);
  cell_.resize(m);
  for (int j = 0; j < m; ++j) {
    int ax, bx, ay, by;
    Range(points[j].x(), points[j].x(), x0_, nx_, &ax, &bx);
    Range(points[j].y(), points[j].y(), y0_, ny_, &ay, &by);
    IADSIM_CHECK(ax == bx && ay == by, "SpatialGrid: a point outside its grid");
    cell_[j] = ay * nx_ + ax;
    ++start_[cell_[j] + 1];
  }
  for (int k = 0; k < cells; ++k) start_[k + 1] += start_[k];
  order_.resize(m);
  // Stable counting sort: fill with a moving cursor per cell (start_ shifted by one, restored).
  for (int j = 0; j < m; ++j) order_[start_[cell_[j]]++] = j;
  for (int k = cells; k > 0; --k) start_[k] = start_[k - 1];
  start_[0] = 0;
}

void SpatialGrid::Query(const Eigen::Vector3d& lo, const Eigen::Vector3d& hi, std::vector<int>& out) const {
  out.clear();
  ForEachCandidate(lo.x(), lo.y(), hi.x(), hi.y(), [&](int j) { out.push_back(j); });
  std::sort(out.begin(), out.end());
}

}  // namespace iadsim
