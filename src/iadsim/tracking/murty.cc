#include "iadsim/tracking/murty.h"

#include <memory>
#include <queue>

#include "iadsim/core/error.h"
#include "iadsim/tracking/assignment.h"

namespace iadsim {
namespace {

struct Node {
  Eigen::MatrixXd cost;  // the subproblem: excluded pairs forbidden, forced pairs alone in their row/column
  RankedAssignment best;
  long order = 0;
};

struct Worse {
  bool operator()(const Node* a, const Node* b) const {
    return a->best.cost != b->best.cost ? a->best.cost > b->best.cost : a->order > b->order;
  }
};

// The best full assignment of a subproblem, or false when some row cannot be assigned.
bool SolveFull(const Eigen::MatrixXd& c, RankedAssignment& out) {
  out.row_to_col = SolveAssignment(c);
  out.cost = 0.0;
  for (int i = 0; i < c.rows(); ++i) {
    const int j = out.row_to_col[i];
    if (j < 0 || c(i, j) == kForbidden) return false;
    out.cost += c(i, j);
  }
  return true;
}

void Force(Eigen::MatrixXd& c, int row, int col) {
  const double keep = c(row, col);
  c.row(row).setConstant(kForbidden);
  c.col(col).setConstant(kForbidden);
  c(row, col) = keep;
}

}  // namespace

std::vector<RankedAssignment> KBestAssignments(const Eigen::MatrixXd& cost, int k) {
  IADSIM_CHECK(k >= 1, "KBestAssignments: k must be >= 1");
  IADSIM_CHECK(cost.rows() <= cost.cols(), "KBestAssignments: needs rows <= cols");
  std::vector<RankedAssignment> out;
  if (cost.rows() == 0) {
    out.push_back({});
    return out;
  }
  std::vector<std::unique_ptr<Node>> store;
  std::priority_queue<Node*, std::vector<Node*>, Worse> open;
  long order = 0;
  {
    auto root = std::make_unique<Node>();
    root->cost = cost;
    if (!SolveFull(root->cost, root->best)) return out;
    root->order = order++;
    open.push(root.get());
    store.push_back(std::move(root));
  }
  const int n = static_cast<int>(cost.rows());
  while (!open.empty() && static_cast<int>(out.size()) < k) {
    Node* node = open.top();
    open.pop();
    out.push_back(node->best);
    if (static_cast<int>(out.size()) == k) break;
    Eigen::MatrixXd forced = node->cost;  // grows with forced pairs 0..t-1
    for (int t = 0; t < n; ++t) {
      const int col = node->best.row_to_col[t];
      auto child = std::make_unique<Node>();
      child->cost = forced;
      child->cost(t, col) = kForbidden;
      if (SolveFull(child->cost, child->best)) {
        child->order = order++;
        open.push(child.get());
        store.push_back(std::move(child));
      }
      Force(forced, t, col);
    }
    node->cost.resize(0, 0);  // done with it
  }
  return out;
}

}  // namespace iadsim
