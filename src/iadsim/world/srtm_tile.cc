#include "iadsim/world/srtm_tile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <numbers>
#include <system_error>
#include <utility>

namespace iadsim {
namespace {

constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;

[[noreturn]] void Fail(const std::filesystem::path& file, const std::string& key_path,
                       const std::string& message) {
  Problem p;
  p.path = key_path;
  p.file = file.string();
  p.message = message;
  throw ScenarioError({p});
}

// Meridian radius of curvature M(φ) = a (1 − e²) / (1 − e² sin²φ)^(3/2) of WGS-84, metres.
double MeridianRadiusM(double lat_deg) {
  const double e2 = kWgs84F * (2.0 - kWgs84F);
  const double s = std::sin(lat_deg * std::numbers::pi / 180.0);
  return kWgs84A * (1.0 - e2) / std::pow(1.0 - e2 * s * s, 1.5);
}

bool ParseDigits(std::string_view s, int* out) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = 10 * v + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::optional<SrtmTileCorner> ParseSrtmTileName(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // NddEddd.HGT: 7 characters of corner and the extension.
  if (name.size() != 11 || name.substr(7) != ".HGT") return std::nullopt;
  const char ns = name[0];
  const char ew = name[3];
  int lat = 0;
  int lon = 0;
  if ((ns != 'N' && ns != 'S') || (ew != 'E' && ew != 'W')) return std::nullopt;
  if (!ParseDigits(std::string_view(name).substr(1, 2), &lat)) return std::nullopt;
  if (!ParseDigits(std::string_view(name).substr(4, 3), &lon)) return std::nullopt;
  if (ns == 'S') lat = -lat;
  if (ew == 'W') lon = -lon;
  if (lat < -90 || lat > 89 || lon < -180 || lon > 179) return std::nullopt;
  return SrtmTileCorner{lat, lon};
}

std::string SrtmTileName(SrtmTileCorner corner) {
  return fmt::format("{}{:02d}{}{:03d}.hgt", corner.south_lat_deg < 0 ? 'S' : 'N',
                     std::abs(corner.south_lat_deg), corner.west_lon_deg < 0 ? 'W' : 'E',
                     std::abs(corner.west_lon_deg));
}

SrtmTile SrtmTile::Load(const std::filesystem::path& file, const std::string& key_path) {
  // Check the name first: it is cheaper than reading 26 MB and names the mistake better.
  if (!ParseSrtmTileName(file)) {
    Fail(file, key_path,
         fmt::format("'{}' is not an SRTM tile name (expected e.g. N35E035.hgt)",
                     file.filename().string()));
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    Fail(file, key_path, "cannot read the SRTM tile: no such file (or not a regular file)");
  }
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) Fail(file, key_path, fmt::format("cannot read the SRTM tile: {}", ec.message()));
  constexpr std::uintmax_t kSize1 = 2ULL * kSrtm1PostsPerSide * kSrtm1PostsPerSide;
  constexpr std::uintmax_t kSize3 = 2ULL * kSrtm3PostsPerSide * kSrtm3PostsPerSide;
  if (size != kSize1 && size != kSize3) {
    Fail(file, key_path,
         fmt::format("SRTM tile has {} bytes; a .hgt tile has {} (1 arc-second) or {} "
                     "(3 arc-second)",
                     size, kSize1, kSize3));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) Fail(file, key_path, "cannot open the SRTM tile for reading");
  std::vector<char> bytes(size);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    Fail(file, key_path,
         fmt::format("SRTM tile: read {} of {} bytes", in.gcount(), size));
  }
  return FromBytes(file, bytes, key_path);
}

