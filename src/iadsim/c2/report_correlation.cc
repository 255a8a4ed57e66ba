#include "iadsim/c2/report_correlation.h"

#include <Eigen/Cholesky>
#include <limits>


namespace iadsim {

ReportCorrelation CorrelateReports(const Tracker& tracker, const std::vector<PositionReport>& reports) {
  ReportCorrelation out;
  const double gate = tracker.GateThreshold(3);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const PositionReport& r = reports[i];
    const Vec3 z = tracker.frame().EnuFromGeodetic(r.position);
    Eigen::Matrix3d R = Eigen::Matrix3d::Zero();
    R(0, 0) = R(1, 1) = r.sigma_horizontal_m * r.sigma_horizontal_m + 1.0;
    R(2, 2) = r.sigma_vertical_m * r.sigma_vertical_m + 1.0;
    double best = std::numeric_limits<double>::infinity();
    TrackId best_track;
    for (const TrackState& t : tracker.tracks()) {
      if (t.status != TrackStatus::kConfirmed) continue;
      const auto [x, P] = tracker.Predict(t.id, r.time_of_validity);
      const Vec3 nu = z - x.head<3>();
      const Eigen::Matrix3d S = P.topLeftCorner<3, 3>() + R;
      const double d2 = nu.dot(S.ldlt().solve(nu));
      if (d2 < best) {
        best = d2;
        best_track = t.id;
      }
    }
    if (best_track.valid() && best <= gate)
      out.pairs.push_back({i, best_track, best});
    else
      out.uncorrelated.push_back(i);
  }
  return out;
}

}  // namespace iadsim
