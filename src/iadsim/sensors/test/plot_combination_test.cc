// Primary/secondary plot combination: the gate against the chi-square quantile (Boost), hand
// geometry on each side of it, the wrap through north, nearest-detection choice, the code rule,
// and the frequency with which a reply joins its own aircraft's detection (Monte Carlo against
// the binomial 99 % interval around 0.999).
#include "iadsim/sensors/plot_combination.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "iadsim/core/angle.h"
#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

Detection Plot(double range_m, double azimuth_rad) {
  Detection d;
  d.range_m = range_m;
  d.azimuth_rad = azimuth_rad;
  d.sigma_range_m = 50.0;
  d.sigma_azimuth_rad = 0.001;
  return d;
}

IffReply Reply(double range_m, double azimuth_rad, IffMode mode = IffMode::kMode3A, std::uint16_t code = 1234) {
  IffReply r;
  r.range_m = range_m;
  r.azimuth_rad = azimuth_rad;
  r.sigma_range_m = 60.0;
  r.sigma_azimuth_rad = 0.005;
  r.mode = mode;
  r.code = code;
  return r;
}

TEST(PlotCombination, GateIsTheChiSquareQuantileOfTwoDegrees) {
  const double boost_quantile = boost::math::quantile(boost::math::chi_squared(2.0), 0.999);
  EXPECT_NEAR(PlotCombinationGate(), boost_quantile, 1e-9);
  EXPECT_NEAR(PlotCombinationGate(), 13.815510557964274, 1e-12);  // -2 ln(0.001)
}

TEST(PlotCombination, JoinsInsideTheGateOnlyInRangeAndInAzimuth) {
  const double sr = std::hypot(60.0, 50.0), sa = std::hypot(0.005, 0.001);
  // d^2 = k^2 along one axis: 3.71^2 = 13.76 inside, 3.73^2 = 13.91 outside.
  for (const auto& [k, inside] : {std::pair{3.71, true}, std::pair{3.73, false}}) {
    std::vector<Detection> dets{Plot(100e3, 1.0)};
    std::vector<IffReply> range_off{Reply(100e3 + k * sr, 1.0)}, azimuth_off{Reply(100e3, 1.0 - k * sa)};
    CombinePlots(dets, range_off);
    EXPECT_EQ(range_off[0].detection, inside ? 0 : -1) << k;
    CombinePlots(dets, azimuth_off);
    EXPECT_EQ(azimuth_off[0].detection, inside ? 0 : -1) << k;
    EXPECT_EQ(dets[0].mode3a_code.has_value(), inside) << k;
  }
  // Both axes: 2.6^2 + 2.6^2 = 13.52 inside; 2.65^2 x 2 = 14.05 outside.
  std::vector<Detection> dets{Plot(100e3, 1.0)};
  std::vector<IffReply> in{Reply(100e3 + 2.6 * sr, 1.0 + 2.6 * sa)}, out{Reply(100e3 + 2.65 * sr, 1.0 + 2.65 * sa)};
  CombinePlots(dets, in);
  CombinePlots(dets, out);
  EXPECT_EQ(in[0].detection, 0);
  EXPECT_EQ(out[0].detection, -1);
}

TEST(PlotCombination, WrapsThroughNorth) {
  std::vector<Detection> dets{Plot(80e3, 0.002), Plot(90e3, kTwoPi - 0.002)};
  std::vector<IffReply> replies{Reply(80e3, kTwoPi - 0.003), Reply(90e3, 0.003)};
  CombinePlots(dets, replies);
  EXPECT_EQ(replies[0].detection, 0);  // 0.005 rad apart across north
  EXPECT_EQ(replies[1].detection, 1);
}

