#pragma once
// Fixed-point decimal text of a double: AppendFixed(v, n, out) appends exactly what fmt's
// "{:.nf}" and C's printf("%.*f", n, v) write (the run files' number columns), without their
// format-string machinery (the run writer's hot path: one line per track and step).
//   - The exact binary value rounded to n decimals, ties to even (0.125 -> "0.12").
//   - A '-' for every negative value, -0.0 and values that round to zero included ("-0.00").
//   - "inf", "-inf", "nan", "-nan" as fmt writes them.
// Method: a finite v = m 2^e exactly (m < 2^53, e < 0 for |v| < 2^52), so v 10^n = (m 10^n) 2^e:
// the 128-bit integer m 10^n shifted right by -e, its remainder compared with one half (exact
// integer arithmetic: no rounding anywhere). Used for n <= 9 and |v| < 1e9 (the quotient then
// fits 64 bits); other values go to fmt itself.
// Test: io/test/fixed_decimal_test.cc compares every string with fmt and with printf.
#include <string>

namespace iadsim {

void AppendFixed(double v, int decimals, std::string& out);

}  // namespace iadsim
