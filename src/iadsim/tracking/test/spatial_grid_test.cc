#include "iadsim/tracking/spatial_grid.h"

#include <Eigen/Cholesky>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

// Gate of track i: the ellipsoid d^2 = (p - c_i)^T S_i^-1 (p - c_i) <= g; its bounding box has
// half extents sqrt(g S_kk). Querying the grid of the points with each box, then testing d^2
// exactly, must find exactly the pairs that brute force finds, for any cell size.
TEST(SpatialGrid, SameGatedPairsAsBruteForce) {
  for (const double cell : {1.0, 300.0, 5000.0, 1e9}) {
    RandomStream rng(1234);
    const int n = 400, m = 600;
    const double g = 9.21;
    std::vector<Eigen::Vector3d> c(n), h(n);
    std::vector<Eigen::Matrix2d> S(n);
    for (int i = 0; i < n; ++i) {
      c[i] = Eigen::Vector3d(rng.Uniform(0, 100000), rng.Uniform(0, 100000), 0);
      Eigen::Matrix2d A;
      for (int r = 0; r < 2; ++r)
        for (int k = 0; k < 2; ++k) A(r, k) = rng.Normal(0, 1);
      // Sizes from 10 m to 1 km, a few huge gates.
      const double scale = i % 97 == 0 ? 20000.0 : std::exp(rng.Uniform(std::log(10.0), std::log(1000.0)));
      S[i] = scale * scale * (A * A.transpose() / 2.0 + 0.05 * Eigen::Matrix2d::Identity());
      for (int k = 0; k < 2; ++k) h[i][k] = std::sqrt(g * S[i](k, k));
    }
    std::vector<Eigen::Vector3d> z(m);
    for (int j = 0; j < m; ++j) {
      if (j % 2 == 0) {  // half near a track, half uniform
        const int i = static_cast<int>(rng.Below(n));
        z[j] = c[i] + Eigen::Vector3d(rng.Normal(0, 1), rng.Normal(0, 1), 0) * 0.6 * std::sqrt(S[i](0, 0));
      } else {
        z[j] = Eigen::Vector3d(rng.Uniform(-2000, 102000), rng.Uniform(-2000, 102000), 0);
      }
      z[j].z() = rng.Uniform(-1e6, 1e6);  // must be ignored
    }
    const auto inside = [&](int i, int j) {
      const Eigen::Vector2d nu = (z[j] - c[i]).head<2>();
      return nu.dot(S[i].ldlt().solve(nu)) <= g;
    };
    std::vector<std::pair<int, int>> brute, grid_pairs;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < m; ++j)
        if (inside(i, j)) brute.emplace_back(i, j);
    SpatialGrid grid;
    grid.Build(z, cell);
    // At most 4 m + 64 cells, whatever the cell size asked for.
    EXPECT_LE(static_cast<long>(grid.cells_x()) * grid.cells_y(), 4L * m + 64 + grid.cells_x() + grid.cells_y());
    std::vector<int> cand;
    long candidates = 0;
    for (int i = 0; i < n; ++i) {
      grid.Query(c[i] - h[i], c[i] + h[i], cand);
      candidates += static_cast<long>(cand.size());
      for (std::size_t k = 1; k < cand.size(); ++k) EXPECT_LT(cand[k - 1], cand[k]);
      for (int j : cand)
        if (inside(i, j)) grid_pairs.emplace_back(i, j);
    }
    EXPECT_GT(brute.size(), 290u);
    EXPECT_EQ(brute, grid_pairs) << "cell " << cell;
    // The index prunes when the cells are near the gate size: far fewer candidates than n * m.
    if (cell == 300.0 || cell == 5000.0) {
      EXPECT_LT(candidates, static_cast<long>(n) * m / 10) << "cell " << cell;
    }
    if (cell == 1e9) {
      EXPECT_EQ(candidates, static_cast<long>(n) * m);  // one cell: everything
    }
  }
}

// Points on the cell boundaries and the grid's edges, a box exactly on a point, boxes beyond the
// grid, infinite and NaN boxes.
TEST(SpatialGrid, EdgesEmptyAndNonFiniteBoxes) {
  SpatialGrid grid;
  std::vector<int> out{7};
  grid.Build({}, 10.0);
  grid.Query(Eigen::Vector3d(-1, -1, 0), Eigen::Vector3d(1, 1, 0), out);
  EXPECT_TRUE(out.empty());
  const std::vector<Eigen::Vector3d> p{{-10.5, -20.0, 0.0}, {-0.5, -20.0, 0.0}, {9.5, 10.0, 0.0}, {9.5, 10.0, 0.0}};
  grid.Build(p, 10.0);  // x0 = -10.5, y0 = -20: cells of 10 m, 3 x 4
  EXPECT_EQ(grid.cells_x(), 3);
  EXPECT_EQ(grid.cells_y(), 4);
  grid.Query(Eigen::Vector3d(-0.5, -20, 0), Eigen::Vector3d(-0.5, -20, 0), out);  // on a cell boundary
  EXPECT_NE(std::find(out.begin(), out.end(), 1), out.end());
  grid.Query(Eigen::Vector3d(9.5, 10, 0), Eigen::Vector3d(100, 100, 0), out);  // the top corner, twice
  EXPECT_EQ(out, (std::vector<int>{2, 3}));
  grid.Query(Eigen::Vector3d(20, 20, 0), Eigen::Vector3d(30, 30, 0), out);  // beyond the grid
  EXPECT_TRUE(out.empty());
  grid.Query(Eigen::Vector3d(-100, -100, 0), Eigen::Vector3d(-11, -21, 0), out);  // before it
  EXPECT_TRUE(out.empty());
  const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
  grid.Query(Eigen::Vector3d(-inf, -inf, 0), Eigen::Vector3d(inf, inf, 0), out);
  EXPECT_EQ(out, (std::vector<int>{0, 1, 2, 3}));
  grid.Query(Eigen::Vector3d(nan, nan, 0), Eigen::Vector3d(nan, nan, 0), out);
  EXPECT_EQ(out, (std::vector<int>{0, 1, 2, 3}));
}

