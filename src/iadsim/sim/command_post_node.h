#pragma once
// The engine's component for a command post: it tracks on each delivered batch (track phase),
// then identifies, evaluates and assigns (decide phase), and sends orders to its fire unit.
// It records track samples and the perception events; the `truth_entity` field of those events
// is after-action truth added by the recorder side, never seen by the command post.
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iadsim/c2/command_post.h"
#include "iadsim/sim/run_context.h"

namespace iadsim {

class FireUnit;

class CommandPostNode final : public Component {
 public:
  // `sensor_name`: the name of the unit's surveillance radar, for the events ("" when it has none).
  // `truth_alignment_rad`: its north alignment error, known to the simulator only, so that the
  // after-action `truth_entity` of a misaligned picture names the aircraft really tracked.
  CommandPostNode(RunContext& ctx, std::string name, CommandPostConfig config, std::string sensor_name = "",
                  double truth_alignment_rad = 0.0);
  void set_fire_unit(FireUnit* fire_unit) { fire_unit_ = fire_unit; }
  // Whether the picture's reports carry the tracks' covariances (PositionReport::covariance):
  // only what track fusion needs, so the runner turns it on when some unit of the scenario fuses.
  void set_send_covariance(bool on) { send_covariance_ = on; }
  void Deliver(DetectionBatch batch, IffSweep iff);
  // Position reports, handled at batch.time (track phase).
  void DeliverReports(PositionReportBatch batch);
  void EngagementEnded(EngagementId engagement, SimTime t);
  void Wake(SimTime now, Phase phase, Engine& engine) override;
  const std::string& name() const { return name_; }
  const CommandPost& command_post() const { return cp_; }
  const LocalFrame& frame() const { return cp_.tracker().frame(); }
  // The unit's air picture as network reports at `now`: its confirmed tracks, then the tracks it
  // heard from others and holds none of its own for (CommandPost::RemotePicture), `network` and
  // `time_received` left to the message. Built once per instant and state of the command post and
  // shared by every link that sends it.
  std::shared_ptr<const std::vector<PositionReport>> Picture(SimTime now) const;

 private:
  void Track(SimTime now);
  void Decide(SimTime now);
  std::int64_t TruthOf(TrackId track, SimTime t) const;  // after-action, -1 if none

  RunContext& ctx_;
  std::string name_;
  bool send_covariance_ = false;
  CommandPost cp_;
  FireUnit* fire_unit_ = nullptr;
  ComponentId id_ = 0;
  std::vector<std::pair<DetectionBatch, IffSweep>> inbox_;
  std::vector<PositionReportBatch> report_inbox_;
  std::string sensor_name_;
  double truth_alignment_rad_ = 0.0;
  // report_correlated / network_identity are emitted once per (track, key); the key is the joined
  // parts (e.g. network + "/" + callsign), compared without being built (JoinedEquals).
  struct SenderProbe {
    TrackId track;
    std::string_view parts[4];
    int n = 0;
  };
  static bool JoinedEquals(std::string_view s, const SenderProbe& p);
  // True (and remembered) the first time for this track and joined key.
  bool FirstForTrack(const SenderProbe& probe);
  // The keys seen, by track id (a track has a few: one per sender and identity).
  std::unordered_map<std::uint32_t, std::vector<std::string>> correlated_senders_;
  std::set<TrackId> confirmed_;  // to report drops of confirmed tracks only
  // Picture's cache: valid for picture_time_ while epoch_ (changed by every call that may change
  // the command post) equals picture_epoch_.
  std::uint64_t epoch_ = 0;
  mutable std::uint64_t picture_epoch_ = ~std::uint64_t{0};
  mutable SimTime picture_time_;
  mutable std::shared_ptr<std::vector<PositionReport>> picture_;  // reused when no message holds it
  // An own track's callsign, geodetic position and velocity in the last picture, reused while its
  // estimate (time and state, bit for bit) is the same: the conversions would give the same doubles.
  struct OwnReport {
    std::uint32_t track = 0;  // its track id
    SimTime time;
    StateVec x;
    std::string callsign;
    Geodetic position;
    Vec3 position_ecef;  // EcefFromGeodetic(position)
    Vec3 v_enu;
  };
  mutable std::vector<OwnReport> own_reports_;  // the last picture's, by increasing track id
  mutable std::vector<OwnReport> own_reports_scratch_;
};

}  // namespace iadsim
