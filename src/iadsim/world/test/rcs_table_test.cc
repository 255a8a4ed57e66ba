// Aspect-dependent RCS: bilinear interpolation in dBsm checked by hand, clamping beyond the axes,
// the aspect geometry (nose-on 0, beam 90, tail 180 deg, radar below -> negative elevation), and
// Validate's problems with their paths.
#include "iadsim/world/rcs_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace iadsim {
namespace {

// Azimuth nodes 0, 90, 180 deg; elevation nodes -30, 0, 30 deg.
RcsTable Table() {
  RcsTable t;
  t.azimuth_deg = {0.0, 90.0, 180.0};
  t.elevation_deg = {-30.0, 0.0, 30.0};
  t.dbsm = {{2.0, 12.0, 6.0},   // -30 deg
            {0.0, 10.0, 4.0},   //   0 deg
            {-2.0, 8.0, 2.0}};  // +30 deg
  return t;
}

double Db(double m2) { return 10.0 * std::log10(m2); }

TEST(RcsTable, NodesGiveTheirValues) {
  const RcsTable t = Table();
  EXPECT_TRUE(t.Validate().empty());
  EXPECT_NEAR(Db(t.RcsM2(0.0, 0.0)), 0.0, 1e-12);
  EXPECT_NEAR(t.RcsM2(90.0, 0.0), 10.0, 1e-9);  // 10 dBsm = 10 m^2
  EXPECT_NEAR(Db(t.RcsM2(180.0, 30.0)), 2.0, 1e-12);
  EXPECT_NEAR(Db(t.RcsM2(90.0, -30.0)), 12.0, 1e-12);
}

TEST(RcsTable, MidCellsInterpolateInDb) {
  const RcsTable t = Table();
  // Azimuth 45 deg at 0 deg elevation: (0 + 10) / 2 = 5 dBsm.
  EXPECT_NEAR(Db(t.RcsM2(45.0, 0.0)), 5.0, 1e-12);
  // Centre of the cell (45, 15): mean of 0, 10, -2, 8 = 4 dBsm.
  EXPECT_NEAR(Db(t.RcsM2(45.0, 15.0)), 4.0, 1e-12);
  // (135, -15): mean of 10, 4, 12, 6 = 8 dBsm.
  EXPECT_NEAR(Db(t.RcsM2(135.0, -15.0)), 8.0, 1e-12);
  // A quarter of the way: azimuth 22.5 at elevation 7.5:
  // row 0: 0 + 0.25 * 10 = 2.5; row 30: -2 + 0.25 * 10 = 0.5; 2.5 + 0.25 * (0.5 - 2.5) = 2.0 dBsm.
  EXPECT_NEAR(Db(t.RcsM2(22.5, 7.5)), 2.0, 1e-12);
}

TEST(RcsTable, ClampsBeyondTheAxesAndFoldsAzimuth) {
  const RcsTable t = Table();
  EXPECT_NEAR(Db(t.RcsM2(90.0, 60.0)), 8.0, 1e-12);   // above +30: the +30 row
  EXPECT_NEAR(Db(t.RcsM2(90.0, -80.0)), 12.0, 1e-12);  // below -30: the -30 row
  // Left-right symmetry: -45 deg and 315 deg are 45 deg; 270 deg is 90 deg.
  EXPECT_NEAR(Db(t.RcsM2(-45.0, 0.0)), 5.0, 1e-12);
  EXPECT_NEAR(Db(t.RcsM2(315.0, 0.0)), 5.0, 1e-12);
  EXPECT_NEAR(Db(t.RcsM2(270.0, 0.0)), 10.0, 1e-12);
  // A table with azimuth nodes 30..150 only holds its end values outside.
  RcsTable narrow;
  narrow.azimuth_deg = {30.0, 150.0};
  narrow.elevation_deg = {0.0};
  narrow.dbsm = {{1.0, 7.0}};
  EXPECT_NEAR(Db(narrow.RcsM2(0.0, 0.0)), 1.0, 1e-12);
  EXPECT_NEAR(Db(narrow.RcsM2(180.0, 45.0)), 7.0, 1e-12);
  EXPECT_NEAR(Db(narrow.RcsM2(90.0, 0.0)), 4.0, 1e-12);
}

// An aircraft at (lat 45, lon 10, 5 km) flying north at 200 m/s; the radar placed by ENU offsets.
Aspect AspectFromRadarAt(const Vec3& radar_enu) {
  const Geodetic ac{45.0, 10.0, 5000.0};
  const LocalFrame f(ac);
  const Vec3 p = EcefFromGeodetic(ac);
  const Vec3 v = f.EcefVectorFromEnu(Vec3(0.0, 200.0, 0.0));
  return AspectOf(ac, p, v, f.EcefFromEnu(radar_enu));
}

TEST(RcsTable, AspectGeometry) {
  // Dead ahead (north of a north-flying aircraft), level: nose-on, 0 deg.
  Aspect a = AspectFromRadarAt(Vec3(0.0, 20e3, 0.0));
  EXPECT_NEAR(a.azimuth_deg, 0.0, 1e-6);
  EXPECT_NEAR(a.elevation_deg, 0.0, 1e-6);
  // Abeam to the east and to the west: 90 deg.
  EXPECT_NEAR(AspectFromRadarAt(Vec3(20e3, 0.0, 0.0)).azimuth_deg, 90.0, 1e-6);
  EXPECT_NEAR(AspectFromRadarAt(Vec3(-20e3, 0.0, 0.0)).azimuth_deg, 90.0, 1e-6);
  // Behind: 180 deg.
  EXPECT_NEAR(AspectFromRadarAt(Vec3(0.0, -20e3, 0.0)).azimuth_deg, 180.0, 1e-6);
  // Ahead and 5 km below at 20 km: elevation -atan(5/20) = -14.036 deg.
  a = AspectFromRadarAt(Vec3(0.0, 20e3, -5e3));
  EXPECT_NEAR(a.elevation_deg, -14.0362435, 1e-6);
  EXPECT_NEAR(a.azimuth_deg, 0.0, 1e-6);
  // 45 deg off the nose to the north-east: 45 deg.
  EXPECT_NEAR(AspectFromRadarAt(Vec3(10e3, 10e3, 0.0)).azimuth_deg, 45.0, 1e-6);
}

bool HasPath(const Problems& ps, const std::string& path) {
  for (const Problem& p : ps)
    if (p.path == path) return true;
  return false;
}

TEST(RcsTable, ValidateFindsEveryProblemWithItsPath) {
  RcsTable hole = Table();
  hole.dbsm[1].pop_back();  // row too short
  EXPECT_TRUE(HasPath(hole.Validate(), "dbsm[1]"));

  RcsTable order = Table();
  order.azimuth_deg = {0.0, 90.0, 90.0};  // not increasing
  EXPECT_TRUE(HasPath(order.Validate(), "azimuths[2]"));
  order.elevation_deg = {-30.0, 10.0, 0.0};
  EXPECT_TRUE(HasPath(order.Validate(), "elevations[2]"));

  RcsTable nan = Table();
  nan.dbsm[2][1] = std::numeric_limits<double>::quiet_NaN();
  const Problems ps = nan.Validate();
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].path, "dbsm[2][1]");

  // Every problem, not only the first.
  RcsTable many = Table();
  many.dbsm[0].pop_back();
  many.dbsm[2][0] = std::numeric_limits<double>::infinity();
  many.azimuth_deg[0] = -5.0;
  EXPECT_EQ(many.Validate().size(), 3u);
}

}  // namespace
}  // namespace iadsim
