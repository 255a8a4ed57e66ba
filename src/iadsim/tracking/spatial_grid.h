#pragma once
// A uniform grid (a hash of cells) over axis-aligned boxes, for gating many tracks against many
// measurements in O(n + m) instead of O(n m).
//   Each box (a track's gate: centre = predicted position, half-extent h_k = sqrt(g S_kk) on
//   axis k, the exact bounding box of the gate ellipsoid nu^T S^-1 nu <= g) is entered in every
//   cell it overlaps; a point (a measurement) looks up the one cell that holds it and gets the
//   boxes entered there. Every box that contains the point is returned (no false negatives);
//   some that do not may be (the caller then tests d^2 exactly).
//   Cell size: the median of the boxes' full widths over all axes (so a typical box overlaps
//   at most 2^dims cells); a box that would overlap more than kMaxCellsPerBox cells goes on an
//   "oversize" list returned for every query, so that a few huge gates cannot blow up the grid.
// Units: metres. dims: 2 (x, y; z ignored) or 3. Source: the fixed-grid method of Bentley &
// Friedman, "Data structures for range searching", ACM Computing Surveys 11(4), 1979.
// Deterministic: results are in increasing box index.
#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

namespace iadsim {

class SpatialGrid final {
 public:
  static constexpr long kMaxCellsPerBox = 512;

  // centres[i], half_extents[i] >= 0 (metres); dims 2 or 3.
  void Build(int dims, std::span<const Eigen::Vector3d> centres,
             std::span<const Eigen::Vector3d> half_extents);

  // Indices of boxes that may contain p (a superset of those that do), increasing. Appends to out
  // after clearing it.
  void Query(const Eigen::Vector3d& p, std::vector<int>& out) const;

  double cell_size_m() const { return cell_size_m_; }
  int oversize_count() const { return static_cast<int>(oversize_.size()); }

 private:
  std::uint64_t Key(long ix, long iy, long iz) const;
  long CellIndex(double v) const;
  int dims_ = 2;
  double cell_size_m_ = 1.0;
  std::vector<std::pair<std::uint64_t, int>> entries_;  // (cell key, box), sorted
  std::unordered_map<std::uint64_t, std::pair<int, int>> ranges_;  // cell -> [begin, end) of entries_
  std::vector<int> oversize_;
};

}  // namespace iadsim
