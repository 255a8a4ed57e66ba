#include "iadsim/c2/identification.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace iadsim {
namespace {

const ProceduralCorridor* CorridorOf(const std::vector<ProceduralCorridor>& corridors,
                                     const std::pair<Vec3, Vec3>* position_velocity) {
  if (position_velocity == nullptr) return nullptr;
  for (const ProceduralCorridor& c : corridors)
    if (InsideCorridor(c, position_velocity->first, position_velocity->second)) return &c;
  return nullptr;
}

}  // namespace

Problems IdentificationRules::Validate() const {
  Problems out;
  if (!(hostile_min_speed_mps > 0.0 && hostile_min_speed_mps <= 3000.0))
    out.push_back({"hostile_min_speed", fmt::format("must be in (0, 3000] m/s (got {} m/s)", hostile_min_speed_mps)});
  if (!(inbound_max_cpa_m > 0.0))
    out.push_back({"inbound_max_cpa", fmt::format("must be > 0 (got {} m)", inbound_max_cpa_m)});
  if (!(hostile_delay_s >= 0.0))
    out.push_back({"hostile_delay", fmt::format("must be >= 0 (got {} s)", hostile_delay_s)});
  if (min_unanswered < 1)
    out.push_back({"min_unanswered", fmt::format("must be >= 1 (got {})", min_unanswered)});
  return out;
}

void Identifier::AddIffEvidence(const IffSweep& sweep, const IffCorrelation& correlation) {
  for (const auto& pair : correlation.pairs) {
    const IffReply& r = sweep.replies[pair.reply];
    Evidence& e = EvidenceFor(pair.track);
    e.last_reply = r.time;
    if (r.mode == IffMode::kSecure && r.authenticated) {
      ++e.secure_replies;
      e.secure_key = r.key;
    } else if (r.mode == IffMode::kMode3A || r.mode == IffMode::kModeS) {
      ++e.mode3a_replies;
      e.code = r.code;
      e.mode_c_alt_m = r.pressure_alt_m;
    }
  }
  for (TrackId t : correlation.unanswered) ++EvidenceFor(t).unanswered;
}

void Identifier::AddReportEvidence(const std::vector<PositionReport>& reports, const ReportCorrelation& correlation,
                                   const std::string& via) {
  for (const auto& pair : correlation.pairs) {
    const PositionReport& r = reports[pair.report];
    if (r.source == ReportSource::kNetwork) {
      Identity id;
      if (via.empty() || !ParseIdentity(r.identity.c_str(), &id) || id == Identity::kPending || id == Identity::kUnknown)
        continue;
      Evidence& e = EvidenceFor(pair.track);
      e.network_identity = id;
      e.network_sender = via == r.sender_unit ? via : fmt::format("{} (track of {})", via, r.sender_unit);
      continue;
    }
    Evidence& e = EvidenceFor(pair.track);
    if (r.source == ReportSource::kFlightPlan) {
      ++e.flight_plan_reports;
      e.flight_plan_sender = r.callsign;
      continue;
    }
    e.report_on_datalink = r.source == ReportSource::kDatalink;
    ++(e.report_on_datalink ? e.datalink_reports : e.adsb_reports);
    e.report_address = r.address;
    e.report_callsign = r.callsign;
    e.report_network = r.network;
  }
}

// The last report's sender in words ("CALLSIGN on datalink 'NET'" or "ADS-B 4CA2B3 CALLSIGN").
std::string Identifier::ReportSender(const Evidence& e) {
  return e.report_on_datalink ? fmt::format("{} on datalink '{}'", e.report_callsign, e.report_network)
                              : fmt::format("ADS-B {:06X} {}", e.report_address, e.report_callsign);
}

