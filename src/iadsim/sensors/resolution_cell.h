#pragma once
// Resolution: a radar cannot separate two echoes that fall in the same resolution cell. Two echoes
// are unresolved when they are closer than the range resolution in range AND closer than the 3 dB
// beamwidth in azimuth (and, for a 3-D radar, in elevation); unresolved is taken transitively, so a
// chain of close echoes forms one cell. The cell gives ONE detection: its mean power is the sum of
// the echoes' mean powers (incoherent addition: random relative phase), its measured position the
// power-weighted centroid of the echoes in (range, azimuth, elevation) — the classic "centroiding"
// of unresolved targets (Blackman & Popoli, Design and Analysis of Modern Tracking Systems, 1999,
// sec. 9.3; Trunk, "Range resolution of targets using automatic detectors", IEEE Trans. AES 14(5),
// 1978). A large aircraft beside a small one thus pulls the detection onto itself and hides the small
// one. Range resolution of an uncompressed rectangular pulse: c tau / 2 (Skolnik 3rd ed. sec. 1.2).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "iadsim/sensors/close_pairs.h"

namespace iadsim {

struct Echo {
  double range_m = 0.0;
  double azimuth_rad = 0.0;    // [0, 2 pi)
  double elevation_rad = 0.0;
  double snr = 0.0;            // mean SNR (linear) of this echo alone
  std::size_t source = 0;      // caller's index (e.g. the aircraft)
};

struct ResolvedEcho {
  Echo centroid;                     // power-weighted position, summed snr, source of the strongest echo
  std::vector<std::size_t> sources;  // indices into the input of every echo in the cell, strongest first
};

struct ResolutionLimits {
  double range_m = 150.0;       // > 0
  double azimuth_rad = 0.02;    // > 0
  double elevation_rad = 0.02;  // > 0; ignored when use_elevation is false (2-D radar)
  bool use_elevation = true;
};

// Groups echoes into resolution cells; output ordered by increasing centroid range. Deterministic.
// Cost O(n log n + k) for n echoes with k pairs compared (a sweep over echoes sorted by range,
// inside azimuth buckets: close_pairs.h).
std::vector<ResolvedEcho> ResolveEchoes(const std::vector<Echo>& echoes, const ResolutionLimits& limits);

// The same cells, flat, for a caller that resolves every sweep (no allocation per cell once the
// buffers have grown): cell c is centroids[c], its sources (strongest first) are
// sources[offsets[c]] .. sources[offsets[c + 1] - 1]. ResolveEchoes above is this, regrouped.
struct ResolvedEchoes {
  std::vector<Echo> centroids;
  std::vector<std::size_t> offsets;  // centroids.size() + 1 entries
  std::vector<std::size_t> sources;
  std::size_t size() const { return centroids.size(); }
  // Scratch space, kept between calls (no allocation per call once it has grown).
  struct Ranged {  // an echo's geometry beside its index
    double range_m, azimuth_rad, elevation_rad;
    std::size_t i;
  };
  std::vector<Ranged> work_ranged, work_sorted;
  std::vector<std::uint32_t> work_range_buckets;
  std::vector<std::size_t> work_parent, work_cell_of, work_count, work_order, work_first, work_members;
  std::vector<Echo> work_centroids;
  ClosePairBuckets work_pairs;
};
void ResolveEchoes(const std::vector<Echo>& echoes, const ResolutionLimits& limits, ResolvedEchoes* out);

}  // namespace iadsim
