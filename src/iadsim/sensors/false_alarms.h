#pragma once
// False alarms of a scanning radar: the number of resolution cells tested per scan, the expected
// number of false alarms, and a draw of the false detections of one scan.
//
//   ΔR = c τ / 2                                    range resolution (m), τ the (compressed) pulse
//   cells = ⌈(R_max − R_min) / ΔR⌉ · ⌈Δaz / θaz⌉ · ⌈Δel / θel⌉
//           (range cells × azimuth beam positions × elevation beam positions, each rounded up)
//   E[false alarms per scan] = Pfa · cells
//   Count per scan ~ Poisson(Pfa · cells) (the binomial over many cells, each with a small Pfa);
//   each false detection falls in a cell chosen uniformly: range, azimuth and elevation uniform
//   over the swept sector.
// Independent cells (no range straddle or beam overlap correlation), the same Pfa in every cell
// (CFAR holds it). Sources: Skolnik, Introduction to Radar Systems, 3rd ed., ch. 2 (false-alarm
// time and number); Richards, Fundamentals of Radar Signal Processing, 2005, ch. 6.
#include <cstdint>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/core/rng.h"

namespace iadsim {

// ΔR = c τ / 2 (m) for pulse_width_s > 0.
double RangeResolutionM(double pulse_width_s);

struct ScanSector {
  double min_range_m = 0.0;                 // R_min, >= 0
  double max_range_m = 100e3;               // R_max, > R_min
  double range_resolution_m = 150.0;        // ΔR, > 0
  double azimuth_start_rad = 0.0;           // sector start (rad, any real, clockwise from north)
  double azimuth_extent_rad = 6.283185307;  // Δaz, (0, 2π]
  double azimuth_beamwidth_rad = 0.0174533; // θaz, (0, Δaz]
  double elevation_min_rad = 0.0;           // lower edge (rad), [−π/2, π/2)
  double elevation_extent_rad = 0.0174533;  // Δel, (0, π]
  double elevation_beamwidth_rad = 0.0174533;  // θel, (0, Δel]; Δel = θel: one elevation beam

  // Every problem; paths are the scenario keys (min_range, max_range, ...).
  Problems Validate() const;
};

// Resolution cells tested per scan.
std::uint64_t ResolutionCellsPerScan(const ScanSector& sector);
// Pfa × cells.
double ExpectedFalseAlarmsPerScan(const ScanSector& sector, double pfa);

struct FalseDetection {
  double range_m = 0.0;
  double azimuth_rad = 0.0;    // in [azimuth_start, azimuth_start + Δaz), not wrapped
  double elevation_rad = 0.0;  // in [elevation_min, elevation_min + Δel)
};

// The false detections of one scan: a Poisson count with mean Pfa × cells, each placed uniformly
// in the sector, drawn from `rng` (count first, then range, azimuth, elevation per detection).
std::vector<FalseDetection> DrawFalseAlarms(const ScanSector& sector, double pfa, RandomStream& rng);

}  // namespace iadsim
