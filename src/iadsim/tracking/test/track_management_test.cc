#include "iadsim/tracking/track_management.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

TEST(TrackManagement, WaldThresholds) {
  // alpha = 0.01, beta = 0.1: ln(0.9 / 0.01) = ln 90 and ln(0.1 / 0.99) (hand/calculator values).
  EXPECT_NEAR(SprtConfirmThreshold(0.01, 0.1), 4.499809670330265, 1e-12);
  EXPECT_NEAR(SprtDeleteThreshold(0.01, 0.1), -2.2925347571405443, 1e-12);
  EXPECT_NEAR(SprtConfirmThreshold(1e-6, 0.05), std::log(0.95e6), 1e-12);
}

TEST(TrackManagement, IncrementsAndQuality) {
  // Pd 0.9, lambda 1e-6 /m^2, S = diag(100, 100) m^2 (ln|S| = ln 1e4), d^2 = 1, M = 2:
  // ln 0.9 - ln 2pi - ln 1e4 / 2 - ln 1e-6 - 1/2 = 6.767102789909011.
  EXPECT_NEAR(HitScoreIncrement(0.9, 1e-6, 1.0, std::log(1e4), 2), 6.767102789909011, 1e-12);
  EXPECT_NEAR(MissScoreIncrement(0.9, 0.99), std::log(1 - 0.891), 1e-12);  // -2.21640739...
  EXPECT_NEAR(TrackQuality(2.0), 0.8807970779778823, 1e-15);
  EXPECT_NEAR(TrackQuality(-800.0), 0.0, 1e-300);
  EXPECT_DOUBLE_EQ(TrackQuality(0.0), 0.5);
}

TEST(TrackManagement, MofN) {
  TrackManagementConfig c;
  c.confirm_m = 3;
  c.confirm_n = 5;
  c.delete_misses = 4;
  {  // H M H M H: 3 hits in 5 scans -> confirmed on the 5th
    TrackLifecycle t(c, 1e-6);
    t.Miss(0); t.Hit(0); t.Miss(0);
    EXPECT_FALSE(t.confirmed());
    t.Hit(0);
    EXPECT_TRUE(t.confirmed());
  }
  {  // H M M M: 1 hit + 1 scan left < 3 -> deleted at the 4th scan
    TrackLifecycle t(c, 1e-6);
    t.Miss(0); t.Miss(0);
    EXPECT_FALSE(t.deleted());
    t.Miss(0);
    EXPECT_TRUE(t.deleted());
  }
  {  // confirmed, then deleted after exactly 4 consecutive misses (a hit resets the count)
    TrackLifecycle t(c, 1e-6);
    t.Hit(0); t.Hit(0);
    ASSERT_TRUE(t.confirmed());
    t.Miss(0); t.Miss(0); t.Miss(0); t.Hit(0);
    t.Miss(0); t.Miss(0); t.Miss(0);
    EXPECT_FALSE(t.deleted());
    t.Miss(0);
    EXPECT_TRUE(t.deleted());
  }
}

TEST(TrackManagement, ScoreLogic) {
  TrackManagementConfig c;
  c.logic = ConfirmLogic::kScore;
  c.alpha = 0.01;
  c.beta = 0.1;
  c.new_target_density = 1e-7;
  c.delete_misses = 100;
  TrackLifecycle t(c, 1e-6);  // L0 = ln(0.1) = -2.302585 <= T_d = -2.29253: deleted at once
  EXPECT_TRUE(t.deleted());
  c.new_target_density = 1e-6;  // L0 = 0
  TrackLifecycle u(c, 1e-6);
  EXPECT_FALSE(u.deleted());
  u.Hit(4.4);  // 4.4 < 4.4998
  EXPECT_FALSE(u.confirmed());
  u.Hit(0.1);  // 4.5 >= 4.4998
  EXPECT_TRUE(u.confirmed());
  u.Hit(1.0);  // peak 5.5
  u.Miss(-2.2);
  EXPECT_FALSE(u.deleted());  // score 3.3, 2.2 below the peak 5.5: not yet 2.2925
  u.Miss(-0.1);  // drop 2.3 >= 2.2925
  EXPECT_TRUE(u.deleted());
}

TEST(TrackManagement, ValidateReportsEveryProblem) {
  TrackManagementConfig c;
  c.confirm_m = 0;
  c.confirm_n = 40;
  c.alpha = 0.7;
  EXPECT_EQ(c.Validate().size(), 3u);
}

}  // namespace
}  // namespace iadsim
