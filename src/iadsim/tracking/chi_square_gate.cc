#include "iadsim/tracking/chi_square_gate.h"

#include <boost/math/distributions/chi_squared.hpp>

#include "iadsim/core/error.h"

namespace iadsim {

double ChiSquareGate(int dof, double probability) {
  IADSIM_CHECK(dof >= 1, "chi-square gate needs dof >= 1");
  IADSIM_CHECK(probability > 0.0 && probability < 1.0, "chi-square gate probability must be in (0, 1)");
  return boost::math::quantile(boost::math::chi_squared_distribution<double>(dof), probability);
}

}  // namespace iadsim
