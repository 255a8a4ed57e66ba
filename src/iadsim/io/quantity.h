#pragma once
// Scenario quantities with units, parsed into SI: "150 km" → 150000 (m), "450 kt" → 231.5 (m/s).
// The only place where units other than SI are understood (DESIGN.md, convention 2).
//
// Grammar: [sign] number [spaces] unit, with leading and trailing white space ignored. The number is
// decimal with an optional exponent ("1e-6", ".5", "-3"); space between number and unit is optional
// ("150km"). Two prefix forms: "mach 3.5" (speed) and "FL330" (altitude). A bare number is accepted
// only for a ratio: there is no default unit. Units are case-sensitive ("MW" is megawatt, "mW" is
// not accepted), except the words "mach" and "FL".
//
//   dimension     units accepted                                   SI result
//   length        m, km, ft, nm = NM = nmi (nautical mile, 1852 m)  m
//   altitude      any length unit, and FLnnn                       m
//                   flight level: n × 100 ft. A flight level is a pressure altitude in the ISA; it is
//                   taken here as geometric height above mean sea level (off by up to a few hundred m
//                   in a non-standard atmosphere).
//   speed         kt = kts = kn = nmi/h (1852 m/h), m/s, km/h, mach  m/s
//                   "mach 3.5" or "3.5 mach": Mach times 340.294 m/s, the ISA sea-level speed of sound
//                   (15 °C). It is not corrected for altitude: at 11 km the true speed of sound is
//                   295.07 m/s, so a high-altitude Mach figure converts 15 % fast; give m/s or kt where
//                   that matters.
//   time          s, ms, us = µs = μs, ns, min, h                  s
//   angle         deg = °, rad, mrad                               rad
//   area          m2 = m^2 = m², dBsm (10^(x/10) m²: 10 dBsm = 10 m²)  m²
//   frequency     Hz, kHz, MHz, GHz                                Hz
//   power         W, kW, MW, dBW (10 log10 of watts)               W
//   decibel       dB, dB-Hz (a carrier-to-noise density)           dB, unchanged ("20 dB" → 20);
//                                                                  DbToLinear() makes it a ratio
//   mass          kg, t (tonne, 1000 kg)                           kg
//   force         N, kN                                            N
//   acceleration  m/s2 = m/s^2 = m/s², g (standard gravity, 9.80665 m/s²)  m/s²
//   temperature   K (no °C: no offsets)                            K
//   data rate     bit/s, kbit/s, Mbit/s                            bit/s
//   ratio         a plain number ("0.9", "1e-6"), or a percentage ("1 %" → 0.01)   1
//
// Errors (returned, never thrown): an empty string, no number, a bare number where a unit is needed,
// NaN or infinity, a number out of the range of double, an unknown unit, a unit of another dimension,
// characters after the unit. The message names what was expected and what was got, then why:
//   expected a speed with a unit (kt, m/s, km/h, mach), got '450 kg' (kg is a unit of mass)
// Range checks (> 0 and the like) are not done here: they belong to the Validate() of the config
// the value goes into, which knows the valid range.
#include <string>
#include <string_view>
#include <variant>

namespace iadsim {

enum class Dimension {
  kLength,
  kAltitude,
  kSpeed,
  kTime,
  kAngle,
  kArea,
  kFrequency,
  kPower,
  kDecibel,
  kMass,
  kForce,
  kAcceleration,
  kTemperature,
  kRatio,
  kDataRate,
};

// The SI value of `text` read as a quantity of dimension `dim`, or an error message.
std::variant<double, std::string> ParseQuantity(std::string_view text, Dimension dim);
// The largest magnitude ParseQuantity accepts for a time, s.
inline constexpr double kMaxTimeS = 1e9;

// Lower-case name of a dimension as used in messages: "length", "speed", "decibel level", ...
std::string_view DimensionName(Dimension dim);

}  // namespace iadsim
