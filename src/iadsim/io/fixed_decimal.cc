#include "iadsim/io/fixed_decimal.h"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdint>

namespace iadsim {
namespace {

constexpr std::uint64_t kPow10[] = {1,      10,      100,      1000,      10000,
                                    100000, 1000000, 10000000, 100000000, 1000000000};

}  // namespace

void AppendFixed(double v, int decimals, std::string& out) {
  const double a = std::abs(v);
  if (!(a < 1e9) || decimals < 0 || decimals > 9) {  // also inf and nan
    fmt::format_to(std::back_inserter(out), "{:.{}f}", v, decimals);
    return;
  }
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(a);
  const int biased = static_cast<int>(bits >> 52);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  // a = m 2^-shift exactly; shift >= 23 since a < 1e9 < 2^30.
  const std::uint64_t m = biased == 0 ? fraction : fraction | (std::uint64_t{1} << 52);
  const int shift = biased == 0 ? 1074 : 1075 - biased;
  std::uint64_t q = 0;
  if (shift < 100) {  // otherwise a 10^n < 2^83 2^-100: rounds to 0 (below one half)
    const unsigned __int128 n = static_cast<unsigned __int128>(m) * kPow10[decimals];
    q = static_cast<std::uint64_t>(n >> shift);
    const unsigned __int128 rest = n - (static_cast<unsigned __int128>(q) << shift);
    const unsigned __int128 half = static_cast<unsigned __int128>(1) << (shift - 1);
    if (rest > half || (rest == half && (q & 1))) ++q;
  }
  char digits[20];  // q's decimal digits, least significant first
  int len = 0;
  do {
    digits[len++] = static_cast<char>('0' + q % 10);
    q /= 10;
  } while (q != 0);
  while (len <= decimals) digits[len++] = '0';  // at least one digit before the point
  char text[24];
  char* p = text;
  if (std::signbit(v)) *p++ = '-';
  for (int i = len - 1; i >= decimals; --i) *p++ = digits[i];
  if (decimals > 0) {
    *p++ = '.';
    for (int i = decimals - 1; i >= 0; --i) *p++ = digits[i];
  }
  out.append(text, p);
}

}  // namespace iadsim
