#include "iadsim/tracking/ospa.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

Eigen::Vector3d P(double x, double y = 0.0) { return {x, y, 0.0}; }

TEST(Ospa, WorkedValues) {
  EXPECT_NEAR(Ospa({P(0)}, {}, 10, 2).distance_m, 10.0, 0.005);
  const OspaResult r = Ospa({P(0), P(100)}, {P(1)}, 10, 2);
  EXPECT_NEAR(r.distance_m, 7.1063, 0.005);  // sqrt((1 + 100) / 2)
  EXPECT_NEAR(r.localisation_m, std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(r.cardinality_m, std::sqrt(50.0), 1e-12);
}

TEST(Ospa, HandComputedCases) {
  EXPECT_EQ(Ospa({}, {}, 10, 2).distance_m, 0.0);
  EXPECT_DOUBLE_EQ(Ospa({}, {P(1), P(2)}, 10, 2).distance_m, 10.0);  // one set empty -> c
  EXPECT_DOUBLE_EQ(Ospa({P(0)}, {P(3, 4)}, 10, 1).distance_m, 5.0);
  // Symmetric, and bounded by c: X = {0, 6}, Y = {0}, c = 4, p = 1 -> (0 + 4) / 2 = 2.
  EXPECT_DOUBLE_EQ(Ospa({P(0), P(6)}, {P(0)}, 4, 1).distance_m, 2.0);
  EXPECT_DOUBLE_EQ(Ospa({P(0)}, {P(0), P(6)}, 4, 1).distance_m, 2.0);
  // Two pairs at 3 and 4 (p = 2, c = 10): sqrt((9 + 16) / 2).
  EXPECT_DOUBLE_EQ(Ospa({P(0), P(100)}, {P(0, 3), P(104)}, 10, 2).distance_m, std::sqrt(12.5));
}

}  // namespace
}  // namespace iadsim
