#include "iadsim/tracking/consistency.h"

#include <Eigen/Cholesky>
#include <boost/math/distributions/chi_squared.hpp>

#include <numeric>

#include "iadsim/core/error.h"

namespace iadsim {

double NormalisedErrorSquared(const Eigen::VectorXd& error, const Eigen::MatrixXd& covariance) {
  IADSIM_CHECK(covariance.rows() == error.size() && covariance.cols() == error.size(),
               "NEES: covariance and error dimensions differ");
  const Eigen::LLT<Eigen::MatrixXd> llt(covariance);
  IADSIM_CHECK(llt.info() == Eigen::Success, "NEES: covariance is not positive definite");
  return error.dot(llt.solve(error));
}

ChiSquareInterval AverageChiSquareInterval(int dof, int samples, double probability) {
  IADSIM_CHECK(dof >= 1 && samples >= 1, "chi-square interval needs dof >= 1 and samples >= 1");
  IADSIM_CHECK(probability > 0.0 && probability < 1.0, "chi-square interval probability must be in (0, 1)");
  const boost::math::chi_squared_distribution<double> chi2(static_cast<double>(dof) * samples);
  ChiSquareInterval out;
  out.lower = boost::math::quantile(chi2, 0.5 * (1.0 - probability)) / samples;
  out.upper = boost::math::quantile(chi2, 0.5 * (1.0 + probability)) / samples;
  return out;
}

ConsistencyCheck CheckAverageConsistency(const std::vector<double>& values, int dof, double probability) {
  IADSIM_CHECK(!values.empty(), "consistency check needs at least one value");
  ConsistencyCheck c;
  c.average = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  c.bounds = AverageChiSquareInterval(dof, static_cast<int>(values.size()), probability);
  c.consistent = c.average >= c.bounds.lower && c.average <= c.bounds.upper;
  return c;
}

}  // namespace iadsim
