// Semi-active seeker: the bistatic equation against hand calculations, the worked power ratios of
// sarh-identification-ew.md §1.2, the range-sum rate against a finite difference, and the lock logic.
#include "iadsim/weapons/semi_active_seeker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

namespace iadsim {
namespace {

using Change = SemiActiveSeeker::Change;

std::vector<std::string> Paths(const Problems& problems) {
  std::vector<std::string> paths;
  for (const Problem& p : problems) paths.push_back(p.path);
  std::sort(paths.begin(), paths.end());
  return paths;
}

// A synthetic echo for the lock-logic tests (the physics is tested separately).
SeekerEcho MakeEcho(std::size_t source, double power_dbw, double rate_mps, bool detectable = true) {
  SeekerEcho e;
  e.source = source;
  e.power_dbw = power_dbw;
  e.power_w = std::pow(10.0, power_dbw / 10.0);
  e.range_sum_rate_mps = rate_mps;
  e.in_field_of_view = detectable;
  e.detectable = detectable;
  return e;
}

TEST(BistaticReceivedPower, HandCalculation) {
  // Pt 2 kW, Gt 40 dB, Gr 25 dB, f 6 GHz (λ = 299792458 / 6e9 = 0.0499654097 m), σ 100 m²,
  // R_tx 90 km, R_rx 25 km. In dB:
  //   10log(2000) = 33.0103, Gt 40, Gr 25, 20log(λ) = −26.0266, 10log(σ) = 20,
  //   −30log(4π) = −32.9763, −40log(90000) = −198.1697, −40log(25000) = −175.9176
  //   sum = −128.0363 dBW, i.e. 1.571717e-13 W.
  const double lambda = 299792458.0 / 6e9;
  const double p = BistaticReceivedPowerW(2000.0, 1e4, std::pow(10.0, 2.5), lambda, 100.0, 90e3, 25e3);
  EXPECT_NEAR(p / 1.5717167171960998e-13, 1.0, 1e-9);
  EXPECT_NEAR(10.0 * std::log10(p), -128.0363, 1e-4);
  // The R_tx² R_rx² law: doubling either range costs 6.02 dB.
  EXPECT_NEAR(10.0 * std::log10(p / BistaticReceivedPowerW(2000.0, 1e4, std::pow(10.0, 2.5), lambda, 100.0,
                                                           180e3, 25e3)),
              20.0 * std::log10(2.0), 1e-12);
}

TEST(CircularBeamGain, HalfPowerPointsAndFloor) {
  const double bw = 0.01745;
  // Both shapes are 3.01 dB down (a factor 1/2) at half the beamwidth off boresight.
  EXPECT_NEAR(CircularBeamGain(BeamShape::kGaussian, 0.5 * bw, bw, 25.0), 0.5, 1e-12);
  EXPECT_NEAR(CircularBeamGain(BeamShape::kSinc, 0.5 * bw, bw, 25.0), 0.5, 1e-6);
  EXPECT_DOUBLE_EQ(CircularBeamGain(BeamShape::kGaussian, 0.0, bw, 25.0), 1.0);
  // Three beamwidths off: Gaussian exp(−4 ln2 · 9) = 2^−36 (−108 dB) is below the −25 dB floor.
  EXPECT_NEAR(CircularBeamGain(BeamShape::kGaussian, 3.0 * bw, bw, 25.0), std::pow(10.0, -2.5), 1e-15);
  // sinc² first null at θ3 / 0.8858929: the floor.
  EXPECT_NEAR(CircularBeamGain(BeamShape::kSinc, bw / kSincBeamwidthFactor, bw, 30.0), 1e-3, 1e-15);
}

// The worked example of sarh-identification-ew.md §1.2: σ ratio 10; the big aircraft at R_tx 90 km /
// R_rx 25 km, the small at 100 / 20 km: 10 + 20log(100/90) + 20log(20/25) = 10 + 0.915 − 1.938
// = +8.98 dB. One consistent geometry: illuminator at the origin looking along +x, B = (90, 0, 0) km,
// S = (100, 0, 0) km, the missile at M = (106.25, √360.9375, 0) km: |M − B| = √(16.25² + 360.9375)
// = √625 = 25 km, |M − S| = √(6.25² + 360.9375) = √400 = 20 km. The seeker points at each in turn.
TEST(ComputeEcho, WorkedPowerRatio) {
  const IlluminatorConfig ill;
  const SeekerConfig seeker;
  const Vec3 m{106250.0, std::sqrt(360.9375) * 1e3, 0.0};
  const auto echo_of = [&](const Vec3& target, double rcs) {
    EchoGeometry g;
    g.illuminator_p = Vec3::Zero();
    g.illuminator_boresight = Vec3::UnitX();
    g.target_p = target;
    g.rcs_m2 = rcs;
    g.missile_p = m;
    g.missile_v = (target - m).normalized() * 800.0;
    g.seeker_boresight = (target - m).normalized();
    return ComputeEcho(ill, seeker, g, 0);
  };
  const SeekerEcho big = echo_of({90e3, 0, 0}, 100.0);
  const SeekerEcho small = echo_of({100e3, 0, 0}, 10.0);
  EXPECT_NEAR(big.off_illuminator_rad, 0.0, 1e-12);
  EXPECT_NEAR(big.off_seeker_rad, 0.0, 1e-9);
  // The big aircraft is exactly the hand-calculated case above (defaults: 2 kW, 40 dB, 25 dB, 6 GHz).
  EXPECT_NEAR(big.power_w / 1.5717167171960998e-13, 1.0, 1e-9);
  EXPECT_NEAR(big.power_dbw - small.power_dbw, 8.98, 0.01);
  EXPECT_NEAR(big.power_dbw - small.power_dbw, 8.976949551, 1e-8);
  // Equal ranges: the σ ratio alone, +10.00 dB.
  const SeekerEcho small_at_big_ranges = echo_of({90e3, 0, 0}, 10.0);
  EXPECT_NEAR(big.power_dbw - small_at_big_ranges.power_dbw, 10.0, 1e-9);
  EXPECT_TRUE(big.in_illuminator_beam && big.in_field_of_view && big.detectable);
}

// Lock-on before launch with the missile on its launcher beside the illuminator (same point, seeker
// slaved to the illuminator's boresight +x, missile at rest): R_tx = R_rx = R and the range-sum rate is
// twice the radial speed. The small aircraft (σ 10) at 30 km, inbound 150 m/s: rate −300 m/s (the
// designated track). The big one (σ 100) at 35 km on the same line, inbound 145 m/s: rate −290 m/s, in
// the ±30 m/s gate. CW has no range gate, so the two differ only in power:
//   big − small = 10 − 40 log(35/30) = 10 − 2.6779 = +7.3221 dB  -> the lock goes to the big one.
// Big moved 3 illuminator beamwidths off boresight (3 × 1° = 0.05235 rad), same range and radial speed:
// illuminator gain at the −25 dB floor (Gaussian: 2^−36), seeker gain exp(−4 ln2 · 0.5²) = 1/2 (−3.010 dB,
// since 0.05235 rad is half the 6° seeker beamwidth):  7.322 − 25 − 3.010 = −20.688 dB  -> the small one.
TEST(SemiActiveSeeker, LockGoesWhereThePowerRatioSays) {
  const IlluminatorConfig ill;  // 1° (0.01745 rad) Gaussian, −25 dB floor
  SeekerConfig seeker;          // 6° (0.1047 rad), ±30 m/s gate, −140 dBW
  const auto echo_of = [&](double angle_rad, double range_m, double inbound_mps, double rcs, std::size_t id) {
    const Vec3 u{std::cos(angle_rad), std::sin(angle_rad), 0.0};
    EchoGeometry g;
    g.illuminator_boresight = Vec3::UnitX();
    g.seeker_boresight = Vec3::UnitX();
    g.target_p = range_m * u;
    g.target_v = -inbound_mps * u;
    g.rcs_m2 = rcs;
    return ComputeEcho(ill, seeker, g, id);
  };
  const SeekerEcho small = echo_of(0.0, 30e3, 150.0, 10.0, 1);
  const SeekerEcho big = echo_of(0.0, 35e3, 145.0, 100.0, 2);
  EXPECT_NEAR(small.range_sum_rate_mps, -300.0, 1e-9);
  EXPECT_NEAR(big.range_sum_rate_mps, -290.0, 1e-9);
  EXPECT_NEAR(big.power_dbw - small.power_dbw, 7.3221, 1e-4);
  ASSERT_TRUE(small.detectable && big.detectable);

  SemiActiveSeeker a(seeker);
  const auto locked = a.LockBeforeLaunch(0.0, small.range_sum_rate_mps, {small, big});
  EXPECT_EQ(locked.change, Change::kLocked);
  EXPECT_EQ(locked.held, std::optional<std::size_t>(2));
  EXPECT_NEAR(a.gate_centre_mps(), -290.0, 1e-9);  // the gate follows the held echo

  const SeekerEcho big_off = echo_of(3.0 * 0.01745, 35e3, 145.0, 100.0, 2);
  EXPECT_NEAR(big_off.off_illuminator_rad, 0.05235, 1e-12);
  EXPECT_FALSE(big_off.in_illuminator_beam);
  EXPECT_NEAR(big_off.power_dbw - small.power_dbw, -20.6882, 1e-4);
  SemiActiveSeeker b(seeker);
  EXPECT_EQ(b.LockBeforeLaunch(0.0, -300.0, {small, big_off}).held, std::optional<std::size_t>(1));

  // Big on boresight but inbound at 200 m/s: rate −400, 100 m/s outside the gate.
  const SeekerEcho big_fast = echo_of(0.0, 35e3, 200.0, 100.0, 2);
  EXPECT_NEAR(big_fast.range_sum_rate_mps, -400.0, 1e-9);
  SemiActiveSeeker c(seeker);
  EXPECT_EQ(c.LockBeforeLaunch(0.0, -300.0, {small, big_fast}).held, std::optional<std::size_t>(1));
  EXPECT_FALSE(c.InGate(big_fast.range_sum_rate_mps));
}

TEST(ComputeEcho, BeamEdgeFieldOfViewAndSensitivity) {
  const IlluminatorConfig ill;
  const SeekerConfig seeker;
  EchoGeometry g;
  g.missile_p = {0.0, 0.0, 0.0};
  g.missile_v = {1000.0, 0.0, 0.0};
  g.rcs_m2 = 10.0;
  // Half the 1° beam is 0.008725 rad: 0.0087 rad in, 0.0088 rad out.
  for (const double a : {0.0087, 0.0088}) {
    g.target_p = 30e3 * Vec3{std::cos(a), std::sin(a), 0.0};
    EXPECT_EQ(ComputeEcho(ill, seeker, g, 0).in_illuminator_beam, a < 0.008725) << a;
  }
  // 40° off the missile velocity, beyond the 30° field of view: not detectable however strong. Both
  // antennas point at it, R_tx = R_rx = 10 km, σ 10 m²: the hand case −128.0363 − 10 (σ)
  // + 20log(90/10) + 20log(25/10) = −128.0363 − 10 + 19.0849 + 7.9588 = −110.993 dBW (> −140).
  const double a40 = 40.0 * std::numbers::pi / 180.0;
  const Vec3 u40{std::cos(a40), std::sin(a40), 0.0};
  g.illuminator_boresight = u40;
  g.seeker_boresight = u40;
  g.target_p = 10e3 * u40;
  SeekerEcho e = ComputeEcho(ill, seeker, g, 0);
  EXPECT_NEAR(e.off_velocity_rad, a40, 1e-12);
  EXPECT_NEAR(e.power_dbw, -110.993, 1e-3);
  EXPECT_FALSE(e.in_field_of_view);
  EXPECT_FALSE(e.detectable);
  // Sensitivity: at R_tx = R_rx = 100 km on both boresights, σ 1 m²: −128.0363 (the hand case)
  // −20 (σ) −20log(100/90) −20log(100/25) = −128.0363 − 20 − 0.9151 − 12.0412 = −160.993 dBW < −140.
  g.illuminator_boresight = Vec3::UnitX();
  g.seeker_boresight = Vec3::UnitX();
  g.missile_v = Vec3::Zero();  // at rest: the field of view is measured from the seeker boresight
  g.target_p = {100e3, 0.0, 0.0};
  g.rcs_m2 = 1.0;
  e = ComputeEcho(ill, seeker, g, 0);
  EXPECT_NEAR(e.power_dbw, -160.993, 1e-3);
  EXPECT_TRUE(e.in_field_of_view);
  EXPECT_FALSE(e.detectable);
}

TEST(ComputeEcho, RangeSumRateMatchesFiniteDifference) {
  const IlluminatorConfig ill;
  const SeekerConfig seeker;
  EchoGeometry g;
  g.illuminator_p = {1000.0, -2000.0, 50.0};
  g.target_p = {60e3, 20e3, 8e3};
  g.target_v = {-220.0, 35.0, -5.0};
  g.missile_p = {10e3, 3e3, 2e3};
  g.missile_v = {900.0, 300.0, 150.0};
  g.rcs_m2 = 5.0;
  const auto range_sum = [&](double t) {
    const Vec3 pt = g.target_p + t * g.target_v;
    const Vec3 pm = g.missile_p + t * g.missile_v;
    return (pt - g.illuminator_p).norm() + (pt - pm).norm();
  };
  const double h = 1e-3;
  const double fd = (range_sum(h) - range_sum(-h)) / (2.0 * h);
  const SeekerEcho e = ComputeEcho(ill, seeker, g, 0);
  EXPECT_NEAR(e.range_sum_rate_mps / fd, 1.0, 1e-6);
  EXPECT_LT(e.range_sum_rate_mps, -1000.0);  // closing: the missile flies toward the target
}

TEST(SemiActiveSeeker, LosesAfterLostAfterAndReacquires) {
  SeekerConfig config;  // lost_after 1 s, gate ±30 m/s, reacquire on
  SemiActiveSeeker s(config);
  const SeekerEcho target = MakeEcho(1, -120.0, -300.0);
  EXPECT_EQ(s.LockBeforeLaunch(0.0, -300.0, {target}).change, Change::kLocked);
  EXPECT_EQ(s.Update(0.25, {target}).change, Change::kNone);
  EXPECT_EQ(s.Update(0.5, {MakeEcho(1, -120.0, -305.0)}).held, std::optional<std::size_t>(1));
  EXPECT_DOUBLE_EQ(s.gate_centre_mps(), -305.0);
  // Gone after 0.5 s (an undetectable echo in the gate does not count): still held until 1.5 s.
  for (const double t : {0.75, 1.0, 1.25}) {
    const auto r = s.Update(t, {MakeEcho(1, -150.0, -305.0, /*detectable=*/false)});
    EXPECT_EQ(r.change, Change::kNone) << t;
    EXPECT_EQ(r.held, std::optional<std::size_t>(1)) << t;
    EXPECT_DOUBLE_EQ(s.time_without_lock_s(t), 0.0);
  }
  const auto lost = s.Update(1.5, {});
  EXPECT_EQ(lost.change, Change::kLost);
  EXPECT_EQ(lost.previous, std::optional<std::size_t>(1));
  EXPECT_FALSE(lost.held);
  EXPECT_DOUBLE_EQ(s.gate_centre_mps(), -305.0);  // the gate stays where it was
  EXPECT_TRUE(s.searching());
  EXPECT_TRUE(s.InGate(+500.0));  // open
  EXPECT_DOUBLE_EQ(s.time_without_lock_s(2.0), 0.5);
  // Another aircraft at a far different rate, in the field of view: re-acquired, gate re-centred.
  const auto re = s.Update(2.0, {MakeEcho(7, -135.0, 200.0), MakeEcho(8, -139.0, -300.0)});
  EXPECT_EQ(re.change, Change::kReacquired);
  EXPECT_EQ(re.held, std::optional<std::size_t>(7));
  EXPECT_EQ(re.previous, std::optional<std::size_t>(1));
  EXPECT_DOUBLE_EQ(s.gate_centre_mps(), 200.0);
  EXPECT_FALSE(s.searching());
  EXPECT_DOUBLE_EQ(s.time_without_lock_s(2.5), 0.0);

  // reacquire = false: stays lost, even when an echo comes back inside the old gate.
  config.reacquire = false;
  SemiActiveSeeker n(config);
  n.LockBeforeLaunch(0.0, -300.0, {target});
  EXPECT_EQ(n.Update(0.5, {}).change, Change::kNone);
  EXPECT_EQ(n.Update(1.0, {}).change, Change::kLost);
  EXPECT_FALSE(n.searching());
  for (const double t : {1.5, 2.0, 3.0}) {
    const auto r = n.Update(t, {MakeEcho(7, -135.0, 200.0), MakeEcho(1, -120.0, -300.0)});
    EXPECT_EQ(r.change, Change::kNone);
    EXPECT_FALSE(r.held);
  }
  EXPECT_DOUBLE_EQ(n.time_without_lock_s(3.0), 2.0);
}

TEST(SemiActiveSeeker, CaptureByALargerEchoEnteringTheGate) {
  SemiActiveSeeker s(SeekerConfig{});
  const SeekerEcho small = MakeEcho(1, -130.0, -300.0);
  ASSERT_EQ(s.LockBeforeLaunch(0.0, -300.0, {small}).held, std::optional<std::size_t>(1));
  // A large aircraft 10 dB stronger but 60 m/s away: outside the gate, no effect.
  EXPECT_EQ(s.Update(0.1, {small, MakeEcho(2, -120.0, -360.0)}).change, Change::kNone);
  // It enters the gate (25 m/s from the centre): captured.
  const auto r = s.Update(0.2, {small, MakeEcho(2, -120.0, -325.0)});
  EXPECT_EQ(r.change, Change::kCaptured);
  EXPECT_EQ(r.held, std::optional<std::size_t>(2));
  EXPECT_EQ(r.previous, std::optional<std::size_t>(1));
  EXPECT_DOUBLE_EQ(s.gate_centre_mps(), -325.0);
}

TEST(SemiActiveSeeker, LockAfterLaunchOnTheSetGate) {
  SeekerConfig config;
  config.lock = SeekerConfig::Lock::kAfterLaunch;
  SemiActiveSeeker s(config);
  s.SetGateCentre(-300.0);
  EXPECT_EQ(s.Update(2.0, {}).change, Change::kNone);
  EXPECT_DOUBLE_EQ(s.time_without_lock_s(3.0), 1.0);  // since the first update (launch)
  EXPECT_FALSE(s.searching());
  // The stronger echo is outside the gate (50 m/s off); the weaker inside (10 m/s) is locked.
  const auto r = s.Update(3.0, {MakeEcho(4, -110.0, -250.0), MakeEcho(5, -125.0, -310.0)});
  EXPECT_EQ(r.change, Change::kLocked);
  EXPECT_EQ(r.held, std::optional<std::size_t>(5));
  EXPECT_DOUBLE_EQ(s.time_without_lock_s(3.5), 0.0);
}

TEST(SemiActiveSeeker, LockBeforeLaunchWithNothingInTheGate) {
  SemiActiveSeeker s(SeekerConfig{});
  const auto r = s.LockBeforeLaunch(10.0, -300.0, {MakeEcho(1, -120.0, -200.0)});
  EXPECT_EQ(r.change, Change::kNone);
  EXPECT_FALSE(r.held);
  EXPECT_DOUBLE_EQ(s.time_without_lock_s(12.0), 2.0);
  // Launched anyway: the echo drifts into the gate later and is locked then (LOAL-like).
  EXPECT_EQ(s.Update(12.0, {MakeEcho(1, -120.0, -320.0)}).change, Change::kLocked);
}

TEST(SemiActiveSeekerConfig, ValidateReportsEveryBadFieldWithItsPath) {
  EXPECT_TRUE(IlluminatorConfig{}.Validate().empty());
  EXPECT_TRUE(SeekerConfig{}.Validate().empty());

  IlluminatorConfig ill;
  ill.power_w = -1.0;
  ill.gain_db = 0.0;
  ill.beamwidth_rad = 0.6;  // > π/6 = 0.5236
  ill.frequency_hz = 0.0;
  ill.sidelobe_level_db = 90.0;
  EXPECT_EQ(Paths(ill.Validate()),
            (std::vector<std::string>{"beamwidth", "frequency", "gain", "power", "sidelobe"}));
  IlluminatorConfig nan_power;
  nan_power.power_w = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(Paths(nan_power.Validate()), std::vector<std::string>{"power"});

  SeekerConfig s;
  s.gain_db = -1.0;
  s.beamwidth_rad = 1.6;  // > π/2
  s.sidelobe_level_db = -1.0;
  s.field_of_view_rad = 0.0;
  s.doppler_gate_mps = -1.0;
  s.sensitivity_dbw = std::numeric_limits<double>::infinity();
  s.lost_after_s = 0.0;
  EXPECT_EQ(Paths(s.Validate()), (std::vector<std::string>{"beamwidth", "doppler_gate", "field_of_view", "gain",
                                                           "lost_after", "sensitivity", "sidelobe"}));
  // Gains above a radar antenna's 80 dB are refused (1e308 dB made the bistatic equation infinite).
  for (double g : {80.0, 80.5, 1e308}) {
    SeekerConfig seeker;
    IlluminatorConfig illuminator;
    seeker.gain_db = illuminator.gain_db = g;
    const std::vector<std::string> expected = g <= 80.0 ? std::vector<std::string>{} : std::vector<std::string>{"gain"};
    EXPECT_EQ(Paths(seeker.Validate()), expected) << g;
    EXPECT_EQ(Paths(illuminator.Validate()), expected) << g;
  }
  IlluminatorConfig strong;
  strong.power_w = 1e9;
  EXPECT_TRUE(strong.Validate().empty());
  strong.power_w = 1e308;  // the bistatic equation's product overflowed
  EXPECT_EQ(Paths(strong.Validate()), std::vector<std::string>{"power"});
  SeekerConfig zero_gate;
  zero_gate.doppler_gate_mps = 0.0;  // allowed: a gate of a single rate
  EXPECT_TRUE(zero_gate.Validate().empty());
}

}  // namespace
}  // namespace iadsim
