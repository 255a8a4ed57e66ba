#include "iadsim/sensors/resolution_cell.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "iadsim/sensors/close_pairs.h"
#include "iadsim/core/angle.h"
#include "iadsim/sensors/range_sort.h"

namespace iadsim {
namespace {

std::size_t Find(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}


}  // namespace

void ResolveEchoes(const std::vector<Echo>& echoes, const ResolutionLimits& limits, ResolvedEchoes* out) {
  const std::size_t n = echoes.size();
  // By increasing range, ties by index; the geometry copied beside the index (no indirection).
  using Ranged = ResolvedEchoes::Ranged;
  std::vector<Ranged>& order = out->work_ranged;
  order.resize(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = {echoes[i].range_m, echoes[i].azimuth_rad, echoes[i].elevation_rad, i};
  // (range, index) order: the indices are increasing, so a stable sort on the range (range_sort.h)
  StableSortByRange(order, &out->work_sorted, &out->work_range_buckets);
  std::vector<std::size_t>& parent = out->work_parent;
  parent.resize(n);
  std::iota(parent.begin(), parent.end(), 0);
  // Unresolved pairs (close_pairs.h: those of the plain range sweep, through azimuth buckets); the
  // cells are the connected components, whatever order the pairs are joined in.
  ForEachClosePair(
      order, limits.range_m, limits.azimuth_rad,
      [&](std::size_t ii, std::size_t jj) {
        const Ranged& a = order[ii];
        const Ranged& b = order[jj];
        if (limits.use_elevation && std::abs(a.elevation_rad - b.elevation_rad) >= limits.elevation_rad) return;
        parent[Find(parent, a.i)] = Find(parent, b.i);
      },
      &out->work_pairs);
  // Cells keyed by root, in order of their first (nearest) member; members in range order.
  std::vector<std::size_t>& cell_of = out->work_cell_of;  // per root
  std::vector<std::size_t>& count = out->work_count;      // per cell
  cell_of.assign(n, n);
  count.clear();
  for (std::size_t ii = 0; ii < n; ++ii) {
    const std::size_t root = Find(parent, order[ii].i);
    if (cell_of[root] == n) {
      cell_of[root] = count.size();
      count.push_back(0);
    }
    ++count[cell_of[root]];
  }
  const std::size_t cells = count.size();
  std::vector<std::size_t>& first = out->work_first;  // start of each cell's sources, in cell order
  first.assign(cells + 1, 0);
  for (std::size_t c = 0; c < cells; ++c) first[c + 1] = first[c] + count[c];
  std::vector<std::size_t>& members = out->work_members;
  members.resize(n);
  for (std::size_t c = 0; c < cells; ++c) count[c] = first[c];  // now the next free slot
  for (std::size_t ii = 0; ii < n; ++ii) members[count[cell_of[Find(parent, order[ii].i)]]++] = order[ii].i;
  std::vector<Echo>& centroid = out->work_centroids;
  centroid.resize(cells);
  for (std::size_t c = 0; c < cells; ++c) {
    const auto b = members.begin() + static_cast<std::ptrdiff_t>(first[c]);
    const auto e = members.begin() + static_cast<std::ptrdiff_t>(first[c + 1]);
    if (e - b > 1) std::sort(b, e, [&](std::size_t x, std::size_t y) {
      return echoes[x].snr != echoes[y].snr ? echoes[x].snr > echoes[y].snr : x < y;
    });
    const Echo& strongest = echoes[*b];
    double w = 0.0, r = 0.0, el = 0.0, s = 0.0, c_az = 0.0;
    for (auto it = b; it != e; ++it) {
      const Echo& x = echoes[*it];
      w += x.snr;
      r += x.snr * x.range_m;
      el += x.snr * x.elevation_rad;
      // Azimuth relative to the strongest echo, so that a cell across north averages correctly.
      c_az += x.snr * RemainderTwoPi(x.azimuth_rad - strongest.azimuth_rad);
      s += x.snr;
    }
    Echo& cen = centroid[c];
    cen = strongest;
    if (w > 0.0) {
      cen.range_m = r / w;
      cen.elevation_rad = el / w;
      cen.azimuth_rad = WrapTwoPi(strongest.azimuth_rad + c_az / w);
    }
    cen.snr = s;
  }
  // By centroid range, ties by strongest source: a strict total order (sources are distinct).
  std::vector<std::size_t>& by_range = out->work_order;
  by_range.resize(cells);
  std::iota(by_range.begin(), by_range.end(), 0);
  const auto less = [&](std::size_t a, std::size_t b) {
    return centroid[a].range_m != centroid[b].range_m ? centroid[a].range_m < centroid[b].range_m
                                                      : members[first[a]] < members[first[b]];
  };
  // The cells come nearly in this order (by their nearest member): insertion sort, which moves
  // each cell past the few it is out of order with; std::sort if that turns out to be many. The
  // order is a strict total one, so both give the same permutation.
  std::size_t moves = 0;
  for (std::size_t k = 1; k < cells && moves <= 8 * cells; ++k) {
    const std::size_t c = by_range[k];
    std::size_t j = k;
    for (; j > 0 && less(c, by_range[j - 1]); --j) by_range[j] = by_range[j - 1];
    by_range[j] = c;
    moves += k - j;
  }
  if (moves > 8 * cells) std::sort(by_range.begin(), by_range.end(), less);
  out->centroids.clear();
  out->offsets.assign(1, 0);
  out->sources.clear();
  for (std::size_t c : by_range) {
    out->centroids.push_back(centroid[c]);
    out->sources.insert(out->sources.end(), members.begin() + static_cast<std::ptrdiff_t>(first[c]),
                        members.begin() + static_cast<std::ptrdiff_t>(first[c + 1]));
    out->offsets.push_back(out->sources.size());
  }
}

std::vector<ResolvedEcho> ResolveEchoes(const std::vector<Echo>& echoes, const ResolutionLimits& limits) {
  ResolvedEchoes flat;
  ResolveEchoes(echoes, limits, &flat);
  std::vector<ResolvedEcho> cells(flat.size());
  for (std::size_t c = 0; c < flat.size(); ++c) {
    cells[c].centroid = flat.centroids[c];
    cells[c].sources.assign(flat.sources.begin() + static_cast<std::ptrdiff_t>(flat.offsets[c]),
                            flat.sources.begin() + static_cast<std::ptrdiff_t>(flat.offsets[c + 1]));
  }
  return cells;
}

}  // namespace iadsim
