// formation_pair: the formation-pair study's data. Two real aircraft flying in close formation
// (OpenSky Network state vectors via xoolive/traffic, /work/shared/data/formation-pair.json.gz,
// MIT licence; see SOURCES.md there) become
//   truth.csv       time,target_id,x,y,vx,vy   in a local ENU frame (io/truth_csv.h)
//   detections.csv  time,sensor_id,x,y         simulated 2-D radar plots (sensor_id 1)
// Input: a JSON array (gzip) of {timestamp ms, icao24, latitude deg, longitude deg, altitude ft,
// groundspeed kt, track deg, ...}. Aircraft are numbered by increasing icao24 (target_id 1, 2).
// Window: from the first instant both aircraft report, plus --start, for --duration seconds.
// ENU origin (and radar site): the mean latitude/longitude of both aircraft over the window, on
// the ellipsoid. Truth at each scan time t_k = t0 + k T: each aircraft's reports interpolated
// linearly (position in ENU, velocity from groundspeed and track); absent where its reports are
// more than 10 s apart. Altitude (barometric, taken as height) enters the ENU conversion, but the
// radar is 2-D: it measures horizontal range rho and azimuth theta of each aircraft,
//   rho_m = rho + N(0, sigma_r^2),  theta_m = theta + N(0, sigma_theta^2),
//   x = rho_m sin(theta_m), y = rho_m cos(theta_m),
// each aircraft detected with probability Pd per scan. Unresolved pair (optional): when both
// |d rho| < range resolution and |d theta| < azimuth resolution, the two aircraft give one plot
// at their mean (rho, theta) (plus noise), detected with probability Pd. Randomness: core/rng.h
// streams of (seed, "formation_pair", purpose), one per (aircraft, scan).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <numbers>
#include <optional>

#include "iadsim/core/rng.h"
#include "iadsim/geodesy/geodetic.h"
#include "iadsim/io/state_csv.h"

