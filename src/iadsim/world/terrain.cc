#include "iadsim/world/terrain.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <system_error>
#include <utility>

#include "iadsim/core/error.h"

namespace iadsim {

SrtmTerrain SrtmTerrain::LoadDirectory(const std::filesystem::path& directory,
                                       const std::string& key_path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    Problem p;
    p.path = key_path;
    p.file = directory.string();
    p.message = "terrain directory does not exist or is not a directory";
    throw ScenarioError({p});
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    std::string ext = entry.path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".hgt") files.push_back(entry.path());
  }
  if (ec || files.empty()) {
    Problem p;
    p.path = key_path;
    p.file = directory.string();
    p.message = ec ? fmt::format("cannot list the terrain directory: {}", ec.message())
                   : std::string("no .hgt tile in the terrain directory");
    throw ScenarioError({p});
  }
  std::sort(files.begin(), files.end());  // directory order is not deterministic
  return LoadTiles(files, std::vector<std::string>(files.size(), key_path));
}

SrtmTerrain SrtmTerrain::LoadFiles(const std::vector<std::filesystem::path>& files,
                                   const std::string& key_path) {
  if (files.empty()) {
    Problem p;
    p.path = key_path;
    p.message = "no terrain tile file given";
    throw ScenarioError({p});
  }
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < files.size(); ++i) keys.push_back(fmt::format("{}[{}]", key_path, i));
  return LoadTiles(files, keys);
}

SrtmTerrain SrtmTerrain::LoadTiles(const std::vector<std::filesystem::path>& files,
                                   const std::vector<std::string>& keys) {
  IADSIM_CHECK(files.size() == keys.size(), "SrtmTerrain::LoadTiles: one key per file");
  std::vector<SrtmTile> tiles;
  Problems problems;
  std::map<SrtmTileCorner, std::size_t> seen;  // corner -> index of the file that gave it
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      SrtmTile tile = SrtmTile::Load(files[i], keys[i]);
      const auto [it, inserted] = seen.emplace(tile.corner(), i);
      if (!inserted) {
        Problem p;
        p.path = keys[i];
        p.file = files[i].string();
        p.message = fmt::format("tile {} is already given by {} ({})", SrtmTileName(tile.corner()),
                                keys[it->second], files[it->second].string());
        problems.push_back(std::move(p));
        continue;
      }
      tiles.push_back(std::move(tile));
    } catch (const ScenarioError& e) {
      problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  return SrtmTerrain(std::move(tiles));
}

SrtmTerrain::SrtmTerrain(std::vector<SrtmTile> tiles) {
  double finest_m = 0.0;
  for (auto& tile : tiles) {
    max_elevation_m_ = std::max(max_elevation_m_, tile.max_elevation_m());
    finest_m = finest_m == 0.0 ? tile.post_spacing_m() : std::min(finest_m, tile.post_spacing_m());
    const SrtmTileCorner corner = tile.corner();
    tiles_.insert_or_assign(corner, std::move(tile));
  }
  if (finest_m > 0.0) resolution_m_ = finest_m;
}

double SrtmTerrain::ElevationM(double lat_deg, double lon_deg) const {
  // The tile whose south-west corner is floor(lat), floor(lon); a point on the north or east edge
  // of the world's tiles (lat = 90, lon = 180) belongs to the tile below or west of it.
  int lat0 = static_cast<int>(std::floor(lat_deg));
  int lon0 = static_cast<int>(std::floor(lon_deg));
  lat0 = std::min(lat0, 89);
  lon0 = std::min(lon0, 179);
  auto it = tiles_.find(SrtmTileCorner{lat0, lon0});
  if (it == tiles_.end()) return 0.0;  // outside every loaded tile: sea level (header)
  return it->second.ElevationM(lat_deg, lon_deg);
}

GaussianHillTerrain::GaussianHillTerrain(const Geodetic& summit, double height_m, double sigma_m)
    : summit_(summit), height_m_(height_m), sigma_m_(sigma_m) {
  IADSIM_CHECK(height_m > 0.0 && sigma_m > 0.0, "GaussianHillTerrain: height and sigma must be > 0");
}

double GaussianHillTerrain::ElevationM(double lat_deg, double lon_deg) const {
  const double d = Inverse(summit_, Geodetic{lat_deg, lon_deg, 0.0}).distance_m;
  return height_m_ * std::exp(-d * d / (2.0 * sigma_m_ * sigma_m_));
}

RidgeTerrain::RidgeTerrain(const Geodetic& crest_point, double crest_azimuth_rad, double height_m,
                           double width_m)
    : frame_(Geodetic{crest_point.lat_deg, crest_point.lon_deg, 0.0}),
      crest_azimuth_rad_(crest_azimuth_rad),
      height_m_(height_m),
      width_m_(width_m) {
  IADSIM_CHECK(height_m > 0.0 && width_m > 0.0, "RidgeTerrain: height and width must be > 0");
}

double RidgeTerrain::ElevationM(double lat_deg, double lon_deg) const {
  const Vec3 p = frame_.EnuFromGeodetic(Geodetic{lat_deg, lon_deg, 0.0});
  // Distance from the crest line (direction (sin az, cos az) in east-north) in the tangent plane.
  const double cross_m =
      p.x() * std::cos(crest_azimuth_rad_) - p.y() * std::sin(crest_azimuth_rad_);
  return std::abs(cross_m) <= 0.5 * width_m_ ? height_m_ : 0.0;
}

PlateauTerrain::PlateauTerrain(const Geodetic& centre, double radius_m, double height_m)
    : centre_(centre), radius_m_(radius_m), height_m_(height_m) {
  IADSIM_CHECK(radius_m > 0.0 && height_m > 0.0, "PlateauTerrain: radius and height must be > 0");
}

double PlateauTerrain::ElevationM(double lat_deg, double lon_deg) const {
  const double d = Inverse(centre_, Geodetic{lat_deg, lon_deg, 0.0}).distance_m;
  return d <= radius_m_ ? height_m_ : 0.0;
}

}  // namespace iadsim
