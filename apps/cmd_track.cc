// iadsim track: the multi-target tracker on a detections CSV, tracks CSV out (docs/tracking.md).
//   iadsim track --detections FILE.csv --out tracks.csv [--config tracker.yaml] [options]
// Command-line options override the config file; the config file overrides the defaults.
// The output is written only when the whole input was read and tracked (exit 2 otherwise).
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <map>
#include <numbers>
#include <optional>
#include <string>

#include "commands.h"
#include "iadsim/core/error.h"
#include "iadsim/io/detections_csv.h"
#include "iadsim/io/run_reader.h"
#include "iadsim/tracking/measurement_models.h"
#include "iadsim/tracking/multi_target_tracker.h"

namespace iadsim::cli {
namespace {

// A sensor's own measurement noise (config `sensors:`), overriding the global sigmas for its rows.
struct SensorNoise {
  std::optional<double> sigma_m, range_sigma_m, angle_sigma_deg;
  int sigma_line = 0, sigma_column = 0, polar_line = 0, polar_column = 0;  // config marks, for messages
  std::string path;  // sensors[i]
};

struct TrackOptions {
  std::string detections, out, config;
  std::string algo = "gnn", model = "cv", confirm = "3/4";
  double meas_sigma_m = 50.0, process_noise = 1.0, pd = 0.9, clutter_density = 1e-9, gate = 0.999;
  double range_sigma_m = 50.0, angle_sigma_deg = 0.2;
  int delete_misses = 3;
  bool force = false;
  std::map<int, SensorNoise> sensor_noise;  // by sensor_id
};

// Measurement noise within these is what radars and ADS-B give, with a wide margin; far beyond (a
// range sigma of 1e11 m) the innovation covariance is numerically singular and its factorisation fails.
constexpr double kMaxSigmaM = 1e5;
constexpr double kMaxAngleSigmaDeg = 10.0;
constexpr double kMaxPositionM = 1e8;  // a sensor's place in the tracker frame: 100,000 km, beyond any radar's reach

// A problem of the config file at the mark of node `n`.
Problem At(const YAML::Node& n, const std::string& file, std::string path, std::string message) {
  return Problem{std::move(path), std::move(message), file, n.Mark().line + 1, n.Mark().column + 1};
}

// Why x is not in (0, max] (the config's keys and the command line alike); none when it is.
std::optional<std::string> NotInRange(double x, double max, const char* unit) {
  if (x > 0 && x <= max) return std::nullopt;
  return fmt::format("must be in (0, {:g}] {} (got {})", max, unit, x);
}

// A number of the config that must be in (0, max]: the problem at its mark when it is not.
std::optional<Problem> OutOfRange(const YAML::Node& n, const std::string& file, const std::string& key, double x,
                                  double max, const char* unit) {
  if (auto why = NotInRange(x, max, unit)) return At(n, file, key, *why);
  return std::nullopt;
}

// A scalar of the config file, or a ScenarioError at its mark.
template <class T>
T As(const YAML::Node& n, const std::string& file, const std::string& key) {
  try {
    return n.as<T>();
  } catch (const YAML::Exception&) {
    throw ScenarioError({At(n, file, key, fmt::format("must be a {}", std::is_same_v<T, std::string> ? "string" : "number"))});
  }
}

// `sensors: [{id, x, y[, z], sigma, range_sigma, angle_sigma_deg}]`: positions (polar) and per-sensor
// noise. Every problem of the list at once.
void ReadSensors(const YAML::Node& v, const std::string& file, TrackOptions& opt, DetectionsCsvOptions& csv) {
  const auto at = [&](const YAML::Node& n, std::string path, std::string msg) {
    return At(n, file, std::move(path), std::move(msg));
  };
  if (!v.IsSequence()) throw ScenarioError({at(v, "sensors", "must be a list of {id, x, y, z, sigma, range_sigma, angle_sigma_deg}")});
  Problems p;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string path = fmt::format("sensors[{}]", i);
    const YAML::Node s = v[i];
    if (!s.IsMap()) {
      p.push_back(at(s, path, "must be a mapping {id, x, y, z, sigma, range_sigma, angle_sigma_deg}"));
      continue;
    }
    for (const auto& kv : s) {
      const std::string k = As<std::string>(kv.first, file, path);
      if (k != "id" && k != "x" && k != "y" && k != "z" && k != "sigma" && k != "range_sigma" && k != "angle_sigma_deg")
        p.push_back(at(kv.first, path + "." + k, "unknown key (expected id, x, y, z, sigma, range_sigma, angle_sigma_deg)"));
    }
    if (!s["id"]) {
      p.push_back(at(s, path + ".id", "missing: every sensor needs its integer id (the detections' sensor_id)"));
      continue;
    }
    const int id = As<int>(s["id"], file, path + ".id");
    if (opt.sensor_noise.count(id) || csv.sensor_positions_m.count(id)) {
      p.push_back(at(s["id"], path + ".id", fmt::format("sensor {} is listed twice", id)));
      continue;
    }
    if (s["x"] || s["y"] || s["z"]) {
      if (!s["x"] || !s["y"]) {
        p.push_back(at(s, path, "a position needs both x and y (m, tracker frame; z optional)"));
      } else {
        Eigen::Vector3d xyz = Eigen::Vector3d::Zero();
        bool finite = true;
        for (int k = 0; k < 3; ++k) {
          const char* key = k == 0 ? "x" : k == 1 ? "y" : "z";
          if (!s[key]) continue;
          xyz[k] = As<double>(s[key], file, path + "." + key);
          if (!(std::abs(xyz[k]) <= kMaxPositionM)) {  // NaN too: it reached the tracker's grid
            p.push_back(at(s[key], path + "." + key, fmt::format("must be within {:g} m of the origin (got {})", kMaxPositionM, xyz[k])));
            finite = false;
          }
        }
        if (finite) csv.sensor_positions_m[id] = xyz;
      }
    }
    SensorNoise noise;
    noise.path = path;
    const auto positive = [&](const char* key, double max, const char* unit, std::optional<double>& out, int& line, int& col) {
      if (!s[key]) return;
      const double x = As<double>(s[key], file, path + "." + key);
      line = s[key].Mark().line + 1;
      col = s[key].Mark().column + 1;
      if (auto problem = OutOfRange(s[key], file, path + "." + key, x, max, unit)) p.push_back(*problem);
      else out = x;
    };
    positive("sigma", kMaxSigmaM, "m", noise.sigma_m, noise.sigma_line, noise.sigma_column);
    positive("range_sigma", kMaxSigmaM, "m", noise.range_sigma_m, noise.polar_line, noise.polar_column);
    int l = 0, c = 0;
    positive("angle_sigma_deg", kMaxAngleSigmaDeg, "degrees", noise.angle_sigma_deg, l, c);
    if (noise.polar_line == 0) noise.polar_line = l, noise.polar_column = c;
    opt.sensor_noise[id] = noise;
  }
  if (!p.empty()) throw ScenarioError(std::move(p));
}

// Each sensor's own noise on its rows (config `sensors:`): sigma^2 I for Cartesian and geodetic
// detections; for polar ones the linearised converted covariance J diag(sr^2, sa^2, sa^2) J^T at
// the converted position, with the sensor's range_sigma / angle_sigma_deg (the global ones where
// it gives only one). A sigma of the wrong form is an error at its mark. Rows of sensors with no
// noise of their own keep the global sigmas.
void ApplySensorNoise(const TrackOptions& opt, const std::string& config_file, DetectionsData& data) {
  const bool polar = data.form == DetectionsForm::kPolar;
  Problems p;
  for (const auto& [id, n] : opt.sensor_noise) {
    if (polar && n.sigma_m)
      p.push_back({n.path + ".sigma", "applies to Cartesian and geodetic detections; a polar sensor takes range_sigma and angle_sigma_deg",
                   config_file, n.sigma_line, n.sigma_column});
    if (!polar && (n.range_sigma_m || n.angle_sigma_deg))
      p.push_back({n.path + (n.range_sigma_m ? ".range_sigma" : ".angle_sigma_deg"),
                   "applies to polar detections (time,sensor_id,range,azimuth,elevation); a Cartesian or geodetic sensor takes sigma",
                   config_file, n.polar_line, n.polar_column});
  }
  if (!p.empty()) throw ScenarioError(std::move(p));
  if (opt.sensor_noise.empty()) return;
  const double deg = std::numbers::pi / 180.0;
  for (auto& scan : data.scans) {
    for (Measurement& m : scan) {
      const auto it = opt.sensor_noise.find(m.sensor_id);
      if (it == opt.sensor_noise.end()) continue;
      const SensorNoise& n = it->second;
      if (!polar && n.sigma_m) {
        m.R = MatZ::Identity(m.z.size(), m.z.size()) * (*n.sigma_m * *n.sigma_m);
      } else if (polar && (n.range_sigma_m || n.angle_sigma_deg)) {
        const double sa = n.angle_sigma_deg.value_or(opt.angle_sigma_deg) * deg;
        m.R = LinearisedPolarCovarianceAt(m.z - m.sensor_position, n.range_sigma_m.value_or(opt.range_sigma_m), sa, sa);
      }
    }
  }
}

// Reads tracker.yaml into opt (only the keys present) and the polar/geodetic frame options.
void ReadConfig(const std::string& file, TrackOptions& opt, DetectionsCsvOptions& csv) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::BadFile&) {
    throw ScenarioError({Problem{"", "cannot open the config file", file, 0, 0}});
  } catch (const YAML::ParserException& e) {
    throw ScenarioError({Problem{"", e.msg, file, e.mark.line + 1, e.mark.column + 1}});
  }
  if (!root.IsMap()) throw ScenarioError({Problem{"", "must be a mapping", file, 1, 1}});
  const auto bounded = [&](const YAML::Node& v, const std::string& key, double max, const char* unit) {
    const double x = As<double>(v, file, key);
    if (auto problem = OutOfRange(v, file, key, x, max, unit)) throw ScenarioError({*problem});
    return x;
  };
  for (const auto& kv : root) {
    const std::string key = As<std::string>(kv.first, file, "(key)");
    const YAML::Node& v = kv.second;
    if (key == "algo") opt.algo = As<std::string>(v, file, key);
    else if (key == "model") opt.model = As<std::string>(v, file, key);
    else if (key == "confirm") opt.confirm = As<std::string>(v, file, key);
    else if (key == "meas_sigma") opt.meas_sigma_m = bounded(v, key, kMaxSigmaM, "m");
    else if (key == "process_noise") opt.process_noise = As<double>(v, file, key);
    else if (key == "pd") opt.pd = As<double>(v, file, key);
    else if (key == "clutter_density") opt.clutter_density = As<double>(v, file, key);
    else if (key == "gate") opt.gate = As<double>(v, file, key);
    else if (key == "delete_misses") opt.delete_misses = As<int>(v, file, key);
    else if (key == "range_sigma") opt.range_sigma_m = bounded(v, key, kMaxSigmaM, "m");
    else if (key == "angle_sigma_deg") opt.angle_sigma_deg = bounded(v, key, kMaxAngleSigmaDeg, "degrees");
    else if (key == "origin") {
      const auto refuse = [&](const YAML::Node& n, const std::string& path, const std::string& msg) {
        throw ScenarioError({At(n, file, path, msg)});
      };
      if (!v.IsMap() || !v["lat"] || !v["lon"]) refuse(v, "origin", "must be a mapping {lat, lon[, alt]} (deg, deg, m)");
      for (const auto& o : v) {
        const std::string k = As<std::string>(o.first, file, "origin");
        if (k != "lat" && k != "lon" && k != "alt") refuse(o.first, "origin." + k, "unknown key (expected lat, lon, alt)");
      }
      const Geodetic g{As<double>(v["lat"], file, "origin.lat"), As<double>(v["lon"], file, "origin.lon"),
                       v["alt"] ? As<double>(v["alt"], file, "origin.alt") : 0.0};
      if (!(std::abs(g.lat_deg) <= 90.0 && std::abs(g.lon_deg) <= 180.0 && std::abs(g.alt_m) <= 1e5))
        refuse(v, "origin", fmt::format("lat must be in [-90, 90] deg, lon in [-180, 180] deg, alt within 100 km (got {}, {}, {} m)",
                                        g.lat_deg, g.lon_deg, g.alt_m));
      csv.origin = g;
    } else if (key == "sensors") {
      ReadSensors(v, file, opt, csv);
    } else {
      throw ScenarioError({Problem{key, "unknown key (expected algo, model, confirm, meas_sigma, process_noise, pd, "
                                        "clutter_density, gate, delete_misses, range_sigma, angle_sigma_deg, origin, sensors)",
                                   file, kv.first.Mark().line + 1, kv.first.Mark().column + 1}});
    }
  }
}