SrtmTile SrtmTile::FromBytes(const std::filesystem::path& name, const std::vector<char>& bytes,
                             const std::string& key_path) {
  const auto corner = ParseSrtmTileName(name);
  if (!corner) {
    Fail(name, key_path,
         fmt::format("'{}' is not an SRTM tile name (expected e.g. N35E035.hgt)",
                     name.filename().string()));
  }
  int n = 0;
  for (int candidate : {kSrtm1PostsPerSide, kSrtm3PostsPerSide}) {
    if (bytes.size() == 2ULL * candidate * candidate) n = candidate;
  }
  if (n == 0) {
    Fail(name, key_path,
         fmt::format("SRTM tile has {} bytes; a .hgt tile has {} (1 arc-second) or {} "
                     "(3 arc-second)",
                     bytes.size(), 2ULL * kSrtm1PostsPerSide * kSrtm1PostsPerSide,
                     2ULL * kSrtm3PostsPerSide * kSrtm3PostsPerSide));
  }
  std::vector<std::int16_t> posts(static_cast<std::size_t>(n) * n);
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const auto hi = static_cast<unsigned char>(bytes[2 * i]);
    const auto lo = static_cast<unsigned char>(bytes[2 * i + 1]);
    posts[i] = static_cast<std::int16_t>(static_cast<std::uint16_t>((hi << 8) | lo));
  }
  return SrtmTile(*corner, n, std::move(posts));
}

SrtmTile::SrtmTile(SrtmTileCorner corner, int n, std::vector<std::int16_t> posts)
    : corner_(corner), n_(n), posts_(std::move(posts)) {
  IADSIM_CHECK(posts_.size() == static_cast<std::size_t>(n_) * n_, "SrtmTile: post count");
  std::int16_t max_post = 0;
  bool any_valid = false;
  for (std::int16_t z : posts_) {
    if (z == kSrtmVoid) continue;
    max_post = any_valid ? std::max(max_post, z) : z;
    any_valid = true;
  }
  max_elevation_m_ = any_valid ? max_post : 0.0;
  post_spacing_m_ =
      MeridianRadiusM(corner_.south_lat_deg + 0.5) * std::numbers::pi / 180.0 / (n_ - 1);
}

std::int16_t SrtmTile::Post(int row, int column) const {
  IADSIM_CHECK(row >= 0 && row < n_ && column >= 0 && column < n_, "SrtmTile::Post: out of grid");
  return posts_[static_cast<std::size_t>(row) * n_ + column];
}

bool SrtmTile::Contains(double lat_deg, double lon_deg) const {
  return lat_deg >= corner_.south_lat_deg && lat_deg <= corner_.south_lat_deg + 1 &&
         lon_deg >= corner_.west_lon_deg && lon_deg <= corner_.west_lon_deg + 1;
}

double SrtmTile::ElevationM(double lat_deg, double lon_deg) const {
  IADSIM_CHECK(Contains(lat_deg, lon_deg), "SrtmTile::ElevationM: point outside the tile");
  const double cells = n_ - 1;
  // Fractional grid coordinates: x east from the west edge, y south from the north edge.
  const double x = std::clamp((lon_deg - corner_.west_lon_deg) * cells, 0.0, cells);
  const double y = std::clamp((corner_.south_lat_deg + 1 - lat_deg) * cells, 0.0, cells);
  const int c0 = std::min(static_cast<int>(x), n_ - 2);
  const int r0 = std::min(static_cast<int>(y), n_ - 2);
  const double u = x - c0;
  const double v = y - r0;
  const std::int16_t z[4] = {Post(r0, c0), Post(r0, c0 + 1), Post(r0 + 1, c0),
                             Post(r0 + 1, c0 + 1)};
  const double w[4] = {(1 - u) * (1 - v), u * (1 - v), (1 - u) * v, u * v};
  double sum = 0.0;
  double weight = 0.0;
  bool any_valid = false;
  for (int i = 0; i < 4; ++i) {
    if (z[i] == kSrtmVoid) continue;
    sum += w[i] * z[i];
    weight += w[i];
    any_valid = true;
  }
  if (!any_valid) return 0.0;  // all four void: sea level (header)
  if (weight <= 0.0) {
    // The point sits on a void post's line with zero weight on the valid ones: nearest valid post.
    double best = 2.0;
    double z_best = 0.0;
    const double du[4] = {u, 1 - u, u, 1 - u};
    const double dv[4] = {v, v, 1 - v, 1 - v};
    for (int i = 0; i < 4; ++i) {
      if (z[i] == kSrtmVoid) continue;
      const double d = du[i] * du[i] + dv[i] * dv[i];
      if (d < best) {
        best = d;
        z_best = z[i];
      }
    }
    return z_best;
  }
  return sum / weight;
}

}  // namespace iadsim
