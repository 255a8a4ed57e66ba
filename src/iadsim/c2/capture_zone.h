#pragma once
// The capture zone of a semi-active shot: where another aircraft could capture the missile's seeker.
// A semi-active seeker homes on the strongest echo it sees inside the illuminator's beam and its own
// velocity (Doppler) gate (weapons/semi_active_seeker.h); a friendly aircraft that shares both with
// the intended target at any moment of the flight can take the missile. The automated-C2 remedy of
// 2018 (a battery holds fire when a friendly track lies where its missile could capture it) needs
// this test before each order, on tracks, never on truth.
//
// Predicted flight, in the command post's ENU frame (m, m/s), every `step_s` from launch to the
// predicted intercept time T:
//   target     p_T(τ) = p_T + v_T τ            (constant velocity)
//   other      p_F(τ) = p_F + v_F τ
//   missile    m(τ)   = L + u s τ,  u the unit vector from the launcher L to p_T(T), s the mean speed
//   beam       angle between p_T(τ) − I and p_F(τ) − I  ≤ beamwidth / 2   (I the illuminator)
//   gate       |ṙ_F(τ) − ṙ_T(τ)| ≤ gate half-width, ṙ = d(|p − I| + |p − m|)/dt, the range-sum rate
//              the seeker's Doppler measures (bistatic Doppler f_D = −ṙ / λ)
// Conflict when both hold at one τ. Valid while the straight-line flyout stands for the real one
// (the 3-DOF flight curves, so the test errs on the side of holding when margins are a beamwidth).
// Sources: bistatic Doppler, N. J. Willis, Bistatic Radar, 2nd ed., 2005, ch. 3; the remedy, facts
// §2 (automated C2 with "guaranteed identification" of friendly aircraft, 24 Sep 2018).
#include <optional>

#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct CaptureZoneGeometry {
  Vec3 illuminator_enu = Vec3::Zero();
  Vec3 launcher_enu = Vec3::Zero();
  double beamwidth_rad = 0.0175;     // illuminator 3-dB beamwidth, > 0
  double doppler_gate_mps = 30.0;    // seeker gate half-width in range-sum rate, >= 0
  double missile_speed_mps = 1000.0; // mean flyout speed, > 0
  double step_s = 0.5;               // > 0
};

struct CaptureConflict {
  double time_s = 0.0;          // after launch
  double off_beam_rad = 0.0;    // angle between the two at the illuminator
  double rate_difference_mps = 0.0;
};

// The first moment of the flight [0, flight_time_s] at which `other` is inside both the beam and
// the gate of a shot at `target`; none if never.
std::optional<CaptureConflict> FindCaptureConflict(const CaptureZoneGeometry& g, const Vec3& target_p,
                                                   const Vec3& target_v, const Vec3& other_p, const Vec3& other_v,
                                                   double flight_time_s);

// Range-sum rate d(|p − I| + |p − m|)/dt of a point p moving with v, seen from a fixed illuminator
// I and a receiver m moving with v_m.
double RangeSumRate(const Vec3& illuminator, const Vec3& p, const Vec3& v, const Vec3& m, const Vec3& v_m);

}  // namespace iadsim
