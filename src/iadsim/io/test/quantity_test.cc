#include "iadsim/io/quantity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <numbers>
#include <string>
#include <string_view>
#include <variant>

namespace iadsim {
namespace {

using D = Dimension;

// The SI value, or a test failure naming the message.
double Si(std::string_view text, Dimension dim) {
  const auto r = ParseQuantity(text, dim);
  if (const auto* e = std::get_if<std::string>(&r)) {
    ADD_FAILURE() << "'" << text << "' as " << DimensionName(dim) << ": " << *e;
    return std::numeric_limits<double>::quiet_NaN();
  }
  return std::get<double>(r);
}

// The error message, or a test failure naming the value that was accepted.
std::string Error(std::string_view text, Dimension dim) {
  const auto r = ParseQuantity(text, dim);
  if (const auto* v = std::get_if<double>(&r)) {
    ADD_FAILURE() << "'" << text << "' as " << DimensionName(dim) << " was accepted as " << *v;
    return "";
  }
  return std::get<std::string>(r);
}

constexpr double kDeg = std::numbers::pi / 180.0;

TEST(ParseQuantity, Length) {
  EXPECT_DOUBLE_EQ(Si("150 km", D::kLength), 150000.0);
  EXPECT_DOUBLE_EQ(Si("500 m", D::kLength), 500.0);
  EXPECT_DOUBLE_EQ(Si("80 nm", D::kLength), 80.0 * 1852.0);
  EXPECT_DOUBLE_EQ(Si("80 NM", D::kLength), 148160.0);
  EXPECT_DOUBLE_EQ(Si("80 nmi", D::kLength), 148160.0);
  EXPECT_DOUBLE_EQ(Si("1000 ft", D::kLength), 304.8);
  EXPECT_DOUBLE_EQ(Si("150km", D::kLength), 150000.0);        // no space
  EXPECT_DOUBLE_EQ(Si("  150 \t km \n", D::kLength), 150000.0);  // surrounding and inner white space
  EXPECT_DOUBLE_EQ(Si("1.5e3 m", D::kLength), 1500.0);        // exponent
  EXPECT_DOUBLE_EQ(Si("2E-3km", D::kLength), 2.0);
  EXPECT_DOUBLE_EQ(Si(".5 km", D::kLength), 500.0);
  EXPECT_DOUBLE_EQ(Si("+7 m", D::kLength), 7.0);
  EXPECT_DOUBLE_EQ(Si("-7 m", D::kLength), -7.0);  // sign kept: ranges are checked by Validate()
}

TEST(ParseQuantity, AltitudeTakesLengthsAndFlightLevels) {
  EXPECT_DOUBLE_EQ(Si("FL330", D::kAltitude), 330.0 * 100.0 * 0.3048);  // 10058.4 m
  EXPECT_DOUBLE_EQ(Si("FL 330", D::kAltitude), 10058.4);
  EXPECT_DOUBLE_EQ(Si("fl330", D::kAltitude), 10058.4);
  EXPECT_DOUBLE_EQ(Si("FL050", D::kAltitude), 1524.0);
  EXPECT_DOUBLE_EQ(Si("FL0", D::kAltitude), 0.0);
  EXPECT_DOUBLE_EQ(Si("5 km", D::kAltitude), 5000.0);
  EXPECT_DOUBLE_EQ(Si("35000 ft", D::kAltitude), 10668.0);
  EXPECT_DOUBLE_EQ(Si("-400 m", D::kAltitude), -400.0);
  EXPECT_DOUBLE_EQ(Si("2 nm", D::kAltitude), 3704.0);
}

TEST(ParseQuantity, Speed) {
  EXPECT_DOUBLE_EQ(Si("450 kt", D::kSpeed), 450.0 * 1852.0 / 3600.0);  // 231.5 m/s
  EXPECT_DOUBLE_EQ(Si("450 kts", D::kSpeed), 231.5);
  EXPECT_DOUBLE_EQ(Si("450 kn", D::kSpeed), 231.5);
  EXPECT_DOUBLE_EQ(Si("250 m/s", D::kSpeed), 250.0);
  EXPECT_DOUBLE_EQ(Si("900 km/h", D::kSpeed), 250.0);
  EXPECT_DOUBLE_EQ(Si("mach 3.5", D::kSpeed), 3.5 * 340.294);
  EXPECT_DOUBLE_EQ(Si("Mach 2", D::kSpeed), 680.588);
  EXPECT_DOUBLE_EQ(Si("MACH2", D::kSpeed), 680.588);
  EXPECT_DOUBLE_EQ(Si("3.5 mach", D::kSpeed), 1191.029);
}

TEST(ParseQuantity, Time) {
  EXPECT_DOUBLE_EQ(Si("3 s", D::kTime), 3.0);
  EXPECT_DOUBLE_EQ(Si("2 min", D::kTime), 120.0);
  EXPECT_DOUBLE_EQ(Si("1 h", D::kTime), 3600.0);
  EXPECT_DOUBLE_EQ(Si("200 ms", D::kTime), 0.2);
  EXPECT_DOUBLE_EQ(Si("0.2 us", D::kTime), 2e-7);
  EXPECT_DOUBLE_EQ(Si("0.2 \xC2\xB5s", D::kTime), 2e-7);  // µ MICRO SIGN
  EXPECT_DOUBLE_EQ(Si("0.2 \xCE\xBCs", D::kTime), 2e-7);  // μ GREEK SMALL LETTER MU
  EXPECT_DOUBLE_EQ(Si("50 ns", D::kTime), 5e-8);
}

TEST(ParseQuantity, Angle) {
  EXPECT_DOUBLE_EQ(Si("1 deg", D::kAngle), kDeg);
  EXPECT_DOUBLE_EQ(Si("90\xC2\xB0", D::kAngle), std::numbers::pi / 2.0);  // 90°
  EXPECT_DOUBLE_EQ(Si("0.5 rad", D::kAngle), 0.5);
  EXPECT_DOUBLE_EQ(Si("30 mrad", D::kAngle), 0.03);
  EXPECT_DOUBLE_EQ(Si("-5 deg", D::kAngle), -5.0 * kDeg);
}

TEST(ParseQuantity, AreaIncludingDecibelsPerSquareMetre) {
  EXPECT_DOUBLE_EQ(Si("25 m2", D::kArea), 25.0);
  EXPECT_DOUBLE_EQ(Si("25 m^2", D::kArea), 25.0);
  EXPECT_DOUBLE_EQ(Si("25 m\xC2\xB2", D::kArea), 25.0);  // m²
  EXPECT_DOUBLE_EQ(Si("10 dBsm", D::kArea), 10.0);
  EXPECT_DOUBLE_EQ(Si("0 dBsm", D::kArea), 1.0);
  EXPECT_DOUBLE_EQ(Si("-20 dBsm", D::kArea), 0.01);
  EXPECT_NEAR(Si("20dBsm", D::kArea), 100.0, 1e-12);
  EXPECT_NEAR(Si("-160 dBW", D::kPower), 1e-16, 1e-28);  // 10^(-16) W
  EXPECT_DOUBLE_EQ(Si("30 dBW", D::kPower), 1000.0);
}

TEST(ParseQuantity, FrequencyPowerDecibel) {
  EXPECT_DOUBLE_EQ(Si("50 Hz", D::kFrequency), 50.0);
  EXPECT_DOUBLE_EQ(Si("3 kHz", D::kFrequency), 3e3);
  EXPECT_DOUBLE_EQ(Si("1300 MHz", D::kFrequency), 1.3e9);
  EXPECT_DOUBLE_EQ(Si("6 GHz", D::kFrequency), 6e9);
  EXPECT_DOUBLE_EQ(Si("200 W", D::kPower), 200.0);
  EXPECT_DOUBLE_EQ(Si("100 kW", D::kPower), 1e5);
  EXPECT_DOUBLE_EQ(Si("1 MW", D::kPower), 1e6);
  EXPECT_DOUBLE_EQ(Si("20 dB", D::kDecibel), 20.0);  // stays in dB
  EXPECT_DOUBLE_EQ(Si("-3 dB", D::kDecibel), -3.0);
}

TEST(ParseQuantity, MassForceAccelerationTemperature) {
  EXPECT_DOUBLE_EQ(Si("900 kg", D::kMass), 900.0);
  EXPECT_DOUBLE_EQ(Si("1.5 t", D::kMass), 1500.0);
  EXPECT_DOUBLE_EQ(Si("10 N", D::kForce), 10.0);
  EXPECT_DOUBLE_EQ(Si("3 kN", D::kForce), 3000.0);
  EXPECT_DOUBLE_EQ(Si("9.5 m/s2", D::kAcceleration), 9.5);
  EXPECT_DOUBLE_EQ(Si("9.5 m/s^2", D::kAcceleration), 9.5);
  EXPECT_DOUBLE_EQ(Si("9.5 m/s\xC2\xB2", D::kAcceleration), 9.5);
  EXPECT_DOUBLE_EQ(Si("30 g", D::kAcceleration), 30.0 * 9.80665);
  EXPECT_DOUBLE_EQ(Si("290 K", D::kTemperature), 290.0);
}

TEST(ParseQuantity, RatioIsAPlainNumberOrAPercentage) {
  EXPECT_DOUBLE_EQ(Si("1e-6", D::kRatio), 1e-6);
  EXPECT_DOUBLE_EQ(Si("0.9", D::kRatio), 0.9);
  EXPECT_DOUBLE_EQ(Si(" 0.9 ", D::kRatio), 0.9);
  EXPECT_DOUBLE_EQ(Si("1 %", D::kRatio), 0.01);
  EXPECT_DOUBLE_EQ(Si("50%", D::kRatio), 0.5);
}

TEST(ParseQuantityErrors, ExampleMessageForAUnitOfAnotherDimension) {
  EXPECT_EQ(Error("450 kg", D::kSpeed),
            "expected a speed with a unit (kt, m/s, km/h, mach), got '450 kg' (kg is a unit of mass)");
  EXPECT_EQ(Error("3 s", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got '3 s' (s is a unit of time)");
  EXPECT_EQ(Error("20 dB", D::kArea),
            "expected an area with a unit (m2, dBsm), got '20 dB' (dB is a unit of decibel level)");
  EXPECT_EQ(Error("10 dBsm", D::kDecibel),
            "expected a decibel level with a unit (dB), got '10 dBsm' (dBsm is a unit of area)");
  EXPECT_EQ(Error("5 km", D::kRatio),
            "expected a ratio (a plain number such as 0.9 or 1e-6, or a percentage such as 1 %), got "
            "'5 km' (km is a unit of length)");
  EXPECT_EQ(Error("1 %", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got '1 %' (% is a unit of ratio)");
  EXPECT_EQ(Error("9 g", D::kMass),
            "expected a mass with a unit (kg, t), got '9 g' (g is a unit of acceleration)");
  EXPECT_EQ(Error("mach 2", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got 'mach 2' (mach is a unit of speed)");
  EXPECT_EQ(Error("2 mach", D::kAltitude),
            "expected an altitude with a unit (m, km, ft, nm, FL330), got '2 mach' (mach is a unit of "
            "speed)");
  EXPECT_EQ(Error("FL330", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got 'FL330' (a flight level is accepted "
            "only for an altitude)");
  EXPECT_EQ(Error("100 m/s", D::kAcceleration),
            "expected an acceleration with a unit (m/s2, g), got '100 m/s' (m/s is a unit of speed)");
}

TEST(ParseQuantityErrors, BareNumberNeedsAUnitExceptForARatio) {
  EXPECT_EQ(Error("150", D::kLength), "expected a length with a unit (m, km, ft, nm), got '150' (no unit)");
  for (Dimension d : {D::kLength, D::kAltitude, D::kSpeed, D::kTime, D::kAngle, D::kArea, D::kFrequency,
                      D::kPower, D::kDecibel, D::kMass, D::kForce, D::kAcceleration, D::kTemperature}) {
    const std::string e = Error("42", d);
    EXPECT_EQ(e.rfind("expected a", 0), 0u) << e;
    EXPECT_NE(e.find(std::string(DimensionName(d))), std::string::npos) << e;
    EXPECT_NE(e.find("got '42' (no unit)"), std::string::npos) << e;
  }
  EXPECT_DOUBLE_EQ(Si("42", D::kRatio), 42.0);
}

TEST(ParseQuantityErrors, EmptyAndBlank) {
  EXPECT_EQ(Error("", D::kLength), "expected a length with a unit (m, km, ft, nm), got an empty string");
  EXPECT_EQ(Error(" \t ", D::kSpeed),
            "expected a speed with a unit (kt, m/s, km/h, mach), got an empty string");
  EXPECT_EQ(Error("", D::kRatio),
            "expected a ratio (a plain number such as 0.9 or 1e-6, or a percentage such as 1 %), got an "
            "empty string");
}

TEST(ParseQuantityErrors, NotFiniteOrOutOfRange) {
  EXPECT_EQ(Error("nan m", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got 'nan m' (not a finite number)");
  EXPECT_EQ(Error("inf km", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got 'inf km' (not a finite number)");
  EXPECT_NE(Error("-inf s", D::kTime).find("(not a finite number)"), std::string::npos);
  EXPECT_NE(Error("NaN", D::kRatio).find("got 'NaN' (not a finite number)"), std::string::npos);
  EXPECT_NE(Error("infinity", D::kRatio).find("(not a finite number)"), std::string::npos);
  EXPECT_NE(Error("mach inf", D::kSpeed).find("(not a finite number)"), std::string::npos);
  EXPECT_EQ(Error("1e400 m", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got '1e400 m' (number out of range)");
  // Finite number whose SI value overflows.
  EXPECT_NE(Error("1e306 km", D::kLength).find("(number out of range)"), std::string::npos);
  EXPECT_NE(Error("4000 dBsm", D::kArea).find("(number out of range)"), std::string::npos);
}

TEST(ParseQuantityErrors, TrailingGarbage) {
  EXPECT_EQ(Error("150 km xyz", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got '150 km xyz' (unexpected 'xyz' after the "
            "unit)");
  EXPECT_EQ(Error("mach 3.5 fast", D::kSpeed),
            "expected a speed with a unit (kt, m/s, km/h, mach), got 'mach 3.5 fast' (unexpected 'fast' "
            "after the Mach number)");
  EXPECT_NE(Error("0.9 x", D::kRatio).find("(unknown unit 'x')"), std::string::npos);
  EXPECT_NE(Error("150 km2", D::kLength).find("(unknown unit 'km2')"), std::string::npos);
  EXPECT_NE(Error("3.5.2 km", D::kLength).find("(unknown unit '.2 km')"), std::string::npos);
  EXPECT_NE(Error("1,5 km", D::kLength).find("(unknown unit ',5 km')"), std::string::npos);
  EXPECT_NE(Error("1e6 m m", D::kLength).find("(unexpected 'm' after the unit)"), std::string::npos);
}

TEST(ParseQuantityErrors, UnknownUnitWithCaseHint) {
  EXPECT_EQ(Error("150 kmh", D::kSpeed),
            "expected a speed with a unit (kt, m/s, km/h, mach), got '150 kmh' (unknown unit 'kmh')");
  EXPECT_EQ(Error("150 Km", D::kLength),
            "expected a length with a unit (m, km, ft, nm), got '150 Km' (unknown unit 'Km'; did you mean "
            "'km'?)");
  // Case matters for power: a milliwatt is not a megawatt.
  EXPECT_EQ(Error("1 mW", D::kPower),
            "expected a power with a unit (W, kW, MW, dBW), got '1 mW' (unknown unit 'mW'; did you mean 'MW'?)");
  EXPECT_NE(Error("20 ghz", D::kFrequency).find("did you mean 'GHz'?"), std::string::npos);
  EXPECT_NE(Error("20 furlongs", D::kLength).find("(unknown unit 'furlongs')"), std::string::npos);
  EXPECT_NE(Error("0x10 m", D::kLength).find("(unknown unit 'x10 m')"), std::string::npos);
}

TEST(ParseQuantityErrors, NoNumberAndMalformedPrefixes) {
  EXPECT_EQ(Error("km", D::kLength), "expected a length with a unit (m, km, ft, nm), got 'km' (no number)");
  EXPECT_NE(Error("%", D::kRatio).find("got '%' (no number)"), std::string::npos);
  EXPECT_NE(Error("- 5 m", D::kLength).find("(no number)"), std::string::npos);
  EXPECT_NE(Error("++5 m", D::kLength).find("(no number)"), std::string::npos);
  EXPECT_NE(Error("+-5 m", D::kLength).find("(no number)"), std::string::npos);
  EXPECT_NE(Error("mach", D::kSpeed).find("(no number after mach)"), std::string::npos);
  EXPECT_NE(Error("mach kt", D::kSpeed).find("(no number after mach)"), std::string::npos);
  EXPECT_NE(Error("mach 2 kt", D::kSpeed).find("(unexpected 'kt' after the Mach number)"), std::string::npos);
  const std::string fl = "(a flight level is FL and a whole number of hundreds of feet, e.g. FL330)";
  for (const char* bad : {"FL", "FL33.5", "FL330x", "FL-10", "FL 330 ft", "FL12345"}) {
    EXPECT_NE(Error(bad, D::kAltitude).find(fl), std::string::npos) << bad;
  }
}

TEST(ParseQuantity, DimensionNames) {
  EXPECT_EQ(DimensionName(D::kLength), "length");
  EXPECT_EQ(DimensionName(D::kAltitude), "altitude");
  EXPECT_EQ(DimensionName(D::kSpeed), "speed");
  EXPECT_EQ(DimensionName(D::kTime), "time");
  EXPECT_EQ(DimensionName(D::kAngle), "angle");
  EXPECT_EQ(DimensionName(D::kArea), "area");
  EXPECT_EQ(DimensionName(D::kFrequency), "frequency");
  EXPECT_EQ(DimensionName(D::kPower), "power");
  EXPECT_EQ(DimensionName(D::kDecibel), "decibel level");
  EXPECT_EQ(DimensionName(D::kMass), "mass");
  EXPECT_EQ(DimensionName(D::kForce), "force");
  EXPECT_EQ(DimensionName(D::kAcceleration), "acceleration");
  EXPECT_EQ(DimensionName(D::kTemperature), "temperature");
  EXPECT_EQ(DimensionName(D::kRatio), "ratio");
}

}  // namespace
}  // namespace iadsim
