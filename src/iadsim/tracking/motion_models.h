#pragma once
// Motion models of the tracking filters, in 2-D and 3-D, in the tracker frame (x east, y north,
// z up; metres, seconds). State layout: positions, then velocities, then accelerations (CA) or
// the turn rate (CT with estimated turn rate):
//   CV  2-D [x, y, vx, vy]                 3-D [x, y, z, vx, vy, vz]
//   CA  2-D [x, y, vx, vy, ax, ay]         3-D [x, y, z, vx, vy, vz, ax, ay, az]
//   CT  as CV (the turn rate w is a known constant of the model)
//   CTw 2-D [x, y, vx, vy, w]              3-D [x, y, z, vx, vy, vz, w]
//
// Constant velocity, continuous white-noise acceleration of spectral density q (m^2/s^3), per axis
// (Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and Navigation, Wiley
// 2001, sec. 6.2.2):
//   F = [1 T; 0 1],   Q = q [T^3/3 T^2/2; T^2/2 T]
// Constant acceleration, continuous white-noise jerk of spectral density q (m^2/s^5), per axis
// (ibid., sec. 6.2.3):
//   F = [1 T T^2/2; 0 1 T; 0 0 1],
//   Q = q [T^5/20 T^4/8 T^3/6; T^4/8 T^3/3 T^2/2; T^3/6 T^2/2 T]
// Coordinated turn in the horizontal plane at turn rate w (rad/s, positive counter-clockwise, i.e.
// a left turn seen from above), speed constant (ibid., sec. 11.7.1; Li & Jilkov, "Survey of
// maneuvering target tracking, Part I: dynamic models", IEEE Trans. AES 39(4), 2003, sec. V.A):
//   x'  = x + sin(wT)/w vx - (1 - cos wT)/w vy       vx' = cos(wT) vx - sin(wT) vy
//   y'  = y + (1 - cos wT)/w vx + sin(wT)/w vy       vy' = sin(wT) vx + cos(wT) vy
// (the limit w -> 0 is CV; a series is used for |wT| < 1e-4). The vertical axis of the 3-D turn
// models is CV. Known w: the model is linear in the state. Estimated w (CTw): w is a state
// component driven by white noise of spectral density q_turn_rate (rad^2/s^3), w' = w, and the
// EKF uses the Jacobian dF/dx including the column d(x', y', vx', vy')/dw (Bar-Shalom et al.
// 2001, eq. 11.7.2-4). The process noise of x, y, (z), vx, vy, (vz) in both turn models is that
// of CV with the same q: the usual approximation (Li & Jilkov 2003, sec. V.A), exact as w -> 0.
// Valid for any T >= 0 (negative T predicts backwards, without process noise meaning).
#include "iadsim/tracking/track_filter.h"

namespace iadsim {

enum class MotionModelKind {
  kConstantVelocity,          // CV
  kConstantAcceleration,      // CA
  kCoordinatedTurn,           // CT, known turn rate
  kCoordinatedTurnEstimated,  // CTw, turn rate in the state
};

struct MotionModel {
  MotionModelKind kind = MotionModelKind::kConstantVelocity;
  int dims = 3;                  // spatial dimensions, 2 or 3
  double q = 1.0;                // CV/CT/CTw: acceleration PSD, m^2/s^3; CA: jerk PSD, m^2/s^5; >= 0
  double turn_rate_radps = 0.0;  // CT only: the known turn rate, rad/s, positive counter-clockwise
  double q_turn_rate = 1e-6;     // CTw only: turn-rate PSD, rad^2/s^3, >= 0
  // CV/CT only: piecewise-constant white acceleration instead (Bar-Shalom et al. 2001, sec. 6.3.2):
  // per axis Q = q [T^4/4 T^3/2; T^3/2 T^2] with q = sigma_a^2 in m^2/s^4 (the alpha-beta model).
  bool piecewise_constant_acceleration = false;
};

// Number of state components (4..9).
int StateDimension(const MotionModel& model);
// Whether x' = F x exactly (CV, CA, CT); CTw is not.
inline bool IsLinear(const MotionModel& model) {
  return model.kind != MotionModelKind::kCoordinatedTurnEstimated;
}
// Index of the first acceleration component (CA) or of the turn rate (CTw); -1 if none.
int AccelerationIndex(const MotionModel& model);
int TurnRateIndex(const MotionModel& model);

// x_next = f(x, dt), and (when F is not null) F = df/dx evaluated at x: the transition matrix of a
// linear model, the EKF Jacobian of CTw. x has StateDimension(model) components. No allocation.
void PropagateState(const MotionModel& model, double dt_s, const VecX& x, VecX* x_next, MatX* F);

// Q(dt) above, StateDimension x StateDimension.
MatX ProcessNoise(const MotionModel& model, double dt_s);

// The coordinated-turn coefficients sin(wT)/w and (1 - cos wT)/w with their w -> 0 limits.
struct TurnCoefficients {
  double s = 0.0;        // sin(wT)/w
  double c = 0.0;        // (1 - cos wT)/w
  double cos_wt = 1.0;
  double sin_wt = 0.0;
  double ds_dw = 0.0;    // d s / d w = (wT cos wT - sin wT)/w^2
  double dc_dw = 0.0;    // d c / d w = (wT sin wT - 1 + cos wT)/w^2
};
TurnCoefficients ComputeTurnCoefficients(double w_radps, double dt_s);

}  // namespace iadsim