MultiTargetTrackerConfig TrackerConfig(const TrackOptions& o, int dims) {
  Problems p;
  MultiTargetTrackerConfig c;
  if (o.algo == "gnn") c.algorithm = AssociationAlgorithm::kGnn;
  else if (o.algo == "jpda") c.algorithm = AssociationAlgorithm::kJpda;
  else if (o.algo == "mht") c.algorithm = AssociationAlgorithm::kMht;
  else p.push_back({"--algo", fmt::format("must be gnn, jpda or mht (got \"{}\")", o.algo)});
  c.filter.dims = dims;
  if (!SetNamedTrackModel(o.model, o.process_noise, &c.filter))
    p.push_back({"--model", fmt::format("must be cv, ca, ct or imm (got \"{}\")", o.model)});
  c.pd = o.pd;
  c.clutter_density = o.clutter_density;
  c.gate_probability = o.gate;
  int m = 0, n = 0;
  char extra = 0;
  if (std::sscanf(o.confirm.c_str(), "%d/%d%c", &m, &n, &extra) != 2)
    p.push_back({"--confirm", fmt::format("must be M/N, e.g. 3/4 (got \"{}\")", o.confirm)});
  c.management.confirm_m = m;
  c.management.confirm_n = n;
  c.management.delete_misses = o.delete_misses;
  if (p.empty()) {
    for (Problem q : c.Validate()) {
      q.path = "--" + q.path;
      p.push_back(q);
    }
  }
  if (!p.empty()) throw ScenarioError(p);
  return c;
}

