#include "iadsim/core/rng.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace iadsim {
namespace {

// Known-answer vectors of Random123 (kat_vectors, philox4x32 with 10 rounds).
TEST(Philox, MatchesRandom123KnownAnswers) {
  auto zero = Philox4x32_10({0, 0, 0, 0}, {0, 0});
  EXPECT_EQ(zero, (std::array<std::uint32_t, 4>{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  auto ones = Philox4x32_10({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff});
  EXPECT_EQ(ones, (std::array<std::uint32_t, 4>{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  auto pi = Philox4x32_10({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0});
  EXPECT_EQ(pi, (std::array<std::uint32_t, 4>{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

TEST(RandomStream, SameNamesSameDrawsOtherNamesOtherDraws) {
  RandomStream a(42, 0, "radar-1", "detection"), b(42, 0, "radar-1", "detection");
  RandomStream c(42, 0, "radar-2", "detection"), d(42, 1, "radar-1", "detection");
  RandomStream e(43, 0, "radar-1", "detection");
  for (int i = 0; i < 100; ++i) {
    const auto x = a.NextU64();
    EXPECT_EQ(x, b.NextU64());
    EXPECT_NE(x, c.NextU64());
    EXPECT_NE(x, d.NextU64());
    EXPECT_NE(x, e.NextU64());
  }
}

// Moments of the distributions against their closed forms, within 5 standard errors.
TEST(RandomStream, MomentsMatchClosedForms) {
  RandomStream s(7, 0, "test", "moments");
  constexpr int kN = 200000;
  double su = 0, suu = 0, sn = 0, snn = 0, se = 0, sp = 0;
  for (int i = 0; i < kN; ++i) {
    const double u = s.Uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    su += u;
    suu += u * u;
    const double n = s.StandardNormal();
    sn += n;
    snn += n * n;
    se += s.Exponential(2.0);
    sp += static_cast<double>(s.Poisson(3.5));
  }
  EXPECT_NEAR(su / kN, 0.5, 5 * std::sqrt(1.0 / 12 / kN));
  EXPECT_NEAR(suu / kN, 1.0 / 3.0, 5 * std::sqrt((1.0 / 5 - 1.0 / 9) / kN));
  EXPECT_NEAR(sn / kN, 0.0, 5 * std::sqrt(1.0 / kN));
  EXPECT_NEAR(snn / kN, 1.0, 5 * std::sqrt(2.0 / kN));
  EXPECT_NEAR(se / kN, 2.0, 5 * 2.0 / std::sqrt(kN));
  EXPECT_NEAR(sp / kN, 3.5, 5 * std::sqrt(3.5 / kN));
}

TEST(RandomStream, BelowIsUniform) {
  RandomStream s(9, 0, "test", "below");
  std::vector<int> counts(7, 0);
  constexpr int kN = 70000;
  for (int i = 0; i < kN; ++i) ++counts[s.Below(7)];
  // Pearson chi-square, 6 degrees of freedom; 99.9th percentile = 22.46.
  double chi2 = 0;
  for (int c : counts) chi2 += (c - kN / 7.0) * (c - kN / 7.0) / (kN / 7.0);
  EXPECT_LT(chi2, 22.46);
}

}  // namespace
}  // namespace iadsim
