#pragma once
// The Kalman filter (linear models) and the extended Kalman filter (any model of motion_models.h,
// any measurement of measurement_models.h), as TrackFilters.
//   predict:  x <- f(x, T),  P <- F P F^T + Q(T)          (F = df/dx; = the transition if linear)
//   update:   nu = z - h(x) (angles wrapped),  S = H P H^T + R,  K = P H^T S^-1
//             x <- x + K nu,  P <- (I - K H) P (I - K H)^T + K R K^T   (Joseph form)
// Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and Navigation, Wiley
// 2001, sec. 5.2 (KF) and 10.3 (EKF).
// Variant kLinear (KF): the motion model must be linear (CV, CA, CT with known turn rate); a
// Cartesian measurement is used as is, a polar one through the unbiased converted measurement
// (measurement_models.h, Mo et al. 1998) with its covariance evaluated at the predicted position
// (Duan, Han & Li 2004), so the filter stays linear and consistent. A bearing-only measurement
// cannot be converted: giving one to the KF is a bug (use the EKF or UKF).
// Variant kExtended (EKF): f and h are linearised at the current estimate.
// No heap allocation in Predict, Innovate, Update (fixed-maximum-size matrices). Fast paths: CV
// predicts without forming F (p += T v on the rows and columns of P); a Cartesian measurement
// (H a selection of position components) uses S = P[0:k, 0:k] + R, K = P[:, 0:k] S^-1 and the
// optimal-gain form P <- P - K P[0:k, :] (equal to the Joseph form for the optimal gain); for CV
// and CT with a Cartesian measurement these run on fixed-size 4x4 / 6x6 maps of the state.
#include <Eigen/Cholesky>

#include <cmath>

#include "iadsim/core/error.h"
#include "iadsim/tracking/gaussian_filter.h"

