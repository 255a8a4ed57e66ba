#pragma once
// Anti-radiation missile (HARM/Kh-31P class): a constant-speed point mass homing passively on a
// ground emitter, in a flat local ENU frame (m, m/s; up = z).
//
// Seeker: while the emitter radiates and is heard, each step measures the line of sight (LOS)
//   u = (p_emitter − p) / |p_emitter − p|,  rotated by two independent angle errors
//   n1, n2 ~ N(0, σ_angle²) about the two axes perpendicular to it (e1 horizontal, cross-range;
//   e2 in the vertical plane of the LOS, elevation):  u_meas = normalise(u + n1 e1 + n2 e2).
//   A passive seeker measures no range: the emitter estimate is the measured LOS intersected with
//   the plane of the emitter's height (GroundIntersection; the missile is assumed to know the
//   terrain height there). When the measured LOS does not descend, the estimate keeps the range of
//   the previous estimate along the measured LOS.
// Memory: when the emitter stops radiating, the last estimate is kept and flown to.
// Guidance: proportional navigation (weapons/guidance.h) toward the aim point, taken static:
//   a = N' Vc (ω × r/|r|) with its component along v removed, then |a| <= max_lateral_accel;
// constant speed: the velocity turns by |a| dt / V about v × a in each step (exact rotation), then
//   p ← p + v dt (semi-implicit Euler). No gravity, no drag, no autopilot lag (the speed is held).
// Errors of the memorised point for a shut-down at slant range R and depression γ of the LOS:
//   along-range (horizontal, toward the emitter) ≈ R σ / sin γ   (δ(h cot γ) = −R δγ / sin γ),
//   cross-range ≈ R σ,  to first order in σ.
// Valid range: σ_angle <= 0.1 rad, dt small against the time constant V / a_max (0.01 s gives
// misses under 2 m); a descending end game (the emitter below the missile).
// Sources: PN: P. Zarchan, Tactical and Strategic Missile Guidance, 6th ed., AIAA, 2012, ch. 2;
// passive angle-only homing and memory guidance of ARMs: D. C. Schleher, Electronic Warfare in
// the Information Age, Artech House, 1999 (anti-radiation missiles); F. A. Neri, Introduction to
// Electronic Defense Systems, 2nd ed., Artech House, 2001 (ARM counter-measures: emitter shutdown).
#include <optional>

#include "iadsim/core/error.h"
#include "iadsim/core/rng.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct AntiRadiationConfig {
  double speed_mps = 700;                        // constant speed, m/s, (0, 3000]
  double max_lateral_accel_mps2 = 20 * 9.80665;  // lateral acceleration limit, m/s², > 0
  double nav_gain = 4.0;                         // PN gain N', > 0 (3 to 5 usual)
  double angle_sigma_rad = 0.0;                  // seeker bearing noise per axis, rad, [0, 0.1]
  double max_flight_time_s = 300;                // s, > 0 (the caller ends the flight; see expired())
  double lethal_radius_m = 15;                   // m, > 0 (the caller compares the miss with it)
  // Every problem; paths are the scenario keys: speed, max_lateral_accel, nav_gain, angle_sigma,
  // max_flight_time, lethal_radius.
  Problems Validate() const;
};

class AntiRadiationMissile final {
 public:
  // At p_enu (m), flying along v_enu (any non-zero vector: only its direction is used, the speed is
  // c.speed_mps), steering to initial_aim_enu (m) until it first hears the emitter. `c` must be valid.
  AntiRadiationMissile(const AntiRadiationConfig& c, const Vec3& p_enu, const Vec3& v_enu, const Vec3& initial_aim_enu);
  // One step of dt_s > 0. emitter_p_enu: the emitter's true position while it radiates and is
  // heard (nullopt otherwise); rng: the bearing noise (two normal draws per heard step when
  // angle_sigma_rad > 0, none otherwise).
  void Step(double dt_s, const std::optional<Vec3>& emitter_p_enu, RandomStream& rng);
  const Vec3& p_enu() const { return p_enu_; }
  const Vec3& v_enu() const { return v_enu_; }
  double time_s() const { return time_s_; }  // since construction, s
  bool homing() const { return homing_; }    // true while it hears the emitter (after the last Step)
  const Vec3& aim_enu() const { return aim_enu_; }  // the point it steers to now (estimate / memorised)
  bool expired() const { return time_s_ >= config_.max_flight_time_s; }  // flight time used up
  const AntiRadiationConfig& config() const { return config_; }

 private:
  AntiRadiationConfig config_;
  Vec3 p_enu_, v_enu_, aim_enu_;
  double time_s_ = 0.0;
  bool homing_ = false;
};

// Memorised aim point: the ray p_enu + t · los_unit_enu, t >= 0, intersected with the horizontal
// plane z = ground_up_m; nullopt when the ray does not descend (los z >= 0) or starts below the
// plane. los_unit_enu need not be normalised (non-zero).
std::optional<Vec3> GroundIntersection(const Vec3& p_enu, const Vec3& los_unit_enu, double ground_up_m);

}  // namespace iadsim
