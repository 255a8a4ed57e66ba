#include "iadsim/world/srtm_tile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <regex>
#include <string>

#include "iadsim/world/test/hgt_test_file.h"

namespace iadsim {
namespace {

using testing_hgt::HgtBytes;
using testing_hgt::TempDir;
using testing_hgt::WriteFile;

constexpr int kN3 = kSrtm3PostsPerSide;

// A 3″ tile with hand-chosen posts: four posts around (row 600, column 300) for the bilinear
// check, 1234 (0x04D2: read little-endian it would be -11772) at (10, 20), -5 m (below sea level)
// at the north-west corner, 77 m at the south-east corner, 0 elsewhere.
std::int16_t HandPosts(int r, int c) {
  if (r == 600 && c == 300) return 100;
  if (r == 600 && c == 301) return 200;
  if (r == 601 && c == 300) return 300;
  if (r == 601 && c == 301) return 400;
  if (r == 10 && c == 20) return 1234;
  if (r == 0 && c == 0) return -5;
  if (r == 1200 && c == 1200) return 77;
  return 0;
}

TEST(SrtmTileName, ParsesTheSouthWestCorner) {
  EXPECT_EQ(ParseSrtmTileName("N35E035.hgt"), (SrtmTileCorner{35, 35}));
  EXPECT_EQ(ParseSrtmTileName("/data/dem/s01w072.HGT"), (SrtmTileCorner{-1, -72}));
  EXPECT_EQ(ParseSrtmTileName("N00E000.hgt"), (SrtmTileCorner{0, 0}));
  EXPECT_EQ(ParseSrtmTileName("S90W180.hgt"), (SrtmTileCorner{-90, -180}));
  EXPECT_EQ(ParseSrtmTileName("N89E179.hgt"), (SrtmTileCorner{89, 179}));
  for (const char* bad : {"N35E035.dem", "tile.hgt", "N90E035.hgt", "N35E180.hgt", "X35E035.hgt",
                          "N35E18A.hgt", "N35E035.hgt.zip", "N3E035.hgt", "N35E0035.hgt"}) {
    EXPECT_FALSE(ParseSrtmTileName(bad).has_value()) << bad;
  }
  EXPECT_EQ(SrtmTileName({-1, -72}), "S01W072.hgt");
  EXPECT_EQ(SrtmTileName({35, 35}), "N35E035.hgt");
}

TEST(SrtmTile, ThreeArcSecondRoundTripGivesTheHandBilinearValue) {
  TempDir dir;
  const auto file = WriteFile(dir.path() / "N35E035.hgt", HgtBytes(kN3, HandPosts));
  const SrtmTile tile = SrtmTile::Load(file, "terrain.tiles[0]");
  EXPECT_EQ(tile.corner(), (SrtmTileCorner{35, 35}));
  EXPECT_EQ(tile.posts_per_side(), 1201);
  EXPECT_EQ(tile.Post(600, 300), 100);
  EXPECT_EQ(tile.Post(601, 301), 400);
  EXPECT_EQ(tile.Post(10, 20), 1234);  // big-endian
  EXPECT_EQ(tile.Post(0, 0), -5);
  EXPECT_EQ(tile.max_elevation_m(), 1234.0);

  // u = 0.25 east of column 300, v = 0.5 south of row 600:
  // z = 0.75·0.5·100 + 0.25·0.5·200 + 0.75·0.5·300 + 0.25·0.5·400 = 37.5 + 25 + 112.5 + 50 = 225.
  const double lat = 36.0 - 600.5 / 1200.0;
  const double lon = 35.0 + 300.25 / 1200.0;
  EXPECT_NEAR(tile.ElevationM(lat, lon), 225.0, 1e-6);
  // On a post: the post itself. Corners: north-west (36, 35) is post (0, 0), south-east (35, 36)
  // is post (1200, 1200).
  EXPECT_NEAR(tile.ElevationM(36.0 - 600.0 / 1200.0, 35.0 + 301.0 / 1200.0), 200.0, 1e-6);
  EXPECT_NEAR(tile.ElevationM(36.0, 35.0), -5.0, 1e-9);
  EXPECT_NEAR(tile.ElevationM(35.0, 36.0), 77.0, 1e-9);
  // Halfway between (0,0) = -5 and (0,1) = 0 on the north edge: -2.5.
  EXPECT_NEAR(tile.ElevationM(36.0, 35.0 + 0.5 / 1200.0), -2.5, 1e-6);

  // North-south post spacing: M(35.5°) π/180 / 1200 with M = a(1−e²)/(1−e² sin²φ)^1.5
  // = 6 335 439 m × 1.003395 = 6 356 945 m → 110 948 m per degree → 92.457 m.
  EXPECT_NEAR(tile.post_spacing_m(), 92.457, 0.01);
  EXPECT_DOUBLE_EQ(tile.post_spacing_deg(), 1.0 / 1200.0);
}

TEST(SrtmTile, VoidsAreLeftOutAndTheWeightsRenormalised) {
  auto posts = [](int r, int c) -> std::int16_t {
    if (r == 601 && c == 301) return kSrtmVoid;
    if (r >= 900 && r <= 901 && c >= 900 && c <= 901) return kSrtmVoid;
    return HandPosts(r, c);
  };
  const SrtmTile tile = SrtmTile::FromBytes("N35E035.hgt", HgtBytes(kN3, posts), "t");
  // Without the 400 post: (37.5 + 25 + 112.5) / (0.375 + 0.125 + 0.375) = 175 / 0.875 = 200.
  EXPECT_NEAR(tile.ElevationM(36.0 - 600.5 / 1200.0, 35.0 + 300.25 / 1200.0), 200.0, 1e-9);
  // All four posts void: sea level.
  EXPECT_EQ(tile.ElevationM(36.0 - 900.5 / 1200.0, 35.0 + 900.5 / 1200.0), 0.0);
  EXPECT_EQ(tile.max_elevation_m(), 1234.0);
}

TEST(SrtmTile, OneArcSecondTileIsReadAtItsResolution) {
  TempDir dir;
  // z = row + 2 column: bilinear interpolation reproduces a linear field exactly.
  auto linear = [](int r, int c) { return static_cast<std::int16_t>(r + 2 * c); };
  const auto file = WriteFile(dir.path() / "N00W001.hgt", HgtBytes(kSrtm1PostsPerSide, linear));
  const SrtmTile tile = SrtmTile::Load(file, "terrain.tiles[1]");
  EXPECT_EQ(tile.posts_per_side(), 3601);
  EXPECT_EQ(tile.corner(), (SrtmTileCorner{0, -1}));
  // lat 0.3 → row (1 − 0.3)·3600 = 2520; lon −0.7 → column 0.3·3600 = 1080: z = 2520 + 2160.
  EXPECT_NEAR(tile.ElevationM(0.3, -0.7), 4680.0, 1e-6);
  // Between posts: row 2520.5, column 1080.25 → 2520.5 + 2160.5.
  EXPECT_NEAR(tile.ElevationM(0.3 - 0.5 / 3600.0, -0.7 + 0.25 / 3600.0), 4681.0, 1e-6);
  EXPECT_EQ(tile.max_elevation_m(), 3600.0 + 7200.0);
  // M(0.5°) = 6 335 443.8 m → 110 574.4 m per degree / 3600 = 30.715 m.
  EXPECT_NEAR(tile.post_spacing_m(), 30.715, 0.01);
}

// Every bad tile is a ScenarioError with one Problem naming the file and the caller's key.
void ExpectTileError(const std::filesystem::path& file, const std::string& message_regex) {
  try {
    SrtmTile::Load(file, "terrain.tiles[2]");
    ADD_FAILURE() << "no error for " << file;
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    const Problem& p = e.problems()[0];
    EXPECT_EQ(p.file, file.string());
    EXPECT_EQ(p.path, "terrain.tiles[2]");
    EXPECT_TRUE(std::regex_search(p.message, std::regex(message_regex))) << p.message;
    EXPECT_NE(std::string(e.what()).find(file.string() + ": terrain.tiles[2]: "), std::string::npos)
        << e.what();
  }
}

TEST(SrtmTile, BadTilesNameTheFile) {
  TempDir dir;
  const std::vector<char> good = HgtBytes(kN3, HandPosts);
  ExpectTileError(WriteFile(dir.path() / "N35E035.hgt", std::vector<char>(1000)),
                  "has 1000 bytes; a .hgt tile has 25934402 \\(1 arc-second\\) or 2884802");
  std::vector<char> truncated(good.begin(), good.end() - 2);
  ExpectTileError(WriteFile(dir.path() / "N35E036.hgt", truncated), "has 2884800 bytes");
  ExpectTileError(WriteFile(dir.path() / "N35E037.hgt", std::vector<char>()), "has 0 bytes");
  ExpectTileError(WriteFile(dir.path() / "tile.hgt", good), "'tile.hgt' is not an SRTM tile name");
  ExpectTileError(WriteFile(dir.path() / "N91E035.hgt", good), "not an SRTM tile name");
  ExpectTileError(dir.path() / "N10E010.hgt", "cannot read the SRTM tile: no such file");
  std::filesystem::create_directory(dir.path() / "N11E010.hgt");
  ExpectTileError(dir.path() / "N11E010.hgt", "not a regular file");
}

TEST(SrtmTileDeathTest, PointsOutsideTheTileAbort) {
  const SrtmTile tile = SrtmTile::FromBytes("N35E035.hgt", HgtBytes(kN3, HandPosts), "t");
  EXPECT_FALSE(tile.Contains(34.9999, 35.5));
  EXPECT_TRUE(tile.Contains(35.0, 36.0));
  EXPECT_DEATH(tile.ElevationM(36.0001, 35.5), "outside the tile");
  EXPECT_DEATH(tile.Post(1201, 0), "out of grid");
}

}  // namespace
}  // namespace iadsim
