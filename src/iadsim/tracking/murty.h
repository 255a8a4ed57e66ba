#pragma once
// The k best assignments (Murty, "An algorithm for ranking all the assignments in order of
// increasing cost", Operations Research 16(3):682-687, 1968), as used by MHT to form the k most
// likely global hypotheses of a scan (Cox & Hingorani, IEEE Trans. PAMI 18(2), 1996).
//   Problem: an n x m cost matrix (n <= m), kForbidden (+inf) for forbidden pairs; an assignment
//   gives every row a distinct column, none forbidden; its cost is the sum of its entries.
//   Output: up to k assignments with the least costs, in increasing cost (fewer when fewer exist).
//   Method: solve the best (assignment.h); partition the rest of its subproblem into n
//   subproblems (exclude pair t, force pairs 1..t-1), each solved optimally; repeat from the
//   cheapest open subproblem. Cost O(k n) assignment solves of O(n^2 m) each.
// Ties are broken by the order in which subproblems were created: deterministic.
#include <Eigen/Core>

#include <vector>

namespace iadsim {

struct RankedAssignment {
  std::vector<int> row_to_col;  // a column for every row
  double cost = 0.0;
};

// n = cost.rows() <= cost.cols(); k >= 1. Rows must be fully assignable for any output.
std::vector<RankedAssignment> KBestAssignments(const Eigen::MatrixXd& cost, int k);

}  // namespace iadsim
