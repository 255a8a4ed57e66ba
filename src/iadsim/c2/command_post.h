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
//               friend or neutral), tight (fire only on hostile), hold (do not fire).
//   doctrine -> salvo size (2: shoot-shoot), re-engagement after an engagement ends and the
//               track is still alive (shoot-look-shoot).
#include <map>
#include <string>
#include <vector>

#include "iadsim/c2/identification.h"
#include "iadsim/c2/threat_evaluation.h"
#include "iadsim/c2/weapon_assignment.h"
#include "iadsim/messages/engagement_order.h"
#include "iadsim/tracking/tracker.h"

namespace iadsim {

enum class WeaponsControl { kFree, kTight, kHold };
const char* ToString(WeaponsControl control);

struct DoctrineConfig {
  WeaponsControl control = WeaponsControl::kTight;
  int salvo = 2;                    // missiles per engagement, [1, 4]
  double reengage_delay_s = 10.0;   // look time after an engagement ends, >= 0
  Problems Validate() const;
};

struct CommandPostConfig {
  UnitId unit;
  TrackerConfig tracker;
  IdentificationRules identification;
  DoctrineConfig doctrine;
  std::vector<DefendedAsset> assets;  // in the tracker's frame
};

// What a fire unit tells its command post about itself.
struct FireUnitStatus {
  Vec3 p_enu = Vec3::Zero();  // in the command post's frame
  int free_channels = 0;
  int ready_rounds = 0;
  EngagementEnvelope envelope;
};

class CommandPost final {
 public:
  explicit CommandPost(CommandPostConfig config);
  TrackerUpdate OnDetections(const DetectionBatch& batch);  // drops are forgotten by the identifier too
  void OnIffSweep(const IffSweep& sweep);
  // ADS-B and datalink reports: identification evidence (the tracker does not use them here).
  ReportCorrelation OnPositionReports(const PositionReportBatch& batch);
  std::vector<IdentityChange> Identify(SimTime now);
  // Orders for this decision cycle (at most one per threat, within the free channels and rounds).
  std::vector<EngagementOrder> Assign(SimTime now, const FireUnitStatus& fire_unit);
  void OnEngagementEnded(EngagementId engagement, SimTime t);

  const Tracker& tracker() const { return tracker_; }
  Identity IdentityOf(TrackId t) const { return identifier_.IdentityOf(t); }
  const CommandPostConfig& config() const { return config_; }
  const std::vector<ThreatAssessment>& threats() const { return threats_; }

 private:
  bool Eligible(Identity identity) const;
  struct Engagement {
    TrackId track;
    bool active = true;
    SimTime ended;
  };
  CommandPostConfig config_;
  Tracker tracker_;
  Identifier identifier_;
  std::vector<ThreatAssessment> threats_;  // of the last Identify, ranked
  std::map<EngagementId, Engagement> engagements_;
  std::uint32_t next_engagement_ = 1;
};

}  // namespace iadsim
