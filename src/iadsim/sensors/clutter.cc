#include "iadsim/sensors/clutter.h"

#include <cmath>
#include <numbers>
#include <string>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

void CheckGrazing(double grazing_rad) {
  IADSIM_CHECK(grazing_rad > 0.0 && grazing_rad < 0.5 * std::numbers::pi,
               "clutter: grazing angle must be in (0, pi/2)");
}

}  // namespace

double ConstantGammaReflectivity(double gamma_db, double grazing_rad) {
  CheckGrazing(grazing_rad);
  IADSIM_CHECK(std::isfinite(gamma_db), "clutter: gamma must be finite");
  return std::pow(10.0, gamma_db / 10.0) * std::sin(grazing_rad);
}

double PulseLimitedClutterAreaM2(double range_m, double range_resolution_m,
                                 double azimuth_beamwidth_rad, double grazing_rad) {
  CheckGrazing(grazing_rad);
  IADSIM_CHECK(range_m > 0.0 && range_resolution_m > 0.0 && azimuth_beamwidth_rad > 0.0,
               "clutter: range, range resolution and beamwidth must be > 0");
  return range_m * azimuth_beamwidth_rad * range_resolution_m / std::cos(grazing_rad);
}

double BeamLimitedClutterAreaM2(double range_m, double azimuth_beamwidth_rad,
                                double elevation_beamwidth_rad, double grazing_rad) {
  CheckGrazing(grazing_rad);
  IADSIM_CHECK(range_m > 0.0 && azimuth_beamwidth_rad > 0.0 && elevation_beamwidth_rad > 0.0,
               "clutter: range and beamwidths must be > 0");
  return std::numbers::pi * range_m * range_m * azimuth_beamwidth_rad * elevation_beamwidth_rad /
         (4.0 * std::sin(grazing_rad));
}

double ClutterCellAreaM2(double range_m, double range_resolution_m, double azimuth_beamwidth_rad,
                         double elevation_beamwidth_rad, double grazing_rad) {
  const double pulse =
      PulseLimitedClutterAreaM2(range_m, range_resolution_m, azimuth_beamwidth_rad, grazing_rad);
  const double beam =
      BeamLimitedClutterAreaM2(range_m, azimuth_beamwidth_rad, elevation_beamwidth_rad, grazing_rad);
  return pulse < beam ? pulse : beam;
}

Problems ClutterCell::Validate() const {
  Problems problems;
  const auto bad = [&](const char* path, const char* message, double got) {
    problems.push_back({path, std::string(message) + " (got " + std::to_string(got) + ")"});
  };
  if (!(gamma_db >= -60.0 && gamma_db <= 0.0)) bad("gamma", "must be in [-60, 0] dB", gamma_db);
  if (!(grazing_rad > 0.0 && grazing_rad < 0.5 * std::numbers::pi)) {
    bad("grazing", "must be in (0, pi/2) rad", grazing_rad);
  }
  if (!(range_resolution_m > 0.0)) bad("range_resolution", "must be > 0 m", range_resolution_m);
  if (!(azimuth_beamwidth_rad > 0.0)) bad("azimuth_beamwidth", "must be > 0 rad", azimuth_beamwidth_rad);
  if (!(elevation_beamwidth_rad > 0.0)) {
    bad("elevation_beamwidth", "must be > 0 rad", elevation_beamwidth_rad);
  }
  return problems;
}

double ClutterRcsM2(const ClutterCell& cell, double range_m) {
  return ConstantGammaReflectivity(cell.gamma_db, cell.grazing_rad) *
         ClutterCellAreaM2(range_m, cell.range_resolution_m, cell.azimuth_beamwidth_rad,
                           cell.elevation_beamwidth_rad, cell.grazing_rad);
}

double ClutterToNoiseDb(const ClutterCell& cell, const RadarEquationInputs& radar) {
  RadarEquationInputs in = radar;
  in.rcs_m2 = ClutterRcsM2(cell, radar.range_m);
  return RadarSnrDb(in);
}

double SignalToClutterDb(const ClutterCell& cell, double rcs_m2, double range_m,
                         double improvement_db) {
  IADSIM_CHECK(rcs_m2 > 0.0, "clutter: target rcs must be > 0");
  IADSIM_CHECK(improvement_db >= 0.0, "clutter: improvement factor must be >= 0 dB");
  return 10.0 * std::log10(rcs_m2 / ClutterRcsM2(cell, range_m)) + improvement_db;
}

double SignalToNoisePlusClutter(double snr, double cnr, double improvement_db) {
  IADSIM_CHECK(snr >= 0.0 && cnr >= 0.0, "clutter: snr and cnr must be >= 0");
  IADSIM_CHECK(improvement_db >= 0.0, "clutter: improvement factor must be >= 0 dB");
  return snr / (1.0 + cnr / std::pow(10.0, improvement_db / 10.0));
}

}  // namespace iadsim
