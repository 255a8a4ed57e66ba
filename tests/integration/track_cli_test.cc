// `iadsim track` end to end: a generated 2-D scenario (two targets on straight lines, seeded
// Gaussian noise), the tracks CSV read back with an independent parser, and the bad-input contract.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace iadsim::test {
namespace {

constexpr double kSigma = 50.0;

// Truth: target 0 from (-20 km, -5 km) at (200, 50) m/s; target 1 from (15 km, 10 km) at (-150, -100) m/s.
void Truth(int g, double t, double& x, double& y) {
  x = g == 0 ? -20000 + 200 * t : 15000 - 150 * t;
  y = g == 0 ? -5000 + 50 * t : 10000 - 100 * t;
}

// A small generator of our own (xorshift64* and Box-Muller) so the scenario does not depend on
// the library under test or on std:: distributions.
struct Noise {
  std::uint64_t s = 0x9E3779B97F4A7C15ull;
  double U() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return ((s * 2685821657736338717ull) >> 11) * (1.0 / 9007199254740992.0);
  }
  double N() { return std::sqrt(-2 * std::log(1 - U())) * std::cos(2 * M_PI * U()); }
};

std::filesystem::path WriteScenario(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const auto path = dir / "detections.csv";
  std::ofstream out(path);
  out << "time,sensor_id,x,y\n";
  Noise n;
  out.precision(17);
  for (int k = 0; k <= 60; ++k)
    for (int g = 0; g < 2; ++g) {
      double x, y;
      Truth(g, k, x, y);
      out << k << ",1," << x + kSigma * n.N() << "," << y + kSigma * n.N() << "\n";
    }
  return path;
}

struct Row {
  double t, x, y, vx, vy;
  long id;
};

// Independent reader: split on commas, std::stod.
std::vector<Row> ReadTracks(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "time,track_id,x,y,vx,vy");
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) f.push_back(c);
    EXPECT_EQ(f.size(), 6u) << line;
    if (f.size() != 6) continue;
    rows.push_back({std::stod(f[0]), std::stod(f[2]), std::stod(f[3]), std::stod(f[4]), std::stod(f[5]), std::stol(f[1])});
  }
  return rows;
}

// After 10 scans of convergence the RMS position error per axis is below the measurement sigma
// (the steady-state CV Kalman filter with q = 1 m^2/s^3, T = 1 s, sigma = 50 m has
// sqrt(P_xx) = 0.45 sigma), each target is held by one track, and no other track is reported.
TEST(TrackCli, TwoTargetsRmsBelowMeasurementSigma) {
  const auto dir = FreshDir("track-cli");
  const auto det = WriteScenario(dir);
  for (const std::string algo : {"gnn", "jpda", "mht"}) {
    SCOPED_TRACE(algo);
    const auto out = dir / ("tracks-" + algo + ".csv");
    const auto r = RunIadsim("track --detections " + det.string() + " --out " + out.string() + " --algo " + algo +
                             " --model cv --meas-sigma 50 --process-noise 1 --pd 0.9 --clutter-density 1e-10 "
                             "--gate 0.999 --confirm 3/4 --delete-misses 3");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto rows = ReadTracks(ReadFile(out));
    double sum2 = 0;
    int n = 0;
    std::map<long, int> target_of;
    for (const Row& row : rows) {
      double best = 1e300;
      int g_best = -1;
      for (int g = 0; g < 2; ++g) {
        double x, y;
        Truth(g, row.t, x, y);
        const double d2 = (row.x - x) * (row.x - x) + (row.y - y) * (row.y - y);
        if (d2 < best) best = d2, g_best = g;
      }
      ASSERT_LT(best, 25 * kSigma * kSigma) << "a track far from both targets at t = " << row.t;
      auto [it, fresh] = target_of.emplace(row.id, g_best);
      EXPECT_EQ(it->second, g_best) << "track " << row.id << " changed target";
      if (row.t < 10) continue;
      sum2 += best / 2;
      ++n;
    }
    EXPECT_EQ(target_of.size(), 2u);
    EXPECT_EQ(n, 2 * 51);  // both targets, every scan from t = 10 to 60
    EXPECT_LT(std::sqrt(sum2 / n), kSigma);
  }
}

TEST(TrackCli, RefusesToOverwriteWithoutForceAndIsDeterministic) {
  const auto dir = FreshDir("track-cli-force");
  const auto det = WriteScenario(dir);
  const auto out = dir / "tracks.csv";
  const std::string args = "track --detections " + det.string() + " --out " + out.string();
  ASSERT_EQ(RunIadsim(args).exit_code, 0);
  const std::string first = ReadFile(out);
  const auto again = RunIadsim(args);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.output.find("--out: " + out.string() + " exists; use --force"), std::string::npos) << again.output;
  ASSERT_EQ(RunIadsim(args + " --force").exit_code, 0);
  EXPECT_EQ(ReadFile(out), first);  // byte for byte
}

