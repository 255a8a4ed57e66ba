#include "iadsim/io/tracks_csv.h"

#include <gtest/gtest.h>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

TEST(TracksCsv, ReadsTrackIdAndAllowsNoRows) {
  const StateTable t = ParseTracksCsv("time,track_id,x,y,vx,vy,status\n3,12,5,6,7,8,confirmed\n", "k.csv");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].id, 12);
  EXPECT_EQ(t.rows[0].p_m, Eigen::Vector3d(5, 6, 0));
  EXPECT_TRUE(ParseTracksCsv("time,track_id,x,y,vx,vy\n", "k.csv").rows.empty());  // a tracker that made none
}

TEST(TracksCsv, WantsTrackIdNotTargetId) {
  try {
    ParseTracksCsv("time,target_id,x,y,vx,vy\n", "k.csv");
    FAIL() << "accepted a truth header as tracks";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].path, "(header)");
    EXPECT_EQ(e.problems()[0].line, 1);
    EXPECT_NE(e.problems()[0].message.find("missing column 'track_id'"), std::string::npos);
  }
}

}  // namespace
}  // namespace iadsim
