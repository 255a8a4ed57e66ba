// The capture zone of a semi-active shot (c2/capture_zone.h), against geometry worked by hand.
#include "iadsim/c2/capture_zone.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

CaptureZoneGeometry Battery() {
  CaptureZoneGeometry g;  // illuminator and launcher at the origin
  g.beamwidth_rad = 1.5 * kDeg;
  g.doppler_gate_mps = 30.0;
  g.missile_speed_mps = 1000.0;
  g.step_s = 0.5;
  return g;
}

TEST(CaptureZone, RangeSumRateIsTheDerivativeOfBothRanges) {
  const Vec3 I(100.0, -200.0, 5.0), p(3000.0, 40000.0, 5000.0), v(-150.0, -80.0, 10.0);
  const Vec3 m(500.0, 9000.0, 2000.0), vm(20.0, 900.0, 150.0);
  const double h = 1e-3;
  auto sum = [&](double t) { return (p + v * t - I).norm() + (p + v * t - (m + vm * t)).norm(); };
  EXPECT_NEAR(RangeSumRate(I, p, v, m, vm), (sum(h) - sum(-h)) / (2 * h), 1e-6);
}

TEST(CaptureZone, AWingmanInsideTheBeamWithTheSameVelocityConflictsAtLaunch) {
  // 500 m abeam at 50 km: atan(500 / 50249.4) = 0.570 deg < 0.75 deg (half the beam); same
  // velocity: range-sum rates within a few m/s.
  const Vec3 target(0.0, 50000.0, 5000.0), v(0.0, -200.0, 0.0);
  const auto c = FindCaptureConflict(Battery(), target, v, target + Vec3(500.0, 0.0, 0.0), v, 40.0);
  ASSERT_TRUE(c.has_value());
  EXPECT_DOUBLE_EQ(c->time_s, 0.0);
  EXPECT_NEAR(c->off_beam_rad, std::atan(500.0 / target.norm()), 1e-6);
  EXPECT_LT(std::abs(c->rate_difference_mps), 30.0);
}

TEST(CaptureZone, OutsideTheBeamOrTheGateThereIsNoConflict) {
  const Vec3 target(0.0, 50000.0, 5000.0), v(0.0, -200.0, 0.0);
  // 5 km abeam: 5.7 deg off, far outside a 1.5 deg beam, for the whole 40 s flight.
  EXPECT_FALSE(FindCaptureConflict(Battery(), target, v, target + Vec3(5000.0, 0.0, 0.0), v, 40.0));
  // Inside the beam but flying the other way: range-sum rates ~400 m/s apart (> 30 m/s gate).
  EXPECT_FALSE(FindCaptureConflict(Battery(), target, v, target + Vec3(300.0, 0.0, 0.0), -v, 40.0));
  // The same with a gate wide enough to hold both: conflict.
  CaptureZoneGeometry wide = Battery();
  wide.doppler_gate_mps = 1000.0;
  EXPECT_TRUE(FindCaptureConflict(wide, target, v, target + Vec3(300.0, 0.0, 0.0), -v, 40.0));
}

TEST(CaptureZone, AnAircraftCrossingIntoTheBeamConflictsWhenItEntersIt) {
  // Target at rest at (0, 40, 3) km, |bt| = 40112.3 m. The other flies east at 100 m/s from
  // x = -2000 m at the same north and height: it enters the half-beam (0.75 deg) at
  // |x| = 40112.3 tan(0.75 deg) = 525.1 m, i.e. at t = (2000 - 525.1) / 100 = 14.749 s; the
  // first 0.5 s step inside is t = 15.0 s, where the range-sum rates differ by about 3 m/s.
  const Vec3 target(0.0, 40000.0, 3000.0);
  const auto c = FindCaptureConflict(Battery(), target, Vec3::Zero(), Vec3(-2000.0, 40000.0, 3000.0),
                                     Vec3(100.0, 0.0, 0.0), 40.0);
  ASSERT_TRUE(c.has_value());
  EXPECT_DOUBLE_EQ(c->time_s, 15.0);
  EXPECT_LE(c->off_beam_rad, 0.75 * kDeg);
  EXPECT_NEAR(c->rate_difference_mps, -3.2, 0.5);
  // A flight that ends before it enters: no conflict.
  EXPECT_FALSE(FindCaptureConflict(Battery(), target, Vec3::Zero(), Vec3(-2000.0, 40000.0, 3000.0),
                                   Vec3(100.0, 0.0, 0.0), 14.0));
}

}  // namespace
}  // namespace iadsim
