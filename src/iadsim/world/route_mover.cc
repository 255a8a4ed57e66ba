#include "iadsim/world/route_mover.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include <GeographicLib/Geodesic.hpp>

#include "iadsim/core/angle.h"

namespace iadsim {
namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
// GeodesicPath's line (geodesy/geodetic.cc): the same call, so the same coefficients.
GeographicLib::GeodesicLine LineFrom(const Geodetic& from, double azimuth_rad) {
  return GeographicLib::Geodesic::WGS84().Line(from.lat_deg, from.lon_deg, azimuth_rad / kDeg);
}
}  // namespace

// GeodesicPath::At, the same operations.
GeodesicDirect RouteMover::At(const GeographicLib::GeodesicLine& line, double distance_m) {
  GeodesicDirect r;
  double azi2 = 0;
  line.Position(distance_m, r.point.lat_deg, r.point.lon_deg, azi2);
  r.azimuth_rad = WrapTwoPi(azi2 * kDeg);
  return r;
}

void RouteMover::Prefetch() const {
  __builtin_prefetch(waypoint_time_s_.data());
  __builtin_prefetch(waypoint_s_m_.data());
  __builtin_prefetch(waypoints_.data());
  const auto* p = reinterpret_cast<const char*>(pieces_.data());
  // The first leg (with two waypoints the only one before the continuation), else the first two pieces.
  const std::size_t bytes = (pieces_.size() <= 2 ? 1 : 2) * sizeof(Piece);
  for (std::size_t b = 0; b < bytes; b += 64) __builtin_prefetch(p + b);
}

Problems RouteConfig::Validate() const {
  Problems out;
  if (waypoints.size() < 2)
    out.push_back({"route", fmt::format("needs at least 2 waypoints (got {})", waypoints.size())});
  for (std::size_t i = 0; i < waypoints.size(); ++i) {
    const auto& w = waypoints[i];
    const std::string p = fmt::format("route[{}]", i);
    if (!(w.speed_mps > 0.0 && w.speed_mps < 5000.0))
      out.push_back({p + ".speed", fmt::format("must be in (0, 5000) m/s (got {} m/s)", w.speed_mps)});
    if (!(std::abs(w.position.lat_deg) <= 90.0))
      out.push_back({p + ".lat", fmt::format("must be in [-90, 90] deg (got {})", w.position.lat_deg)});
    if (!(std::abs(w.position.lon_deg) <= 180.0))
      out.push_back({p + ".lon", fmt::format("must be in [-180, 180] deg (got {})", w.position.lon_deg)});
    if (!(w.position.alt_m >= -500.0 && w.position.alt_m <= 100000.0))
      out.push_back({p + ".alt", fmt::format("must be in [-500, 100000] m (got {} m)", w.position.alt_m)});
    if (i > 0 && Inverse(waypoints[i - 1].position, w.position).distance_m < 1.0)
      out.push_back({p, "is less than 1 m from the previous waypoint"});
  }
  if (!(turn_rate_rad_s > 0.0 && turn_rate_rad_s <= 1.0))
    out.push_back({"turn_rate", fmt::format("must be in (0, 57.3] deg/s (got {} deg/s)",
                                            Angle::Radians(turn_rate_rad_s).deg())});
  return out;
}

