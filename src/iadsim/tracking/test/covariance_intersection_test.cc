#include "iadsim/tracking/covariance_intersection.h"

#include <gtest/gtest.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <cmath>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/consistency.h"

namespace iadsim {
namespace {

Eigen::VectorXd V2(double a, double b) { return Eigen::Vector2d(a, b); }
Eigen::MatrixXd M2(double a, double b, double c, double d) {
  Eigen::Matrix2d m;
  m << a, b, c, d;
  return m;
}

// Scalars: P(w) = 1 / (w / a + (1 - w) / b) is smallest at w = 1 when a < b (and w = 0 when
// b < a), so CI returns the better estimate unchanged, by either criterion.
TEST(CovarianceIntersection, ScalarPicksTheSmallerVariance) {
  Eigen::VectorXd xa(1), xb(1);
  Eigen::MatrixXd Pa(1, 1), Pb(1, 1);
  xa << 3.0;
  xb << -7.0;
  Pa << 4.0;
  Pb << 9.0;
  for (const CiCriterion c : {CiCriterion::kTrace, CiCriterion::kDeterminant}) {
    const FusedEstimate ab = CovarianceIntersection(xa, Pa, xb, Pb, c);
    EXPECT_EQ(ab.omega, 1.0);
    EXPECT_NEAR(ab.P(0, 0), 4.0, 1e-12);
    EXPECT_NEAR(ab.x(0), 3.0, 1e-12);
    const FusedEstimate ba = CovarianceIntersection(xb, Pb, xa, Pa, c);
    EXPECT_EQ(ba.omega, 0.0);
    EXPECT_NEAR(ba.P(0, 0), 4.0, 1e-12);
    EXPECT_NEAR(ba.x(0), 3.0, 1e-12);
  }
  // A fixed weight by hand: w = 1/2: P = 1 / (1/8 + 1/18) = 72/13, x = P (3/8 - 7/18) = -1/13.
  const FusedEstimate h = CovarianceIntersectionAt(xa, Pa, xb, Pb, 0.5);
  EXPECT_NEAR(h.P(0, 0), 72.0 / 13.0, 1e-12);
  EXPECT_NEAR(h.x(0), -1.0 / 13.0, 1e-12);
}

// Pa = diag(1, 4), Pb = diag(2, 1), xa = 0, xb = (4, 8). M(w) = P(w)^-1 = diag((1 + w)/2, (4 - 3w)/4).
//  trace: tr P = 2/(1 + w) + 4/(4 - 3w); d/dw = 0 at sqrt(6) (1 + w) = 4 - 3w,
//         w = (4 - sqrt 6)/(3 + sqrt 6) = 0.28452393; tr P = 2.82827985;
//         x = ((1 - w) 2 / M11, (1 - w) 8 / M22) = (2.22798828, 7.27657924).
//  det:   det M = (1 + w)(4 - 3w)/8 is largest at w = 1/6; det P = 96/49; x = (20/7, 160/21).
TEST(CovarianceIntersection, TwoDimensionalAgainstHandComputation) {
  const Eigen::VectorXd xa = V2(0, 0), xb = V2(4, 8);
  const Eigen::MatrixXd Pa = M2(1, 0, 0, 4), Pb = M2(2, 0, 0, 1);
  const FusedEstimate t = CovarianceIntersection(xa, Pa, xb, Pb, CiCriterion::kTrace);
  EXPECT_NEAR(t.omega, (4 - std::sqrt(6.0)) / (3 + std::sqrt(6.0)), 1e-8);
  EXPECT_NEAR(t.P.trace(), 2.828279853018959, 1e-12);
  EXPECT_NEAR(t.x(0), 2.227988277466489, 1e-8);
  EXPECT_NEAR(t.x(1), 7.27657924359377, 1e-8);
  EXPECT_NEAR(t.P(0, 1), 0.0, 1e-15);
  const FusedEstimate d = CovarianceIntersection(xa, Pa, xb, Pb, CiCriterion::kDeterminant);
  EXPECT_NEAR(d.omega, 1.0 / 6.0, 1e-8);
  EXPECT_NEAR(d.P.determinant(), 96.0 / 49.0, 1e-12);
  EXPECT_NEAR(d.x(0), 20.0 / 7.0, 1e-8);
  EXPECT_NEAR(d.x(1), 160.0 / 21.0, 1e-8);
  // Both criteria are invariant under a rotation of the frame: the same w, the rotated x and P.
  const double c = std::cos(0.7), s = std::sin(0.7);
  const Eigen::MatrixXd R = M2(c, -s, s, c);
  for (const CiCriterion crit : {CiCriterion::kTrace, CiCriterion::kDeterminant}) {
    const FusedEstimate u = CovarianceIntersection(xa, Pa, xb, Pb, crit);
    const FusedEstimate r =
        CovarianceIntersection(R * xa, R * Pa * R.transpose(), R * xb, R * Pb * R.transpose(), crit);
    EXPECT_NEAR(r.omega, u.omega, 1e-8);
    EXPECT_LT((r.x - R * u.x).norm(), 1e-7);
    EXPECT_LT((r.P - R * u.P * R.transpose()).norm(), 1e-9);
  }
  // Symmetric case: Pa = diag(1, 4), Pb = diag(4, 1): w = 1/2, P = 1.6 I, x = 1.6 (0.5, 4) = (0.8, 6.4).
  const FusedEstimate sym = CovarianceIntersection(xa, Pa, xb, M2(4, 0, 0, 1));
  EXPECT_NEAR(sym.omega, 0.5, 1e-8);
  EXPECT_NEAR(sym.P(0, 0), 1.6, 1e-9);
  EXPECT_NEAR(sym.P(1, 1), 1.6, 1e-9);
  EXPECT_NEAR(sym.x(0), 0.8, 1e-8);
  EXPECT_NEAR(sym.x(1), 6.4, 1e-8);
}

// The largest eigenvalue of B^-1/2 A B^-1/2 (A <= B in the PSD order iff it is <= 1).
double MaxGeneralisedEigenvalue(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B) {
  const Eigen::GeneralizedSelfAdjointEigenSolver<Eigen::MatrixXd> es(A, B);
  return es.eigenvalues().maxCoeff();
}

// Errors of a and b correlated by Pab = rho La Lb^T (La, Lb Cholesky factors of Pa, Pb; the joint
// covariance is PSD for |rho| <= 1), unknown to the fusion. For each rho:
//  - exact error covariance of the fused estimate x = Ka xa + Kb xb (Ka = w P Pa^-1,
//    Kb = (1 - w) P Pb^-1): C = Ka Pa Ka^T + Kb Pb Kb^T + Ka Pab Kb^T + Kb Pab^T Ka^T;
//  - CI: C <= P_CI (generalised eigenvalues <= 1), and the Monte Carlo error covariance of 10 000
//    seeded draws also (within 4 sqrt(2/N) = 0.057), and the average NEES below its 95 % upper bound;
//  - independent fusion: at rho = 0 its average NEES is inside the 95 % chi2(2) interval (it is
//    the optimal fusion then); at rho = 0.9 it is above the upper bound (overconfident).
// Measured: w = 0.5546; CI NEES 1.00 / 1.45 / 1.77, naive 1.98 / 2.88 / 3.54 for rho = 0 / 0.5 /
// 0.9 against [1.96, 2.04]; largest eigenvalue of P_CI^-1 C (exact): 0.53 / 0.75 / 0.94.
TEST(CovarianceIntersection, BoundsTheErrorForUnknownCorrelation) {
  const Eigen::MatrixXd Pa = M2(4, 1, 1, 2), Pb = M2(2, -0.5, -0.5, 5);
  const Eigen::MatrixXd La = Eigen::LLT<Eigen::MatrixXd>(Pa).matrixL(), Lb = Eigen::LLT<Eigen::MatrixXd>(Pb).matrixL();
  const Eigen::VectorXd truth = V2(100.0, -50.0);
  const int kDraws = 10000;
  const ChiSquareInterval bounds = AverageChiSquareInterval(2, kDraws);
  for (const double rho : {0.0, 0.5, 0.9}) {
    SCOPED_TRACE(rho);
    const Eigen::MatrixXd Pab = rho * La * Lb.transpose();
    // The weight and covariance do not depend on the values of xa, xb.
    const FusedEstimate ci0 = CovarianceIntersection(truth, Pa, truth, Pb);
    const FusedEstimate nv0 = IndependentFusion(truth, Pa, truth, Pb);
    const auto exact_cov = [&](const FusedEstimate& f, double w) {
      const Eigen::MatrixXd Ka = w * f.P * Pa.inverse(), Kb = (1 - w) * f.P * Pb.inverse();
      return Eigen::MatrixXd(Ka * Pa * Ka.transpose() + Kb * Pb * Kb.transpose() + Ka * Pab * Kb.transpose() +
                             Kb * Pab.transpose() * Ka.transpose());
    };
    const Eigen::MatrixXd C_ci = exact_cov(ci0, ci0.omega);
    EXPECT_LE(MaxGeneralisedEigenvalue(C_ci, ci0.P), 1.0 + 1e-12);
    // Independent fusion as CI's formula with both weights 1: Ka = P Pa^-1, Kb = P Pb^-1.
    const Eigen::MatrixXd Ka = nv0.P * Pa.inverse(), Kb = nv0.P * Pb.inverse();
    const Eigen::MatrixXd C_nv = Ka * Pa * Ka.transpose() + Kb * Pb * Kb.transpose() + Ka * Pab * Kb.transpose() +
                                 Kb * Pab.transpose() * Ka.transpose();
    if (rho == 0.0) EXPECT_NEAR(MaxGeneralisedEigenvalue(C_nv, nv0.P), 1.0, 1e-12);
    else EXPECT_GT(MaxGeneralisedEigenvalue(C_nv, nv0.P), 1.05);

    RandomStream rng(20261126, static_cast<std::uint64_t>(rho * 10), "covariance_intersection", "errors");
    Eigen::MatrixXd C_mc = Eigen::MatrixXd::Zero(2, 2);
    std::vector<double> nees_ci, nees_nv;
    for (int k = 0; k < kDraws; ++k) {
      const Eigen::Vector2d n1(rng.StandardNormal(), rng.StandardNormal());
      const Eigen::Vector2d n2(rng.StandardNormal(), rng.StandardNormal());
      const Eigen::VectorXd xa = truth + La * n1;
      const Eigen::VectorXd xb = truth + Lb * (rho * n1 + std::sqrt(1 - rho * rho) * n2);
      // The weight does not depend on xa, xb: the optimiser once per rho, checked on the first draws.
      const FusedEstimate ci = CovarianceIntersectionAt(xa, Pa, xb, Pb, ci0.omega);
      if (k < 10) {
        EXPECT_LT((CovarianceIntersection(xa, Pa, xb, Pb).x - ci.x).norm(), 1e-9);
      }
      const FusedEstimate nv = IndependentFusion(xa, Pa, xb, Pb);
      const Eigen::VectorXd e = ci.x - truth;
      C_mc += e * e.transpose();
      nees_ci.push_back(NormalisedErrorSquared(e, ci.P));
      nees_nv.push_back(NormalisedErrorSquared(nv.x - truth, nv.P));
    }
    C_mc /= kDraws;
    EXPECT_LT((C_mc - C_ci).norm() / C_ci.norm(), 4 * std::sqrt(2.0 / kDraws));  // MC agrees with the closed form
    EXPECT_LE(MaxGeneralisedEigenvalue(C_mc, ci0.P), 1.0 + 4 * std::sqrt(2.0 / kDraws));
    const ConsistencyCheck ci_nees = CheckAverageConsistency(nees_ci, 2);
    const ConsistencyCheck nv_nees = CheckAverageConsistency(nees_nv, 2);
    EXPECT_LE(ci_nees.average, bounds.upper);
    if (rho == 0.0) {
      EXPECT_TRUE(nv_nees.consistent) << nv_nees.average;
    } else if (rho == 0.9) {
      EXPECT_GT(nv_nees.average, bounds.upper);
    }
    std::printf("rho %.1f: w %.4f  CI NEES %.3f  naive NEES %.3f  bounds [%.3f, %.3f]  max eig C/P_CI %.3f\n", rho,
                ci0.omega, ci_nees.average, nv_nees.average, bounds.lower, bounds.upper,
                MaxGeneralisedEigenvalue(C_ci, ci0.P));
  }
}

// A partial observation: x = 0, P = diag(4, 1), z = 3 of the first component (H = [1 0], R = 1).
// M(w) = diag(w/4 + 1 - w, w) = diag(1 - 3w/4, w).
//  trace: tr P = 1/(1 - 3w/4) + 1/w, zero slope at (sqrt(3)/2) w = 1 - 3w/4:
//         w = 1/(sqrt(3)/2 + 3/4) = 0.6188021535; tr P = 3.4820508076; x = ((1 - w) 3 / M11, 0) = (2.1339745962, 0);
//  det:   det M = w - 3w^2/4, largest at w = 2/3: det P = 3, x = (2, 0).
// The second component is not observed: its variance is 1/w >= 1 (CI inflates what it cannot see).
TEST(CovarianceIntersection, PartialObservationAgainstHandComputation) {
  const Eigen::VectorXd x = V2(0, 0);
  const Eigen::MatrixXd P = M2(4, 0, 0, 1);
  Eigen::VectorXd z(1);
  z << 3.0;
  const Eigen::MatrixXd R = Eigen::MatrixXd::Identity(1, 1);
  Eigen::MatrixXd H(1, 2);
  H << 1, 0;
  const FusedEstimate t = CovarianceIntersectionUpdate(x, P, z, R, H);
  EXPECT_NEAR(t.omega, 1.0 / (std::sqrt(3.0) / 2 + 0.75), 1e-12);
  EXPECT_NEAR(t.P.trace(), 3.482050807568877, 1e-12);
  EXPECT_NEAR(t.x(0), 2.133974596215561, 1e-12);
  EXPECT_NEAR(t.x(1), 0.0, 1e-15);
  const FusedEstimate d = CovarianceIntersectionUpdate(x, P, z, R, H, CiCriterion::kDeterminant);
  EXPECT_NEAR(d.omega, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(d.P.determinant(), 3.0, 1e-12);
  EXPECT_NEAR(d.x(0), 2.0, 1e-12);
  // A full observation (H = I) is the two-estimate CI.
  const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(2, 2);
  const FusedEstimate full = CovarianceIntersectionUpdate(x, P, V2(3, -1), M2(2, 0.5, 0.5, 3), I);
  const FusedEstimate two = CovarianceIntersection(x, P, V2(3, -1), M2(2, 0.5, 0.5, 3));
  EXPECT_NEAR(full.omega, two.omega, 1e-12);
  EXPECT_LT((full.x - two.x).norm(), 1e-12);
  EXPECT_LT((full.P - two.P).norm(), 1e-12);
}

// The partial update bounds the error when the observation error is correlated with the state
// error by an unknown amount: state error e ~ N(0, P), observation error rho sqrt(R/P11) e_1 +
// sqrt(1 - rho^2) sqrt(R) n. Exact error covariance of x+ = K1 x + K2 z (K1 = w P+ P^-1,
// K2 = (1 - w) P+ H^T R^-1): C = K1 P K1^T + K2 R K2^T + K1 Pxe K2^T + K2 Pxe^T K1^T, Pxe = E[e_x e_z^T].
TEST(CovarianceIntersection, PartialObservationBoundsCorrelatedErrors) {
  const Eigen::MatrixXd P = M2(400, 60, 60, 25);  // position 20 m, velocity 5 m/s, correlated
  Eigen::MatrixXd H(1, 2);
  H << 1, 0;
  const Eigen::MatrixXd R = Eigen::MatrixXd::Identity(1, 1) * 300.0;
  Eigen::VectorXd z(1);
  z << 0.0;
  for (const double rho : {0.0, 0.5, 0.9, -0.9}) {
    SCOPED_TRACE(rho);
    const FusedEstimate f = CovarianceIntersectionUpdate(V2(0, 0), P, z, R, H);
    const Eigen::MatrixXd K1 = f.omega * f.P * P.inverse();
    const Eigen::MatrixXd K2 = (1 - f.omega) * f.P * H.transpose() * R.inverse();
    // cov(e_x, e_z) = rho sqrt(R / P11) cov(e_x, e_1) = rho sqrt(R / P11) P[:, 0].
    const Eigen::MatrixXd Pxe = rho * std::sqrt(R(0, 0) / P(0, 0)) * P.col(0);
    const Eigen::MatrixXd C =
        K1 * P * K1.transpose() + K2 * R * K2.transpose() + K1 * Pxe * K2.transpose() + K2 * Pxe.transpose() * K1.transpose();
    EXPECT_LE(MaxGeneralisedEigenvalue(C, f.P), 1.0 + 1e-12);
    EXPECT_LT(f.P(0, 0), P(0, 0));  // and it still learns from the report
  }
}

// Two 2-D tracks at the same time: FuseTrackEstimates equals CI on [x, y, vx, vy], and leaves the
// z rows and columns at zero; the id is the first track's.
TEST(CovarianceIntersection, FuseTrackEstimatesUsesThePositionVelocityState) {
  TrackEstimate a, b;
  a.id = 7;
  b.id = 12;
  a.time_s = b.time_s = 10.0;
  a.position_m = {1000, 2000, 0};
  a.velocity_mps = {100, 0, 0};
  b.position_m = {1030, 1990, 0};
  b.velocity_mps = {95, 4, 0};
  const double pa[4] = {900, 400, 40, 10}, pb[4] = {200, 1600, 20, 30};  // variances x, y, vx, vy
  const int idx[4] = {0, 1, 3, 4};
  for (int i = 0; i < 4; ++i) {
    a.covariance(idx[i], idx[i]) = pa[i];
    b.covariance(idx[i], idx[i]) = pb[i];
  }
  a.covariance(0, 3) = a.covariance(3, 0) = 50;
  b.covariance(1, 4) = b.covariance(4, 1) = -60;
  const TrackEstimate f = FuseTrackEstimates(a, b, 2);
  Eigen::VectorXd xa(4), xb(4);
  xa << 1000, 2000, 100, 0;
  xb << 1030, 1990, 95, 4;
  Eigen::MatrixXd Pa(4, 4), Pb(4, 4);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      Pa(i, j) = a.covariance(idx[i], idx[j]);
      Pb(i, j) = b.covariance(idx[i], idx[j]);
    }
  const FusedEstimate ref = CovarianceIntersection(xa, Pa, xb, Pb);
  EXPECT_EQ(f.id, 7u);
  EXPECT_DOUBLE_EQ(f.position_m.x(), ref.x(0));
  EXPECT_DOUBLE_EQ(f.position_m.y(), ref.x(1));
  EXPECT_DOUBLE_EQ(f.velocity_mps.x(), ref.x(2));
  EXPECT_DOUBLE_EQ(f.velocity_mps.y(), ref.x(3));
  EXPECT_EQ(f.position_m.z(), 0.0);
  EXPECT_DOUBLE_EQ(f.covariance(1, 4), ref.P(1, 3));
  EXPECT_EQ(f.covariance.row(2).norm() + f.covariance.col(5).norm(), 0.0);
  // Each fused variance trace is at most the better input's (CI never loses information).
  EXPECT_LE(ref.P.trace(), std::min(Pa.trace(), Pb.trace()) + 1e-9);
}

}  // namespace
}  // namespace iadsim
