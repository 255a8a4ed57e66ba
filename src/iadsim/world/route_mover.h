#pragma once
// Route mover: an aircraft flying waypoints, evaluated analytically in time (nothing integrates
// an aircraft between events, so an hour of quiet sky costs nothing).
//
// Model (no wind; speeds are ground speeds along the horizontal track):
//  - Legs between waypoints are WGS-84 geodesics (great circles on the ellipsoid; GeographicLib).
//  - At an interior waypoint the aircraft turns at a constant rate omega (rad/s) on a circular arc
//    of radius r = v / omega tangent to both legs (a fly-by turn), cutting the corner by
//    d = r tan(|dpsi| / 2) on each leg. The arc is laid in the tangent plane of the waypoint
//    (error < 1 m for turn radii under 20 km). When a leg is too short for the tangent distance,
//    the radius is reduced so that the arc fits (the turn is then faster than stated).
//  - Between waypoint i and i+1 the speed changes at constant acceleration in time,
//    a = (v1^2 - v0^2) / (2 s), and the altitude changes linearly with along-track distance; the
//    vertical speed is v dh/ds. Waypoint i is reached at the middle of its turn.
//  - Before `start` the aircraft is not in the sky. After the last waypoint it either keeps its
//    last heading, speed and altitude (EndOfRoute::kContinue) or leaves the simulation
//    (EndOfRoute::kRemove: landed or out of the scenario).
// Valid for subsonic and supersonic aircraft, legs up to thousands of km.
//
// Evaluation. The path above (geodesic pieces and arcs, and the continuation for 2,000 km past the
// last waypoint) is fitted once, piece by piece, by Chebyshev series of the surface point p0(s) and
// the unit direction of travel t(s) in ECEF (world/chebyshev_path.h); StateAt evaluates them:
//   p_ecef = p0 + h up,  v_ecef = v t + vz up,  v_enu = (v t.e, v t.n, vz)
//   (up: the ellipsoid normal at p0; e, n: east and north there); latitude, longitude and heading
//   from their own fitted series (where these do not converge, near a pole: those of up and
//   atan2(t.e, t.n)).
// It differs from the exact evaluation (ExactStateAt: GeographicLib's GeodesicLine::Position, the
// geodetic -> ECEF conversion and the ENU -> ECEF rotation) by < 1e-6 m in position and
// < 1e-6 m/s in velocity by construction (truncation tolerances; world/test checks 1 mm and
// 1 mm/s at random points of random routes: long, short, polar, antimeridian, climbing, turning,
// holding; worst found 1.1e-6 m, 6.5e-9 m/s), for a fourth of the cost (~600 instructions a call). Within 6 m of a pole and past the fitted continuation
// StateAt evaluates exactly.
#include <optional>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"
#include "iadsim/world/chebyshev_path.h"

