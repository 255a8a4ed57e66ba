#include "iadsim/c2/operator_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace iadsim {
namespace {

constexpr int kN = 20000;

struct Moments {
  double mean = 0, var = 0;
};

Moments SampleMoments(const std::vector<double>& x) {
  Moments m;
  for (double v : x) m.mean += v;
  m.mean /= x.size();
  for (double v : x) m.var += (v - m.mean) * (v - m.mean);
  m.var /= (x.size() - 1);
  return m;
}

std::vector<double> Draws(const DecisionDelay& d, std::uint64_t seed) {
  RandomStream rng(seed);
  std::vector<double> x(kN);
  for (double& v : x) v = d.Draw(rng);
  return x;
}

TEST(OperatorModel, FixedDelay) {
  DecisionDelay d;
  d.a = 8;
  RandomStream rng(1);
  EXPECT_EQ(d.Draw(rng), 8.0);
  EXPECT_EQ(d.Mean(), 8.0);
  EXPECT_EQ(d.Variance(), 0.0);
}

TEST(OperatorModel, TriangularMomentsAndModeQuantile) {
  // min 2, mode 5, max 14: mean 21/3 = 7, var (4 + 25 + 196 - 10 - 28 - 70)/18 = 117/18 = 6.5,
  // excess kurtosis -3/5 (every triangular): SE(s²) = var sqrt((kurtosis - 1)/n) = var sqrt(1.4/n).
  // F(mode) = (5 - 2)/(14 - 2) = 0.25.
  DecisionDelay d{DecisionDelay::Kind::kTriangular, 2, 5, 14};
  EXPECT_DOUBLE_EQ(d.Mean(), 7.0);
  EXPECT_DOUBLE_EQ(d.Variance(), 6.5);
  const auto x = Draws(d, 20261126);
  const Moments m = SampleMoments(x);
  EXPECT_NEAR(m.mean, 7.0, 4 * std::sqrt(6.5 / kN));
  EXPECT_NEAR(m.var, 6.5, 4 * 6.5 * std::sqrt(1.4 / kN));
  int below_mode = 0, outside = 0;
  for (double v : x) {
    below_mode += v < 5.0;
    outside += v < 2.0 || v > 14.0;
  }
  EXPECT_EQ(outside, 0);
  EXPECT_NEAR(below_mode / double(kN), 0.25, 4 * std::sqrt(0.25 * 0.75 / kN));
}

TEST(OperatorModel, LognormalMomentsAndMedian) {
  // median 8 s (mu = ln 8), sigma 0.5: mean 8 e^0.125 = 9.0652, var (e^0.25 - 1) 64 e^0.25 = 23.3405;
  // excess kurtosis e^{4s²} + 2e^{3s²} + 3e^{2s²} - 6 = 5.898 -> SE(s²) = var sqrt((kurt - 1)/n).
  DecisionDelay d{DecisionDelay::Kind::kLognormal, 8, 0.5, 0};
  const double s2 = 0.25;
  const double mean = 8 * std::exp(s2 / 2);
  const double var = (std::exp(s2) - 1) * std::exp(2 * std::log(8.0) + s2);
  EXPECT_NEAR(mean, 9.0652, 1e-4);
  EXPECT_NEAR(var, 23.3405, 1e-3);
  EXPECT_NEAR(d.Mean(), mean, 1e-12);
  EXPECT_NEAR(d.Variance(), var, 1e-10);
  const double kurt = 3 + std::exp(4 * s2) + 2 * std::exp(3 * s2) + 3 * std::exp(2 * s2) - 6;
  const auto x = Draws(d, 77);
  const Moments m = SampleMoments(x);
  EXPECT_NEAR(m.mean, mean, 4 * std::sqrt(var / kN));
  EXPECT_NEAR(m.var, var, 4 * var * std::sqrt((kurt - 1) / kN));
  int below_median = 0;
  for (double v : x) below_median += v < 8.0;
  EXPECT_NEAR(below_median / double(kN), 0.5, 4 * std::sqrt(0.25 / kN));
}

TEST(OperatorModel, WrongCallRateUnderPressureOnly) {
  OperatorConfig cfg;
  cfg.decision_delay = {DecisionDelay::Kind::kTriangular, 2, 5, 14};
  cfg.wrong_call_probability = 0.1;
  cfg.time_pressure_s = 60;
  RandomStream rng(4242);
  int wrong = 0;
  for (int i = 0; i < kN; ++i) {
    const bool doctrine = (i % 2) == 0;
    const OperatorCall call = DecideCall(cfg, doctrine, 30.0, rng);
    wrong += call.wrong_call;
    EXPECT_EQ(call.engage, call.wrong_call ? !doctrine : doctrine);
  }
  EXPECT_NEAR(wrong / double(kN), 0.1, 4 * std::sqrt(0.1 * 0.9 / kN));  // 4 SE = 0.0085
  // No pressure: far away (60 s is not < 60 s), opening, or no threat at all.
  for (double t : {60.0, 90.0, -1.0, std::numeric_limits<double>::infinity()}) {
    int none = 0;
    for (int i = 0; i < kN; ++i) {
      const OperatorCall call = DecideCall(cfg, true, t, rng);
      none += call.wrong_call;
      EXPECT_TRUE(call.engage);
    }
    EXPECT_EQ(none, 0) << t;
  }
  // p = 1 under pressure: always the opposite call; at t = 0 (at the CPA) the pressure is on.
  cfg.wrong_call_probability = 1;
  const OperatorCall flipped = DecideCall(cfg, false, 0.0, rng);
  EXPECT_TRUE(flipped.wrong_call);
  EXPECT_TRUE(flipped.engage);
}

TEST(OperatorModel, DeterministicAndFixedStreamUse) {
  OperatorConfig cfg;
  cfg.decision_delay = {DecisionDelay::Kind::kLognormal, 8, 0.5, 0};
  cfg.wrong_call_probability = 0.3;
  RandomStream a(99), b(99);
  for (int i = 0; i < 200; ++i) {
    const OperatorCall x = DecideCall(cfg, true, 10.0, a);
    const OperatorCall y = DecideCall(cfg, true, 10.0, b);
    EXPECT_EQ(x.delay_s, y.delay_s);
    EXPECT_EQ(x.wrong_call, y.wrong_call);
    EXPECT_EQ(x.engage, y.engage);
  }
  // Under pressure or not, one call uses the stream the same way: the next draws agree.
  cfg.decision_delay = {DecisionDelay::Kind::kTriangular, 1, 2, 3};
  RandomStream c(5), d(5);
  DecideCall(cfg, true, 10.0, c);  // pressure
  DecideCall(cfg, true, std::numeric_limits<double>::infinity(), d);  // none
  EXPECT_EQ(c.NextU64(), d.NextU64());
  // The delay is drawn first: the call's delay is the stream's first triangular draw.
  RandomStream e(6), f(6);
  EXPECT_EQ(DecideCall(cfg, false, 10.0, e).delay_s, cfg.decision_delay.Draw(f));
}

TEST(OperatorModel, ValidatePaths) {
  EXPECT_TRUE(OperatorConfig{}.Validate().empty());
  const auto paths = [](const Problems& p) {
    std::vector<std::string> out;
    for (const auto& q : p) out.push_back(q.path);
    return out;
  };
  using K = DecisionDelay::Kind;
  EXPECT_EQ(DecisionDelay({K::kFixed, -1}).Validate().size(), 1u);
  EXPECT_TRUE(DecisionDelay({K::kFixed, 0}).Validate().empty());
  EXPECT_EQ(DecisionDelay({K::kTriangular, -1, 2, 3}).Validate().size(), 1u);  // min < 0
  EXPECT_EQ(DecisionDelay({K::kTriangular, 1, 4, 3}).Validate().size(), 1u);   // mode > max
  EXPECT_EQ(DecisionDelay({K::kTriangular, 1, 0.5, 3}).Validate().size(), 1u); // mode < min
  EXPECT_EQ(DecisionDelay({K::kTriangular, 3, 2, 1}).Validate().size(), 1u);   // max < min
  EXPECT_TRUE(DecisionDelay({K::kTriangular, 0, 0, 0}).Validate().empty());
  EXPECT_TRUE(DecisionDelay({K::kTriangular, 1, 3, 3}).Validate().empty());
  EXPECT_EQ(DecisionDelay({K::kLognormal, 0, 0.5}).Validate().size(), 1u);     // median <= 0
  EXPECT_EQ(DecisionDelay({K::kLognormal, 8, -0.1}).Validate().size(), 1u);    // sigma < 0
  EXPECT_EQ(DecisionDelay({K::kLognormal, -8, -0.1}).Validate().size(), 2u);
  EXPECT_TRUE(DecisionDelay({K::kLognormal, 8, 0}).Validate().empty());
  const auto mode = DecisionDelay({K::kTriangular, 1, 4, 3}).Validate();
  EXPECT_EQ(mode[0].path, "decision_delay");
  EXPECT_NE(mode[0].message.find("MODE"), std::string::npos) << mode[0].message;
  OperatorConfig bad;
  bad.decision_delay = {K::kLognormal, 0, 1};
  bad.wrong_call_probability = 1.5;
  bad.time_pressure_s = 0;
  EXPECT_EQ(paths(bad.Validate()),
            (std::vector<std::string>{"decision_delay", "wrong_call_probability", "time_pressure"}));
  bad.wrong_call_probability = -0.1;
  EXPECT_EQ(paths(bad.Validate())[1], "wrong_call_probability");
}

TEST(OperatorModel, DegenerateTriangularIsItsPoint) {
  RandomStream rng(3);
  const DecisionDelay d{DecisionDelay::Kind::kTriangular, 4, 4, 4};
  EXPECT_EQ(d.Draw(rng), 4.0);
  // Right-angled (mode = min): F(x) = 1 - ((c - x)/(c - a))², so P(T < 2) = 1 - (2/3)² = 5/9.
  const auto x = Draws({DecisionDelay::Kind::kTriangular, 1, 1, 4}, 11);
  int below = 0;
  for (double v : x) below += v < 2.0;
  EXPECT_NEAR(below / double(kN), 5.0 / 9.0, 4 * std::sqrt((5.0 / 9) * (4.0 / 9) / kN));
}

}  // namespace
}  // namespace iadsim
