// IMM (imm_filter.h) over CV (KF) and CT with estimated turn rate (EKF), on a matching truth:
// consistent (mean NEES inside the 95 % chi-square bounds of one step) on a straight segment,
// and a lower RMS position error than CV alone through a 2.5 g turn. Also the layout conversion
// used to mix models of different dimensions.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "iadsim/tracking/imm_filter.h"
#include "iadsim/tracking/kalman_filter.h"
#include "iadsim/tracking/test/filter_consistency.h"

namespace iadsim {
namespace {

constexpr double kSigma = 50.0;  // m, Cartesian measurement noise
constexpr double kQ = 0.1;       // m^2/s^3

MotionModel Cv() {
  MotionModel m;
  m.dims = 2;
  m.q = kQ;
  return m;
}

MotionModel Ctw() {
  MotionModel m = Cv();
  m.kind = MotionModelKind::kCoordinatedTurnEstimated;
  m.q_turn_rate = 1e-4;
  return m;
}

std::unique_ptr<TrackFilter> MakeImm(const VecX& x4, const MatX& P4) {
  std::vector<std::unique_ptr<GaussianFilter>> fs;
  fs.push_back(std::make_unique<KalmanFilter>(KalmanVariant::kLinear, Cv(), x4, P4));
  VecX x5 = VecX::Zero(5);
  x5.head(4) = x4;
  MatX P5 = MatX::Zero(5, 5);
  P5.topLeftCorner(4, 4) = P4;
  P5(4, 4) = 0.1 * 0.1;
  fs.push_back(std::make_unique<KalmanFilter>(KalmanVariant::kExtended, Ctw(), x5, P5));
  ImmFilter::ModeMatrix T(2, 2);
  T << 0.95, 0.05, 0.05, 0.95;
  ImmFilter::ModeVector mu(2);
  mu << 0.5, 0.5;
  return std::make_unique<ImmFilter>(std::move(fs), T, mu);
}

// Truth: CV with q = kQ; from step turn_start on, a coordinated turn at 0.1 rad/s (250 m/s: 25 m/s^2).
test::MonteCarloSetup TurnSetup(int turn_start, bool imm) {
  test::MonteCarloSetup s;
  s.dims = 2;
  s.nis_dof = 2;
  s.steps = 50;
  s.truth0 = VecX(4);
  s.truth0 << 0, 0, 250, 0;
  MatX P0 = MatX::Zero(4, 4);
  P0.diagonal() << kSigma * kSigma, kSigma * kSigma, 400, 400;
  s.step = [turn_start](RandomStream& rng, int k, VecX& x) {
    MotionModel m = Cv();
    if (k >= turn_start) {
      m.kind = MotionModelKind::kCoordinatedTurn;
      m.turn_rate_radps = 0.1;
    }
    VecX xn;
    PropagateState(m, 1.0, x, &xn, nullptr);
    x = xn + test::SampleGaussian(rng, ProcessNoise(m, 1.0));
  };
  s.measure = [](RandomStream& rng, const VecX& x, double t) {
    Measurement m;
    m.time_s = t;
    m.kind = MeasurementKind::kCartesian2D;
    m.z = VecZ(2);
    m.z << x(0) + kSigma * rng.StandardNormal(), x(1) + kSigma * rng.StandardNormal();
    m.R = kSigma * kSigma * MatZ::Identity(2, 2);
    return m;
  };
  s.make = [imm, P0](RandomStream& rng, const VecX& truth0) -> std::unique_ptr<TrackFilter> {
    const VecX x = truth0 + test::SampleGaussian(rng, P0);
    if (imm) return MakeImm(x, P0);
    return std::make_unique<KalmanFilter>(KalmanVariant::kLinear, Cv(), x, P0);
  };
  return s;
}

TEST(ImmFilter, ConsistentOnAStraightSegment) {
  const auto r = test::RunMonteCarlo(TurnSetup(1000, true), 31, "imm_straight");
  const double nees = r.Mean(r.nees, 5, 50), nis = r.Mean(r.nis, 5, 50);
  std::printf("IMM straight: mean NEES %.3f in [%.3f, %.3f], mean NIS %.3f in [%.3f, %.3f]\n", nees, r.nees_lo,
              r.nees_hi, nis, r.nis_lo, r.nis_hi);
  // The documented looser check. The IMM's posterior is a mixture, not a Gaussian, and on a
  // straight path the CT mode (with its turn-rate uncertainty) widens it: the IMM is known to be
  // conservative there (here mean NEES 3.0 for 4 dof). Required: the mean over the steps (after
  // 5 steps of initiation) is not overconfident (below the one-step 95 % upper bound) and
  // conservative by at most 30 % (above 0.7 x the lower bound); the NIS mean inside the bounds.
  EXPECT_GT(nees, 0.7 * r.nees_lo);
  EXPECT_LT(nees, r.nees_hi);
  EXPECT_GT(nis, r.nis_lo);
  EXPECT_LT(nis, r.nis_hi);
}

TEST(ImmFilter, BeatsConstantVelocityThroughATurn) {
  constexpr int kTurn = 20;  // straight for 20 s, then turning for 30 s
  const auto imm = test::RunMonteCarlo(TurnSetup(kTurn, true), 32, "imm_turn");
  const auto cv = test::RunMonteCarlo(TurnSetup(kTurn, false), 32, "imm_turn");  // same seed: same truth and noise
  const double rms_imm = imm.RmsPosition(kTurn, 50), rms_cv = cv.RmsPosition(kTurn, 50);
  const double rms_imm_straight = imm.RmsPosition(5, kTurn), rms_cv_straight = cv.RmsPosition(5, kTurn);
  std::printf("RMS position error: straight IMM %.1f m, CV %.1f m; turning IMM %.1f m, CV %.1f m\n",
              rms_imm_straight, rms_cv_straight, rms_imm, rms_cv);
  EXPECT_LT(rms_imm, 0.5 * rms_cv);
  EXPECT_LT(rms_imm, 2.0 * kSigma);
  // On the straight segment the IMM costs little (within 30 % of the matched CV filter).
  EXPECT_LT(rms_imm_straight, 1.3 * rms_cv_straight);
}

TEST(ImmFilter, LayoutConversionKeepsSharedComponentsAndFillsTheRest) {
  MotionModel cv;
  cv.dims = 2;
  MotionModel ca = cv;
  ca.kind = MotionModelKind::kConstantAcceleration;
  VecX x_cv(4), x_ca(6);
  x_cv << 1, 2, 3, 4;
  x_ca << 10, 20, 30, 40, 5, 6;
  MatX P_cv = MatX::Identity(4, 4) * 2.0, P_ca = MatX::Identity(6, 6) * 7.0;
  P_cv(0, 2) = P_cv(2, 0) = 0.5;
  P_ca(4, 5) = P_ca(5, 4) = 1.5;
  VecX x;
  MatX P;
  ConvertStateLayout(cv, x_cv, P_cv, ca, x_ca, P_ca, &x, &P);  // CV -> CA: accelerations from CA itself
  EXPECT_EQ(x.size(), 6);
  EXPECT_EQ(x(0), 1);
  EXPECT_EQ(x(3), 4);
  EXPECT_EQ(x(4), 5);
  EXPECT_EQ(x(5), 6);
  EXPECT_EQ(P(0, 2), 0.5);
  EXPECT_EQ(P(4, 4), 7.0);
  EXPECT_EQ(P(4, 5), 1.5);
  EXPECT_EQ(P(0, 4), 0.0);
  ConvertStateLayout(ca, x_ca, P_ca, cv, x_cv, P_cv, &x, &P);  // CA -> CV: truncation
  EXPECT_EQ(x.size(), 4);
  EXPECT_EQ(x(2), 30);
  EXPECT_EQ(P(2, 2), 7.0);
}

}  // namespace
}  // namespace iadsim
