#include "iadsim/io/detections_csv.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

constexpr std::size_t kMaxProblems = 50;

struct Field {
  std::string_view text;
  int column = 1;  // 1-based
};

std::vector<Field> Split(std::string_view line) {
  std::vector<Field> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    std::string_view f = line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    int col = static_cast<int>(start) + 1;
    while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) {
      f.remove_prefix(1);
      ++col;
    }
    while (!f.empty() && (f.back() == ' ' || f.back() == '\t' || f.back() == '\r')) f.remove_suffix(1);
    out.push_back({f, col});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

Eigen::Matrix3d PolarCovariance(double r, double az, double el, double sr, double sa, double se) {
  Eigen::Matrix3d J;
  const double ce = std::cos(el), se_ = std::sin(el), ca = std::cos(az), sa_ = std::sin(az);
  J << ce * sa_, r * ce * ca, -r * se_ * sa_,
       ce * ca, -r * ce * sa_, -r * se_ * ca,
       se_, 0.0, r * ce;
  const Eigen::Vector3d var(sr * sr, sa * sa, se * se);
  return J * var.asDiagonal() * J.transpose();
}

}  // namespace

DetectionsData ReadDetectionsCsv(const std::string& path, const DetectionsCsvOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Problem{"", "cannot open the detections file", path, 0, 0}});
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseDetectionsCsv(ss.str(), path, options);
}

