// The pre-gate is exact: over 100,000 seeded random (track, plot) pairs — positions within 300 km,
// any velocity up to 600 m/s, random positive-definite covariances from 1 m to 30 km, dt in
// [-2, 20] s, 2-D and 3-D radars away from the tracker origin — it never rejects a pair whose full
// EKF NIS (KalmanPredict + ComputeInnovationStats, as the tracker computes it) is within the gate,
// while it does reject most far pairs; its tighter form, from the predicted position and covariance
// block, never rejects such a pair either, down to pairs 1e-6 from the gate where its bound is an
// equality. Hand cases check the bound itself. The form given the
// plot's direction answers as the angle itself over 200,000 pairs at and around the bound.
#include "iadsim/tracking/polar_pre_gate.h"

#include <gtest/gtest.h>

#include <cmath>

#include "iadsim/core/angle.h"
#include "iadsim/core/rng.h"
#include "iadsim/tracking/chi_square_gate.h"
#include "iadsim/tracking/kalman.h"
#include "iadsim/tracking/swept_sector.h"

namespace iadsim {
namespace {

const LocalFrame kFrame(Geodetic{50.0, 15.0, 0.0});

using PolarMatrixForTest = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, 3, 3>;

double WrapTwoPiForTest(double a) { return a >= 2.0 * M_PI ? a - 2.0 * M_PI : a; }

double FullNis(const PolarMeasurementModel& m, SimTime t0, const StateVec& x0, const StateCov& P0, double q,
               const PolarPlot& z3, double el, double sigma_el) {
  const double dt = (z3.time - t0).seconds();
  StateVec x = x0;
  StateCov P = P0;
  KalmanPredict<6>(x, P, CvTransition(dt), CvProcessNoiseContinuous(std::abs(dt), q));
  PolarVec z(m.dimension());
  z(0) = z3.range_m;
  z(1) = z3.azimuth_rad;
  PolarCov R = PolarCov::Zero(m.dimension(), m.dimension());
  R(0, 0) = z3.sigma_range_m * z3.sigma_range_m;
  R(1, 1) = z3.sigma_azimuth_rad * z3.sigma_azimuth_rad;
  if (m.dimension() == 3) {
    z(2) = el;
    R(2, 2) = sigma_el * sigma_el;
  }
  const PolarVec nu = m.Innovation(z, m.Predict(x));
  return ComputeInnovationStats<6, Eigen::Dynamic>(P, nu, m.Jacobian(x), R).nis;
}

// A radar within a few degrees of the tracker origin, a track within 300 km of it (up to 350 m/s on
// each axis) and a random positive-definite covariance from about 1 m to 30 km.
struct RandomPair {
  PolarMeasurementModel m;
  StateVec x;
  StateCov P;
};
RandomPair RandomTrack(RandomStream& rng, bool three_d) {
  const PolarMeasurementModel m(kFrame, Geodetic{50.0 + rng.Uniform(-2, 2), 15.0 + rng.Uniform(-3, 3), 100.0}, three_d);
  StateVec x;
  for (int i = 0; i < 3; ++i) x(i) = m.sensor_enu()(i) + rng.Uniform(-300e3, 300e3);
  x(2) = rng.Uniform(0.0, 15e3);
  for (int i = 3; i < 6; ++i) x(i) = rng.Uniform(-350.0, 350.0);
  Eigen::Matrix<double, 6, 6> A;
  const double scale = std::pow(10.0, rng.Uniform(0.0, 4.5));
  for (int i = 0; i < 36; ++i) A(i / 6, i % 6) = rng.Normal(0.0, 1.0) * (i / 6 < 3 ? scale : scale / 10.0);
  return {m, x, A * A.transpose() + 1e-3 * StateCov::Identity()};
}

TEST(PolarPreGate, NeverRejectsAPairTheFullGateKeeps) {
  RandomStream rng(2026, 0, "test", "pre-gate");
  const double q = 50.0;
  int within = 0, rejected = 0, far = 0;
  for (int k = 0; k < 100000; ++k) {
    const bool three_d = k % 2 == 0;
    const auto [m, x, P] = RandomTrack(rng, three_d);
    const SimTime t0 = SimTime::Micros(1000000000);
    // A plot near the track's prediction (within a few sigma) or anywhere, to test both sides.
    const double dt = rng.Uniform(-2.0, 20.0);
    StateVec xp = x;
    xp.head<3>() += dt * x.tail<3>();
    PolarVec h = m.Predict(xp);
    const bool near = rng.Bernoulli(0.5);
    PolarPlot plot{t0 + Duration::Micros(static_cast<std::int64_t>(dt * 1e6)), 0, 0, rng.Uniform(10, 300),
                   rng.Uniform(1e-3, 2e-2)};
    const double spread = near ? rng.Uniform(0.0, 3.0) : rng.Uniform(0.0, 200.0);
    plot.range_m = std::max(1.0, h(0) + rng.Normal(0.0, spread * (plot.sigma_range_m + std::sqrt(P(0, 0)))));
    plot.azimuth_rad = h(1) + rng.Normal(0.0, spread * (plot.sigma_azimuth_rad + std::sqrt(P(1, 1)) / h(0)));
    const double el = three_d ? h(2) + rng.Normal(0.0, 0.01) : 0.0;
    const double gate = ChiSquareGate(m.dimension(), 0.999);
    const double nis = FullNis(m, t0, x, P, q, plot, el, 0.01);
    const bool rejects = PolarPreGateRejects(PreGateTrack::Of(t0, x, P), q, m, plot, gate);
    if (nis <= gate) {
      ++within;
      ASSERT_FALSE(rejects) << "k " << k << " nis " << nis << " gate " << gate;
    } else {
      ++far;
      rejected += rejects;
    }
  }
  EXPECT_GT(within, 5000);
  EXPECT_GT(rejected, far / 2);  // it is worth having: most pairs outside the gate never reach the EKF
}

// The azimuth test as written before the plot's direction was given: theta from atan2, the range
// test first. Returns the decision; *bound gets the azimuth bound b (theta^2 > b rejects).
bool AngleForm(const PreGateTrack& t, double q, const PolarMeasurementModel& m, const PolarPlot& plot, double gate,
               double* bound) {
  const double dt = (plot.time - t.time).seconds();
  const double adt = std::abs(dt);
  const double tr = std::max(0.0, t.tr_pp + 2.0 * dt * t.tr_pv + dt * dt * t.tr_vv + q * adt * adt * adt);
  const double g = gate * 1.0001;
  const Vec3 rel = t.p_enu + dt * t.v_enu - m.sensor_enu();
  const double dr = plot.range_m - rel.norm();
  const Vec3 p_s = m.R_sensor_from_tracker() * rel;
  const double rho = std::max(std::hypot(p_s.x(), p_s.y()), 1e-3);
  *bound = g * (tr / (rho * rho) + plot.sigma_azimuth_rad * plot.sigma_azimuth_rad);
  if (dr * dr > g * (tr + plot.sigma_range_m * plot.sigma_range_m)) return true;
  const double daz = RemainderTwoPi(plot.azimuth_rad - std::atan2(p_s.x(), p_s.y()));
  return daz * daz > *bound;
}

TEST(PolarPreGate, DirectionFormAnswersAsTheAngle) {
  // Plots at the track's predicted range, their azimuth offset from the track's by theta around
  // the bound's square root (within 1e-12 to 10 % of it, either side), anywhere around the circle,
  // or with sigmas small enough for the bound to fall below 1e-10 rad^2; tracks near and far, up to
  // above the sensor.
  RandomStream rng(2026, 0, "test", "pre-gate-direction");
  const double q = 50.0;
  int rejected = 0, kept = 0;
  for (int k = 0; k < 200000; ++k) {
    const PolarMeasurementModel m(kFrame, Geodetic{50.0 + rng.Uniform(-1, 1), 15.0 + rng.Uniform(-1, 1), 100.0}, k % 2 == 0);
    StateVec x;
    const double reach = k % 50 == 0 ? 50.0 : 300e3;
    for (int i = 0; i < 3; ++i) x(i) = m.sensor_enu()(i) + rng.Uniform(-reach, reach);
    for (int i = 3; i < 6; ++i) x(i) = rng.Uniform(-350.0, 350.0);
    Eigen::Matrix<double, 6, 6> A;
    const double scale = std::pow(10.0, rng.Uniform(-1.0, 4.0));
    for (int i = 0; i < 36; ++i) A(i / 6, i % 6) = rng.Normal(0.0, 1.0) * (i / 6 < 3 ? scale : scale / 10.0);
    const StateCov P = A * A.transpose() + 1e-3 * StateCov::Identity();
    const SimTime t0 = SimTime::Micros(1000000000);
    const PreGateTrack t = PreGateTrack::Of(t0, x, P);
    const double dt = rng.Uniform(-2.0, 20.0);
    PolarPlot plot{t0 + Duration::Micros(static_cast<std::int64_t>(dt * 1e6)), 0, 0, rng.Uniform(10, 300),
                   k % 7 == 0 ? rng.Uniform(1e-9, 1e-6) : rng.Uniform(1e-4, 2e-2)};
    const Vec3 p_s = m.SensorFromTracker(x.head<3>() + (plot.time - t0).seconds() * x.tail<3>());
    plot.range_m = p_s.norm();
    double b = 0.0;
    plot.azimuth_rad = std::atan2(p_s.x(), p_s.y());
    AngleForm(t, q, m, plot, 9.21, &b);
    const int kind = k % 4;
    const double off = kind == 0   ? std::sqrt(b) * (1.0 + rng.Uniform(-1e-12, 1e-12))
                       : kind == 1 ? std::sqrt(b) * (1.0 + rng.Uniform(-0.1, 0.1))
                       : kind == 2 ? rng.Uniform(0.0, M_PI)
                                   : std::sqrt(b) * (1.0 + rng.Uniform(-1e-8, 1e-8));
    plot.azimuth_rad = WrapTwoPi(plot.azimuth_rad + (rng.Bernoulli(0.5) ? off : -off));
    const bool expected = AngleForm(t, q, m, plot, 9.21, &b);
    ASSERT_EQ(PolarPreGateRejects(t, q, m, plot, PlotDirection::Of(plot), 9.21), expected) << "k " << k;
    ASSERT_EQ(PolarPreGateRejects(t, q, m, plot, 9.21), expected) << "k " << k;
    (expected ? rejected : kept) += 1;
  }
  EXPECT_GT(rejected, 50000);
  EXPECT_GT(kept, 50000);
}

// The predicted form against the tracker's own full test (PredictCvPosition, LinearizeFixed,
// PositionInnovationStats), over 100,000 seeded pairs as above: a third with the plot anywhere or
// near, and the rest on the bound itself: nu = c S e (e the range or the azimuth axis), where
// Cauchy-Schwarz is an equality, NIS = (e^T nu)^2 / (e^T S e) = c^2 S_ee, with c putting the NIS
// within 1e-6 of the gate either side, or 0.1 % above it. It never rejects a pair the full gate
// keeps, rejects every pair 0.1 % above the gate on the range axis and on the azimuth axis
// within 0.03 rad (where sin^2 theta is within 0.03 % of theta^2), and more than half of the pairs
// the trace bound keeps and the full gate does not (random covariances; in the generated raid's
// gating, five in six).
TEST(PolarPreGate, PredictedFormNeverRejectsAPairTheFullGateKeeps) {
  RandomStream rng(2026, 0, "test", "pre-gate-predicted");
  const double q = 50.0;
  int within = 0, first_kept_far = 0, rejected_far = 0, above = 0, above_rejected = 0;
  for (int k = 0; k < 100000; ++k) {
    const bool three_d = k % 2 == 0;
    const auto [m, x, P] = RandomTrack(rng, three_d);
    const SimTime t0 = SimTime::Micros(1000000000);
    const double dt = rng.Uniform(-2.0, 20.0);
    PolarPlot plot{t0 + Duration::Micros(static_cast<std::int64_t>(dt * 1e6)), 0, 0, rng.Uniform(10, 300),
                   rng.Uniform(1e-3, 2e-2)};
    Vec3 p;
    Eigen::Matrix3d P_pp;
    PredictCvPosition(x, P, (plot.time - t0).seconds(), q, &p, &P_pp);
    const double gate = ChiSquareGate(m.dimension(), 0.999);
    const double sigma_el = 0.01;
    // The tracker's full test, for the plot's (range, azimuth) and elevation el.
    auto full_nis = [&](double el) {
      return m.ForDimension([&]<int D>(std::integral_constant<int, D>) {
        const auto l = m.LinearizeFixed<D>(p);
        Eigen::Matrix<double, D, 1> z;
        Eigen::Matrix<double, D, D> R = Eigen::Matrix<double, D, D>::Zero();
        z(0) = plot.range_m;
        z(1) = plot.azimuth_rad;
        R(0, 0) = plot.sigma_range_m * plot.sigma_range_m;
        R(1, 1) = plot.sigma_azimuth_rad * plot.sigma_azimuth_rad;
        if constexpr (D == 3) {
          z(2) = el;
          R(2, 2) = sigma_el * sigma_el;
        }
        return PositionInnovationStats<D>(P_pp, m.InnovationFixed<D>(z, l.h), l.H, R).nis;
      });
    };
    const PolarVec h = m.Linearize(p).h;
    double el = three_d ? h(2) : 0.0;
    const int kind = k % 3;
    bool on_bound_above = false;
    if (kind == 0) {
      const double spread = rng.Bernoulli(0.5) ? rng.Uniform(0.0, 3.0) : rng.Uniform(0.0, 200.0);
      plot.range_m = std::max(1.0, h(0) + rng.Normal(0.0, spread * (plot.sigma_range_m + std::sqrt(P(0, 0)))));
      plot.azimuth_rad = h(1) + rng.Normal(0.0, spread * (plot.sigma_azimuth_rad + std::sqrt(P(1, 1)) / h(0)));
      if (three_d) el += rng.Normal(0.0, sigma_el);
    } else {
      // S of the full test at the track's own measurement, then nu = c S e.
      plot.range_m = h(0);
      plot.azimuth_rad = h(1);
      const PolarMatrixForTest S = m.ForDimension([&]<int D>(std::integral_constant<int, D>) {
        const auto l = m.LinearizeFixed<D>(p);
        Eigen::Matrix<double, D, D> R = Eigen::Matrix<double, D, D>::Zero();
        R(0, 0) = plot.sigma_range_m * plot.sigma_range_m;
        R(1, 1) = plot.sigma_azimuth_rad * plot.sigma_azimuth_rad;
        if constexpr (D == 3) R(2, 2) = sigma_el * sigma_el;
        return PolarMatrixForTest(PositionInnovationStats<D>(P_pp, Eigen::Matrix<double, D, 1>::Zero(), l.H, R).S);
      });
      const int axis = (k / 2) % 2;
      on_bound_above = rng.Bernoulli(0.3);
      const double factor = on_bound_above ? 1.001 : 1.0 + rng.Uniform(-1e-6, 1e-6);
      const double c = std::sqrt(gate * factor / S(axis, axis)) * (rng.Bernoulli(0.5) ? 1.0 : -1.0);
      if (axis == 1 && std::abs(c * S(1, 1)) > 0.03) on_bound_above = false;  // sin^2 theta not within 0.03 % of theta^2
      plot.range_m = h(0) + c * S(0, axis);
      plot.azimuth_rad = WrapTwoPi(h(1) + c * S(1, axis));
      if (three_d) el = h(2) + c * S(2, axis);
    }
    const double nis = full_nis(el);
    const bool rejects = PredictedPolarPreGateRejects(m, p, P_pp, plot, PlotDirection::Of(plot), gate);
    if (nis <= gate) {
      ++within;
      ASSERT_FALSE(rejects) << "k " << k << " nis " << nis << " gate " << gate;
    } else if (kind == 0 && !PolarPreGateRejects(PreGateTrack::Of(t0, x, P), q, m, plot, gate)) {
      ++first_kept_far;
      rejected_far += rejects;
    }
    if (on_bound_above) {
      ++above;
      above_rejected += rejects;
    }
  }
  EXPECT_GT(within, 30000);
  EXPECT_GT(above, 10000);
  EXPECT_EQ(above_rejected, above);
  EXPECT_GT(first_kept_far, 1000);
  EXPECT_GT(rejected_far, first_kept_far / 2);
}

TEST(PolarPreGate, HandCase) {
  // Sensor at the tracker origin, track 100 km north, at rest, P = 100^2 m^2 on each position axis.
  const PolarMeasurementModel m(kFrame, Geodetic{50.0, 15.0, 0.0}, false);
  StateVec x = StateVec::Zero();
  x(1) = 100e3;
  StateCov P = StateCov::Identity();
  P.topLeftCorner<3, 3>() *= 1e4;
  const PreGateTrack t = PreGateTrack::Of(SimTime::Micros(0), x, P);
  // dt = 0: tr(P'pp) = 3e4 m^2, sr = 100 m: the range bound is dr^2 / 4e4; gate 9.21 (2 dof, 0.99)
  // rejects beyond dr = sqrt(9.21 * 4e4 * 1.0001) = 607.0 m.
  PolarPlot plot{SimTime::Micros(0), 100e3 + 600.0, 0.0, 100.0, 1e-3};
  EXPECT_FALSE(PolarPreGateRejects(t, 50.0, m, plot, 9.21));
  plot.range_m = 100e3 + 610.0;
  EXPECT_TRUE(PolarPreGateRejects(t, 50.0, m, plot, 9.21));
  // Azimuth: bound daz^2 / (3e4 / 1e10 + 1e-6) = daz^2 / 4e-6: rejects beyond daz = 6.07 mrad.
  plot.range_m = 100e3;
  plot.azimuth_rad = 0.0060;
  EXPECT_FALSE(PolarPreGateRejects(t, 50.0, m, plot, 9.21));
  plot.azimuth_rad = 2.0 * M_PI - 0.0062;  // wraps through north
  EXPECT_TRUE(PolarPreGateRejects(t, 50.0, m, plot, 9.21));
  // Cartesian: |nu|^2 / (3e4 + 3e4) vs gate 11.34 (3 dof): rejects beyond 824.9 m.
  EXPECT_FALSE(PositionPreGateRejects(t, 50.0, SimTime::Micros(0), Vec3(0, 100e3 + 820.0, 0), 3e4, 11.34));
  EXPECT_TRUE(PositionPreGateRejects(t, 50.0, SimTime::Micros(0), Vec3(0, 100e3 + 830.0, 0), 3e4, 11.34));
  // The predicted form with the same track long across the line of sight: P'_pp = diag(1e6, 100, 100)
  // m^2 (east, north, up). Range axis (north): S_rr = 100 + 100^2 = 10,100 m^2, rejects beyond
  // dr = sqrt(9.21 * 1.0001 * 10,100) = 305.0 m, where the trace bound (1,000,200 +
  // 10,000 m^2) keeps out to 3,050 m. Azimuth: S_aa = 1e6 / 1e10 + 1e-6 = 1.01e-4 rad^2, rejects
  // beyond 30.5 mrad.
  const Eigen::Matrix3d P_pp = Eigen::Vector3d(1e6, 100.0, 100.0).asDiagonal();
  P.topLeftCorner<3, 3>() = P_pp;
  const PreGateTrack across = PreGateTrack::Of(SimTime::Micros(0), x, P);
  const Vec3 p(0.0, 100e3, 0.0);
  PolarPlot near_plot{SimTime::Micros(0), 100e3 + 300.0, 0.0, 100.0, 1e-3};
  EXPECT_FALSE(PredictedPolarPreGateRejects(m, p, P_pp, near_plot, PlotDirection::Of(near_plot), 9.21));
  near_plot.range_m = 100e3 + 310.0;
  EXPECT_TRUE(PredictedPolarPreGateRejects(m, p, P_pp, near_plot, PlotDirection::Of(near_plot), 9.21));
  EXPECT_FALSE(PolarPreGateRejects(across, 50.0, m, near_plot, 9.21));
  near_plot.range_m = 100e3;
  near_plot.azimuth_rad = 0.0300;
  EXPECT_FALSE(PredictedPolarPreGateRejects(m, p, P_pp, near_plot, PlotDirection::Of(near_plot), 9.21));
  near_plot.azimuth_rad = 2.0 * M_PI - 0.0310;
  EXPECT_TRUE(PredictedPolarPreGateRejects(m, p, P_pp, near_plot, PlotDirection::Of(near_plot), 9.21));
}

// InRangeAndSweptSector decides as PolarFromEnu + InSweptSector, which the tracker's and the IFF
// correlation's look tests used before: over 200,000 seeded positions (some on the range limit and
// on the sector's edges, sectors wrapping through north) the answers agree every time.
TEST(PolarPreGate, InRangeAndSweptSectorAsPolarFromEnu) {
  RandomStream rng(2026, 0, "test", "in-range-and-sector");
  int inside = 0;
  for (int k = 0; k < 200000; ++k) {
    Vec3 p(rng.Uniform(-400e3, 400e3), rng.Uniform(-400e3, 400e3), rng.Uniform(-1e3, 20e3));
    const double from = rng.Uniform(0.0, 2.0 * M_PI), to = WrapTwoPiForTest(from + rng.Uniform(0.1, 1.0));
    double max_range = rng.Uniform(50e3, 400e3);
    if (k % 10 == 0) max_range = p.norm();                                     // on the limit
    if (k % 10 == 1) p = EnuFromPolar({p.norm(), from, 0.0});                   // on an edge
    const Polar pol = PolarFromEnu(p);
    const bool expected = pol.range_m <= max_range && InSweptSector(pol.azimuth_rad, from, to);
    ASSERT_EQ(InRangeAndSweptSector(p, max_range, from, to), expected) << k;
    inside += expected;
  }
  EXPECT_GT(inside, 5000);
}

// SweptSectorTest answers as InRangeAndSweptSector over 400,000 seeded positions: sectors narrow
// and wide (up to a full turn and the equal-ends full turn), wrapping through north, positions on
// and within 1e-12 .. 1e-6 rad of either edge, on the range limit, at the origin.
TEST(PolarPreGate, SweptSectorTestAsInRangeAndSweptSector) {
  RandomStream rng(2026, 0, "test", "swept-sector-test");
  int inside = 0, near_edge = 0;
  for (int k = 0; k < 400000; ++k) {
    const double from = rng.Uniform(-1.0, 2.0 * M_PI + 1.0);
    double to = from + (k % 4 == 0 ? rng.Uniform(0.01, 1.0) : rng.Uniform(0.0, 2.0 * M_PI + 0.5));
    if (k % 50 == 3) to = from + M_PI;
    if (k % 50 == 4) to = WrapTwoPi(from);  // equal ends after wrapping: a full turn
    if (k % 2 == 0) to = WrapTwoPi(to);
    Vec3 p(rng.Uniform(-400e3, 400e3), rng.Uniform(-400e3, 400e3), rng.Uniform(-1e3, 20e3));
    double max_range = rng.Uniform(50e3, 600e3);
    if (k % 10 == 0) max_range = p.norm();
    if (k % 10 == 1 || k % 10 == 2) {  // on or beside an edge
      const double edge = k % 20 < 10 ? from : to;
      const double off = k % 7 == 0 ? 0.0 : std::pow(10.0, rng.Uniform(-12.0, -6.0)) * (k % 3 == 0 ? -1.0 : 1.0);
      p = EnuFromPolar({p.norm(), edge + off, rng.Uniform(-0.1, 0.5)});
      ++near_edge;
    }
    if (k == 5) p = Vec3::Zero();
    const bool expected = InRangeAndSweptSector(p, max_range, from, to);
    ASSERT_EQ(SweptSectorTest(max_range, from, to)(p), expected) << k << " from " << from << " to " << to;
    inside += expected;
  }
  EXPECT_GT(inside, 50000);
  EXPECT_GT(near_edge, 50000);
}

}  // namespace
}  // namespace iadsim
