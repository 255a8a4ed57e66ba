#include "iadsim/sim/command_post_node.h"

#include "iadsim/sim/fire_unit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include <Eigen/Geometry>

namespace iadsim {

CommandPostNode::CommandPostNode(RunContext& ctx, std::string name, CommandPostConfig config, std::string sensor_name,
                                 double truth_alignment_rad)
    : ctx_(ctx),
      name_(std::move(name)),
      cp_(std::move(config), ctx.Stream(name_, "operator")),
      sensor_name_(std::move(sensor_name)),
      truth_alignment_rad_(truth_alignment_rad) {
  id_ = ctx_.engine.Add(this);
}

void CommandPostNode::Deliver(DetectionBatch batch, IffSweep iff) {
  const SimTime t = batch.end;
  inbox_.emplace_back(std::move(batch), std::move(iff));
  ctx_.engine.WakeAt(t, Phase::kTrack, id_);
}

void CommandPostNode::DeliverReports(PositionReportBatch batch) {
  const SimTime t = batch.time;
  report_inbox_.push_back(std::move(batch));
  ctx_.engine.WakeAt(t, Phase::kTrack, id_);
}

void CommandPostNode::EngagementEnded(EngagementId engagement, SimTime t) {
  ++epoch_;
  cp_.OnEngagementEnded(engagement, t);
  ctx_.Emit(Event{t, "engagement_ended"}.With("unit", name_).With("engagement", std::int64_t{engagement.value()}));
  ctx_.engine.WakeAt(t, Phase::kDecide, id_);
}

void CommandPostNode::Wake(SimTime now, Phase phase, Engine& engine) {
  ++epoch_;
  if (phase == Phase::kTrack) {
    Track(now);
    engine.WakeAt(now, Phase::kDecide, id_);
  } else if (phase == Phase::kDecide) {
    Decide(now);
  }
}

std::shared_ptr<const std::vector<PositionReport>> CommandPostNode::Picture(SimTime now) const {
  if (picture_ && picture_epoch_ == epoch_ && picture_time_ == now) return picture_;
  picture_epoch_ = epoch_;
  picture_time_ = now;
  // A picture still held by a message in flight is theirs: a new one, else the old storage.
  if (!picture_ || picture_.use_count() > 1) picture_ = std::make_shared<std::vector<PositionReport>>();
  std::vector<PositionReport>& picture = *picture_;
  picture.clear();
  const LocalFrame& frame = this->frame();
  // The tracks and the last picture's own reports are both in increasing track id: merged, the
  // reports of tracks still confirmed carried over, the others dropped.
  std::vector<OwnReport>& next = own_reports_scratch_;
  next.clear();
  std::size_t last = 0;
  for (const TrackState& t : cp_.tracker().tracks()) {
    if (t.status != TrackStatus::kConfirmed) continue;
    while (last < own_reports_.size() && own_reports_[last].track < t.id.value()) ++last;
    const bool known = last < own_reports_.size() && own_reports_[last].track == t.id.value();
    OwnReport& o = known ? next.emplace_back(std::move(own_reports_[last++])) : next.emplace_back();
    if (!known || !(o.time == t.time && std::memcmp(o.x.data(), t.x.data(), sizeof(double) * 6) == 0)) {
      if (!known) {
        o.track = t.id.value();
        o.callsign = fmt::format("{}#{}", name_, t.id.value());
      }
      o.time = t.time;
      o.x = t.x;
      o.position = frame.GeodeticFromEnu(t.x.head<3>());
      o.position_ecef = EcefFromGeodetic(o.position);
      // LocalFrame(r.position).EnuVectorFromEcef without the frame's origin conversion.
      o.v_enu = EnuFromEcefRotation(o.position.lat_deg, o.position.lon_deg) * frame.EcefVectorFromEnu(t.x.tail<3>());
    }
    PositionReport& r = picture.emplace_back();
    r.source = ReportSource::kNetwork;
    r.sender_unit = name_;
    r.callsign = o.callsign;
    r.time_of_validity = t.time;
    r.position = o.position;
    r.position_ecef = o.position_ecef;
    r.v_enu = o.v_enu;
    if (send_covariance_) {
      r.covariance = std::make_shared<const TrackCovariance>(TrackCovariance{t.P, frame.origin()});
    }
    r.sigma_horizontal_m = std::sqrt(std::max(0.0, (t.P(0, 0) + t.P(1, 1)) / 2.0));
    r.sigma_vertical_m = std::sqrt(std::max(0.0, t.P(2, 2)));
    r.identity = ToString(cp_.IdentityOf(t.id));
  }
  std::swap(own_reports_, next);
  for (PositionReport& r : cp_.RemotePicture(now)) picture.push_back(std::move(r));
  return picture_;
}

bool CommandPostNode::JoinedEquals(std::string_view s, const SenderProbe& p) {
  std::size_t pos = 0;
  for (int i = 0; i < p.n; ++i) {
    if (s.substr(std::min(pos, s.size()), p.parts[i].size()) != p.parts[i]) return false;
    pos += p.parts[i].size();
  }
  return s.size() == pos;
}

bool CommandPostNode::FirstForTrack(const SenderProbe& probe) {
  std::vector<std::string>& keys = correlated_senders_[probe.track.value()];
  for (const std::string& k : keys)
    if (JoinedEquals(k, probe)) return false;
  std::string& key = keys.emplace_back();
  for (int i = 0; i < probe.n; ++i) key += probe.parts[i];
  return true;
}

std::int64_t CommandPostNode::TruthOf(TrackId track, SimTime t) const {
  const auto [x, P] = cp_.tracker().Predict(track, t);
  // A misaligned radar's picture is rotated about the unit by its alignment error: undo it.
  const Vec3 p = Eigen::AngleAxisd(truth_alignment_rad_, Vec3::UnitZ()) * Vec3(x.head<3>());
  const auto e = ctx_.NearestAircraft(t, frame().EcefFromEnu(p));
  return e ? std::int64_t{e->value()} : -1;
}

void CommandPostNode::Track(SimTime now) {
  for (auto& [batch, iff] : inbox_) {
    const TrackerUpdate u = cp_.OnLook(batch, iff);
    for (TrackId t : u.dropped) {
      correlated_senders_.erase(t.value());  // ids are never reused: nothing will ask again
      if (confirmed_.erase(t) > 0)
        ctx_.Emit(now, "track_dropped", [&](Event& e) { e.With("unit", name_).With("track", std::int64_t{t.value()}); });
    }
    for (TrackId t : u.confirmed) {
      confirmed_.insert(t);
      const TrackState* s = cp_.tracker().Find(t);
      const Geodetic g = frame().GeodeticFromEnu(s->x.head<3>());
      ctx_.Emit(Event{now, "track_confirmed"}
                    .With("unit", name_)
                    .With("track", std::int64_t{t.value()})
                    .With("lat", g.lat_deg)
                    .With("lon", g.lon_deg)
                    .With("alt_m", g.alt_m)
                    .With("truth_entity", TruthOf(t, now))
                    .With("sensor", sensor_name_)
                    .With("detections", std::int64_t{s->hits}));
    }
    if (!ctx_.recorder->ReadsTracks()) continue;
    for (TrackId t : u.updated) {
      const TrackState* s = cp_.tracker().Find(t);
      if (s == nullptr || s->status != TrackStatus::kConfirmed) continue;
      TrackSample sample;
      sample.time = s->time;
      sample.unit = name_;
      sample.track = t.value();
      sample.geo = frame().GeodeticFromEnu(s->x.head<3>());
      sample.v_enu = s->x.tail<3>();
      sample.identity = ToString(cp_.IdentityOf(t));
      ctx_.recorder->OnTrack(sample);
    }
  }
  inbox_.clear();
  // Reports due now (several may be pending: links with different latencies).
  std::vector<PositionReportBatch> later;
  std::vector<const PositionReportBatch*> due;
  for (PositionReportBatch& b : report_inbox_) {
    if (b.time > now) {
      later.push_back(std::move(b));
      continue;
    }
    due.push_back(&b);
  }
  // The events of a batch once it is applied. With track fusion each batch is correlated, applied
  // and recorded before the next changes the tracks; without, all are correlated at once.
  auto record = [&](const PositionReportBatch& b, const ReportCorrelation& c) {
    for (const auto& p : c.pairs) {
      const PositionReport& r = (*b.reports)[p.report];
      if (r.source == ReportSource::kNetwork) {
        const auto& accepted = cp_.config().network.accept_identity_from;
        if (std::find(accepted.begin(), accepted.end(), b.sender_unit) == accepted.end()) continue;
        // Once per (track, node, identity): an identity it actually gives, not pending or unknown.
        if (r.identity == "pending" || r.identity == "unknown") continue;
        if (!FirstForTrack({p.track, {"network/", b.sender_unit, "/", r.identity}, 4})) continue;
        ctx_.Emit(now, "network_identity", [&](Event& e) {
          e.With("unit", name_)
              .With("track", std::int64_t{p.track.value()})
              .With("from_unit", b.sender_unit)
              .With("remote_track", r.callsign)
              .With("identity", r.identity)
              .With("truth_entity", TruthOf(p.track, now));
        });
        continue;
      }
      if (!FirstForTrack({p.track, {r.network, "/", r.callsign}, 3})) continue;
      ctx_.Emit(now, "report_correlated", [&](Event& e) {
        e.With("unit", name_)
            .With("source", std::string(ToString(r.source)))
            .With("network", r.network)
            .With("callsign", r.callsign)
            .With("track", std::int64_t{p.track.value()})
            .With("truth_entity", TruthOf(p.track, now));
      });
    }
  };
  if (cp_.fuses_tracks()) {
    for (const PositionReportBatch* b : due) record(*b, cp_.OnPositionReports(*b));
  } else {
    const std::vector<ReportCorrelation> correlations = cp_.OnPositionReports(due);
    for (std::size_t d = 0; d < due.size(); ++d) record(*due[d], correlations[d]);
  }
  report_inbox_ = std::move(later);
}

void CommandPostNode::Decide(SimTime now) {
  for (const IdentityChange& c : cp_.Identify(now)) {
    ctx_.Emit(Event{now, "identity_changed"}
                  .With("unit", name_)
                  .With("track", std::int64_t{c.track.value()})
                  .With("from", std::string(ToString(c.from)))
                  .With("to", std::string(ToString(c.to)))
                  .With("evidence", c.evidence)
                  .With("truth_entity", TruthOf(c.track, now)));
  }
  for (const IdentityConflict& c : cp_.conflicts())
    ctx_.Emit(Event{now, "identity_conflict"}
                  .With("unit", name_)
                  .With("track", std::int64_t{c.track.value()})
                  .With("local", std::string(ToString(c.local)))
                  .With("remote", std::string(ToString(c.remote)))
                  .With("from_unit", c.from_unit)
                  .With("truth_entity", TruthOf(c.track, now)));
  if (fire_unit_ == nullptr) return;
  for (const Revocation& r : cp_.Revoke(now)) {
    const std::string why = fmt::format("track {} now {} ({})", r.track.value(), ToString(r.identity), r.rule);
    ctx_.Emit(Event{now, "engagement_revoked"}
                  .With("unit", name_)
                  .With("engagement", std::int64_t{r.engagement.value()})
                  .With("track", std::int64_t{r.track.value()})
                  .With("action", std::string(ToString(r.action)))
                  .With("identity", std::string(ToString(r.identity)))
                  .With("control", r.control)
                  .With("rule", r.rule)
                  .With("truth_entity", TruthOf(r.track, now)));
    fire_unit_->Revoke(now, r.engagement, r.action == WhenRevoked::kHoldFire, why);
  }
  const DecisionCycle a = cp_.Assign(now, fire_unit_->Status(frame()));
  for (const OperatorDecision& d : a.decisions)
    ctx_.Emit(Event{now, "operator_decision"}
                  .With("unit", name_)
                  .With("track", std::int64_t{d.track.value()})
                  .With("call", std::string(d.engage ? "engage" : "hold"))
                  .With("doctrine", std::string(d.doctrine_engage ? "engage" : "hold"))
                  .With("wrong_call", d.wrong_call)
                  .With("delay_s", d.delay_s)
                  .With("identity", std::string(ToString(d.identity)))
                  .With("truth_entity", TruthOf(d.track, now)));
  for (const EngagementHold& h : a.holds) {
    Event e{now, "engagement_held"};
    e.With("unit", name_)
        .With("track", std::int64_t{h.track.value()})
        .With("reason", fmt::format("friendly {} in the capture zone {:.0f} s into the predicted flight "
                                    "({:.2f} deg off the illuminator beam centre, range-sum rates {:.0f} m/s apart)",
                                    h.friendly_name, h.conflict.time_s, h.conflict.off_beam_rad * 57.29577951308232,
                                    h.conflict.rate_difference_mps))
        .With("friendly_track", h.friendly_name)
        .With("friendly_truth_entity", h.friendly_track.valid() ? TruthOf(h.friendly_track, now) : std::int64_t{-1})
        .With("truth_entity", TruthOf(h.track, now));
    ctx_.Emit(e);
  }
  for (const OrderedEngagement& oe : a.orders) {
    const EngagementOrder& o = oe.order;
    ctx_.Emit(Event{now, "engagement_ordered"}
                  .With("unit", name_)
                  .With("engagement", std::int64_t{o.engagement.value()})
                  .With("track", std::int64_t{o.track.value()})
                  .With("identity", std::string(ToString(cp_.IdentityOf(o.track))))
                  .With("control", oe.control)
                  .With("rule", oe.rule)
                  .With("rounds", std::int64_t{o.rounds})
                  .With("truth_entity", TruthOf(o.track, now)));
    fire_unit_->Order(o);
  }
  if (a.next_decision) ctx_.engine.WakeAt(*a.next_decision, Phase::kDecide, id_);
}

}  // namespace iadsim
