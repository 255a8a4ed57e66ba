#pragma once
// Filter consistency: normalised estimation error squared (NEES), normalised innovation squared
// (NIS), and the two-sided chi-square acceptance interval of their averages.
//   NEES  eps = e^T P^-1 e,      e = x_estimate - x_true, P the filter's covariance  (n = dim x)
//   NIS   eps = nu^T S^-1 nu,    nu the innovation, S its covariance                 (n = dim z)
// For a consistent filter eps ~ chi2(n). The average over M independent Monte Carlo runs (or M
// time steps for the time-average NIS of one run) satisfies M * avg ~ chi2(M n), so avg lies in
//   [ F^-1_{chi2(M n)}((1 - q) / 2) / M ,  F^-1_{chi2(M n)}((1 + q) / 2) / M ]
// with probability q (two-sided). Example (Bar-Shalom, Li & Kirubarajan, Estimation with
// Applications to Tracking and Navigation, Wiley 2001, sec. 5.4.2): n = 2, M = 50, q = 0.95 ->
// [74.2, 129.6] / 50 = [1.484, 2.592]. Quantiles by Boost.Math. Valid for n >= 1, M >= 1,
// 0 < q < 1 (checked: a violation aborts).
#include <Eigen/Core>

#include <vector>

namespace iadsim {

// e^T P^-1 e by a Cholesky factorisation; P must be symmetric positive definite (checked).
double NormalisedErrorSquared(const Eigen::VectorXd& error, const Eigen::MatrixXd& covariance);

struct ChiSquareInterval {
  double lower = 0.0;
  double upper = 0.0;
};

// The interval of the average of `samples` values each chi2(dof), at two-sided probability q.
ChiSquareInterval AverageChiSquareInterval(int dof, int samples, double probability = 0.95);

struct ConsistencyCheck {
  double average = 0.0;
  ChiSquareInterval bounds;
  bool consistent = false;  // lower <= average <= upper
};

// The average of `values` (NEES of M runs at one time, or NIS of M steps) against its interval.
// values must not be empty (checked).
ConsistencyCheck CheckAverageConsistency(const std::vector<double>& values, int dof, double probability = 0.95);

}  // namespace iadsim
