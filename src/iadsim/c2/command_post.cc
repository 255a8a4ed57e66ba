#include "iadsim/c2/command_post.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "iadsim/core/error.h"
#include "iadsim/tracking/covariance_intersection.h"

namespace iadsim {

const char* ToString(WhenRevoked w) {
  switch (w) {
    case WhenRevoked::kContinue: return "continue";
    case WhenRevoked::kCeaseEngagement: return "cease_engagement";
    case WhenRevoked::kHoldFire: return "hold_fire";
  }
  return "?";
}

Problems DoctrineConfig::Validate() const {
  Problems out;
  if (salvo < 1 || salvo > 4) out.push_back({"salvo", fmt::format("must be in [1, 4] (got {})", salvo)});
  if (!(reengage_delay_s >= 0.0))
    out.push_back({"reengage_delay", fmt::format("must be >= 0 (got {} s)", reengage_delay_s)});
  for (Problem p : ValidateSectors(sectors)) out.push_back(p);
  if (operator_model)
    for (Problem p : operator_model->Validate()) {
      p.path = "operator." + p.path;
      out.push_back(p);
    }
  return out;
}

Problems NetworkDoctrine::Validate() const {
  Problems out;
  if (!(silence_timeout_s > 0.0))
    out.push_back({"silence_timeout", fmt::format("must be > 0 (got {} s)", silence_timeout_s)});
  return out;
}

CommandPost::CommandPost(CommandPostConfig config, RandomStream operator_stream)
    : config_(std::move(config)),
      tracker_(config_.tracker),
      identifier_(config_.identification),
      operator_stream_(operator_stream) {}

TrackerUpdate CommandPost::OnDetections(const DetectionBatch& batch, std::span<const PolarPlot> also_cover) {
  TrackerUpdate u = tracker_.Process(batch, also_cover);
  for (TrackId t : u.dropped) {
    identifier_.Forget(t);
    calls_.erase(t);
  }
  return u;
}

TrackerUpdate CommandPost::OnLook(const DetectionBatch& batch, const IffSweep& sweep) {
  RepliesToCover(batch, sweep, &look_plots_);
  TrackerUpdate u = OnDetections(batch, look_plots_);
  OnIffSweep(sweep, u.detection_tracks);
  return u;
}

void CommandPost::OnIffSweep(const IffSweep& sweep, std::span<const TrackId> detection_tracks) {
  identifier_.AddIffEvidence(sweep, CorrelateIff(tracker_, sweep, detection_tracks));
}

ReportCorrelation CommandPost::OnPositionReports(const PositionReportBatch& batch) {
  ReportCorrelation c = CorrelateReports(tracker_, *batch.reports);
  ApplyReports(batch, c);
  return c;
}

std::vector<ReportCorrelation> CommandPost::OnPositionReports(std::span<const PositionReportBatch* const> batches) {
  IADSIM_CHECK(!fuses_tracks(), "CommandPost::OnPositionReports: batches with track fusion are applied one at a time");
  std::vector<const std::vector<PositionReport>*> reports;
  for (const PositionReportBatch* b : batches) reports.push_back(b->reports.get());
  std::vector<ReportCorrelation> out = CorrelateReports(tracker_, reports);
  for (std::size_t i = 0; i < batches.size(); ++i) ApplyReports(*batches[i], out[i]);
  return out;
}

void CommandPost::ApplyReports(const PositionReportBatch& batch, const ReportCorrelation& c) {
  const auto& accepted = config_.network.accept_identity_from;
  const bool from_accepted =
      !batch.sender_unit.empty() && std::find(accepted.begin(), accepted.end(), batch.sender_unit) != accepted.end();
  if (from_accepted) network_heard_ = batch.time;
  const std::vector<PositionReport>& reports = *batch.reports;
  identifier_.AddReportEvidence(reports, c, from_accepted ? batch.sender_unit : std::string());
  if (!batch.sender_unit.empty()) {
    std::vector<bool> paired(reports.size(), false);
    for (const auto& p : c.pairs) paired[p.report] = true;
    const bool fuse = fuses_tracks();
    std::vector<TrackId> pair_track(fuse ? reports.size() : 0);
    if (fuse)
      for (const auto& p : c.pairs) pair_track[p.report] = p.track;
    std::vector<RemoteTrack*>& last = last_picture_[batch.sender_unit];
    std::vector<RemoteTrack*>& seen = picture_scratch_;
    seen.clear();
    std::size_t cursor = 0;  // into last
    for (std::size_t i = 0; i < reports.size(); ++i) {
      const PositionReport& r = reports[i];
      if (r.source != ReportSource::kNetwork || r.sender_unit == config_.name) continue;  // not our own, relayed back
      RemoteTrack* entry = nullptr;
      // The entries are map nodes, cold by now: ask for the one the cursor will likely reach a few
      // reports on (its callsign, compared first, and the report assigned below).
      if (cursor + kRemotePrefetchAhead < last.size()) {
        const char* next = reinterpret_cast<const char*>(last[cursor + kRemotePrefetchAhead]);
        for (std::size_t b = 0; b < sizeof(RemoteTrack); b += 64) __builtin_prefetch(next + b, 1);
      }
      if (cursor < last.size() && last[cursor]->report.callsign == r.callsign) {
        entry = last[cursor++];
      } else if (const auto found = remote_index_.find(r.callsign); found != remote_index_.end()) {
        entry = found->second;
        if (entry->slot < last.size() && last[entry->slot] == entry) cursor = entry->slot + 1;
      }
      const bool known_before = entry != nullptr;
      // Older than the silence timeout when it arrives: silence, not news to fuse (and the rule
      // that lets ForgetSilentRemotes erase an entry without changing what is fused).
      const bool fresh = (batch.time - r.time_of_validity).seconds() <= config_.network.silence_timeout_s;
      if (!known_before) {
        if (fuse && paired[i] && fresh) FuseReport(pair_track[i], r);
        const auto it = remote_.emplace(r.callsign, RemoteTrack{r, batch.sender_unit, paired[i]}).first;
        remote_index_.emplace(it->first, &it->second);
        entry = &it->second;
      }
      entry->slot = seen.size();
      seen.push_back(entry);
      RemoteTrack& known = *entry;
      if (!known_before || known.report.time_of_validity > r.time_of_validity) continue;  // new, or older news
      if (fuse && paired[i] && fresh && r.time_of_validity > known.report.time_of_validity)
        FuseReport(pair_track[i], r);
      // Assigned member by member: the strings reuse their storage.
      known.report = r;
      known.via_unit = batch.sender_unit;
      known.correlated = paired[i];
    }
    std::swap(last, seen);
  }
  ForgetSilentRemotes(batch.time);
}

// An entry silent for more than the timeout (now - time of validity) is out of RemotePicture for
// good: its time of validity only grows, and only by a report. A later report of its callsign with
// a time of validity no newer is stale on arrival, so neither fused nor shown, whether it updates
// the entry or makes a new one; a newer one leaves both in the same state. Erasing it therefore
// changes nothing but the memory, which then follows the tracks heard lately instead of every
// track ever heard (messages arrive in time order). Entries of a sender's last picture are kept
// (last_picture_ points to them).
void CommandPost::ForgetSilentRemotes(SimTime now) {
  const double timeout = config_.network.silence_timeout_s;
  if (remote_.empty() || (last_forget_ && !((now - *last_forget_).seconds() >= timeout))) return;
  last_forget_ = now;
  std::vector<const RemoteTrack*>& pictured = forget_scratch_;
  pictured.clear();
  for (const auto& [sender, entries] : last_picture_) pictured.insert(pictured.end(), entries.begin(), entries.end());
  std::sort(pictured.begin(), pictured.end());
  for (auto it = remote_.begin(); it != remote_.end();) {
    const RemoteTrack& e = it->second;
    if ((now - e.report.time_of_validity).seconds() > timeout &&
        !std::binary_search(pictured.begin(), pictured.end(), &e)) {
      remote_index_.erase(std::string_view(it->first));
      it = remote_.erase(it);
    } else {
      ++it;
    }
  }
}

void CommandPost::FuseReport(TrackId track, const PositionReport& r) {
  const auto [x, P] = tracker_.Predict(track, r.time_of_validity);
  const Vec3 z = tracker_.frame().EnuFromEcef(PositionEcef(r));
  FusedEstimate f;
  if (r.covariance) {  // the sender's whole estimate: CI of the two (position, velocity) states
    // From the ENU axes at the report's position (the velocity) and of the sender's frame (the
    // covariance) to this tracker's.
    const Eigen::Matrix3d& here = tracker_.frame().R_enu_from_ecef();
    StateVec xr;
    xr << z, here * EnuFromEcefRotation(r.position.lat_deg, r.position.lon_deg).transpose() * r.v_enu;
    const Geodetic& o = r.covariance->frame_origin;
    StateCov Pr =
        RotatePositionVelocityCovariance(here * EnuFromEcefRotation(o.lat_deg, o.lon_deg).transpose(), r.covariance->P);
    Pr = 0.5 * (Pr + Pr.transpose());
    Pr.diagonal().head<3>().array() += 1.0;   // m^2, as the position-only form's R below
    Pr.diagonal().tail<3>().array() += 0.01;  // (m/s)^2
    f = CovarianceIntersection(x, P, xr, Pr, CiCriterion::kDeterminant);
  } else {  // its position alone
    Eigen::Matrix3d R = Eigen::Matrix3d::Zero();
    R(0, 0) = R(1, 1) = r.sigma_horizontal_m * r.sigma_horizontal_m + 1.0;
    R(2, 2) = r.sigma_vertical_m * r.sigma_vertical_m + 1.0;
    Eigen::Matrix<double, 3, 6> H = Eigen::Matrix<double, 3, 6>::Zero();
    H.leftCols<3>().setIdentity();
    f = CovarianceIntersectionUpdate(x, P, z, R, H, CiCriterion::kDeterminant);
  }
  const StateCov Pf = f.P;
  tracker_.FuseEstimate(track, r.time_of_validity, f.x, 0.5 * (Pf + Pf.transpose()));
  ++fused_reports_;
}

std::vector<IdentityChange> CommandPost::Identify(SimTime now) {
  assessed_at_ = now;
  confirmed_ids_.clear();
  assessments_.clear();
  const std::vector<TrackState>& tracks = tracker_.tracks();
  for (std::size_t k = 0; k < tracks.size(); ++k) {
    if (tracks[k].status != TrackStatus::kConfirmed) continue;
    confirmed_ids_.push_back(tracks[k].id);
    assessments_.push_back({k});
  }
  return identifier_.Evaluate(now, confirmed_ids_, [&](std::size_t i) {
    const Assessment& a = Assess(i);
    return Identifier::Kinematics{&a.threat, a.speed_mps, &a.position_velocity};
  });
}

std::vector<Revocation> CommandPost::Revoke(SimTime now) {
  std::vector<Revocation> out;
  if (config_.doctrine.when_revoked == WhenRevoked::kContinue) return out;
  IADSIM_CHECK(now == assessed_at_, "CommandPost::Revoke: call it right after Identify(now)");
  for (auto& [id, e] : engagements_) {
    if (!e.active || !e.doctrine || e.revoked) continue;
    const auto it = std::lower_bound(confirmed_ids_.begin(), confirmed_ids_.end(), e.track);
    if (it == confirmed_ids_.end() || *it != e.track) continue;  // no longer a confirmed track here
    const Assessment& a = Assess(static_cast<std::size_t>(it - confirmed_ids_.begin()));
    const DoctrineAnswer answer = Doctrine(now, a.threat, a.position_velocity.first);
    if (answer.engage) continue;
    e.revoked = true;
    // The identity the rule read: the network's under its fire authority, else the unit's own.
    const Identity identity = answer.basis == DoctrineAnswer::Basis::kNetworkAuthority
                                  ? identifier_.NetworkIdentityOf(e.track).value_or(Identity::kUnknown)
                                  : identifier_.IdentityOf(e.track);
    out.push_back({id, e.track, config_.doctrine.when_revoked, identity, ToString(answer.control.control),
                   DoctrineRule(answer)});
  }
  return out;
}

const CommandPost::Assessment& CommandPost::Assess(std::size_t i) {
  Assessment& a = assessments_[i];
  if (a.done) return a;
  const std::vector<TrackState>& tracks = tracker_.tracks();
  IADSIM_CHECK(a.index < tracks.size() && tracks[a.index].id == confirmed_ids_[i],
               "CommandPost: the tracks changed between Identify and Assign");
  const TrackState& t = tracks[a.index];
  const StateVec x = PredictCvMean(t.x, (assessed_at_ - t.time).seconds());  // the covariance is not needed
  a.threat = AssessThreat(t.id, x.head<3>(), x.tail<3>(), config_.assets);
  a.speed_mps = x.tail<3>().norm();
  a.position_velocity = {x.head<3>(), x.tail<3>()};
  a.done = true;
  return a;
}

CommandPost::DoctrineByControl CommandPost::DoctrineFor(SimTime now, TrackId track) const {
  DoctrineByControl d;
  auto under = [&](WeaponsControl c) -> bool& { return d.engage[static_cast<std::size_t>(c)]; };
  const NetworkDoctrine& net = config_.network;
  if (net.fire_authority == FireAuthority::kNetwork) {
    const bool heard = network_heard_ && (now - *network_heard_).seconds() <= net.silence_timeout_s;
    if (heard) {
      d.basis = DoctrineAnswer::Basis::kNetworkAuthority;
      under(WeaponsControl::kTight) = under(WeaponsControl::kFree) =
          identifier_.NetworkIdentityOf(track) == Identity::kHostile;
      return d;
    }
    if (!net.autonomous) {
      d.basis = DoctrineAnswer::Basis::kNetworkSilentNoFire;
      return d;
    }
  }
  const Identity id = identifier_.IdentityOf(track);
  under(WeaponsControl::kTight) = id == Identity::kHostile;
  under(WeaponsControl::kFree) = id != Identity::kFriend && id != Identity::kAssumedFriend && id != Identity::kNeutral;
  return d;
}

CommandPost::DoctrineAnswer CommandPost::Doctrine(const DoctrineByControl& by_control, const Vec3& p_enu) const {
  DoctrineAnswer a;
  a.control = ControlAt(config_.doctrine.sectors, config_.doctrine.control, std::atan2(p_enu.x(), p_enu.y()));
  a.basis = by_control.basis;
  a.engage = by_control.engage[static_cast<std::size_t>(a.control.control)];
  return a;
}

std::string CommandPost::DoctrineRule(const DoctrineAnswer& a) const {
  const NetworkDoctrine& net = config_.network;
  switch (a.basis) {
    case DoctrineAnswer::Basis::kNetworkAuthority:
      return "network fire authority: only tracks an accepted node declared hostile";
    case DoctrineAnswer::Basis::kNetworkSilentNoFire: return "network silent: no autonomous fire";
    case DoctrineAnswer::Basis::kControl: break;
  }
  std::string rule = net.fire_authority == FireAuthority::kNetwork
                         ? fmt::format("network silent for more than {:.0f} s: autonomous fire; ", net.silence_timeout_s)
                         : std::string();
  rule += std::string("weapons ") + ToString(a.control.control);
  if (!a.control.sector.empty()) rule += fmt::format(" in sector {}", a.control.sector);
  if (a.control.control == WeaponsControl::kTight) rule += ": fire only on tracks identified hostile";
  if (a.control.control == WeaponsControl::kFree)
    rule += ": fire on any track not identified friend, assumed friend or neutral";
  return rule;
}

std::optional<EngagementHold> CommandPost::CaptureZoneHold(SimTime now, TrackId track, const FireUnitStatus& fu,
                                                           double flight_time_s) const {
  if (!fu.semi_active || !config_.doctrine.capture_zone_hold) return std::nullopt;
  CaptureZoneGeometry g;
  g.illuminator_enu = fu.p_enu;
  g.launcher_enu = fu.p_enu;
  g.beamwidth_rad = fu.illuminator_beamwidth_rad;
  g.doppler_gate_mps = fu.doppler_gate_mps;
  g.missile_speed_mps = fu.envelope.mean_missile_speed_mps;
  const auto [x, P] = tracker_.Predict(track, now);
  for (const TrackState& t : tracker_.tracks()) {
    if (t.id == track || t.status != TrackStatus::kConfirmed) continue;
    const Identity id = identifier_.IdentityOf(t.id);
    if (id != Identity::kFriend && id != Identity::kAssumedFriend) continue;
    const StateVec f = tracker_.Predict(t.id, now).first;
    if (auto c = FindCaptureConflict(g, x.head<3>(), x.tail<3>(), f.head<3>(), f.tail<3>(), flight_time_s))
      return EngagementHold{track, t.id, fmt::format("track {}", t.id.value()), *c};
  }
  const auto& accepted = config_.network.accept_identity_from;
  for (const PositionReport& r : RemotePicture(now)) {
    if (r.identity != "friend" && r.identity != "assumed-friend") continue;
    const auto& via = remote_index_.at(r.callsign)->via_unit;
    if (std::find(accepted.begin(), accepted.end(), via) == accepted.end()) continue;
    const std::string& callsign = r.callsign;
    const Vec3 p = tracker_.frame().EnuFromEcef(PositionEcef(r)) + r.v_enu * (now - r.time_of_validity).seconds();
    if (auto c = FindCaptureConflict(g, x.head<3>(), x.tail<3>(), p, r.v_enu, flight_time_s))
      return EngagementHold{track, TrackId(), fmt::format("network track {} of {}", callsign, r.sender_unit), *c};
  }
  return std::nullopt;
}

std::vector<PositionReport> CommandPost::RemotePicture(SimTime now) const {
  std::vector<PositionReport> out;
  for (const auto& [callsign, t] : remote_)
    if (!t.correlated && (now - t.report.time_of_validity).seconds() <= config_.network.silence_timeout_s)
      out.push_back(t.report);
  return out;
}

DecisionCycle CommandPost::Assign(SimTime now, const FireUnitStatus& fu) {
  DecisionCycle out;
  int channels = fu.free_channels, rounds = fu.ready_rounds;
  if (channels <= 0 || rounds <= 0) return out;
  // Every confirmed track's threat, as the last Identify saw them (it assessed only those its rules
  // asked about); the tracks have not changed since.
  ranked_.clear();
  for (std::size_t i = 0; i < assessments_.size(); ++i) ranked_.push_back(Assess(i).threat);
  // The threats of the last Identify ranked: inbound first, soonest first; ties in track order
  // (the order they were assessed in: a stable sort's result, without its buffer). Only a unit
  // that can fire ranks them.
  std::sort(ranked_.begin(), ranked_.end(), [](const ThreatAssessment& a, const ThreatAssessment& b) {
    if (a.inbound != b.inbound) return a.inbound;
    if (a.time_to_cpa_s != b.time_to_cpa_s) return a.time_to_cpa_s < b.time_to_cpa_s;
    return a.track < b.track;
  });
  for (const ThreatAssessment& th : ranked_) {
    if (channels <= 0 || rounds <= 0) break;
    const bool busy = std::any_of(engagements_.begin(), engagements_.end(), [&](const auto& kv) {
      const Engagement& e = kv.second;
      return e.track == th.track &&
             (e.active || (now - e.ended).seconds() < config_.doctrine.reengage_delay_s);
    });
    if (busy) continue;
    // Doctrine's answer first (its words only for an order): a track it holds fire on, with no
    // operator who may call against it, is skipped before the intercept is computed, and one no
    // weapons control would engage (a neutral, say) before its prediction.
    const auto& op = config_.doctrine.operator_model;
    const bool may_call_against = op && op->wrong_call_probability > 0.0;
    const DoctrineByControl by_control = DoctrineFor(now, th.track);
    if (!by_control.any() && !may_call_against) continue;
    const StateVec x = tracker_.PredictMean(th.track, now);  // the covariance only for an order
    const DoctrineAnswer answer = Doctrine(by_control, x.head<3>());
    const bool doctrine = answer.engage;
    if (!doctrine && !may_call_against) continue;
    const auto intercept = PredictIntercept(x.head<3>(), x.tail<3>(), fu.p_enu, fu.envelope.mean_missile_speed_mps);
    // The range limits first: the intercept point's geodetic height is needed only inside them.
    if (!intercept || intercept->range_m < fu.envelope.min_range_m || intercept->range_m > fu.envelope.max_range_m)
      continue;
    const Geodetic at = tracker_.frame().GeodeticFromEnu(intercept->point_enu);
    if (!InsideEnvelope(*intercept, at.alt_m, fu.envelope)) continue;
    bool engage = doctrine, against_doctrine = false;
    if (op) {
      auto it = calls_.find(th.track);
      if (it == calls_.end() || it->second.doctrine != doctrine) {
        if (!doctrine && op->wrong_call_probability <= 0.0) continue;  // nothing to decide
        RandomStream rng = operator_stream_.Derive("operator", th.track.value());
        const double pressure = th.inbound ? th.time_to_cpa_s : -1.0;
        Call c{doctrine, DecideCall(*op, doctrine, pressure, rng), {}, false};
        c.due = now + Duration::Seconds(c.call.delay_s);
        it = calls_.insert_or_assign(th.track, c).first;
      }
      Call& c = it->second;
      if (c.due > now) {
        out.next_decision = out.next_decision ? std::min(*out.next_decision, c.due) : c.due;
        continue;
      }
      if (!c.reported) {
        c.reported = true;
        out.decisions.push_back({th.track, c.call.engage, doctrine, c.call.wrong_call, c.call.delay_s,
                                 identifier_.IdentityOf(th.track)});
      }
      engage = c.call.engage;
      against_doctrine = c.call.wrong_call;
    }
    if (!engage) continue;
    if (auto hold = CaptureZoneHold(now, th.track, fu, intercept->time_s)) {
      if (holds_reported_.insert({th.track, hold->friendly_name}).second) out.holds.push_back(*hold);
      continue;
    }
    const StateCov P = tracker_.Predict(th.track, now).second;
    EngagementOrder o;
    o.time = now;
    o.engagement = EngagementId(next_engagement_++);
    o.unit = config_.unit;
    o.track = th.track;
    o.rounds = std::min(config_.doctrine.salvo, rounds);
    o.target_p_ecef = tracker_.frame().EcefFromEnu(x.head<3>());
    o.target_v_ecef = tracker_.frame().EcefVectorFromEnu(x.tail<3>());
    o.target_P_ecef = RotatePositionVelocityCovariance(tracker_.frame().R_enu_from_ecef().transpose(), P);
    engagements_[o.engagement] = {th.track, true, now, doctrine, false};
    calls_.erase(th.track);
    std::string rule = DoctrineRule(answer);
    if (against_doctrine) rule = "operator's call against doctrine under time pressure (" + rule + ")";
    out.orders.push_back({o, ToString(answer.control.control), rule});
    --channels;
    rounds -= o.rounds;
  }
  return out;
}

void CommandPost::OnEngagementEnded(EngagementId engagement, SimTime t) {
  auto it = engagements_.find(engagement);
  if (it == engagements_.end()) return;
  it->second.active = false;
  it->second.ended = t;
}

}  // namespace iadsim
