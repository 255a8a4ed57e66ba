#include "iadsim/tracking/spatial_grid.h"

#include <Eigen/Cholesky>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

// Gate of track i: the ellipsoid d^2 = (p - c_i)^T S_i^-1 (p - c_i) <= g; its bounding box has
// half extents sqrt(g S_kk). The grid must find exactly the pairs that brute force finds.
TEST(SpatialGrid, SameGatedPairsAsBruteForce) {
  for (int dims : {2, 3}) {
    RandomStream rng(1234 + dims);
    const int n = 400, m = 600;
    const double g = 9.21;
    std::vector<Eigen::Vector3d> c(n), h(n);
    std::vector<Eigen::Matrix3d> S(n);
    for (int i = 0; i < n; ++i) {
      c[i] = Eigen::Vector3d(rng.Uniform(0, 100000), rng.Uniform(0, 100000), dims == 3 ? rng.Uniform(0, 20000) : 0);
      Eigen::Matrix3d A;
      for (int r = 0; r < 3; ++r)
        for (int k = 0; k < 3; ++k) A(r, k) = rng.Normal(0, 1);
      // Sizes from 10 m to 1 km, a few huge gates (oversize list).
      const double scale = i % 97 == 0 ? 20000.0 : std::exp(rng.Uniform(std::log(10.0), std::log(1000.0)));
      S[i] = scale * scale * (A * A.transpose() / 3.0 + 0.05 * Eigen::Matrix3d::Identity());
      if (dims == 2) {
        S[i].row(2).setZero();
        S[i].col(2).setZero();
        S[i](2, 2) = 1;
      }
      for (int k = 0; k < 3; ++k) h[i][k] = k < dims ? std::sqrt(g * S[i](k, k)) : 0.0;
    }
    std::vector<Eigen::Vector3d> z(m);
    for (int j = 0; j < m; ++j) {
      if (j % 2 == 0) {  // half near a track, half uniform
        const int i = static_cast<int>(rng.Below(n));
        z[j] = c[i] + Eigen::Vector3d(rng.Normal(0, 1), rng.Normal(0, 1), rng.Normal(0, 1)) * 0.6 * std::sqrt(S[i](0, 0));
      } else {
        z[j] = Eigen::Vector3d(rng.Uniform(-2000, 102000), rng.Uniform(-2000, 102000), rng.Uniform(-1000, 21000));
      }
      if (dims == 2) z[j].z() = rng.Uniform(-1e6, 1e6);  // must be ignored in 2-D
    }
    const auto inside = [&](int i, int j) {
      const int d = dims;
      const Eigen::VectorXd nu = (z[j] - c[i]).head(d);
      const Eigen::MatrixXd Sd = S[i].topLeftCorner(d, d);
      return nu.dot(Sd.ldlt().solve(nu)) <= g;
    };
    std::vector<std::pair<int, int>> brute, grid_pairs;
    for (int j = 0; j < m; ++j)
      for (int i = 0; i < n; ++i)
        if (inside(i, j)) brute.emplace_back(i, j);
    SpatialGrid grid;
    grid.Build(dims, c, h);
    EXPECT_GT(grid.oversize_count(), 0);
    std::vector<int> cand;
    long candidates = 0;
    for (int j = 0; j < m; ++j) {
      grid.Query(z[j], cand);
      candidates += static_cast<long>(cand.size());
      for (std::size_t k = 1; k < cand.size(); ++k) EXPECT_LT(cand[k - 1], cand[k]);
      for (int i : cand)
        if (inside(i, j)) grid_pairs.emplace_back(i, j);
    }
    std::sort(brute.begin(), brute.end());
    std::sort(grid_pairs.begin(), grid_pairs.end());
    EXPECT_GT(brute.size(), 290u);
    EXPECT_EQ(brute, grid_pairs) << "dims " << dims;
    // The index prunes: far fewer candidates than n * m.
    EXPECT_LT(candidates, static_cast<long>(n) * m / 10) << "dims " << dims;
  }
}

TEST(SpatialGrid, EmptyAndNegativeCoordinates) {
  SpatialGrid grid;
  grid.Build(2, {}, {});
  std::vector<int> out{7};
  grid.Query(Eigen::Vector3d(1, 2, 3), out);
  EXPECT_TRUE(out.empty());
  const std::vector<Eigen::Vector3d> c{{-10.5, -20.0, 0.0}}, h{{1.0, 1.0, 0.0}};
  grid.Build(2, c, h);
  grid.Query(Eigen::Vector3d(-11.4, -19.1, 0), out);
  EXPECT_EQ(out, std::vector<int>{0});
}

}  // namespace
}  // namespace iadsim
