#pragma once
// Surface-to-air interceptor flyout: a 3-DOF point mass in the launcher's local ENU frame.
//
//   dp/dt = v
//   dv/dt = (T(t) - D) v_hat / m(t) + g + a_cmd
//   T(t): boost_thrust_n for t < boost_time_s, then sustain_thrust_n for sustain_time_s, then 0;
//         along the velocity (along the launch direction while the missile is at rest).
//   m(t): launch mass, decreasing linearly during each burn by its propellant mass.
//   D   = 1/2 rho(h) |v|^2 Cd S, Cd constant (a simplification: real zero-lift drag varies with
//         Mach number, strongly near Mach 1, and induced drag grows with the lateral load).
//   rho(h) from the U.S. Standard Atmosphere 1976 (world/atmosphere.h), with the height of the
//         flat local frame corrected for the curvature of the earth:
//           h = h0 + u + (e^2 + n^2) / (2 R),  R = 6 371 km, h0 = height of the frame origin.
//         Exact on a sphere is sqrt((R+u)^2 + d^2) - R; the difference is below
//         d^2 u / (2 R^2) + d^4 / (8 R^3): under 40 m for d <= 300 km and u <= 30 km, which is
//         the valid range claimed. Gravity stays g = (0, 0, -9.80665 m/s^2) (flat earth; "down"
//         tilts by d/R, 2.7 deg at 300 km, which is not modelled).
//   a_cmd: the guidance command, perpendicular to the velocity, held constant over a step;
//         |a_cmd| <= max_lateral_accel_mps2 (constant: the dynamic-pressure limit of real
//         airframes at high altitude is not modelled).
// Guidance phases (from the target ESTIMATE, never truth):
//   1. vertical climb: no command for vertical_climb_s after launch;
//   2. pitch-over: the velocity turns toward the predicted intercept point (PIP: the target
//      extrapolated at constant velocity, the missile at its current speed; the current target
//      position when no intercept exists), a_cmd = (|v| theta / pitch_over_time_constant_s) n_hat,
//      theta the angle from v to the PIP direction, n_hat perpendicular to v toward it;
//   3. proportional navigation (weapons/guidance.h) from the moment theta first falls below
//      pn_handover_angle_deg, to the end.
//   In phases 2 and 3 the lateral part of -g is added (gravity compensation) before the limit.
// Integration: classical 4th-order Runge-Kutta; a step is split at the ends of the burns, so
// thrust and mass rate are smooth within each sub-step. Accuracy: with dt <= 10 ms the position
// error is far below the fuze radii (the rocket-equation test agrees to 1e-6). A caller may take
// longer steps far from the target (StepSpan below: mid-course steps).
// Sources: point-mass (3-DOF) missile equations as in G. M. Siouris, Missile Guidance and
// Control Systems, Springer, 2004; PN: P. Zarchan, Tactical and Strategic Missile Guidance,
// AIAA, ch. 2; ideal rocket equation (used by the tests): G. P. Sutton and O. Biblarz, Rocket
// Propulsion Elements, ch. 4.
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

// Every default is notional: round public figures for a 48N6-class missile (open encyclopaedias),
// not engineering data. Ranges are those Validate() enforces.
struct InterceptorConfig {
  double launch_mass_kg = 1800;      // kg, > 0 (48N6-class, open encyclopaedias)
  double boost_propellant_kg = 900;  // kg, > 0; with sustain_propellant_kg < launch_mass_kg
  double boost_time_s = 12;          // s, > 0
  double boost_thrust_n = 2.0e5;     // N, > 0, at most 1000 g over the mass at burnout (constant over the burn)
  double sustain_propellant_kg = 0;  // kg: > 0 when sustain_time_s > 0, else 0
  double sustain_time_s = 0;         // s, >= 0 (0: no sustainer)
  double sustain_thrust_n = 0;       // N: > 0 when sustain_time_s > 0, else 0; at most 1000 g likewise
  double reference_area_m2 = 0.159;  // m^2, > 0 (0.45 m diameter)
  double drag_coefficient = 0.3;     // zero-lift, constant over Mach (a simplification), [0, 10]
  double max_lateral_accel_mps2 = 20 * 9.80665;  // m/s^2, > 0
  double nav_gain = 4.0;             // PN effective navigation ratio N', > 0 (typically 3..5)
  double max_flight_time_s = 120;    // s, > 0: self-destruct at this time after launch
  double min_speed_mps = 300;        // m/s, >= 0: below this after burnout: self-destruct
  double arming_time_s = 2.0;        // s, >= 0: the fuze is armed from this time on
  double fuze_radius_m = 40;         // m, > 0: the proximity fuze fires inside this miss
  double lethal_radius_m = 20;       // m, > 0: the warhead may kill inside this miss
  double kill_probability = 0.9;     // in [0, 1]: probability of kill inside lethal_radius_m
  double launch_elevation_deg = 90;  // deg, in (0, 90]: 90 = vertical launch
  double vertical_climb_s = 1.5;     // s, >= 0: no guidance before this time (pitch-over after)
  double pitch_over_time_constant_s = 1.0;  // s, > 0: heading-error time constant of phase 2
  double pn_handover_angle_deg = 10.0;      // deg, in (0, 180): PN takes over below this error

