#pragma once
// Identification of tracks from evidence, by a stated rule set (evaluated in this order):
//  1. A secure-mode IFF reply authenticated with a key the unit holds  -> FRIEND.
//  2. A position report over a friendly datalink the unit receives,
//     correlated with the track (report_correlation.h)                 -> FRIEND.
//  3. An ADS-B report correlated with the track                        -> `adsb_identity`
//     (NEUTRAL by default: a civil aircraft broadcasting; ADS-B is not authenticated).
//  3b. Where a filed flight plan puts an aircraft now (sim/report_sources.h: the plan, not the
//     aircraft, is the source), with no ADS-B                          -> `flight_plan_identity`
//     (NEUTRAL by default).
//  4. A Mode 3/A (and C) or Mode S reply without a secure reply        -> `mode3a_identity`
//     (NEUTRAL by default: a civil transponder on an airway).
//  C. Inside a procedural corridor (c2/procedural_corridor.h: the approach to an allied airbase,
//     flown in its direction), with none of the evidence of rules 1 to 4   -> ASSUMED FRIEND.
//  5. At least `min_unanswered` interrogations without any reply       -> UNKNOWN, and then
//     if fast (speed >= hostile_min_speed) and inbound (closing on a defended asset with a
//     predicted CPA <= inbound_max_cpa)                               -> SUSPECT at once,
//     HOSTILE once that behaviour has held for `hostile_delay` (the time an operator takes to
//     confirm); SUSPECT returns to UNKNOWN if the behaviour stops. HOSTILE is kept. When stated,
//     the behaviour also needs the track at or below `hostile_max_altitude` and first seen inside
//     one of the `hostile_origins` (point of origin).
//  N. A track of a node this unit accepts identities from (`accept_identity_from`), received over
//     a network link and correlated with the track                      -> that node's identity
//     (friend, assumed friend, neutral, suspect or hostile), above rules 3 to 5; rules 1 and 2 (the
//     unit's own authenticated evidence) stay above it. Where the unit's own evidence says otherwise
//     (other than pending or unknown) the disagreement is reported as a conflict.
// A unit without an interrogator (`has_iff` false) treats every confirmed track as silent for
// rule 5 ("no IFF interrogator"): it identifies by behaviour alone.
// Positive evidence wins: a track that later answers or reports (even a HOSTILE one) takes the
// identity of rules 1 to 4.
// Behaviour alone never makes a track that answered in Mode 3/A hostile: an airliner on an
// airway is not shot for flying fast. Each change carries the evidence that caused it.
// Source of the doctrine shape: NATO AAP-6 / STANAG 1241 identity definitions as summarised in
// ../reference (texts not public); thresholds are scenario settings.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "iadsim/c2/identity.h"
#include "iadsim/c2/iff_correlation.h"
#include "iadsim/c2/procedural_corridor.h"
#include "iadsim/c2/report_correlation.h"
#include "iadsim/c2/threat_evaluation.h"
#include "iadsim/core/error.h"

