#include "iadsim/c2/weapons_control.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"

namespace iadsim {

const char* ToString(WeaponsControl c) {
  switch (c) {
    case WeaponsControl::kFree: return "free";
    case WeaponsControl::kTight: return "tight";
    case WeaponsControl::kHold: return "hold";
  }
  return "?";
}

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kBoundaryTolRad = 1e-9;

// Clockwise angular width of the sector, (0, 2pi]; 0 for an empty sector.
double Width(const WeaponsControlSector& s) {
  const double w = s.to_azimuth_rad - s.from_azimuth_rad;
  if (w >= kTwoPi - kBoundaryTolRad) return kTwoPi;  // 0 -> 360 deg: the full circle
  return WrapTwoPi(w);
}

double Deg(double rad) { return rad * 180.0 / std::numbers::pi; }

}  // namespace

ControlDecision ControlAt(const std::vector<WeaponsControlSector>& sectors,
                          WeaponsControl default_control, double azimuth_rad) {
  IADSIM_CHECK(std::isfinite(azimuth_rad), "ControlAt: azimuth is not finite");
  const double az = WrapTwoPi(azimuth_rad);
  for (const WeaponsControlSector& s : sectors) {
    double offset = WrapTwoPi(az - s.from_azimuth_rad);
    // An azimuth a hair anticlockwise of `from` is the boundary itself, not 2pi away.
    if (offset > kTwoPi - kBoundaryTolRad) offset = 0.0;
    if (offset <= Width(s) + kBoundaryTolRad) return {s.control, s.name};
  }
  return {default_control, ""};
}

Problems ValidateSectors(const std::vector<WeaponsControlSector>& sectors) {
  Problems out;
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    const WeaponsControlSector& s = sectors[i];
    const std::string at = fmt::format("sectors[{}].", i);
    bool angles_ok = true;
    for (const auto& [key, value] : {std::pair<const char*, double>{"from_azimuth", s.from_azimuth_rad},
                                     std::pair<const char*, double>{"to_azimuth", s.to_azimuth_rad}}) {
      if (!(value >= 0.0 && value <= kTwoPi + kBoundaryTolRad)) {
        out.push_back({at + key, fmt::format("must be in [0, 360] deg (got {:g} deg)", Deg(value))});
        angles_ok = false;
      }
    }
    if (angles_ok && Width(s) <= kBoundaryTolRad)
      out.push_back({at + "to_azimuth",
                     fmt::format("the sector is empty (from {:g} deg to {:g} deg is one azimuth); the full "
                                 "circle is from 0 deg to 360 deg",
                                 Deg(s.from_azimuth_rad), Deg(s.to_azimuth_rad))});
  }
  return out;
}

}  // namespace iadsim
