#include "iadsim/io/detections_csv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

namespace iadsim {
namespace {

std::vector<std::string> Messages(const std::string& text, const DetectionsCsvOptions& o = {}) {
  std::vector<std::string> out;
  try {
    ParseDetectionsCsv(text, "d.csv", o);
  } catch (const ScenarioError& e) {
    for (const Problem& p : e.problems()) out.push_back(p.ToString());
  }
  return out;
}

TEST(DetectionsCsv, Cartesian2DGroupsScansByTimeAndSensor) {
  DetectionsCsvOptions o;
  o.sigma_m = 30;
  const auto d = ParseDetectionsCsv(
      "time,sensor_id,x,y\n0,2,1,2\n0,1,3,4\n0,2,5,6\n\n1.5,1,7,8\r\n", "d.csv", o);
  EXPECT_EQ(d.dims, 2);
  EXPECT_EQ(d.rows, 4);
  ASSERT_EQ(d.scans.size(), 3u);  // (0, s1), (0, s2), (1.5, s1)
  EXPECT_EQ(d.scans[0].size(), 1u);
  EXPECT_EQ(d.scans[0][0].sensor_id, 1);
  ASSERT_EQ(d.scans[1].size(), 2u);
  EXPECT_EQ(d.scans[1][1].z[0], 5.0);
  EXPECT_EQ(d.scans[2][0].time_s, 1.5);
  EXPECT_EQ(d.scans[2][0].z[1], 8.0);
  EXPECT_DOUBLE_EQ(d.scans[2][0].R(0, 0), 900.0);
}

// Polar: sensor at (1000, 2000, 0); r = 10 km, az = 90 deg (east), el = 0 -> (11000, 2000, 0).
// Covariance J R J^T at that point: x-x = sigma_r^2 = 2500; y-y = (r sigma_az)^2 =
// (10000 * 0.2 * pi / 180)^2 = 1218.4696...; z-z = (r sigma_el)^2, the same.
TEST(DetectionsCsv, PolarConvertedWithLinearisedCovariance) {
  DetectionsCsvOptions o;
  o.range_sigma_m = 50;
  o.angle_sigma_deg = 0.2;
  o.sensor_positions_m[4] = Eigen::Vector3d(1000, 2000, 0);
  const auto d = ParseDetectionsCsv("time,sensor_id,range,azimuth,elevation\n0,4,10000,90,0\n", "d.csv", o);
  ASSERT_EQ(d.scans.size(), 1u);
  const Measurement& m = d.scans[0][0];
  EXPECT_EQ(m.kind, MeasurementKind::kCartesian3D);
  EXPECT_NEAR(m.z[0], 11000, 1e-9);
  EXPECT_NEAR(m.z[1], 2000, 1e-9);
  EXPECT_NEAR(m.z[2], 0, 1e-9);
  EXPECT_NEAR(m.R(0, 0), 2500, 1e-9);
  EXPECT_NEAR(m.R(1, 1), 1218.469679146, 1e-6);
  EXPECT_NEAR(m.R(2, 2), 1218.469679146, 1e-6);
  EXPECT_NEAR(m.R(0, 1), 0, 1e-9);
}

// Geodetic: origin = first row; 0.001 deg of latitude north at the equator, 150 m up: the meridian
// radius of curvature there is M = a (1 - e^2) = 6335439.3 m (WGS-84), so the arc is
// (M + 150) * 0.001 * pi / 180 = 110.57689 m; up = 50 m less the drop 110.6^2 / (2 R) = 1 mm.
TEST(DetectionsCsv, GeodeticToEnuAtFirstRow) {
  const auto d = ParseDetectionsCsv("time,sensor_id,lat,lon,alt\n0,1,0,10,100\n1,1,0.001,10,150\n", "d.csv", {});
  ASSERT_EQ(d.scans.size(), 2u);
  EXPECT_NEAR(d.scans[0][0].z.norm(), 0.0, 1e-6);
  EXPECT_NEAR(d.scans[1][0].z[0], 0.0, 1e-3);
  EXPECT_NEAR(d.scans[1][0].z[1], 110.57689, 1e-4);
  EXPECT_NEAR(d.scans[1][0].z[2], 50.0 - 0.00096, 2e-4);
  EXPECT_EQ(d.origin.lon_deg, 10.0);
}

TEST(DetectionsCsv, BadInputNamesFileLineColumn) {
  EXPECT_EQ(Messages("time,sensor,x,y\n0,1,2,3\n").at(0).substr(0, 23), "d.csv:1:1: header: unkn");
  const auto m = Messages("time,sensor_id,x,y\n0,1,2,3\n1,1,abc,3\n2,1,nan,3\n3,1,4\n5,1,1,1\n4,1,5,6\n6,1.5,1,1\n");
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0], "d.csv:3:5: x: not a number: \"abc\"");
  EXPECT_EQ(m[1], "d.csv:4:5: x: must be finite (got nan)");
  EXPECT_EQ(m[2], "d.csv:5:6: y: expected 4 columns (time,sensor_id,x,y), got 3");
  EXPECT_EQ(m[3], "d.csv:7:1: time: time goes backwards (4 s after 5 s on an earlier row)");
  EXPECT_EQ(m[4], "d.csv:8:3: sensor_id: must be an integer (got 1.5)");
  EXPECT_EQ(Messages("").at(0).substr(0, 10), "d.csv:1:1:");
  EXPECT_EQ(Messages("time,sensor_id,range,azimuth,elevation\n0,9,1,2,3\n").at(0),
            "d.csv:2:3: sensor_id: no position for sensor 9 (polar detections need sensors: in the config)");
}

TEST(DetectionsCsv, TracksCsvIsExactAndDeterministic) {
  TrackEstimate t;
  t.time_s = 2.5;
  t.id = 17;
  t.position_m = Eigen::Vector3d(0.1, -1234.5678901234567, 3);
  t.velocity_mps = Eigen::Vector3d(1e-20, 250, -1);
  EXPECT_EQ(TracksCsvHeader(2), "time,track_id,x,y,vx,vy\n");
  EXPECT_EQ(TracksCsvRow(2, t), "2.5,17,0.1,-1234.5678901234567,1e-20,250\n");
  EXPECT_EQ(TracksCsvRow(3, t), "2.5,17,0.1,-1234.5678901234567,3,1e-20,250,-1\n");
  // Read back: the same doubles.
  EXPECT_EQ(std::stod("-1234.5678901234567"), t.position_m.y());
}

}  // namespace
}  // namespace iadsim
