#pragma once
// U.S. Standard Atmosphere, 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562), lower atmosphere.
//
// Geometric altitude Z (m) is converted to geopotential altitude H (m'):
//   H = r0 Z / (r0 + Z),  r0 = 6 356 766 m                                       (eq. 18)
// The molecular-scale temperature TM is piecewise linear in H over seven layers,
//   base H (km')  0     11      20      32      47      51      71      (top 84.852)
//   dTM/dH (K/km') -6.5  0      +1.0    +2.8    0       -2.8    -2.0
// starting from TM = 288.15 K, P = 101 325 Pa at H = 0. Hydrostatic pressure in each layer:
//   P = Pb (TMb / TM)^(g0' M0 / (R* L))      (L != 0)                              (eq. 33a)
//   P = Pb exp(-g0' M0 (H - Hb) / (R* TMb))  (L == 0)                              (eq. 33b)
// with g0' = 9.80665 m^2/(s^2 m'), M0 = 28.9644 kg/kmol, R* = 8314.32 J/(kmol K).
//   density         rho = P M0 / (R* TM)                                          (eq. 42)
//   speed of sound  a   = sqrt(gamma R* TM / M0), gamma = 1.4                     (eq. 50)
//   temperature     T   = TM (M / M0)   kinetic temperature; M/M0 = 1 below 80 km and from
//                   Table 8 (linear between its 0.5 km rows) from 80 to 86 km       (eq. 21)
// (rho and a are exact with TM, since T/M = TM/M0.)
//
// Units: input metres (geometric, above mean sea level); K, Pa, kg/m^3, m/s.
// Valid range: Z in [-1 000 m, 86 000 m] (H up to 84 852 m'). Outside it the altitude is
// CLAMPED to the nearest end: below -1 km you get the -1 km state, above 86 km the 86 km state
// (the 1976 Standard's hydrostatic model ends at 86 km; above, density keeps falling, so a
// clamped value overstates it, which only matters for drag on exo-atmospheric flight).
// Agrees with the Standard's Table I to within one unit of its 5th printed figure (tested).
#include <cmath>

namespace iadsim {

struct AtmosphereState {
  double temperature_k = 0.0;       // kinetic temperature T, K
  double pressure_pa = 0.0;         // Pa
  double density_kgpm3 = 0.0;       // kg/m^3
  double speed_of_sound_mps = 0.0;  // m/s
};

// The ends of the valid range, metres geometric.
inline constexpr double kStandardAtmosphereMinAltitudeM = -1000.0;
inline constexpr double kStandardAtmosphereMaxAltitudeM = 86000.0;

// Geopotential altitude (m') of a geometric altitude (m), eq. 18 of the 1976 Standard.
double GeopotentialAltitudeM(double geometric_alt_m);

// The 1976 Standard atmosphere at a geometric altitude (clamped to [-1 km, 86 km], see above).
AtmosphereState StandardAtmosphere(double geometric_alt_m);

// Density alone, for inner loops (missile flyout): ln(density) tabulated every 10 m of geometric
// altitude from the exact model above, interpolated linearly (density is exponential in the
// isothermal layers, a power law in the others): the relative error is below 2e-5 (the test
// checks it). Same range and clamping.
double StandardAtmosphereDensity(double geometric_alt_m);

// The table behind StandardAtmosphereDensity, for a loop that reads it many times (the missile
// flyout, four times per step): ln(rho) at kStandardAtmosphereMinAltitudeM + i * 10 m,
// i = 0 .. kStandardAtmosphereDensityTableSize - 1. Built once, immutable, thread-safe to read.
inline constexpr double kStandardAtmosphereDensityTableStepM = 10.0;
inline constexpr int kStandardAtmosphereDensityTableSize =
    static_cast<int>((kStandardAtmosphereMaxAltitudeM - kStandardAtmosphereMinAltitudeM) /
                     kStandardAtmosphereDensityTableStepM) + 1;
const double* StandardAtmosphereLnDensityTable();

// ln of StandardAtmosphereDensity(geometric_alt_m) read from `ln_rho` =
// StandardAtmosphereLnDensityTable(), inline: exp of it is StandardAtmosphereDensity to the last bit.
inline double StandardAtmosphereLnDensityFromTable(const double* ln_rho, double geometric_alt_m) {
  // std::clamp, with NaN taken as the bottom (so that the index below is always in the table).
  const double z = !(geometric_alt_m >= kStandardAtmosphereMinAltitudeM) ? kStandardAtmosphereMinAltitudeM
                   : kStandardAtmosphereMaxAltitudeM < geometric_alt_m  ? kStandardAtmosphereMaxAltitudeM
                                                                        : geometric_alt_m;
  const double x = (z - kStandardAtmosphereMinAltitudeM) / kStandardAtmosphereDensityTableStepM;
  int i = static_cast<int>(x);
  if (i > kStandardAtmosphereDensityTableSize - 2) i = kStandardAtmosphereDensityTableSize - 2;
  const double w = x - i;
  return ln_rho[i] * (1.0 - w) + ln_rho[i + 1] * w;
}

// StandardAtmosphereDensity(geometric_alt_m) read from `ln_rho` = StandardAtmosphereLnDensityTable(),
// inline: the same operations, so the same value to the last bit.
inline double StandardAtmosphereDensityFromTable(const double* ln_rho, double geometric_alt_m) {
  return std::exp(StandardAtmosphereLnDensityFromTable(ln_rho, geometric_alt_m));
}

}  // namespace iadsim
