#pragma once
// A command post: the unit's own air picture and decisions. It sees only messages (detection
// batches, IFF sweeps, ADS-B and datalink position reports, the status of its fire units) and
// issues engagement orders.
//   track    -> Tracker (GNN, EKF, M-of-N)
//   identify -> Identifier (rules in identification.h), on IFF evidence and behaviour
//   evaluate -> threat ranking by time to the closest point of approach to a defended asset
//   assign   -> the most urgent eligible threat gets a free engagement channel and a salvo,
//               when its predicted intercept lies inside the envelope
//   ROE      -> weapons control status: free (fire on any track not identified friend, assumed
//               friend or neutral), tight (fire only on hostile), hold (do not fire); per azimuth
//               sector when sectors are given (c2/weapons_control.h).
//   network  -> fire authority: own (the unit's identification, accepted nodes' identities
//               included) or network (only tracks an accepted node declared hostile while it is
//               heard; when it is silent, own identification if autonomous, else nothing).
//   hold     -> capture-zone hold of a semi-active shot: no order while a friend or assumed-friend
//               track (own or received) lies in the illuminator beam and Doppler gate at some
//               moment of the predicted flight (c2/capture_zone.h).
//   operator -> each engagement decision is taken after a drawn delay, and under time pressure
//               may be the opposite of doctrine's (c2/operator_model.h); the call is made once
//               per track and doctrine answer, and re-made when doctrine's answer changes.
//   doctrine -> salvo size (2: shoot-shoot), re-engagement after an engagement ends and the
//               track is still alive (shoot-look-shoot).
//   revoke   -> an engagement in progress whose order doctrine allowed is re-examined at every
//               decision cycle with the same rule (the track's identity now, the weapons control
//               at its bearing now, the network's authority now); when doctrine would no longer
//               order it, `when_revoked` says what the unit does: continue (the default), cease
//               engagement (no further round; missiles in flight fly on) or hold fire (no further
//               round, and a self-destruct commanded to every missile in flight, which works with
//               the missile type's self-destruct reliability): the air-defence fire control
//               orders "cease engagement" and "hold fire" (US DoD Dictionary, JP 1-02 class). An
//               order made by an operator's call against doctrine is never revoked (doctrine never
//               allowed it); a track no longer confirmed is not re-examined (its fire-control
//               channel goes on).
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iadsim/c2/capture_zone.h"
#include "iadsim/c2/identification.h"
#include "iadsim/c2/operator_model.h"
#include "iadsim/c2/threat_evaluation.h"
#include "iadsim/c2/weapon_assignment.h"
#include "iadsim/c2/weapons_control.h"
#include "iadsim/core/rng.h"
#include "iadsim/messages/engagement_order.h"
#include "iadsim/tracking/tracker.h"

