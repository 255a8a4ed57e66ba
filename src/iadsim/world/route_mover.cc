#include "iadsim/world/route_mover.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <GeographicLib/Geodesic.hpp>

#include "iadsim/core/angle.h"

namespace iadsim {
namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
// How far past the last waypoint the continuation (EndOfRoute::kContinue) is fitted; beyond, the
// exact geodesic is evaluated (2,000 km: 1.9 h at 300 m/s).
constexpr double kContinueFitM = 2000e3;
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
  const auto* k = reinterpret_cast<const char*>(knots_.data());
  __builtin_prefetch(k);
  __builtin_prefetch(k + std::min<std::size_t>(knots_.size() * sizeof(Knot), 128) - 1);
  fitted_.Prefetch();
}

Problems WaypointProblems(const Waypoint& w, const std::string& p) {
  Problems out;
  if (!(w.speed_mps > 0.0 && w.speed_mps < 5000.0))
    out.push_back({p + ".speed", fmt::format("must be in (0, 5000) m/s (got {} m/s)", w.speed_mps)});
  if (!(std::abs(w.position.lat_deg) <= 90.0))
    out.push_back({p + ".lat", fmt::format("must be in [-90, 90] deg (got {})", w.position.lat_deg)});
  if (!(std::abs(w.position.lon_deg) <= 180.0))
    out.push_back({p + ".lon", fmt::format("must be in [-180, 180] deg (got {})", w.position.lon_deg)});
  if (!(w.position.alt_m >= -500.0 && w.position.alt_m <= 100000.0))
    out.push_back({p + ".alt", fmt::format("must be in [-500, 100000] m (got {} m)", w.position.alt_m)});
  return out;
}

Problems RouteConfig::Validate() const {
  Problems out;
  if (waypoints.size() < 2)
    out.push_back({"route", fmt::format("needs at least 2 waypoints (got {})", waypoints.size())});
  if (start < SimTime()) out.push_back({"start", fmt::format("must be >= 0 s (got {} s)", start.seconds())});
  for (std::size_t i = 0; i < waypoints.size(); ++i) {
    const auto& w = waypoints[i];
    const std::string p = fmt::format("route[{}]", i);
    for (Problem& q : WaypointProblems(w, p)) out.push_back(std::move(q));
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

  // The fitted path: each piece on its own span (its ends are where the curvature jumps), then the
  // continuation for kContinueFitM.
  for (const Piece& piece : pieces_) {
    const double length = std::isfinite(piece.length_m) ? piece.length_m : (end_ == EndOfRoute::kContinue ? kContinueFitM : 0.0);
    // 8 nodes fit a geodesic chunk under 120 km with its latitude, longitude and heading
    // (chebyshev_path.h; at 290 km the longitude's tail is above 1e-12 deg), 12 otherwise.
    const int nodes = !piece.arc && length <= 120e3 ? 8 : 12;
    fitted_.Fit(piece.s0_m, piece.s0_m + length, [&piece](double along) { return ExactAt(piece, along); }, nodes);
  }

  waypoint_time_s_.assign(n, 0.0);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double ds = waypoint_s_m_[i + 1] - waypoint_s_m_[i];
    waypoint_time_s_[i + 1] = waypoint_time_s_[i] + 2.0 * ds / (waypoints_[i].speed_mps + waypoints_[i + 1].speed_mps);
  }
  for (std::size_t i = 0; i < n; ++i)
    knots_.push_back({waypoint_time_s_[i], waypoint_s_m_[i], waypoints_[i].speed_mps, waypoints_[i].position.alt_m});
}

std::optional<KinematicState> RouteMover::StateAt(SimTime t, StateParts parts) const { return Evaluate(t, false, parts); }

std::optional<KinematicState> RouteMover::ExactStateAt(SimTime t) const { return Evaluate(t, true, StateParts::kAll); }