namespace iadsim {

// The fixed-size kernels of the CV fast paths, on a state of N = 2 dims components stored
// contiguously (x[N], P[N * N] column-major, as the fixed-maximum matrices store an N x N matrix),
// shared by KalmanFilter and the tracker's CV engine (multi_target_tracker.cc) so that both do
// the same arithmetic, bit for bit.
namespace kalman_kernels {

// CV predict by T >= 0 with acceleration PSD q: p += T v on the rows and columns of P, plus Q(T).
template <int N>
void PredictCv(double T, double q, double* xv, double* Pv) {
  constexpr int d = N / 2;
  Eigen::Map<Eigen::Matrix<double, N, 1>> x(xv);
  Eigen::Map<Eigen::Matrix<double, N, N>> P(Pv);
  x.template head<d>() += T * x.template tail<d>();
  P.template topRows<d>() += T * P.template bottomRows<d>();
  P.template leftCols<d>() += T * P.template rightCols<d>();
  const double qpp = q * T * T * T / 3.0, qpv = q * T * T / 2.0, qvv = q * T;
  for (int a = 0; a < d; ++a) {
    P(a, a) += qpp;
    P(a, d + a) += qpv;
    P(d + a, a) += qpv;
    P(d + a, d + a) += qvv;
  }
}

// Update by a Cartesian measurement of the first K position components (H a selection):
// S = P[0:K, 0:K] + R, K = P[:, 0:K] S^-1, P <- P - K P[0:K, :] (symmetrised). z: K values,
// r: R, K x K column-major. K = 2 runs the operations of Eigen's fixed-size LLT and its
// matrix solve (reciprocal of the diagonal, forward then back substitution) written out, in the
// same order, so that the result is the same bit for bit without Eigen's blocked solver
// (kalman_filter_test compares both on random inputs); K = 3 uses Eigen.
template <int N, int K>
void UpdateCartesian(const double* z, const double* r, double* xv, double* Pv) {
  if constexpr (K == 2) {
    const double s00 = Pv[0] + r[0], s10 = Pv[1] + r[1], s11 = Pv[N + 1] + r[3];
    IADSIM_CHECK(!(s00 <= 0.0), "innovation covariance is not positive definite");
    const double l00 = std::sqrt(s00), l10 = s10 / l00;
    double x11 = s11;
    x11 -= l10 * l10;
    IADSIM_CHECK(!(x11 <= 0.0), "innovation covariance is not positive definite");
    const double l11 = std::sqrt(x11);
    // B = S^-1 P[0:2, :] (= K^T), column by column: L y = b (times the reciprocals), L^T k = y.
    const double a0 = 1.0 / l00, a1 = 1.0 / l11;
    double k0[N], k1[N];
    for (int j = 0; j < N; ++j) {
      double b0 = Pv[j], b1 = Pv[N + j];  // P(j, 0), P(j, 1): row j of P[:, 0:2] = column j of B
      b0 *= a0;
      b1 -= b0 * l10;
      b1 *= a1;
      b1 = (b1 - 0.0) * a1;
      double b = 0.0;
      b += l10 * b1;
      b0 = (b0 - b) * a0;
      k0[j] = b0;
      k1[j] = b1;
    }
    const double nu0 = z[0] - xv[0], nu1 = z[1] - xv[1];
    for (int i = 0; i < N; ++i) xv[i] += k0[i] * nu0 + k1[i] * nu1;
    double Pn[N * N];
    for (int j = 0; j < N; ++j)
      for (int i = 0; i < N; ++i) Pn[j * N + i] = Pv[j * N + i] - (k0[i] * Pv[j] + k1[i] * Pv[N + j]);
    // P = (Pn + Pn^T) / 2, each pair once (the sum is the same both ways round).
    for (int j = 0; j < N; ++j) {
      Pv[j * N + j] = 0.5 * (Pn[j * N + j] + Pn[j * N + j]);
      for (int i = j + 1; i < N; ++i) Pv[j * N + i] = Pv[i * N + j] = 0.5 * (Pn[j * N + i] + Pn[i * N + j]);
    }
  } else {
    Eigen::Map<Eigen::Matrix<double, N, 1>> x(xv);
    Eigen::Map<Eigen::Matrix<double, N, N>> P(Pv);
    const Eigen::Map<const Eigen::Matrix<double, K, K>> R(r);
    const Eigen::Map<const Eigen::Matrix<double, K, 1>> zk(z);
    const Eigen::Matrix<double, N, K> PHt = P.template leftCols<K>();
    const Eigen::Matrix<double, K, K> S = P.template topLeftCorner<K, K>() + R;
    const Eigen::LLT<Eigen::Matrix<double, K, K>> llt(S);
    IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
    const Eigen::Matrix<double, N, K> K_gain = llt.solve(PHt.transpose()).transpose();
    const Eigen::Matrix<double, K, 1> nu = zk - x.template head<K>();
    x += K_gain * nu;
    const Eigen::Matrix<double, N, N> Pn = P - K_gain * PHt.transpose();
    P = 0.5 * (Pn + Pn.transpose());
  }
}

template <int N, int K>
void UpdateCartesian(const Measurement& m, double* xv, double* Pv) {
  const Eigen::Matrix<double, K, K> R = m.R.template topLeftCorner<K, K>();
  const Eigen::Matrix<double, K, 1> z = m.z.template head<K>();
  UpdateCartesian<N, K>(z.data(), R.data(), xv, Pv);
}

// d^2 = nu^T S^-1 nu of a Cartesian measurement of K = dim z position components, from
// nu = z - x[0:K] and S = P[0:K, 0:K] + R given by its lower triangle (s[i * K + j], j <= i);
// the diagonal of S's Cholesky factor goes to l_diag (ln|S| = CholeskyLogDet). The operations of
// InnovateCartesian (Eigen's unblocked LLT, then the forward and back substitutions of its vector
// solve, then the dot product) in the same order, so d^2 and ln|S| are equal bit for bit
// (kalman_filter_test), without building an Innovation, and ln|S| only when asked for.
template <int K>
double CartesianD2(const double* nu, const double* s, double* l_diag) {
  double L[K][K];
  for (int k = 0; k < K; ++k) {
    double x = s[k * K + k];
    if (k > 0) {
      double sn = L[k][0] * L[k][0];
      for (int j = 1; j < k; ++j) sn += L[k][j] * L[k][j];
      x -= sn;
    }
    IADSIM_CHECK(!(x <= 0.0), "innovation covariance is not positive definite");
    L[k][k] = x = std::sqrt(x);
    for (int i = k + 1; i < K; ++i) {
      double v = s[i * K + k];
      if (k > 0) {
        double p = L[i][0] * L[k][0];
        for (int j = 1; j < k; ++j) p += L[i][j] * L[k][j];
        v -= p;
      }
      L[i][k] = v / x;
    }
  }
  double y[K];
  for (int i = 0; i < K; ++i) y[i] = nu[i];
  for (int i = 0; i < K; ++i) {  // L y = nu
    if (y[i] != 0.0) {
      y[i] /= L[i][i];
      for (int r = i + 1; r < K; ++r) y[r] -= y[i] * L[r][i];
    }
  }
  for (int i = K - 1; i >= 0; --i) {  // L^T y = y
    if (i < K - 1) {
      double sum = L[i + 1][i] * y[i + 1];
      for (int j = i + 2; j < K; ++j) sum += L[j][i] * y[j];
      y[i] -= sum;
    }
    if (y[i] != 0.0) y[i] /= L[i][i];
  }
  double d2 = nu[0] * y[0];
  for (int i = 1; i < K; ++i) d2 += nu[i] * y[i];
  for (int i = 0; i < K; ++i) l_diag[i] = L[i][i];
  return d2;
}

// ln|S| = 2 sum ln L_ii from the diagonal of the Cholesky factor (as InnovateCartesian).
template <int K>
double CholeskyLogDet(const double* l_diag) {
  double sum = std::log(l_diag[0]);
  for (int i = 1; i < K; ++i) sum += std::log(l_diag[i]);
  return 2.0 * sum;
}

// The innovation of a Cartesian measurement of the first k = dim z position components for a
// state of n components (x[n], P[n * n] as above): nu = z - x[0:k], S = P[0:k, 0:k] + R,
// d2 = nu^T S^-1 nu and ln|S| through the Cholesky factor of S.
Innovation InnovateCartesian(const Measurement& m, const double* x, const double* P, int n);

}  // namespace kalman_kernels

enum class KalmanVariant { kLinear, kExtended };

class KalmanFilter final : public GaussianFilter {
 public:
  KalmanFilter(KalmanVariant variant, const MotionModel& model, const VecX& x0, const MatX& P0);

  KalmanVariant variant() const { return variant_; }
  std::unique_ptr<TrackFilter> Clone() const override { return std::make_unique<KalmanFilter>(*this); }
  void Predict(double dt_s) override;
  Innovation Innovate(const Measurement& m) const override;
  void Update(const Measurement& m) override;

 private:
  KalmanVariant variant_;
};

}  // namespace iadsim
