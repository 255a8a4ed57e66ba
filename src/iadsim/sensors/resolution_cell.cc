#include "iadsim/sensors/resolution_cell.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace iadsim {
namespace {

std::size_t Find(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

double AngleGap(double a, double b) { return std::abs(std::remainder(a - b, 2.0 * std::numbers::pi)); }

}  // namespace

std::vector<ResolvedEcho> ResolveEchoes(const std::vector<Echo>& echoes, const ResolutionLimits& limits) {
  const std::size_t n = echoes.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return echoes[a].range_m != echoes[b].range_m ? echoes[a].range_m < echoes[b].range_m : a < b;
  });
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (std::size_t ii = 0; ii < n; ++ii) {
    const Echo& a = echoes[order[ii]];
    for (std::size_t jj = ii + 1; jj < n; ++jj) {
      const Echo& b = echoes[order[jj]];
      if (b.range_m - a.range_m >= limits.range_m) break;
      if (AngleGap(a.azimuth_rad, b.azimuth_rad) >= limits.azimuth_rad) continue;
      if (limits.use_elevation && std::abs(a.elevation_rad - b.elevation_rad) >= limits.elevation_rad) continue;
      parent[Find(parent, order[ii])] = Find(parent, order[jj]);
    }
  }
  // Cells keyed by root, in order of their first (nearest) member.
  std::vector<ResolvedEcho> cells;
  std::vector<std::size_t> cell_of(n, n);
  for (std::size_t ii = 0; ii < n; ++ii) {
    const std::size_t i = order[ii];
    const std::size_t root = Find(parent, i);
    if (cell_of[root] == n) {
      cell_of[root] = cells.size();
      cells.emplace_back();
    }
    cells[cell_of[root]].sources.push_back(i);
  }
  for (ResolvedEcho& c : cells) {
    std::sort(c.sources.begin(), c.sources.end(), [&](std::size_t a, std::size_t b) {
      return echoes[a].snr != echoes[b].snr ? echoes[a].snr > echoes[b].snr : a < b;
    });
    const Echo& strongest = echoes[c.sources.front()];
    double w = 0.0, r = 0.0, el = 0.0, s = 0.0, c_az = 0.0;
    for (std::size_t i : c.sources) {
      const Echo& e = echoes[i];
      w += e.snr;
      r += e.snr * e.range_m;
      el += e.snr * e.elevation_rad;
      // Azimuth relative to the strongest echo, so that a cell across north averages correctly.
      c_az += e.snr * std::remainder(e.azimuth_rad - strongest.azimuth_rad, 2.0 * std::numbers::pi);
      s += e.snr;
    }
    c.centroid = strongest;
    if (w > 0.0) {
      c.centroid.range_m = r / w;
      c.centroid.elevation_rad = el / w;
      double az = strongest.azimuth_rad + c_az / w;
      az = std::fmod(az, 2.0 * std::numbers::pi);
      c.centroid.azimuth_rad = az < 0.0 ? az + 2.0 * std::numbers::pi : az;
    }
    c.centroid.snr = s;
  }
  std::sort(cells.begin(), cells.end(), [](const ResolvedEcho& a, const ResolvedEcho& b) {
    return a.centroid.range_m != b.centroid.range_m ? a.centroid.range_m < b.centroid.range_m
                                                    : a.sources.front() < b.sources.front();
  });
  return cells;
}

}  // namespace iadsim
