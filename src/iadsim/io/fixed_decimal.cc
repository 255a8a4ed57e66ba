#include "iadsim/io/fixed_decimal.h"

#include <fmt/format.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace iadsim {
namespace {

constexpr char kPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

constexpr std::uint64_t kPow10[] = {1,      10,      100,      1000,      10000,
                                    100000, 1000000, 10000000, 100000000, 1000000000};

// q / 10^n with a constant divisor in each case (a multiplication, not a division instruction).
std::uint64_t DividedByPow10(std::uint64_t q, int n) {
  switch (n) {
    case 1: return q / 10;
    case 2: return q / 100;
    case 3: return q / 1000;
    case 4: return q / 10000;
    case 5: return q / 100000;
    case 6: return q / 1000000;
    case 7: return q / 10000000;
    case 8: return q / 100000000;
    case 9: return q / 1000000000;
    default: return q;
  }
}

}  // namespace

void AppendFixed(double v, int decimals, std::string& out) {
  const double a = std::abs(v);
  if (!(a < 1e9) || decimals < 0 || decimals > 9) {  // also inf and nan
    fmt::format_to(std::back_inserter(out), "{:.{}f}", v, decimals);
    return;
  }
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(a);
  const int biased = static_cast<int>(bits >> 52);
  const std::uint64_t stored = bits & ((std::uint64_t{1} << 52) - 1);
  // a = m 2^-shift exactly; shift >= 23 since a < 1e9 < 2^30.
  const std::uint64_t m = biased == 0 ? stored : stored | (std::uint64_t{1} << 52);
  const int shift = biased == 0 ? 1074 : 1075 - biased;
  std::uint64_t q = 0;
  if (shift < 100) {  // otherwise a 10^n < 2^83 2^-100: rounds to 0 (below one half)
    const unsigned __int128 n = static_cast<unsigned __int128>(m) * kPow10[decimals];
    q = static_cast<std::uint64_t>(n >> shift);
    const unsigned __int128 rest = n - (static_cast<unsigned __int128>(q) << shift);
    const unsigned __int128 half = static_cast<unsigned __int128>(1) << (shift - 1);
    if (rest > half || (rest == half && (q & 1))) ++q;
  }
  // q < 1e18: its integer part and its n decimals each fit 32 bits; written two digits at a time.
  const std::uint64_t whole64 = DividedByPow10(q, decimals);
  const auto whole = static_cast<std::uint32_t>(whole64);
  auto fraction = static_cast<std::uint32_t>(q - whole64 * kPow10[decimals]);
  char text[24];
  char* p = text;
  if (std::signbit(v)) *p++ = '-';
  p = std::to_chars(p, text + sizeof text, whole).ptr;
  if (decimals > 0) {
    *p++ = '.';
    char* const end = p + decimals;
    char* d = end;
    for (; d - p >= 2; fraction /= 100) {
      d -= 2;
      std::memcpy(d, kPairs + 2 * (fraction % 100), 2);
    }
    if (d > p) *--d = static_cast<char>('0' + fraction % 10);
    p = end;
  }
  out.append(text, p);
}

}  // namespace iadsim