namespace iadsim {

// A circle in the command post's ENU frame (point-of-origin rule).
struct OriginArea {
  std::string name;
  Vec3 center_enu = Vec3::Zero();
  double radius_m = 0.0;  // > 0
};

struct IdentificationRules {
  double hostile_min_speed_mps = 250.0;   // "fast", (0, 3000]
  double inbound_max_cpa_m = 20000.0;     // predicted miss distance that counts as "inbound", > 0
  double hostile_delay_s = 20.0;          // behaviour must hold this long, >= 0
  int min_unanswered = 2;                 // interrogations without reply before UNKNOWN, >= 1
  Identity mode3a_identity = Identity::kNeutral;
  Identity adsb_identity = Identity::kNeutral;
  Identity flight_plan_identity = Identity::kNeutral;
  std::optional<double> hostile_max_altitude_m;  // ENU up of the track; none: any altitude
  std::vector<OriginArea> hostile_origins;       // empty: any point of origin
  std::vector<ProceduralCorridor> corridors;      // in the command post's ENU frame
  bool has_iff = true;                            // set from the unit's IFF (not a scenario key)
  Problems Validate() const;
};

struct IdentityChange {
  TrackId track;
  Identity from, to;
  std::string evidence;
};

// The unit's own evidence and an accepted node's identity disagree (reported once per pair of
// identities and node).
struct IdentityConflict {
  TrackId track;
  Identity local, remote;
  std::string from_unit;
};

class Identifier final {
 public:
  explicit Identifier(IdentificationRules rules) : rules_(rules) {}
  // Evidence from one IFF sweep (replies already paired with tracks).
  void AddIffEvidence(const IffSweep& sweep, const IffCorrelation& correlation);
  // Evidence from self-reported positions (already paired with tracks). Network tracks count only
  // when `via` names the accepted node whose message brought them (the caller checks acceptance).
  void AddReportEvidence(const std::vector<PositionReport>& reports, const ReportCorrelation& correlation,
                         const std::string& via = "");
  // What the corridor and behaviour rules read of the i-th listed track at `now`: asked for only
  // by them (the unit's own IFF or report evidence decides most tracks without), possibly twice.
  struct Kinematics {
    const ThreatAssessment* threat = nullptr;
    double speed_mps = 0.0;
    const std::pair<Vec3, Vec3>* position_velocity = nullptr;  // ENU; null: none (no corridor rule)
  };
  using KinematicsOf = std::function<Kinematics(std::size_t)>;
  // Re-evaluates every listed track at `now` and returns the changes, the tracks' kinematics
  // computed when a rule asks for them (a null position_velocity: no corridor rule for it). A track
  // whose last evaluation read only its evidence and identity (an IFF reply or a report decided
  // it, or no rule that reads time or kinematics applied) and left its identity as it was, and
  // whose evidence has not been touched since, is skipped: its evaluation would decide the same,
  // report no new conflict (its last one is remembered) and change nothing.
  std::vector<IdentityChange> Evaluate(SimTime now, std::span<const TrackId> tracks, const KinematicsOf& kinematics_of);
  // The next Evaluate re-evaluates every listed track, skipping none (for the test that shows the
  // skip changes nothing).
  void ReevaluateAll() { std::fill(settled_.begin(), settled_.end(), 0); }
  Identity IdentityOf(TrackId track) const;
  // The identity an accepted node gave the track, if any.
  std::optional<Identity> NetworkIdentityOf(TrackId track) const;
  // Conflicts found by the last Evaluate.
  const std::vector<IdentityConflict>& conflicts() const { return conflicts_; }
  void Forget(TrackId track);

 private:
  // What every evaluation reads comes first (two cache lines); the words, read only for an
  // identity change, after.
  struct Evidence {
    std::optional<Identity> network_identity;
    std::optional<std::pair<Identity, Identity>> last_conflict;
    int unanswered = 0;
    int mode3a_replies = 0;
    int secure_replies = 0;
    int datalink_reports = 0;
    int adsb_reports = 0;
    int flight_plan_reports = 0;
    std::optional<SimTime> hostile_behaviour_since;
    std::optional<Vec3> origin_enu;  // where the track was first evaluated
    SimTime last_reply;
    // The last datalink or ADS-B report (put in words only for an identity change).
    bool report_on_datalink = false;
    std::uint32_t report_address = 0;
    std::uint16_t code = 0;
    std::optional<double> mode_c_alt_m;
    std::string flight_plan_sender;
    std::string report_callsign, report_network;
    std::string secure_key;
    std::string network_sender;
  };
  static std::string ReportSender(const Evidence& e);
  IdentificationRules rules_;
  // The evidence of each track: a slot per track id (the tracker issues them 1, 2, ... in
  // increasing order) into a pool whose freed entries are reused: lookups in O(1).
  Evidence& EvidenceFor(TrackId track);  // created if absent
  const Evidence* FindEvidence(TrackId track) const;
  std::vector<std::int32_t> slot_;  // by id value; -1: no evidence
  // The identity of each track, by id value (kPending: no evidence yet), kept apart from its
  // evidence: IdentityOf and every evaluation read it from this dense array.
  std::vector<Identity> identity_;
  // By id value: 1 when the last evaluation read only evidence and identity and neither has changed
  // since (EvidenceFor, the only way evidence is touched, and Forget set it back to 0).
  std::vector<char> settled_;
  std::deque<Evidence> pool_;       // a deque: references stay valid as it grows
  std::vector<std::int32_t> free_;  // pool entries to reuse
  std::vector<IdentityConflict> conflicts_;
  std::vector<Evidence*> evidence_scratch_;  // Evaluate's, by threat
};

}  // namespace iadsim
