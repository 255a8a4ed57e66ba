#include "iadsim/geodesy/intercept_time.h"

#include <gtest/gtest.h>

namespace iadsim {
namespace {

TEST(InterceptTime, HeadOnCrossingEqualSpeedAndUncatchable) {
  // Head-on at 60 km, closing 300 + 1200 m/s: 40 s.
  EXPECT_NEAR(*InterceptTime({60e3, 0, 0}, {-300, 0, 0}, 1200.0), 40.0, 1e-9);
  // 3-4-5 triangle: target 40 km north moving east at 300 m/s, pursuer 500 m/s -> 100 s.
  EXPECT_NEAR(*InterceptTime({0, 40e3, 0}, {300, 0, 0}, 500.0), 100.0, 1e-9);
  // Equal speeds, head-on at 10 km: 10e3 / (2 * 500) = 10 s (the linear case).
  EXPECT_NEAR(*InterceptTime({10e3, 0, 0}, {-500, 0, 0}, 500.0), 10.0, 1e-9);
  // A faster target running away, and an equal-speed one running away: never.
  EXPECT_FALSE(InterceptTime({10e3, 0, 0}, {600, 0, 0}, 500.0));
  EXPECT_FALSE(InterceptTime({10e3, 0, 0}, {500, 0, 0}, 500.0));
}

}  // namespace
}  // namespace iadsim
