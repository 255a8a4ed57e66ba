#include "iadsim/tracking/polar_measurement.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

const Geodetic kOrigin{35.40, 35.90, 50.0};
const Geodetic kSensor{35.95, 36.60, 320.0};  // about 88 km from the tracker origin

StateVec State(double e, double n, double u) {
  StateVec x;
  x << e, n, u, 230.0, -40.0, 5.0;
  return x;
}

TEST(PolarMeasurement, MatchesGeodesyThroughEcef) {
  // Independent path: tracker ENU -> geodetic -> sensor's own ENU frame -> polar.
  const LocalFrame tracker(kOrigin);
  const LocalFrame sensor(kSensor);
  const PolarMeasurementModel model(tracker, kSensor, true);
  for (const Vec3& p : {Vec3(20e3, 90e3, 9e3), Vec3(120e3, 30e3, 11e3), Vec3(60e3, 110e3, 300.0),
                       Vec3(-30e3, -40e3, 5e3)}) {
    const Polar want = PolarFromEnu(sensor.EnuFromGeodetic(tracker.GeodeticFromEnu(p)));
    const PolarVec h = model.Predict(State(p.x(), p.y(), p.z()));
    ASSERT_EQ(h.size(), 3);
    EXPECT_NEAR(h(0), want.range_m, 1e-6);
    EXPECT_NEAR(h(1), want.azimuth_rad, 1e-10);
    EXPECT_NEAR(h(2), want.elevation_rad, 1e-10);
  }
  // The sensor sits at its own origin.
  EXPECT_NEAR(model.SensorFromTracker(tracker.EnuFromGeodetic(kSensor)).norm(), 0.0, 1e-6);
}

TEST(PolarMeasurement, JacobianMatchesCentralDifferences) {
  const LocalFrame tracker(kOrigin);
  for (bool has_el : {true, false}) {
    const PolarMeasurementModel model(tracker, kSensor, has_el);
    for (const Vec3& p : {Vec3(20e3, 90e3, 9e3), Vec3(120e3, 30e3, 11e3), Vec3(70e3, 60e3, 15.0) /* 7 km from the radar */,
                         Vec3(61e3, 140e3, 2e3)}) {
      const StateVec x = State(p.x(), p.y(), p.z());
      const PolarJacobian H = model.Jacobian(x);
      const double range = model.Predict(x)(0);
      ASSERT_EQ(H.rows(), has_el ? 3 : 2);
      for (int k = 0; k < 6; ++k) {
        const double step = 1.0;  // m (or m/s): the model is smooth on a scale of kilometres
        StateVec xp = x, xm = x;
        xp(k) += step;
        xm(k) -= step;
        PolarVec fd = model.Predict(xp) - model.Predict(xm);
        fd(1) = WrapPi(fd(1));
        fd /= 2 * step;
        for (int r = 0; r < H.rows(); ++r) {
          // |dh/dp| is 1 for range, 1/range for angles; relative to that, the truncation error
          // (step/range)^2 and the rounding 1e-16 range/step are both below 1e-8 here.
          EXPECT_NEAR(H(r, k), fd(r), 1e-7 * (r == 0 ? 1.0 : 1.0 / range)) << "row " << r << " col " << k;
        }
        if (k >= 3) {
          EXPECT_EQ(H.col(k).norm(), 0.0);
        }
      }
    }
  }
}

// Linearize shares p_s and its distances between h and H: each equal to Predict's and Jacobian's bit
// for bit, for 3-D and 2-D radars, from overhead to the horizon and beyond.
TEST(PolarMeasurement, LinearizeEqualsPredictAndJacobianBitForBit) {
  const LocalFrame frame(kOrigin);
  RandomStream rng(3, 0, "polar_measurement_test", "linearize");
  for (const bool elevation : {true, false}) {
    const PolarMeasurementModel m(frame, kSensor, elevation);
    for (int k = 0; k < 2000; ++k) {
      StateVec x;
      x << rng.Uniform(-400e3, 400e3), rng.Uniform(-400e3, 400e3), rng.Uniform(-2e3, 30e3),
          rng.Uniform(-600.0, 600.0), rng.Uniform(-600.0, 600.0), rng.Uniform(-50.0, 50.0);
      if (k % 100 == 7) x.head<3>() = m.sensor_enu() + Vec3(0.0, 0.0, 5e3);  // overhead: rho at its floor
      const auto [h, H] = m.Linearize(x);
      const PolarVec h_alone = m.Predict(x);
      const PolarJacobian H_alone = m.Jacobian(x);
      ASSERT_EQ(h.size(), h_alone.size());
      ASSERT_EQ(H.rows(), H_alone.rows());
      for (int i = 0; i < h.size(); ++i) EXPECT_EQ(h(i), h_alone(i)) << k << " row " << i;
      for (int i = 0; i < H.rows(); ++i)
        for (int j = 0; j < 6; ++j) EXPECT_EQ(H(i, j), H_alone(i, j)) << k << " (" << i << ", " << j << ")";
    }
  }
}