TEST(TrackCli, BadInputExitsTwoWithFileLineColumn) {
  const auto dir = FreshDir("track-cli-bad");
  std::filesystem::create_directories(dir);
  const auto run = [&](const std::string& name, const std::string& text, const std::string& extra = "") {
    std::ofstream(dir / name) << text;
    return RunIadsim("track --detections " + (dir / name).string() + " --out " + (dir / (name + ".out")).string() + extra);
  };
  struct Case {
    std::string name, text, pattern;
  } cases[] = {
      {"nonnumeric.csv", "time,sensor_id,x,y\n0,1,5,6\n1,1,x7,8\n", R"(nonnumeric\.csv:3:5: x: not a number: "x7")"},
      {"nan.csv", "time,sensor_id,x,y\n0,1,5,inf\n", R"(nan\.csv:2:7: y: must be finite)"},
      {"backwards.csv", "time,sensor_id,x,y\n5,1,5,6\n4,1,5,6\n", R"(backwards\.csv:3:1: time: time goes backwards)"},
      {"header.csv", "t,sensor_id,x,y\n0,1,5,6\n", R"(header\.csv:1:1: header: unknown header)"},
      {"missing.csv", "time,sensor_id,x,y,z\n0,1,5,6\n", R"(missing\.csv:2:8: z: expected 5 columns)"},
  };
  for (const Case& c : cases) {
    const auto r = run(c.name, c.text);
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex(c.pattern))) << c.name << ": " << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / (c.name + ".out"))) << "no output on bad input";
  }
  const auto r = run("ok.csv", "time,sensor_id,x,y\n0,1,5,6\n", " --confirm 3of4 --pd 1.5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(--confirm: must be M/N)"))) << r.output;
}

// Measurement-level fusion through the command: the two targets of Truth() seen by sensor 1
// (sigma 30 m) at t = 0, 1, ..., 60 and sensor 2 (sigma 80 m) either half a second later
// (interleaved) or at the same times (rows of the two sensors mixed within a time), each
// sensor's sigma given in the config. Expected: one system track per target (two tracks in all,
// each following one target), one row per track per time (no repeated (time, track_id): the
// file is accepted by `iadsim score`), and an RMS position error per axis after t = 10 below the
// better sensor's sigma (30 m; the steady-state filter: 13.6 m fused, 14.3 m with sensor 1 alone,
// src/iadsim/tracking/test/multi_target_tracker_fusion_test.cc; measured 12.8 m and 12.5 m).
TEST(TrackCli, TwoSensorsFuseIntoOneSystemTrackPerTarget) {
  const auto dir = FreshDir("track-cli-fusion");
  std::filesystem::create_directories(dir);
  const auto cfg = dir / "tracker.yaml";
  std::ofstream(cfg) << "sensors:\n  - {id: 1, sigma: 30}\n  - {id: 2, sigma: 80}\n";
  for (const bool same_time : {false, true}) {
    SCOPED_TRACE(same_time ? "same time" : "interleaved");
    const std::string tag = same_time ? "same" : "interleaved";
    const auto det = dir / ("detections-" + tag + ".csv");
    const auto truth = dir / ("truth-" + tag + ".csv");
    {
      std::ofstream out(det), tr(truth);
      out << "time,sensor_id,x,y\n";
      tr << "time,target_id,x,y,vx,vy\n";
      out.precision(17);
      Noise n;
      for (int k = 0; k <= 60; ++k)
        for (const double dt : {0.0, 0.5}) {
          const double t = k + (same_time ? 0.0 : dt);
          const int sensor = dt == 0.0 ? 1 : 2;
          const double sigma = sensor == 1 ? 30.0 : 80.0;
          for (int g = 0; g < 2; ++g) {
            double x, y;
            Truth(g, t, x, y);
            out << t << "," << sensor << "," << x + sigma * n.N() << "," << y + sigma * n.N() << "\n";
            if (sensor == 2 && same_time) continue;
            tr << t << "," << g << "," << x << "," << y << "," << (g == 0 ? 200 : -150) << "," << (g == 0 ? 50 : -100) << "\n";
          }
        }
    }
    const auto out = dir / ("tracks-" + tag + ".csv");
    const auto r = RunIadsim("track --detections " + det.string() + " --out " + out.string() + " --config " +
                             cfg.string() + " --process-noise 1 --clutter-density 1e-10");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto rows = ReadTracks(ReadFile(out));
    std::map<long, int> target_of;
    std::map<std::pair<double, long>, int> seen;
    double sum2 = 0;
    int n = 0;
    for (const Row& row : rows) {
      EXPECT_EQ(++seen[std::make_pair(row.t, row.id)], 1) << "track " << row.id << " twice at t = " << row.t;
      double best = 1e300;
      int g_best = -1;
      for (int g = 0; g < 2; ++g) {
        double x, y;
        Truth(g, row.t, x, y);
        const double d2 = (row.x - x) * (row.x - x) + (row.y - y) * (row.y - y);
        if (d2 < best) best = d2, g_best = g;
      }
      ASSERT_LT(best, 25 * 80.0 * 80.0) << "a track far from both targets at t = " << row.t;
      auto [it, fresh] = target_of.emplace(row.id, g_best);
      EXPECT_EQ(it->second, g_best) << "track " << row.id << " changed target";
      if (row.t < 10) continue;
      sum2 += best / 2;
      ++n;
    }
    EXPECT_EQ(target_of.size(), 2u) << "one system track per target";
    EXPECT_EQ(n, 2 * 51 * (same_time ? 1 : 2));  // t = 10, 11, .. 60 (and 10.5, .. 60.5)
    const double rms = std::sqrt(sum2 / n);
    EXPECT_LT(rms, 30.0);
    std::printf("%s: RMS per axis %.1f m over %d rows\n", tag.c_str(), rms, n);
    const auto score = RunIadsim("score --truth " + truth.string() + " --tracks " + out.string());
    EXPECT_EQ(score.exit_code, 0) << score.output;
  }
}