// Slots and cells on the 3 x 4 grid of 10 m cells above (x0 = -10.5, y0 = -20): a point's cell by
// hand is (floor((x + 10.5) / 10), floor((y + 20) / 10)), row-major; CellOf clamps to the grid;
// ForEachSlotRange gives the slots whose points order() names, the same as ForEachCandidate.
TEST(SpatialGrid, SlotRangesAndCellOf) {
  SpatialGrid grid;
  const std::vector<Eigen::Vector3d> p{{-10.5, -20.0, 0.0}, {-0.5, -20.0, 0.0}, {9.5, 10.0, 0.0}, {-9.0, 5.0, 0.0}};
  grid.Build(p, 10.0);
  ASSERT_EQ(grid.cells(), 12);
  EXPECT_EQ(grid.CellOf(-10.5, -20.0), 0);   // (0, 0)
  EXPECT_EQ(grid.CellOf(-0.5, -20.0), 1);    // (1, 0)
  EXPECT_EQ(grid.CellOf(9.5, 10.0), 11);     // (2, 3)
  EXPECT_EQ(grid.CellOf(-9.0, 5.0), 6);      // (0, 2): 2 * 3 + 0
  EXPECT_EQ(grid.CellOf(1e9, -1e9), 2);      // clamped to (2, 0)
  EXPECT_EQ(grid.CellOf(std::nan(""), 1e9), 9);  // NaN x -> column 0, row 3
  // Slots: points by cell: 0 (cell 0), 1 (cell 1), 3 (cell 6), 2 (cell 11).
  EXPECT_EQ(std::vector<int>(grid.order().begin(), grid.order().end()), (std::vector<int>{0, 1, 3, 2}));
  std::vector<int> via_slots, via_points;
  grid.ForEachSlotRange(-10.0, -20.0, 0.0, 6.0, [&](int b, int e) {
    for (; b < e; ++b) via_slots.push_back(grid.order()[b]);
  });
  grid.ForEachCandidate(-10.0, -20.0, 0.0, 6.0, [&](int j) { via_points.push_back(j); });
  EXPECT_EQ(via_slots, (std::vector<int>{0, 1, 3}));  // cells (0..1, 0..2)
  EXPECT_EQ(via_slots, via_points);
  grid.Build({}, 10.0);
  EXPECT_EQ(grid.CellOf(0.0, 0.0), 0);
}

// The cells of CellOf and Query are those of floor((v - origin) / cell), clamped, for values on
// and one ulp either side of every cell boundary, at the grid's edges, beyond it, at -0 and at
// +-infinity: a reference written with std::floor, on a grid of 7 x 5 cells of 10 m.
TEST(SpatialGrid, CellsAreThoseOfFloor) {
  SpatialGrid grid;
  const std::vector<Eigen::Vector3d> p{{0.0, 0.0, 0.0}, {65.0, 45.0, 0.0}};
  grid.Build(p, 10.0);
  ASSERT_EQ(grid.cells_x(), 7);
  ASSERT_EQ(grid.cells_y(), 5);
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> values{-0.0, -inf, inf, -1e300, 1e300};
  for (int k = -2; k <= 9; ++k) {
    const double b = 10.0 * k;
    values.insert(values.end(), {b, std::nextafter(b, -inf), std::nextafter(b, inf), b + 5.0});
  }
  const auto cell = [](double v, int n) {  // floor, clamped to [0, n - 1]
    const double q = std::floor(v / 10.0);
    return q < 0.0 ? 0 : q > n - 1 ? n - 1 : static_cast<int>(q);
  };
  for (const double x : values)
    for (const double y : values) EXPECT_EQ(grid.CellOf(x, y), cell(y, 5) * 7 + cell(x, 7)) << x << " " << y;
  // Query [lo, hi] on x (y spanning the grid): the columns floor(lo / 10) .. floor(hi / 10),
  // clamped; nothing when they miss the grid. Points: one at each cell's corner.
  std::vector<Eigen::Vector3d> corners;
  for (int iy = 0; iy < 5; ++iy)
    for (int ix = 0; ix < 7; ++ix) corners.emplace_back(10.0 * ix, 10.0 * iy, 0.0);
  corners.emplace_back(65.0, 45.0, 0.0);  // the same extent as above
  grid.Build(corners, 10.0);
  ASSERT_EQ(grid.cells_x(), 7);
  std::vector<int> out;
  for (const double lo : values)
    for (const double hi : values) {
      grid.Query(Eigen::Vector3d(lo, -inf, 0), Eigen::Vector3d(hi, inf, 0), out);
      const double a = std::floor(lo / 10.0), b = std::floor(hi / 10.0);
      const int first = a < 0.0 ? 0 : a > 6 ? 7 : static_cast<int>(a), last = b > 6 ? 6 : b < 0.0 ? -1 : static_cast<int>(b);
      std::vector<int> expected;
      for (int j = 0; j < static_cast<int>(corners.size()); ++j) {
        const int ix = cell(corners[j].x(), 7);
        if (ix >= first && ix <= last) expected.push_back(j);
      }
      EXPECT_EQ(out, expected) << lo << " " << hi;
    }
}

}  // namespace
}  // namespace iadsim
