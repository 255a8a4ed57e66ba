#include "iadsim/tracking/covariance_intersection.h"

#include <Eigen/Cholesky>

#include <limits>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

// The inverse of a symmetric positive-definite matrix (checked).
Eigen::MatrixXd InverseSpd(const Eigen::MatrixXd& A, const char* what) {
  const Eigen::LLT<Eigen::MatrixXd> llt(A);
  IADSIM_CHECK(llt.info() == Eigen::Success, what);
  Eigen::MatrixXd inv = llt.solve(Eigen::MatrixXd::Identity(A.rows(), A.cols()));
  return 0.5 * (inv + inv.transpose());
}

void CheckInputs(const Eigen::VectorXd& xa, const Eigen::MatrixXd& Pa, const Eigen::VectorXd& xb,
                 const Eigen::MatrixXd& Pb) {
  const Eigen::Index n = xa.size();
  IADSIM_CHECK(n >= 1, "covariance intersection: empty state");
  IADSIM_CHECK(xb.size() == n && Pa.rows() == n && Pa.cols() == n && Pb.rows() == n && Pb.cols() == n,
               "covariance intersection: the two estimates differ in size");
  IADSIM_CHECK(xa.allFinite() && xb.allFinite() && Pa.allFinite() && Pb.allFinite(),
               "covariance intersection: non-finite input");
}

// Two estimates in information form: Ia (positive definite), ia = Ia xa; Ib (positive
// semi-definite: a partial observation), ib = Ib xb.
struct Information {
  Eigen::MatrixXd Ia, Ib;
  Eigen::VectorXd ia, ib;
};

FusedEstimate Combine(const Information& in, double w) {
  FusedEstimate out;
  out.omega = w;
  out.P = InverseSpd(w * in.Ia + (1.0 - w) * in.Ib, "covariance intersection: fused information not positive definite");
  out.x = out.P * (w * in.ia + (1.0 - w) * in.ib);
  return out;
}

