#pragma once
// The constant-velocity (CV) motion model in three dimensions, in the tracker's ENU frame.
//   state x = [e, n, u, ve, vn, vu]   (metres, metres per second)
//   x(t + dt) = F(dt) x(t) + w,        F(dt) = [ I3  dt*I3 ]
//                                              [ 0     I3  ]
// The frame is a flat local tangent plane: a straight line in ENU is not a great circle, so the
// model is meant for targets within a few hundred kilometres of the frame origin, where the
// difference is far below the measurement noise of a surveillance radar over one update interval.
// Source: Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and Navigation,
// Wiley 2001, sec. 6.2 (continuous white-noise acceleration) and 6.3 (discrete white-noise
// acceleration).
#include <Eigen/Core>

namespace iadsim {

using StateVec = Eigen::Matrix<double, 6, 1>;
using StateCov = Eigen::Matrix<double, 6, 6>;

// F(dt) above. Any dt (a negative dt predicts backwards).
Eigen::Matrix<double, 6, 6> CvTransition(double dt_s);

// Continuous white-noise acceleration of power spectral density q (m^2/s^3) on each axis,
// integrated over dt (Bar-Shalom et al. 2001, sec. 6.2.2), per axis:
//   Q = q * [ dt^3/3  dt^2/2 ]
//           [ dt^2/2  dt     ]
// The axes are independent. dt >= 0, q >= 0. Rule of thumb (sec. 6.2.2): sqrt(q * T) is the
// order of the velocity change over an interval T.
Eigen::Matrix<double, 6, 6> CvProcessNoiseContinuous(double dt_s, double q_m2_per_s3);

// The CV prediction x <- F(dt) x, P <- F(dt) P F(dt)^T + Q(|dt|) with the continuous-noise Q
// above, done on the blocks (p += dt v on x and on the rows and columns of P) instead of with
// 6 x 6 products, and symmetrised; equal to KalmanPredict(x, P, CvTransition(dt),
// CvProcessNoiseContinuous(|dt|, q)) up to rounding. Any dt; q >= 0.
void PredictCv(StateVec& x, StateCov& P, double dt_s, double q_m2_per_s3);
// PredictCv's state step alone, [p + dt v, v]: every prediction of a CV state without its
// covariance goes through it, so that all give PredictCv's x bit for bit.
StateVec PredictCvMean(StateVec x, double dt_s);
// The position part of PredictCv alone: *p = x.head<3>() and *P_pp = P.topLeftCorner<3, 3>() as
// PredictCv leaves them, by the same operations in the same order (equal bit for bit, where the
// compiler fuses no multiply-add: the default x86-64 build), for gating against a position.
void PredictCvPosition(const StateVec& x, const StateCov& P, double dt_s, double q_m2_per_s3, Eigen::Vector3d* p,
                       Eigen::Matrix3d* P_pp);

// Piecewise-constant white acceleration: an acceleration of standard deviation sigma_a (m/s^2),
// constant over each interval of length dt and independent between intervals
// (Bar-Shalom et al. 2001, sec. 6.3.2), per axis, with Gamma = [dt^2/2, dt]^T:
//   Q = sigma_a^2 * Gamma Gamma^T = sigma_a^2 * [ dt^4/4  dt^3/2 ]
//                                               [ dt^3/2  dt^2   ]
// dt >= 0, sigma_a >= 0. Unlike the continuous model, Q(2T) != F(T) Q(T) F(T)^T + Q(T): it is
// tied to a fixed sampling interval (the alpha-beta filter's model, sec. 6.5.3).
Eigen::Matrix<double, 6, 6> CvProcessNoiseDiscrete(double dt_s, double sigma_a_mps2);

}  // namespace iadsim
