// Cost of one revolution of a 3-D surveillance radar (64N6E2-class figures of scenarios/demo.yaml)
// against N aircraft on straight routes spread uniformly over a 280 km disc around it: binning,
// line of sight, SNR, resolution merging, Pd draws, measurements, false alarms and IFF.
// Goal (issue "Sensors to textbook fidelity"): 10,000 aircraft, <= 5 ms per scan on one core.
// BM_SurveillanceRevolutionNoIff: the same radar and sky with the IFF interrogator off (the
// primary radar alone; the interrogator is a second sensor on the same mount).
// Two more modes, outside Google Benchmark:
//   radar_scan_bench --profile N R   R revolutions over N aircraft, the radar re-created every 20
//                                    (for callgrind: --toggle-collect='iadsim::SurveillanceRadar::Sweep*')
//   radar_scan_bench --digest        a digest of every detection, strobe, IFF reply and truth record
//                                    of varied skies and radars: equal before and after a change
//                                    that must not change outputs
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <optional>
#include <string_view>

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

RadarConfig BenchRadar(const Geodetic& site) {
  RadarConfig rc;
  rc.name = "64n6e2";
  rc.position = site;
  rc.radar = {3e9, 1e6, 38.0, 10e-6, 1, 500.0, 8.0, 1e-6};
  rc.max_range_m = 300e3;
  rc.azimuth_beamwidth_rad = rc.elevation_beamwidth_rad = 1.5 * std::numbers::pi / 180.0;
  return rc;
}

// The bench radar (BenchRadar, IFF on unless with_iff is false) at kSite over MakeSky(n): the sky is flown for 20
// revolutions (200 s, the aircraft stay in coverage), then the radar starts over at t = 0.
const Geodetic kSite{35.44, 35.99, 85.0};

struct BenchScan {
  explicit BenchScan(int n, bool with_iff = true) : world(MakeSky(n, kSite)), rc(BenchRadar(kSite)) { iff.enabled = with_iff; }
  bool StartsOver(std::uint64_t rev) const { return rev % 20 == 0; }
  void StartOver(std::uint64_t rev) { radar.emplace(rc, iff, RandomStream(1, rev, "bench", "radar")); }
  // Sweeps every sector of revolution rev; returns the detections made.
  std::size_t Revolution(std::uint64_t rev) {
    const SimTime start = SimTime::Seconds(10.0 * static_cast<double>(rev % 20));
    std::size_t detections = 0;
    for (int k = 0; k < rc.sectors; ++k) {
      radar->Sweep(world, start, rev, k, &batch, &sweep);
      detections += batch.detections.size();
    }
    return detections;
  }
  const World world;
  const RadarConfig rc;
  IffConfig iff;
  std::optional<SurveillanceRadar> radar;
  DetectionBatch batch;
  IffSweep sweep;
};

// Revolutions of the bench radar over n aircraft, with or without its IFF interrogator.
void Revolutions(benchmark::State& state, bool with_iff) {
  BenchScan scan(static_cast<int>(state.range(0)), with_iff);
  std::uint64_t rev = 0;
  std::size_t detections = 0;
  for (auto _ : state) {
    if (scan.StartsOver(rev)) {  // outside the timing
      state.PauseTiming();
      scan.StartOver(rev);
      state.ResumeTiming();
    }
    detections += scan.Revolution(rev);
    ++rev;
  }
  state.counters["detections_per_scan"] = static_cast<double>(detections) / static_cast<double>(rev);
  state.counters["aircraft"] = static_cast<double>(state.range(0));
}

void BM_SurveillanceRevolution(benchmark::State& state) { Revolutions(state, true); }
BENCHMARK(BM_SurveillanceRevolution)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// The same radar without its IFF interrogator: the primary radar's share of the scan.
void BM_SurveillanceRevolutionNoIff(benchmark::State& state) { Revolutions(state, false); }
BENCHMARK(BM_SurveillanceRevolutionNoIff)->Arg(10000)->Unit(benchmark::kMillisecond);

