#pragma once
// Kalman filter predict and update steps, for a linear model or a linearised one (EKF).
//   predict:  x <- F x,            P <- F P F^T + Q
//   update:   nu = z - h(x)        (the caller forms nu, so that it can wrap angles)
//             S  = H P H^T + R,    K = P H^T S^-1
//             x <- x + K nu
//             P <- (I - K H) P (I - K H)^T + K R K^T        (Joseph form)
//             NIS = nu^T S^-1 nu   (normalised innovation squared; chi-square with dim(z) degrees
//                                   of freedom when the filter is consistent)
// The Joseph form is valid for any gain, not only the optimal one, and is less sensitive to rounding
// than P - K S K^T (Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and
// Navigation, Wiley 2001, sec. 5.2.3 and 5.4.2); it is evaluated factored, as B + (K R - B H^T) K^T
// with B = P - K (H P), the same matrix in half the products, then symmetrised. Units are those of the state and measurement.
// State dimension N is fixed at compile time; the measurement dimension M is 1 to 3, fixed or
// Eigen::Dynamic (at most 3 rows, no heap allocation).
#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/LU>

#include <cmath>
#include <type_traits>

#include "iadsim/core/error.h"

namespace iadsim {

namespace kalman_detail {
constexpr int MaxDim(int d) { return d == Eigen::Dynamic ? 3 : d; }
// Eigen wants a row vector row-major and a column vector column-major.
constexpr int Layout(int max_rows, int max_cols) {
  return (max_rows == 1 && max_cols != 1) ? Eigen::RowMajor : Eigen::ColMajor;
}
}  // namespace kalman_detail

// An R x C matrix where R or C may be Eigen::Dynamic with at most 3 (a measurement dimension).
template <int R, int C>
using KfMatrix = Eigen::Matrix<double, R, C,
                               kalman_detail::Layout(kalman_detail::MaxDim(R), kalman_detail::MaxDim(C)),
                               kalman_detail::MaxDim(R), kalman_detail::MaxDim(C)>;

template <int M>
struct InnovationStats {
  KfMatrix<M, 1> innovation;  // nu = z - h(x)
  KfMatrix<M, M> S;           // innovation covariance H P H^T + R
  double nis = 0.0;           // nu^T S^-1 nu (the squared Mahalanobis distance used for gating)
  double log_det_S = 0.0;     // ln |S|
};

template <int N, int M>
struct KalmanUpdateResult {
  KfMatrix<M, 1> innovation;
  KfMatrix<M, M> S;
  double nis = 0.0;
  double log_det_S = 0.0;
  KfMatrix<N, M> gain;  // K = P H^T S^-1
};

template <int N>
void KalmanPredict(Eigen::Matrix<double, N, 1>& x, Eigen::Matrix<double, N, N>& P,
                   const Eigen::Matrix<double, N, N>& F, const Eigen::Matrix<double, N, N>& Q) {
  x = F * x;
  Eigen::Matrix<double, N, N> Pn = F * P * F.transpose() + Q;
  P = 0.5 * (Pn + Pn.transpose());
}

namespace kalman_detail {
// A fixed-size copy of a matrix whose rows and/or columns may be Eigen::Dynamic (at most 3).
template <int R, int C, int FR, int FC>
KfMatrix<FR, FC> Fixed(const KfMatrix<R, C>& m) { return m; }

// Calls f(std::integral_constant<int, F>) with F the measurement's row count, 1 to 3.
template <class Fn>
auto ForMeasurementRows(Eigen::Index rows, Fn&& f) {
  switch (rows) {
    case 1: return f(std::integral_constant<int, 1>{});
    case 2: return f(std::integral_constant<int, 2>{});
    default: IADSIM_CHECK(rows == 3, "a measurement has 1 to 3 rows");
             return f(std::integral_constant<int, 3>{});
  }
}

// Whether H (fixed M) depends on the position only: N = 6 ([p, v]) with zero velocity columns, as
// the Jacobian of a polar or position measurement. The products with H then skip those columns
// (the same sums less their zero terms).
template <int N, int M>
bool PositionOnly(const KfMatrix<M, N>& H) {
  if constexpr (N == 6) return (H.template rightCols<3>().array() == 0.0).all();
  else return false;
}

// A H^T for an A with N columns (fixed M).
template <int N, int M, class A>
Eigen::Matrix<double, A::RowsAtCompileTime, M> TimesHt(const A& a, const KfMatrix<M, N>& H, bool position_only) {
  if constexpr (N == 6)
    if (position_only) return a.template leftCols<3>() * H.template leftCols<3>().transpose();
  return a * H.transpose();
}

// H P (fixed M).
template <int N, int M>
KfMatrix<M, N> HTimes(const KfMatrix<M, N>& H, const Eigen::Matrix<double, N, N>& P, bool position_only) {
  if constexpr (N == 6)
    if (position_only) return H.template leftCols<3>() * P.template topRows<3>();
  return H * P;
}

// ComputeInnovationStats from HP = H P (fixed M), shared with the update, which needs HP too.
template <int N, int M>
InnovationStats<M> InnovationStatsFromHP(const KfMatrix<M, N>& HP, const KfMatrix<M, 1>& innovation,
                                         const KfMatrix<M, N>& H, const KfMatrix<M, M>& R, bool position_only) {
  InnovationStats<M> out;
  out.innovation = innovation;
  const KfMatrix<M, M> S = TimesHt<N, M>(HP, H, position_only) + R;
  out.S = 0.5 * (S + S.transpose());
  const Eigen::LLT<KfMatrix<M, M>> llt(out.S);
  IADSIM_CHECK(llt.info() == Eigen::Success, "innovation covariance is not positive definite");
  out.nis = innovation.dot(llt.solve(innovation));
  out.log_det_S = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  return out;
}
}  // namespace kalman_detail

// S, NIS and ln|S| of an innovation, without changing the state (for gating). R and the
// predicted P must make S positive definite; a failure is a bug (aborts with a message).
// A dynamic measurement dimension is dispatched to the fixed-size code for its 1, 2 or 3 rows.
template <int N, int M>
InnovationStats<M> ComputeInnovationStats(const Eigen::Matrix<double, N, N>& P,
                                          const KfMatrix<M, 1>& innovation, const KfMatrix<M, N>& H,
                                          const KfMatrix<M, M>& R) {
  using namespace kalman_detail;
  if constexpr (M == Eigen::Dynamic) {
    return ForMeasurementRows(H.rows(), [&]<int F>(std::integral_constant<int, F>) {
      const InnovationStats<F> f = ComputeInnovationStats<N, F>(
          P, Fixed<M, 1, F, 1>(innovation), Fixed<M, N, F, N>(H), Fixed<M, M, F, F>(R));
      return InnovationStats<M>{f.innovation, f.S, f.nis, f.log_det_S};
    });
  } else {
    const bool position_only = kalman_detail::PositionOnly<N, M>(H);
    return kalman_detail::InnovationStatsFromHP<N, M>(kalman_detail::HTimes<N, M>(H, P, position_only), innovation,
                                                      H, R, position_only);
  }
}

// ComputeInnovationStats for a measurement of the position alone (N = 6, H's velocity columns
// zero: a polar or position measurement of a CV state), from the predicted position block
// P_pp = P.topLeftCorner<3, 3>() alone: H P is formed as [H_p P_pp, 0], whose left block is what the
// full form's position-only path uses (S = H_p P_pp H_p^T + R), by the same products, so S, the
// NIS and ln|S| equal ComputeInnovationStats's with the whole P bit for bit. For gating a predicted
// track without predicting its velocity block (PredictCvPosition, motion_model.h).
template <int M>
InnovationStats<M> PositionInnovationStats(const Eigen::Matrix3d& P_pp, const KfMatrix<M, 1>& innovation,
                                           const KfMatrix<M, 6>& H, const KfMatrix<M, M>& R) {
  using namespace kalman_detail;
  if constexpr (M == Eigen::Dynamic) {
    return ForMeasurementRows(H.rows(), [&]<int F>(std::integral_constant<int, F>) {
      const InnovationStats<F> f =
          PositionInnovationStats<F>(P_pp, Fixed<M, 1, F, 1>(innovation), Fixed<M, 6, F, 6>(H), Fixed<M, M, F, F>(R));
      return InnovationStats<M>{f.innovation, f.S, f.nis, f.log_det_S};
    });
  } else {
    IADSIM_CHECK((PositionOnly<6, M>(H)), "PositionInnovationStats: H has non-zero velocity columns");
    KfMatrix<M, 6> HP;
    HP.template leftCols<3>() = H.template leftCols<3>() * P_pp;
    HP.template rightCols<3>().setZero();
    return InnovationStatsFromHP<6, M>(HP, innovation, H, R, /*position_only=*/true);
  }
}

// The update above; x and P are replaced by the posterior.
template <int N, int M>
KalmanUpdateResult<N, M> KalmanUpdate(Eigen::Matrix<double, N, 1>& x, Eigen::Matrix<double, N, N>& P,
                                      const KfMatrix<M, 1>& innovation, const KfMatrix<M, N>& H,
                                      const KfMatrix<M, M>& R) {
  using namespace kalman_detail;
  if constexpr (M == Eigen::Dynamic) {
    return ForMeasurementRows(H.rows(), [&]<int F>(std::integral_constant<int, F>) {
      const KalmanUpdateResult<N, F> f = KalmanUpdate<N, F>(
          x, P, Fixed<M, 1, F, 1>(innovation), Fixed<M, N, F, N>(H), Fixed<M, M, F, F>(R));
      return KalmanUpdateResult<N, M>{f.innovation, f.S, f.nis, f.log_det_S, f.gain};
    });
  } else {
    const bool position_only = PositionOnly<N, M>(H);
    const KfMatrix<M, N> HP = HTimes<N, M>(H, P, position_only);
    const InnovationStats<M> st = InnovationStatsFromHP<N, M>(HP, innovation, H, R, position_only);
    KalmanUpdateResult<N, M> out{st.innovation, st.S, st.nis, st.log_det_S, {}};
    // K = P H^T S^-1 (S and P symmetric), with S^-1 in closed form (M <= 3: cofactors).
    const KfMatrix<N, M>& K = out.gain = HP.transpose() * out.S.inverse();
    x += K * innovation;
    // The Joseph form, factored: with B = (I - K H) P = P - K (H P),
    //   (I - K H) P (I - K H)^T + K R K^T = B - B H^T K^T + K R K^T = B + (K R - B H^T) K^T,
    // the same matrix for any gain, in about half the products of the three-factor form.
    const Eigen::Matrix<double, N, N> B = P - K * HP;
    const KfMatrix<N, M> C = K * R - TimesHt<N, M>(B, H, position_only);
    const Eigen::Matrix<double, N, N> Pn = B + C * K.transpose();
    P = 0.5 * (Pn + Pn.transpose());
    return out;
  }
}

// The tracker's case: the 6-state CV model with a 2- or 3-dimensional radar measurement.
extern template InnovationStats<Eigen::Dynamic> ComputeInnovationStats<6, Eigen::Dynamic>(
    const Eigen::Matrix<double, 6, 6>&, const KfMatrix<Eigen::Dynamic, 1>&,
    const KfMatrix<Eigen::Dynamic, 6>&, const KfMatrix<Eigen::Dynamic, Eigen::Dynamic>&);
extern template InnovationStats<Eigen::Dynamic> PositionInnovationStats<Eigen::Dynamic>(
    const Eigen::Matrix3d&, const KfMatrix<Eigen::Dynamic, 1>&, const KfMatrix<Eigen::Dynamic, 6>&,
    const KfMatrix<Eigen::Dynamic, Eigen::Dynamic>&);
extern template KalmanUpdateResult<6, Eigen::Dynamic> KalmanUpdate<6, Eigen::Dynamic>(
    Eigen::Matrix<double, 6, 1>&, Eigen::Matrix<double, 6, 6>&, const KfMatrix<Eigen::Dynamic, 1>&,
    const KfMatrix<Eigen::Dynamic, 6>&, const KfMatrix<Eigen::Dynamic, Eigen::Dynamic>&);

}  // namespace iadsim
