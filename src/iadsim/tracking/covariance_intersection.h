#pragma once
// Track-to-track fusion by covariance intersection (CI): two estimates (xa, Pa), (xb, Pb) of the
// same state whose errors are correlated by an UNKNOWN cross-covariance (tracks shared between
// units over a network: both may have used the same detections, or each other's earlier tracks)
// are fused as
//   P^-1 = w Pa^-1 + (1 - w) Pb^-1,      x = P (w Pa^-1 xa + (1 - w) Pb^-1 xb),     w in [0, 1].
// For every w in [0, 1] and every cross-covariance Pab that is possible (the joint covariance
// [Pa Pab; Pab^T Pb] positive semi-definite), P bounds the actual error covariance:
// P - E[(x - x_true)(x - x_true)^T] is positive semi-definite (if Pa and Pb bound the errors of
// xa and xb). w is chosen to minimise trace(P) (default) or det(P). Both are convex functions of
// w on [0, 1] (trace of the inverse and -ln det of an affine positive-definite matrix function),
// so w is 0 or 1 where the derivative does not change sign on [0, 1], else its root, found by
// bisection of d tr(P)/dw = -tr(P (Pa^-1 - Pb^-1) P) or d ln det P/dw = -tr(P (Pa^-1 - Pb^-1)).
// A scalar CI picks the smaller variance (w in {0, 1}); CI never gives a covariance larger than
// the better of the two inputs in the chosen measure.
// Naive fusion (the inputs taken as independent) P^-1 = Pa^-1 + Pb^-1 is given for comparison: it
// is optimal when the errors are independent and overconfident when they are correlated.
// Units: any, as long as x and P agree (metres and m/s in the tracker; P in their squares).
// Valid for Pa, Pb symmetric positive definite of the same size n >= 1 (checked: a violation is a
// bug of the caller). Cost: up to about 60 n x n Cholesky solves (n <= 9: microseconds).
// Source: S. J. Julier & J. K. Uhlmann, "A non-divergent estimation algorithm in the presence of
// unknown correlations", Proc. American Control Conference 1997, pp. 2369-2373; W. Niehsen,
// "Information fusion based on fast covariance intersection filtering", Proc. FUSION 2002.
#include <Eigen/Core>

#include "iadsim/tracking/multi_target_tracker.h"

namespace iadsim {

enum class CiCriterion { kTrace, kDeterminant };

struct FusedEstimate {
  Eigen::VectorXd x;
  Eigen::MatrixXd P;
  double omega = 0.0;  // the weight of estimate a, [0, 1] (naive fusion: NaN)
};

// CI with the weight chosen by the criterion.
FusedEstimate CovarianceIntersection(const Eigen::VectorXd& xa, const Eigen::MatrixXd& Pa, const Eigen::VectorXd& xb,
                                     const Eigen::MatrixXd& Pb, CiCriterion criterion = CiCriterion::kTrace);
// CI at a given weight omega in [0, 1].
FusedEstimate CovarianceIntersectionAt(const Eigen::VectorXd& xa, const Eigen::MatrixXd& Pa, const Eigen::VectorXd& xb,
                                       const Eigen::MatrixXd& Pb, double omega);
// CI of a state estimate (x, P) with a partial observation z = H x_true + e, cov(e) = R, whose
// error may be correlated with the state's (e.g. a position-only network report against a local
// position-velocity track): the second estimate is the pseudo-estimate of information H^T R^-1 H,
//   P+^-1 = w P^-1 + (1 - w) H^T R^-1 H,    x+ = P+ (w P^-1 x + (1 - w) H^T R^-1 z),   w in (0, 1]
// (w = 0 only when H^T R^-1 H is invertible). The same criteria, bounds and bisection as above
// (Julier & Uhlmann, "General decentralized data fusion with covariance intersection", in
// Handbook of Multisensor Data Fusion, CRC 2001, ch. 12). P, R positive definite (checked).
FusedEstimate CovarianceIntersectionUpdate(const Eigen::VectorXd& x, const Eigen::MatrixXd& P, const Eigen::VectorXd& z,
                                           const Eigen::MatrixXd& R, const Eigen::MatrixXd& H,
                                           CiCriterion criterion = CiCriterion::kTrace);
// Naive fusion, as if the errors of a and b were independent (Bar-Shalom & Campo 1986 without
// the cross-covariance): P = (Pa^-1 + Pb^-1)^-1, x = P (Pa^-1 xa + Pb^-1 xb).
FusedEstimate IndependentFusion(const Eigen::VectorXd& xa, const Eigen::MatrixXd& Pa, const Eigen::VectorXd& xb,
                                const Eigen::MatrixXd& Pb);

// Two tracks of the same target at the same time (a.time_s == b.time_s, checked: predict one of
// them first), fused by CI over [p, v] in `dims` (2: x, y, vx, vy; 3: all six) dimensions. The
// result keeps a's id and score and quality (the local track), with the fused position,
// velocity and covariance (z, vz rows and columns zero in 2-D).
TrackEstimate FuseTrackEstimates(const TrackEstimate& a, const TrackEstimate& b, int dims,
                                 CiCriterion criterion = CiCriterion::kTrace);

}  // namespace iadsim