// A varied sky: mixed Swerling, RCS tables, transponders, multi-leg climbing routes, late starts,
// removed at the end, munitions with integrated states, destroyed aircraft; dense clusters.
World MakeVariedSky(int n, const Geodetic& centre, double radius_m, std::uint64_t seed) {
  World world;
  RandomStream rng(seed, 0, "digest", "sky");
  const LocalFrame frame(centre);
  RcsTable table;
  table.azimuth_deg = {0, 45, 90, 135, 180};
  table.elevation_deg = {-30, 0, 30};
  table.dbsm = {{0, 3, 10, 4, 1}, {-3, 2, 12, 5, 0}, {1, 4, 9, 2, -1}};
  for (int i = 0; i < n; ++i) {
    const bool cluster = rng.Uniform01() < 0.3;
    double r, a;
    if (cluster) {  // a dense cluster near azimuth 0 / 2 pi or a sector boundary
      const double centres[] = {0.0, std::numbers::pi / 4, std::numbers::pi, 1.0};
      a = centres[rng.Below(4)] + 0.02 * (rng.Uniform01() - 0.5);
      r = 60e3 + 2e3 * rng.Uniform01();
    } else {
      r = radius_m * std::sqrt(rng.Uniform01());
      a = 2.0 * std::numbers::pi * rng.Uniform01();
    }
    const double alt = (rng.Uniform01() < 0.1 ? 50.0 : 500.0) + 11000.0 * rng.Uniform01();
    Entity e;
    e.name = "v" + std::to_string(i);
    e.kind = rng.Uniform01() < 0.05 ? EntityKind::kMunition : EntityKind::kAircraft;
    e.signature.rcs_m2 = std::exp(4.0 * rng.Uniform01() - 2.0);
    e.signature.swerling = static_cast<int>(rng.Below(5));
    if (rng.Uniform01() < 0.2) e.signature.table = table;
    Transponder& x = e.transponder;
    x.on = rng.Uniform01() < 0.85;
    x.failed = rng.Uniform01() < 0.05;
    x.mode1 = rng.Uniform01() < 0.3;
    x.mode2 = rng.Uniform01() < 0.3;
    x.mode3a = rng.Uniform01() < 0.8;
    x.mode_c = rng.Uniform01() < 0.7;
    x.mode_s = rng.Uniform01() < 0.3;
    x.code_1 = 37; x.code_2 = 1234; x.code_3a = static_cast<std::uint16_t>(1000 + i % 7000);
    x.mode_s_address = 0xABC000u + static_cast<std::uint32_t>(i);
    const double u = rng.Uniform01();
    x.secure_key = u < 0.3 ? "blue" : (u < 0.4 ? "red" : "");
    x.reply_probability = 0.9 + 0.1 * rng.Uniform01();
    x.turnaround_us = 2.5 + rng.Uniform01();
    const Vec3 p0(r * std::sin(a), r * std::cos(a), alt);
    const bool integrated = e.kind == EntityKind::kMunition && rng.Uniform01() < 0.5;
    if (!integrated) {
      RouteConfig route;
      route.start = SimTime::Seconds(rng.Uniform01() < 0.2 ? 100.0 * rng.Uniform01() : 0.0);
      route.end = rng.Uniform01() < 0.3 ? EndOfRoute::kRemove : EndOfRoute::kContinue;
      Vec3 p = p0;
      double heading = 2.0 * std::numbers::pi * rng.Uniform01();
      const int legs = 1 + static_cast<int>(rng.Below(3));
      Geodetic g = frame.GeodeticFromEnu(p);
      g.alt_m = alt;
      route.waypoints.push_back({g, 150.0 + 300.0 * rng.Uniform01()});
      for (int k = 0; k < legs; ++k) {
        const double len = 5e3 + 80e3 * rng.Uniform01();
        p = p + len * Vec3(std::sin(heading), std::cos(heading), 0.0);
        Geodetic gk = frame.GeodeticFromEnu(p);
        gk.alt_m = 100.0 + 12000.0 * rng.Uniform01();
        route.waypoints.push_back({gk, 150.0 + 300.0 * rng.Uniform01()});
        heading += 2.0 * (rng.Uniform01() - 0.5);
      }
      e.route.emplace(route);
    }
    const EntityId id = world.Add(std::move(e));
    if (integrated) {
      const Vec3 pe = frame.EcefFromEnu(p0);
      world.SetMissileState(id, SimTime(), pe, frame.EcefVectorFromEnu(Vec3(200.0, -100.0, -5.0)));
    }
    if (rng.Uniform01() < 0.03) world.Destroy(id, SimTime::Seconds(200.0 * rng.Uniform01()));
  }
  return world;
}

struct Digest {
  std::uint64_t h = 0xcbf29ce484222325ull;
  std::uint64_t count = 0;
  void Bytes(const void* p, std::size_t n) {
    const auto* c = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) { h ^= c[i]; h *= 0x100000001b3ull; }
  }
  void D(double x) { Bytes(&x, sizeof x); }
  void I(std::int64_t x) { Bytes(&x, sizeof x); }
};

