#include "iadsim/world/atmosphere.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>
#include <cstddef>

namespace iadsim {
namespace {

// Constants of the 1976 Standard (section 1.2 and Table 2), SI.
constexpr double kR0M = 6356766.0;  // effective earth radius for eq. 18, m
constexpr double kG0 = 9.80665;     // m^2/(s^2 m')
constexpr double kRStar = 8314.32;  // J/(kmol K)
constexpr double kM0 = 28.9644;     // kg/kmol, sea-level mean molecular weight
constexpr double kGamma = 1.4;
constexpr double kT0K = 288.15;
constexpr double kP0Pa = 101325.0;
constexpr double kGmr = kG0 * kM0 / kRStar;  // g0' M0 / R*, K/m'

// Table 4: base geopotential altitude (m') and gradient dTM/dH (K/m') of each layer.
struct Layer {
  double base_h_m;
  double lapse_kpm;
};
constexpr std::array<Layer, 7> kLayers{{{0.0, -0.0065},
                                        {11000.0, 0.0},
                                        {20000.0, 0.0010},
                                        {32000.0, 0.0028},
                                        {47000.0, 0.0},
                                        {51000.0, -0.0028},
                                        {71000.0, -0.0020}}};

// Table 8: M/M0 from 80 km to 86 km geometric, every 0.5 km.
constexpr double kRatioStartM = 80000.0;
constexpr double kRatioStepM = 500.0;
constexpr std::array<double, 13> kMolecularWeightRatio{
    1.000000, 0.999996, 0.999989, 0.999971, 0.999941, 0.999909, 0.999870,
    0.999829, 0.999786, 0.999741, 0.999694, 0.999641, 0.999579};

double MolecularWeightRatio(double z_m) {
  if (z_m <= kRatioStartM) return 1.0;
  const double x = (z_m - kRatioStartM) / kRatioStepM;
  const auto i = std::min(static_cast<std::size_t>(x), kMolecularWeightRatio.size() - 2);
  const double f = x - static_cast<double>(i);
  return kMolecularWeightRatio[i] + f * (kMolecularWeightRatio[i + 1] - kMolecularWeightRatio[i]);
}

// Pressure at the top of a layer of the given thickness, from its base state.
double LayerPressure(double base_p, double base_tm, double lapse, double dh) {
  if (lapse == 0.0) return base_p * std::exp(-kGmr * dh / base_tm);
  return base_p * std::pow(base_tm / (base_tm + lapse * dh), kGmr / lapse);
}

}  // namespace

double GeopotentialAltitudeM(double geometric_alt_m) {
  return kR0M * geometric_alt_m / (kR0M + geometric_alt_m);
}

AtmosphereState StandardAtmosphere(double geometric_alt_m) {
  const double z_m =
      std::clamp(geometric_alt_m, kStandardAtmosphereMinAltitudeM, kStandardAtmosphereMaxAltitudeM);
  const double h_m = GeopotentialAltitudeM(z_m);
  // Walk up the layers, carrying the base state (TM, P) of each.
  double tm = kT0K;
  double p = kP0Pa;
  std::size_t k = 0;
  while (k + 1 < kLayers.size() && h_m >= kLayers[k + 1].base_h_m) {
    const double dh = kLayers[k + 1].base_h_m - kLayers[k].base_h_m;
    p = LayerPressure(p, tm, kLayers[k].lapse_kpm, dh);
    tm += kLayers[k].lapse_kpm * dh;
    ++k;
  }
  const double dh = h_m - kLayers[k].base_h_m;  // negative only below sea level, in layer 0
  p = LayerPressure(p, tm, kLayers[k].lapse_kpm, dh);
  tm += kLayers[k].lapse_kpm * dh;

  AtmosphereState s;
  s.temperature_k = tm * MolecularWeightRatio(z_m);
  s.pressure_pa = p;
  s.density_kgpm3 = p * kM0 / (kRStar * tm);
  s.speed_of_sound_mps = std::sqrt(kGamma * kRStar * tm / kM0);
  return s;
}

const double* StandardAtmosphereLnDensityTable() {
  // Immutable once built (thread-safe initialisation of a function-local static).
  static const std::vector<double> kLnRho = [] {
    std::vector<double> t(static_cast<std::size_t>(kStandardAtmosphereDensityTableSize));
    for (int i = 0; i < kStandardAtmosphereDensityTableSize; ++i)
      t[static_cast<std::size_t>(i)] = std::log(
          StandardAtmosphere(kStandardAtmosphereMinAltitudeM + i * kStandardAtmosphereDensityTableStepM).density_kgpm3);
    return t;
  }();
  return kLnRho.data();
}

double StandardAtmosphereDensity(double geometric_alt_m) {
  return StandardAtmosphereDensityFromTable(StandardAtmosphereLnDensityTable(), geometric_alt_m);
}

}  // namespace iadsim
