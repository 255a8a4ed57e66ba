// `iadsim track` end to end: a generated 2-D scenario (two targets on straight lines, seeded
// Gaussian noise), the tracks CSV read back with an independent parser, and the bad-input contract.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
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

}  // namespace
}  // namespace iadsim::test
