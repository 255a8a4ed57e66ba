#include "iadsim/tracking/spatial_grid.h"

#include <algorithm>
#include <cmath>

#include "iadsim/core/error.h"

namespace iadsim {

std::uint64_t SpatialGrid::Key(long ix, long iy, long iz) const {
  // 21 bits per axis (two's complement, wrapped): distinct cells within +-2^20 cells map apart;
  // beyond that two far cells may share a key, which only adds candidates (never loses one).
  const auto m = [](long v) { return static_cast<std::uint64_t>(v) & ((std::uint64_t{1} << 21) - 1); };
  return (m(ix) << 42) | (m(iy) << 21) | m(iz);
}

long SpatialGrid::CellIndex(double v) const {
  return static_cast<long>(std::clamp(std::floor(v / cell_size_m_), -1e15, 1e15));
}

void SpatialGrid::Build(int dims, std::span<const Eigen::Vector3d> centres,
                        std::span<const Eigen::Vector3d> half_extents) {
  IADSIM_CHECK(dims == 2 || dims == 3, "SpatialGrid: dims must be 2 or 3");
  IADSIM_CHECK(centres.size() == half_extents.size(), "SpatialGrid: sizes differ");
  dims_ = dims;
  entries_.clear();
  ranges_.clear();
  oversize_.clear();
  std::vector<double> widths;
  widths.reserve(centres.size());
  for (const Eigen::Vector3d& h : half_extents) {
    IADSIM_CHECK(h.allFinite() && (h.array() >= 0).all(), "SpatialGrid: bad half extent");
    widths.push_back(2.0 * h.head(dims).maxCoeff());
  }
  if (!widths.empty()) {
    auto mid = widths.begin() + widths.size() / 2;
    std::nth_element(widths.begin(), mid, widths.end());
    cell_size_m_ = std::max(*mid, 1e-3);
  }
  for (int i = 0; i < static_cast<int>(centres.size()); ++i) {
    const Eigen::Vector3d lo = centres[i] - half_extents[i];
    const Eigen::Vector3d hi = centres[i] + half_extents[i];
    long a[3], b[3];
    long cells = 1;
    bool finite = true;
    for (int k = 0; k < 3; ++k) {
      if (k >= dims) {
        a[k] = b[k] = 0;
        continue;
      }
      const double da = std::floor(lo[k] / cell_size_m_), db = std::floor(hi[k] / cell_size_m_);
      if (!(std::abs(da) < 1e15 && std::abs(db) < 1e15) || db - da + 1 > kMaxCellsPerBox) {
        finite = false;
        break;
      }
      a[k] = static_cast<long>(da);
      b[k] = static_cast<long>(db);
      cells *= b[k] - a[k] + 1;
    }
    if (!finite || cells > kMaxCellsPerBox) {
      oversize_.push_back(i);
      continue;
    }
    for (long x = a[0]; x <= b[0]; ++x)
      for (long y = a[1]; y <= b[1]; ++y)
        for (long z = a[2]; z <= b[2]; ++z) entries_.emplace_back(Key(x, y, z), i);
  }
  std::sort(entries_.begin(), entries_.end());
  // A box may land twice in one key only through the 21-bit wrap; drop such duplicates.
  entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
  ranges_.reserve(entries_.size());
  for (int e = 0; e < static_cast<int>(entries_.size());) {
    int f = e;
    while (f < static_cast<int>(entries_.size()) && entries_[f].first == entries_[e].first) ++f;
    ranges_.emplace(entries_[e].first, std::make_pair(e, f));
    e = f;
  }
}

void SpatialGrid::Query(const Eigen::Vector3d& p, std::vector<int>& out) const {
  out.clear();
  const long ix = CellIndex(p.x()), iy = CellIndex(p.y()), iz = dims_ == 3 ? CellIndex(p.z()) : 0;
  const auto it = ranges_.find(Key(ix, iy, iz));
  if (it != ranges_.end()) {
    for (int e = it->second.first; e < it->second.second; ++e) out.push_back(entries_[e].second);
  }
  if (!oversize_.empty()) {
    const std::size_t n = out.size();
    out.insert(out.end(), oversize_.begin(), oversize_.end());
    std::inplace_merge(out.begin(), out.begin() + static_cast<long>(n), out.end());
  }
}

}  // namespace iadsim
