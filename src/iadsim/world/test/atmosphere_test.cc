// U.S. Standard Atmosphere 1976 against the Standard's own printed numbers:
//  - Table I (geometric altitude, SI), printed to 5 significant figures;
//  - Table 4 (layer bases in geopotential altitude: TM and P).
// Tolerance: temperatures must round to the printed 0.01 K. Pressures and densities must lie
// within one unit of the 5th printed figure (<= 1e-4 relative): the Standard's tables truncate
// in some columns and round in others (80 km: P = 1.052474 Pa, printed 1.0524E+00).
#include "iadsim/world/atmosphere.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace iadsim {
namespace {

// |value - printed| <= one unit in the 5th significant figure of `printed`.
::testing::AssertionResult Within5(double value, double printed) {
  const double unit = std::pow(10.0, std::floor(std::log10(std::fabs(printed))) - 4.0);
  if (std::fabs(value - printed) <= unit * (1 + 1e-9)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << value << " is not within one unit of the 5th figure of " << printed;
}

struct Row {
  double z_m, t_k, p_pa, rho_kgpm3;
};

// Table I rows (T K, P Pa, rho kg/m^3). Rows at 5, 10, 15, 25 and 30 km read from a copy of
// Table I quoted with its 5 printed figures; the others from Table I and the brief.
// At 50 km Table I prints P = 7.9779E+01 Pa and rho = 1.0269E-03 (not 75.944 Pa).
// clang-format off
constexpr Row kTableI[] = {
    {-1000.0, 294.65, 1.1393e5, 1.3470},
    {0.0, 288.15, 1.0132e5, 1.2250},
    {5000.0, 255.68, 5.4048e4, 7.3643e-1},
    {10000.0, 223.25, 2.6500e4, 4.1351e-1},
    {11000.0, 216.77, 2.2700e4, 3.6480e-1},
    {15000.0, 216.65, 1.2112e4, 1.9476e-1},
    {20000.0, 216.65, 5.5293e3, 8.8910e-2},
    {25000.0, 221.55, 2.5492e3, 4.0084e-2},
    {30000.0, 226.51, 1.1970e3, 1.8410e-2},
    {50000.0, 270.65, 7.9779e1, 1.0269e-3},
    {70000.0, 219.58, 5.2209e0, 8.2829e-5},
    {80000.0, 198.64, 1.0524e0, 1.8458e-5},
};
// clang-format on

TEST(StandardAtmosphere, MatchesTableIToItsPrintedFigures) {
  for (const Row& row : kTableI) {
    SCOPED_TRACE(row.z_m);
    const AtmosphereState s = StandardAtmosphere(row.z_m);
    EXPECT_NEAR(s.temperature_k, row.t_k, 0.005 + 1e-9);  // printed to 0.01 K
    EXPECT_TRUE(Within5(s.pressure_pa, row.p_pa));
    EXPECT_TRUE(Within5(s.density_kgpm3, row.rho_kgpm3));
  }
}

// 86 km, the top: T is the kinetic temperature TM * M/M0 (Table 8: M/M0 = 0.999579), which
// Table I prints as 186.87 K (TM = 186.95 K); rho printed to 4 figures, 6.958E-06.
TEST(StandardAtmosphere, MatchesTableIAtItsTop) {
  const AtmosphereState s = StandardAtmosphere(86000.0);
  EXPECT_NEAR(s.temperature_k, 186.87, 0.005);
  EXPECT_TRUE(Within5(s.pressure_pa, 3.7338e-1));
  EXPECT_NEAR(s.density_kgpm3, 6.958e-6, 0.0005e-6);
}

TEST(StandardAtmosphere, SpeedOfSoundMatchesTableI) {
  EXPECT_NEAR(StandardAtmosphere(0.0).speed_of_sound_mps, 340.29, 0.005);
  EXPECT_NEAR(StandardAtmosphere(-1000.0).speed_of_sound_mps, 344.11, 0.005);
  EXPECT_NEAR(StandardAtmosphere(11000.0).speed_of_sound_mps, 295.15, 0.005);
  EXPECT_NEAR(StandardAtmosphere(20000.0).speed_of_sound_mps, 295.07, 0.005);
}

// Table 4: at each layer base H_b (geopotential) the Standard gives TM_b and P_b.
TEST(StandardAtmosphere, MatchesTable4LayerBases) {
  constexpr double kR0M = 6356766.0;
  struct Base {
    double h_m, tm_k, p_pa;
  };
  constexpr Base kBases[] = {{11000.0, 216.65, 2.2632e4}, {20000.0, 216.65, 5.4749e3},
                             {32000.0, 228.65, 8.6802e2}, {47000.0, 270.65, 1.1091e2},
                             {51000.0, 270.65, 6.6939e1}, {71000.0, 214.65, 3.9564e0}};
  for (const Base& b : kBases) {
    SCOPED_TRACE(b.h_m);
    const double z_m = kR0M * b.h_m / (kR0M - b.h_m);  // inverse of eq. 18
    EXPECT_NEAR(GeopotentialAltitudeM(z_m), b.h_m, 1e-6);
    const AtmosphereState s = StandardAtmosphere(z_m);
    EXPECT_NEAR(s.temperature_k, b.tm_k, 1e-9);
    EXPECT_TRUE(Within5(s.pressure_pa, b.p_pa));
  }
}

TEST(StandardAtmosphere, GeopotentialAltitudeOfEleven) {
  // H = r0 Z / (r0 + Z): 11 km geometric is 10 981.0 m' (Table I lists H beside Z).
  EXPECT_NEAR(GeopotentialAltitudeM(11000.0), 10981.0, 0.05);
}

TEST(StandardAtmosphere, ClampsOutsideItsRange) {
  const AtmosphereState low = StandardAtmosphere(-5000.0);
  const AtmosphereState at_low = StandardAtmosphere(kStandardAtmosphereMinAltitudeM);
  EXPECT_EQ(low.pressure_pa, at_low.pressure_pa);
  EXPECT_EQ(low.density_kgpm3, at_low.density_kgpm3);
  const AtmosphereState high = StandardAtmosphere(300000.0);
  const AtmosphereState at_high = StandardAtmosphere(kStandardAtmosphereMaxAltitudeM);
  EXPECT_EQ(high.temperature_k, at_high.temperature_k);
  EXPECT_EQ(high.density_kgpm3, at_high.density_kgpm3);
}

TEST(StandardAtmosphere, DensityDecreasesAndIsContinuousAcrossLayerBoundaries) {
  double previous = StandardAtmosphere(-1000.0).density_kgpm3;
  for (double z = -900.0; z <= 86000.0; z += 100.0) {
    const double rho = StandardAtmosphere(z).density_kgpm3;
    EXPECT_LT(rho, previous) << z;
    previous = rho;
  }
  for (double h : {11000.0, 20000.0, 32000.0, 47000.0, 51000.0, 71000.0}) {
    const double z = 6356766.0 * h / (6356766.0 - h);
    const double below = StandardAtmosphere(z - 1e-6).pressure_pa;
    const double above = StandardAtmosphere(z + 1e-6).pressure_pa;
    EXPECT_NEAR(below / above, 1.0, 1e-9) << h;
  }
}

}  // namespace
}  // namespace iadsim

