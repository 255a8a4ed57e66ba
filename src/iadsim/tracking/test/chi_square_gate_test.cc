#include "iadsim/tracking/chi_square_gate.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

TEST(ChiSquareGate, MatchesPublishedTable) {
  // Quantiles of the chi-square distribution, as tabulated to 3 decimals (e.g. Abramowitz &
  // Stegun, Handbook of Mathematical Functions, table 26.8; NIST/SEMATECH e-Handbook 1.3.6.7.4).
  struct Row {
    int dof;
    double p, g;
  };
  for (const Row r : {Row{1, 0.95, 3.841}, Row{1, 0.99, 6.635}, Row{2, 0.95, 5.991}, Row{2, 0.99, 9.210},
                      Row{3, 0.95, 7.815}, Row{3, 0.99, 11.345}, Row{3, 0.999, 16.266},
                      Row{4, 0.95, 9.488}, Row{10, 0.99, 23.209}, Row{3, 0.05, 0.352}}) {
    EXPECT_NEAR(ChiSquareGate(r.dof, r.p), r.g, 5e-4) << "dof " << r.dof << " p " << r.p;
  }
}

TEST(ChiSquareGate, TwoDegreesOfFreedomClosedForm) {
  // chi2 with 2 dof is exponential with mean 2: g = -2 ln(1 - P).
  for (double p : {0.5, 0.9, 0.99, 0.999, 0.99999}) {
    EXPECT_NEAR(ChiSquareGate(2, p), -2.0 * std::log1p(-p), 1e-12 * (-2.0 * std::log1p(-p)));
  }
}

}  // namespace
}  // namespace iadsim