namespace iadsim {

// What a unit does with an engagement in progress that doctrine no longer allows (see above).
enum class WhenRevoked { kContinue, kCeaseEngagement, kHoldFire };
const char* ToString(WhenRevoked w);  // "continue", "cease_engagement", "hold_fire"

struct DoctrineConfig {
  WeaponsControl control = WeaponsControl::kTight;
  std::vector<WeaponsControlSector> sectors;  // first match wins; none: `control`
  int salvo = 2;                    // missiles per engagement, [1, 4]
  double reengage_delay_s = 10.0;   // look time after an engagement ends, >= 0
  bool capture_zone_hold = false;   // semi-active shots only
  std::optional<OperatorConfig> operator_model;  // none: decisions at once, as doctrine says
  WhenRevoked when_revoked = WhenRevoked::kContinue;
  Problems Validate() const;
};

enum class FireAuthority { kOwn, kNetwork };

// Track-to-track fusion of received network tracks into the unit's own (docs/models.md, C2):
// none: a received track that correlates with an own track is identification evidence only;
// covariance intersection: it also updates that own track's estimate. The own track predicted to
// the report's time of validity and the sender's estimate (position and velocity rotated into the
// own frame, covariance T Pr T' with T = diag(Rot, Rot) from the sender's frame to the own, plus
// 1 m^2 and 0.01 (m/s)^2 on the diagonal as a floor) are fused by CovarianceIntersection
// (tracking/covariance_intersection.h).
// A report without a covariance (none that a unit sends) is fused by its position alone:
// CovarianceIntersectionUpdate with z = [I3 0] x + e, R = diag(sh^2 + 1, sh^2 + 1, sv^2 + 1) m^2
// (the report's sigmas; 1 m^2 as in the correlation gate). Both take omega minimising det P
// (unit-free: a trace would add m^2 to (m/s)^2); each report is fused once (a report no newer
// than the last one of its callsign is not fused again).
enum class TrackFusion { kNone, kCovarianceIntersection };

struct NetworkDoctrine {
  std::vector<std::string> accept_identity_from;  // unit names
  FireAuthority fire_authority = FireAuthority::kOwn;
  double silence_timeout_s = 30.0;  // > 0
  bool autonomous = true;
  TrackFusion track_fusion = TrackFusion::kNone;
  Problems Validate() const;
};

struct CommandPostConfig {
  UnitId unit;
  std::string name;  // the unit's name (its network address)
  TrackerConfig tracker;
  IdentificationRules identification;
  DoctrineConfig doctrine;
  NetworkDoctrine network;
  std::vector<DefendedAsset> assets;  // in the tracker's frame
};

// What a fire unit tells its command post about itself.
struct FireUnitStatus {
  Vec3 p_enu = Vec3::Zero();  // in the command post's frame
  int free_channels = 0;
  int ready_rounds = 0;
  EngagementEnvelope envelope;
  // Semi-active guidance: the illuminator (at p_enu) and seeker gate, for the capture-zone hold.
  bool semi_active = false;
  double illuminator_beamwidth_rad = 0.0;
  double doppler_gate_mps = 0.0;
};

// An operator's decision on a track (when an operator is modelled).
struct OperatorDecision {
  TrackId track;
  bool engage = false, doctrine_engage = false, wrong_call = false;
  double delay_s = 0.0;
  Identity identity = Identity::kPending;
};

// A shot not ordered because a friendly track lies in its capture zone.
struct EngagementHold {
  TrackId track, friendly_track;  // friendly_track invalid when it is a received (network) track
  std::string friendly_name;      // "track N" or the network callsign
  CaptureConflict conflict;
};

struct OrderedEngagement {
  EngagementOrder order;
  std::string control;  // weapons control status that applied ("free", "tight", "hold")
  std::string rule;     // the rule that allowed it, in words
};

// An engagement in progress that doctrine no longer allows, and what the unit does about it.
struct Revocation {
  EngagementId engagement;
  TrackId track;
  WhenRevoked action = WhenRevoked::kContinue;  // cease engagement or hold fire
  Identity identity = Identity::kPending;        // the identity the rule read now (the network's under its authority)
  std::string control;                           // the weapons control at its bearing now
  std::string rule;                              // the rule, in words, that no longer allows it
};

struct DecisionCycle {
  std::vector<OrderedEngagement> orders;
  std::vector<OperatorDecision> decisions;  // taken now
  std::vector<EngagementHold> holds;        // new holds (once per pair)
  std::optional<SimTime> next_decision;     // when a pending operator decision falls due
};

class CommandPost final {
 public:
  // `operator_stream`: the operators' draws (delay, wrong call), one derived stream per track.
  explicit CommandPost(CommandPostConfig config, RandomStream operator_stream = RandomStream(0));
  // Movable, not copyable: remote_index_ points into remote_'s nodes (a move keeps them).
  CommandPost(const CommandPost&) = delete;
  CommandPost& operator=(const CommandPost&) = delete;
  CommandPost(CommandPost&&) = default;
  CommandPost& operator=(CommandPost&&) = default;
  // Drops are forgotten by the identifier too. also_cover: as Tracker::Process's.
  TrackerUpdate OnDetections(const DetectionBatch& batch, std::span<const PolarPlot> also_cover = {});
  // detection_tracks: OnDetections' for the batch of the same sweep (combined plots), else empty.
  void OnIffSweep(const IffSweep& sweep, std::span<const TrackId> detection_tracks = {});
  // A radar's look: OnDetections(batch) then OnIffSweep(sweep, its detection_tracks), the same
  // numbers, with one track index for both when the interrogator shares the radar's position (the
  // tracker's, covering the replies that joined no detection, refreshed after the updates).
  TrackerUpdate OnLook(const DetectionBatch& batch, const IffSweep& sweep);
  // ADS-B and datalink reports: identification evidence (the tracker does not use them here).
  ReportCorrelation OnPositionReports(const PositionReportBatch& batch);
  // Batches due together, in order, with no track fusion (which would change the tracks from one
  // batch to the next): what as many calls above give, with one correlation for them all
  // (report_correlation.h).
  std::vector<ReportCorrelation> OnPositionReports(std::span<const PositionReportBatch* const> batches);
  std::vector<IdentityChange> Identify(SimTime now);
  // The engagements in progress that doctrine no longer allows (when_revoked not continue), right
  // after Identify(now); each is revoked once. Their channels stay busy until the fire unit ends them.
  std::vector<Revocation> Revoke(SimTime now);
  // Orders for this decision cycle (at most one per threat, within the free channels and rounds),
  // right after Identify(now), the tracks unchanged since.
  DecisionCycle Assign(SimTime now, const FireUnitStatus& fire_unit);
  void OnEngagementEnded(EngagementId engagement, SimTime t);