namespace iadsim {

struct Waypoint {
  Geodetic position;        // alt_m is the altitude to be at when passing the waypoint
  double speed_mps = 0.0;   // ground speed at the waypoint, > 0
};

// The problems of one waypoint (speed in (0, 5000) m/s, latitude, longitude, altitude in
// [-500, 100000] m), their paths under `path` (e.g. "route[2]"): what RouteConfig::Validate checks of
// each, for the waypoints of a diversion too (a mission's egress, a reaction to a notice).
Problems WaypointProblems(const Waypoint& w, const std::string& path);

enum class EndOfRoute { kContinue, kRemove };

struct RouteConfig {
  std::vector<Waypoint> waypoints;  // at least 2
  double turn_rate_rad_s = 0.0524;  // 3 deg/s, a standard-rate turn; (0, 1]
  SimTime start;                    // when the aircraft appears at the first waypoint
  EndOfRoute end = EndOfRoute::kContinue;
  Problems Validate() const;
};

// What a state is asked to carry: everything, or (kNoLatLon) what a caller needing only positions,
// velocities and heights reads (a radar without terrain or aspect-dependent RCS): geo.lat_deg,
// geo.lon_deg and heading_rad are then left NaN where leaving them out saves work (the fitted path
// reads two fifths fewer coefficients); every other member is the same double as with kAll.
enum class StateParts { kAll, kNoLatLon };

struct KinematicState {
  Geodetic geo;
  Vec3 p_ecef;
  Vec3 v_ecef;
  Vec3 v_enu;  // in the local frame at the aircraft
  double heading_rad = 0.0;
  double ground_speed_mps = 0.0;
};

class RouteMover final {
 public:
  // The config must be valid (RouteConfig::Validate() empty).
  explicit RouteMover(const RouteConfig& config);
  // The state at time t, or nothing when the aircraft is not in the sky at t.
  std::optional<KinematicState> StateAt(SimTime t, StateParts parts = StateParts::kAll) const;
  // The same from the exact path (GeographicLib at every call; for tests and references).
  std::optional<KinematicState> ExactStateAt(SimTime t) const;
  SimTime start() const { return start_; }
  // When the last waypoint is reached.
  SimTime route_end() const { return start_ + Duration::Seconds(waypoint_time_s_.back()); }
  // When waypoint i (< the waypoint count) is reached (the middle of its turn).
  SimTime waypoint_time(std::size_t i) const { return start_ + Duration::Seconds(waypoint_time_s_.at(i)); }
  std::size_t waypoint_count() const { return waypoint_time_s_.size(); }
  double waypoint_speed(std::size_t i) const { return waypoints_.at(i).speed_mps; }
  EndOfRoute end() const { return end_; }
  // A cache hint for a caller about to call StateAt on many movers in turn: asks the memory
  // system for the tables StateAt reads (the waypoint tables and the first chunk of the fitted
  // path). Changes nothing else.
  void Prefetch() const;

 private:
  struct Piece {  // a straight geodesic piece or a turn arc
    double s0_m = 0.0;
    double length_m = 0.0;  // infinite for the continuation after the last waypoint
    bool arc = false;
    Geodetic from;            // straight: a geodesic leaving `from` at `azimuth_rad`
    double azimuth_rad = 0.0;
    // straight: the prepared geodesic (GeographicLib::GeodesicLine), held here rather than behind a
    // pointer (GeodesicPath) so that a piece is one block of memory; At() below is GeodesicPath::At.
    std::optional<GeographicLib::GeodesicLine> line;
    std::optional<LocalFrame> frame;  // arc: laid in the tangent plane of its waypoint
    Vec3 center_enu = Vec3::Zero();
    double radius_m = 0.0;
    double heading0_rad = 0.0;
    double side = 1.0;  // +1 right (clockwise) turn, -1 left
  };
  static GeodesicDirect At(const GeographicLib::GeodesicLine& line, double distance_m);
  // The exact point and heading of a piece, `along_m` from its start.
  static PathPoint ExactAt(const Piece& piece, double along_m);
  std::optional<KinematicState> Evaluate(SimTime t, bool exact, StateParts parts) const;
  KinematicState StateAtDistance(double s_m, double speed_mps, double vertical_mps, double alt_m, bool exact,
                                 StateParts parts) const;

  // What StateAt reads first (a sweep over many movers then touches two cache lines of each).
  SimTime start_;
  EndOfRoute end_;
  // What StateAt reads of the waypoints, in one block (a cache line for two waypoints).
  struct Knot {
    double time_s, s_m, speed_mps, alt_m;
  };
  std::vector<Knot> knots_;
  ChebyshevPath fitted_;  // the pieces_ fitted, on [0, the last waypoint + 2,000 km or 0]
  std::vector<Piece> pieces_;
  std::vector<Waypoint> waypoints_;
  std::vector<double> waypoint_s_m_;      // along-track distance of each waypoint
  std::vector<double> waypoint_time_s_;   // time since start at each waypoint
};

}  // namespace iadsim
