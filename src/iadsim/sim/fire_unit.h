#pragma once
// The engine's component for a fire unit: an engagement radar with a few target channels,
// launchers, and the interceptors it guides.
//   sense: each busy channel looks at its target every update interval (EngagementRadar) and
//          updates its own fire-control track (EKF, constant velocity, polar measurements);
//   act:   a channel with a firm track (two hits) fires its salvo, one round per launcher
//          interval, from the launcher with ready rounds that is free first;
//   move:  interceptors fly with a fixed step, command-guided by proportional navigation on the
//          fire-control track (not on truth); the proximity fuze sees truth (physics): it fires at
//          the closest approach to any aircraft inside its radius, and the warhead kills with its
//          probability inside the lethal radius.
// An engagement ends when all its missiles have detonated or self-destructed, or when the channel
// loses its target before launching; the command post is told.
#include <string>
#include <vector>

#include "iadsim/c2/command_post.h"
#include "iadsim/sensors/engagement_radar.h"
#include "iadsim/sim/run_context.h"
#include "iadsim/sim/scenario.h"
#include "iadsim/weapons/interceptor.h"

namespace iadsim {

class CommandPostNode;

class FireUnit final : public Component {
 public:
  FireUnit(RunContext& ctx, const UnitSpec& spec, CommandPostNode* command_post);
  FireUnitStatus Status(const LocalFrame& cp_frame) const;
  void Order(const EngagementOrder& order);
  void Wake(SimTime now, Phase phase, Engine& engine) override;
  int missiles_fired() const { return missiles_fired_; }

 private:
  struct Channel {
    EngagementOrder order;
    StateVec x = StateVec::Zero();
    StateCov P = StateCov::Zero();
    SimTime t;
    int hits = 0;
    int consecutive_misses = 0;
    int to_fire = 0;
    int in_flight = 0;
    std::uint64_t looks = 0;
    bool active = false;
  };
  struct Launcher {
    LauncherSpec spec;
    Vec3 p_enu;
    int rounds = 0;
    SimTime next_ready;
  };
  struct Flight {
    EntityId missile;
    int channel = 0;
    Interceptor interceptor;
    std::vector<SimTime> next_fuze_check;  // per entity index
  };
  void Look(SimTime now, Channel& c);
  void Launch(SimTime now);
  void Fly(SimTime now);
  bool Fuze(SimTime t0, double dt, Flight& f, const Vec3& m0, const Vec3& m1);
  void EndFlight(SimTime t, Flight& f, const std::string& reason, double miss_m, std::int64_t nearest);
  void MaybeEndEngagement(SimTime t, Channel& c);

  RunContext& ctx_;
  const UnitSpec& spec_;
  CommandPostNode* command_post_;
  ComponentId id_ = 0;
  LocalFrame frame_;
  EngagementRadar radar_;
  RandomStream warhead_stream_;
  std::vector<Channel> channels_;
  std::vector<Launcher> launchers_;
  std::vector<Flight> flights_;
  int missiles_fired_ = 0;
  bool flying_scheduled_ = false;
};

}  // namespace iadsim