namespace {

constexpr double kFt = 0.3048, kKt = 1852.0 / 3600.0, kDeg = std::numbers::pi / 180.0;

struct Options {
  std::string data = "/work/shared/data/formation-pair.json.gz";
  std::string out = "formation";
  double start_s = 0.0;
  double duration_s = 2400.0;
  double period_s = 4.0;
  double pd = 0.9;
  double sigma_range_m = 50.0;
  double sigma_azimuth_deg = 0.2;
  double range_resolution_m = 0.0;    // 0: always resolved
  double azimuth_resolution_deg = 0.0;
  std::uint64_t seed = 1;
};

struct Report {
  double t_s;
  iadsim::Geodetic g;
  double gs_mps, track_rad;
};

std::optional<std::string> ReadGz(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string out;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  const bool ok = n == 0;
  gzclose(f);
  if (!ok) return std::nullopt;
  return out;
}

// Position (ENU, m) and velocity (ENU, m/s) of an aircraft at t, or nothing in a gap > 10 s.
std::optional<std::pair<Eigen::Vector3d, Eigen::Vector3d>> StateAt(const std::vector<Report>& r, double t,
                                                                    const iadsim::LocalFrame& frame) {
  const auto it = std::lower_bound(r.begin(), r.end(), t, [](const Report& a, double x) { return a.t_s < x; });
  if (it == r.end()) return std::nullopt;
  const auto vel = [](const Report& a) {
    return Eigen::Vector3d(a.gs_mps * std::sin(a.track_rad), a.gs_mps * std::cos(a.track_rad), 0.0);
  };
  if (it->t_s == t) return std::make_pair(frame.EnuFromGeodetic(it->g), vel(*it));
  if (it == r.begin() || it->t_s - (it - 1)->t_s > 10.0) return std::nullopt;
  const Report& a = *(it - 1);
  const Report& b = *it;
  const double w = (t - a.t_s) / (b.t_s - a.t_s);
  return std::make_pair(((1 - w) * frame.EnuFromGeodetic(a.g) + w * frame.EnuFromGeodetic(b.g)).eval(),
                        ((1 - w) * vel(a) + w * vel(b)).eval());
}

int Run(const Options& o) {
  const auto text = ReadGz(o.data);
  if (!text) {
    std::cerr << o.data << ":1:1: (file): cannot read or decompress\n";
    return 2;
  }
  std::map<std::string, std::vector<Report>> aircraft;
  try {
    const auto j = nlohmann::json::parse(*text);
    for (const auto& e : j) {
      Report r;
      r.t_s = e.at("timestamp").get<double>() / 1000.0;
      r.g = {e.at("latitude").get<double>(), e.at("longitude").get<double>(), e.at("altitude").get<double>() * kFt};
      r.gs_mps = e.at("groundspeed").get<double>() * kKt;
      r.track_rad = e.at("track").get<double>() * kDeg;
      aircraft[e.at("icao24").get<std::string>()].push_back(r);
    }
  } catch (const nlohmann::json::exception& e) {
    std::cerr << o.data << ":1:1: (file): not the expected JSON: " << e.what() << '\n';
    return 2;
  }
  if (aircraft.size() != 2) {
    std::cerr << o.data << ":1:1: (file): expected 2 aircraft, got " << aircraft.size() << '\n';
    return 2;
  }
  std::vector<std::string> names;
  std::vector<std::vector<Report>> reports;
  for (auto& [icao, r] : aircraft) {
    std::sort(r.begin(), r.end(), [](const Report& a, const Report& b) { return a.t_s < b.t_s; });
    names.push_back(icao);
    reports.push_back(std::move(r));
  }
  const double t0 = std::max(reports[0].front().t_s, reports[1].front().t_s) + o.start_s;
  const double t1 = std::min({reports[0].back().t_s, reports[1].back().t_s, t0 + o.duration_s});
  if (!(t1 > t0)) {
    std::cerr << "formation_pair: the window is empty\n";
    return 2;
  }
  double lat = 0, lon = 0;
  int n = 0;
  for (const auto& r : reports)
    for (const Report& x : r)
      if (x.t_s >= t0 && x.t_s <= t1) {
        lat += x.g.lat_deg;
        lon += x.g.lon_deg;
        ++n;
      }
  const iadsim::LocalFrame frame({lat / n, lon / n, 0.0});

  namespace fs = std::filesystem;
  fs::create_directories(o.out);
  std::ofstream truth(fs::path(o.out) / "truth.csv"), det(fs::path(o.out) / "detections.csv");
  truth << iadsim::StateCsvHeader("target_id", false);
  det << "time,sensor_id,x,y\n";
  const iadsim::RandomStream base(o.seed, 0, "formation_pair", "radar");
  const double s_az = o.sigma_azimuth_deg * kDeg, res_az = o.azimuth_resolution_deg * kDeg;
  std::vector<double> separations;
  long plots = 0, merged = 0;
  for (int k = 0;; ++k) {
    const double t = t0 + k * o.period_s;
    if (t > t1) break;
    const double time_s = t - t0;
    struct Seen {
      double rho, theta;
    };
    std::vector<Seen> seen;
    std::vector<Eigen::Vector3d> pos;
    for (int i = 0; i < 2; ++i) {
      const auto s = StateAt(reports[i], t, frame);
      if (!s) continue;
      iadsim::KinematicSample ks;
      ks.time_s = time_s;
      ks.id = i + 1;
      ks.p_m = {s->first.x(), s->first.y(), 0.0};
      ks.v_mps = s->second;
      truth << iadsim::StateCsvRow(ks, false);
      seen.push_back({std::hypot(s->first.x(), s->first.y()), std::atan2(s->first.x(), s->first.y())});
      pos.push_back(ks.p_m);
    }
    if (pos.size() == 2) separations.push_back((pos[0] - pos[1]).norm());
    if (seen.size() == 2 && o.range_resolution_m > 0 && o.azimuth_resolution_deg > 0) {
      double dth = std::remainder(seen[0].theta - seen[1].theta, 2 * std::numbers::pi);
      if (std::abs(seen[0].rho - seen[1].rho) < o.range_resolution_m && std::abs(dth) < res_az) {
        seen = {{0.5 * (seen[0].rho + seen[1].rho), seen[1].theta + 0.5 * dth}};
        ++merged;
      }
    }
    std::vector<Eigen::Vector2d> z;
    for (std::size_t i = 0; i < seen.size(); ++i) {
      iadsim::RandomStream r = base.Derive("plot", static_cast<std::uint64_t>(k) * 4 + i);
      if (!r.Bernoulli(o.pd)) continue;
      const double rho = seen[i].rho + r.Normal(0, o.sigma_range_m);
      const double th = seen[i].theta + r.Normal(0, s_az);
      z.push_back({rho * std::sin(th), rho * std::cos(th)});
    }
    iadsim::RandomStream order = base.Derive("order", k);
    if (z.size() == 2 && order.Bernoulli(0.5)) std::swap(z[0], z[1]);
    for (const auto& p : z) det << fmt::format("{:.6f},1,{:.3f},{:.3f}\n", time_s, p.x(), p.y());
    plots += static_cast<long>(z.size());
  }
  std::sort(separations.begin(), separations.end());
  const auto q = [&](double f) { return separations.empty() ? 0.0 : separations[static_cast<std::size_t>(f * (separations.size() - 1))]; };
  fmt::print("{}: aircraft 1 = {}, 2 = {}; origin {:.5f} {:.5f}; window {:.0f} s; {} plots, {} merged; "
             "separation min {:.0f} m, median {:.0f} m, max {:.0f} m\n",
             o.out, names[0], names[1], lat / n, lon / n, t1 - t0, plots, merged, q(0), q(0.5), q(1));
  return truth && det ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Formation pair: real ADS-B pair -> ENU truth.csv and simulated radar detections.csv"};
  app.add_option("--data", o.data, "Gzipped JSON state vectors (default /work/shared/data/formation-pair.json.gz)");
  app.add_option("--out", o.out, "Output directory (default ./formation)");
  app.add_option("--start", o.start_s, "Window start, seconds after both aircraft first report (default 0)");
  app.add_option("--duration", o.duration_s, "Window length in seconds (default 2400: the formation leg)");
  app.add_option("--period", o.period_s, "Radar scan period in seconds (default 4)");
  app.add_option("--pd", o.pd, "Detection probability per aircraft and scan, (0, 1] (default 0.9)");
  app.add_option("--sigma-range", o.sigma_range_m, "Range noise standard deviation in metres (default 50)");
  app.add_option("--sigma-azimuth", o.sigma_azimuth_deg, "Azimuth noise standard deviation in degrees (default 0.2)");
  app.add_option("--range-resolution", o.range_resolution_m, "Range resolution in metres; 0 = always resolved (default 0)");
  app.add_option("--azimuth-resolution", o.azimuth_resolution_deg, "Azimuth resolution in degrees (default 0)");
  app.add_option("--seed", o.seed, "Master seed (default 1)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (!(o.period_s > 0) || !(o.pd > 0 && o.pd <= 1) || !(o.sigma_range_m >= 0) || !(o.sigma_azimuth_deg >= 0) ||
      !(o.duration_s > 0)) {
    std::cerr << "formation_pair: need --period > 0, --pd in (0, 1], --duration > 0, sigmas >= 0\n";
    return 2;
  }
  return Run(o);
}
