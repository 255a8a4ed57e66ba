// Consistency of the polar-measurement EKF (kalman.h + polar_measurement.h + motion_model.h) over
// seeded Monte Carlo runs: the normalised estimation error squared (NEES) and normalised innovation
// squared (NIS), averaged over N runs, must lie in their two-sided 95 % chi-square intervals
//   N * mean NEES ~ chi2(6 N),   N * mean NIS ~ chi2(3 N)
// at (nearly) every time step (Bar-Shalom, Li & Kirubarajan 2001, sec. 5.4.2 and 5.4.3).
#include <gtest/gtest.h>

#include <boost/math/distributions/chi_squared.hpp>

#include <Eigen/Cholesky>

#include <cstdio>
#include <vector>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/kalman.h"
#include "iadsim/tracking/motion_model.h"
#include "iadsim/tracking/polar_measurement.h"

namespace iadsim {
namespace {

TEST(PolarEkfConsistency, NeesAndNisInsideChiSquareBounds) {
  constexpr int kRuns = 100, kSteps = 100;
  constexpr double kT = 2.0, kSigmaA = 0.5;  // s, m/s^2 (truth and filter use the same model)
  constexpr double kSigmaR = 25.0, kSigmaAngle = 0.0015;  // m, rad
  const LocalFrame tracker({35.0, 35.0, 0.0});
  const Geodetic sensor_position{35.1, 35.2, 100.0};
  const PolarMeasurementModel model(tracker, sensor_position, true);
  const Eigen::Matrix<double, 6, 6> F = CvTransition(kT);
  const Eigen::Matrix<double, 6, 6> Q = CvProcessNoiseDiscrete(kT, kSigmaA);
  // Truth: x <- F x + Gamma w, w ~ N(0, sigma_a^2 I3), Gamma = [T^2/2 I3; T I3] (Q = Gamma Gamma^T sigma_a^2).
  Eigen::Matrix<double, 6, 3> Gamma;
  Gamma << 0.5 * kT * kT * Eigen::Matrix3d::Identity(), kT * Eigen::Matrix3d::Identity();
  PolarCov R = PolarCov::Zero(3, 3);
  R.diagonal() << kSigmaR * kSigmaR, kSigmaAngle * kSigmaAngle, kSigmaAngle * kSigmaAngle;
  StateCov P0 = StateCov::Zero();
  P0.diagonal() << 300 * 300, 300 * 300, 300 * 300, 40 * 40, 40 * 40, 40 * 40;
  const StateCov P0_sqrt = P0.cwiseSqrt();
  // Starts about 55 km from the radar, crosses in front of it, ends about 40 km away: 30-80 km.
  StateVec x0;
  x0 << -20e3, 50e3, 8e3, 200.0, -20.0, 0.0;

  std::vector<double> nees_sum(kSteps, 0.0), nis_sum(kSteps, 0.0);
  double min_range = 1e12, max_range = 0.0;
  for (int run = 0; run < kRuns; ++run) {
    RandomStream rng(20240611, run, "polar_ekf_consistency", "noise");
    auto normal6 = [&] {
      StateVec n;
      for (int i = 0; i < 6; ++i) n(i) = rng.StandardNormal();
      return n;
    };
    StateVec truth = x0;
    StateVec x = x0 + P0_sqrt * normal6();
    StateCov P = P0;
    for (int k = 0; k < kSteps; ++k) {
      const Eigen::Vector3d w(rng.StandardNormal(), rng.StandardNormal(), rng.StandardNormal());
      truth = F * truth + Gamma * (kSigmaA * w);
      KalmanPredict<6>(x, P, F, Q);
      PolarVec z = model.Predict(truth);
      min_range = std::min(min_range, z(0));
      max_range = std::max(max_range, z(0));
      z(0) += kSigmaR * rng.StandardNormal();
      z(1) += kSigmaAngle * rng.StandardNormal();
      z(2) += kSigmaAngle * rng.StandardNormal();
      const PolarVec nu = model.Innovation(z, model.Predict(x));
      const auto r = KalmanUpdate<6, Eigen::Dynamic>(x, P, nu, model.Jacobian(x), R);
      const StateVec e = truth - x;
      nees_sum[k] += e.dot(P.ldlt().solve(e));
      nis_sum[k] += r.nis;
    }
  }
  EXPECT_GT(min_range, 30e3);
  EXPECT_LT(max_range, 80e3);

  using boost::math::chi_squared_distribution;
  using boost::math::quantile;
  const chi_squared_distribution<double> nees_dist(6.0 * kRuns), nis_dist(3.0 * kRuns);
  const double nees_lo = quantile(nees_dist, 0.025) / kRuns, nees_hi = quantile(nees_dist, 0.975) / kRuns;
  const double nis_lo = quantile(nis_dist, 0.025) / kRuns, nis_hi = quantile(nis_dist, 0.975) / kRuns;
  int nees_inside = 0, nis_inside = 0;
  double nees_all = 0.0, nis_all = 0.0;
  for (int k = 0; k < kSteps; ++k) {
    const double nees = nees_sum[k] / kRuns, nis = nis_sum[k] / kRuns;
    nees_inside += (nees >= nees_lo && nees <= nees_hi);
    nis_inside += (nis >= nis_lo && nis <= nis_hi);
    nees_all += nees / kSteps;
    nis_all += nis / kSteps;
  }
  // A consistent filter is inside at 95 % of the steps; 90 % leaves room for the binomial spread
  // of 100 steps (standard deviation 2.2 %) and a little for the linearisation.
  EXPECT_GE(nees_inside, 90) << "NEES bounds [" << nees_lo << ", " << nees_hi << "]";
  EXPECT_GE(nis_inside, 90) << "NIS bounds [" << nis_lo << ", " << nis_hi << "]";
  // Over all 10^4 (correlated) samples the means are 6 and 3 within a few per cent.
  EXPECT_NEAR(nees_all, 6.0, 0.3);
  EXPECT_NEAR(nis_all, 3.0, 0.1);
  RecordProperty("nees_steps_inside", nees_inside);
  RecordProperty("nis_steps_inside", nis_inside);
  std::printf("NEES: %d/%d steps inside [%.3f, %.3f], mean %.4f; NIS: %d/%d inside [%.3f, %.3f], mean %.4f\n",
              nees_inside, kSteps, nees_lo, nees_hi, nees_all, nis_inside, kSteps, nis_lo, nis_hi, nis_all);
}

}  // namespace
}  // namespace iadsim