int Run(const TrackOptions& cli, const std::vector<std::string>& given) {
  TrackOptions opt;
  DetectionsCsvOptions csv;
  if (!cli.config.empty()) ReadConfig(cli.config, opt, csv);
  // Command-line values override the config file.
  const auto has = [&](const char* name) { return std::find(given.begin(), given.end(), name) != given.end(); };
  if (has("--algo")) opt.algo = cli.algo;
  if (has("--model")) opt.model = cli.model;
  if (has("--confirm")) opt.confirm = cli.confirm;
  if (has("--meas-sigma")) opt.meas_sigma_m = cli.meas_sigma_m;
  if (has("--process-noise")) opt.process_noise = cli.process_noise;
  if (has("--pd")) opt.pd = cli.pd;
  if (has("--clutter-density")) opt.clutter_density = cli.clutter_density;
  if (has("--gate")) opt.gate = cli.gate;
  if (has("--delete-misses")) opt.delete_misses = cli.delete_misses;
  if (auto why = NotInRange(opt.meas_sigma_m, kMaxSigmaM, "m")) throw ScenarioError({Problem{"--meas-sigma", *why}});
  if (std::filesystem::exists(cli.out) && !cli.force)
    throw ScenarioError({Problem{"--out", fmt::format("{} exists; use --force to overwrite it", cli.out)}});
  csv.sigma_m = opt.meas_sigma_m;
  csv.range_sigma_m = opt.range_sigma_m;
  csv.angle_sigma_deg = opt.angle_sigma_deg;
  DetectionsData data = ReadDetectionsCsv(cli.detections, csv);
  ApplySensorNoise(opt, cli.config, data);
  MultiTargetTracker tracker(TrackerConfig(opt, data.dims));
  std::string text = TracksCsvHeader(data.dims);
  long rows = 0;
  const auto& scans = data.scans;  // one per (time, sensor), in time order
  for (std::size_t i = 0; i < scans.size(); ++i) {
    const std::vector<TrackEstimate>& tracks = tracker.ProcessScan(scans[i]);
    // Several sensors at one time: the tracks once, after the last of them (one row per track per time).
    if (i + 1 < scans.size() && scans[i + 1].front().time_s == scans[i].front().time_s) continue;
    for (const TrackEstimate& t : tracks) {
      text += TracksCsvRow(data.dims, t);
      ++rows;
    }
  }
  WriteFileAtomically(cli.out, text);  // whole or absent
  fmt::print("{}: {} detections in {} scans -> {} track rows in {}\n", cli.detections, data.rows, data.scans.size(),
             rows, cli.out);
  return 0;
}

}  // namespace

