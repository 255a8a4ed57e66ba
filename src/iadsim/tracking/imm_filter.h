#pragma once
// The interacting multiple model filter (Blom & Bar-Shalom, "The interacting multiple model
// algorithm for systems with Markovian switching coefficients", IEEE Trans. AC 33(8), 1988;
// Bar-Shalom, Li & Kirubarajan 2001, sec. 11.6.6) over any set of single-model Gaussian filters
// (KF, EKF, UKF over CV, CA, CT, CTw; all of the same spatial dimension).
//   mixing (at each Predict with T > 0): c_j = sum_i p_ij mu_i,  mu_i|j = p_ij mu_i / c_j
//     x0_j = sum_i mu_i|j A_j(x_i),  P0_j = sum_i mu_i|j [A_j(P_i) + (A_j(x_i) - x0_j)(.)^T]
//     then each filter predicts from (x0_j, P0_j), and mu_j <- c_j
//   update: each filter updates; mu_j <- mu_j L_j / sum_k mu_k L_k,  L_j = N(nu_j; 0, S_j)
//   output: the moment-matched mixture, in position and velocity (all models have both).
// p_ij: probability of switching from model i to model j in one Predict (rows sum to 1); the
// matrix is applied once per Predict with T > 0, whatever T (a per-scan chain: choose it for
// the sensor's update interval).
// Mixing between models of different state layouts, A_j (Granstrom, Willett & Bar-Shalom,
// "Systematic approach to IMM mixing for unequal dimension states", IEEE Trans. AES 51(4), 2015,
// the "mixing with the target model's own estimate" choice): components that model i also has
// (positions, velocities, accelerations, turn rate) are taken from model i, extra ones are
// dropped (truncation is exact marginalisation), and components that model i lacks (the
// acceleration of CA mixed from CV, the turn rate of CTw mixed from CV) take model j's own
// value and covariance, uncorrelated with the rest. So a CV estimate does not pull CA's
// acceleration to zero with an arbitrary variance, and no tuning constant is needed.
// Innovate returns the moment-matched innovation nu = sum mu_j nu_j,
// S = sum mu_j (S_j + (nu_j - nu)(nu_j - nu)^T) (for gating).
// UpdatePda: each filter makes its PDA update (gaussian_filter.h) and the model likelihood is
// L_j = sum_i beta_i N(nu_ij; 0, S_j) / (1 - beta0): the no-detection hypothesis is taken as
// equally likely under every model (it is, up to the detection probability, which is common),
// so it does not change the mode probabilities; with beta0 = 1 they are left as predicted.
#include <vector>

#include "iadsim/tracking/gaussian_filter.h"

namespace iadsim {

inline constexpr int kMaxImmModels = 8;

class ImmFilter final : public TrackFilter {
 public:
  using ModeMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor,
                                   kMaxImmModels, kMaxImmModels>;
  using ModeVector = Eigen::Matrix<double, Eigen::Dynamic, 1, Eigen::ColMajor, kMaxImmModels, 1>;

  // 1..kMaxImmModels filters, transition r x r with rows summing to 1, initial probabilities
  // summing to 1. A violation is a bug (FilterSpec::Validate reports bad input first).
  ImmFilter(std::vector<std::unique_ptr<GaussianFilter>> filters, const ModeMatrix& transition,
            const ModeVector& initial_probabilities);
  ImmFilter(const ImmFilter& other);

  int model_count() const { return static_cast<int>(filters_.size()); }
  const GaussianFilter& filter(int j) const { return *filters_[j]; }
  const ModeVector& mode_probabilities() const { return mu_; }

  std::unique_ptr<TrackFilter> Clone() const override { return std::make_unique<ImmFilter>(*this); }
  int spatial_dims() const override { return filters_.front()->spatial_dims(); }
  void Predict(double dt_s) override;
  Innovation Innovate(const Measurement& m) const override;
  void Update(const Measurement& m) override;
  void UpdatePda(std::span<const Measurement> ms, std::span<const double> beta, double beta0) override;
  Eigen::Vector3d position() const override;
  Eigen::Vector3d velocity() const override;
  Eigen::Matrix<double, 6, 6> position_velocity_covariance() const override;

 private:
  void Mix();
  void UpdateModeProbabilities(const ModeVector& log_likelihood);
  Eigen::Matrix<double, 6, 1> MixedPositionVelocity() const;

  std::vector<std::unique_ptr<GaussianFilter>> filters_;
  ModeMatrix transition_;
  ModeVector mu_;
};

// A_j above: the state and covariance of `from` in the layout of `to` (which supplies the
// components `from` lacks). Both models must have the same dims.
void ConvertStateLayout(const MotionModel& from, const VecX& x_from, const MatX& P_from,
                        const MotionModel& to, const VecX& x_to, const MatX& P_to, VecX* x_out,
                        MatX* P_out);

}  // namespace iadsim
