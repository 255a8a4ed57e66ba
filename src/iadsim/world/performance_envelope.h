#pragma once
// An aircraft type's performance envelope, and the check of a route against it (scenario input
// validation: a route an aircraft of that type could not fly is an error, not a silent fiction).
//
// Checks, with v_i the ground speed and h_i the altitude at waypoint i, s_i the geodesic length of
// the leg from waypoint i-1 to i (world/route_mover.h flies it at constant acceleration in time, so
// its mean speed is (v_{i-1} + v_i) / 2 and its altitude changes linearly with distance):
//   speed          min_speed <= v_i <= max_speed                       (each waypoint)
//   ceiling        h_i <= ceiling                                      (each waypoint)
//   climb          (h_i − h_{i-1}) · v̄_i / s_i <= max_climb,  v̄_i = (v_{i-1} + v_i) / 2
//                  (the climb rate at the leg's mean speed; descents are not limited)
//   turn           ω <= ω_max(v_i) = g · sqrt(n² − 1) / v_i            (each interior waypoint,
//                  where the route turns at the route's turn_rate ω)
// The turn limit is the level coordinated turn: the lift L = n W tilts by the bank angle φ with
// cos φ = 1/n, so the horizontal acceleration is g tan φ = g sqrt(n² − 1) and ω = g sqrt(n² − 1) / v
// (Anderson, "Introduction to Flight", §6.17; Stevens & Lewis, "Aircraft Control and Simulation").
// Ground speed stands for true airspeed (no wind), and the envelope is flat: the speed limits
// and the load factor do not vary with altitude, and the climb rate does not fall near the
// ceiling. That makes this check necessary, not sufficient: a route that passes can still be
// beyond the real aircraft at altitude.
#include "iadsim/core/error.h"
#include "iadsim/world/route_mover.h"

namespace iadsim {

// Defaults impose no practical limit: a scenario states the limits it means.
struct PerformanceEnvelope {
  double min_speed_mps = 0.0;       // stall / minimum flying speed, [0, max_speed)
  double max_speed_mps = 5000.0;    // (min_speed, 5000] m/s
  double ceiling_m = 100000.0;      // service ceiling, (0, 100000] m
  double max_load_factor = 100.0;   // structural / sustained n (in g), (1, 100]
  double max_climb_mps = 1000.0;    // best rate of climb, (0, 1000] m/s
  // Paths: min_speed, max_speed, ceiling, max_load_factor, max_climb (the scenario keys).
  Problems Validate() const;
};

// ω_max = g · sqrt(n² − 1) / v, rad/s, g = 9.80665 m/s² (standard gravity). speed_mps > 0, max_load_factor >= 1.
double MaxTurnRateRadS(const PerformanceEnvelope& e, double speed_mps);

// Every waypoint and leg of the route outside the envelope, with paths "route[i].speed",
// "route[i].alt" (ceiling; the climb of the leg arriving at i) and "turn_rate" (naming the
// waypoint in the message). The envelope must be valid; the route needs no minimum size.
Problems CheckRoute(const PerformanceEnvelope& e, const RouteConfig& route);

}  // namespace iadsim
