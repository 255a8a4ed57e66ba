#include "iadsim/sensors/pulse_integration.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <cstdint>
#include <initializer_list>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

constexpr Swerling kAllModels[] = {Swerling::k0, Swerling::k1, Swerling::k2, Swerling::k3,
                                   Swerling::k4};

double Db(double x) { return 10.0 * std::log10(x); }

// The Swerling 0 N-pulse Pd averaged over the density of the per-pulse mean signal power s̄
// (the non-central χ² law of the integrated sum depends on the signal only through N·s̄).
// s̄ ~ Gamma(shape, mean / shape): shape 1 (Swerling 1), 2 (3), N (2), 2N (4).
double AverageOverFluctuation(double mean_snr, double pfa, int pulses, double shape) {
  const boost::math::gamma_distribution<double> density(shape, mean_snr / shape);
  const double upper = boost::math::quantile(boost::math::complement(density, 1e-17));
  const auto f = [&](double s) {
    return NoncoherentDetectionProbability(Swerling::k0, s, pfa, pulses) *
           boost::math::pdf(density, s);
  };
  return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, 0.0, upper, 12, 1e-11);
}

TEST(PulseIntegration, OnePulseReproducesTheSinglePulseFunctions) {
  for (Swerling m : kAllModels) {
    for (double snr : {0.0, 0.3, 4.0, 50.0}) {
      for (double pfa : {1e-2, 1e-6, 1e-10}) {
        EXPECT_EQ(NoncoherentDetectionProbability(m, snr, pfa, 1), DetectionProbability(m, snr, pfa));
      }
    }
    EXPECT_NEAR(NoncoherentRequiredSnr(m, 0.9, 1e-6, 1) / RequiredSnr(m, 0.9, 1e-6), 1.0, 1e-10);
  }
  // Published single-pulse values (Pd 0.9, Pfa 1e-6): 13.18 dB steady, 21.14 dB Swerling 1.
  EXPECT_NEAR(Db(NoncoherentRequiredSnr(Swerling::k0, 0.9, 1e-6, 1)), 13.18, 0.05);
  EXPECT_NEAR(Db(NoncoherentRequiredSnr(Swerling::k1, 0.9, 1e-6, 1)), 21.14, 0.05);
}

TEST(PulseIntegration, ThresholdMatchesTheErlangTail) {
  // Noise alone, the sum of N unit exponentials: P(Z > T) = e^−T Σ_{k<N} T^k / k!.
  for (int n : {1, 2, 3, 7, 20}) {
    for (double pfa : {1e-2, 1e-6, 1e-12}) {
      const double t = NoncoherentThreshold(n, pfa);
      double sum = 0.0;
      double term = 1.0;
      for (int k = 0; k < n; ++k) {
        sum += term;
        term *= t / (k + 1);
      }
      EXPECT_NEAR(std::exp(-t) * sum / pfa, 1.0, 1e-10) << n << " " << pfa;
    }
  }
  EXPECT_DOUBLE_EQ(NoncoherentThreshold(1, 1e-6), std::log(1e6));
}

TEST(PulseIntegration, ClosedFormsMatchSwerlingZeroAveragedOverTheFluctuation) {
  for (int n : {2, 3, 10, 30}) {
    for (double snr : {0.5, 3.0, 20.0}) {
      for (double pfa : {1e-4, 1e-8}) {
        const double nd = n;
        EXPECT_NEAR(NoncoherentDetectionProbability(Swerling::k1, snr, pfa, n),
                    AverageOverFluctuation(snr, pfa, n, 1.0), 1e-8) << n << " " << snr << " " << pfa;
        EXPECT_NEAR(NoncoherentDetectionProbability(Swerling::k3, snr, pfa, n),
                    AverageOverFluctuation(snr, pfa, n, 2.0), 1e-8) << n << " " << snr << " " << pfa;
        EXPECT_NEAR(NoncoherentDetectionProbability(Swerling::k2, snr, pfa, n),
                    AverageOverFluctuation(snr, pfa, n, nd), 1e-8) << n << " " << snr << " " << pfa;
        EXPECT_NEAR(NoncoherentDetectionProbability(Swerling::k4, snr, pfa, n),
                    AverageOverFluctuation(snr, pfa, n, 2.0 * nd), 1e-8) << n << " " << snr << " " << pfa;
      }
    }
  }
}

TEST(PulseIntegration, SwerlingTwoAndFourTendToSteadyWithManyPulses) {
  // Pulse-to-pulse fluctuation averages out: with 1000 pulses the required SNR of Swerling 2 and 4
  // is within 0.1 dB of the steady target (Swerling 2 Pd is Q(N, T/(1+snr)), closed form).
  const double steady = Db(NoncoherentRequiredSnr(Swerling::k0, 0.9, 1e-6, 1000));
  EXPECT_NEAR(Db(NoncoherentRequiredSnr(Swerling::k2, 0.9, 1e-6, 1000)), steady, 0.1);
  EXPECT_NEAR(Db(NoncoherentRequiredSnr(Swerling::k4, 0.9, 1e-6, 1000)), steady, 0.1);
}

