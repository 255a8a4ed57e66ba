#pragma once
// What the components of one run share: the world (truth), the engine, the recorder, the master
// seed and replication, and after-action helpers that name the truth behind a perception (for
// the record only; never handed to perception).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "iadsim/core/rng.h"
#include "iadsim/sim/engine.h"
#include "iadsim/sim/recorder.h"
#include "iadsim/world/world.h"

namespace iadsim {

struct RunContext {
  World world;
  Engine engine;
  Recorder* recorder = nullptr;
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;

  RandomStream Stream(std::string_view component, std::string_view purpose) const {
    return RandomStream(seed, replication, component, purpose);
  }
  // After-action: the aircraft nearest to a position at t, if one is within max_distance_m.
  std::optional<EntityId> NearestAircraft(SimTime t, const Vec3& p_ecef, double max_distance_m = 5000.0) const;
  void Emit(const Event& e) const { recorder->OnEvent(e); }
  // An event of `type` whose fields build(Event&) adds, called only if the recorder reads them
  // (Recorder::ReadsEvent); otherwise the event is only announced (Recorder::OnUnreadEvent).
  template <class Build>
  void Emit(SimTime t, std::string_view type, Build&& build) const {
    if (!recorder->ReadsEvent(type)) {
      recorder->OnUnreadEvent(t, type);
      return;
    }
    Event e{t, std::string(type), {}};
    build(e);
    recorder->OnEvent(e);
  }
};

}  // namespace iadsim