  const Tracker& tracker() const { return tracker_; }
  Identity IdentityOf(TrackId t) const { return identifier_.IdentityOf(t); }
  const CommandPostConfig& config() const { return config_; }
  const std::vector<IdentityConflict>& conflicts() const { return identifier_.conflicts(); }
  // The received network tracks that match none of this unit's own, heard within the silence
  // timeout: with the unit's own confirmed tracks they make its air picture (and what it relays).
  std::vector<PositionReport> RemotePicture(SimTime now) const;
  // Whether received network tracks update the own tracks (network.track_fusion).
  bool fuses_tracks() const { return config_.network.track_fusion == TrackFusion::kCovarianceIntersection; }
  // Received network tracks held now (heard lately or in a sender's last picture; the rest are
  // forgotten, ForgetSilentRemotes).
  std::size_t remote_tracks_held() const { return remote_.size(); }
  // Received network reports fused into own tracks so far (track_fusion on; else 0).
  std::uint64_t fused_reports() const { return fused_reports_; }

 private:
  struct Call {
    bool doctrine = false;  // doctrine's answer when the call was made
    OperatorCall call;
    SimTime due;
    bool reported = false;
  };
  // Doctrine's answer for a track at `now` (bearing from p_enu) and what decided it; in words by
  // DoctrineRule, asked only for the tracks that go on to an order.
  struct DoctrineAnswer {
    bool engage = false;
    ControlDecision control;  // the weapons control at the track's bearing
    enum class Basis { kNetworkAuthority, kNetworkSilentNoFire, kControl } basis = Basis::kControl;
  };
  // Whether doctrine would engage the track under each weapons control (indexed by
  // WeaponsControl), and on what basis: all that its answer needs besides the control at its bearing.
  struct DoctrineByControl {
    std::array<bool, 3> engage{};
    DoctrineAnswer::Basis basis = DoctrineAnswer::Basis::kControl;
    bool any() const { return engage[0] || engage[1] || engage[2]; }
  };
  DoctrineByControl DoctrineFor(SimTime now, TrackId track) const;
  DoctrineAnswer Doctrine(SimTime now, const ThreatAssessment& th, const Vec3& p_enu) const {
    return Doctrine(DoctrineFor(now, th.track), p_enu);
  }
  DoctrineAnswer Doctrine(const DoctrineByControl& by_control, const Vec3& p_enu) const;
  std::string DoctrineRule(const DoctrineAnswer& a) const;
  std::optional<EngagementHold> CaptureZoneHold(SimTime now, TrackId track, const FireUnitStatus& fu,
                                                double flight_time_s) const;
  struct Engagement {
    TrackId track;
    bool active = true;
    SimTime ended;
    bool doctrine = false;  // doctrine allowed the order (not an operator's call against it)
    bool revoked = false;
  };
  CommandPostConfig config_;
  Tracker tracker_;
  Identifier identifier_;
  // The confirmed tracks of the last Identify (at assessed_at_), in track order; each one's CV
  // prediction to then and its threat, computed by Assess when the identification rules or Assign
  // first ask. Assign ranks their threats (ranked_).
  struct Assessment {
    std::size_t index = 0;  // in tracker_.tracks()
    bool done = false;
    ThreatAssessment threat;
    double speed_mps = 0.0;
    std::pair<Vec3, Vec3> position_velocity{Vec3::Zero(), Vec3::Zero()};
  };
  SimTime assessed_at_;
  std::vector<TrackId> confirmed_ids_;
  std::vector<Assessment> assessments_;
  std::vector<ThreatAssessment> ranked_;
  const Assessment& Assess(std::size_t i);
  std::map<EngagementId, Engagement> engagements_;
  std::uint32_t next_engagement_ = 1;
  RandomStream operator_stream_;
  std::map<TrackId, Call> calls_;
  struct RemoteTrack {
    PositionReport report;
    std::string via_unit;     // the unit whose message brought it
    bool correlated = false;  // with one of this unit's own tracks (then it is not a separate track)
    std::size_t slot = 0;     // its place in the last picture that carried it (last_picture_)
  };
  std::map<std::string, RemoteTrack> remote_;  // received network tracks, by callsign ("unit#track")
  // remote_'s entries by callsign through a hash (map nodes do not move; an entry leaves both at once).
  std::unordered_map<std::string_view, RemoteTrack*> remote_index_;
  // Every silence timeout at most once: the entries silent for longer than it, and in no sender's
  // last picture, are erased (outputs unchanged: command_post.cc).
  void ForgetSilentRemotes(SimTime now);
  std::optional<SimTime> last_forget_;
  std::vector<const RemoteTrack*> forget_scratch_;
  // Each sender's last picture, its entries in message order: a picture repeats most tracks of the
  // one before in the same order, so an entry is found by one comparison of call signs at a cursor
  // (resynchronised at every entry found through the hash), the hash only for the others.
  std::unordered_map<std::string, std::vector<RemoteTrack*>> last_picture_;
  std::vector<RemoteTrack*> picture_scratch_;
  std::vector<PolarPlot> look_plots_;  // OnLook's replies to cover
  static constexpr std::size_t kRemotePrefetchAhead = 4;  // entries ahead of the cursor to prefetch
  std::optional<SimTime> network_heard_;                  // last message from an accepted node
  std::set<std::pair<TrackId, std::string>> holds_reported_;
  // Track fusion (NetworkDoctrine::track_fusion): the own track's estimate updated by CI with r:
  // with r's (position, velocity) covariance when it carries one (network pictures do), as two
  // 6-state estimates; otherwise with r's position alone (H = [I 0], R from r's sigmas).
  void FuseReport(TrackId track, const PositionReport& r);
  // OnPositionReports once the batch is correlated.
  void ApplyReports(const PositionReportBatch& batch, const ReportCorrelation& c);
  std::uint64_t fused_reports_ = 0;
};

}  // namespace iadsim