TEST(PolarMeasurement, AzimuthInnovationIsWrapped) {
  const LocalFrame tracker(kOrigin);
  const PolarMeasurementModel model(tracker, kSensor, true);
  PolarVec z(3), h(3);
  z << 1000.0, 0.01, 0.1;
  h << 990.0, 2 * std::numbers::pi - 0.01, 0.12;
  const PolarVec nu = model.Innovation(z, h);
  EXPECT_DOUBLE_EQ(nu(0), 10.0);
  EXPECT_NEAR(nu(1), 0.02, 1e-12);
  EXPECT_NEAR(nu(2), -0.02, 1e-12);
  EXPECT_NEAR(model.Innovation(h, z)(1), -0.02, 1e-12);
  // Exactly half a turn maps to -pi ([-pi, pi)).
  z(1) = std::numbers::pi;
  h(1) = 0.0;
  EXPECT_DOUBLE_EQ(model.Innovation(z, h)(1), -std::numbers::pi);
}

TEST(PolarMeasurement, TwoDimensionalRadarDropsElevation) {
  const LocalFrame tracker(kOrigin);
  const PolarMeasurementModel m3(tracker, kSensor, true), m2(tracker, kSensor, false);
  const StateVec x = State(20e3, 90e3, 9e3);
  EXPECT_EQ(m2.dimension(), 2);
  EXPECT_EQ(m2.Predict(x), m3.Predict(x).head(2));
  EXPECT_EQ(m2.Jacobian(x), m3.Jacobian(x).topRows(2));
  Detection d;
  d.range_m = 5e4;
  d.azimuth_rad = 1.0;
  d.elevation_rad = 0.2;
  d.sigma_range_m = 30;
  d.sigma_azimuth_rad = 0.002;
  d.sigma_elevation_rad = 0.003;
  EXPECT_EQ(m2.Measurement(d).size(), 2);
  EXPECT_DOUBLE_EQ(m2.NoiseCovariance(d)(1, 1), 0.002 * 0.002);
  EXPECT_DOUBLE_EQ(m3.NoiseCovariance(d)(2, 2), 0.003 * 0.003);
}

TEST(PolarMeasurement, CartesianConversionOfADetection) {
  const LocalFrame tracker(kOrigin);
  const LocalFrame sensor(kSensor);
  const PolarMeasurementModel model(tracker, kSensor, true);
  const Vec3 p(20e3, 90e3, 9e3);
  const Polar truth = PolarFromEnu(sensor.EnuFromGeodetic(tracker.GeodeticFromEnu(p)));
  Detection d;
  d.sensor_position = kSensor;
  d.range_m = truth.range_m;
  d.azimuth_rad = truth.azimuth_rad;
  d.elevation_rad = truth.elevation_rad;
  d.sigma_range_m = 40.0;
  d.sigma_azimuth_rad = 0.002;
  d.sigma_elevation_rad = 0.004;
  const CartesianMeasurement c = CartesianFromDetection(tracker, d);
  EXPECT_NEAR((c.p_enu - p).norm(), 0.0, 1e-6);
  // The covariance has variance sigma_r^2 along the line of sight, (r cos(el) sigma_az)^2 across it
  // horizontally and (r sigma_el)^2 across it vertically, and no correlation between those.
  const double r = truth.range_m, az = truth.azimuth_rad, el = truth.elevation_rad;
  const Eigen::Matrix3d R_t = model.R_sensor_from_tracker().transpose();
  const Vec3 u_los = R_t * Vec3(std::cos(el) * std::sin(az), std::cos(el) * std::cos(az), std::sin(el));
  const Vec3 u_az = R_t * Vec3(std::cos(az), -std::sin(az), 0.0);
  const Vec3 u_el = R_t * Vec3(-std::sin(el) * std::sin(az), -std::sin(el) * std::cos(az), std::cos(el));
  EXPECT_NEAR(u_los.dot(c.P * u_los), 40.0 * 40.0, 1e-9 * 1600);
  const double s_az = r * std::cos(el) * 0.002, s_el = r * 0.004;
  EXPECT_NEAR(u_az.dot(c.P * u_az), s_az * s_az, 1e-9 * s_az * s_az);
  EXPECT_NEAR(u_el.dot(c.P * u_el), s_el * s_el, 1e-9 * s_el * s_el);
  EXPECT_NEAR(u_los.dot(c.P * u_az), 0.0, 1e-6);
  EXPECT_NEAR(u_los.dot(c.P * u_el), 0.0, 1e-6);
  EXPECT_NEAR(u_az.dot(c.P * u_el), 0.0, 1e-6);

  // A 2-D radar: the target is put on the radar's horizontal plane, at the measured range.
  d.has_elevation = false;
  const CartesianMeasurement c2 = CartesianFromDetection(tracker, d, 0.05);
  const Vec3 p_s = model.SensorFromTracker(c2.p_enu);
  EXPECT_NEAR(p_s.norm(), r, 1e-6);
  EXPECT_NEAR(p_s.z(), 0.0, 1e-6);
  EXPECT_NEAR(WrapPi(std::atan2(p_s.x(), p_s.y()) - az), 0.0, 1e-12);
  const Vec3 u_up = R_t * Vec3(0, 0, 1);
  EXPECT_NEAR(u_up.dot(c2.P * u_up), std::pow(r * 0.05, 2), 1e-9 * std::pow(r * 0.05, 2));
}

}  // namespace
}  // namespace iadsim
