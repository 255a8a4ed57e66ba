#include "iadsim/c2/iff_correlation.h"

#include <Eigen/Dense>
#include <algorithm>
#include <limits>

#include "iadsim/tracking/polar_measurement.h"
#include "iadsim/tracking/swept_sector.h"

namespace iadsim {

IffCorrelation CorrelateIff(const Tracker& tracker, const IffSweep& sweep) {
  IffCorrelation out;
  if (sweep.max_range_m <= 0.0) return out;
  const PolarMeasurementModel model(tracker.frame(), sweep.sensor_position, /*has_elevation=*/false);
  const double gate = tracker.GateThreshold(2);
  std::vector<TrackId> answered;
  for (std::size_t i = 0; i < sweep.replies.size(); ++i) {
    const IffReply& r = sweep.replies[i];
    PolarVec z(2);
    z << r.range_m, r.azimuth_rad;
    PolarCov R = PolarCov::Zero(2, 2);
    R(0, 0) = r.sigma_range_m * r.sigma_range_m;
    R(1, 1) = r.sigma_azimuth_rad * r.sigma_azimuth_rad;
    double best = std::numeric_limits<double>::infinity();
    TrackId best_track;
    for (const TrackState& t : tracker.tracks()) {
      const auto [x, P] = tracker.Predict(t.id, r.time);
      const PolarVec nu = model.Innovation(z, model.Predict(x));
      const PolarJacobian H = model.Jacobian(x);
      const Eigen::MatrixXd S = H * P * H.transpose() + R;
      const double d2 = nu.dot(S.ldlt().solve(nu));
      if (d2 < best) {
        best = d2;
        best_track = t.id;
      }
    }
    if (best_track.valid() && best <= gate) {
      out.pairs.push_back({i, best_track});
      answered.push_back(best_track);
    }
  }
  const SimTime mid = sweep.start + Duration::Micros((sweep.end - sweep.start).micros() / 2);
  for (const TrackState& t : tracker.tracks()) {
    if (t.status != TrackStatus::kConfirmed) continue;
    if (std::find(answered.begin(), answered.end(), t.id) != answered.end()) continue;
    const Vec3 p = model.SensorFromTracker(tracker.Predict(t.id, mid).first.head<3>());
    const Polar pol = PolarFromEnu(p);
    if (pol.range_m <= sweep.max_range_m && InSweptSector(pol.azimuth_rad, sweep.az_from_rad, sweep.az_to_rad))
      out.unanswered.push_back(t.id);
  }
  return out;
}

}  // namespace iadsim
