// Navigation error: the "1 nmi/h" law by hand (31 m per minute), the median of |error| over
// 20,000 seeded realisations against CEP(τ) inside the distribution-free 99 % binomial interval,
// growth along one line, determinism, and Validate().
#include "iadsim/weapons/inertial_navigation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace iadsim {
namespace {

TEST(InertialNavigation, CepToSigmaIsOneOverSqrtTwoLnTwo) {
  EXPECT_NEAR(kCepToSigma, 1.0 / std::sqrt(2.0 * std::log(2.0)), 1e-7);
}

TEST(InertialNavigation, OneNauticalMilePerHourIsThirtyOneMetresPerMinute) {
  const NavigationConfig c;  // 0.5144 m/s = 1852 m / 3600 s
  EXPECT_NEAR(c.drift_mps, 1852.0 / 3600.0, 1e-4);
  // By hand: 0.5144 · 60 = 30.864 m; 0.5144 · 300 = 154.32 m (reference: "154 m after 5 min").
  EXPECT_NEAR(InsCepM(c, 0.0, 60.0), 30.864, 1e-9);
  EXPECT_NEAR(InsCepM(c, 0.0, 300.0), 154.32, 1e-9);
  EXPECT_NEAR(InsCepM(c, 5.0, 60.0), 35.864, 1e-9);
  EXPECT_DOUBLE_EQ(InsCepM(c, 5.0, 0.0), 5.0);
}

// Median of |error| at time τ after the loss over n realisations, each from its own stream.
double MedianAbsError(const NavigationConfig& c, double tau_s, int n) {
  const RandomStream master(20261126);
  std::vector<double> r;
  r.reserve(n);
  for (int i = 0; i < n; ++i) {
    RandomStream rng = master.Derive("nav", static_cast<std::uint64_t>(i));
    const NavigationError e(c, rng);
    r.push_back(e.ErrorEn(tau_s > 0.0 ? std::optional<double>(100.0) : std::nullopt, 100.0 + tau_s)
                    .norm());
  }
  std::nth_element(r.begin(), r.begin() + n / 2, r.end());
  return r[n / 2];
}

TEST(InertialNavigation, MedianOfErrorIsCepInsideBinomialInterval) {
  // The number of draws with |e| <= CEP is Binomial(n, 1/2) if CEP is the true median, so with
  // 99 % probability the sample median lies between the quantiles p = 1/2 ∓ z √(1/(4n)),
  // z = 2.5758. The Rayleigh quantile of a circular normal of CEP is CEP · sqrt(log2(1/(1−p))),
  // which gives the interval around CEP(τ) (independently of the code's draw).
  const NavigationConfig c;
  const int n = 20000;
  const double delta = 2.5758 * std::sqrt(0.25 / n);
  const auto quantile = [](double p) { return std::sqrt(std::log2(1.0 / (1.0 - p))); };
  for (const double tau : {0.0, 60.0, 300.0}) {
    const double cep = InsCepM(c, c.cep_gnss_m, tau);  // 5, 35.864, 159.32 m
    const double median = MedianAbsError(c, tau, n);
    EXPECT_GT(median, cep * quantile(0.5 - delta)) << "tau " << tau;
    EXPECT_LT(median, cep * quantile(0.5 + delta)) << "tau " << tau;
  }
}

TEST(InertialNavigation, ErrorGrowsLinearlyAlongOneLine) {
  const NavigationConfig c;
  RandomStream rng(7);
  const NavigationError e(c, rng);
  const double t_loss = 40.0;
  const Vec2 e0 = e.ErrorEn(t_loss, t_loss);
  const Vec2 e60 = e.ErrorEn(t_loss, t_loss + 60.0);
  const Vec2 e120 = e.ErrorEn(t_loss, t_loss + 120.0);
  // Equal increments in equal times, each k · 30.864 m along the same unit vector.
  EXPECT_NEAR((e60 - e0 - (e120 - e60)).norm(), 0.0, 1e-9);
  EXPECT_NEAR((e60 - e0).norm(), e.multiplier() * 30.864, 1e-9);
  EXPECT_NEAR(std::abs(e0.x() * e120.y() - e0.y() * e120.x()), 0.0, 1e-9);  // collinear
  EXPECT_GT(e0.dot(e120), 0.0);
  // With GNSS (never lost, or before the loss) the error is k · cep_gnss, fixed in time.
  EXPECT_NEAR(e.ErrorEn(std::nullopt, 1000.0).norm(), e.multiplier() * 5.0, 1e-12);
  EXPECT_EQ(e.ErrorEn(t_loss, 10.0), e.ErrorEn(std::nullopt, 10.0));
  EXPECT_EQ(e.ErrorEn(t_loss, t_loss), e.ErrorEn(std::nullopt, 10.0));
}

TEST(InertialNavigation, SameStreamSameError) {
  const NavigationConfig c;
  RandomStream a(12345), b(12345), other(12346);
  const NavigationError ea(c, a), eb(c, b), eo(c, other);
  EXPECT_EQ(ea.ErrorEn(10.0, 100.0), eb.ErrorEn(10.0, 100.0));
  EXPECT_NE(ea.ErrorEn(10.0, 100.0), eo.ErrorEn(10.0, 100.0));
}

TEST(InertialNavigation, ValidateReportsEveryProblemByKey) {
  EXPECT_TRUE(NavigationConfig{}.Validate().empty());
  NavigationConfig bad;
  bad.cep_gnss_m = -1.0;
  bad.drift_mps = 150.0;
  const Problems p = bad.Validate();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].path, "cep_gnss");
  EXPECT_EQ(p[1].path, "ins_drift");
  EXPECT_NE(p[1].message.find("got 150"), std::string::npos);
  bad = NavigationConfig{};
  bad.drift_mps = std::nan("");
  EXPECT_EQ(bad.Validate().size(), 1u);
}

}  // namespace
}  // namespace iadsim
