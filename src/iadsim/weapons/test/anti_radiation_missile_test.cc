// Anti-radiation missile: ground intersection by hand, homing on a radiating emitter (miss < 2 m),
// memory guidance after a shutdown at range R with the emitter relocated by d (miss ≈ |d|), and the
// memorised point's error under bearing noise σ against R σ / sin γ (along range) and R σ (cross
// range) by a χ² bound over 400 seeded runs.
#include "iadsim/weapons/anti_radiation_missile.h"

#include <gtest/gtest.h>

#include <Eigen/Geometry>  // cross products

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

TEST(AntiRadiationMissile, GroundIntersectionByHand) {
  // From 1000 m up, 45° down toward east: the ground (z = 0) 1000 m east.
  const auto hit = GroundIntersection({0, 0, 1000}, Vec3(1, 0, -1).normalized(), 0.0);
  ASSERT_TRUE(hit.has_value());
  EXPECT_NEAR((*hit - Vec3(1000, 0, 0)).norm(), 0.0, 1e-9);
  // 30° depression from 6 km above a 200 m plane: 5800 / tan 30° = 10 045.9 m away.
  const double g = 30.0 * std::numbers::pi / 180.0;
  const auto hit2 = GroundIntersection({0, 0, 6000}, Vec3(0, std::cos(g), -std::sin(g)), 200.0);
  ASSERT_TRUE(hit2.has_value());
  EXPECT_NEAR(hit2->y(), 5800.0 * std::sqrt(3.0), 1e-6);
  EXPECT_NEAR(hit2->z(), 200.0, 1e-12);
  EXPECT_FALSE(GroundIntersection({0, 0, 1000}, Vec3(1, 0, 0), 0.0).has_value());   // level
  EXPECT_FALSE(GroundIntersection({0, 0, 1000}, Vec3(1, 0, 0.1), 0.0).has_value()); // climbing
  EXPECT_FALSE(GroundIntersection({0, 0, -10}, Vec3(1, 0, -1), 0.0).has_value());   // below it
}

// Flies until the missile passes below the emitter's plane; returns the crossing point
// (interpolated in the last step). `radiating(m)` says whether the emitter is heard now.
template <typename Radiating>
Vec3 FlyToImpact(AntiRadiationMissile& m, const Vec3& emitter, double ground_up_m, Radiating radiating,
                 RandomStream& rng, double dt = 0.01) {
  while (!m.expired()) {
    const Vec3 before = m.p_enu();
    const std::optional<Vec3> heard = radiating(m) ? std::optional<Vec3>(emitter) : std::nullopt;
    m.Step(dt, heard, rng);
    const Vec3 after = m.p_enu();
    if (after.z() <= ground_up_m) {
      const double f = (before.z() - ground_up_m) / (before.z() - after.z());
      return before + f * (after - before);
    }
  }
  ADD_FAILURE() << "no impact within the flight time";
  return m.p_enu();
}

TEST(AntiRadiationMissile, HomesOnARadiatingStaticEmitter) {
  const AntiRadiationConfig c;  // 700 m/s, 20 g, N' = 4, no noise
  RandomStream rng(1);
  {
    // 30 km short, 8 km up, flying level east at it (15° off the LOS).
    const Vec3 emitter(0, 0, 0);
    AntiRadiationMissile m(c, {-30000, 0, 8000}, {1, 0, 0}, {-1000, 0, 0});
    const Vec3 impact = FlyToImpact(m, emitter, emitter.z(), [](const auto&) { return true; }, rng);
    EXPECT_LT((impact - emitter).norm(), 2.0);
    EXPECT_TRUE(m.homing());
    EXPECT_NEAR(m.v_enu().norm(), 700.0, 1e-9);  // constant speed
  }
  {
    // Off axis, emitter on a 150 m plateau, initial aim 5 km wrong.
    const Vec3 emitter(2000, 3000, 150);
    AntiRadiationMissile m(c, {-25000, -5000, 6000}, {1, 0.2, 0}, {0, 8000, 0});
    const Vec3 impact = FlyToImpact(m, emitter, emitter.z(), [](const auto&) { return true; }, rng);
    EXPECT_LT((impact - emitter).norm(), 2.0);
    EXPECT_LT(m.time_s(), c.max_flight_time_s);
  }
}

