// Terrain and line-of-sight costs (world/terrain.h, world/line_of_sight.h).
// The SRTM tile is synthetic (a smooth 200–1000 m relief written to a temporary file at start-up),
// so no data file is needed.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "iadsim/world/line_of_sight.h"
#include "iadsim/world/terrain.h"

namespace iadsim {
namespace {

// A 3″ tile N35E035 with z = 600 + 400 sin(2π·3x) cos(2π·2y), x, y the fractions of the tile.
const SrtmTerrain& Tile3() {
  static const SrtmTerrain terrain = [] {
    const int n = kSrtm3PostsPerSide;
    std::vector<char> bytes(2ULL * n * n);
    for (int r = 0; r < n; ++r) {
      for (int c = 0; c < n; ++c) {
        const double x = static_cast<double>(c) / (n - 1);
        const double y = static_cast<double>(r) / (n - 1);
        const auto z = static_cast<std::int16_t>(
            600.0 + 400.0 * std::sin(2 * M_PI * 3 * x) * std::cos(2 * M_PI * 2 * y));
        const auto u = static_cast<std::uint16_t>(z);
        const std::size_t i = 2ULL * (static_cast<std::size_t>(r) * n + c);
        bytes[i] = static_cast<char>(u >> 8);
        bytes[i + 1] = static_cast<char>(u & 0xFF);
      }
    }
    const auto dir = std::filesystem::temp_directory_path() /
                     ("iadsim_terrain_bench_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "N35E035.hgt";
    std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    SrtmTerrain t = SrtmTerrain::LoadFiles({file}, "bench");
    std::filesystem::remove_all(dir);
    return t;
  }();
  return terrain;
}

void BM_SrtmElevation(benchmark::State& state) {
  const SrtmTerrain& t = Tile3();
  double lat = 35.1;
  double lon = 35.1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(t.ElevationM(lat, lon));
    lat = lat < 35.9 ? lat + 0.000317 : 35.1;
    lon = lon < 35.9 ? lon + 0.000731 : 35.1;
  }
}
BENCHMARK(BM_SrtmElevation);

// A radar 300 m above the relief and a low flier 80 km away, masked: every post-spaced sample is
// taken (927 samples at 92.5 m).
void BM_LineOfSightSrtm80km(benchmark::State& state) {
  const SrtmTerrain& t = Tile3();
  const Geodetic radar{35.1, 35.1, 1010.0};
  const Geodetic target{35.8, 35.5, 300.0};
  int samples = 0;
  for (auto _ : state) {
    const LineOfSight los = ComputeLineOfSight(t, radar, target);
    samples = los.samples;
    benchmark::DoNotOptimize(los);
  }
  state.counters["samples"] = samples;
}
BENCHMARK(BM_LineOfSightSrtm80km)->Unit(benchmark::kMicrosecond);

// Both ends high above the highest post: the closed-form fast path, no sample.
void BM_LineOfSightFastPath(benchmark::State& state) {
  const SrtmTerrain& t = Tile3();
  const Geodetic a{35.1, 35.1, 8000.0};
  const Geodetic b{35.8, 35.5, 9000.0};
  for (auto _ : state) benchmark::DoNotOptimize(ComputeLineOfSight(t, a, b));
}
BENCHMARK(BM_LineOfSightFastPath)->Unit(benchmark::kMicrosecond);

// The smooth-earth horizon closed form, for comparison.
void BM_SmoothEarthHorizon(benchmark::State& state) {
  double d = 400e3;
  for (auto _ : state) {
    benchmark::DoNotOptimize(WithinSmoothEarthHorizon(10.0, 10e3, d));
    d = d < 450e3 ? d + 1.0 : 400e3;
  }
}
BENCHMARK(BM_SmoothEarthHorizon);

}  // namespace
}  // namespace iadsim

BENCHMARK_MAIN();
