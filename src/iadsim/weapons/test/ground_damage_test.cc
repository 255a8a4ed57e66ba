// Ground damage: Pk = 1 − 2^(−(r/CEP)²) at hand-computed points, and the Monte Carlo frequency of
// |miss| <= r over 10,000 seeded circular-normal misses inside its 99 % Wilson interval.
#include "iadsim/weapons/ground_damage.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

TEST(GroundDamage, ClosedFormAtHandPoints) {
  EXPECT_NEAR(CircularNormalKillProbability(10.0, 10.0), 0.5, 1e-15);
  EXPECT_NEAR(CircularNormalKillProbability(20.0, 10.0), 0.9375, 1e-15);  // 1 − 2^−4
  EXPECT_NEAR(CircularNormalKillProbability(5.0, 10.0), 1.0 - std::pow(2.0, -0.25), 1e-15);
  EXPECT_NEAR(CircularNormalKillProbability(5.0, 10.0), 0.1591035847, 1e-9);
  EXPECT_NEAR(CircularNormalKillProbability(30.0, 10.0), 1.0 - 1.0 / 512.0, 1e-15);  // 1 − 2^−9
  EXPECT_EQ(CircularNormalKillProbability(0.0, 10.0), 0.0);
  EXPECT_EQ(CircularNormalKillProbability(1.0, 0.0), 1.0);
  // Small r: Pk ≈ ln 2 · (r/CEP)² (no cancellation).
  EXPECT_NEAR(CircularNormalKillProbability(1e-6, 1.0) / 1e-12, std::log(2.0), 1e-9);
}

TEST(GroundDamage, CookieCutter) {
  EXPECT_TRUE(CookieCutterKill(14.9, 15.0));
  EXPECT_TRUE(CookieCutterKill(15.0, 15.0));
  EXPECT_FALSE(CookieCutterKill(15.01, 15.0));
}

// 99 % Wilson score interval of a binomial proportion (z = 2.5758).
struct Interval {
  double lo, hi;
};
Interval Wilson(int successes, int n) {
  const double z = 2.5758, p = static_cast<double>(successes) / n;
  const double centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
  const double half = z * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / (1.0 + z * z / n);
  return {centre - half, centre + half};
}

TEST(GroundDamage, MonteCarloFrequencyInsideWilsonInterval) {
  const double cep = 12.0;
  const int n = 10000;
  for (const double ratio : {0.5, 1.0, 2.0}) {
    const double r = ratio * cep;
    RandomStream rng(RandomStream(99).Derive("miss", static_cast<std::uint64_t>(ratio * 10)));
    int kills = 0;
    for (int i = 0; i < n; ++i)
      if (CookieCutterKill(DrawCircularNormalMiss(cep, rng).norm(), r)) ++kills;
    const Interval ci = Wilson(kills, n);
    const double pk = 1.0 - std::pow(2.0, -ratio * ratio);  // 0.1591, 0.5, 0.9375
    EXPECT_LE(ci.lo, pk) << "r/CEP " << ratio << " kills " << kills;
    EXPECT_GE(ci.hi, pk) << "r/CEP " << ratio << " kills " << kills;
  }
}

TEST(GroundDamage, EachAxisHasSigmaOfTheCircularNormal) {
  // Σ (e² + n²) / σ² over n draws is χ² with 2n degrees of freedom; 99 % interval by the
  // Wilson–Hilferty approximation k (1 − 2/(9k) ± z √(2/(9k)))³.
  const double cep = 30.0, sigma = cep / std::sqrt(2.0 * std::log(2.0));  // 25.4797 m
  const int n = 10000;
  RandomStream rng(4242);
  double sum = 0.0, sum_e = 0.0, sum_en = 0.0;
  for (int i = 0; i < n; ++i) {
    const Vec2 m = DrawCircularNormalMiss(cep, rng);
    sum += m.squaredNorm() / (sigma * sigma);
    sum_e += m.x();
    sum_en += m.x() * m.y();
  }
  const double k = 2.0 * n, z = 2.5758, c = 2.0 / (9.0 * k);
  EXPECT_GT(sum, k * std::pow(1.0 - c - z * std::sqrt(c), 3));
  EXPECT_LT(sum, k * std::pow(1.0 - c + z * std::sqrt(c), 3));
  // Mean east ~ N(0, σ²/n) and the east-north product ~ (0, σ⁴/n): no bias, no correlation.
  EXPECT_LT(std::abs(sum_e / n), z * sigma / std::sqrt(n));
  EXPECT_LT(std::abs(sum_en / n), z * sigma * sigma / std::sqrt(n));
}

}  // namespace
}  // namespace iadsim