TEST(AntiRadiationMissile, ShutdownAndRelocationMissesByTheDisplacement) {
  const AntiRadiationConfig c;
  RandomStream rng(2);
  const Vec3 old_site(0, 0, 0);
  const Vec3 d(150, 200, 0);  // |d| = 250 m
  for (const double shutdown_range : {10000.0, 20000.0}) {
    AntiRadiationMissile m(c, {-30000, 4000, 8000}, {1, 0, 0}, {0, 0, 0});
    bool silent = false;
    const auto radiating = [&](const AntiRadiationMissile& mm) {
      if ((old_site - mm.p_enu()).norm() < shutdown_range) silent = true;  // shuts down, moves
      return !silent;
    };
    const Vec3 impact = FlyToImpact(m, old_site, 0.0, radiating, rng);
    EXPECT_TRUE(silent);
    EXPECT_FALSE(m.homing());
    EXPECT_NEAR((m.aim_enu() - old_site).norm(), 0.0, 1e-6);  // memorised point: the old site
    EXPECT_LT((impact - old_site).norm(), 2.0);
    EXPECT_NEAR((impact - (old_site + d)).norm(), 250.0, 2.0) << "R " << shutdown_range;
  }
}

TEST(AntiRadiationMissile, MemorisedPointErrorFollowsRSigmaOverSinGamma) {
  // Shutdown at slant range R = 20 km, depression γ = 30°, σ = 2 mrad per axis:
  //   along range σ_a = R σ / sin γ = 20 000 · 0.002 / 0.5 = 80 m,  cross range σ_c = R σ = 40 m.
  // Σ e²/σ² over n runs is χ²(n) to first order in σ (the second-order bias, about
  // h cos γ σ² / sin³ γ = 0.07 m here, is negligible); 99 % interval by Wilson–Hilferty.
  AntiRadiationConfig c;
  c.angle_sigma_rad = 0.002;
  const double R = 20000.0, gamma = 30.0 * std::numbers::pi / 180.0, azimuth = 0.7;
  const Vec3 emitter(1000, -500, 300);
  const Vec3 along(std::sin(azimuth), std::cos(azimuth), 0.0);  // horizontal, toward the emitter
  const Vec3 cross = Vec3::UnitZ().cross(along);
  const Vec3 p = emitter - R * (std::cos(gamma) * along - std::sin(gamma) * Vec3::UnitZ());
  const double sigma_a = R * c.angle_sigma_rad / std::sin(gamma), sigma_c = R * c.angle_sigma_rad;
  const int n = 400;
  double chi_a = 0.0, chi_c = 0.0;
  const RandomStream master(777);
  for (int i = 0; i < n; ++i) {
    RandomStream rng = master.Derive("arm", static_cast<std::uint64_t>(i));
    AntiRadiationMissile m(c, p, along, emitter);
    m.Step(0.01, emitter, rng);  // last measurement before the shutdown
    const Vec3 memorised = m.aim_enu();
    m.Step(0.01, std::nullopt, rng);
    ASSERT_EQ(m.aim_enu(), memorised);  // silent: the point is held
    EXPECT_NEAR(memorised.z(), emitter.z(), 1e-9);
    const Vec3 e = memorised - emitter;
    chi_a += std::pow(e.dot(along) / sigma_a, 2);
    chi_c += std::pow(e.dot(cross) / sigma_c, 2);
  }
  const double z = 2.5758, k = n, w = 2.0 / (9.0 * k);
  const double lo = k * std::pow(1.0 - w - z * std::sqrt(w), 3), hi = k * std::pow(1.0 - w + z * std::sqrt(w), 3);
  EXPECT_GT(chi_a, lo);
  EXPECT_LT(chi_a, hi);
  EXPECT_GT(chi_c, lo);
  EXPECT_LT(chi_c, hi);
  // RMS along range: 80 m · sqrt(χ²/n), inside [72.8, 87.3] m for n = 400.
  const double rms_a = sigma_a * std::sqrt(chi_a / n);
  EXPECT_GT(rms_a, 72.0);
  EXPECT_LT(rms_a, 88.0);
}

