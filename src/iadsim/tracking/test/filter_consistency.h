#pragma once
// Test support (not a test): seeded Monte Carlo runs of a TrackFilter against a simulated truth,
// accumulating per step the NEES of position and velocity and the NIS, and their two-sided 95 %
// chi-square bounds for the run average (N * mean NEES ~ chi2(dof N); Bar-Shalom, Li &
// Kirubarajan 2001, sec. 5.4.2).
#include <boost/math/distributions/chi_squared.hpp>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <cmath>
#include <functional>
#include <memory>
#include <vector>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/track_filter.h"

namespace iadsim::test {

// A draw from N(0, C) (C symmetric positive semi-definite).
inline VecX SampleGaussian(RandomStream& rng, const MatX& C) {
  const Eigen::SelfAdjointEigenSolver<MatX> es(C);
  VecX n(C.rows());
  for (int i = 0; i < n.size(); ++i) n(i) = rng.StandardNormal() * std::sqrt(std::max(0.0, es.eigenvalues()(i)));
  return es.eigenvectors() * n;
}

// [p, v] of a truth state in the motion_models.h layout, as 2*dims components.
inline VecX PositionVelocity(const VecX& x, int dims) { return x.head(2 * dims); }

struct MonteCarloSetup {
  int runs = 200;
  int steps = 50;
  double dt_s = 1.0;
  int dims = 2;
  int nis_dof = 2;
  VecX truth0;
  // Advances the truth by dt_s (step index k = 0..steps-1).
  std::function<void(RandomStream&, int k, VecX& truth)> step;
  std::function<Measurement(RandomStream&, const VecX& truth, double t)> measure;
  std::function<std::unique_ptr<TrackFilter>(RandomStream&, const VecX& truth0)> make;
};

struct MonteCarloResult {
  std::vector<double> nees, nis, sq_pos_err;  // per step, averaged over runs
  double nees_lo = 0, nees_hi = 0, nis_lo = 0, nis_hi = 0;
  // Steps in [first, last) inside the bounds, and means over those steps.
  int NeesInside(int first, int last) const {
    int c = 0;
    for (int k = first; k < last; ++k) c += nees[k] >= nees_lo && nees[k] <= nees_hi;
    return c;
  }
  int NisInside(int first, int last) const {
    int c = 0;
    for (int k = first; k < last; ++k) c += nis[k] >= nis_lo && nis[k] <= nis_hi;
    return c;
  }
  static double Mean(const std::vector<double>& v, int first, int last) {
    double s = 0;
    for (int k = first; k < last; ++k) s += v[k];
    return s / (last - first);
  }
  double RmsPosition(int first, int last) const { return std::sqrt(Mean(sq_pos_err, first, last)); }
};

inline MonteCarloResult RunMonteCarlo(const MonteCarloSetup& s, std::uint64_t seed, const char* name) {
  MonteCarloResult out;
  out.nees.assign(s.steps, 0.0);
  out.nis.assign(s.steps, 0.0);
  out.sq_pos_err.assign(s.steps, 0.0);
  const int d = s.dims;
  for (int run = 0; run < s.runs; ++run) {
    RandomStream rng(seed, run, name, "monte_carlo");
    VecX truth = s.truth0;
    std::unique_ptr<TrackFilter> f = s.make(rng, truth);
    for (int k = 0; k < s.steps; ++k) {
      s.step(rng, k, truth);
      f->Predict(s.dt_s);
      const Measurement m = s.measure(rng, truth, (k + 1) * s.dt_s);
      out.nis[k] += f->Innovate(m).d2 / s.runs;
      f->Update(m);
      const Eigen::Matrix<double, 6, 6> C6 = f->position_velocity_covariance();
      VecX e(2 * d);
      MatX C(2 * d, 2 * d);
      for (int i = 0; i < 2 * d; ++i) {
        const int a = i < d ? i : 3 + (i - d);
        e(i) = (i < d ? truth(i) - f->position()(i) : truth(i) - f->velocity()(i - d));
        for (int j = 0; j < 2 * d; ++j) C(i, j) = C6(a, j < d ? j : 3 + (j - d));
      }
      out.nees[k] += e.dot(C.ldlt().solve(e)) / s.runs;
      out.sq_pos_err[k] += e.head(d).squaredNorm() / s.runs;
    }
  }
  using boost::math::chi_squared_distribution;
  using boost::math::quantile;
  const chi_squared_distribution<double> nees_dist(2.0 * d * s.runs), nis_dist(1.0 * s.nis_dof * s.runs);
  out.nees_lo = quantile(nees_dist, 0.025) / s.runs;
  out.nees_hi = quantile(nees_dist, 0.975) / s.runs;
  out.nis_lo = quantile(nis_dist, 0.025) / s.runs;
  out.nis_hi = quantile(nis_dist, 0.975) / s.runs;
  return out;
}

}  // namespace iadsim::test
