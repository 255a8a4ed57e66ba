// Measurement models: h at a hand-computed geometry, the Jacobians against central differences,
// angle wrapping, and the converted measurement against Monte Carlo: at r = 100 km and
// sigma_az = 2 deg the first-order conversion is biased towards the sensor by
// r (1 - exp(-sigma^2/2)) = 60.90 m (Lerro & Bar-Shalom 1993), the unbiased one is not, and its
// covariance matches the scatter of the converted points.
#include <gtest/gtest.h>

#include <Eigen/Cholesky>

#include <cmath>
#include <numbers>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/measurement_models.h"

namespace iadsim {
namespace {

Measurement Make(MeasurementKind kind, const Eigen::Vector3d& s) {
  Measurement m;
  m.kind = kind;
  const int n = MeasurementDimension(kind);
  m.z = VecZ::Zero(n);
  m.R = MatZ::Identity(n, n);
  m.sensor_position = s;
  return m;
}

TEST(MeasurementModels, PolarPredictionAtAHandGeometry) {
  // Offset (300, 400, 1200) from the sensor: rho = 500, r = 1300, az = atan2(3, 4), el = atan2(12, 5);
  // velocity (10, 20, -5): d.v = 3000 + 8000 - 6000 = 5000, rdot = 5000 / 1300.
  const Eigen::Vector3d s(100.0, 200.0, 10.0);
  VecX x(6);
  x << 400.0, 600.0, 1210.0, 10.0, 20.0, -5.0;
  const VecZ h = PredictMeasurement(Make(MeasurementKind::kPolar3DDoppler, s), x, 3);
  EXPECT_NEAR(h(0), 1300.0, 1e-9);
  EXPECT_NEAR(h(1), 0.64350110879328437, 1e-14);
  EXPECT_NEAR(h(2), 1.1760052070951352, 1e-14);
  EXPECT_NEAR(h(3), 5000.0 / 1300.0, 1e-12);
  // 2-D state: the target is at the sensor's height, r = rho = 500.
  VecX x2(4);
  x2 << 400.0, 600.0, 10.0, 20.0;
  EXPECT_NEAR(PredictMeasurement(Make(MeasurementKind::kPolar2D, s), x2, 2)(0), 500.0, 1e-9);
  EXPECT_NEAR(PredictMeasurement(Make(MeasurementKind::kBearing, s), x2, 2)(0), 0.64350110879328437, 1e-14);
  // A target due west has azimuth -pi/2 (residuals are wrapped, so 3 pi / 2 is the same).
  x2 << -900.0, 200.0, 0.0, 0.0;
  EXPECT_NEAR(PredictMeasurement(Make(MeasurementKind::kBearing, s), x2, 2)(0), -0.5 * std::numbers::pi, 1e-14);
}

TEST(MeasurementModels, JacobiansMatchCentralDifferences) {
  const Eigen::Vector3d s(-3000.0, 1000.0, 50.0);
  for (const int dims : {2, 3}) {
    for (const auto kind : {MeasurementKind::kCartesian2D, MeasurementKind::kCartesian3D, MeasurementKind::kPolar2D,
                            MeasurementKind::kPolar3D, MeasurementKind::kPolar3DDoppler, MeasurementKind::kBearing}) {
      if (dims == 2 && (kind == MeasurementKind::kCartesian3D || kind == MeasurementKind::kPolar3D ||
                        kind == MeasurementKind::kPolar3DDoppler))
        continue;
      const Measurement m = Make(kind, s);
      const int n = 2 * dims + 1;  // a trailing component (e.g. turn rate) that h ignores
      VecX x(n);
      x.setZero();
      x(0) = 20e3;
      x(1) = -35e3;
      if (dims == 3) x(2) = 6e3;
      x(dims) = 150.0;
      x(dims + 1) = 220.0;
      if (dims == 3) x(dims + 2) = -12.0;
      x(n - 1) = 0.05;
      MatH H;
      MeasurementJacobian(m, x, dims, &H);
      ASSERT_EQ(H.rows(), MeasurementDimension(kind));
      ASSERT_EQ(H.cols(), n);
      for (int j = 0; j < n; ++j) {
        VecX xp = x, xm = x;
        xp(j) += 1e-2;
        xm(j) -= 1e-2;
        const VecZ num = MeasurementResidual(kind, PredictMeasurement(m, xp, dims), PredictMeasurement(m, xm, dims)) / 2e-2;
        for (int i = 0; i < H.rows(); ++i)
          EXPECT_NEAR(H(i, j), num(i), 1e-7 * (1.0 + std::abs(num(i)))) << static_cast<int>(kind) << " " << i << "," << j;
      }
    }
  }
}

TEST(MeasurementModels, AngleResidualsAreWrapped) {
  VecZ z(2), h(2);
  z << 1000.0, 0.01;
  h << 990.0, 2.0 * std::numbers::pi - 0.01;
  const VecZ nu = MeasurementResidual(MeasurementKind::kPolar2D, z, h);
  EXPECT_NEAR(nu(0), 10.0, 1e-12);
  EXPECT_NEAR(nu(1), 0.02, 1e-12);
  EXPECT_NEAR(WrapToPi(3.0 * std::numbers::pi), -std::numbers::pi, 1e-12);
  EXPECT_NEAR(WrapToPi(-0.5), -0.5, 1e-15);
}

// Monte Carlo of the conversion of a fixed target at r = 100 km, az = 30 deg, [el = 5 deg].
void CheckConversion(bool three_d) {
  constexpr int kDraws = 40000;
  constexpr double kR = 100e3, kAz = 30.0 * std::numbers::pi / 180.0, kEl = 5.0 * std::numbers::pi / 180.0;
  constexpr double kSigmaR = 50.0, kSigmaA = 2.0 * std::numbers::pi / 180.0;
  const Eigen::Vector3d s(1000.0, -2000.0, 30.0);
  const double el = three_d ? kEl : 0.0;
  const Eigen::Vector3d los(std::cos(el) * std::sin(kAz), std::cos(el) * std::cos(kAz), std::sin(el));
  const Eigen::Vector3d truth = s + kR * los;
  const int n = three_d ? 3 : 2;
  Measurement m = Make(three_d ? MeasurementKind::kPolar3D : MeasurementKind::kPolar2D, s);
  m.R(0, 0) = kSigmaR * kSigmaR;
  m.R(1, 1) = kSigmaA * kSigmaA;
  if (three_d) m.R(2, 2) = kSigmaA * kSigmaA;
  RandomStream rng(77, three_d ? 3 : 2, "measurement_models_test", "conversion");
  Eigen::Vector3d naive_sum = Eigen::Vector3d::Zero(), unbiased_sum = Eigen::Vector3d::Zero();
  Eigen::Matrix3d scatter = Eigen::Matrix3d::Zero(), R_sum = Eigen::Matrix3d::Zero();
  double nees_sum = 0.0;
  for (int i = 0; i < kDraws; ++i) {
    m.z(0) = kR + kSigmaR * rng.StandardNormal();
    m.z(1) = kAz + kSigmaA * rng.StandardNormal();
    if (three_d) m.z(2) = kEl + kSigmaA * rng.StandardNormal();
    const ConvertedMeasurement a = ConvertPolarToCartesian(m, PolarConversion::kLinearised);
    const ConvertedMeasurement b = ConvertPolarToCartesian(m, PolarConversion::kUnbiased);
    const VecZ ea = a.p - truth.head(n), eb = b.p - truth.head(n);
    for (int k = 0; k < n; ++k) {
      naive_sum(k) += ea(k);
      unbiased_sum(k) += eb(k);
      for (int l = 0; l < n; ++l) {
        scatter(k, l) += eb(k) * eb(l);
        R_sum(k, l) += b.R(k, l);
      }
    }
    nees_sum += eb.dot(b.R.ldlt().solve(eb));
  }
  const Eigen::Vector3d naive_mean = naive_sum / kDraws, unbiased_mean = unbiased_sum / kDraws;
  // Expected naive bias along the line of sight: E[m] = L * truth offset component-wise.
  const double lt = std::exp(-0.5 * kSigmaA * kSigmaA), lp = three_d ? lt : 1.0;
  const Eigen::Vector3d offset = kR * los;
  const Eigen::Vector3d expected_bias(-(1.0 - lt * lp) * offset.x(), -(1.0 - lt * lp) * offset.y(),
                                      -(1.0 - lp) * offset.z());
  // Horizontal bias magnitude r cos(el)(1 - lt lp): 60.90 m in 2-D (hand: 1e5 * (1 - exp(-6.0923e-4))).
  if (!three_d) {
    EXPECT_NEAR(expected_bias.head<2>().norm(), 60.904, 0.001);
  }
  // Standard error of each mean component: sqrt(scatter / N).
  for (int k = 0; k < n; ++k) {
    const double se = std::sqrt(scatter(k, k) / kDraws / kDraws);
    EXPECT_NEAR(naive_mean(k), expected_bias(k), 4.0 * se) << "naive, component " << k;
    EXPECT_NEAR(unbiased_mean(k), 0.0, 4.0 * se) << "unbiased, component " << k;
  }
  const double los_bias_naive = naive_mean.head(n).dot(los.head(n));
  const double los_bias_unbiased = unbiased_mean.head(n).dot(los.head(n));
  EXPECT_LT(los_bias_naive, -55.0);
  EXPECT_LT(std::abs(los_bias_unbiased), 3.0);
  std::printf("%s: mean error along the line of sight: linearised %.2f m, unbiased %.2f m\n",
              three_d ? "3-D" : "2-D", los_bias_naive, los_bias_unbiased);
  // The covariance: on average it matches the scatter (5 %), and the NEES averages n.
  for (int k = 0; k < n; ++k)
    EXPECT_NEAR(R_sum(k, k) / kDraws, scatter(k, k) / kDraws, 0.05 * scatter(k, k) / kDraws) << k;
  EXPECT_NEAR(nees_sum / kDraws, n, 0.05 * n);
}

TEST(MeasurementModels, UnbiasedConversionRemovesTheBias2D) { CheckConversion(false); }
TEST(MeasurementModels, UnbiasedConversionRemovesTheBias3D) { CheckConversion(true); }

TEST(MeasurementModels, ConversionAtSmallErrorsIsTheLinearisedOne) {
  // sigma_az = 0.1 mrad: the two conversions agree to centimetres, and the covariance is
  // diag(sr^2, (r saz)^2) rotated, here for a target due east: R = diag((r saz)^2 ... ) swapped.
  Measurement m = Make(MeasurementKind::kPolar2D, Eigen::Vector3d::Zero());
  m.z << 50e3, 0.5 * std::numbers::pi;
  m.R(0, 0) = 100.0;
  m.R(1, 1) = 1e-8;
  const ConvertedMeasurement b = ConvertPolarToCartesian(m, PolarConversion::kUnbiased);
  EXPECT_NEAR(b.p(0), 50e3, 1e-3);
  EXPECT_NEAR(b.p(1), 0.0, 1e-9);
  EXPECT_NEAR(b.R(0, 0), 100.0, 0.1);   // along the line of sight (x): sigma_r^2
  EXPECT_NEAR(b.R(1, 1), 25.0, 0.01);   // across: (50e3 * 1e-4)^2
  EXPECT_NEAR(b.R(0, 1), 0.0, 1e-6);
}

// J diag(sr^2, saz^2, sel^2) J^T by hand. East of the sensor (az = 90 deg, el = 0) the axes are
// range, cross-range and height: diag(sr^2, r^2 saz^2, r^2 sel^2). North and up (az = 0,
// el = atan(1/2)): with u = (0, cos el, sin el) the line of sight, d/daz = r cos el (1, 0, 0) and
// d/del = r (0, -sin el, cos el): R_xx = (r cos el saz)^2, R_yy = sr^2 cos^2 el + r^2 sel^2 sin^2 el,
// R_zz = sr^2 sin^2 el + r^2 sel^2 cos^2 el, R_yz = (sr^2 - r^2 sel^2) sin el cos el, R_xy = R_xz = 0.
TEST(MeasurementModels, LinearisedPolarCovarianceAtHandGeometries) {
  const double sr = 30.0, saz = 0.002, sel = 0.004;
  const MatZ e = LinearisedPolarCovarianceAt(Eigen::Vector3d(20000, 0, 0), sr, saz, sel);
  ASSERT_EQ(e.rows(), 3);
  EXPECT_NEAR(e(0, 0), sr * sr, 1e-9);
  EXPECT_NEAR(e(1, 1), 20000.0 * 20000.0 * saz * saz, 1e-6);
  EXPECT_NEAR(e(2, 2), 20000.0 * 20000.0 * sel * sel, 1e-6);
  EXPECT_NEAR(e(0, 1), 0.0, 1e-6);
  EXPECT_NEAR(e(1, 2), 0.0, 1e-6);
  const Eigen::Vector3d d(0, 10000, 5000);
  const double r = d.norm(), el = std::atan(0.5), ce = std::cos(el), se = std::sin(el);
  const MatZ n = LinearisedPolarCovarianceAt(d, sr, saz, sel);
  EXPECT_NEAR(n(0, 0), std::pow(r * ce * saz, 2), 1e-6);
  EXPECT_NEAR(n(1, 1), sr * sr * ce * ce + r * r * sel * sel * se * se, 1e-6);
  EXPECT_NEAR(n(2, 2), sr * sr * se * se + r * r * sel * sel * ce * ce, 1e-6);
  EXPECT_NEAR(n(1, 2), (sr * sr - r * r * sel * sel) * se * ce, 1e-6);
  EXPECT_NEAR(n(2, 1), n(1, 2), 1e-9);
  EXPECT_NEAR(n(0, 1), 0.0, 1e-6);
  EXPECT_NEAR(n(0, 2), 0.0, 1e-6);
}

}  // namespace
}  // namespace iadsim