namespace iadsim {
namespace {

// The tabulated density against the exact model, between and on the table's nodes, in every layer.
TEST(StandardAtmosphereDensity, MatchesTheExactModelToTwoPartsIn100000) {
  for (double h = -1000.0; h <= 86000.0; h += 7.3) {
    const double exact = StandardAtmosphere(h).density_kgpm3;
    EXPECT_NEAR(StandardAtmosphereDensity(h) / exact, 1.0, 2e-5) << h;
  }
  EXPECT_DOUBLE_EQ(StandardAtmosphereDensity(-5000.0), StandardAtmosphereDensity(-1000.0));
  EXPECT_DOUBLE_EQ(StandardAtmosphereDensity(1e6), StandardAtmosphereDensity(86000.0));
}

// The inline read of the table (used by the missile flyout) is the same function, bit for bit,
// and the table's nodes are the exact model's log-density.
TEST(StandardAtmosphereDensity, InlineTableReadIsBitIdentical) {
  const double* table = StandardAtmosphereLnDensityTable();
  for (double h = -3000.0; h <= 90000.0; h += 3.7)
    EXPECT_EQ(StandardAtmosphereDensityFromTable(table, h), StandardAtmosphereDensity(h)) << h;
  EXPECT_EQ(table[0], std::log(StandardAtmosphere(-1000.0).density_kgpm3));
  EXPECT_EQ(table[kStandardAtmosphereDensityTableSize - 1], std::log(StandardAtmosphere(86000.0).density_kgpm3));
  // Out of the table's range, and NaN (an integrator's state gone non-finite), it reads its ends:
  // never an index outside the table.
  EXPECT_EQ(StandardAtmosphereLnDensityFromTable(table, std::nan("")), table[0]);
  EXPECT_EQ(StandardAtmosphereLnDensityFromTable(table, -1e300), table[0]);
  EXPECT_EQ(StandardAtmosphereLnDensityFromTable(table, std::numeric_limits<double>::infinity()),
            table[kStandardAtmosphereDensityTableSize - 1]);
}

}  // namespace
}  // namespace iadsim
