#include "iadsim/c2/report_correlation.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <limits>
#include <map>

#include "iadsim/tracking/motion_model.h"
#include "iadsim/tracking/polar_pre_gate.h"
#include "iadsim/tracking/track_index.h"


namespace iadsim {
namespace {

constexpr double kSlotS = 4.0;  // the time span of one index's reports, s
// A slot with fewer reports than this takes every confirmed track as its candidates (the pre-gate
// then tests each, ~50 instructions) instead of an index (~300 instructions a track to build).
constexpr int kIndexMinReports = 8;

}  // namespace

ReportCorrelation CorrelateReports(const Tracker& tracker, const std::vector<PositionReport>& reports) {
  const std::vector<PositionReport>* one = &reports;
  return std::move(CorrelateReports(tracker, std::span(&one, 1)).front());
}

std::vector<ReportCorrelation> CorrelateReports(const Tracker& tracker,
                                                std::span<const std::vector<PositionReport>* const> batches) {
  std::vector<ReportCorrelation> out(batches.size());
  // Every report of every batch, as (batch, index in it).
  std::vector<std::pair<std::size_t, std::size_t>> all;
  for (std::size_t b = 0; b < batches.size(); ++b)
    for (std::size_t i = 0; i < batches[b]->size(); ++i) all.emplace_back(b, i);
  auto report = [&](std::size_t n) -> const PositionReport& { return (*batches[all[n].first])[all[n].second]; };
  const double gate = tracker.GateThreshold(3);
  const std::vector<TrackState>& tracks = tracker.tracks();
  const double q = tracker.PruneQ();  // the indexes' and pre-gates' bound
  const std::vector<PreGateTrack>& pre = tracker.pre_gate();
  // The confirmed tracks each report may gate with, in increasing order (track_index.h: a superset
  // of those the pre-gate keeps), over its slot's time window.
  std::vector<char> confirmed(tracks.size());
  for (std::size_t k = 0; k < tracks.size(); ++k) confirmed[k] = tracks[k].status == TrackStatus::kConfirmed;
  // One index per time slot of kSlotS seconds back from the newest report: a batch can hold
  // reports of very different ages (a picture relays tracks last updated minutes ago), and one
  // index over the whole window would widen every track's bound by its speed times that window.
  // Such old reports come one or two to a slot: a slot of fewer than kIndexMinReports reports has
  // no index, and all the confirmed tracks are its candidates (a superset as well).
  std::vector<long> slot_of(all.size());
  struct Slot {
    SimTime from, to;  // of its reports
    int reports = 0;
  };
  std::map<long, Slot> window;
  SimTime newest;
  for (std::size_t n = 0; n < all.size(); ++n)
    newest = n == 0 ? report(n).time_of_validity : std::max(newest, report(n).time_of_validity);
  for (std::size_t n = 0; n < all.size(); ++n) {
    const SimTime t = report(n).time_of_validity;
    slot_of[n] = static_cast<long>(std::min((newest - t).seconds() / kSlotS, 1e9));
    Slot& s = window.try_emplace(slot_of[n], Slot{t, t}).first->second;
    s.from = std::min(s.from, t);
    s.to = std::max(s.to, t);
    ++s.reports;
  }
  std::map<long, PositionTrackIndex> index;
  for (const auto& [slot, w] : window)
    if (w.reports >= kIndexMinReports) index[slot].Build(pre, confirmed, q, w.from, w.to, gate);
  std::vector<int> all_confirmed;  // the candidates of a slot without an index, increasing
  for (std::size_t k = 0; k < tracks.size(); ++k)
    if (confirmed[k]) all_confirmed.push_back(static_cast<int>(k));
  std::vector<int> near;
  for (std::size_t n = 0; n < all.size(); ++n) {
    const PositionReport& r = report(n);
    const Vec3 z = tracker.frame().EnuFromEcef(PositionEcef(r));
    Eigen::Matrix3d R = Eigen::Matrix3d::Zero();
    R(0, 0) = R(1, 1) = r.sigma_horizontal_m * r.sigma_horizontal_m + 1.0;
    R(2, 2) = r.sigma_vertical_m * r.sigma_vertical_m + 1.0;
    double best = std::numeric_limits<double>::infinity();
    TrackId best_track;
    const auto slot_index = index.find(slot_of[n]);
    if (slot_index != index.end()) slot_index->second.Candidates(r.time_of_validity, z, R.trace(), &near);
    for (const int k : slot_index != index.end() ? near : all_confirmed) {
      const TrackState& t = tracks[k];
      // Certainly outside the gate: neither the best within it nor a change of which one is.
      if (PositionPreGateRejects(pre[k], q, r.time_of_validity, z, R.trace(), gate)) continue;
      // Tracker::Predict's position and position block, without the rest of the covariance.
      const auto [p, P_pp] = tracker.PredictPosition(t, r.time_of_validity);
      const Vec3 nu = z - p;
      const Eigen::Matrix3d S = P_pp + R;
      const double d2 = nu.dot(S.ldlt().solve(nu));
      if (d2 < best) {
        best = d2;
        best_track = t.id;
      }
    }
    ReportCorrelation& c = out[all[n].first];
    if (best_track.valid() && best <= gate)
      c.pairs.push_back({all[n].second, best_track, best});
    else
      c.uncorrelated.push_back(all[n].second);
  }
  return out;
}

}  // namespace iadsim