  // Every problem found (path = field name, message "must be > 0 (got ...)" and the like).
  // Every problem; paths are the scenario keys (launch_mass, boost_time, ...).
  std::vector<Problem> Validate() const;
};

// Position and velocity in the launcher's local ENU frame (flat earth), m and m/s; time since
// launch, s.
struct InterceptorState {
  Vec3 p_enu = Vec3::Zero();
  Vec3 v_enu = Vec3::Zero();
  double mass_kg = 0.0;
  double time_s = 0.0;
};

class Interceptor final {
 public:
  // The missile at rest at `launch_p_enu`. The launch direction has the azimuth of the horizontal
  // part of `initial_direction_enu` and the elevation config.launch_elevation_deg (at 90 deg the
  // azimuth does not matter; below 90 deg the direction needs a horizontal part).
  // `frame_origin_alt_m`: height above mean sea level of the ENU frame's origin (for the air
  // density only). The config must be valid (always-on check; validate input with Validate()).
  Interceptor(const InterceptorConfig& config, const Vec3& launch_p_enu,
              const Vec3& initial_direction_enu, double frame_origin_alt_m = 0.0);

  // Advances by dt_s (> 0) with the guidance command computed from the target ESTIMATE
  // (position, velocity in the same ENU frame): the estimate comes from the fire-control
  // radar's track, not truth. The command is computed once at the start of the step and held.
  // After a self-destruct the missile no longer moves (Step is a no-op).
  void Step(double dt_s, const Vec3& target_p_enu, const Vec3& target_v_enu);

  const InterceptorState& state() const { return state_; }
  const InterceptorConfig& config() const { return config_; }
  bool burned_out() const;  // after the boost and the sustain burns
  bool armed() const;       // time since launch >= arming_time_s
  // Height above sea level of a point of the launcher's frame: h0 + u + (e² + n²)/(2 R), the
  // curvature correction used for the air density (error < 40 m within 300 km).
  double AltitudeOf(const Vec3& p_enu) const;
  double altitude_m() const { return AltitudeOf(state_.p_enu); }
  // Why the missile ends its flight by itself, if it does (time, speed); checked at the end of
  // each step and latched.
  enum class SelfDestruct { kNone, kMaxFlightTime, kTooSlow };
  SelfDestruct self_destruct() const { return self_destruct_; }
  // A self-destruct that did not work: clears the latched one, and none is latched again (the
  // missile flies until it reaches the ground).
  void DisableSelfDestruct();
  bool self_destruct_disabled() const { return self_destruct_disabled_; }
  // The lateral acceleration command of the last step (guidance + gravity compensation, after
  // the limit), m/s^2 in ENU; zero before the first step and during the vertical climb.
  Vec3 last_accel_command() const { return last_accel_command_; }
  // True once guidance has handed over from the pitch-over to proportional navigation.
  bool pn_engaged() const { return pn_engaged_; }
  // Mid-course steps: how many base steps the next step may span, given the target ESTIMATE:
  // midcourse_span while proportional navigation steers and the predicted time to go
  // (range / closing speed) exceeds terminal_time_to_go_s, or the missile is not closing; else 1.
  // Far from the target the PN command changes on the scale of the time to go / N' (seconds),
  // so holding it over a longer step moves the trajectory little; the terminal phase, where the
  // miss distance is made, keeps the base step. (The validation is in interceptor_step_test.cc.)
  int StepSpan(const Vec3& target_p_enu, const Vec3& target_v_enu, int midcourse_span,
               double terminal_time_to_go_s) const;

 private:
  Vec3 GuidanceCommand(const Vec3& target_p_enu, const Vec3& target_v_enu);
  void Integrate(double t0, double t1, int burn_phase, const Vec3& a_cmd);

  InterceptorConfig config_;
  Vec3 launch_direction_enu_;
  double frame_origin_alt_m_;
  const double* ln_density_table_;  // StandardAtmosphereLnDensityTable(): immutable, shared
  InterceptorState state_;
  Vec3 last_accel_command_ = Vec3::Zero();
  bool pn_engaged_ = false;
  SelfDestruct self_destruct_ = SelfDestruct::kNone;
  bool self_destruct_disabled_ = false;
};

}  // namespace iadsim
