#pragma once
// The engine's component for a fire unit: an engagement radar with a few target channels,
// launchers, and the interceptors it guides.
//   sense: each busy channel looks at its target every update interval (EngagementRadar) and
//          updates its own fire-control track (EKF, constant velocity, polar measurements);
//   act:   a channel with a firm track (two hits) fires its salvo, no earlier than the unit's
//          reaction time after the order, one round per launcher interval, from the launcher
//          with ready rounds that is free first; an empty launcher with a reserve is reloaded
//          reload_time after it emptied;
//   move:  interceptors fly with the unit's missile step; a command-guided one far from its target
//          (proportional navigation engaged, predicted time to go on the fire-control track above
//          terminal_time_to_go, or not closing) takes midcourse steps (a whole number of missile
//          steps) until it is near again. Command guidance: proportional navigation on the
//          fire-control track (not on truth). Semi-active guidance: the CW illuminator points at
//          the fire-control track's prediction; every step each aircraft's echo is computed at the
//          missile (bistatic equation, both antenna patterns, range-sum rate: semi_active_seeker.h);
//          the seeker holds the strongest detectable echo in its gate (locked before launch on the
//          designated Doppler, or after), may be captured, lose it and re-acquire; PN steers on
//          the held echo (the aircraft that returns it: physics, no seeker noise modelled) and on
//          the fire-control track while nothing is held.
//          The proximity fuze sees truth (physics): it fires at the closest approach to any
//          aircraft inside its radius, and the warhead kills with its probability inside the
//          lethal radius. Self-destruct (max flight time, too slow, or no lock for on_lost_lock)
//          works with the stated reliability; a failed one lets the missile fly to the ground.
//   north: the engagement radar shares the surveillance radar's north reference: a designation
//          from a misaligned command post is turned back by the alignment error about the unit,
//          so that the unit's own radar finds and guides on the target (the error only corrupts
//          the geographic picture, as in PS752).
//   emits: the engagement radar is the world's emitter "UNIT/engagement" (world/emitter.h), radiating
//          while a channel is busy, its beams on the channels' tracks; destroyed, it sees and
//          illuminates nothing and the unit takes no more orders.
//   revoke: an engagement its command post revokes (c2/command_post.h, when_revoked) fires no
//          further round; under hold fire each of its missiles in flight is commanded to
//          self-destruct at the end of its current step (the type's reliability applies; a failed
//          one flies on, as any failed self-destruct).
// An engagement ends when all its missiles have detonated or self-destructed, or when the channel
// loses its target before launching, or is revoked with nothing in flight; the command post is told.
#include <string>
#include <vector>

#include "iadsim/c2/command_post.h"
#include "iadsim/sensors/engagement_radar.h"
#include "iadsim/sim/run_context.h"
#include "iadsim/sim/scenario.h"
#include "iadsim/tracking/polar_measurement.h"
#include "iadsim/weapons/interceptor.h"

namespace iadsim {

class CommandPostNode;

class FireUnit final : public Component {
 public:
  FireUnit(RunContext& ctx, const UnitSpec& spec, CommandPostNode* command_post);
  FireUnitStatus Status(const LocalFrame& cp_frame) const;
  void Order(const EngagementOrder& order);
  // Revokes an engagement in progress (nothing if it has ended): no further round; with
  // `destroy_in_flight` (hold fire), a self-destruct for each of its missiles in flight, the
  // reason being "hold fire: " + why.
  void Revoke(SimTime now, EngagementId engagement, bool destroy_in_flight, const std::string& why);
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
    int reserve = 0;
    std::optional<SimTime> reloaded_at;  // an empty launcher being reloaded
  };
  // Reloads empty launchers from their reserve; returns the next reload's end, if any.
  std::optional<SimTime> Reload(SimTime now);
  struct Flight {
    EntityId missile;
    int channel = 0;
    Interceptor interceptor;
    // The fuze's schedule: (time of the next check, entity index) for each target entity that may
    // still come near, a min-heap; fuze_known: the entities scheduled so far (new ones are due at once).
    std::vector<std::pair<SimTime, std::uint32_t>> fuze_queue;
    std::size_t fuze_known = 0;
    std::optional<SemiActiveSeeker> seeker;
    bool ever_locked = false;
    SimTime next_step_at;  // when this flight's next integration step ends (on the unit's step grid)
    int steps_taken = 1;   // unit steps that the next integration step spans
    std::optional<std::string> hold_fire;  // a commanded self-destruct due at the step's end: its reason
  };
  std::vector<SeekerEcho> Echoes(SimTime t, const Channel& c, const Vec3& m_p, const Vec3& m_v, const Vec3& boresight) const;
  void ReportSeeker(SimTime t, const Flight& f, const SemiActiveSeeker::Result& r, const std::vector<SeekerEcho>& echoes,
                    const char* reason);
  // Semi-active: seeker update with the geometry at t (the start of the step), then the point to
  // steer at (p, v in ENU); a self-destruct it decides happens at step_end (the engine's now).
  std::pair<Vec3, Vec3> SeekerTarget(SimTime t, SimTime step_end, Flight& f, const Channel& c, const Vec3& est_p,
                                     const Vec3& est_v);
  // A self-destruct is due: true when it works (flight ended), false when it failed.
  bool SelfDestruct(SimTime t, Flight& f, const std::string& why);
  void Look(SimTime now, Channel& c);
  void Launch(SimTime now);
  void Fly(SimTime now);
  // A flyout wake at t (kMove), unless one is already pending at t.
  void ScheduleFly(SimTime t);
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
  double alignment_error_rad_ = 0.0;  // the unit's north reference error (its surveillance radar's)
  std::vector<Channel> channels_;
  std::vector<Launcher> launchers_;
  std::vector<Flight> flights_;
  // The fire-control radar's measurement model (constant: the radar does not move), built at the
  // first detection and reused, the same object Look would build each time.
  std::optional<PolarMeasurementModel> fire_control_model_;
  int missiles_fired_ = 0;
  std::size_t emitter_ = 0;  // the engagement radar (and illuminator) as the world's emitter
  // The flyout runs on one grid of missile steps, from the launch that found no missile in flight:
  // fly_grid_ + k * missile_step. The unit wakes only when a flight's step is due (mid-course
  // steps span several grid steps); pending_fly_ holds the wakes asked for and not yet run.
  SimTime fly_grid_;
  std::vector<SimTime> pending_fly_;
  int midcourse_span_ = 1;  // missile steps per mid-course step (command guidance)
  std::vector<std::pair<SimTime, std::uint32_t>> fuze_due_;  // Fuze's work space
};

}  // namespace iadsim
