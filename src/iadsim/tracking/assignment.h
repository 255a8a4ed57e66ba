#pragma once
// Optimal rectangular linear assignment (the global-nearest-neighbour association step).
//   Given an n x m cost matrix c with some pairs forbidden, choose a set of (row, column) pairs,
//   at most one per row and per column, none forbidden, that
//     1. has as many pairs as possible (a maximum matching of the permitted pairs), and among those
//     2. minimises the total cost sum c_ij.
//   Costs are any finite reals (negative too); kForbidden (+infinity) marks a forbidden pair.
//   Without forbidden pairs this is the usual rectangular assignment: every row is assigned when
//   n <= m, every column when n >= m.
// Method: shortest augmenting paths with row and column potentials (Jonker & Volgenant, Computing
// 26:325-340, 1987; the Hungarian method of Kuhn, Naval Res. Logist. Q. 2:83-97, 1955), in the
// O(n^2 m) form of Burkard, Dell'Amico & Martello, Assignment Problems, SIAM 2009, sec. 4.4. The
// two goals are solved at once by running it on lexicographic costs (number of forbidden pairs,
// sum of costs), an ordered group, on which the method is exact.
#include <Eigen/Core>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace iadsim {

inline constexpr double kForbidden = std::numeric_limits<double>::infinity();

// For each row, the assigned column, or -1. Entries must be finite or kForbidden (a NaN or
// -infinity is a bug and aborts). Deterministic: ties are broken the same way on every run.
std::vector<int> SolveAssignment(const Eigen::MatrixXd& cost);

// The same problem given by its permitted pairs only; pairs not listed are forbidden (a pair
// listed twice keeps its lower cost). It splits the problem into independent clusters (connected
// components of the permitted pairs) and solves each densely, so that the work grows with the
// size of the clusters, not with n * m. Same answer as SolveAssignment on the dense matrix.
struct AssignmentCandidate {
  int row = 0;
  int col = 0;
  double cost = 0.0;
};
std::vector<int> SolveSparseAssignment(int rows, int cols,
                                       const std::vector<AssignmentCandidate>& candidates);

namespace assignment_detail {
// A lexicographic cost: (number of forbidden pairs, sum of finite costs).
struct Lex {
  std::int64_t forbidden = 0;
  double cost = 0.0;
  Lex operator+(const Lex& o) const { return {forbidden + o.forbidden, cost + o.cost}; }
  Lex operator-(const Lex& o) const { return {forbidden - o.forbidden, cost - o.cost}; }
  Lex& operator+=(const Lex& o) { return *this = *this + o; }
  Lex& operator-=(const Lex& o) { return *this = *this - o; }
  bool operator<(const Lex& o) const {
    return forbidden != o.forbidden ? forbidden < o.forbidden : cost < o.cost;
  }
};
// Work arrays of the dense method, reused between calls.
struct DenseWork {
  std::vector<Lex> u, v, minv;
  std::vector<int> p, way, out;
  std::vector<char> used;
};
}  // namespace assignment_detail

// SolveSparseAssignment with its working memory kept between calls (no allocation once the
// buffers have grown; the tracker keeps one from scan to scan). Clusters of one row, the common
// case of gating (a track alone with its miss column and maybe one measurement), are solved
// directly: the permitted column of least cost, the smallest column on a tie, which is what the
// dense method gives for one row. Same answer as SolveSparseAssignment.
class SparseAssignmentSolver final {
 public:
  // For each row, the assigned column, or -1; valid until the next call.
  const std::vector<int>& Solve(int rows, int cols, std::span<const AssignmentCandidate> candidates);

 private:
  std::vector<int> parent_, root_, cand_start_, cand_order_, node_start_, node_order_, local_;
  std::vector<int> cl_rows_, cl_cols_, sol_, row_to_col_;
  std::vector<double> cost_;  // a cluster's dense matrix, row-major
  assignment_detail::DenseWork work_;
};

}  // namespace iadsim