DetectionsData ParseDetectionsCsv(std::string_view text, const std::string& file_name,
                                  const DetectionsCsvOptions& options) {
  Problems problems;
  const auto report = [&](int line, int col, std::string path, std::string msg) {
    if (problems.size() < kMaxProblems) problems.push_back({std::move(path), std::move(msg), file_name, line, col});
  };
  DetectionsData data;
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  if (lines.empty() || Split(lines[0]).size() < 2 || lines[0].find_first_not_of(" \t\r") == std::string_view::npos) {
    throw ScenarioError({Problem{"header", "empty file: expected a header line such as time,sensor_id,x,y", file_name, 1, 1}});
  }
  std::vector<std::string> names;
  for (const Field& f : Split(lines[0])) names.emplace_back(f.text);
  using V = std::vector<std::string>;
  if (names == V{"time", "sensor_id", "x", "y"}) data.form = DetectionsForm::kCartesian2D;
  else if (names == V{"time", "sensor_id", "x", "y", "z"}) data.form = DetectionsForm::kCartesian3D;
  else if (names == V{"time", "sensor_id", "range", "azimuth", "elevation"}) data.form = DetectionsForm::kPolar;
  else if (names == V{"time", "sensor_id", "lat", "lon", "alt"}) data.form = DetectionsForm::kGeodetic;
  else {
    throw ScenarioError({Problem{"header",
                                 fmt::format("unknown header \"{}\": expected one of time,sensor_id,x,y | "
                                             "time,sensor_id,x,y,z | time,sensor_id,range,azimuth,elevation | "
                                             "time,sensor_id,lat,lon,alt",
                                             std::string(lines[0].substr(0, lines[0].find_last_not_of("\r") + 1))),
                                 file_name, 1, 1}});
  }
  data.dims = data.form == DetectionsForm::kCartesian2D ? 2 : 3;
  const std::size_t ncol = names.size();
  std::optional<LocalFrame> frame;
  if (data.form == DetectionsForm::kGeodetic && options.origin) {
    frame.emplace(*options.origin);
    data.origin = *options.origin;
  }
  const double deg = std::numbers::pi / 180.0;
  double last_time = -std::numeric_limits<double>::infinity();
  // Rows of the current time, to be split by sensor.
  std::vector<Measurement> block;
  const auto flush = [&] {
    std::stable_sort(block.begin(), block.end(),
                     [](const Measurement& a, const Measurement& b) { return a.sensor_id < b.sensor_id; });
    for (std::size_t i = 0; i < block.size();) {
      std::size_t j = i;
      std::vector<Measurement> scan;
      while (j < block.size() && block[j].sensor_id == block[i].sensor_id) scan.push_back(block[j++]);
      data.scans.push_back(std::move(scan));
      i = j;
    }
    block.clear();
  };
  for (std::size_t li = 1; li < lines.size(); ++li) {
    const int line_no = static_cast<int>(li) + 1;
    const std::string_view line = lines[li];
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank
    const std::vector<Field> fields = Split(line);
    if (fields.size() != ncol) {
      const int col = fields.size() > ncol ? fields[ncol].column : static_cast<int>(line.size()) + 1;
      report(line_no, col, fields.size() > ncol ? "row" : names[fields.size()],
             fmt::format("expected {} columns ({}), got {}", ncol, fmt::join(names, ","), fields.size()));
      continue;
    }
    double v[5] = {};
    bool ok = true;
    for (std::size_t c = 0; c < ncol; ++c) {
      const Field& f = fields[c];
      double x = 0.0;
      const auto [ptr, ec] = std::from_chars(f.text.data(), f.text.data() + f.text.size(), x);
      if (f.text.empty() || ec != std::errc() || ptr != f.text.data() + f.text.size()) {
        report(line_no, f.column, names[c], fmt::format("not a number: \"{}\"", std::string(f.text)));
        ok = false;
      } else if (!std::isfinite(x)) {
        report(line_no, f.column, names[c], fmt::format("must be finite (got {})", std::string(f.text)));
        ok = false;
      } else {
        v[c] = x;
      }
    }
    if (!ok) continue;
    if (v[1] != std::floor(v[1]) || std::abs(v[1]) > 2e9) {
      report(line_no, fields[1].column, "sensor_id", fmt::format("must be an integer (got {})", std::string(fields[1].text)));
      continue;
    }
    if (v[0] < last_time) {
      report(line_no, fields[0].column, "time",
             fmt::format("time goes backwards ({} s after {} s on an earlier row)", v[0], last_time));
      continue;
    }
    if (v[0] > last_time) flush();
    last_time = v[0];
    Measurement m;
    m.time_s = v[0];
    m.sensor_id = static_cast<int>(v[1]);
    const double s2 = options.sigma_m * options.sigma_m;
    switch (data.form) {
      case DetectionsForm::kCartesian2D:
        m.kind = MeasurementKind::kCartesian2D;
        m.z.resize(2);
        m.z << v[2], v[3];
        m.R = MatZ::Identity(2, 2) * s2;
        break;
      case DetectionsForm::kCartesian3D:
        m.kind = MeasurementKind::kCartesian3D;
        m.z.resize(3);
        m.z << v[2], v[3], v[4];
        m.R = MatZ::Identity(3, 3) * s2;
        break;
      case DetectionsForm::kPolar: {
        const auto it = options.sensor_positions_m.find(m.sensor_id);
        if (it == options.sensor_positions_m.end()) {
          report(line_no, fields[1].column, "sensor_id",
                 fmt::format("no position for sensor {} (polar detections need sensors: in the config)", m.sensor_id));
          continue;
        }
        if (v[2] < 0) {
          report(line_no, fields[2].column, "range", fmt::format("must be >= 0 (got {})", v[2]));
          continue;
        }
        if (std::abs(v[4]) > 90) {
          report(line_no, fields[4].column, "elevation", fmt::format("must be in [-90, 90] degrees (got {})", v[4]));
          continue;
        }
        const double az = v[3] * deg, el = v[4] * deg;
        m.kind = MeasurementKind::kCartesian3D;
        m.sensor_position = it->second;
        m.z = it->second + EnuFromPolar(Polar{v[2], az, el});
        m.R = PolarCovariance(v[2], az, el, options.range_sigma_m, options.angle_sigma_deg * deg,
                              options.angle_sigma_deg * deg);
        break;
      }
      case DetectionsForm::kGeodetic: {
        if (std::abs(v[2]) > 90) {
          report(line_no, fields[2].column, "lat", fmt::format("must be in [-90, 90] degrees (got {})", v[2]));
          continue;
        }
        if (std::abs(v[3]) > 180) {
          report(line_no, fields[3].column, "lon", fmt::format("must be in [-180, 180] degrees (got {})", v[3]));
          continue;
        }
        const Geodetic g{v[2], v[3], v[4]};
        if (!frame) {
          frame.emplace(g);
          data.origin = g;
        }
        m.kind = MeasurementKind::kCartesian3D;
        m.z = frame->EnuFromGeodetic(g);
        m.R = MatZ::Identity(3, 3) * s2;
        break;
      }
    }
    block.push_back(m);
    ++data.rows;
  }
  flush();
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  return data;
}

std::string TracksCsvHeader(int dims) {
  return dims == 2 ? "time,track_id,x,y,vx,vy\n" : "time,track_id,x,y,z,vx,vy,vz\n";
}

std::string TracksCsvRow(int dims, const TrackEstimate& t) {
  const Eigen::Vector3d& p = t.position_m;
  const Eigen::Vector3d& v = t.velocity_mps;
  if (dims == 2) return fmt::format("{},{},{},{},{},{}\n", t.time_s, t.id, p.x(), p.y(), v.x(), v.y());
  return fmt::format("{},{},{},{},{},{},{},{}\n", t.time_s, t.id, p.x(), p.y(), p.z(), v.x(), v.y(), v.z());
}

}  // namespace iadsim
