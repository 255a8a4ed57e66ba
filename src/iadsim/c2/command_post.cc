#include "iadsim/c2/command_post.h"

#include <fmt/format.h>

#include <algorithm>


namespace iadsim {

const char* ToString(WeaponsControl c) {
  switch (c) {
    case WeaponsControl::kFree: return "free";
    case WeaponsControl::kTight: return "tight";
    case WeaponsControl::kHold: return "hold";
  }
  return "?";
}

Problems DoctrineConfig::Validate() const {
  Problems out;
  if (salvo < 1 || salvo > 4) out.push_back({"salvo", fmt::format("must be in [1, 4] (got {})", salvo)});
  if (!(reengage_delay_s >= 0.0))
    out.push_back({"reengage_delay", fmt::format("must be >= 0 (got {} s)", reengage_delay_s)});
  return out;
}

CommandPost::CommandPost(CommandPostConfig config)
    : config_(std::move(config)), tracker_(config_.tracker), identifier_(config_.identification) {}

TrackerUpdate CommandPost::OnDetections(const DetectionBatch& batch) {
  TrackerUpdate u = tracker_.Process(batch);
  for (TrackId t : u.dropped) identifier_.Forget(t);
  return u;
}

void CommandPost::OnIffSweep(const IffSweep& sweep) {
  identifier_.AddIffEvidence(sweep, CorrelateIff(tracker_, sweep));
}

ReportCorrelation CommandPost::OnPositionReports(const PositionReportBatch& batch) {
  ReportCorrelation c = CorrelateReports(tracker_, batch.reports);
  identifier_.AddReportEvidence(batch.reports, c);
  return c;
}

std::vector<IdentityChange> CommandPost::Identify(SimTime now) {
  threats_.clear();
  std::vector<double> speeds;
  for (const TrackState& t : tracker_.tracks()) {
    if (t.status != TrackStatus::kConfirmed) continue;
    const StateVec x = tracker_.Predict(t.id, now).first;
    threats_.push_back(AssessThreat(t.id, x.head<3>(), x.tail<3>(), config_.assets));
    speeds.push_back(x.tail<3>().norm());
  }
  auto changes = identifier_.Evaluate(now, threats_, speeds);
  std::stable_sort(threats_.begin(), threats_.end(), [](const ThreatAssessment& a, const ThreatAssessment& b) {
    if (a.inbound != b.inbound) return a.inbound;
    return a.time_to_cpa_s < b.time_to_cpa_s;
  });
  return changes;
}

bool CommandPost::Eligible(Identity id) const {
  switch (config_.doctrine.control) {
    case WeaponsControl::kHold: return false;
    case WeaponsControl::kTight: return id == Identity::kHostile;
    case WeaponsControl::kFree:
      return id != Identity::kFriend && id != Identity::kAssumedFriend && id != Identity::kNeutral;
  }
  return false;
}

std::vector<EngagementOrder> CommandPost::Assign(SimTime now, const FireUnitStatus& fu) {
  std::vector<EngagementOrder> orders;
  int channels = fu.free_channels, rounds = fu.ready_rounds;
  for (const ThreatAssessment& th : threats_) {
    if (channels <= 0 || rounds <= 0) break;
    if (!Eligible(identifier_.IdentityOf(th.track))) continue;
    const bool busy = std::any_of(engagements_.begin(), engagements_.end(), [&](const auto& kv) {
      const Engagement& e = kv.second;
      return e.track == th.track &&
             (e.active || (now - e.ended).seconds() < config_.doctrine.reengage_delay_s);
    });
    if (busy) continue;
    const auto [x, P] = tracker_.Predict(th.track, now);
    const auto intercept = PredictIntercept(x.head<3>(), x.tail<3>(), fu.p_enu, fu.envelope.mean_missile_speed_mps);
    if (!intercept) continue;
    const Geodetic at = tracker_.frame().GeodeticFromEnu(intercept->point_enu);
    if (!InsideEnvelope(*intercept, at.alt_m, fu.envelope)) continue;
    EngagementOrder o;
    o.time = now;
    o.engagement = EngagementId(next_engagement_++);
    o.unit = config_.unit;
    o.track = th.track;
    o.rounds = std::min(config_.doctrine.salvo, rounds);
    o.target_p_ecef = tracker_.frame().EcefFromEnu(x.head<3>());
    o.target_v_ecef = tracker_.frame().EcefVectorFromEnu(x.tail<3>());
    o.target_P_ecef = RotatePositionVelocityCovariance(tracker_.frame().R_enu_from_ecef().transpose(), P);
    engagements_[o.engagement] = {th.track, true, now};
    orders.push_back(o);
    --channels;
    rounds -= o.rounds;
  }
  return orders;
}

void CommandPost::OnEngagementEnded(EngagementId engagement, SimTime t) {
  auto it = engagements_.find(engagement);
  if (it == engagements_.end()) return;
  it->second.active = false;
  it->second.ended = t;
}

}  // namespace iadsim