// The weight minimising the criterion. Its derivative at w, with M = w Ia + (1 - w) Ib and
// D = dM/dw = Ia - Ib:  trace: d tr(M^-1)/dw = -tr(M^-1 D M^-1);  det: d ln det(M^-1)/dw = -tr(M^-1 D).
// It increases with w (convex criterion): the minimiser is an end point or where it changes
// sign, found by bisection (exact to ~1e-15 in w; a search on the criterion's value would stop at
// ~1e-8, where the flat minimum drowns in rounding). A singular M (w = 0 with a partial
// observation) has an infinite criterion: slope -infinity.
double OptimalWeight(const Information& in, CiCriterion criterion) {
  const Eigen::MatrixXd D = in.Ia - in.Ib;
  const auto slope = [&](double w) {
    const Eigen::LLT<Eigen::MatrixXd> llt(w * in.Ia + (1.0 - w) * in.Ib);
    if (llt.info() != Eigen::Success || llt.rcond() < 1e-14) {
      IADSIM_CHECK(w == 0.0, "covariance intersection: fused information not positive definite");
      return -std::numeric_limits<double>::infinity();
    }
    const Eigen::MatrixXd MinvD = llt.solve(D);
    if (criterion == CiCriterion::kDeterminant) return -MinvD.trace();
    return -llt.solve(MinvD.transpose()).trace();  // tr(M^-1 D M^-1) = tr(M^-1 (M^-1 D)^T)
  };
  if (slope(0.0) >= 0.0) return 0.0;
  if (slope(1.0) <= 0.0) return 1.0;
  double lo = 0.0, hi = 1.0;
  for (int i = 0; i < 60 && hi - lo > 1e-15; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (slope(mid) < 0.0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

Information ToInformation(const Eigen::VectorXd& xa, const Eigen::MatrixXd& Pa, const Eigen::VectorXd& xb,
                          const Eigen::MatrixXd& Pb) {
  CheckInputs(xa, Pa, xb, Pb);
  Information in;
  in.Ia = InverseSpd(Pa, "covariance intersection: Pa is not positive definite");
  in.Ib = InverseSpd(Pb, "covariance intersection: Pb is not positive definite");
  in.ia = in.Ia * xa;
  in.ib = in.Ib * xb;
  return in;
}

}  // namespace

FusedEstimate CovarianceIntersectionAt(const Eigen::VectorXd& xa, const Eigen::MatrixXd& Pa, const Eigen::VectorXd& xb,
                                       const Eigen::MatrixXd& Pb, double omega) {
  IADSIM_CHECK(omega >= 0.0 && omega <= 1.0, "covariance intersection: omega must be in [0, 1]");
  return Combine(ToInformation(xa, Pa, xb, Pb), omega);
}

FusedEstimate CovarianceIntersection(const Eigen::VectorXd& xa, const Eigen::MatrixXd& Pa, const Eigen::VectorXd& xb,
                                     const Eigen::MatrixXd& Pb, CiCriterion criterion) {
  const Information in = ToInformation(xa, Pa, xb, Pb);
  return Combine(in, OptimalWeight(in, criterion));
}

FusedEstimate CovarianceIntersectionUpdate(const Eigen::VectorXd& x, const Eigen::MatrixXd& P, const Eigen::VectorXd& z,
                                           const Eigen::MatrixXd& R, const Eigen::MatrixXd& H, CiCriterion criterion) {
  const Eigen::Index n = x.size(), m = z.size();
  IADSIM_CHECK(n >= 1 && m >= 1, "covariance intersection update: empty state or observation");
  IADSIM_CHECK(P.rows() == n && P.cols() == n && R.rows() == m && R.cols() == m && H.rows() == m && H.cols() == n,
               "covariance intersection update: sizes of P, z, R, H do not agree");
  IADSIM_CHECK(x.allFinite() && P.allFinite() && z.allFinite() && R.allFinite() && H.allFinite(),
               "covariance intersection update: non-finite input");
  Information in;
  in.Ia = InverseSpd(P, "covariance intersection update: P is not positive definite");
  in.ia = in.Ia * x;
  const Eigen::MatrixXd Rinv = InverseSpd(R, "covariance intersection update: R is not positive definite");
  in.Ib = H.transpose() * Rinv * H;
  in.ib = H.transpose() * (Rinv * z);
  return Combine(in, OptimalWeight(in, criterion));
}

FusedEstimate IndependentFusion(const Eigen::VectorXd& xa, const Eigen::MatrixXd& Pa, const Eigen::VectorXd& xb,
                                const Eigen::MatrixXd& Pb) {
  const Information in = ToInformation(xa, Pa, xb, Pb);
  FusedEstimate out;
  out.omega = std::numeric_limits<double>::quiet_NaN();
  out.P = InverseSpd(in.Ia + in.Ib, "independent fusion: fused information not positive definite");
  out.x = out.P * (in.ia + in.ib);
  return out;
}

TrackEstimate FuseTrackEstimates(const TrackEstimate& a, const TrackEstimate& b, int dims, CiCriterion criterion) {
  IADSIM_CHECK(dims == 2 || dims == 3, "FuseTrackEstimates: dims must be 2 or 3");
  IADSIM_CHECK(a.time_s == b.time_s, "FuseTrackEstimates: the two tracks must be at the same time");
  const int n = 2 * dims;
  // State index k -> index in the 6-vector [x, y, z, vx, vy, vz].
  const auto at = [dims](int k) { return k < dims ? k : 3 + (k - dims); };
  Eigen::VectorXd xa(n), xb(n);
  Eigen::MatrixXd Pa(n, n), Pb(n, n);
  for (int i = 0; i < n; ++i) {
    const int r = at(i);
    xa(i) = r < 3 ? a.position_m(r) : a.velocity_mps(r - 3);
    xb(i) = r < 3 ? b.position_m(r) : b.velocity_mps(r - 3);
    for (int j = 0; j < n; ++j) {
      Pa(i, j) = a.covariance(r, at(j));
      Pb(i, j) = b.covariance(r, at(j));
    }
  }
  const FusedEstimate f = CovarianceIntersection(xa, Pa, xb, Pb, criterion);
  TrackEstimate out = a;
  out.position_m.setZero();
  out.velocity_mps.setZero();
  out.covariance.setZero();
  for (int i = 0; i < n; ++i) {
    const int r = at(i);
    if (r < 3) out.position_m(r) = f.x(i);
    else out.velocity_mps(r - 3) = f.x(i);
    for (int j = 0; j < n; ++j) out.covariance(r, at(j)) = f.P(i, j);
  }
  return out;
}

}  // namespace iadsim
