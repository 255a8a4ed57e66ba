#include "iadsim/c2/weapons_control.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

double Rad(double deg) { return deg * std::numbers::pi / 180.0; }

std::vector<WeaponsControlSector> SeaAndNorth() {
  return {{"sea", Rad(200), Rad(340), WeaponsControl::kFree},
          {"north", Rad(350), Rad(10), WeaponsControl::kHold}};
}

TEST(WeaponsControlSectors, ClockwiseSectorWithInclusiveEnds) {
  const auto s = SeaAndNorth();
  const auto at = [&](double deg) { return ControlAt(s, WeaponsControl::kTight, Rad(deg)); };
  EXPECT_EQ(at(270).control, WeaponsControl::kFree);
  EXPECT_EQ(at(270).sector, "sea");
  EXPECT_EQ(at(200).sector, "sea");
  EXPECT_EQ(at(340).sector, "sea");
  EXPECT_EQ(at(199.99).control, WeaponsControl::kTight);
  EXPECT_EQ(at(199.99).sector, "");
  EXPECT_EQ(at(340.01).sector, "");
  EXPECT_EQ(at(90).control, WeaponsControl::kTight);  // the other side: no sector, the default
}

TEST(WeaponsControlSectors, WrapsThroughNorth) {
  const auto s = SeaAndNorth();
  const auto at = [&](double deg) { return ControlAt(s, WeaponsControl::kTight, Rad(deg)); };
  for (double deg : {350.0, 355.0, 359.99, 0.0, 5.0, 10.0, 360.0, -5.0, 365.0}) {
    EXPECT_EQ(at(deg).control, WeaponsControl::kHold) << deg;
    EXPECT_EQ(at(deg).sector, "north") << deg;
  }
  for (double deg : {349.99, 10.01, 180.0}) EXPECT_EQ(at(deg).sector, "") << deg;
  // 350 -> 360 deg includes north itself (360 deg and 0 deg are one azimuth).
  const std::vector<WeaponsControlSector> to_north{{"nw", Rad(350), Rad(360), WeaponsControl::kHold}};
  EXPECT_EQ(ControlAt(to_north, WeaponsControl::kFree, 0.0).sector, "nw");
  EXPECT_EQ(ControlAt(to_north, WeaponsControl::kFree, Rad(0.01)).sector, "");
  // 0 -> 360 deg is the whole circle.
  const std::vector<WeaponsControlSector> all{{"all", 0.0, Rad(360), WeaponsControl::kHold}};
  for (double deg = 0; deg < 360; deg += 7.3) EXPECT_EQ(ControlAt(all, WeaponsControl::kFree, Rad(deg)).sector, "all");
}

TEST(WeaponsControlSectors, FirstMatchWins) {
  std::vector<WeaponsControlSector> s{{"a", Rad(0), Rad(180), WeaponsControl::kHold},
                                      {"b", Rad(90), Rad(270), WeaponsControl::kFree}};
  EXPECT_EQ(ControlAt(s, WeaponsControl::kTight, Rad(100)).sector, "a");
  EXPECT_EQ(ControlAt(s, WeaponsControl::kTight, Rad(100)).control, WeaponsControl::kHold);
  EXPECT_EQ(ControlAt(s, WeaponsControl::kTight, Rad(200)).sector, "b");
  EXPECT_EQ(ControlAt(s, WeaponsControl::kTight, Rad(300)).sector, "");
  std::swap(s[0], s[1]);
  EXPECT_EQ(ControlAt(s, WeaponsControl::kTight, Rad(100)).sector, "b");
  EXPECT_EQ(ControlAt(s, WeaponsControl::kTight, Rad(100)).control, WeaponsControl::kFree);
  EXPECT_EQ(ControlAt(s, WeaponsControl::kTight, Rad(45)).sector, "a");
  // No sectors: always the default.
  EXPECT_EQ(ControlAt({}, WeaponsControl::kHold, 1.0).control, WeaponsControl::kHold);
  EXPECT_EQ(ControlAt({}, WeaponsControl::kHold, 1.0).sector, "");
}

TEST(WeaponsControlSectors, ValidatePaths) {
  EXPECT_TRUE(ValidateSectors(SeaAndNorth()).empty());
  EXPECT_TRUE(ValidateSectors({{"all", 0.0, Rad(360), WeaponsControl::kFree}}).empty());
  const std::vector<WeaponsControlSector> bad{
      {"neg", Rad(-1), Rad(10), WeaponsControl::kFree},
      {"big", Rad(10), Rad(361), WeaponsControl::kFree},
      {"empty", Rad(90), Rad(90), WeaponsControl::kFree},
      {"empty-north", Rad(360), 0.0, WeaponsControl::kFree},
      {"nan", std::nan(""), std::nan(""), WeaponsControl::kFree},
  };
  const Problems p = ValidateSectors(bad);
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0].path, "sectors[0].from_azimuth");
  EXPECT_NE(p[0].message.find("[0, 360] deg (got -1 deg)"), std::string::npos) << p[0].message;
  EXPECT_EQ(p[1].path, "sectors[1].to_azimuth");
  EXPECT_NE(p[1].message.find("361"), std::string::npos) << p[1].message;
  EXPECT_EQ(p[2].path, "sectors[2].to_azimuth");
  EXPECT_NE(p[2].message.find("empty"), std::string::npos);
  EXPECT_EQ(p[3].path, "sectors[3].to_azimuth");
  EXPECT_EQ(p[4].path, "sectors[4].from_azimuth");
  EXPECT_EQ(p[5].path, "sectors[4].to_azimuth");
}

}  // namespace
}  // namespace iadsim
