#pragma once
// Terrain: the elevation of the ground (metres above the WGS-84 ellipsoid, the geoid ignored as
// everywhere in iadsim) as a function of latitude and longitude. A plug-in point with:
//   - SrtmTerrain: a set of SRTM .hgt tiles (srtm_tile.h), bilinear between posts. Outside every
//     loaded tile the elevation is 0 m (sea level): a scenario loads the tiles of its land.
//   - FlatTerrain: a constant elevation everywhere (0 m: flat sea, the smooth earth).
//   - GaussianHillTerrain: z = H exp(−d² / (2 σ²)), d the geodesic distance to the summit.
//   - RidgeTerrain: a straight wall of height H and width w whose crest line passes through a
//     point with a given azimuth: z = H where the cross-track distance |x| ≤ w/2, 0 elsewhere;
//     x is measured in the local tangent plane at that point (error below 1 mm within 50 km).
//   - PlateauTerrain: a circular mesa, z = H within geodesic distance r of its centre, 0 outside.
// The synthetic terrains give closed-form answers for the tests of line_of_sight.h.
// Each terrain also states an upper bound of its elevation (for the line-of-sight fast path) and
// the horizontal resolution at which it should be sampled (metres):
//   SRTM: the finest north-south post spacing of the loaded tiles (30.9 m for 1″, 92.6 m for 3″);
//   flat: 1000 m (nothing to resolve); hill: σ/10; ridge: w/4; plateau: r/100.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "iadsim/geodesy/geodetic.h"
#include "iadsim/world/srtm_tile.h"

namespace iadsim {

class Terrain {
 public:
  virtual ~Terrain() = default;
  // Ground elevation (m) at a point; lat in [-90, 90], lon in [-180, 180] degrees.
  virtual double ElevationM(double lat_deg, double lon_deg) const = 0;
  // No point of the terrain is higher than this (m).
  virtual double MaxElevationM() const = 0;
  // The horizontal sampling step that resolves the terrain (m, > 0).
  virtual double ResolutionM() const = 0;
};

class FlatTerrain final : public Terrain {
 public:
  explicit FlatTerrain(double elevation_m = 0.0) : elevation_m_(elevation_m) {}
  double ElevationM(double, double) const override { return elevation_m_; }
  double MaxElevationM() const override { return elevation_m_; }
  double ResolutionM() const override { return 1000.0; }

 private:
  double elevation_m_;
};

class SrtmTerrain final : public Terrain {
 public:
  // Every *.hgt file (extension in either case) of a directory, in name order. key_path names the
  // scenario key of the directory. Errors: a missing directory, no tile in it, any bad tile, two
  // files for the same tile (all problems are reported together, each naming its file).
  static SrtmTerrain LoadDirectory(const std::filesystem::path& directory,
                                   const std::string& key_path);
  // A list of tile files; the problem of files[i] has the path key_path + "[i]". Two files for
  // the same tile and an empty list are errors.
  static SrtmTerrain LoadFiles(const std::vector<std::filesystem::path>& files,
                               const std::string& key_path);
  // Tiles already read (duplicates: the later one replaces the earlier).
  explicit SrtmTerrain(std::vector<SrtmTile> tiles);

  double ElevationM(double lat_deg, double lon_deg) const override;
  double MaxElevationM() const override { return max_elevation_m_; }
  double ResolutionM() const override { return resolution_m_; }
  std::size_t tile_count() const { return tiles_.size(); }

 private:
  std::map<SrtmTileCorner, SrtmTile> tiles_;  // ordered: deterministic iteration
  static SrtmTerrain LoadTiles(const std::vector<std::filesystem::path>& files,
                               const std::vector<std::string>& keys);
  double max_elevation_m_ = 0.0;              // at least 0: the sea outside the tiles
  double resolution_m_ = 1000.0;
};

class GaussianHillTerrain final : public Terrain {
 public:
  // summit: lat/lon of the top (alt ignored); height_m H > 0; sigma_m σ > 0 (checked).
  GaussianHillTerrain(const Geodetic& summit, double height_m, double sigma_m);
  double ElevationM(double lat_deg, double lon_deg) const override;
  double MaxElevationM() const override { return height_m_; }
  double ResolutionM() const override { return sigma_m_ / 10.0; }

 private:
  Geodetic summit_;
  double height_m_;
  double sigma_m_;
};

class RidgeTerrain final : public Terrain {
 public:
  // crest_point: a point of the crest line (alt ignored); crest_azimuth_rad: the crest's direction,
  // clockwise from north; height_m H > 0, width_m w > 0 (checked).
  RidgeTerrain(const Geodetic& crest_point, double crest_azimuth_rad, double height_m,
               double width_m);
  double ElevationM(double lat_deg, double lon_deg) const override;
  double MaxElevationM() const override { return height_m_; }
  double ResolutionM() const override { return width_m_ / 4.0; }

 private:
  LocalFrame frame_;
  double crest_azimuth_rad_;
  double height_m_;
  double width_m_;
};

class PlateauTerrain final : public Terrain {
 public:
  // centre (alt ignored), radius_m r > 0, height_m H > 0 (checked).
  PlateauTerrain(const Geodetic& centre, double radius_m, double height_m);
  double ElevationM(double lat_deg, double lon_deg) const override;
  double MaxElevationM() const override { return height_m_; }
  double ResolutionM() const override { return radius_m_ / 100.0; }

 private:
  Geodetic centre_;
  double radius_m_;
  double height_m_;
};

}  // namespace iadsim