RouteMover::RouteMover(const RouteConfig& config)
    : start_(config.start), end_(config.end), waypoints_(config.waypoints) {
  const std::size_t n = waypoints_.size();
  std::vector<GeodesicInverse> legs;
  for (std::size_t i = 0; i + 1 < n; ++i) legs.push_back(Inverse(waypoints_[i].position, waypoints_[i + 1].position));
  // Tangent distance and signed heading change at each waypoint (0 at both ends).
  std::vector<double> tangent(n, 0.0), turn(n, 0.0), radius(n, 0.0);
  for (std::size_t j = 1; j + 1 < n; ++j) {
    turn[j] = WrapPi(legs[j].azimuth_from_rad - legs[j - 1].azimuth_to_rad);
    if (std::abs(turn[j]) < 1e-9) continue;
    radius[j] = waypoints_[j].speed_mps / config.turn_rate_rad_s;
    const double half_tan = std::tan(std::abs(turn[j]) / 2.0);
    tangent[j] = radius[j] * half_tan;
    const double limit = 0.5 * std::min(legs[j - 1].distance_m, legs[j].distance_m);
    if (tangent[j] > limit) {
      tangent[j] = limit;
      radius[j] = limit / half_tan;
    }
  }
  double s = 0.0;
  waypoint_s_m_.assign(n, 0.0);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (i > 0 && tangent[i] > 0.0) {  // the turn arc at waypoint i
      Piece arc;
      arc.arc = true;
      arc.s0_m = s;
      arc.length_m = radius[i] * std::abs(turn[i]);
      arc.radius_m = radius[i];
      arc.side = turn[i] > 0.0 ? 1.0 : -1.0;
      arc.heading0_rad = legs[i - 1].azimuth_to_rad;
      arc.frame.emplace(Geodetic{waypoints_[i].position.lat_deg, waypoints_[i].position.lon_deg, 0.0});
      const Vec3 entry{-tangent[i] * std::sin(arc.heading0_rad), -tangent[i] * std::cos(arc.heading0_rad), 0.0};
      const double normal = arc.heading0_rad + arc.side * std::numbers::pi / 2.0;
      arc.center_enu = entry + radius[i] * Vec3{std::sin(normal), std::cos(normal), 0.0};
      waypoint_s_m_[i] = s + arc.length_m / 2.0;
      s += arc.length_m;
      pieces_.push_back(arc);
    } else if (i > 0) {
      waypoint_s_m_[i] = s;
    }
    Piece straight;
    straight.s0_m = s;
    straight.length_m = legs[i].distance_m - tangent[i] - tangent[i + 1];
    const GeodesicDirect p0 = Direct(waypoints_[i].position, legs[i].azimuth_from_rad, tangent[i]);
    straight.from = p0.point;
    straight.azimuth_rad = p0.azimuth_rad;
    straight.line.emplace(LineFrom(straight.from, straight.azimuth_rad));
    s += straight.length_m;
    pieces_.push_back(straight);
  }
  waypoint_s_m_[n - 1] = s;
  Piece beyond;  // after the last waypoint: straight on along the last leg's geodesic
  beyond.s0_m = s;
  beyond.length_m = INFINITY;
  beyond.from = waypoints_[n - 1].position;
  beyond.azimuth_rad = legs.back().azimuth_to_rad;
  beyond.line.emplace(LineFrom(beyond.from, beyond.azimuth_rad));
  pieces_.push_back(beyond);

  waypoint_time_s_.assign(n, 0.0);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double ds = waypoint_s_m_[i + 1] - waypoint_s_m_[i];
    waypoint_time_s_[i + 1] = waypoint_time_s_[i] + 2.0 * ds / (waypoints_[i].speed_mps + waypoints_[i + 1].speed_mps);
  }
}

std::optional<KinematicState> RouteMover::StateAt(SimTime t) const {
  if (t < start_) return std::nullopt;
  const double t_s = (t - start_).seconds();
  const std::size_t n = waypoints_.size();
  if (t_s > waypoint_time_s_.back()) {
    if (end_ == EndOfRoute::kRemove) return std::nullopt;
    const double v = waypoints_.back().speed_mps;
    return StateAtDistance(waypoint_s_m_.back() + v * (t_s - waypoint_time_s_.back()), v, 0.0,
                           waypoints_.back().position.alt_m);
  }
  const auto it = std::upper_bound(waypoint_time_s_.begin(), waypoint_time_s_.end(), t_s);
  const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(it - waypoint_time_s_.begin()), n - 1) - 1;
  const double tau = t_s - waypoint_time_s_[i];
  const double dt = waypoint_time_s_[i + 1] - waypoint_time_s_[i];
  const double v0 = waypoints_[i].speed_mps, v1 = waypoints_[i + 1].speed_mps;
  const double accel = (v1 - v0) / dt;
  const double ds = waypoint_s_m_[i + 1] - waypoint_s_m_[i];
  const double s = waypoint_s_m_[i] + v0 * tau + 0.5 * accel * tau * tau;
  const double v = v0 + accel * tau;
  const double h0 = waypoints_[i].position.alt_m, h1 = waypoints_[i + 1].position.alt_m;
  return StateAtDistance(s, v, v * (h1 - h0) / ds, h0 + (h1 - h0) * (s - waypoint_s_m_[i]) / ds);
}

KinematicState RouteMover::StateAtDistance(double s_m, double speed_mps, double vertical_mps,
                                           double alt_m) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), s_m,
                             [](double s, const Piece& p) { return s < p.s0_m; });
  const Piece& piece = *(it == pieces_.begin() ? it : it - 1);
  const double along = std::max(0.0, s_m - piece.s0_m);
  KinematicState k;
  if (piece.arc) {
    const double psi = piece.heading0_rad + piece.side * along / piece.radius_m;
    const double normal = psi + piece.side * std::numbers::pi / 2.0;
    const Vec3 p = piece.center_enu - piece.radius_m * Vec3{std::sin(normal), std::cos(normal), 0.0};
    k.geo = piece.frame->GeodeticFromEnu(p);
    k.heading_rad = WrapTwoPi(psi);
  } else {
    const GeodesicDirect d = At(*piece.line, along);
    k.geo = d.point;
    k.heading_rad = d.azimuth_rad;
  }
  k.geo.alt_m = alt_m;
  k.ground_speed_mps = speed_mps;
  k.v_enu = {speed_mps * std::sin(k.heading_rad), speed_mps * std::cos(k.heading_rad), vertical_mps};
  k.v_ecef = EnuFromEcefRotation(k.geo.lat_deg, k.geo.lon_deg).transpose() * k.v_enu;
  k.p_ecef = EcefFromGeodetic(k.geo);
  return k;
}

}  // namespace iadsim
