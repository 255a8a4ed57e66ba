#pragma once
// A uniform grid over points in the x-y plane (a scan's measurements), queried by axis-aligned
// boxes (the tracks' gates), for gating n tracks against m measurements in O(n + m + pairs)
// instead of O(n m).
//   Build: the points' bounding box [x0, x1] x [y0, y1] is cut into nx x ny square cells of side
//   c; point j goes in cell (ix, iy) = (floor((x_j - x0) / c), floor((y_j - y0) / c)) (clamped
//   to the grid). The points are counting-sorted by row-major cell index, so that the points of
//   the cells ix0..ix1 of one row iy are one contiguous range: a box query costs one range per
//   row it spans, plus the points in those cells. No hashing, no allocation after the buffers
//   have grown.
//   Query(lo, hi): every point in the box [lo, hi] (x-y) is returned (no false negatives: the
//   cell index is a monotone function of the coordinate, the same for points and box corners);
//   points of the same cells outside the box may be (the caller tests them exactly).
//   Cell side: the caller's (e.g. the median gate width), enlarged if needed so that the grid
//   has at most 4 m + 64 cells (memory and build time O(m) whatever the gates and the spread).
// Units: metres; z is ignored (3-D callers test z themselves). A NaN box returns every point.
// Source: the fixed-grid ("cell") method of Bentley & Friedman, "Data structures for range
// searching", ACM Computing Surveys 11(4), 1979, with cells in one counting-sorted array.
// Deterministic: within a row range, points by increasing cell, then increasing index.
#include <Eigen/Core>

#include <cmath>
#include <span>
#include <vector>

namespace iadsim {

class SpatialGrid final {
 public:
  // points[j]: x, y finite (metres). cell_size_m > 0 (smaller values are raised to 1 mm).
  void Build(std::span<const Eigen::Vector3d> points, double cell_size_m);

  // Calls f(j) for every point j in the cells that the box [x_lo, x_hi] x [y_lo, y_hi] overlaps
  // (a superset of the points in the box); nothing if the box misses the grid.
  template <class F>
  void ForEachCandidate(double x_lo, double y_lo, double x_hi, double y_hi, F&& f) const;

  // The same, as indices appended to out after clearing it, increasing.
  void Query(const Eigen::Vector3d& lo, const Eigen::Vector3d& hi, std::vector<int>& out) const;

  // The cells' contents as slots: slot e in [0, size()) holds point order()[e]; the cells of the
  // box [x_lo, x_hi] x [y_lo, y_hi] are the slot ranges f(begin, end) (one per grid row it spans),
  // so that a caller keeping per-point data in slot order reads it sequentially.
  std::span<const int> order() const { return order_; }
  template <class F>
  void ForEachSlotRange(double x_lo, double y_lo, double x_hi, double y_hi, F&& f) const;
  // The row-major index of the cell of (x, y), clamped to the grid (NaN: cell 0); 0 if empty.
  // Sorting query boxes by the cell of their centre makes successive queries visit nearby slots.
  int CellOf(double x, double y) const;
  int cells() const { return nx_ * ny_; }

  double cell_size_m() const { return cell_size_m_; }
  int cells_x() const { return nx_; }
  int cells_y() const { return ny_; }
  int size() const { return static_cast<int>(order_.size()); }

 private:
  // Cell range [a, b] of [lo, hi] on one axis with origin o and n cells; a > b when empty.
  void Range(double lo, double hi, double o, int n, int* a, int* b) const;
  double cell_size_m_ = 1.0;
  double x0_ = 0.0, y0_ = 0.0;
  int nx_ = 0, ny_ = 0;
  std::vector<int> start_;  // nx * ny + 1 offsets into order_, row-major (iy * nx + ix)
  std::vector<int> order_;  // point indices by cell, increasing within a cell
  std::vector<int> cell_;   // scratch: each point's cell
};

// Both compare u = (v - o) / c with the grid's bounds instead of computing floor(u), which
// without SSE4.1 is a long instruction sequence: floor(u) >= 0 <=> u >= 0, floor(u) >= k <=> u >= k
// for an integer k, and for 0 <= u < n floor(u) is the truncation (int)u; NaN fails every test.
// The cells are those of floor, exactly.
inline void SpatialGrid::Range(double lo, double hi, double o, int n, int* a, int* b) const {
  const double ua = (lo - o) / cell_size_m_, ub = (hi - o) / cell_size_m_;
  // NaN lower bounds map to cell 0 and NaN upper bounds to the last cell (the whole axis).
  *a = !(ua >= 0.0) ? 0 : ua >= n ? n : static_cast<int>(ua);
  *b = !(ub < n) ? n - 1 : ub < 0.0 ? -1 : static_cast<int>(ub);
}

inline int SpatialGrid::CellOf(double x, double y) const {
  if (order_.empty()) return 0;
  const auto axis = [&](double v, double o, int n) {
    const double u = (v - o) / cell_size_m_;
    return !(u >= 0.0) ? 0 : u >= n - 1 ? n - 1 : static_cast<int>(u);
  };
  return axis(y, y0_, ny_) * nx_ + axis(x, x0_, nx_);
}

template <class F>
void SpatialGrid::ForEachSlotRange(double x_lo, double y_lo, double x_hi, double y_hi, F&& f) const {
  if (order_.empty()) return;
  int ax, bx, ay, by;
  Range(x_lo, x_hi, x0_, nx_, &ax, &bx);
  Range(y_lo, y_hi, y0_, ny_, &ay, &by);
  if (ax > bx || ay > by) return;
  for (int iy = ay; iy <= by; ++iy) {
    const int row = iy * nx_;
    f(start_[row + ax], start_[row + bx + 1]);
  }
}

template <class F>
void SpatialGrid::ForEachCandidate(double x_lo, double y_lo, double x_hi, double y_hi, F&& f) const {
  ForEachSlotRange(x_lo, y_lo, x_hi, y_hi, [&](int begin, int end) {
    for (int e = begin; e < end; ++e) f(order_[e]);
  });
}

}  // namespace iadsim
