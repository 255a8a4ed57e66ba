// UKF (unscented_filter.h): exact on a linear problem (equals the KF), and consistent (NEES, NIS
// inside 95 % chi-square bounds over seeded runs) with range-azimuth-elevation-range-rate radar
// measurements.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "iadsim/tracking/kalman_filter.h"
#include "iadsim/tracking/measurement_models.h"
#include "iadsim/tracking/test/filter_consistency.h"
#include "iadsim/tracking/unscented_filter.h"

namespace iadsim {
namespace {

TEST(UnscentedFilter, EqualsTheKalmanFilterOnALinearProblem) {
  // The unscented transform is exact for linear f and h whatever alpha, beta, kappa.
  MotionModel model;
  model.kind = MotionModelKind::kConstantAcceleration;
  model.dims = 2;
  model.q = 0.3;
  VecX x0(6);
  x0 << 100, -50, 20, 10, 1, -1;
  MatX P0 = MatX::Zero(6, 6);
  P0.diagonal() << 400, 400, 100, 100, 4, 4;
  for (const UkfParameters p : {UkfParameters{}, UkfParameters{0.5, 2.0, 1.0}, UkfParameters{1e-2, 2.0, 0.0}}) {
    KalmanFilter kf(KalmanVariant::kLinear, model, x0, P0);
    UnscentedKalmanFilter ukf(p, model, x0, P0);
    RandomStream rng(5, 0, "ukf_linear", "z");
    for (int k = 0; k < 20; ++k) {
      kf.Predict(2.0);
      ukf.Predict(2.0);
      Measurement m;
      m.kind = MeasurementKind::kCartesian2D;
      m.z = VecZ(2);
      m.z << 100 + 40 * k + 30 * rng.StandardNormal(), -50 + 20 * k + 30 * rng.StandardNormal();
      m.R = 900 * MatZ::Identity(2, 2);
      EXPECT_NEAR(kf.Innovate(m).d2, ukf.Innovate(m).d2, 1e-6 * (1 + kf.Innovate(m).d2));
      kf.Update(m);
      ukf.Update(m);
    }
    EXPECT_LT((kf.state() - ukf.state()).norm(), 1e-6 * kf.state().norm()) << "alpha " << p.alpha;
    EXPECT_LT((kf.covariance() - ukf.covariance()).norm(), 1e-6 * kf.covariance().norm()) << "alpha " << p.alpha;
  }
}

TEST(UnscentedFilter, ConsistentWithPolarDopplerMeasurements) {
  constexpr double kSr = 20.0, kSa = 0.002, kSrr = 1.0;  // m, rad, m/s
  MotionModel model;
  model.dims = 3;
  model.q = 1.0;
  test::MonteCarloSetup s;
  s.dims = 3;
  s.nis_dof = 4;
  s.steps = 50;
  s.dt_s = 2.0;
  s.truth0 = VecX(6);
  s.truth0 << -30e3, 40e3, 6e3, 250, -30, 0;  // 50 km, crossing: 35-55 km over the run
  MatX P0 = MatX::Zero(6, 6);
  P0.diagonal() << 200 * 200, 200 * 200, 200 * 200, 30 * 30, 30 * 30, 30 * 30;
  s.step = [model](RandomStream& rng, int, VecX& x) {
    VecX xn;
    PropagateState(model, 2.0, x, &xn, nullptr);
    x = xn + test::SampleGaussian(rng, ProcessNoise(model, 2.0));
  };
  s.measure = [](RandomStream& rng, const VecX& x, double t) {
    Measurement m;
    m.time_s = t;
    m.kind = MeasurementKind::kPolar3DDoppler;
    m.sensor_position = Eigen::Vector3d(0, 0, 20);
    m.R = MatZ::Zero(4, 4);
    m.R.diagonal() << kSr * kSr, kSa * kSa, kSa * kSa, kSrr * kSrr;
    m.z = PredictMeasurement(m, x, 3);
    m.z(0) += kSr * rng.StandardNormal();
    m.z(1) += kSa * rng.StandardNormal();
    m.z(2) += kSa * rng.StandardNormal();
    m.z(3) += kSrr * rng.StandardNormal();
    return m;
  };
  s.make = [model, P0](RandomStream& rng, const VecX& truth0) -> std::unique_ptr<TrackFilter> {
    return std::make_unique<UnscentedKalmanFilter>(UkfParameters{}, model,
                                                   VecX(truth0 + test::SampleGaussian(rng, P0)), P0);
  };
  const auto r = test::RunMonteCarlo(s, 21, "ukf_polar");
  const int nees_in = r.NeesInside(0, 50), nis_in = r.NisInside(0, 50);
  const double nees_mean = r.Mean(r.nees, 0, 50), nis_mean = r.Mean(r.nis, 0, 50);
  std::printf("UKF polar+Doppler: NEES %d/50 in [%.3f, %.3f], mean %.3f; NIS %d/50 in [%.3f, %.3f], mean %.3f\n",
              nees_in, r.nees_lo, r.nees_hi, nees_mean, nis_in, r.nis_lo, r.nis_hi, nis_mean);
  EXPECT_GE(nees_in, 44);
  EXPECT_GE(nis_in, 44);
  EXPECT_GT(nees_mean, r.nees_lo);
  EXPECT_LT(nees_mean, r.nees_hi);
  EXPECT_GT(nis_mean, r.nis_lo);
  EXPECT_LT(nis_mean, r.nis_hi);
}

}  // namespace
}  // namespace iadsim