std::optional<KinematicState> RouteMover::Evaluate(SimTime t, bool exact, StateParts parts) const {
  if (t < start_) return std::nullopt;
  const double t_s = (t - start_).seconds();
  // The waypoint table read here is knots_ (the same numbers as waypoint_time_s_, waypoint_s_m_
  // and waypoints_, in one block of memory).
  const std::size_t n = knots_.size();
  const Knot& last = knots_.back();
  if (t_s > last.time_s) {
    if (end_ == EndOfRoute::kRemove) return std::nullopt;
    const double v = last.speed_mps;
    return StateAtDistance(last.s_m + v * (t_s - last.time_s), v, 0.0, last.alt_m, exact, parts);
  }
  const auto it = std::upper_bound(knots_.begin(), knots_.end(), t_s, [](double x, const Knot& k) { return x < k.time_s; });
  const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(it - knots_.begin()), n - 1) - 1;
  const Knot& k0 = knots_[i];
  const Knot& k1 = knots_[i + 1];
  const double tau = t_s - k0.time_s;
  const double dt = k1.time_s - k0.time_s;
  const double v0 = k0.speed_mps, v1 = k1.speed_mps;
  const double accel = (v1 - v0) / dt;
  const double ds = k1.s_m - k0.s_m;
  const double s = k0.s_m + v0 * tau + 0.5 * accel * tau * tau;
  const double v = v0 + accel * tau;
  const double h0 = k0.alt_m, h1 = k1.alt_m;
  return StateAtDistance(s, v, v * (h1 - h0) / ds, h0 + (h1 - h0) * (s - k0.s_m) / ds, exact, parts);
}

PathPoint RouteMover::ExactAt(const Piece& piece, double along_m) {
  PathPoint p;
  if (piece.arc) {
    const double psi = piece.heading0_rad + piece.side * along_m / piece.radius_m;
    const double normal = psi + piece.side * std::numbers::pi / 2.0;
    const Vec3 q = piece.center_enu - piece.radius_m * Vec3{std::sin(normal), std::cos(normal), 0.0};
    p.geo = piece.frame->GeodeticFromEnu(q);
    p.heading_rad = WrapTwoPi(psi);
  } else {
    const GeodesicDirect d = At(*piece.line, along_m);
    p.geo = d.point;
    p.heading_rad = d.azimuth_rad;
  }
  return p;
}

KinematicState RouteMover::StateAtDistance(double s_m, double speed_mps, double vertical_mps, double alt_m,
                                           bool exact, StateParts parts) const {
  KinematicState k;
  k.ground_speed_mps = speed_mps;
  if (!exact && !fitted_.empty() && s_m <= fitted_.end_m()) {
    const bool lat_lon = parts == StateParts::kAll;
    const PathFrame f = fitted_.At(s_m, lat_lon);
    const Vec3& up = f.up_ecef;
    const double cl = std::sqrt(up.x() * up.x() + up.y() * up.y());
    if (cl > 1e-6) {  // more than 6 m from a pole (there the exact path below)
      const double co = up.x() / cl, so = up.y() / cl, sl = up.z();
      const double east = -so * f.t_ecef.x() + co * f.t_ecef.y();
      const double north = -sl * (co * f.t_ecef.x() + so * f.t_ecef.y()) + cl * f.t_ecef.z();
      if (!lat_lon) {
        constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
        k.geo = {kNaN, kNaN, alt_m};
        k.heading_rad = kNaN;
      } else if (f.angles) {
        k.geo = {f.lat_deg, f.lon_deg, alt_m};
        k.heading_rad = f.heading_rad;
      } else {
        k.geo = {std::atan2(up.z(), cl) / kDeg, std::atan2(up.y(), up.x()) / kDeg, alt_m};
        // [0, 2 pi): atan2 is in [-pi, pi]; a tiny negative angle + 2 pi rounds to 2 pi, taken as 0.
        constexpr double kTwoPi = 2.0 * std::numbers::pi;
        const double psi = std::atan2(east, north);
        k.heading_rad = psi >= 0.0 ? psi : (psi + kTwoPi < kTwoPi ? psi + kTwoPi : 0.0);
      }
      k.v_enu = {speed_mps * east, speed_mps * north, vertical_mps};
      k.v_ecef = speed_mps * f.t_ecef + vertical_mps * up;
      k.p_ecef = f.p0_ecef + alt_m * up;
      return k;
    }
  }
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), s_m,
                             [](double s, const Piece& p) { return s < p.s0_m; });
  const Piece& piece = *(it == pieces_.begin() ? it : it - 1);
  const PathPoint p = ExactAt(piece, std::max(0.0, s_m - piece.s0_m));
  k.geo = p.geo;
  k.heading_rad = p.heading_rad;
  k.geo.alt_m = alt_m;
  k.v_enu = {speed_mps * std::sin(k.heading_rad), speed_mps * std::cos(k.heading_rad), vertical_mps};
  k.v_ecef = EnuFromEcefRotation(k.geo.lat_deg, k.geo.lon_deg).transpose() * k.v_enu;
  k.p_ecef = EcefFromGeodetic(k.geo);
  return k;
}

}  // namespace iadsim
