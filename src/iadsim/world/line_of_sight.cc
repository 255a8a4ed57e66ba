#include "iadsim/world/line_of_sight.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kMaxKFactor = 10.0;
constexpr double kMaxStepM = 100e3;

std::string Key(const std::string& prefix, const char* name) {
  return prefix.empty() ? std::string(name) : prefix + "." + name;
}

}  // namespace

double SmoothEarthHorizonDistanceM(double height_m, double k_factor, double earth_radius_m) {
  IADSIM_CHECK(std::isfinite(height_m), "SmoothEarthHorizonDistanceM: height must be finite");
  IADSIM_CHECK(k_factor > 0.0 && std::isfinite(k_factor),
               "SmoothEarthHorizonDistanceM: k factor must be > 0");
  IADSIM_CHECK(earth_radius_m > 0.0 && std::isfinite(earth_radius_m),
               "SmoothEarthHorizonDistanceM: earth radius must be > 0");
  if (height_m <= 0.0) return 0.0;  // on or below the surface (header)
  const double a = k_factor * earth_radius_m;
  // arccos(a / (a + h)) written as atan(√(2ah + h²) / a): the same angle, without the loss of
  // precision of arccos near 1 for small h.
  return a * std::atan(std::sqrt(height_m * (2.0 * a + height_m)) / a);
}

bool WithinSmoothEarthHorizon(double h1_m, double h2_m, double ground_distance_m, double k_factor,
                              double earth_radius_m) {
  IADSIM_CHECK(ground_distance_m >= 0.0 && std::isfinite(ground_distance_m),
               "WithinSmoothEarthHorizon: ground distance must be >= 0");
  return ground_distance_m <= SmoothEarthHorizonDistanceM(h1_m, k_factor, earth_radius_m) +
                                  SmoothEarthHorizonDistanceM(h2_m, k_factor, earth_radius_m);
}

double EarthRadiusOfCurvatureM(double lat_deg, double azimuth_rad) {
  const auto& geod = GeographicLib::Geodesic::WGS84();
  const double a = geod.EquatorialRadius();
  const double f = geod.Flattening();
  const double e2 = f * (2.0 - f);
  const double s = std::sin(lat_deg * kDegToRad);
  const double w2 = 1.0 - e2 * s * s;
  const double n = a / std::sqrt(w2);                  // prime vertical
  const double m = a * (1.0 - e2) / (w2 * std::sqrt(w2));  // meridian
  const double c = std::cos(azimuth_rad);
  const double sn = std::sin(azimuth_rad);
  return 1.0 / (c * c / m + sn * sn / n);
}

Problems LineOfSightConfig::Validate(const std::string& key_path) const {
  Problems problems;
  if (!(k_factor > 0.0 && k_factor <= kMaxKFactor)) {
    problems.push_back(
        {Key(key_path, "k_factor"), fmt::format("must be in (0, {}] (got {})", kMaxKFactor, k_factor)});
  }
  if (!(step_m >= 0.0 && step_m <= kMaxStepM)) {
    problems.push_back({Key(key_path, "step_m"),
                        fmt::format("must be in [0, {} m] (got {} m)", kMaxStepM, step_m)});
  }
  return problems;
}

LineOfSight ComputeLineOfSight(const Terrain& terrain, const Geodetic& from, const Geodetic& to,
                               const LineOfSightConfig& config) {
  IADSIM_CHECK(config.Validate().empty(), "ComputeLineOfSight: invalid LineOfSightConfig");
  IADSIM_CHECK(std::isfinite(from.alt_m) && std::isfinite(to.alt_m),
               "ComputeLineOfSight: heights must be finite");
  const auto& geod = GeographicLib::Geodesic::WGS84();
  const GeographicLib::GeodesicLine line =
      geod.InverseLine(from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg);
  LineOfSight los;
  const double d = line.Distance();
  los.ground_distance_m = d;
  double mid_lat = 0.0;
  double mid_lon = 0.0;
  double mid_azi = 0.0;
  line.Position(0.5 * d, mid_lat, mid_lon, mid_azi);
  const double a = config.k_factor * EarthRadiusOfCurvatureM(mid_lat, mid_azi * kDegToRad);
  los.effective_radius_m = a;
  const double big_theta = d / a;
  if (!(big_theta > 1e-12)) return los;  // coincident ground points: nothing in between

  // The ray as a polar line 1/r = A cos θ + B sin θ (header).
  const double coef_a = 1.0 / (a + from.alt_m);
  const double coef_b = (1.0 / (a + to.alt_m) - coef_a * std::cos(big_theta)) / std::sin(big_theta);
  const auto ray_height_m = [&](double theta) {
    return 1.0 / (coef_a * std::cos(theta) + coef_b * std::sin(theta)) - a;
  };
  const auto at_distance = [&](double s_m, double elevation_m) {
    Geodetic g;
    line.Position(s_m, g.lat_deg, g.lon_deg);
    g.alt_m = elevation_m;
    return g;
  };

  // Fast path: the lowest point of the ray above the highest terrain.
  double theta_low = std::atan2(coef_b, coef_a);
  if (!(theta_low > 0.0 && theta_low < big_theta)) {
    theta_low = from.alt_m <= to.alt_m ? 0.0 : big_theta;
  }
  const double ray_min_m = ray_height_m(theta_low);
  const double terrain_max_m = terrain.MaxElevationM();
  if (ray_min_m > terrain_max_m) {
    los.fast_path = true;
    los.clearance_m = ray_min_m - terrain_max_m;
    los.critical_distance_m = theta_low * a;
    los.critical_point = at_distance(los.critical_distance_m, terrain_max_m);
    return los;
  }

  const double step_m = config.step_m > 0.0 ? config.step_m : terrain.ResolutionM();
  IADSIM_CHECK(step_m > 0.0, "ComputeLineOfSight: terrain resolution must be > 0");
  const double n_real = std::ceil(d / step_m);
  IADSIM_CHECK(n_real < 1e8, "ComputeLineOfSight: too many samples (step too small for the path)");
  const int n = std::max(1, static_cast<int>(n_real));
  double best_clearance = std::numeric_limits<double>::infinity();
  double best_s = 0.0;
  double best_z = 0.0;
  for (int i = 1; i < n; ++i) {
    const double s = d * static_cast<double>(i) / n;
    double lat = 0.0;
    double lon = 0.0;
    line.Position(s, lat, lon);
    const double z = terrain.ElevationM(lat, lon);
    const double clearance = ray_height_m(s / a) - z;
    if (clearance < best_clearance) {
      best_clearance = clearance;
      best_s = s;
      best_z = z;
    }
  }
  los.samples = n - 1;
  los.clearance_m = best_clearance;
  los.visible = !(best_clearance < 0.0);
  if (los.samples > 0) {
    los.critical_distance_m = best_s;
    los.critical_point = at_distance(best_s, best_z);
  }
  return los;
}

}  // namespace iadsim
