#include "iadsim/tracking/imm_filter.h"

#include <Eigen/Cholesky>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

// The index in `model`'s state of the component of `other` at index k (same dims), or -1.
// Components: position a (0..d-1), velocity a (d..2d-1), acceleration a, turn rate.
int SameComponent(const MotionModel& other, int k, const MotionModel& model) {
  const int d = other.dims;
  if (k < 2 * d) return k;
  const int ia = AccelerationIndex(other), iw = TurnRateIndex(other);
  if (ia >= 0 && k >= ia) {
    const int ja = AccelerationIndex(model);
    return ja >= 0 ? ja + (k - ia) : -1;
  }
  if (iw >= 0 && k == iw) return TurnRateIndex(model);
  return -1;
}

}  // namespace

void ConvertStateLayout(const MotionModel& from, const VecX& x_from, const MatX& P_from,
                        const MotionModel& to, const VecX& x_to, const MatX& P_to, VecX* x_out,
                        MatX* P_out) {
  IADSIM_CHECK(from.dims == to.dims, "IMM: all models must have the same dims");
  const int n = StateDimension(to);
  std::array<int, kMaxState> src{};
  for (int k = 0; k < n; ++k) src[k] = SameComponent(to, k, from);
  x_out->resize(n);
  P_out->resize(n, n);
  for (int k = 0; k < n; ++k) {
    (*x_out)(k) = src[k] >= 0 ? x_from(src[k]) : x_to(k);
    for (int l = 0; l < n; ++l) {
      if (src[k] >= 0 && src[l] >= 0) {
        (*P_out)(k, l) = P_from(src[k], src[l]);
      } else if (src[k] < 0 && src[l] < 0) {
        (*P_out)(k, l) = P_to(k, l);
      } else {
        (*P_out)(k, l) = 0.0;
      }
    }
  }
}

ImmFilter::ImmFilter(std::vector<std::unique_ptr<GaussianFilter>> filters, const ModeMatrix& transition,
                     const ModeVector& initial_probabilities)
    : filters_(std::move(filters)), transition_(transition), mu_(initial_probabilities) {
  const int r = static_cast<int>(filters_.size());
  IADSIM_CHECK(r >= 1 && r <= kMaxImmModels, "IMM: 1 to 8 models");
  IADSIM_CHECK(transition_.rows() == r && transition_.cols() == r && mu_.size() == r,
               "IMM: transition matrix and probabilities must match the number of models");
  for (int i = 0; i < r; ++i) {
    IADSIM_CHECK(filters_[i] != nullptr, "IMM: null model filter");
    IADSIM_CHECK(filters_[i]->spatial_dims() == filters_[0]->spatial_dims(), "IMM: mixed dims");
    IADSIM_CHECK(std::abs(transition_.row(i).sum() - 1.0) < 1e-9 && transition_.row(i).minCoeff() >= 0.0,
                 "IMM: transition rows must be probabilities summing to 1");
  }
  IADSIM_CHECK(std::abs(mu_.sum() - 1.0) < 1e-9 && mu_.minCoeff() >= 0.0,
               "IMM: initial probabilities must sum to 1");
}

ImmFilter::ImmFilter(const ImmFilter& other) : transition_(other.transition_), mu_(other.mu_) {
  filters_.reserve(other.filters_.size());
  for (const auto& f : other.filters_) {
    std::unique_ptr<TrackFilter> c = f->Clone();
    filters_.emplace_back(static_cast<GaussianFilter*>(c.release()));
  }
}

void ImmFilter::Mix() {
  const int r = model_count();
  ModeVector c = transition_.transpose() * mu_;  // c_j = sum_i p_ij mu_i
  std::array<VecX, kMaxImmModels> x0;
  std::array<MatX, kMaxImmModels> P0;
  for (int j = 0; j < r; ++j) {
    const GaussianFilter& fj = *filters_[j];
    const int n = static_cast<int>(fj.state().size());
    std::array<VecX, kMaxImmModels> xs;
    std::array<MatX, kMaxImmModels> Ps;
    std::array<double, kMaxImmModels> w{};
    x0[j] = VecX::Zero(n);
    for (int i = 0; i < r; ++i) {
      w[i] = c(j) > 0.0 ? transition_(i, j) * mu_(i) / c(j) : (i == j ? 1.0 : 0.0);
      const GaussianFilter& fi = *filters_[i];
      ConvertStateLayout(fi.model(), fi.state(), fi.covariance(), fj.model(), fj.state(),
                         fj.covariance(), &xs[i], &Ps[i]);
      x0[j] += w[i] * xs[i];
    }
    P0[j] = MatX::Zero(n, n);
    for (int i = 0; i < r; ++i) {
      if (w[i] == 0.0) continue;
      const VecX d = xs[i] - x0[j];
      P0[j] += w[i] * (Ps[i] + d * d.transpose());
    }
  }
  for (int j = 0; j < r; ++j) filters_[j]->SetState(x0[j], 0.5 * (P0[j] + P0[j].transpose()));
  mu_ = c / c.sum();
}

