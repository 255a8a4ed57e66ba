#include "iadsim/io/quantity.h"

#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>
#include <system_error>

namespace iadsim {
namespace {

constexpr double kFootM = 0.3048;                // international foot (exact)
constexpr double kNauticalMileM = 1852.0;        // international nautical mile (exact)
constexpr double kKnotMps = 1852.0 / 3600.0;     // one nautical mile per hour
constexpr double kMachSeaLevelMps = 340.294;     // ISA sea-level speed of sound, 15 °C
constexpr double kStandardGravityMps2 = 9.80665; // exact by definition (CGPM 1901)
constexpr double kFlightLevelM = 100.0 * kFootM; // one flight level: 100 ft

enum class Scale { kLinear, kDecibel };

struct Unit {
  std::string_view symbol;
  Dimension dim;
  double factor;  // SI value of one unit (for kDecibel: the SI reference, 1 m²)
  Scale scale = Scale::kLinear;
};

// Case-sensitive symbols. "mach" and "FL" are words handled before this table.
constexpr std::array kUnits = {
    Unit{"m", Dimension::kLength, 1.0},
    Unit{"km", Dimension::kLength, 1000.0},
    Unit{"ft", Dimension::kLength, kFootM},
    Unit{"nm", Dimension::kLength, kNauticalMileM},
    Unit{"NM", Dimension::kLength, kNauticalMileM},
    Unit{"nmi", Dimension::kLength, kNauticalMileM},
    Unit{"kt", Dimension::kSpeed, kKnotMps},
    Unit{"kts", Dimension::kSpeed, kKnotMps},
    Unit{"kn", Dimension::kSpeed, kKnotMps},
    Unit{"nmi/h", Dimension::kSpeed, kKnotMps},
    Unit{"m/s", Dimension::kSpeed, 1.0},
    Unit{"km/h", Dimension::kSpeed, 1.0 / 3.6},
    Unit{"s", Dimension::kTime, 1.0},
    Unit{"ms", Dimension::kTime, 1e-3},
    Unit{"us", Dimension::kTime, 1e-6},
    Unit{"\xC2\xB5s", Dimension::kTime, 1e-6},  // µs, U+00B5 MICRO SIGN
    Unit{"\xCE\xBCs", Dimension::kTime, 1e-6},  // μs, U+03BC GREEK SMALL LETTER MU
    Unit{"ns", Dimension::kTime, 1e-9},
    Unit{"min", Dimension::kTime, 60.0},
    Unit{"h", Dimension::kTime, 3600.0},
    Unit{"deg", Dimension::kAngle, std::numbers::pi / 180.0},
    Unit{"\xC2\xB0", Dimension::kAngle, std::numbers::pi / 180.0},  // °
    Unit{"rad", Dimension::kAngle, 1.0},
    Unit{"mrad", Dimension::kAngle, 1e-3},
    Unit{"m2", Dimension::kArea, 1.0},
    Unit{"m^2", Dimension::kArea, 1.0},
    Unit{"m\xC2\xB2", Dimension::kArea, 1.0},  // m²
    Unit{"dBsm", Dimension::kArea, 1.0, Scale::kDecibel},
    Unit{"Hz", Dimension::kFrequency, 1.0},
    Unit{"kHz", Dimension::kFrequency, 1e3},
    Unit{"MHz", Dimension::kFrequency, 1e6},
    Unit{"GHz", Dimension::kFrequency, 1e9},
    Unit{"W", Dimension::kPower, 1.0},
    Unit{"kW", Dimension::kPower, 1e3},
    Unit{"MW", Dimension::kPower, 1e6},
    Unit{"dBW", Dimension::kPower, 1.0, Scale::kDecibel},
    Unit{"dB", Dimension::kDecibel, 1.0},
    Unit{"dB-Hz", Dimension::kDecibel, 1.0},
    Unit{"kg", Dimension::kMass, 1.0},
    Unit{"t", Dimension::kMass, 1000.0},
    Unit{"N", Dimension::kForce, 1.0},
    Unit{"kN", Dimension::kForce, 1e3},
    Unit{"m/s2", Dimension::kAcceleration, 1.0},
    Unit{"m/s^2", Dimension::kAcceleration, 1.0},
    Unit{"m/s\xC2\xB2", Dimension::kAcceleration, 1.0},  // m/s²
    Unit{"g", Dimension::kAcceleration, kStandardGravityMps2},
    Unit{"K", Dimension::kTemperature, 1.0},
    Unit{"%", Dimension::kRatio, 0.01},
    Unit{"bit/s", Dimension::kDataRate, 1.0},
    Unit{"kbit/s", Dimension::kDataRate, 1e3},
    Unit{"Mbit/s", Dimension::kDataRate, 1e6},
};

// What a message lists as accepted (the main spellings; the header lists every alias).
std::string_view AcceptedUnits(Dimension dim) {
  switch (dim) {
    case Dimension::kLength: return "m, km, ft, nm";
    case Dimension::kAltitude: return "m, km, ft, nm, FL330";
    case Dimension::kSpeed: return "kt, m/s, km/h, mach";
    case Dimension::kTime: return "s, ms, us, min, h";
    case Dimension::kAngle: return "deg, rad, mrad";
    case Dimension::kArea: return "m2, dBsm";
    case Dimension::kFrequency: return "Hz, kHz, MHz, GHz";
    case Dimension::kPower: return "W, kW, MW, dBW";
    case Dimension::kDecibel: return "dB";
    case Dimension::kMass: return "kg, t";
    case Dimension::kForce: return "N, kN";
    case Dimension::kAcceleration: return "m/s2, g";
    case Dimension::kTemperature: return "K";
    case Dimension::kRatio: return "%";
    case Dimension::kDataRate: return "bit/s, kbit/s, Mbit/s";
  }
  return "";
}

bool StartsWithVowel(std::string_view s) {
  return !s.empty() && std::string_view("aeiou").find(s.front()) != std::string_view::npos;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view SkipSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

const Unit* FindUnit(std::string_view symbol) {
  for (const Unit& u : kUnits) {
    if (u.symbol == symbol) return &u;
  }
  return nullptr;
}

// A unit of `dim` spelled like `symbol` but for case ("Km" → "km"), for a hint.
const Unit* FindUnitIgnoringCase(std::string_view symbol, Dimension dim) {
  for (const Unit& u : kUnits) {
    const bool fits = u.dim == dim || (dim == Dimension::kAltitude && u.dim == Dimension::kLength);
    if (fits && EqualsIgnoringCase(u.symbol, symbol)) return &u;
  }
  return nullptr;
}

// Builds "expected a <dim> with a unit (<units>), got '<text>' (<why>)".
class Failure {
 public:
  Failure(std::string_view text, Dimension dim) : text_(text), dim_(dim) {}

  std::string operator()(std::string_view why) const {
    std::string m = "expected ";
    const std::string_view name = DimensionName(dim_);
    m += StartsWithVowel(name) ? "an " : "a ";
    m += name;
    if (dim_ == Dimension::kRatio) {
      m += " (a plain number such as 0.9 or 1e-6, or a percentage such as 1 %)";
    } else {
      m += " with a unit (";
      m += AcceptedUnits(dim_);
      m += ")";
    }
    if (text_.empty()) {
      m += ", got an empty string";
    } else {
      m += ", got '";
      m += text_;
      m += "'";
    }
    if (!why.empty()) {
      m += " (";
      m += why;
      m += ")";
    }
    return m;
  }

 private:
  std::string_view text_;
  Dimension dim_;
};

struct Number {
  double value = 0.0;
  std::string_view rest;  // what follows the number
};

// Reads a decimal number with an optional sign and exponent at the start of s. Returns nothing
// when s does not start with a number; sets `error` when it does but the number is unusable.
std::optional<Number> ReadNumber(std::string_view s, std::string& error) {
  std::string_view body = s;
  if (!body.empty() && body.front() == '+') {
    body.remove_prefix(1);  // std::from_chars takes '-' but not '+'
    if (body.empty() || body.front() == '+' || body.front() == '-') return std::nullopt;
  }
  double value = 0.0;
  const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value,
                                         std::chars_format::general);
  if (ec == std::errc::invalid_argument) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    error = "number out of range";
    return Number{};
  }
  if (!std::isfinite(value)) {
    error = "not a finite number";
    return Number{};
  }
  return Number{value, body.substr(static_cast<std::size_t>(end - body.data()))};
}

std::string UnitOfOtherDimension(const Unit& u) {
  return std::string(u.symbol) + " is a unit of " + std::string(DimensionName(u.dim));
}

std::variant<double, std::string> ParsePrefixed(std::string_view text, Dimension dim,
                                                const Failure& fail) {
  // The text starts with letters: "mach 3.5" or "FL330", or it has no number.
  std::size_t n = 0;
  while (n < text.size() && IsAsciiAlpha(text[n])) ++n;
  const std::string_view word = text.substr(0, n);
  const std::string_view after = SkipSpace(text.substr(n));
  if (EqualsIgnoringCase(word, "mach")) {
    if (dim != Dimension::kSpeed) return fail("mach is a unit of speed");
    std::string error;
    const std::optional<Number> num = ReadNumber(after, error);
    if (!num) return fail("no number after mach");
    if (!error.empty()) return fail(error);
    if (!num->rest.empty()) {
      return fail("unexpected '" + std::string(Trim(num->rest)) + "' after the Mach number");
    }
    return num->value * kMachSeaLevelMps;
  }
  if (EqualsIgnoringCase(word, "fl")) {
    if (dim != Dimension::kAltitude) return fail("a flight level is accepted only for an altitude");
    bool digits_only = !after.empty();
    for (char c : after) digits_only = digits_only && IsDigit(c);
    if (!digits_only || after.size() > 4) {
      return fail("a flight level is FL and a whole number of hundreds of feet, e.g. FL330");
    }
    double level = 0.0;
    for (char c : after) level = level * 10.0 + (c - '0');
    return level * kFlightLevelM;
  }
  return fail("no number");
}

}  // namespace

