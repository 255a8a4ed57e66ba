// KF and EKF (kalman_filter.h): steady-state gains against Kalata's alpha-beta closed form,
// the PDA update against a hand calculation, and NEES / NIS over seeded Monte Carlo runs inside
// their 95 % chi-square bounds for CV-KF, CA-KF and CT-EKF with estimated turn rate.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "iadsim/tracking/imm_filter.h"
#include "iadsim/tracking/kalman_filter.h"
#include "iadsim/tracking/test/filter_consistency.h"
#include "iadsim/tracking/unscented_filter.h"

namespace iadsim {
namespace {

Measurement Cartesian(const VecX& truth, int dims, int mdims, double sigma, RandomStream& rng, double t) {
  Measurement m;
  m.time_s = t;
  m.kind = mdims == 3 ? MeasurementKind::kCartesian3D : MeasurementKind::kCartesian2D;
  m.z.resize(mdims);
  for (int i = 0; i < mdims; ++i) m.z(i) = truth(i) + sigma * rng.StandardNormal();
  m.R = sigma * sigma * MatZ::Identity(mdims, mdims);
  (void)dims;
  return m;
}

// Kalata's tracking index Lambda = sigma_a T^2 / sigma_w and the steady-state gains of the
// alpha-beta filter with discrete white-noise acceleration (Bar-Shalom et al. 2001, 6.5.3):
//   alpha = -(L^2 + 8 L - (L + 4) sqrt(L^2 + 8 L)) / 8,   beta = (L^2 + 4 L - L sqrt(L^2 + 8 L)) / 4
TEST(KalmanFilter, SteadyStateGainsAreKalatasAlphaBeta) {
  struct Case { double sigma_a, T, sigma_w; };
  for (const Case c : {Case{1.0, 1.0, 1.0}, Case{0.3, 2.0, 25.0}, Case{5.0, 0.5, 2.0}}) {
    const double L = c.sigma_a * c.T * c.T / c.sigma_w;
    const double root = std::sqrt(L * L + 8 * L);
    const double alpha = -(L * L + 8 * L - (L + 4) * root) / 8, beta = (L * L + 4 * L - L * root) / 4;
    if (L == 1.0) {
      EXPECT_DOUBLE_EQ(alpha, 0.75);  // hand: -(1 + 8 - 5 * 3) / 8
      EXPECT_DOUBLE_EQ(beta, 0.5);    // hand: (1 + 4 - 3) / 4
    }
    MotionModel model;
    model.kind = MotionModelKind::kConstantVelocity;
    model.dims = 2;
    model.piecewise_constant_acceleration = true;
    model.q = c.sigma_a * c.sigma_a;
    MatX P0 = MatX::Identity(4, 4) * 1e4;
    KalmanFilter kf(KalmanVariant::kLinear, model, VecX::Zero(4), P0);
    Measurement m;
    m.kind = MeasurementKind::kCartesian2D;
    m.z = VecZ::Zero(2);
    m.R = c.sigma_w * c.sigma_w * MatZ::Identity(2, 2);
    for (int k = 0; k < 2000; ++k) {
      kf.Predict(c.T);
      kf.Update(m);  // z = 0 = prediction: the state stays 0, P converges
    }
    kf.Predict(c.T);
    m.z << 1.0, 0.0;  // a unit innovation on x: the state moves by the gain
    kf.Update(m);
    EXPECT_NEAR(kf.state()(0), alpha, 1e-6) << "Lambda " << L;
    EXPECT_NEAR(kf.state()(2) * c.T, beta, 1e-6) << "Lambda " << L;
    EXPECT_NEAR(kf.state()(1), 0.0, 1e-12);
  }
}

// Hand calculation, x axis of a 2-D CV state (y decoupled): prior x- = 0, P-_x = [100 20; 20 10],
// R = 25, K = [0.8, 0.16]; z1 = 10, z2 = -5 with beta = 0.5, 0.3, beta0 = 0.2.
//   nu = 0.5 * 10 + 0.3 * (-5) = 3.5;  x = K nu = [2.8, 0.56]
//   P_c = (1 - K H) P- = [20 4; 4 6.8];  spread = 0.5 * 100 + 0.3 * 25 - 3.5^2 = 45.25
//   P = 0.2 P- + 0.8 P_c + K K^T 45.25 = [64.96 12.992; 12.992 8.5984]
// y axis (both innovations 0): x = 0, P = 0.2 P- + 0.8 P_c = [36 7.2; 7.2 7.44].
void CheckPdaHandCalculation(TrackFilter& f) {
  Measurement m1, m2;
  m1.kind = m2.kind = MeasurementKind::kCartesian2D;
  m1.R = m2.R = 25.0 * MatZ::Identity(2, 2);
  m1.z = VecZ(2);
  m2.z = VecZ(2);
  m1.z << 10.0, 0.0;
  m2.z << -5.0, 0.0;
  const Measurement ms[2] = {m1, m2};
  const double beta[2] = {0.5, 0.3};
  f.UpdatePda(ms, beta, 0.2);
  EXPECT_NEAR(f.position()(0), 2.8, 1e-9);
  EXPECT_NEAR(f.velocity()(0), 0.56, 1e-9);
  EXPECT_NEAR(f.position()(1), 0.0, 1e-9);
  const Eigen::Matrix<double, 6, 6> C = f.position_velocity_covariance();  // [x y z vx vy vz]
  EXPECT_NEAR(C(0, 0), 64.96, 1e-9);
  EXPECT_NEAR(C(0, 3), 12.992, 1e-9);
  EXPECT_NEAR(C(3, 3), 8.5984, 1e-9);
  EXPECT_NEAR(C(1, 1), 36.0, 1e-9);
  EXPECT_NEAR(C(1, 4), 7.2, 1e-9);
  EXPECT_NEAR(C(4, 4), 7.44, 1e-9);
  EXPECT_NEAR(C(0, 1), 0.0, 1e-9);
}

MatX PdaPrior() {
  MatX P = MatX::Zero(4, 4);
  P << 100, 0, 20, 0, 0, 100, 0, 20, 20, 0, 10, 0, 0, 20, 0, 10;
  return P;
}

MotionModel Cv2() {
  MotionModel m;
  m.dims = 2;
  return m;
}

TEST(KalmanFilter, PdaUpdateMatchesHandCalculation) {
  KalmanFilter kf(KalmanVariant::kLinear, Cv2(), VecX::Zero(4), PdaPrior());
  CheckPdaHandCalculation(kf);
  KalmanFilter ekf(KalmanVariant::kExtended, Cv2(), VecX::Zero(4), PdaPrior());
  CheckPdaHandCalculation(ekf);
  UnscentedKalmanFilter ukf(UkfParameters{}, Cv2(), VecX::Zero(4), PdaPrior());  // exact for linear h
  CheckPdaHandCalculation(ukf);
  // An IMM of two identical models is the single model (mode probabilities stay 1/2).
  std::vector<std::unique_ptr<GaussianFilter>> fs;
  fs.push_back(std::make_unique<KalmanFilter>(KalmanVariant::kLinear, Cv2(), VecX::Zero(4), PdaPrior()));
  fs.push_back(std::make_unique<KalmanFilter>(KalmanVariant::kLinear, Cv2(), VecX::Zero(4), PdaPrior()));
  ImmFilter::ModeMatrix T(2, 2);
  T << 0.9, 0.1, 0.2, 0.8;
  ImmFilter::ModeVector mu(2);
  mu << 0.5, 0.5;
  ImmFilter imm(std::move(fs), T, mu);
  CheckPdaHandCalculation(imm);
  EXPECT_NEAR(imm.mode_probabilities()(0), 0.5, 1e-12);
}

void ExpectConsistent(const test::MonteCarloResult& r, int steps, const char* what) {
  const int nees_in = r.NeesInside(0, steps), nis_in = r.NisInside(0, steps);
  const double nees_mean = r.Mean(r.nees, 0, steps), nis_mean = r.Mean(r.nis, 0, steps);
  std::printf("%s: NEES %d/%d steps in [%.3f, %.3f], mean %.3f; NIS %d/%d in [%.3f, %.3f], mean %.3f\n", what,
              nees_in, steps, r.nees_lo, r.nees_hi, nees_mean, nis_in, steps, r.nis_lo, r.nis_hi, nis_mean);
  for (int k = 0; k < steps; ++k)
    if (r.nees[k] < r.nees_lo || r.nees[k] > r.nees_hi || r.nis[k] < r.nis_lo || r.nis[k] > r.nis_hi)
      std::printf("  step %d: NEES %.3f NIS %.3f\n", k, r.nees[k], r.nis[k]);
  // 95 % of steps expected inside; 88 % leaves room for the binomial spread over 50 steps (3 %).
  EXPECT_GE(nees_in, steps * 88 / 100) << what;
  EXPECT_GE(nis_in, steps * 88 / 100) << what;
  // The mean over all (correlated) steps is inside the per-step bounds.
  EXPECT_GT(nees_mean, r.nees_lo) << what;
  EXPECT_LT(nees_mean, r.nees_hi) << what;
  EXPECT_GT(nis_mean, r.nis_lo) << what;
  EXPECT_LT(nis_mean, r.nis_hi) << what;
}

// Truth x <- f(x) + w, w ~ N(0, Q): the filter's own model.
test::MonteCarloSetup ModelMatchedSetup(const MotionModel& model, const VecX& x0, const MatX& P0, int mdims,
                                        double sigma, KalmanVariant variant) {
  test::MonteCarloSetup s;
  s.dims = model.dims;
  s.nis_dof = mdims;
  s.truth0 = x0;
  s.step = [model](RandomStream& rng, int, VecX& x) {
    VecX xn;
    PropagateState(model, 1.0, x, &xn, nullptr);
    x = xn + test::SampleGaussian(rng, ProcessNoise(model, 1.0));
  };
  s.measure = [=](RandomStream& rng, const VecX& x, double t) { return Cartesian(x, model.dims, mdims, sigma, rng, t); };
  s.make = [=](RandomStream& rng, const VecX& truth0) -> std::unique_ptr<TrackFilter> {
    return std::make_unique<KalmanFilter>(variant, model, VecX(truth0 + test::SampleGaussian(rng, P0)), P0);
  };
  return s;
}

TEST(KalmanFilter, CvKfIsConsistent) {
  MotionModel model = Cv2();
  model.q = 1.0;
  VecX x0(4);
  x0 << 0, 0, 200, 100;
  MatX P0 = MatX::Zero(4, 4);
  P0.diagonal() << 2500, 2500, 900, 900;
  const auto r = test::RunMonteCarlo(ModelMatchedSetup(model, x0, P0, 2, 50.0, KalmanVariant::kLinear), 11, "cv_kf");
  ExpectConsistent(r, 50, "CV-KF 2-D");
}

TEST(KalmanFilter, CaKfIsConsistent) {
  MotionModel model;
  model.kind = MotionModelKind::kConstantAcceleration;
  model.dims = 3;
  model.q = 0.1;
  VecX x0(9);
  x0 << 10e3, 20e3, 5e3, -200, 50, 0, 2, -1, 0;
  MatX P0 = MatX::Zero(9, 9);
  P0.diagonal() << 900, 900, 900, 400, 400, 400, 25, 25, 25;
  const auto r = test::RunMonteCarlo(ModelMatchedSetup(model, x0, P0, 3, 30.0, KalmanVariant::kLinear), 12, "ca_kf");
  ExpectConsistent(r, 50, "CA-KF 3-D");
}

TEST(KalmanFilter, EstimatedTurnRateEkfIsConsistent) {
  MotionModel model;
  model.kind = MotionModelKind::kCoordinatedTurnEstimated;
  model.dims = 2;
  model.q = 0.5;
  model.q_turn_rate = 1e-6;
  VecX x0(5);
  x0 << 0, 0, 200, 0, 0.05;  // 200 m/s turning left at 2.9 deg/s
  MatX P0 = MatX::Zero(5, 5);
  P0.diagonal() << 400, 400, 100, 100, 1e-4;
  auto s = ModelMatchedSetup(model, x0, P0, 2, 20.0, KalmanVariant::kExtended);
  s.runs = 400;
  const auto r = test::RunMonteCarlo(s, 13, "ctw_ekf");
  ExpectConsistent(r, 50, "CTw-EKF 2-D");
}

TEST(KalmanFilter, KfWithConvertedPolarMeasurementsIsConsistent) {
  // A linear KF on 2-D polar radar data through the unbiased conversion, at 40-60 km with
  // sigma_az = 1 deg (cross-range 0.7-1 km): NEES and NIS inside the bounds.
  MotionModel model = Cv2();
  model.q = 1.0;
  VecX x0(4);
  x0 << 30e3, 40e3, -150, 50;
  MatX P0 = MatX::Zero(4, 4);
  P0.diagonal() << 1e6, 1e6, 900, 900;
  auto s = ModelMatchedSetup(model, x0, P0, 2, 0.0, KalmanVariant::kLinear);
  const double sr = 30.0, sa = std::numbers::pi / 180.0;
  s.measure = [=](RandomStream& rng, const VecX& x, double t) {
    Measurement m;
    m.time_s = t;
    m.kind = MeasurementKind::kPolar2D;
    m.z = VecZ(2);
    m.z << std::hypot(x(0), x(1)) + sr * rng.StandardNormal(), std::atan2(x(0), x(1)) + sa * rng.StandardNormal();
    m.R = MatZ::Zero(2, 2);
    m.R.diagonal() << sr * sr, sa * sa;
    return m;
  };
  const auto r = test::RunMonteCarlo(s, 14, "kf_converted");
  ExpectConsistent(r, 50, "KF + unbiased converted polar");
}

// The fixed-size kernels of the CV fast paths (kalman_filter.h kalman_kernels): the written-out
// K = 2 update and the gating distance must equal, bit for bit, Eigen's LLT route they replace (the
// tracker's output is compared byte for byte across versions), on random SPD states and
// measurements, including zero innovations and correlated R; and match closed forms.
template <int N, int K>
void EigenUpdateCartesian(const Measurement& m, double* xv, double* Pv) {  // the Eigen route
  Eigen::Map<Eigen::Matrix<double, N, 1>> x(xv);
  Eigen::Map<Eigen::Matrix<double, N, N>> P(Pv);
  const Eigen::Matrix<double, N, K> PHt = P.template leftCols<K>();
  const Eigen::Matrix<double, K, K> S = P.template topLeftCorner<K, K>() + m.R.template topLeftCorner<K, K>();
  const Eigen::LLT<Eigen::Matrix<double, K, K>> llt(S);
  const Eigen::Matrix<double, N, K> K_gain = llt.solve(PHt.transpose()).transpose();
  const Eigen::Matrix<double, K, 1> nu = m.z.template head<K>() - x.template head<K>();
  x += K_gain * nu;
  const Eigen::Matrix<double, N, N> Pn = P - K_gain * PHt.transpose();
  P = 0.5 * (Pn + Pn.transpose());
}

template <int N, int K>
void RandomCase(RandomStream& rng, int i, Eigen::Matrix<double, N, 1>* x, Eigen::Matrix<double, N, N>* P, Measurement* m) {
  Eigen::Matrix<double, N, N> A;
  for (int r = 0; r < N; ++r)
    for (int c = 0; c < N; ++c) A(r, c) = rng.Normal(0.0, std::pow(10.0, rng.Uniform(0.0, 3.0)));
  *P = A * A.transpose() + Eigen::Matrix<double, N, N>::Identity();
  for (int r = 0; r < N; ++r) (*x)(r) = rng.Normal(0.0, 1e4);
  Eigen::Matrix<double, K, K> B;
  for (int r = 0; r < K; ++r)
    for (int c = 0; c < K; ++c) B(r, c) = i % 3 == 0 && r != c ? 0.0 : rng.Normal(0.0, 50.0);
  m->kind = K == 2 ? MeasurementKind::kCartesian2D : MeasurementKind::kCartesian3D;
  m->R = B * B.transpose() + Eigen::Matrix<double, K, K>::Identity();
  m->z.resize(K);
  for (int r = 0; r < K; ++r) m->z(r) = i % 5 == 0 && r == 0 ? (*x)(r) : (*x)(r) + rng.Normal(0.0, 300.0);
}

template <int N, int K>
void ExpectKernelsEqualEigen(std::uint64_t seed) {
  RandomStream rng(seed);
  for (int i = 0; i < 5000; ++i) {
    Eigen::Matrix<double, N, 1> x;
    Eigen::Matrix<double, N, N> P;
    Measurement m;
    RandomCase<N, K>(rng, i, &x, &P, &m);
    // Gating distance and ln|S| against InnovateCartesian.
    const Innovation ref = kalman_kernels::InnovateCartesian(m, x.data(), P.data(), N);
    double nu[K], s[K * K], l_diag[K];
    for (int a = 0; a < K; ++a) {
      nu[a] = m.z(a) - x(a);
      for (int b = 0; b <= a; ++b) s[a * K + b] = P(a, b) + m.R(a, b);
    }
    const double d2 = kalman_kernels::CartesianD2<K>(nu, s, l_diag);
    ASSERT_EQ(d2, ref.d2) << "case " << i;
    ASSERT_EQ(kalman_kernels::CholeskyLogDet<K>(l_diag), ref.log_det_S) << "case " << i;
    // Update against the Eigen route.
    Eigen::Matrix<double, N, 1> x1 = x, x2 = x;
    Eigen::Matrix<double, N, N> P1 = P, P2 = P;
    kalman_kernels::UpdateCartesian<N, K>(m, x1.data(), P1.data());
    EigenUpdateCartesian<N, K>(m, x2.data(), P2.data());
    for (int r = 0; r < N; ++r) ASSERT_EQ(x1(r), x2(r)) << "case " << i;
    for (int r = 0; r < N * N; ++r) ASSERT_EQ(P1.data()[r], P2.data()[r]) << "case " << i;
  }
}

TEST(KalmanKernels, UpdateAndGatingDistanceEqualEigenBitForBit) {
  ExpectKernelsEqualEigen<4, 2>(11);
  ExpectKernelsEqualEigen<6, 2>(12);
  ExpectKernelsEqualEigen<6, 3>(13);
}

// Closed forms: uncorrelated position (P = diag(p, q, v, v)), R = r I: d2 = nu_x^2 / (p + r) +
// nu_y^2 / (q + r), ln|S| = ln((p + r)(q + r)); the update moves x by the scalar gain p / (p + r)
// and leaves p r / (p + r).
TEST(KalmanKernels, MatchScalarClosedForms) {
  const double p = 900.0, q = 1600.0, v = 100.0, r = 2500.0;
  Eigen::Vector4d x(1000.0, -2000.0, 10.0, 20.0);
  Eigen::Matrix4d P = Eigen::Vector4d(p, q, v, v).asDiagonal();
  const double nu[2] = {300.0, -400.0}, s[4] = {p + r, 0.0, 0.0, q + r};
  double l_diag[2];
  EXPECT_NEAR(kalman_kernels::CartesianD2<2>(nu, s, l_diag), 300.0 * 300.0 / 3400.0 + 400.0 * 400.0 / 4100.0, 1e-12);
  EXPECT_NEAR(kalman_kernels::CholeskyLogDet<2>(l_diag), std::log(3400.0 * 4100.0), 1e-12);
  const double z[2] = {1300.0, -2400.0}, R[4] = {r, 0.0, 0.0, r};
  kalman_kernels::UpdateCartesian<4, 2>(z, R, x.data(), P.data());
  EXPECT_NEAR(x(0), 1000.0 + 300.0 * p / (p + r), 1e-9);
  EXPECT_NEAR(x(1), -2000.0 - 400.0 * q / (q + r), 1e-9);
  EXPECT_EQ(x(2), 10.0);  // no position-velocity correlation: the velocity is not corrected
  EXPECT_NEAR(P(0, 0), p * r / (p + r), 1e-9);
  EXPECT_NEAR(P(1, 1), q * r / (q + r), 1e-9);
  EXPECT_EQ(P(2, 2), v);
}

}  // namespace
}  // namespace iadsim