std::vector<IdentityChange> Identifier::Evaluate(SimTime now, std::span<const TrackId> tracks,
                                                 const KinematicsOf& kinematics_of) {
  std::vector<IdentityChange> changes;
  conflicts_.clear();
  // Every track's evidence first (created in track order, as the loop below would), asked for
  // together: their loads overlap instead of each stalling the decision that needs it.
  std::vector<Evidence*>& evidence = evidence_scratch_;
  evidence.clear();
  for (const TrackId track : tracks) {
    if (track.value() < settled_.size() && settled_[track.value()]) {
      evidence.push_back(nullptr);  // skipped (Evaluate's comment in the header)
      continue;
    }
    Evidence& e = EvidenceFor(track);
    __builtin_prefetch(&e, 1);
    __builtin_prefetch(reinterpret_cast<const char*>(&e) + 64, 1);
    evidence.push_back(&e);
  }
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    if (evidence[i] == nullptr) continue;
    const TrackId track = tracks[i];
    Evidence& e = *evidence[i];
    Identity& identity = identity_[track.value()];
    bool timeless = true;  // the decision read neither `now` nor the kinematics
    // The corridor the track flies, when the scenario has corridor rules (they read kinematics).
    auto corridor = [&]() -> const ProceduralCorridor* {
      if (rules_.corridors.empty()) return nullptr;
      timeless = false;
      return CorridorOf(rules_.corridors, kinematics_of(i).position_velocity);
    };
    // The decision on the unit's own evidence and, only when asked (an identity that changes), that
    // evidence in words. Its state changes (behaviour timer, point of origin) are idempotent, so a
    // second call for the words decides the same.
    auto decide = [&](std::string* why) {
      Identity next = identity;
      if (e.secure_replies > 0) {
        next = Identity::kFriend;
        if (why) *why = fmt::format("secure IFF reply authenticated with key '{}' ({} replies)", e.secure_key, e.secure_replies);
      } else if (e.datalink_reports > 0) {
        next = Identity::kFriend;
        if (why) *why = fmt::format("own-position report of {} ({} reports)", ReportSender(e), e.datalink_reports);
      } else if (e.flight_plan_reports > 0 && e.adsb_reports == 0) {
        next = rules_.flight_plan_identity;
        if (why) *why = fmt::format("where the filed flight plan of {} puts it, no secure-mode reply", e.flight_plan_sender);
      } else if (e.adsb_reports > 0) {
        next = rules_.adsb_identity;
        if (why) *why = fmt::format("{} ({} reports), no secure-mode reply", ReportSender(e), e.adsb_reports);
      } else if (e.mode3a_replies > 0) {
        next = rules_.mode3a_identity;
        if (why) *why = fmt::format("Mode 3/A code {:04d}", e.code);
        if (why && e.mode_c_alt_m) *why += fmt::format(" with Mode C altitude {:.0f} m", *e.mode_c_alt_m);
        if (why) *why += ", no secure-mode reply";
      } else if (const ProceduralCorridor* c = corridor()) {
        e.hostile_behaviour_since.reset();
        next = Identity::kAssumedFriend;
        if (why) *why = fmt::format("flying the procedural corridor '{}' in its direction, no IFF or report evidence", c->name);
      } else if ((!rules_.has_iff || e.unanswered >= rules_.min_unanswered) && identity != Identity::kHostile) {
        timeless = false;
        const Kinematics k = kinematics_of(i);
        const ThreatAssessment& th = *k.threat;
        const bool fast = k.speed_mps >= rules_.hostile_min_speed_mps;
        bool inbound = th.inbound && th.cpa_m <= rules_.inbound_max_cpa_m;
        // Altitude and point of origin narrow the behaviour rule when the scenario states them.
        std::string profile;
        if (k.position_velocity != nullptr) {
          const Vec3& p = k.position_velocity->first;
          if (!e.origin_enu) e.origin_enu = p;
          if (rules_.hostile_max_altitude_m && p.z() > *rules_.hostile_max_altitude_m) {
            inbound = false;
            if (why) profile = fmt::format("; above {:.0f} m", *rules_.hostile_max_altitude_m);
          }
          if (!rules_.hostile_origins.empty()) {
            const auto from = std::find_if(rules_.hostile_origins.begin(), rules_.hostile_origins.end(), [&](const OriginArea& a) {
              return (e.origin_enu->head<2>() - a.center_enu.head<2>()).norm() <= a.radius_m;
            });
            if (from == rules_.hostile_origins.end()) {
              inbound = false;
              if (why) profile += "; first seen outside the hostile origins";
            } else {
              if (why) profile += fmt::format("; first seen in {}", from->name);
            }
          }
        }
        const std::string silent = !why                ? std::string()
                                   : rules_.has_iff ? fmt::format("no IFF reply to {} interrogations", e.unanswered)
                                                    : std::string("no IFF interrogator");
        if (fast && inbound) {
          if (!e.hostile_behaviour_since) e.hostile_behaviour_since = now;
          const double held = (now - *e.hostile_behaviour_since).seconds();
          const std::string behaviour =
              !why ? std::string()
                   : fmt::format("{}; {:.0f} m/s, inbound to asset {} with predicted CPA {:.1f} km in {:.0f} s{}", silent,
                                 k.speed_mps, th.asset_name, th.cpa_m / 1000.0, th.time_to_cpa_s, profile);
          if (held >= rules_.hostile_delay_s) {
            next = Identity::kHostile;
            if (why) *why = fmt::format("{}; behaviour held {:.0f} s (rule: {:.0f} s)", behaviour, held, rules_.hostile_delay_s);
          } else {
            next = Identity::kSuspect;
            if (why) *why = behaviour;
          }
        } else {
          e.hostile_behaviour_since.reset();
          next = Identity::kUnknown;
          if (why) *why = silent + (fast ? "; not inbound" : "; not fast") + profile;
        }
      }
      return next;
    };
    Identity next = decide(nullptr);
    bool from_network = false;
    const bool own_positive = e.secure_replies > 0 || e.datalink_reports > 0;
    if (e.network_identity && !own_positive) {
      // The unit's own (weaker) evidence, had the node said nothing: `next` unless it is the
      // network's identity carried over from an earlier evaluation.
      const Identity own = next;
      if (own != Identity::kPending && own != Identity::kUnknown && own != *e.network_identity &&
          e.last_conflict != std::make_pair(own, *e.network_identity)) {
        conflicts_.push_back({track, own, *e.network_identity, e.network_sender});
        e.last_conflict = std::make_pair(own, *e.network_identity);
      }
      next = *e.network_identity;
      from_network = true;
    }
    // Settled when the decision read neither time nor kinematics and left the identity as it was
    // (a decision that changed it may read differently next time: the fall-through keeps a hostile).
    settled_[track.value()] = timeless && next == identity;
    if (next != identity) {
      std::string why;
      if (from_network)
        why = fmt::format("identity {} received from network node {}", ToString(next), e.network_sender);
      else
        decide(&why);
      changes.push_back({track, identity, next, std::move(why)});
      identity = next;
    }
  }
  return changes;
}

