#include "iadsim/sensors/false_alarms.h"

#include <cmath>
#include <numbers>
#include <string>

#include "iadsim/sensors/radar_equation.h"

namespace iadsim {
namespace {

double CeilRatio(double extent, double step) {
  // A tolerance of 1e-9 keeps an exact multiple (e.g. 360° / 1°) from rounding up by one.
  return std::ceil(extent / step - 1e-9);
}

void CheckSector(const ScanSector& sector) {
  const Problems problems = sector.Validate();
  IADSIM_CHECK(problems.empty(),
               "false alarms: invalid sector: " + (problems.empty() ? std::string() : problems[0].ToString()));
}

// In double: whole numbers, exact below 2^53, and no overflow whatever the sector's figures.
double CellsPerScan(const ScanSector& sector) {
  CheckSector(sector);
  return CeilRatio(sector.max_range_m - sector.min_range_m, sector.range_resolution_m) *
         CeilRatio(sector.azimuth_extent_rad, sector.azimuth_beamwidth_rad) *
         CeilRatio(sector.elevation_extent_rad, sector.elevation_beamwidth_rad);
}

}  // namespace

double RangeResolutionM(double pulse_width_s) {
  IADSIM_CHECK(pulse_width_s > 0.0, "range resolution: pulse width must be > 0");
  return kSpeedOfLightMps * pulse_width_s / 2.0;
}

Problems ScanSector::Validate() const {
  Problems problems;
  const auto bad = [&](const char* path, const std::string& message, double got) {
    problems.push_back({path, message + " (got " + std::to_string(got) + ")"});
  };
  if (!(min_range_m >= 0.0)) bad("min_range", "must be >= 0 m", min_range_m);
  if (!(max_range_m > min_range_m)) bad("max_range", "must be > min_range", max_range_m);
  if (!(range_resolution_m > 0.0)) bad("range_resolution", "must be > 0 m", range_resolution_m);
  if (!std::isfinite(azimuth_start_rad)) bad("azimuth_start", "must be finite", azimuth_start_rad);
  if (!(azimuth_extent_rad > 0.0 && azimuth_extent_rad <= 2.0 * std::numbers::pi + 1e-9)) {
    bad("azimuth_extent", "must be in (0, 2 pi] rad", azimuth_extent_rad);
  }
  if (!(azimuth_beamwidth_rad > 0.0 && azimuth_beamwidth_rad <= azimuth_extent_rad)) {
    bad("azimuth_beamwidth", "must be in (0, azimuth_extent] rad", azimuth_beamwidth_rad);
  }
  if (!(elevation_min_rad >= -0.5 * std::numbers::pi && elevation_min_rad < 0.5 * std::numbers::pi)) {
    bad("elevation_min", "must be in [-pi/2, pi/2) rad", elevation_min_rad);
  }
  if (!(elevation_extent_rad > 0.0 && elevation_extent_rad <= std::numbers::pi)) {
    bad("elevation_extent", "must be in (0, pi] rad", elevation_extent_rad);
  }
  if (!(elevation_beamwidth_rad > 0.0 && elevation_beamwidth_rad <= elevation_extent_rad + 1e-12)) {
    bad("elevation_beamwidth", "must be in (0, elevation_extent] rad", elevation_beamwidth_rad);
  }
  return problems;
}

std::uint64_t ResolutionCellsPerScan(const ScanSector& sector) {
  const double cells = CellsPerScan(sector);
  IADSIM_CHECK(cells < 0x1p63, "false alarms: more resolution cells than a 64-bit count holds");
  return static_cast<std::uint64_t>(cells);
}

double ExpectedFalseAlarmsPerScan(const ScanSector& sector, double pfa) {
  IADSIM_CHECK(pfa >= 0.0 && pfa < 1.0, "false alarms: pfa must be in [0, 1)");
  return pfa * CellsPerScan(sector);
}

std::vector<FalseDetection> DrawFalseAlarms(const ScanSector& sector, double pfa, RandomStream& rng) {
  const std::uint64_t count = rng.Poisson(ExpectedFalseAlarmsPerScan(sector, pfa));
  std::vector<FalseDetection> out;
  out.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    FalseDetection d;
    d.range_m = rng.Uniform(sector.min_range_m, sector.max_range_m);
    d.azimuth_rad = sector.azimuth_start_rad + sector.azimuth_extent_rad * rng.Uniform01();
    d.elevation_rad = sector.elevation_min_rad + sector.elevation_extent_rad * rng.Uniform01();
    out.push_back(d);
  }
  return out;
}

}  // namespace iadsim