// Every output of `revs` revolutions (the radar re-created every 13), into the digest.
void Run(Digest& dg, const World& world, const RadarConfig& rc, const IffConfig& iff, int revs, bool with_truth) {
  std::optional<SurveillanceRadar> radar;
  DetectionBatch batch;
  IffSweep sweep;
  SweepTruth truth;
  for (int rev = 0; rev < revs; ++rev) {
    if (rev % 13 == 0) radar.emplace(rc, iff, RandomStream(3, static_cast<std::uint64_t>(rev), "digest", "radar"));
    const SimTime start = SimTime::Seconds(rc.scan_period_s * rev);
    for (int k = 0; k < rc.sectors; ++k) {
      radar->Sweep(world, start, static_cast<std::uint64_t>(rev), k, &batch, &sweep, with_truth ? &truth : nullptr);
      dg.D(batch.az_from_rad); dg.D(batch.az_to_rad); dg.I(batch.start.micros()); dg.I(batch.end.micros());
      for (const Detection& d : batch.detections) {
        dg.I(d.time.micros()); dg.D(d.range_m); dg.D(d.azimuth_rad); dg.D(d.elevation_rad); dg.I(d.has_elevation);
        dg.D(d.sigma_range_m); dg.D(d.sigma_azimuth_rad); dg.D(d.sigma_elevation_rad); dg.D(d.snr_db);
        ++dg.count;
      }
      for (const Strobe& s : batch.strobes) { dg.I(s.time.micros()); dg.D(s.azimuth_rad); dg.D(s.width_rad); dg.D(s.peak_jnr_db); }
      for (const IffReply& r : sweep.replies) {
        dg.I(r.time.micros()); dg.I(static_cast<int>(r.mode)); dg.D(r.range_m); dg.D(r.azimuth_rad);
        dg.D(r.sigma_range_m); dg.D(r.sigma_azimuth_rad); dg.I(r.authenticated); dg.I(r.code); dg.I(r.address);
        dg.D(r.pressure_alt_m.value_or(-1e300)); dg.Bytes(r.key.data(), r.key.size());
        ++dg.count;
      }
      if (with_truth) {
        for (const auto& s : truth.sources) { dg.I(-1); for (EntityId id : s) dg.I(id.value()); }
        for (const auto& [a, b] : truth.iff_garbled) { dg.I(a.value()); dg.I(b.value()); }
      }
    }
  }
}


int Profile(int n, int revolutions) {
  BenchScan scan(n);
  std::size_t detections = 0;
  for (int rev = 0; rev < revolutions; ++rev) {
    const auto r = static_cast<std::uint64_t>(rev);
    if (scan.StartsOver(r)) scan.StartOver(r);
    detections += scan.Revolution(r);
  }
  std::printf("%d aircraft, %d revolutions: %.1f detections per revolution\n", n, revolutions,
              static_cast<double>(detections) / std::max(1, revolutions));
  return 0;
}

int PrintDigest() {
  Digest all;
  {
    const Geodetic& site = kSite;
    const World world = MakeSky(2000, site);
    IffConfig iff;
    iff.enabled = true;
    Digest dg;
    Run(dg, world, BenchRadar(site), iff, 40, true);
    std::printf("bench sky, 2,000 aircraft: %016llx (%llu records)\n", static_cast<unsigned long long>(dg.h),
                static_cast<unsigned long long>(dg.count));
    all.I(static_cast<std::int64_t>(dg.h));
  }
  const Geodetic sites[] = {kSite, {69.9, 179.95, 300.0}, {-33.0, -70.0, 2500.0}};
  for (int v = 0; v < 6; ++v) {
    const Geodetic site = sites[v % 3];
    World world = MakeVariedSky(2500, site, v < 3 ? 320e3 : 150e3, static_cast<std::uint64_t>(11 + v));
    RadarConfig rc = BenchRadar(site);
    IffConfig iff;
    iff.enabled = v != 5;
    iff.secure = v % 2 == 0;
    iff.mode1 = v == 1 || v == 3;
    iff.mode2 = v == 3;
    iff.mode_s = v != 2;
    iff.keys = {"blue"};
    if (v % 3 == 1) {  // 2-D, 3 pulses, 6 sectors
      rc.measures_elevation = false;
      rc.noncoherent_pulses = 3;
      rc.sectors = 6;
      rc.max_range_m = 250e3;
      iff.max_range_m = 200e3;
    }
    if (v == 2 || v == 4) {  // biases, misalignment, 1 or 7 sectors, a narrow elevation coverage
      rc.range_bias_m = 40.0;
      rc.azimuth_bias_rad = 0.002;
      rc.elevation_bias_rad = -0.001;
      rc.north_alignment_error_rad = -0.01;
      rc.sectors = v == 2 ? 1 : 7;
      rc.min_elevation_rad = 0.0;
      rc.max_elevation_rad = 0.3;
      rc.radar.pulse_width_s = 1e-6;
    }
    if (v == 3) {  // clutter and a jammer
      rc.clutter = ClutterSetting{};
      Jammer j;
      j.name = "j";
      j.power_w = 500.0;
      j.position = LocalFrame(site).GeodeticFromEnu(Vec3(80e3, 40e3, 6000.0));
      world.AddJammer(j);
    }
    if (v == 4) iff.max_range_m = 400e3;
    Digest dg;
    Run(dg, world, rc, iff, 30, v != 3);
    std::printf("variant %d:                 %016llx (%llu records)\n", v, static_cast<unsigned long long>(dg.h),
                static_cast<unsigned long long>(dg.count));
    all.I(static_cast<std::int64_t>(dg.h));
  }
  std::printf("all:                       %016llx\n", static_cast<unsigned long long>(all.h));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string_view(argv[1]) == "--profile") return Profile(std::atoi(argv[2]), std::atoi(argv[3]));
  if (argc == 2 && std::string_view(argv[1]) == "--digest") return PrintDigest();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
