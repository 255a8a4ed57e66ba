#include "iadsim/io/truth_csv.h"

#include <gtest/gtest.h>

#include <regex>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

// The problems of a rejected text, one per line.
std::string Rejection(const std::string& text) {
  try {
    ParseTruthCsv(text, "t.csv");
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(TruthCsv, ReadsValuesInAnyColumnOrder) {
  // CRLF, spaces around fields, an extra column, columns permuted, a blank line.
  const StateTable t = ParseTruthCsv(
      "target_id, time ,x,y,vx,vy,label\r\n"
      "7,0.5,100.25,-200.5,10,-2.5,a\r\n"
      "\r\n"
      "8, 0.5 ,1e3,0,0,0,b\r\n"
      "7,1.5,110.25,-203,10,-2.5,a\r\n",
      "t.csv");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_FALSE(t.has_z);
  EXPECT_EQ(t.rows[0].id, 7);
  EXPECT_EQ(t.rows[0].time_s, 0.5);
  EXPECT_EQ(t.rows[0].p_m, Eigen::Vector3d(100.25, -200.5, 0));
  EXPECT_EQ(t.rows[0].v_mps, Eigen::Vector3d(10, -2.5, 0));
  EXPECT_EQ(t.rows[1].p_m.x(), 1000.0);
  EXPECT_EQ(t.rows[2].time_s, 1.5);
}

TEST(TruthCsv, ReadsZ) {
  const StateTable t = ParseTruthCsv("time,target_id,x,y,vx,vy,z,vz\n0,1,1,2,3,4,5,6\n", "t.csv");
  EXPECT_TRUE(t.has_z);
  EXPECT_EQ(t.rows[0].p_m, Eigen::Vector3d(1, 2, 5));
  EXPECT_EQ(t.rows[0].v_mps, Eigen::Vector3d(3, 4, 6));
}

TEST(TruthCsv, RejectsBadInputWithPlace) {
  EXPECT_EQ(Rejection(""), "t.csv:1:1: (file): is empty: expected the header time,target_id,x,y,vx,vy");
  EXPECT_TRUE(std::regex_search(Rejection("time,target_id,x,y,vx\n0,1,0,0,0\n"),
                                std::regex(R"(^t\.csv:1:1: \(header\): missing column 'vy')")));
  EXPECT_EQ(Rejection("time,target_id,x,y,vx,vy,z\n"),
            "t.csv:1:1: (header): columns 'z' and 'vz' go together: give both or neither");
  EXPECT_EQ(Rejection("time,target_id,x,y,vx,vy\n0,1,abc,0,0,0\n"), "t.csv:2:5: x: not a number (got 'abc')");
  EXPECT_EQ(Rejection("time,target_id,x,y,vx,vy\n0,1,0,NaN,0,0\n"), "t.csv:2:7: y: must be a finite number (got 'NaN')");
  EXPECT_EQ(Rejection("time,target_id,x,y,vx,vy\n0,1.5,0,0,0,0\n"),
            "t.csv:2:3: target_id: must be a whole number (got '1.5')");
  EXPECT_EQ(Rejection("time,target_id,x,y,vx,vy\n2,1,0,0,0,0\n1,1,0,0,0,0\n"),
            "t.csv:3:1: time: time goes backwards (got 1 after 2); rows must be in time order");
  EXPECT_EQ(Rejection("time,target_id,x,y,vx,vy\n2,1,0,0,0,0\n2,1,5,0,0,0\n"),
            "t.csv:3:3: target_id: target_id 1 appears twice at time 2");
  EXPECT_EQ(Rejection("time,target_id,x,y,vx,vy\n0,1,0,0,0\n"), "t.csv:2:1: (row): expected 6 fields as in the header, got 5");
}

TEST(TruthCsv, ReportsEveryProblem) {
  const std::string r = Rejection("time,target_id,x,y,vx,vy\n0,1,a,0,0,0\n1,2,0,0,inf,0\n2,3,0,0,0,0\n");
  EXPECT_EQ(r, "t.csv:2:5: x: not a number (got 'a')\nt.csv:3:9: vx: must be a finite number (got 'inf')");
}

TEST(TruthCsv, MissingFile) {
  try {
    ReadTruthCsv("/nonexistent/truth.csv");
    FAIL() << "accepted a missing file";
  } catch (const ScenarioError& e) {
    EXPECT_TRUE(std::regex_search(e.what(), std::regex(R"(^/nonexistent/truth\.csv:1:1: \(file\): cannot read the file: No such file)")));
  }
}

TEST(TruthCsv, WriterRoundTrips) {
  KinematicSample s;
  s.time_s = 12.25;
  s.id = 42;
  s.p_m = {1234.5678, -9.25, 300.125};
  s.v_mps = {-250.5, 0.125, 2.0};
  const std::string text = StateCsvHeader(kTruthIdColumn, true) + StateCsvRow(s, true);
  EXPECT_EQ(text, "time,target_id,x,y,vx,vy,z,vz\n12.250000,42,1234.568,-9.250,-250.500,0.125,300.125,2.000\n");
  const StateTable t = ParseTruthCsv(text, "t.csv");
  EXPECT_NEAR((t.rows[0].p_m - s.p_m).norm(), 0.0, 1e-3);
  EXPECT_EQ(t.rows[0].v_mps, s.v_mps);
}

}  // namespace
}  // namespace iadsim
