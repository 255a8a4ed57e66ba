#include "iadsim/tracking/gospa.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/ospa.h"

namespace iadsim {
namespace {

using Points = std::vector<Eigen::Vector3d>;

Eigen::Vector3d P(double x, double y = 0.0, double z = 0.0) { return {x, y, z}; }

GospaConfig Config(double c, double p, double alpha = 2.0) { return {c, p, alpha}; }

// The task's worked values (c = 10, p = 2).
TEST(Gospa, WorkedValues) {
  const GospaResult a = Gospa({P(0)}, {}, Config(10, 2));
  EXPECT_NEAR(a.distance_m, 7.0711, 0.005);  // sqrt(100 / 2)
  EXPECT_EQ(a.missed, 1);
  EXPECT_EQ(a.false_tracks, 0);
  EXPECT_DOUBLE_EQ(a.missed_mp, 50.0);
  const GospaResult b = Gospa({P(0), P(100)}, {P(1)}, Config(10, 2));
  EXPECT_NEAR(b.distance_m, 7.1414, 0.005);  // sqrt(1 + 50)
  EXPECT_EQ(b.matched, 1);
  EXPECT_EQ(b.missed, 1);
  EXPECT_DOUBLE_EQ(b.localisation_mp, 1.0);
  EXPECT_DOUBLE_EQ(b.missed_mp, 50.0);
  EXPECT_DOUBLE_EQ(b.false_mp, 0.0);
}

TEST(Gospa, HandComputedCases) {
  EXPECT_EQ(Gospa({}, {}, Config(10, 2)).distance_m, 0.0);
  // A 3-4-5 triangle: pure localisation.
  EXPECT_DOUBLE_EQ(Gospa({P(0, 0)}, {P(3, 4)}, Config(10, 2)).distance_m, 5.0);
  // 3-D, p = 1: |(1, 2, 2)| = 3.
  EXPECT_DOUBLE_EQ(Gospa({P(1, 2, 2)}, {P(0)}, Config(10, 1)).distance_m, 3.0);
  // Farther than c: one missed and one false, sqrt(50 + 50) = 10.
  const GospaResult far = Gospa({P(0)}, {P(12)}, Config(10, 2));
  EXPECT_DOUBLE_EQ(far.distance_m, 10.0);
  EXPECT_EQ(far.matched, 0);
  EXPECT_EQ(far.missed, 1);
  EXPECT_EQ(far.false_tracks, 1);
  // One false track only: X = {}, Y = {0, 3}, c = 4, p = 2 -> sqrt(2 * 16 / 2) = 4.
  const GospaResult f = Gospa({}, {P(0), P(3)}, Config(4, 2));
  EXPECT_DOUBLE_EQ(f.distance_m, 4.0);
  EXPECT_EQ(f.false_tracks, 2);
}

// The matching must not maximise the number of pairs: x1 = y1 = 0, y2 = 9, x2 = -9, c = 10, p = 1.
// Two pairs cost 9 + 9 = 18; one exact pair and a missed + false cost 0 + 5 + 5 = 10.
TEST(Gospa, PrefersFewerCheaperPairs) {
  const GospaResult r = Gospa({P(0), P(-9)}, {P(0), P(9)}, Config(10, 1));
  EXPECT_DOUBLE_EQ(r.distance_m, 10.0);
  EXPECT_EQ(r.matched, 1);
  EXPECT_EQ(r.missed, 1);
  EXPECT_EQ(r.false_tracks, 1);
  // OSPA (p = 1): full assignment {0-0, -9 to 9 cut at 10} = 10, over m = 2 -> 5.
  EXPECT_DOUBLE_EQ(Ospa({P(0), P(-9)}, {P(0), P(9)}, 10, 1).distance_m, 5.0);
}

TEST(Gospa, AlphaOtherThanTwo) {
  // alpha = 1: the cardinality mismatch costs c^p, not c^p / 2.
  const GospaResult a = Gospa({P(0)}, {}, Config(10, 2, 1.0));
  EXPECT_DOUBLE_EQ(a.distance_m, 10.0);
  EXPECT_FALSE(a.decomposed);
  EXPECT_NEAR(Gospa({P(0), P(100)}, {P(1)}, Config(10, 2, 1.0)).distance_m, std::sqrt(101.0), 1e-12);
  // With alpha != 2 a far pair is assigned at c^p: X = {0}, Y = {50}, c = 10, p = 2 -> 10.
  EXPECT_DOUBLE_EQ(Gospa({P(0)}, {P(50)}, Config(10, 2, 1.0)).distance_m, 10.0);
}

// Brute force over every injection of the smaller set into the larger, straight from the
// definitions (GOSPA Def. 1 with any alpha, OSPA), on random small sets.
double BruteForce(const Points& x, const Points& y, double c, double p, double alpha, bool ospa) {
  const Points& s = x.size() <= y.size() ? x : y;
  const Points& l = x.size() <= y.size() ? y : x;
  if (l.empty()) return 0.0;
  std::vector<int> perm(l.size());
  std::iota(perm.begin(), perm.end(), 0);
  double best = std::numeric_limits<double>::infinity();
  do {
    double sum = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) sum += std::pow(std::min((s[i] - l[perm[i]]).norm(), c), p);
    best = std::min(best, sum);
  } while (std::next_permutation(perm.begin(), perm.end()));
  const double card = static_cast<double>(l.size() - s.size());
  if (ospa) return std::pow((best + std::pow(c, p) * card) / l.size(), 1.0 / p);
  return std::pow(best + std::pow(c, p) / alpha * card, 1.0 / p);
}

TEST(Gospa, MatchesBruteForceOnRandomSets) {
  RandomStream rng(20171127);
  for (int trial = 0; trial < 300; ++trial) {
    const int n = static_cast<int>(rng.Below(6));
    const int m = static_cast<int>(rng.Below(6));
    Points x, y;
    for (int i = 0; i < n; ++i) x.push_back(P(rng.Uniform(0, 30), rng.Uniform(0, 30)));
    for (int j = 0; j < m; ++j) y.push_back(P(rng.Uniform(0, 30), rng.Uniform(0, 30)));
    const double c = rng.Uniform(2, 20);
    const double p = 1.0 + rng.Below(3);
    for (double alpha : {2.0, 1.0, 0.5}) {
      const GospaResult g = Gospa(x, y, Config(c, p, alpha));
      EXPECT_NEAR(g.distance_m, BruteForce(x, y, c, p, alpha, false), 1e-9) << trial;
      if (alpha == 2.0) {
        EXPECT_NEAR(std::pow(g.distance_m, p), g.localisation_mp + g.missed_mp + g.false_mp, 1e-9);
      }
    }
    EXPECT_NEAR(Ospa(x, y, c, p).distance_m, BruteForce(x, y, c, p, 2.0, true), 1e-9) << trial;
  }
}

}  // namespace
}  // namespace iadsim