// Two polar radars 60 km apart (positions and per-sensor range and angle sigmas in the config)
// seeing two targets at 5 km height every second, radar 2 half a second after radar 1: one 3-D
// system track per target, and a per-axis horizontal RMS error after t = 10 below 60 m (the
// better radar's cross-range sigma at 30-40 km is 0.1 deg x 35 km = 61 m; measured 13.1 m).
TEST(TrackCli, TwoPolarRadarsAtDifferentPlacesFuse) {
  const auto dir = FreshDir("track-cli-polar-fusion");
  std::filesystem::create_directories(dir);
  const auto cfg = dir / "tracker.yaml";
  std::ofstream(cfg) << "sensors:\n"
                        "  - {id: 1, x: -30000, y: 0, z: 0, range_sigma: 20, angle_sigma_deg: 0.1}\n"
                        "  - {id: 2, x: 30000, y: 0, z: 0, range_sigma: 60, angle_sigma_deg: 0.3}\n";
  const auto det = dir / "detections.csv";
  {
    std::ofstream out(det);
    out << "time,sensor_id,range,azimuth,elevation\n";
    out.precision(17);
    Noise n;
    for (int k = 0; k <= 60; ++k)
      for (const int sensor : {1, 2}) {
        const double t = k + (sensor == 2 ? 0.5 : 0.0), sx = sensor == 1 ? -30000.0 : 30000.0;
        const double sr = sensor == 1 ? 20.0 : 60.0, sa = (sensor == 1 ? 0.1 : 0.3);
        for (int g = 0; g < 2; ++g) {
          double x, y;
          Truth(g, t, x, y);
          const double dx = x - sx, dy = y, dz = 5000.0, rho = std::hypot(dx, dy);
          const double range = std::sqrt(rho * rho + dz * dz);
          const double az = std::atan2(dx, dy) * 180 / M_PI, el = std::atan2(dz, rho) * 180 / M_PI;
          out << t << "," << sensor << "," << range + sr * n.N() << "," << az + sa * n.N() << "," << el + sa * n.N()
              << "\n";
        }
      }
  }
  const auto out = dir / "tracks.csv";
  const auto r = RunIadsim("track --detections " + det.string() + " --out " + out.string() + " --config " +
                           cfg.string() + " --process-noise 1 --clutter-density 1e-14");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::istringstream in(ReadFile(out));
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(line, "time,track_id,x,y,z,vx,vy,vz");
  std::map<long, int> target_of;
  double sum2 = 0;
  int n = 0;
  while (std::getline(in, line)) {
    std::vector<double> f;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) f.push_back(std::stod(c));
    ASSERT_EQ(f.size(), 8u) << line;
    double best = 1e300;
    int g_best = -1;
    for (int g = 0; g < 2; ++g) {
      double x, y;
      Truth(g, f[0], x, y);
      const double d2 = (f[2] - x) * (f[2] - x) + (f[3] - y) * (f[3] - y);
      if (d2 < best) best = d2, g_best = g;
    }
    auto [it, fresh] = target_of.emplace(static_cast<long>(f[1]), g_best);
    EXPECT_EQ(it->second, g_best);
    if (f[0] < 10) continue;
    sum2 += best / 2;
    ++n;
  }
  EXPECT_EQ(target_of.size(), 2u) << "one system track per target";
  EXPECT_EQ(n, 2 * (51 + 51));  // t = 10, 11, .. 60 and 10.5, .. 60.5
  const double rms = std::sqrt(sum2 / n);
  EXPECT_LT(rms, 60.0);
  std::printf("polar: horizontal RMS per axis %.1f m over %d rows\n", rms, n);
}

