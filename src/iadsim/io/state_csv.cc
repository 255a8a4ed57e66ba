#include "iadsim/io/state_csv.h"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

constexpr std::size_t kMaxProblems = 20;

struct Field {
  std::string_view text;  // trimmed
  int column = 1;         // 1-based column of the field's first character
};

std::vector<Field> SplitLine(std::string_view line) {
  std::vector<Field> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
    std::size_t a = start, b = end;
    while (a < b && (line[a] == ' ' || line[a] == '\t')) ++a;
    while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t')) --b;
    out.push_back({line.substr(a, b - a), static_cast<int>(a) + 1});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

class Reader {
 public:
  Reader(const std::string& file) : file_(file) {}
  void Report(int line, int column, std::string_view path, std::string message) {
    if (problems_.size() < kMaxProblems) problems_.push_back({std::string(path), std::move(message), file_, line, column});
  }
  bool Full() const { return problems_.size() >= kMaxProblems; }
  void ThrowIfAny() {
    if (!problems_.empty()) throw ScenarioError(problems_);
  }

  std::optional<double> Number(const Field& f, int line, std::string_view column) {
    double v = 0.0;
    const char* b = f.text.data();
    const char* e = b + f.text.size();
    const auto [ptr, ec] = std::from_chars(b, e, v);
    if (f.text.empty() || ec == std::errc::invalid_argument || ptr != e) {
      Report(line, f.column, column, fmt::format("not a number (got '{}')", f.text));
      return std::nullopt;
    }
    if (ec == std::errc::result_out_of_range || !std::isfinite(v)) {
      Report(line, f.column, column, fmt::format("must be a finite number (got '{}')", f.text));
      return std::nullopt;
    }
    return v;
  }

  std::optional<std::int64_t> WholeNumber(const Field& f, int line, std::string_view column) {
    std::int64_t v = 0;
    const char* b = f.text.data();
    const char* e = b + f.text.size();
    const auto [ptr, ec] = std::from_chars(b, e, v);
    if (f.text.empty() || ec != std::errc() || ptr != e) {
      Report(line, f.column, column, fmt::format("must be a whole number (got '{}')", f.text));
      return std::nullopt;
    }
    return v;
  }

 private:
  std::string file_;
  Problems problems_;
};

}  // namespace

StateTable ParseStateCsv(std::string_view text, const std::string& file, std::string_view id_column) {
  Reader reader(file);
  StateTable table;
  // Lines, without their '\n' or "\r\n".
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    start = end + 1;
  }
  if (lines.empty() || lines[0].find_first_not_of(" \t") == std::string_view::npos) {
    reader.Report(1, 1, "(file)", fmt::format("is empty: expected the header time,{},x,y,vx,vy", id_column));
    reader.ThrowIfAny();
  }
  // Header.
  const std::vector<Field> header = SplitLine(lines[0]);
  const std::array<std::string_view, 8> names = {"time", id_column, "x", "y", "vx", "vy", "z", "vz"};
  std::array<int, 8> index;
  index.fill(-1);
  for (int k = 0; k < static_cast<int>(header.size()); ++k) {
    for (std::size_t n = 0; n < names.size(); ++n) {
      if (header[k].text != names[n]) continue;
      if (index[n] >= 0)
        reader.Report(1, header[k].column, "(header)", fmt::format("column '{}' appears twice", names[n]));
      else
        index[n] = k;
    }
  }
  for (std::size_t n = 0; n < 6; ++n)
    if (index[n] < 0)
      reader.Report(1, 1, "(header)",
                    fmt::format("missing column '{}' (got '{}'; expected time,{},x,y,vx,vy[,z,vz])", names[n], lines[0],
                                id_column));
  if ((index[6] >= 0) != (index[7] >= 0))
    reader.Report(1, 1, "(header)", "columns 'z' and 'vz' go together: give both or neither");
  reader.ThrowIfAny();
  table.has_z = index[6] >= 0;

  double last_time = -std::numeric_limits<double>::infinity();
  std::set<std::int64_t> ids_at_time;
  for (std::size_t li = 1; li < lines.size() && !reader.Full(); ++li) {
    const int line = static_cast<int>(li) + 1;
    if (lines[li].find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::vector<Field> f = SplitLine(lines[li]);
    if (f.size() != header.size()) {
      reader.Report(line, 1, "(row)", fmt::format("expected {} fields as in the header, got {}", header.size(), f.size()));
      continue;
    }
    KinematicSample s;
    bool ok = true;
    const auto num = [&](std::size_t n, double& out) {
      if (n >= 6 && !table.has_z) return;
      const auto v = reader.Number(f[index[n]], line, names[n]);
      if (v) out = *v;
      else ok = false;
    };
    num(0, s.time_s);
    const auto id = reader.WholeNumber(f[index[1]], line, names[1]);
    if (id) s.id = *id;
    else ok = false;
    num(2, s.p_m.x());
    num(3, s.p_m.y());
    num(4, s.v_mps.x());
    num(5, s.v_mps.y());
    num(6, s.p_m.z());
    num(7, s.v_mps.z());
    if (!ok) continue;
    if (s.time_s < last_time) {
      reader.Report(line, f[index[0]].column, "time",
                    fmt::format("time goes backwards (got {} after {}); rows must be in time order", f[index[0]].text,
                                last_time));
      continue;
    }
    if (s.time_s > last_time) ids_at_time.clear();
    last_time = s.time_s;
    if (!ids_at_time.insert(s.id).second) {
      reader.Report(line, f[index[1]].column, id_column,
                    fmt::format("{} {} appears twice at time {}", id_column, s.id, f[index[0]].text));
      continue;
    }
    table.rows.push_back(s);
  }
  reader.ThrowIfAny();
  return table;
}

StateTable ReadStateCsvFile(const std::string& path, std::string_view id_column) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ScenarioError({Problem{"(file)", std::string("cannot read the file: ") + std::strerror(errno), path, 1, 1}});
  std::ostringstream s;
  s << in.rdbuf();
  return ParseStateCsv(s.str(), path, id_column);
}

std::string StateCsvHeader(std::string_view id_column, bool with_z) {
  return fmt::format("time,{},x,y,vx,vy{}\n", id_column, with_z ? ",z,vz" : "");
}

std::string StateCsvRow(const KinematicSample& s, bool with_z) {
  if (with_z)
    return fmt::format("{:.6f},{},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f}\n", s.time_s, s.id, s.p_m.x(), s.p_m.y(),
                       s.v_mps.x(), s.v_mps.y(), s.p_m.z(), s.v_mps.z());
  return fmt::format("{:.6f},{},{:.3f},{:.3f},{:.3f},{:.3f}\n", s.time_s, s.id, s.p_m.x(), s.p_m.y(), s.v_mps.x(),
                     s.v_mps.y());
}

}  // namespace iadsim