TEST(PlotCombination, NearestDetectionAndFirstOfEquals) {
  // Two plots 100 m either side of the reply in range, then one 40 m away: the nearest wins.
  std::vector<Detection> dets{Plot(50e3 - 100.0, 2.0), Plot(50e3 + 100.0, 2.0), Plot(50e3 + 40.0, 2.0)};
  std::vector<IffReply> replies{Reply(50e3, 2.0)};
  CombinePlots(dets, replies);
  EXPECT_EQ(replies[0].detection, 2);
  dets.pop_back();  // equal distances: the first
  CombinePlots(dets, replies);
  EXPECT_EQ(replies[0].detection, 0);
}

TEST(PlotCombination, ADetectionTakesACodeOnlyWhenItsRepliesAgree) {
  std::vector<Detection> dets{Plot(60e3, 0.5), Plot(70e3, 0.5), Plot(80e3, 0.5), Plot(90e3, 0.5)};
  std::vector<IffReply> replies{
      Reply(60e3, 0.5, IffMode::kMode3A, 1234), Reply(60e3, 0.5, IffMode::kSecure, 0),  // one code
      Reply(70e3, 0.5, IffMode::kMode3A, 1234), Reply(70e3, 0.5, IffMode::kMode3A, 4321),  // two codes
      Reply(80e3, 0.5, IffMode::kModeS, 7000), Reply(80e3, 0.5, IffMode::kMode3A, 7000),  // Mode S agrees
      Reply(90e3, 0.5, IffMode::kMode1, 37)};  // Mode 1 is not an identity code
  CombinePlots(dets, replies);
  for (const IffReply& r : replies) EXPECT_EQ(r.detection, static_cast<int>((r.range_m - 60e3) / 10e3));
  ASSERT_TRUE(dets[0].mode3a_code.has_value());
  EXPECT_EQ(*dets[0].mode3a_code, 1234);
  EXPECT_FALSE(dets[1].mode3a_code.has_value());
  ASSERT_TRUE(dets[2].mode3a_code.has_value());
  EXPECT_EQ(*dets[2].mode3a_code, 7000);
  EXPECT_FALSE(dets[3].mode3a_code.has_value());
}

TEST(PlotCombination, NoDetectionsLeavesEveryReplyAlone) {
  std::vector<Detection> dets;
  std::vector<IffReply> replies{Reply(10e3, 1.0)};
  replies[0].detection = 5;
  CombinePlots(dets, replies);
  EXPECT_EQ(replies[0].detection, -1);
}

// One aircraft, its detection and its reply drawn with their own Gaussian errors: the reply joins
// with probability 0.999 (d^2 is chi-square with 2 degrees of freedom). 100,000 draws: the
// number left alone inside the binomial(100000, 0.001) 99 % interval.
TEST(PlotCombination, AReplyJoinsItsOwnDetectionWithTheGateProbability) {
  RandomStream rng(20261128, 0, "plot_combination_test", "noise");
  constexpr int kN = 100000;
  int alone = 0;
  for (int i = 0; i < kN; ++i) {
    const double r = rng.Uniform(20e3, 280e3), a = rng.Uniform(0.0, kTwoPi);
    Detection d = Plot(0.0, 0.0);
    d.range_m = r + rng.Normal(0.0, d.sigma_range_m);
    d.azimuth_rad = WrapTwoPi(a + rng.Normal(0.0, d.sigma_azimuth_rad));
    IffReply y = Reply(0.0, 0.0);
    y.range_m = r + rng.Normal(0.0, y.sigma_range_m);
    y.azimuth_rad = WrapTwoPi(a + rng.Normal(0.0, y.sigma_azimuth_rad));
    std::vector<Detection> dets{d};
    std::vector<IffReply> replies{y};
    CombinePlots(dets, replies);
    alone += replies[0].detection < 0;
  }
  const boost::math::binomial_distribution<double> expected(kN, 0.001);
  EXPECT_GE(alone, boost::math::quantile(expected, 0.005));
  EXPECT_LE(alone, boost::math::quantile(expected, 0.995));
}

}  // namespace
}  // namespace iadsim