TEST(AntiRadiationMissile, ImpactErrorAfterNoisyShutdownFollowsTheMemorisedPoint) {
  // End to end: a noisy seeker (σ = 2 mrad) homes from 32 km, the emitter shuts down when the slant
  // range falls below 23 km; the impact's along-range error (x: the plane of the flight is x-z)
  // is scored against R σ / sin γ with R and γ of that run's shutdown, cross-range against R σ;
  // χ²(n) 99 % interval (Wilson–Hilferty), n = 300 runs.
  AntiRadiationConfig c;
  c.angle_sigma_rad = 0.002;
  const Vec3 emitter(0, 0, 0);
  const int n = 300;
  double chi_a = 0.0, chi_c = 0.0;
  const RandomStream master(31337);
  for (int i = 0; i < n; ++i) {
    RandomStream rng = master.Derive("flight", static_cast<std::uint64_t>(i));
    AntiRadiationMissile m(c, {-30000, 0, 11547}, {1, 0, 0}, {0, 0, 0});
    double sigma_a = 0.0, sigma_c = 0.0;
    const auto radiating = [&](const AntiRadiationMissile& mm) {
      if (sigma_a > 0.0) return false;
      const double r = (emitter - mm.p_enu()).norm();
      if (r >= 23000.0) return true;
      sigma_a = r * c.angle_sigma_rad / (mm.p_enu().z() / r);  // sin γ = height / slant range
      sigma_c = r * c.angle_sigma_rad;
      return false;
    };
    const Vec3 impact = FlyToImpact(m, emitter, 0.0, radiating, rng);
    ASSERT_GT(sigma_a, 0.0);
    chi_a += std::pow(impact.x() / sigma_a, 2);
    chi_c += std::pow(impact.y() / sigma_c, 2);
  }
  const double z = 2.5758, k = n, w = 2.0 / (9.0 * k);
  const double lo = k * std::pow(1.0 - w - z * std::sqrt(w), 3), hi = k * std::pow(1.0 - w + z * std::sqrt(w), 3);
  EXPECT_GT(chi_a, lo);
  EXPECT_LT(chi_a, hi);
  EXPECT_GT(chi_c, lo);
  EXPECT_LT(chi_c, hi);
}

TEST(AntiRadiationMissile, NoNoiseDrawsNothingAndIsDeterministic) {
  AntiRadiationConfig c;
  c.angle_sigma_rad = 0.001;
  RandomStream a(5), b(5);
  AntiRadiationMissile ma(c, {-20000, 0, 5000}, {1, 0, 0}, {0, 0, 0});
  AntiRadiationMissile mb(c, {-20000, 0, 5000}, {1, 0, 0}, {0, 0, 0});
  for (int i = 0; i < 100; ++i) {
    ma.Step(0.01, Vec3(0, 0, 0), a);
    mb.Step(0.01, Vec3(0, 0, 0), b);
  }
  EXPECT_EQ(ma.p_enu(), mb.p_enu());
  EXPECT_NEAR(ma.time_s(), 1.0, 1e-9);
  // Without noise the stream is untouched.
  RandomStream s(9), reference(9);
  AntiRadiationMissile quiet(AntiRadiationConfig{}, {-20000, 0, 5000}, {1, 0, 0}, {0, 0, 0});
  quiet.Step(0.01, Vec3(0, 0, 0), s);
  EXPECT_EQ(s.NextU64(), reference.NextU64());
}

TEST(AntiRadiationMissile, ValidateReportsEveryProblemByKey) {
  EXPECT_TRUE(AntiRadiationConfig{}.Validate().empty());
  AntiRadiationConfig bad;
  bad.speed_mps = 0.0;
  bad.max_lateral_accel_mps2 = -1.0;
  bad.nav_gain = 0.0;
  bad.angle_sigma_rad = 0.2;
  bad.max_flight_time_s = 0.0;
  bad.lethal_radius_m = -15.0;
  const Problems p = bad.Validate();
  ASSERT_EQ(p.size(), 6u);
  const char* keys[] = {"speed", "max_lateral_accel", "nav_gain", "angle_sigma", "max_flight_time",
                        "lethal_radius"};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(p[i].path, keys[i]);
  EXPECT_NE(p[3].message.find("got 0.2"), std::string::npos);
  bad = AntiRadiationConfig{};
  bad.speed_mps = 3001.0;
  EXPECT_EQ(bad.Validate().size(), 1u);
  bad = AntiRadiationConfig{};
  bad.nav_gain = 1e308;  // the PN command would overflow
  ASSERT_EQ(bad.Validate().size(), 1u);
  EXPECT_EQ(bad.Validate()[0].path, "nav_gain");
}

}  // namespace
}  // namespace iadsim
