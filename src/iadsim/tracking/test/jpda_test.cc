#include "iadsim/tracking/jpda.h"

#include <gtest/gtest.h>

#include <vector>

namespace iadsim {
namespace {

double Beta(const JpdaWeights& w, int t, int j) {
  for (const auto& [m, b] : w.beta[t])
    if (m == j) return b;
  return 0.0;
}

// Two tracks, two measurements, one shared: track 0 gates m0 (L = a = 2) and m1 (L = b = 1);
// track 1 gates m1 (L = c = 3); miss weight w = 1 - Pd Pg = 0.5. The five joint events and their
// weights, by hand:
//   {0:-, 1:-} w^2 = 0.25   {0:m0, 1:-} a w = 1   {0:m1, 1:-} b w = 0.5
//   {0:-, 1:m1} w c = 1.5   {0:m0, 1:m1} a c = 6                      total 9.25
// beta_00 = (1 + 6) / 9.25, beta_01 = 0.5 / 9.25, beta_0- = (0.25 + 1.5) / 9.25,
// beta_11 = (1.5 + 6) / 9.25, beta_1- = (0.25 + 1 + 0.5) / 9.25.
TEST(Jpda, HandCalculationTwoTracksOneSharedMeasurement) {
  const std::vector<JpdaPair> pairs{{0, 0, 2.0}, {0, 1, 1.0}, {1, 1, 3.0}};
  const JpdaWeights w = ComputeJpdaWeights(2, 2, pairs, 0.5);
  EXPECT_EQ(w.exact_clusters, 1);
  EXPECT_NEAR(Beta(w, 0, 0), 7.0 / 9.25, 1e-14);
  EXPECT_NEAR(Beta(w, 0, 1), 0.5 / 9.25, 1e-14);
  EXPECT_NEAR(w.beta0[0], 1.75 / 9.25, 1e-14);
  EXPECT_NEAR(Beta(w, 1, 1), 7.5 / 9.25, 1e-14);
  EXPECT_NEAR(w.beta0[1], 1.75 / 9.25, 1e-14);
}

TEST(Jpda, SingleTrackIsPda) {
  // One track, measurements with L = 2 and 6, w = 0.2: beta_j = L_j / (w + sum L) (Bar-Shalom & Tse).
  const std::vector<JpdaPair> pairs{{0, 3, 2.0}, {0, 5, 6.0}};
  for (long cap : {100000L, 1L}) {  // exact, and cheap JPDA (exact for a lone track)
    const JpdaWeights w = ComputeJpdaWeights(1, 6, pairs, 0.2, cap);
    EXPECT_NEAR(Beta(w, 0, 3), 2.0 / 8.2, 1e-14);
    EXPECT_NEAR(Beta(w, 0, 5), 6.0 / 8.2, 1e-14);
    EXPECT_NEAR(w.beta0[0], 0.2 / 8.2, 1e-14);
  }
}

TEST(Jpda, ClustersAreIndependentAndCapFallsBack) {
  // Tracks 0,1 share m1; track 2 alone with m2; track 3 gates nothing.
  const std::vector<JpdaPair> pairs{{0, 0, 2.0}, {0, 1, 1.0}, {1, 1, 3.0}, {2, 2, 4.0}};
  const auto clusters = ClusterPairs(4, 3, pairs);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].tracks, (std::vector<int>{0, 1}));
  EXPECT_EQ(clusters[0].meas, (std::vector<int>{0, 1}));
  EXPECT_EQ(clusters[1].tracks, (std::vector<int>{2}));
  const JpdaWeights w = ComputeJpdaWeights(4, 3, pairs, 0.5, 5);  // bound 3*2 = 6 > 5; 2 <= 5
  EXPECT_EQ(w.exact_clusters, 1);
  EXPECT_EQ(w.approximate_clusters, 1);
  EXPECT_NEAR(Beta(w, 2, 2), 4.0 / 4.5, 1e-14);
  EXPECT_DOUBLE_EQ(w.beta0[3], 1.0);
  // Cheap JPDA on the shared cluster: each row sums to 1 and orders like the exact betas.
  EXPECT_NEAR(Beta(w, 0, 0) + Beta(w, 0, 1) + w.beta0[0], 1.0, 1e-14);
  EXPECT_GT(Beta(w, 0, 0), Beta(w, 0, 1));
  EXPECT_GT(Beta(w, 1, 1), w.beta0[1]);
}

TEST(Jpda, HugeLikelihoodsStayFinite) {
  const std::vector<JpdaPair> pairs{{0, 0, 1e200}, {1, 0, 1e200}, {1, 1, 1e180}};
  const JpdaWeights w = ComputeJpdaWeights(2, 2, pairs, 0.1);
  // Events: {0:m0,1:m1} = 1e380 dominates all others (1e200 * 0.1, ...): beta_00 -> 1, beta_11 -> 1.
  EXPECT_NEAR(Beta(w, 0, 0), 1.0, 1e-12);
  EXPECT_NEAR(Beta(w, 1, 1), 1.0, 1e-12);
}

}  // namespace
}  // namespace iadsim