TEST(PulseIntegration, RequiredSnrRoundTripsAndIntegrationHelps) {
  for (Swerling m : kAllModels) {
    for (int n : {2, 10, 100}) {
      for (double pd : {0.1, 0.5, 0.9, 0.99}) {
        const double snr = NoncoherentRequiredSnr(m, pd, 1e-6, n);
        EXPECT_NEAR(NoncoherentDetectionProbability(m, snr, 1e-6, n), pd, 1e-9)
            << static_cast<int>(m) << " " << n << " " << pd;
      }
      EXPECT_LT(NoncoherentRequiredSnr(m, 0.9, 1e-6, n), NoncoherentRequiredSnr(m, 0.9, 1e-6, 1));
    }
  }
  // Small SNRs over many pulses stay finite and tend to Pfa.
  EXPECT_NEAR(NoncoherentDetectionProbability(Swerling::k1, 1e-9, 1e-6, 5000) / 1e-6, 1.0, 1e-3);
  EXPECT_NEAR(NoncoherentDetectionProbability(Swerling::k3, 1e-9, 1e-6, 5000) / 1e-6, 1.0, 1e-3);
}

// A square-law detector simulated pulse by pulse: complex Gaussian noise of unit power plus the
// target's echo, |·|² summed over N pulses and compared with the threshold.
struct MonteCarloCase {
  Swerling model;
  int pulses;
  double snr;  // mean single-pulse SNR, linear
};

std::uint64_t CountDetections(const MonteCarloCase& c, double pfa, int trials, RandomStream& rng) {
  const double t = NoncoherentThreshold(c.pulses, pfa);
  std::uint64_t hits = 0;
  for (int i = 0; i < trials; ++i) {
    // Swerling 1: one exponential power draw per look; Swerling 0: constant power.
    const double power = c.model == Swerling::k1 ? rng.Exponential(c.snr) : c.snr;
    const double amplitude = std::sqrt(power);
    double z = 0.0;
    for (int k = 0; k < c.pulses; ++k) {
      const double re = amplitude + rng.StandardNormal() / std::sqrt(2.0);
      const double im = rng.StandardNormal() / std::sqrt(2.0);
      z += re * re + im * im;
    }
    if (z > t) ++hits;
  }
  return hits;
}

void ExpectInside99PercentInterval(std::uint64_t count, int trials, double p) {
  const boost::math::binomial_distribution<double> binomial(trials, p);
  const double lo = boost::math::quantile(binomial, 0.005);
  const double hi = boost::math::quantile(boost::math::complement(binomial, 0.005));
  EXPECT_GE(static_cast<double>(count), lo) << "p " << p << " trials " << trials;
  EXPECT_LE(static_cast<double>(count), hi) << "p " << p << " trials " << trials;
}

TEST(PulseIntegration, MonteCarloDetectorMatchesExactPd) {
  const double pfa = 1e-4;
  int index = 0;
  for (const MonteCarloCase& c : {MonteCarloCase{Swerling::k0, 1, std::pow(10.0, 1.1)},
                                  MonteCarloCase{Swerling::k1, 1, std::pow(10.0, 1.3)},
                                  MonteCarloCase{Swerling::k0, 10, std::pow(10.0, 0.2)},
                                  MonteCarloCase{Swerling::k1, 10, std::pow(10.0, 0.6)}}) {
    RandomStream rng = RandomStream(20261126).Derive("detector", index++);
    const int trials = c.pulses == 1 ? 40000 : 8000;
    const double pd = NoncoherentDetectionProbability(c.model, c.snr, pfa, c.pulses);
    EXPECT_GT(pd, 0.2);
    EXPECT_LT(pd, 0.95);
    ExpectInside99PercentInterval(CountDetections(c, pfa, trials, rng), trials, pd);
  }
}

TEST(PulseIntegration, MonteCarloDetectorFalseAlarmsMatchPfa) {
  const double pfa = 1e-2;
  for (int n : {1, 10}) {
    RandomStream rng = RandomStream(7).Derive("noise", n);
    const int trials = 50000;
    ExpectInside99PercentInterval(CountDetections({Swerling::k0, n, 0.0}, pfa, trials, rng), trials,
                                  pfa);
  }
}

TEST(PulseIntegrationDeathTest, RejectsArgumentsOutsideTheirRange) {
  EXPECT_DEATH(NoncoherentDetectionProbability(Swerling::k0, 1.0, 1e-6, 0), "pulses must be");
  EXPECT_DEATH(NoncoherentDetectionProbability(Swerling::k2, -1.0, 1e-6, 4), "snr must be");
  EXPECT_DEATH(NoncoherentRequiredSnr(Swerling::k1, 0.9, 1.0, 4), "pfa must be");
}

}  // namespace
}  // namespace iadsim