Identifier::Evidence& Identifier::EvidenceFor(TrackId track) {
  const std::size_t id = track.value();
  if (id >= slot_.size()) {
    slot_.resize(std::max(id + 1, 2 * slot_.size()), -1);
    identity_.resize(slot_.size(), Identity::kPending);
    settled_.resize(slot_.size(), 0);
  }
  settled_[id] = 0;  // its evidence may change
  if (slot_[id] < 0) {
    if (free_.empty()) {
      slot_[id] = static_cast<std::int32_t>(pool_.size());
      pool_.emplace_back();
    } else {
      slot_[id] = free_.back();
      free_.pop_back();
    }
  }
  return pool_[slot_[id]];
}

const Identifier::Evidence* Identifier::FindEvidence(TrackId track) const {
  const std::size_t id = track.value();
  return id < slot_.size() && slot_[id] >= 0 ? &pool_[slot_[id]] : nullptr;
}

Identity Identifier::IdentityOf(TrackId track) const {
  return track.value() < identity_.size() ? identity_[track.value()] : Identity::kPending;
}

std::optional<Identity> Identifier::NetworkIdentityOf(TrackId track) const {
  const Evidence* e = FindEvidence(track);
  return e == nullptr ? std::nullopt : e->network_identity;
}

void Identifier::Forget(TrackId track) {
  const std::size_t id = track.value();
  if (id >= slot_.size() || slot_[id] < 0) return;
  pool_[slot_[id]] = Evidence{};
  free_.push_back(slot_[id]);
  slot_[id] = -1;
  identity_[id] = Identity::kPending;
  settled_[id] = 0;
}

}  // namespace iadsim
