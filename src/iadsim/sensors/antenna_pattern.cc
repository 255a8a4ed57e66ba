#include "iadsim/sensors/antenna_pattern.h"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <numbers>
#include <string>

namespace iadsim {

double OneWayPatternGain(BeamShape shape, double angle_rad, double beamwidth_rad) {
  IADSIM_CHECK(beamwidth_rad > 0.0 && std::isfinite(beamwidth_rad), "pattern: beamwidth must be > 0");
  IADSIM_CHECK(std::isfinite(angle_rad), "pattern: angle must be finite");
  const double r = angle_rad / beamwidth_rad;
  switch (shape) {
    case BeamShape::kGaussian:
      return std::exp(-4.0 * std::numbers::ln2 * r * r);
    case BeamShape::kSinc: {
      const double x = std::numbers::pi * kSincBeamwidthFactor * r;
      if (std::abs(x) < 1e-8) return 1.0;
      const double s = std::sin(x) / x;
      return s * s;
    }
  }
  IADSIM_CHECK(false, "pattern: unknown beam shape " + std::to_string(static_cast<int>(shape)));
  return 0.0;
}

double AntennaPattern::Gain(double azimuth_offset_rad, double elevation_offset_rad) const {
  const double g = OneWayPatternGain(shape, azimuth_offset_rad, azimuth_beamwidth_rad) *
                   OneWayPatternGain(shape, elevation_offset_rad, elevation_beamwidth_rad);
  const double floor = std::pow(10.0, -sidelobe_level_db / 10.0);
  return g > floor ? g : floor;
}

double AntennaPattern::GainDb(double azimuth_offset_rad, double elevation_offset_rad) const {
  return 10.0 * std::log10(Gain(azimuth_offset_rad, elevation_offset_rad));
}

Problems AntennaPattern::Validate() const {
  Problems problems;
  const double max_beamwidth = std::numbers::pi / 6.0;
  if (!(azimuth_beamwidth_rad > 0.0 && azimuth_beamwidth_rad <= max_beamwidth)) {
    problems.push_back({"azimuth_beamwidth", "must be in (0, 30] deg (got " +
                                                 std::to_string(azimuth_beamwidth_rad * 180.0 / std::numbers::pi) +
                                                 " deg)"});
  }
  if (!(elevation_beamwidth_rad > 0.0 && elevation_beamwidth_rad <= max_beamwidth)) {
    problems.push_back({"elevation_beamwidth", "must be in (0, 30] deg (got " +
                                                   std::to_string(elevation_beamwidth_rad * 180.0 / std::numbers::pi) +
                                                   " deg)"});
  }
  if (!(sidelobe_level_db >= 0.0 && sidelobe_level_db <= 80.0)) {
    problems.push_back({"sidelobe_level", "must be in [0, 80] dB below the peak (got " +
                                              std::to_string(sidelobe_level_db) + " dB)"});
  }
  if (shape != BeamShape::kSinc && shape != BeamShape::kGaussian) {
    problems.push_back({"shape", "must be sinc or gaussian"});
  }
  return problems;
}

double BeamShapeLossDb(BeamShape shape, double integration_width_in_beamwidths) {
  IADSIM_CHECK(integration_width_in_beamwidths > 0.0 && integration_width_in_beamwidths <= 10.0,
               "beam-shape loss: integration width must be in (0, 10] beamwidths");
  const double half = 0.5 * integration_width_in_beamwidths;
  const auto two_way = [shape](double r) {
    const double g = OneWayPatternGain(shape, r, 1.0);
    return g * g;
  };
  const double integral =
      boost::math::quadrature::gauss_kronrod<double, 61>::integrate(two_way, -half, half, 10, 1e-12);
  return -10.0 * std::log10(integral / (2.0 * half));
}

}  // namespace iadsim
