#include "iadsim/world/terrain.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "iadsim/world/test/hgt_test_file.h"

namespace iadsim {
namespace {

using testing_hgt::HgtBytes;
using testing_hgt::TempDir;
using testing_hgt::WriteFile;

constexpr int kN3 = kSrtm3PostsPerSide;
constexpr double kPi = std::numbers::pi;

std::vector<char> ConstantTile(std::int16_t z) {
  return HgtBytes(kN3, [z](int, int) { return z; });
}

// Four hand posts around (row 600, column 300), as in srtm_tile_test.cc; 0 elsewhere.
std::vector<char> HandTile() {
  return HgtBytes(kN3, [](int r, int c) -> std::int16_t {
    if (r == 600 && (c == 300 || c == 301)) return c == 300 ? 100 : 200;
    if (r == 601 && (c == 300 || c == 301)) return c == 300 ? 300 : 400;
    return 0;
  });
}

TEST(SrtmTerrain, LoadsADirectoryAndIsSeaOutsideItsTiles) {
  TempDir dir;
  WriteFile(dir.path() / "N35E035.hgt", HandTile());
  WriteFile(dir.path() / "N35E036.hgt", ConstantTile(50));
  WriteFile(dir.path() / "n36e035.HGT", ConstantTile(7));
  WriteFile(dir.path() / "README.txt", std::vector<char>(10, 'x'));  // not a tile: ignored
  const SrtmTerrain terrain = SrtmTerrain::LoadDirectory(dir.path(), "terrain.directory");
  EXPECT_EQ(terrain.tile_count(), 3u);
  EXPECT_NEAR(terrain.ElevationM(36.0 - 600.5 / 1200.0, 35.0 + 300.25 / 1200.0), 225.0, 1e-6);
  EXPECT_EQ(terrain.ElevationM(35.5, 36.5), 50.0);
  EXPECT_EQ(terrain.ElevationM(36.5, 35.5), 7.0);
  EXPECT_EQ(terrain.ElevationM(10.0, 10.0), 0.0);    // no tile: sea level
  EXPECT_EQ(terrain.ElevationM(35.5, -179.0), 0.0);
  EXPECT_EQ(terrain.MaxElevationM(), 400.0);
  // The finest north-south post spacing: the N35 tiles, 92.457 m (srtm_tile_test.cc).
  EXPECT_NEAR(terrain.ResolutionM(), 92.457, 0.01);
}

TEST(SrtmTerrain, SeaOnlyTerrainHasZeroMaximum) {
  TempDir dir;
  WriteFile(dir.path() / "N35E035.hgt", ConstantTile(-20));  // a basin below sea level
  const SrtmTerrain terrain = SrtmTerrain::LoadDirectory(dir.path(), "terrain.directory");
  EXPECT_EQ(terrain.ElevationM(35.5, 35.5), -20.0);
  EXPECT_EQ(terrain.MaxElevationM(), 0.0);  // the sea around it is higher
}

TEST(SrtmTerrain, DirectoryErrorsNameTheDirectoryOrEveryBadFile) {
  TempDir dir;
  try {
    SrtmTerrain::LoadDirectory(dir.path() / "absent", "terrain.directory");
    ADD_FAILURE();
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].file, (dir.path() / "absent").string());
    EXPECT_EQ(e.problems()[0].path, "terrain.directory");
    EXPECT_NE(e.problems()[0].message.find("does not exist"), std::string::npos);
  }
  try {
    SrtmTerrain::LoadDirectory(dir.path(), "terrain.directory");
    ADD_FAILURE();
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].message.find("no .hgt tile"), std::string::npos);
  }
  WriteFile(dir.path() / "N01E001.hgt", std::vector<char>(6));
  WriteFile(dir.path() / "N00E000.hgt", ConstantTile(1));
  WriteFile(dir.path() / "bad_name.hgt", ConstantTile(1));
  try {
    SrtmTerrain::LoadDirectory(dir.path(), "terrain.directory");
    ADD_FAILURE();
  } catch (const ScenarioError& e) {
    // Both bad files, in name order ('N' sorts before 'b').
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].file, (dir.path() / "N01E001.hgt").string());
    EXPECT_NE(e.problems()[0].message.find("has 6 bytes"), std::string::npos);
    EXPECT_EQ(e.problems()[1].file, (dir.path() / "bad_name.hgt").string());
    EXPECT_NE(e.problems()[1].message.find("not an SRTM tile name"), std::string::npos);
  }
}

