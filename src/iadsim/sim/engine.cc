#include "iadsim/sim/engine.h"

#include "iadsim/core/error.h"

namespace iadsim {

ComponentId Engine::Add(Component* component) {
  components_.push_back(component);
  return static_cast<ComponentId>(components_.size() - 1);
}

void Engine::WakeAt(SimTime t, Phase phase, ComponentId id) {
  IADSIM_CHECK(id < components_.size(), "unknown component");
  IADSIM_CHECK(t >= now_, "a wake-up in the past");
  queue_.emplace(t.micros(), static_cast<std::uint8_t>(phase), id);
}

void Engine::Run(SimTime end) {
  bool first = true;
  Key last{};
  while (!queue_.empty()) {
    const Key key = queue_.top();
    if (std::get<0>(key) > end.micros()) break;
    queue_.pop();
    if (!first && key == last) continue;  // the same wake-up asked for twice
    first = false;
    last = key;
    now_ = SimTime::Micros(std::get<0>(key));
    ++wakeups_;
    components_[std::get<2>(key)]->Wake(now_, static_cast<Phase>(std::get<1>(key)), *this);
  }
  now_ = end;
}

}  // namespace iadsim
