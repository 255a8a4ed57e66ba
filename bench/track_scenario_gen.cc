// track_scenario_gen: a seeded multi-target tracking scenario in 2-D, for benchmarks of
// `iadsim track` and `iadsim score`.
//   Targets: N, each born at a scan drawn uniformly in [0, K/3) (half of them at scan 0) and dying
//   at a scan drawn uniformly in [2K/3, K] (so births and deaths happen during the run); initial
//   position uniform in the square surveillance area [-L/2, L/2]^2, heading uniform, speed uniform
//   in [speed_min, speed_max]. Motion: legs of 5 to 20 scans, alternately constant velocity and a
//   coordinated turn at a rate uniform in +-[0.5, 1] x turn_rate, propagated exactly:
//     CV:  p <- p + v T
//     CT:  p <- p + [sin(wT), -(1 - cos(wT)); 1 - cos(wT), sin(wT)] v / w,   v <- Rot(wT) v
//   (Bar-Shalom, Li & Kirubarajan 2001, sec. 11.7.1). A target that leaves the area keeps flying.
//   Detections per scan k (time k T): each live target with probability Pd, at its position plus
//   N(0, sigma^2) on x and y; clutter: Poisson(lambda) points uniform over the area; the scan's
//   detections are shuffled so that their order tells nothing about truth.
// Randomness: core/rng.h streams of (seed, "track_scenario_gen", purpose), one derived stream per
// target and per scan, so a given target's path does not depend on N.
// Output (in --out): truth.csv  time,target_id,x,y,vx,vy   (io/truth_csv.h)
//                    detections.csv  time,sensor_id,x,y     (sensor_id 1)
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numbers>
#include <vector>

#include "iadsim/core/rng.h"
#include "iadsim/io/state_csv.h"

