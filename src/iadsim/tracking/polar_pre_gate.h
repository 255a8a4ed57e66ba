#pragma once
// A cheap, exact pre-gate for the polar measurement of a constant-velocity track: true only when
// the normalised innovation squared (NIS) of the full EKF test is certainly above the gate, so a
// caller may skip the full test (6x6 covariance prediction, Jacobian, S and its LDLT) for such a
// pair and keep exactly the same candidates.
//
//   For S > 0 and any vector e:   nu^T S^-1 nu >= (e^T nu)^2 / (e^T S e)     (Cauchy-Schwarz)
//   S = H P' H^T + R, P' = F P F^T + Q (CV, continuous white-noise acceleration q)
//   e = range axis:    e^T S e = u^T P'_pp u + sr^2  <= tr(P'_pp) + sr^2     (u: unit line of sight)
//   e = azimuth axis:  e^T S e = |h_az|^2-weighted   <= tr(P'_pp) / rho^2 + saz^2
//                      (the azimuth row of H has norm 1/rho, rho the horizontal range >= 1 mm)
//   tr(P'_pp) = tr(P_pp) + 2 dt tr(P_pv) + dt^2 tr(P_vv) + q |dt|^3
// (tr >= lambda_max for a positive semi-definite matrix). Rejects when (e^T nu)^2 exceeds the
// bound times gate times 1.0001 (the margin covers rounding, ~1e-12 relative).
// Source: the inequality is Cauchy-Schwarz in the S^-1 inner product; the model is that of
// tracking/polar_measurement.h and tracking/motion_model.h (Bar-Shalom, Li & Kirubarajan 2001,
// ch. 6 and 10).
#include "iadsim/core/time.h"
#include "iadsim/tracking/motion_model.h"
#include "iadsim/tracking/polar_measurement.h"

namespace iadsim {

// What the pre-gate needs of a track, taken once per track and batch.
struct PreGateTrack {
  SimTime time;                         // time of x, P
  Vec3 p_enu, v_enu;                    // m, m/s, tracker frame
  double tr_pp = 0, tr_pv = 0, tr_vv = 0;  // traces of the position, cross and velocity blocks of P
  static PreGateTrack Of(SimTime time, const StateVec& x, const StateCov& P);
};

// A polar measurement (range, azimuth and their standard deviations) at time t.
struct PolarPlot {
  SimTime time;
  double range_m = 0, azimuth_rad = 0, sigma_range_m = 1, sigma_azimuth_rad = 1;
};

// True when the NIS of `plot` against track `t` (CV prediction with spectral density q_m2_per_s3,
// sensor `m`) is certainly above `gate`; false when it may pass (the full test decides).
bool PolarPreGateRejects(const PreGateTrack& t, double q_m2_per_s3, const PolarMeasurementModel& m,
                         const PolarPlot& plot, double gate);
// The plot's azimuth as a horizontal unit vector (east, north) = (sin az, cos az), taken once for
// the many tracks one plot is tested against.
struct PlotDirection {
  double sin_az = 0, cos_az = 1;
  static PlotDirection Of(const PolarPlot& plot);
};
// The same answer, bit for bit, with the plot's direction given. The azimuth test compares the
// angle theta = |wrap(az - az_track)| with its bound b (theta^2 > b) without atan2 where that is
// certain: with s = sin(theta) = |u x w| / |w| and cos(theta) of the sign of u . w (u the plot's
// direction, w the track's horizontal position), theta >= s, and theta <= s (1 + 0.2 s^2) for
// cos(theta) >= 0 and s <= 0.5 (asin's series); each side kept 1e-9 relative from b, for b above
// 1e-10 rad^2. Otherwise (a pair within that margin, behind, wider than 30 degrees, or a bound
// below that) it computes theta as before.
bool PolarPreGateRejects(const PreGateTrack& t, double q_m2_per_s3, const PolarMeasurementModel& m,
                         const PolarPlot& plot, const PlotDirection& direction, double gate);

// A tighter form, for a caller that predicts the track anyway: the same Cauchy-Schwarz bound on the
// range and azimuth axes, with e^T S e itself instead of its trace bound, from the track's predicted
// position p (tracker frame) and position block P'_pp (Tracker::PredictPosition, which the full
// test then uses):
//   range:    e^T S e = u^T P'_pp u + sr^2,            u = R^T p_s / |p_s|         (H's range row)
//   azimuth:  e^T S e = w^T P'_pp w / rho^4 + saz^2,   w = R^T (n_s, -e_s, 0)      (rho^2 times its azimuth row)
// (R = R_sensor_from_tracker). nu_r = r - |p_s| is the full test's bit for bit; the azimuth uses
// theta >= s as above (no atan2). Each e^T S e is taken 1e-9 relative and 1e-12 |h|^2 sum|P'_ii|
// absolute above its computed value (the full test sums the same products in another order), the
// gate times 1.0001 as above; the range axis only for |p_s| >= 1 mm, the azimuth only for rho >= 1 m
// and a bound above 1e-10 rad^2. In the tracker's gating of the generated raid, nearly half of the
// pairs the trace bound keeps fail the full gate; this form rejects five in six of those for about
// a tenth of the full test's cost (bench/README.md, seventeenth step).
bool PredictedPolarPreGateRejects(const PolarMeasurementModel& m, const Vec3& p_enu, const Eigen::Matrix3d& P_pp,
                                  const PolarPlot& plot, const PlotDirection& direction, double gate);

// The same for a Cartesian position report z (tracker frame) with noise covariance R, tested
// against the predicted position (S = P'_pp + R):  nu^T S^-1 nu >= |nu|^2 / (tr(P'_pp) + tr(R)).
bool PositionPreGateRejects(const PreGateTrack& t, double q_m2_per_s3, SimTime time, const Vec3& z_enu,
                            double trace_R_m2, double gate);

// Whether a position p_s in a sensor's own ENU frame lies within max_range_m (slant) and inside
// the swept sector [az_from_rad, az_to_rad] (swept_sector.h): the range and azimuth of
// PolarFromEnu (geodesy/geodetic.h), the same expressions bit for bit, without its elevation, and
// the azimuth only when the range is within reach.
bool InRangeAndSweptSector(const Vec3& p_s, double max_range_m, double az_from_rad, double az_to_rad);

// InRangeAndSweptSector for many positions of one sweep, the same answer for each, with atan2 only
// near a sector edge. An azimuth b is on the clockwise side of an edge at azimuth a when
// sin(b - a) = x cos a - y sin a > 0 (x east, y north); a sector narrower than pi is the
// intersection of the half-planes clockwise of az_from and anticlockwise of az_to, a wider one their
// union. A position within 1e-9 rad of either edge line (|x cos a - y sin a| <= 1e-9 |p|, far
// above the rounding of these products and of the exact test's atan2 and wraps) is decided by
// InRangeAndSweptSector itself.
class SweptSectorTest {
 public:
  SweptSectorTest(double max_range_m, double az_from_rad, double az_to_rad);
  bool operator()(const Vec3& p_s) const;
  // The azimuth part alone, for a point whose range p_s.norm() the caller already has.
  bool InSector(const Vec3& p_s, double range) const;

 private:
  double max_range_m_, az_from_rad_, az_to_rad_;
  bool everywhere_;  // a full turn
  bool wide_;        // width >= pi: the union of the half-planes
  double from_sin_, from_cos_, to_sin_, to_cos_;
};

}  // namespace iadsim
