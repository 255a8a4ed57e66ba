// Cost of one revolution of a 3-D surveillance radar (64N6E2-class figures of scenarios/demo.yaml)
// against N aircraft on straight routes spread uniformly over a 280 km disc around it: binning,
// line of sight, SNR, resolution merging, Pd draws, measurements, false alarms and IFF.
// Goal (issue "Sensors to textbook fidelity"): 10,000 aircraft, <= 5 ms per scan on one core.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <optional>

#include "iadsim/core/rng.h"
#include "iadsim/geodesy/geodetic.h"
#include "iadsim/sensors/surveillance_radar.h"
#include "iadsim/world/world.h"

namespace {

using namespace iadsim;

World MakeSky(int n, const Geodetic& centre) {
  World world;
  RandomStream rng(7, 0, "bench", "sky");
  const LocalFrame frame(centre);
  for (int i = 0; i < n; ++i) {
    const double r = 280e3 * std::sqrt(rng.Uniform01()), a = 2.0 * std::numbers::pi * rng.Uniform01();
    const double heading = 2.0 * std::numbers::pi * rng.Uniform01();
    const double alt = 3000.0 + 7000.0 * rng.Uniform01();
    const Vec3 p0(r * std::sin(a), r * std::cos(a), alt);
    const Vec3 p1 = p0 + 200e3 * Vec3(std::sin(heading), std::cos(heading), 0.0);
    Entity e;
    e.name = "a" + std::to_string(i);
    e.kind = EntityKind::kAircraft;
    e.signature = {2.0, 1, std::nullopt};
    e.transponder.on = true;
    e.transponder.mode3a = e.transponder.mode_c = true;
    RouteConfig route;
    Geodetic g0 = frame.GeodeticFromEnu(p0), g1 = frame.GeodeticFromEnu(p1);
    g0.alt_m = g1.alt_m = alt;
    route.waypoints = {{g0, 250.0}, {g1, 250.0}};
    e.route.emplace(route);
    world.Add(std::move(e));
  }
  return world;
}

void BM_SurveillanceRevolution(benchmark::State& state) {
  const Geodetic site{35.44, 35.99, 85.0};
  const World world = MakeSky(static_cast<int>(state.range(0)), site);
  RadarConfig rc;
  rc.name = "64n6e2";
  rc.position = site;
  rc.radar = {3e9, 1e6, 38.0, 10e-6, 1, 500.0, 8.0, 1e-6};
  rc.max_range_m = 300e3;
  rc.azimuth_beamwidth_rad = rc.elevation_beamwidth_rad = 1.5 * std::numbers::pi / 180.0;
  IffConfig iff;
  iff.enabled = true;
  // The sky is flown for 20 revolutions (200 s, the aircraft stay in coverage), then the radar
  // starts over (outside the timing) at t = 0.
  std::optional<SurveillanceRadar> radar;
  DetectionBatch batch;
  IffSweep sweep;
  std::uint64_t rev = 0;
  std::size_t detections = 0;
  for (auto _ : state) {
    if (rev % 20 == 0) {
      state.PauseTiming();
      radar.emplace(rc, iff, RandomStream(1, rev, "bench", "radar"));
      state.ResumeTiming();
    }
    const SimTime start = SimTime::Seconds(10.0 * static_cast<double>(rev % 20));
    for (int k = 0; k < rc.sectors; ++k) {
      radar->Sweep(world, start, rev, k, &batch, &sweep);
      detections += batch.detections.size();
    }
    ++rev;
  }
  state.counters["detections_per_scan"] = static_cast<double>(detections) / static_cast<double>(rev);
  state.counters["aircraft"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_SurveillanceRevolution)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
