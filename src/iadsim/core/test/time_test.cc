#include "iadsim/core/time.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "iadsim/core/angle.h"
#include "iadsim/core/error.h"

namespace iadsim {
namespace {

TEST(SimTime, IntegerMicrosecondsRoundTrip) {
  const SimTime t = SimTime::Seconds(1.5);
  EXPECT_EQ(t.micros(), 1'500'000);
  EXPECT_EQ((t + Duration::Millis(250)).micros(), 1'750'000);
  EXPECT_EQ((SimTime::Seconds(3.0) - t).micros(), 1'500'000);
  // 0.1 s added ten times is exactly 1 s: no floating-point drift.
  SimTime u;
  for (int i = 0; i < 10; ++i) u += Duration::Seconds(0.1);
  EXPECT_EQ(u, SimTime::Seconds(1.0));
}

// The inline rounding equals std::llround: halves, the doubles next to them, both signs, large,
// and 1,000,000 seeded values over 24 orders of magnitude.
TEST(SimTime, RoundingIsLlround) {
  std::vector<double> xs = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                            1e15 + 0.5, -1e15 - 0.5, 4503599627370495.5, -4503599627370495.5, 9007199254740991.0,
                            9007199254740992.0, 1e18, -1e18};
  for (const double x : {0.5, 1.5, 2.5, 1234.5, 1e9 + 0.5}) {
    xs.push_back(std::nextafter(x, 0.0));
    xs.push_back(std::nextafter(x, 1e300));
    xs.push_back(-std::nextafter(x, 0.0));
  }
  std::mt19937_64 gen(2026);
  std::uniform_real_distribution<double> exponent(-6.0, 18.0), unit(-1.0, 1.0);
  for (int i = 0; i < 1000000; ++i) xs.push_back(unit(gen) * std::pow(10.0, exponent(gen)));
  for (const double x : xs) ASSERT_EQ(time_detail::RoundToInt64(x), std::llround(x)) << x;
}

TEST(Angle, WrapsAndConverts) {
  EXPECT_DOUBLE_EQ(Angle::Degrees(180).rad(), 3.141592653589793);
  EXPECT_NEAR(WrapPi(Angle::Degrees(350).rad()), Angle::Degrees(-10).rad(), 1e-12);
  EXPECT_NEAR(WrapTwoPi(Angle::Degrees(-90).rad()), Angle::Degrees(270).rad(), 1e-12);
  EXPECT_NEAR(DbToLinear(30.0), 1000.0, 1e-9);
}

TEST(Problem, FormatsFileLineColumnPath) {
  Problem p{"units[0].sensors[1].max_range", "must be > 0 (got -5 km)", "raid.yaml", 42, 7};
  EXPECT_EQ(p.ToString(), "raid.yaml:42:7: units[0].sensors[1].max_range: must be > 0 (got -5 km)");
  ScenarioError e({p, Problem{"x", "bad", "", 0, 0}});
  EXPECT_EQ(e.problems().size(), 2u);
}

}  // namespace
}  // namespace iadsim
