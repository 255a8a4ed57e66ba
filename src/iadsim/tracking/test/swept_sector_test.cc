#include "iadsim/tracking/swept_sector.h"

#include <gtest/gtest.h>

#include <numbers>

namespace iadsim {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

TEST(SweptSector, PlainSector) {
  EXPECT_TRUE(InSweptSector(45 * kDeg, 30 * kDeg, 60 * kDeg));
  EXPECT_TRUE(InSweptSector(30 * kDeg, 30 * kDeg, 60 * kDeg));
  EXPECT_TRUE(InSweptSector(60 * kDeg, 30 * kDeg, 60 * kDeg));
  EXPECT_FALSE(InSweptSector(61 * kDeg, 30 * kDeg, 60 * kDeg));
  EXPECT_FALSE(InSweptSector(29 * kDeg, 30 * kDeg, 60 * kDeg));
  EXPECT_FALSE(InSweptSector(240 * kDeg, 30 * kDeg, 60 * kDeg));
}

TEST(SweptSector, WrapsThroughNorth) {
  // Clockwise from 300 deg to 60 deg: north is inside, south is not.
  EXPECT_TRUE(InSweptSector(0.0, 300 * kDeg, 60 * kDeg));
  EXPECT_TRUE(InSweptSector(10 * kDeg, 300 * kDeg, 60 * kDeg));
  EXPECT_TRUE(InSweptSector(350 * kDeg, 300 * kDeg, 60 * kDeg));
  EXPECT_TRUE(InSweptSector(-10 * kDeg, 300 * kDeg, 60 * kDeg));  // unwrapped input
  EXPECT_FALSE(InSweptSector(180 * kDeg, 300 * kDeg, 60 * kDeg));
  EXPECT_FALSE(InSweptSector(61 * kDeg, 300 * kDeg, 60 * kDeg));
  EXPECT_FALSE(InSweptSector(299 * kDeg, 300 * kDeg, 60 * kDeg));
  // The opposite sector, clockwise from 60 deg to 300 deg, is the complement.
  EXPECT_FALSE(InSweptSector(0.0, 60 * kDeg, 300 * kDeg));
  EXPECT_TRUE(InSweptSector(180 * kDeg, 60 * kDeg, 300 * kDeg));
  // Ends given unwrapped: from -60 deg to 60 deg is the same sector.
  EXPECT_TRUE(InSweptSector(0.0, -60 * kDeg, 60 * kDeg));
  EXPECT_FALSE(InSweptSector(180 * kDeg, -60 * kDeg, 60 * kDeg));
}

TEST(SweptSector, FullTurn) {
  for (double az : {0.0, 1.0, 3.0, 6.2}) {
    EXPECT_TRUE(InSweptSector(az, 0.0, 2 * std::numbers::pi));
    EXPECT_TRUE(InSweptSector(az, 1.0, 1.0 + 2 * std::numbers::pi));
    EXPECT_TRUE(InSweptSector(az, 1.0, 1.0));  // both ends wrapped after a full revolution
  }
}

}  // namespace
}  // namespace iadsim
