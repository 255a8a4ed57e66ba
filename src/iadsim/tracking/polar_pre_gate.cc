#include "iadsim/tracking/polar_pre_gate.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/tracking/swept_sector.h"

namespace iadsim {

namespace {
constexpr double kMargin = 1.0001;
constexpr double kMinHorizontalM = 1e-3;  // as in polar_measurement.cc
}  // namespace

PreGateTrack PreGateTrack::Of(SimTime time, const StateVec& x, const StateCov& P) {
  return {time, x.head<3>(), x.tail<3>(), P.topLeftCorner<3, 3>().trace(), P.topRightCorner<3, 3>().trace(),
          P.bottomRightCorner<3, 3>().trace()};
}

namespace {
double PredictedPositionTrace(const PreGateTrack& t, double q, double dt) {
  const double adt = std::abs(dt);
  return std::max(0.0, t.tr_pp + 2.0 * dt * t.tr_pv + dt * dt * t.tr_vv + q * adt * adt * adt);
}

// The certain azimuth tests (the header's): each side kept kCertainRel from the bound b on theta^2,
// and b above kMinCertainBound rad^2, so that the products' absolute rounding, about 1e-15 rad on
// theta, stays far inside the margin.
constexpr double kCertainRel = 1e-9, kMinCertainBound = 1e-10;

// rho sin(az - az_track): the plot's direction crossed with the track's horizontal position p_s.
double CrossRho(const PlotDirection& u, const Vec3& p_s) { return u.sin_az * p_s.y() - u.cos_az * p_s.x(); }

// theta^2 > b for certain, from theta >= s = |sin theta| = |cross| / rho (rho^2 = rho2).
bool SurelyBeyond(double cross, double rho2, double b) {
  return b > kMinCertainBound && cross * cross / rho2 > b * (1.0 + kCertainRel);
}
}  // namespace

bool PositionPreGateRejects(const PreGateTrack& t, double q_m2_per_s3, SimTime time, const Vec3& z_enu,
                            double trace_R_m2, double gate) {
  const double dt = (time - t.time).seconds();
  const double tr = PredictedPositionTrace(t, q_m2_per_s3, dt);
  return (z_enu - (t.p_enu + dt * t.v_enu)).squaredNorm() > gate * kMargin * (tr + trace_R_m2);
}

PlotDirection PlotDirection::Of(const PolarPlot& plot) {
  return {std::sin(plot.azimuth_rad), std::cos(plot.azimuth_rad)};
}

bool PolarPreGateRejects(const PreGateTrack& t, double q_m2_per_s3, const PolarMeasurementModel& m,
                         const PolarPlot& plot, double gate) {
  return PolarPreGateRejects(t, q_m2_per_s3, m, plot, PlotDirection::Of(plot), gate);
}

bool PolarPreGateRejects(const PreGateTrack& t, double q_m2_per_s3, const PolarMeasurementModel& m,
                         const PolarPlot& plot, const PlotDirection& direction, double gate) {
  const double dt = (plot.time - t.time).seconds();
  const double tr = PredictedPositionTrace(t, q_m2_per_s3, dt);
  const double g = gate * kMargin;
  const Vec3 rel = t.p_enu + dt * t.v_enu - m.sensor_enu();
  const double dr = plot.range_m - rel.norm();
  if (dr * dr > g * (tr + plot.sigma_range_m * plot.sigma_range_m)) return true;
  const Vec3 p_s = m.R_sensor_from_tracker() * rel;
  const double sigma2 = plot.sigma_azimuth_rad * plot.sigma_azimuth_rad;
  // The header's certain cases (rho^2 within 1e-15 relative of the exact test's, the bound with it).
  const double rho2 = p_s.x() * p_s.x() + p_s.y() * p_s.y();
  const double cross = CrossRho(direction, p_s);
  const double dot = direction.sin_az * p_s.x() + direction.cos_az * p_s.y();  // rho cos(az - az_track)
  if (dot >= 0.0 && rho2 > kMinHorizontalM * kMinHorizontalM && std::isfinite(rho2)) {
    const double b = g * (tr / rho2 + sigma2);
    if (SurelyBeyond(cross, rho2, b)) return true;
    const double s2 = cross * cross / rho2;  // theta <= s (1 + 0.2 s^2) in front, within 30 degrees
    if (b > kMinCertainBound && s2 <= 0.25 && s2 * (1.0 + 0.2 * s2) * (1.0 + 0.2 * s2) < b * (1.0 - kCertainRel))
      return false;
  }
  const double rho = std::max(std::hypot(p_s.x(), p_s.y()), kMinHorizontalM);
  const double daz = RemainderTwoPi(plot.azimuth_rad - std::atan2(p_s.x(), p_s.y()));
  return daz * daz > g * (tr / (rho * rho) + sigma2);
}

bool PredictedPolarPreGateRejects(const PolarMeasurementModel& m, const Vec3& p_enu, const Eigen::Matrix3d& P_pp,
                                  const PolarPlot& plot, const PlotDirection& direction, double gate) {
  constexpr double kRel = 1e-9, kAbs = 1e-12;
  const double g = gate * kMargin;
  const Vec3 p_s = m.SensorFromTracker(p_enu);
  const Eigen::Matrix3d& R = m.R_sensor_from_tracker();
  const double abs_trace = std::abs(P_pp(0, 0)) + std::abs(P_pp(1, 1)) + std::abs(P_pp(2, 2));
  const double r = p_s.norm();  // h's range, as the full test computes it
  if (r >= kMinHorizontalM && std::isfinite(r)) {
    const Vec3 u = R.transpose() * (p_s / r);
    const double s_rr = u.dot(P_pp * u) + plot.sigma_range_m * plot.sigma_range_m;
    const double dr = plot.range_m - r;
    if (dr * dr > g * (s_rr * (1.0 + kRel) + kAbs * abs_trace)) return true;
  }
  const double rho2 = p_s.x() * p_s.x() + p_s.y() * p_s.y();
  if (rho2 >= 1.0 && std::isfinite(rho2)) {
    const Vec3 w = R.transpose() * Vec3(p_s.y(), -p_s.x(), 0.0);
    const double s_aa = w.dot(P_pp * w) / (rho2 * rho2) + plot.sigma_azimuth_rad * plot.sigma_azimuth_rad;
    if (SurelyBeyond(CrossRho(direction, p_s), rho2, g * (s_aa * (1.0 + kRel) + kAbs * abs_trace / rho2))) return true;
  }
  return false;
}

bool InRangeAndSweptSector(const Vec3& p_s, double max_range_m, double az_from_rad, double az_to_rad) {
  if (!(p_s.norm() <= max_range_m)) return false;
  return InSweptSector(WrapTwoPi(std::atan2(p_s.x(), p_s.y())), az_from_rad, az_to_rad);
}

SweptSectorTest::SweptSectorTest(double max_range_m, double az_from_rad, double az_to_rad)
    : max_range_m_(max_range_m), az_from_rad_(az_from_rad), az_to_rad_(az_to_rad) {
  const double width = WrapTwoPi(az_to_rad - az_from_rad);
  everywhere_ = az_to_rad - az_from_rad >= 2.0 * std::numbers::pi || width == 0.0;  // as InSweptSector
  wide_ = width >= std::numbers::pi;
  from_sin_ = std::sin(az_from_rad);
  from_cos_ = std::cos(az_from_rad);
  to_sin_ = std::sin(az_to_rad);
  to_cos_ = std::cos(az_to_rad);
}

bool SweptSectorTest::operator()(const Vec3& p_s) const {
  const double range = p_s.norm();
  return range <= max_range_m_ && InSector(p_s, range);
}

bool SweptSectorTest::InSector(const Vec3& p_s, double range) const {
  if (everywhere_) return true;
  const double after_from = p_s.x() * from_cos_ - p_s.y() * from_sin_;  // range * sin(b - az_from)
  const double after_to = p_s.x() * to_cos_ - p_s.y() * to_sin_;        // range * sin(b - az_to)
  const double margin = 1e-9 * range;
  if (!(std::abs(after_from) > margin && std::abs(after_to) > margin))
    return InSweptSector(WrapTwoPi(std::atan2(p_s.x(), p_s.y())), az_from_rad_, az_to_rad_);
  return wide_ ? (after_from > 0.0 || after_to < 0.0) : (after_from > 0.0 && after_to < 0.0);
}

}  // namespace iadsim