std::string_view DimensionName(Dimension dim) {
  switch (dim) {
    case Dimension::kLength: return "length";
    case Dimension::kAltitude: return "altitude";
    case Dimension::kSpeed: return "speed";
    case Dimension::kTime: return "time";
    case Dimension::kAngle: return "angle";
    case Dimension::kArea: return "area";
    case Dimension::kFrequency: return "frequency";
    case Dimension::kPower: return "power";
    case Dimension::kDecibel: return "decibel level";
    case Dimension::kMass: return "mass";
    case Dimension::kForce: return "force";
    case Dimension::kAcceleration: return "acceleration";
    case Dimension::kTemperature: return "temperature";
    case Dimension::kRatio: return "ratio";
    case Dimension::kDataRate: return "data rate";
  }
  return "quantity";
}

std::variant<double, std::string> ParseQuantity(std::string_view text, Dimension dim) {
  text = Trim(text);
  const Failure fail(text, dim);
  if (text.empty()) return fail("");

  std::string error;
  const std::optional<Number> num = ReadNumber(text, error);
  if (!error.empty()) return fail(error);
  if (!num) {
    if (IsAsciiAlpha(text.front())) return ParsePrefixed(text, dim, fail);
    return fail("no number");
  }

  const std::string_view unit = SkipSpace(num->rest);
  if (unit.empty()) {
    if (dim == Dimension::kRatio) return num->value;
    return fail("no unit");
  }
  if (EqualsIgnoringCase(unit, "mach")) {
    if (dim != Dimension::kSpeed) return fail("mach is a unit of speed");
    return num->value * kMachSeaLevelMps;
  }

  const Unit* u = FindUnit(unit);
  if (u == nullptr) {
    // "150 km xyz": a known unit followed by something else.
    const std::size_t space = unit.find_first_of(" \t\n\r\f\v");
    if (space != std::string_view::npos) {
      const std::string_view first = unit.substr(0, space);
      if (FindUnit(first) != nullptr || EqualsIgnoringCase(first, "mach")) {
        return fail("unexpected '" + std::string(SkipSpace(unit.substr(space))) + "' after the unit");
      }
    }
    std::string why = "unknown unit '" + std::string(unit) + "'";
    if (const Unit* hint = FindUnitIgnoringCase(unit, dim)) {
      why += "; did you mean '" + std::string(hint->symbol) + "'?";
    }
    return fail(why);
  }
  const bool fits = u->dim == dim || (dim == Dimension::kAltitude && u->dim == Dimension::kLength);
  if (!fits) return fail(UnitOfOtherDimension(*u));

  const double si = u->scale == Scale::kDecibel ? u->factor * std::pow(10.0, num->value / 10.0)
                                                : u->factor * num->value;
  if (!std::isfinite(si)) return fail("number out of range");
  // Simulated time is counted in microseconds in 64 bits (±2.9e5 years); a time beyond ±1e9 s
  // (31.7 years) would overflow once added to others, and no scenario needs one.
  if (dim == Dimension::kTime && std::abs(si) > kMaxTimeS) return fail("beyond ±1e9 s (31.7 years)");
  return si;
}

}  // namespace iadsim
