// AppendFixed against two independent writers, fmt's "{:.nf}" and C's printf("%.*f"), string for
// string: random bit patterns of every magnitude, the run files' ranges, exact ties and the edges.
#include "iadsim/io/fixed_decimal.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

namespace iadsim {
namespace {

void ExpectSameText(double v, int decimals) {
  std::string ours;
  AppendFixed(v, decimals, ours);
  char printf_text[512];
  std::snprintf(printf_text, sizeof printf_text, "%.*f", decimals, v);
  ASSERT_EQ(ours, fmt::format("{:.{}f}", v, decimals)) << "v = " << fmt::format("{:a}", v) << ", decimals " << decimals;
  if (std::isfinite(v)) {
    ASSERT_EQ(ours, printf_text) << "v = " << fmt::format("{:a}", v);
  }
}

TEST(FixedDecimal, RandomBitPatternsOfEveryMagnitude) {
  std::mt19937_64 gen(7);
  for (int i = 0; i < 300000; ++i) {
    // Exponents from subnormal to 2^40 (past the fast range, 1e9), both signs; every other one
    // from 2^-45 up, where the digits are not all zeros.
    const std::uint64_t lowest = i % 2 == 0 ? 0 : 1023 - 45;
    const std::uint64_t exponent = std::uniform_int_distribution<std::uint64_t>(lowest, 1023 + 40)(gen);
    const std::uint64_t bits = (gen() & 0x800FFFFFFFFFFFFFull) | (exponent << 52);
    ExpectSameText(std::bit_cast<double>(bits), static_cast<int>(i % 10));
  }
}

TEST(FixedDecimal, TheRunFilesRanges) {
  std::mt19937_64 gen(11);
  std::uniform_real_distribution<double> lat(-90.0, 90.0), lon(-180.0, 180.0), alt(-500.0, 30000.0),
      speed(-1500.0, 1500.0), time(0.0, 86400.0);
  for (int i = 0; i < 100000; ++i) {
    ExpectSameText(lat(gen), 7);
    ExpectSameText(lon(gen), 7);
    ExpectSameText(alt(gen), 2);
    ExpectSameText(speed(gen), 2);
    ExpectSameText(std::round(time(gen) * 1e6) / 1e6, 6);  // SimTime: whole microseconds
  }
}

TEST(FixedDecimal, ExactTiesGoToEven) {
  // k / 2^j is exact in binary; with j decimals or fewer some are exact decimal ties.
  for (int j = 1; j <= 12; ++j)
    for (int k = -3000; k <= 3000; ++k)
      for (int decimals = 0; decimals <= 9; ++decimals) ExpectSameText(std::ldexp(k, -j), decimals);
  std::string s;
  AppendFixed(0.125, 2, s);
  EXPECT_EQ(s, "0.12");
  s.clear();
  AppendFixed(2.5, 0, s);
  EXPECT_EQ(s, "2");
}

TEST(FixedDecimal, Edges) {
  const double inf = std::numeric_limits<double>::infinity();
  const double edges[] = {0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-9, 5e-10, 4.9999999999999995e-10,
                          0.9999999995, 9.5, 99.5, 999999999.5, std::nextafter(1e9, 0.0), 1e9, -1e9, 1e20,
                          inf, -inf, std::numeric_limits<double>::quiet_NaN(), -0.0001, -4e-3, 0.1, 0.7};
  for (double v : edges)
    for (int decimals = 0; decimals <= 12; ++decimals) ExpectSameText(v, decimals);
}

}  // namespace
}  // namespace iadsim