void AddTrackCommand(CLI::App& app, std::vector<Verb>& verbs) {
  auto o = std::make_shared<TrackOptions>();
  auto* c = app.add_subcommand("track", "Track detections from a CSV file: GNN, JPDA or MHT; confirmed tracks to CSV");
  c->add_option("--detections", o->detections, "Detections CSV (time,sensor_id,x,y | x,y,z | range,azimuth,elevation | lat,lon,alt)")->required();
  c->add_option("--out", o->out, "Tracks CSV to write (time,track_id,x,y[,z],vx,vy[,vz])")->required();
  c->add_option("--config", o->config, "Tracker YAML: the options below by name (meas_sigma, ...), range_sigma (m), angle_sigma_deg, origin {lat, lon, alt}, sensors [{id, x, y, z, sigma, range_sigma, angle_sigma_deg}]");
  c->add_option("--algo", o->algo, "Association: gnn | jpda | mht (default gnn)");
  c->add_option("--model", o->model, "Motion model: cv | ca | ct | imm (default cv)");
  c->add_option("--meas-sigma", o->meas_sigma_m, "Measurement sigma per axis, m (default 50)");
  c->add_option("--process-noise", o->process_noise, "Process noise PSD q: m^2/s^3 (cv, ct, imm), m^2/s^5 (ca) (default 1)");
  c->add_option("--pd", o->pd, "Detection probability, (0, 1) (default 0.9)");
  c->add_option("--clutter-density", o->clutter_density, "False alarms per m^2 (2-D) or m^3 (3-D) per scan, > 0 (default 1e-9)");
  c->add_option("--gate", o->gate, "Gate probability, (0, 1) (default 0.999)");
  c->add_option("--confirm", o->confirm, "M-of-N confirmation, M/N (default 3/4)");
  c->add_option("--delete-misses", o->delete_misses, "Consecutive misses that delete a track, >= 1 (default 3)");
  c->add_flag("--force", o->force, "Overwrite an existing --out");
  verbs.push_back({c, [o, c] {
                     std::vector<std::string> given;
                     for (const char* name : {"--algo", "--model", "--confirm", "--meas-sigma", "--process-noise", "--pd",
                                              "--clutter-density", "--gate", "--delete-misses"})
                       if (c->count(name) > 0) given.emplace_back(name);
                     return Run(*o, given);
                   }});
}

}  // namespace iadsim::cli
