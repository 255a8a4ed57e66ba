#pragma once
// One SRTM elevation tile in the .hgt format (NASA/USGS Shuttle Radar Topography Mission, SRTM
// Topography documentation, "SRTM3/SRTM1 .hgt", USGS EROS 2015).
//
// Format: a square grid of n × n posts, n = 3601 (1 arc-second, "SRTM1") or n = 1201 (3 arc-second,
// "SRTM3"), each a big-endian signed 16-bit elevation in metres; -32768 marks a void. No header:
// the file size alone (2 n² bytes: 25 934 402 or 2 884 802) decides the resolution. Rows run from
// north to south, columns from west to east. The file name (e.g. N35E035.hgt, S01W072.hgt) gives the
// south-west corner in whole degrees; the tile covers [lat, lat+1] × [lon, lon+1] and its edge rows
// and columns repeat those of the neighbouring tiles. Post (row r, column c) is at
//   lat = south + 1 − r / (n − 1),   lon = west + c / (n − 1)      (degrees)
//
// Elevation between posts: bilinear interpolation of the 4 surrounding posts,
//   z = (1−u)(1−v) z00 + u(1−v) z10 + (1−u) v z01 + u v z11      u, v ∈ [0, 1]
// Voids: a void post is left out and the weights of the valid posts among the 4 are renormalised
// (so a void next to valid posts takes their weighted mean); when all 4 are void the elevation is
// 0 m (sea level: SRTM voids are mostly water, steep shadows and deserts). Documented choice.
// (A point lying exactly on a void post, where the valid posts have zero weight, takes the
// nearest valid post of the 4.)
//
// Units: degrees in, metres out. The elevations are heights above the EGM96 geoid; iadsim ignores
// the geoid (geodesy/geodetic.h), so they are used as heights above the WGS-84 ellipsoid (error up
// to ±100 m worldwide, about +20 m to +30 m in the eastern Mediterranean).
// Bad files (unreadable, a size that is neither 1″ nor 3″, a name that is not a tile name) give a
// ScenarioError whose Problem names the file (Problem::file) and the scenario key of the caller.
// A position outside the tile is a bug in the caller (checked). Never reads outside the grid.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iadsim/core/error.h"

namespace iadsim {

inline constexpr int kSrtm1PostsPerSide = 3601;  // 1 arc-second tile
inline constexpr int kSrtm3PostsPerSide = 1201;  // 3 arc-second tile
inline constexpr std::int16_t kSrtmVoid = -32768;

// The south-west corner of a tile, whole degrees: lat in [-90, 89], lon in [-180, 179].
struct SrtmTileCorner {
  int south_lat_deg = 0;
  int west_lon_deg = 0;
  friend bool operator==(const SrtmTileCorner&, const SrtmTileCorner&) = default;
  friend auto operator<=>(const SrtmTileCorner&, const SrtmTileCorner&) = default;
};

// "N35E035.hgt" → {35, 35}; "S01W072.HGT" → {-1, -72}. Letters and extension in either case;
// anything else (a directory part is ignored) → nullopt.
std::optional<SrtmTileCorner> ParseSrtmTileName(const std::filesystem::path& file);
// The canonical name of a tile: {35, 35} → "N35E035.hgt".
std::string SrtmTileName(SrtmTileCorner corner);

class SrtmTile final {
 public:
  // Reads a .hgt file. key_path is the scenario key that named the file (e.g. "terrain.tiles[2]"),
  // reported with the file name in the ScenarioError on any problem.
  static SrtmTile Load(const std::filesystem::path& file, const std::string& key_path);
  // Parses the bytes of a .hgt file (as Load does after reading it); name is used for the
  // corner and for the error messages.
  static SrtmTile FromBytes(const std::filesystem::path& name, const std::vector<char>& bytes,
                            const std::string& key_path);

  SrtmTileCorner corner() const { return corner_; }
  int posts_per_side() const { return n_; }
  // Post spacing in degrees (1/3600 or 1/1200) and north-south in metres on the WGS-84 meridian
  // at the tile's mid latitude (about 30.9 m and 92.6 m).
  double post_spacing_deg() const { return 1.0 / (n_ - 1); }
  double post_spacing_m() const { return post_spacing_m_; }
  // The largest valid post elevation (0 when every post is void), metres.
  double max_elevation_m() const { return max_elevation_m_; }
  // Raw post value (kSrtmVoid for a void); row 0 is the north edge. Indices are checked.
  std::int16_t Post(int row, int column) const;
  bool Contains(double lat_deg, double lon_deg) const;
  // Bilinear elevation (metres) at a point inside the tile (checked), voids as in the header.
  double ElevationM(double lat_deg, double lon_deg) const;

 private:
  SrtmTile(SrtmTileCorner corner, int n, std::vector<std::int16_t> posts);
  SrtmTileCorner corner_;
  int n_ = 0;
  std::vector<std::int16_t> posts_;  // n × n, row-major, north row first
  double max_elevation_m_ = 0.0;
  double post_spacing_m_ = 0.0;
};

}  // namespace iadsim
