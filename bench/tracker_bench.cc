// Cost of the standalone multi-target tracker core (tracking/multi_target_tracker.h, the engine of
// `iadsim track`) on the seeded scenarios of track_bench.sh, without reading or writing CSV: the
// detections are parsed once, outside the timing; each iteration builds a tracker and runs it over
// every scan, exactly as `iadsim track` does with its default options (CV Kalman filter, sigma
// 50 m, Pd 0.9, clutter density 1e-9 /m^2, gate 0.999, 3/4 confirmation, 3 misses delete).
// Goal (issue 4): GNN at N = 10,000 targets with clutter >= 2 million detections per second on one
// core, cost per scan growing no faster than n log n, <= 10 MB per 1,000 live tracks.
//
// Data: $TRACKER_BENCH_DATA/n<N>/detections.csv (default directory /tmp/tracker_bench), made by
// track_scenario_gen with the arguments of track_bench.sh (bench/README.md gives the commands).
// Times are CPU time of the benchmark thread (the machine may be shared).
// Counters: det/s (detections per second of tracker time), per_scan (time per scan), live_tracks (at the end
// of the run), heap_B_per_track (heap bytes the tracker holds at the end of the run, from glibc
// mallinfo2, per live track).
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "iadsim/tracking/multi_target_tracker.h"

namespace {

using namespace iadsim;

struct DetectionsData {
  int dims = 2;
  std::vector<std::vector<Measurement>> scans;
  long rows = 0;
};

// The `time,sensor_id,x,y` form of io/detections_csv.h as `iadsim track` reads it (scans by
// (time, sensor_id), R = (50 m)^2 I); parsed here so that the bench depends on tracking only.
// Returns false if the file is missing or not of that form.
bool ReadCartesian2D(const std::string& path, DetectionsData* out) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line) || line != "time,sensor_id,x,y") return false;
  double last_t = 0.0;
  int last_s = 0;
  while (std::getline(in, line)) {
    double v[4];
    const char* p = line.data();
    const char* end = line.data() + line.size();
    for (int k = 0; k < 4; ++k) {
      const auto r = std::from_chars(p, end, v[k]);
      if (r.ec != std::errc()) return false;
      p = r.ptr + (r.ptr < end ? 1 : 0);
    }
    Measurement m;
    m.time_s = v[0];
    m.sensor_id = static_cast<int>(v[1]);
    m.kind = MeasurementKind::kCartesian2D;
    m.z = VecZ(2);
    m.z << v[2], v[3];
    m.R = MatZ::Identity(2, 2) * (50.0 * 50.0);
    if (out->scans.empty() || m.time_s != last_t || m.sensor_id != last_s) out->scans.emplace_back();
    last_t = m.time_s;
    last_s = m.sensor_id;
    out->scans.back().push_back(m);
    ++out->rows;
  }
  return true;
}

const DetectionsData* Load(int n) {
  static std::map<int, DetectionsData> cache;
  if (const auto it = cache.find(n); it != cache.end()) return &it->second;
  const char* env = std::getenv("TRACKER_BENCH_DATA");
  const std::string path = std::string(env ? env : "/tmp/tracker_bench") + "/n" + std::to_string(n) + "/detections.csv";
  DetectionsData d;
  if (!ReadCartesian2D(path, &d)) return nullptr;
  return &cache.emplace(n, std::move(d)).first->second;
}

// The configuration of `iadsim track` at its defaults (apps/cmd_track.cc).
MultiTargetTrackerConfig DefaultConfig(AssociationAlgorithm algorithm, int dims) {
  MultiTargetTrackerConfig c;
  c.algorithm = algorithm;
  c.filter.dims = dims;
  c.filter.model = MotionModelName::kCv;
  c.filter.process_noise = 1.0;
  c.pd = 0.9;
  c.clutter_density = 1e-9;
  c.gate_probability = 0.999;
  c.management.confirm_m = 3;
  c.management.confirm_n = 4;
  c.management.delete_misses = 3;
  return c;
}

void BM_Tracker(benchmark::State& state, AssociationAlgorithm algorithm) {
  const int n = static_cast<int>(state.range(0));
  const DetectionsData* data = Load(n);
  if (data == nullptr) {
    state.SkipWithError("no time,sensor_id,x,y detections.csv: set TRACKER_BENCH_DATA (bench/README.md)");
    return;
  }
  long rows = 0, live = 0, heap = 0, confirmed_rows = 0;
  for (auto _ : state) {
    const std::size_t heap0 = mallinfo2().uordblks;
    MultiTargetTracker tracker(DefaultConfig(algorithm, data->dims));
    for (const auto& scan : data->scans) {
      const std::vector<TrackEstimate>& out = tracker.ProcessScan(scan);
      confirmed_rows += static_cast<long>(out.size());
      benchmark::DoNotOptimize(out.data());
    }
    state.PauseTiming();
    live = tracker.live_tracks();
    heap = static_cast<long>(mallinfo2().uordblks) - static_cast<long>(heap0);
    state.ResumeTiming();
    rows += data->rows;
  }
  const double scans = static_cast<double>(data->scans.size()) * static_cast<double>(state.iterations());
  state.counters["det/s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
  // Scans per second, inverted: seconds per scan (printed with an SI prefix, e.g. 15.4ms).
  state.counters["per_scan"] = benchmark::Counter(scans, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["live_tracks"] = static_cast<double>(live);
  state.counters["heap_B_per_track"] = live > 0 ? static_cast<double>(heap) / static_cast<double>(live) : 0.0;
  state.counters["track_rows"] = static_cast<double>(confirmed_rows) / static_cast<double>(state.iterations());
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->Arg(20)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
}

BENCHMARK_CAPTURE(BM_Tracker, gnn, AssociationAlgorithm::kGnn)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Tracker, jpda, AssociationAlgorithm::kJpda)->Apply(Sizes);

}  // namespace

BENCHMARK_MAIN();
