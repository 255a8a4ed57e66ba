#pragma once
// The phase-ordered discrete-event engine (DESIGN.md, "Time and the engine").
//
// Components ask to be woken at a time in a phase. At each wake-up time the phases run in a fixed
// order: move -> sense -> track -> decide -> act -> record. Ties break on (time, phase,
// component id), so a run is a pure function of (scenario, seed). Two requests for the same
// (time, phase, component) wake it once. The cost of a run is the number of wake-ups: nothing
// happens, and nothing costs, between them.
#include <cstdint>
#include <memory>
#include <queue>
#include <tuple>
#include <vector>

#include "iadsim/core/time.h"

namespace iadsim {

enum class Phase : std::uint8_t { kMove, kSense, kTrack, kDecide, kAct, kRecord };

using ComponentId = std::uint32_t;
class Engine;

// The plug-in point of the engine: anything that acts at times it asks for.
class Component {
 public:
  virtual ~Component() = default;
  virtual void Wake(SimTime now, Phase phase, Engine& engine) = 0;
};

class Engine final {
 public:
  ComponentId Add(Component* component);  // not owned; ids in order of addition
  void WakeAt(SimTime t, Phase phase, ComponentId id);
  // Runs every wake-up with time <= end, in order.
  void Run(SimTime end);
  SimTime now() const { return now_; }
  std::uint64_t wakeups() const { return wakeups_; }

 private:
  using Key = std::tuple<std::int64_t, std::uint8_t, ComponentId>;
  std::vector<Component*> components_;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> queue_;
  SimTime now_;
  std::uint64_t wakeups_ = 0;
};

}  // namespace iadsim