// The sensors: list of the config, and out-of-sequence rows of a second sensor.
TEST(TrackCli, SensorConfigAndOutOfSequenceErrors) {
  const auto dir = FreshDir("track-cli-sensor-bad");
  std::filesystem::create_directories(dir);
  const auto run = [&](const std::string& name, const std::string& csv, const std::string& yaml) {
    std::ofstream(dir / (name + ".csv")) << csv;
    std::ofstream(dir / (name + ".yaml")) << yaml;
    return RunIadsim("track --detections " + (dir / (name + ".csv")).string() + " --out " +
                     (dir / (name + ".out")).string() + " --config " + (dir / (name + ".yaml")).string());
  };
  const std::string cart = "time,sensor_id,x,y\n0,1,5,6\n0,2,7,8\n";
  const std::string polar = "time,sensor_id,range,azimuth,elevation\n0,1,5000,10,1\n";
  struct Case {
    std::string name, csv, yaml, pattern;
  } cases[] = {
      {"negative", cart, "sensors:\n  - {id: 1, sigma: 30}\n  - {id: 2, sigma: -5}\n",
       R"(negative\.yaml:3:20: sensors\[1\]\.sigma: must be in \(0, 100000\] m \(got -5\))"},
      // Far beyond a radar's noise the innovation covariance is numerically singular (it aborted).
      {"huge", polar, "range_sigma: 99999999999\n", R"(huge\.yaml:1:14: range_sigma: must be in \(0, 100000\] m)"},
      {"wide", polar, "sensors:\n  - {id: 1, x: 0, y: 0, angle_sigma_deg: 45}\n",
       R"(wide\.yaml:2:42: sensors\[0\]\.angle_sigma_deg: must be in \(0, 10\] degrees \(got 45\))"},
      // An origin without lon was an internal error (a missing key read as a number).
      {"origin", polar, "origin: {lat: 35}\n", R"(origin\.yaml:1:9: origin: must be a mapping \{lat, lon\[, alt\]\})"},
      {"originkey", polar, "origin: {lat: 35, lon: 34, altitude: 3}\n", R"(originkey\.yaml:1:28: origin\.altitude: unknown key)"},
      {"nanx", polar, "sensors:\n  - {id: 1, x: .nan, y: 0}\n",
       R"(nanx\.yaml:2:16: sensors\[0\]\.x: must be within 1e\+08 m of the origin \(got nan\))"},
      {"originlat", polar, "origin: {lat: 95, lon: 34}\n", R"(originlat\.yaml:1:9: origin: lat must be in \[-90, 90\] deg)"},
      {"unknown", cart, "sensors:\n  - {id: 1, sigmaa: 30}\n", R"(unknown\.yaml:2:13: sensors\[0\]\.sigmaa: unknown key)"},
      {"twice", cart, "sensors:\n  - {id: 1, sigma: 30}\n  - {id: 1, sigma: 40}\n",
       R"(twice\.yaml:3:10: sensors\[1\]\.id: sensor 1 is listed twice)"},
      {"noid", cart, "sensors:\n  - {sigma: 30}\n", R"(noid\.yaml:2:5: sensors\[0\]\.id: missing)"},
      {"polarsigma", cart, "sensors:\n  - {id: 1, range_sigma: 30}\n",
       R"(polarsigma\.yaml:2:26: sensors\[0\]\.range_sigma: applies to polar detections)"},
      {"cartsigma", polar, "sensors:\n  - {id: 1, x: 0, y: 0, sigma: 30}\n",
       R"(cartsigma\.yaml:2:32: sensors\[0\]\.sigma: applies to Cartesian and geodetic detections)"},
      {"outofsequence", "time,sensor_id,x,y\n0,1,5,6\n1,1,5,6\n0.9,2,5,6\n", "sensors:\n  - {id: 2, sigma: 80}\n",
       R"(outofsequence\.csv:4:1: time: time goes backwards \(0\.9 s after 1 s)"},
  };
  for (const Case& c : cases) {
    const auto r = run(c.name, c.csv, c.yaml);
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex(c.pattern))) << c.name << ": " << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / (c.name + ".out"))) << "no output on bad input";
  }
}

}  // namespace
}  // namespace iadsim::test