namespace {

struct Options {
  int targets = 20;
  int scans = 100;
  double period_s = 2.0;
  double area_m = 100000.0;
  double pd = 0.9;
  double clutter_per_scan = 10.0;
  double sigma_m = 50.0;
  double speed_min_mps = 100.0;
  double speed_max_mps = 300.0;
  double turn_rate_deg_s = 3.0;
  std::uint64_t seed = 1;
  std::string out = "scenario";
};

struct Target {
  int birth = 0, death = 0;  // alive at scans birth..death-1
  Eigen::Vector2d p, v;
  int leg_left = 0;
  bool turning = false;
  double omega = 0.0;
};

void Step(Target& t, double T) {
  if (!t.turning || t.omega == 0.0) {
    t.p += t.v * T;
    return;
  }
  const double a = t.omega * T, s = std::sin(a), c = std::cos(a);
  t.p += Eigen::Vector2d(s * t.v.x() - (1 - c) * t.v.y(), (1 - c) * t.v.x() + s * t.v.y()) / t.omega;
  t.v = Eigen::Vector2d(c * t.v.x() - s * t.v.y(), s * t.v.x() + c * t.v.y());
}

int Run(const Options& o) {
  std::vector<std::string> bad;
  if (o.targets < 1) bad.push_back(fmt::format("--targets: must be >= 1 (got {})", o.targets));
  if (o.scans < 1) bad.push_back(fmt::format("--scans: must be >= 1 (got {})", o.scans));
  if (!(o.period_s > 0)) bad.push_back(fmt::format("--period: must be > 0 s (got {})", o.period_s));
  if (!(o.area_m > 0)) bad.push_back(fmt::format("--area: must be > 0 m (got {})", o.area_m));
  if (!(o.pd > 0 && o.pd <= 1)) bad.push_back(fmt::format("--pd: must be in (0, 1] (got {})", o.pd));
  if (!(o.clutter_per_scan >= 0)) bad.push_back(fmt::format("--clutter: must be >= 0 (got {})", o.clutter_per_scan));
  if (!(o.sigma_m >= 0)) bad.push_back(fmt::format("--sigma: must be >= 0 m (got {})", o.sigma_m));
  if (!(o.speed_min_mps > 0 && o.speed_max_mps >= o.speed_min_mps))
    bad.push_back("--speed-min, --speed-max: need 0 < min <= max");
  for (const auto& b : bad) std::cerr << "track_scenario_gen: " << b << '\n';
  if (!bad.empty()) return 2;

  namespace fs = std::filesystem;
  fs::create_directories(o.out);
  std::ofstream truth(fs::path(o.out) / "truth.csv"), det(fs::path(o.out) / "detections.csv");
  if (!truth || !det) {
    std::cerr << "track_scenario_gen: cannot write in " << o.out << '\n';
    return 2;
  }
  const iadsim::RandomStream base(o.seed, 0, "track_scenario_gen", "scenario");
  const double half = 0.5 * o.area_m;
  const double w_max = o.turn_rate_deg_s * std::numbers::pi / 180.0;
  std::vector<Target> targets(o.targets);
  std::vector<iadsim::RandomStream> motion;
  std::vector<iadsim::RandomStream> detect;
  for (int i = 0; i < o.targets; ++i) {
    iadsim::RandomStream r = base.Derive("target", i);
    Target& t = targets[i];
    t.birth = (i % 2 == 0) ? 0 : static_cast<int>(r.Below(std::max(1, o.scans / 3)));
    t.death = 2 * o.scans / 3 + static_cast<int>(r.Below(o.scans - 2 * o.scans / 3 + 1));
    t.p = {r.Uniform(-half, half), r.Uniform(-half, half)};
    const double heading = r.Uniform(0, 2 * std::numbers::pi), speed = r.Uniform(o.speed_min_mps, o.speed_max_mps);
    t.v = {speed * std::sin(heading), speed * std::cos(heading)};
    motion.push_back(base.Derive("motion", i));
    detect.push_back(base.Derive("detection", i));
  }
  truth << iadsim::StateCsvHeader("target_id", false);
  det << "time,sensor_id,x,y\n";
  std::vector<Eigen::Vector2d> scan;
  std::string tbuf, dbuf;
  long n_det = 0, n_clutter = 0;
  for (int k = 0; k < o.scans; ++k) {
    const double time_s = k * o.period_s;
    scan.clear();
    tbuf.clear();
    for (int i = 0; i < o.targets; ++i) {
      Target& t = targets[i];
      if (k < t.birth || k >= t.death) continue;
      iadsim::KinematicSample s;
      s.time_s = time_s;
      s.id = i + 1;
      s.p_m = {t.p.x(), t.p.y(), 0.0};
      s.v_mps = {t.v.x(), t.v.y(), 0.0};
      tbuf += iadsim::StateCsvRow(s, false);
      if (detect[i].Bernoulli(o.pd))
        scan.push_back(t.p + Eigen::Vector2d(detect[i].Normal(0, o.sigma_m), detect[i].Normal(0, o.sigma_m)));
      // Move to the next scan.
      if (t.leg_left == 0) {
        t.turning = !t.turning && k > t.birth;
        t.leg_left = 5 + static_cast<int>(motion[i].Below(16));
        t.omega = (motion[i].Bernoulli(0.5) ? 1.0 : -1.0) * motion[i].Uniform(0.5, 1.0) * w_max;
      }
      --t.leg_left;
      Step(t, o.period_s);
    }
    n_det += static_cast<long>(scan.size());
    iadsim::RandomStream cl = base.Derive("clutter", k);
    const auto n_c = cl.Poisson(o.clutter_per_scan);
    n_clutter += static_cast<long>(n_c);
    for (std::uint64_t c = 0; c < n_c; ++c) scan.push_back({cl.Uniform(-half, half), cl.Uniform(-half, half)});
    for (std::size_t a = scan.size(); a > 1; --a) std::swap(scan[a - 1], scan[cl.Below(a)]);  // Fisher-Yates
    dbuf.clear();
    for (const auto& z : scan) dbuf += fmt::format("{:.6f},1,{:.3f},{:.3f}\n", time_s, z.x(), z.y());
    truth << tbuf;
    det << dbuf;
  }
  truth.close();
  det.close();
  if (!truth || !det) {
    std::cerr << "track_scenario_gen: writing failed in " << o.out << '\n';
    return 1;
  }
  fmt::print("{}: {} targets, {} scans of {} s, {} target detections, {} clutter\n", o.out, o.targets, o.scans,
             o.period_s, n_det, n_clutter);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Seeded 2-D multi-target scenario: truth.csv and detections.csv"};
  app.add_option("--targets", o.targets, "Number of targets N (default 20)");
  app.add_option("--scans", o.scans, "Number of scans K (default 100)");
  app.add_option("--period", o.period_s, "Scan period T in seconds (default 2)");
  app.add_option("--area", o.area_m, "Side of the square surveillance area in metres (default 100000)");
  app.add_option("--pd", o.pd, "Detection probability, (0, 1] (default 0.9)");
  app.add_option("--clutter", o.clutter_per_scan, "Mean clutter detections per scan (Poisson, default 10)");
  app.add_option("--sigma", o.sigma_m, "Measurement noise standard deviation on x and y in metres (default 50)");
  app.add_option("--speed-min", o.speed_min_mps, "Minimum target speed in m/s (default 100)");
  app.add_option("--speed-max", o.speed_max_mps, "Maximum target speed in m/s (default 300)");
  app.add_option("--turn-rate", o.turn_rate_deg_s, "Largest turn rate in deg/s (default 3)");
  app.add_option("--seed", o.seed, "Master seed (default 1)");
  app.add_option("--out", o.out, "Output directory (default ./scenario)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return Run(o);
}