TEST(SrtmTerrain, FileListReportsEachBadEntryWithItsIndex) {
  TempDir dir;
  const auto good = WriteFile(dir.path() / "N00E000.hgt", ConstantTile(3));
  const auto short_file = WriteFile(dir.path() / "N00E001.hgt", std::vector<char>(100));
  const auto copy = WriteFile(dir.path() / "n00e000.hgt", ConstantTile(4));
  try {
    SrtmTerrain::LoadFiles({good, dir.path() / "N05E005.hgt", short_file, copy}, "terrain.tiles");
    ADD_FAILURE();
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 3u);
    EXPECT_EQ(e.problems()[0].path, "terrain.tiles[1]");
    EXPECT_EQ(e.problems()[0].file, (dir.path() / "N05E005.hgt").string());
    EXPECT_EQ(e.problems()[1].path, "terrain.tiles[2]");
    EXPECT_EQ(e.problems()[1].file, short_file.string());
    EXPECT_EQ(e.problems()[2].path, "terrain.tiles[3]");
    EXPECT_EQ(e.problems()[2].message,
              "tile N00E000.hgt is already given by terrain.tiles[0] (" + good.string() + ")");
  }
  EXPECT_THROW(SrtmTerrain::LoadFiles({}, "terrain.tiles"), ScenarioError);
  const SrtmTerrain terrain = SrtmTerrain::LoadFiles({good}, "terrain.tiles");
  EXPECT_EQ(terrain.ElevationM(0.5, 0.5), 3.0);
  EXPECT_EQ(terrain.MaxElevationM(), 3.0);
}

TEST(SrtmTerrain, DirectoryWithTwoFilesForOneTileIsAnError) {
  TempDir dir;
  const auto upper = WriteFile(dir.path() / "N00E000.hgt", ConstantTile(3));
  const auto lower = WriteFile(dir.path() / "n00e000.hgt", ConstantTile(4));
  try {
    SrtmTerrain::LoadDirectory(dir.path(), "terrain.directory");
    ADD_FAILURE();
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].file, lower.string());  // 'N' sorts before 'n'
    EXPECT_EQ(e.problems()[0].message, "tile N00E000.hgt is already given by terrain.directory (" +
                                           upper.string() + ")");
  }
}

TEST(SyntheticTerrain, GaussianHillFollowsItsFormula) {
  const Geodetic summit{35.0, 35.0, 0.0};
  const GaussianHillTerrain hill(summit, 800.0, 3000.0);
  EXPECT_NEAR(hill.ElevationM(35.0, 35.0), 800.0, 1e-9);
  // At one σ in any direction: H e^(−1/2) = 485.224 m; at 3σ: H e^(−4.5) = 8.887 m.
  for (double az_deg : {0.0, 90.0, 200.0}) {
    const Geodetic p1 = Direct(summit, az_deg * kPi / 180.0, 3000.0).point;
    EXPECT_NEAR(hill.ElevationM(p1.lat_deg, p1.lon_deg), 485.224, 1e-3) << az_deg;
    const Geodetic p3 = Direct(summit, az_deg * kPi / 180.0, 9000.0).point;
    EXPECT_NEAR(hill.ElevationM(p3.lat_deg, p3.lon_deg), 8.887, 1e-3) << az_deg;
  }
  EXPECT_EQ(hill.MaxElevationM(), 800.0);
  EXPECT_EQ(hill.ResolutionM(), 300.0);
}

TEST(SyntheticTerrain, RidgeIsAWallOfItsWidthAlongItsCrestLine) {
  const Geodetic crest{0.0, 0.2, 0.0};
  for (double crest_az_deg : {0.0, 45.0, 300.0}) {
    const double az = crest_az_deg * kPi / 180.0;
    const RidgeTerrain ridge(crest, az, 500.0, 100.0);
    auto at = [&](double along_m, double across_m) {
      const Geodetic p = Direct(crest, az, along_m).point;
      const Geodetic q = Direct(p, az + kPi / 2.0, across_m).point;
      return ridge.ElevationM(q.lat_deg, q.lon_deg);
    };
    EXPECT_EQ(at(0.0, 0.0), 500.0);
    EXPECT_EQ(at(0.0, 49.0), 500.0);
    EXPECT_EQ(at(0.0, -49.0), 500.0);
    EXPECT_EQ(at(0.0, 51.0), 0.0);
    EXPECT_EQ(at(0.0, -51.0), 0.0);
    EXPECT_EQ(at(20e3, 49.0), 500.0);  // straight for tens of km
    EXPECT_EQ(at(-20e3, 51.0), 0.0);
    EXPECT_EQ(at(5e3, 5e3), 0.0);
    EXPECT_EQ(ridge.ResolutionM(), 25.0);
  }
}

TEST(SyntheticTerrain, PlateauAndFlat) {
  const Geodetic centre{10.0, 20.0, 0.0};
  const PlateauTerrain plateau(centre, 50e3, 1000.0);
  for (double az_deg : {0.0, 135.0, 270.0}) {
    const Geodetic in = Direct(centre, az_deg * kPi / 180.0, 49.9e3).point;
    const Geodetic out = Direct(centre, az_deg * kPi / 180.0, 50.1e3).point;
    EXPECT_EQ(plateau.ElevationM(in.lat_deg, in.lon_deg), 1000.0);
    EXPECT_EQ(plateau.ElevationM(out.lat_deg, out.lon_deg), 0.0);
  }
  EXPECT_EQ(plateau.ResolutionM(), 500.0);
  const FlatTerrain sea;
  EXPECT_EQ(sea.ElevationM(45.0, 7.0), 0.0);
  EXPECT_EQ(sea.MaxElevationM(), 0.0);
  EXPECT_EQ(FlatTerrain(250.0).ElevationM(-30.0, 100.0), 250.0);
}

}  // namespace
}  // namespace iadsim