void ImmFilter::Predict(double dt_s) {
  IADSIM_CHECK(dt_s >= 0.0, "Predict: negative time step");
  if (dt_s == 0.0) return;
  Mix();
  for (auto& f : filters_) f->Predict(dt_s);
}

void ImmFilter::UpdateModeProbabilities(const ModeVector& log_likelihood) {
  const int r = model_count();
  ModeVector lp(r);
  for (int j = 0; j < r; ++j) lp(j) = mu_(j) > 0.0 ? std::log(mu_(j)) + log_likelihood(j) : -INFINITY;
  const double mx = lp.maxCoeff();
  IADSIM_CHECK(std::isfinite(mx), "IMM: every model has zero likelihood");
  for (int j = 0; j < r; ++j) mu_(j) = std::exp(lp(j) - mx);
  mu_ /= mu_.sum();
}

namespace {
double LogGaussian(const Innovation& in) {
  return -0.5 * (in.d2 + in.log_det_S + static_cast<double>(in.nu.size()) * std::log(2.0 * std::numbers::pi));
}
}  // namespace

Innovation ImmFilter::Innovate(const Measurement& m) const {
  const int r = model_count();
  std::array<Innovation, kMaxImmModels> in;
  VecZ nu;
  for (int j = 0; j < r; ++j) {
    in[j] = filters_[j]->Innovate(m);
    nu = j == 0 ? VecZ(mu_(0) * in[0].nu) : VecZ(nu + mu_(j) * in[j].nu);
  }
  Innovation out;
  out.nu = nu;
  out.S = MatZ::Zero(nu.size(), nu.size());
  for (int j = 0; j < r; ++j) {
    const VecZ d = in[j].nu - nu;
    out.S += mu_(j) * (in[j].S + d * d.transpose());
  }
  const Eigen::LLT<MatZ> llt(out.S);
  IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
  out.d2 = out.nu.dot(llt.solve(out.nu));
  out.log_det_S = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  return out;
}

void ImmFilter::Update(const Measurement& m) {
  const int r = model_count();
  ModeVector ll(r);
  for (int j = 0; j < r; ++j) {
    ll(j) = LogGaussian(filters_[j]->Innovate(m));
    filters_[j]->Update(m);
  }
  UpdateModeProbabilities(ll);
}

void ImmFilter::UpdatePda(std::span<const Measurement> ms, std::span<const double> beta, double beta0) {
  CheckPdaWeights(ms, beta, beta0);
  const int r = model_count();
  ModeVector ll(r);
  for (int j = 0; j < r; ++j) {
    // log sum_i beta_i N(nu_ij; 0, S_j), by log-sum-exp.
    double mx = -INFINITY;
    std::array<double, 64> terms{};
    const std::size_t k = std::min<std::size_t>(ms.size(), terms.size());
    IADSIM_CHECK(ms.size() <= terms.size(), "IMM PDA: at most 64 measurements");
    for (std::size_t i = 0; i < k; ++i) {
      terms[i] = beta[i] > 0.0 ? std::log(beta[i]) + LogGaussian(filters_[j]->Innovate(ms[i])) : -INFINITY;
      mx = std::max(mx, terms[i]);
    }
    double s = 0.0;
    if (std::isfinite(mx))
      for (std::size_t i = 0; i < k; ++i) s += std::exp(terms[i] - mx);
    ll(j) = std::isfinite(mx) ? mx + std::log(s) : 0.0;
    filters_[j]->UpdatePda(ms, beta, beta0);
  }
  if (beta0 < 1.0) UpdateModeProbabilities(ll);
}

Eigen::Matrix<double, 6, 1> ImmFilter::MixedPositionVelocity() const {
  Eigen::Matrix<double, 6, 1> e = Eigen::Matrix<double, 6, 1>::Zero();
  for (int j = 0; j < model_count(); ++j) {
    e.head<3>() += mu_(j) * filters_[j]->position();
    e.tail<3>() += mu_(j) * filters_[j]->velocity();
  }
  return e;
}

Eigen::Vector3d ImmFilter::position() const { return MixedPositionVelocity().head<3>(); }
Eigen::Vector3d ImmFilter::velocity() const { return MixedPositionVelocity().tail<3>(); }

Eigen::Matrix<double, 6, 6> ImmFilter::position_velocity_covariance() const {
  const Eigen::Matrix<double, 6, 1> e = MixedPositionVelocity();
  Eigen::Matrix<double, 6, 6> C = Eigen::Matrix<double, 6, 6>::Zero();
  for (int j = 0; j < model_count(); ++j) {
    Eigen::Matrix<double, 6, 1> ej;
    ej << filters_[j]->position(), filters_[j]->velocity();
    const Eigen::Matrix<double, 6, 1> d = ej - e;
    C += mu_(j) * (filters_[j]->position_velocity_covariance() + d * d.transpose());
  }
  return C;
}

}  // namespace iadsim
