#include "iadsim/sim/engine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iadsim {
namespace {

struct Logger final : Component {
  std::string name;
  std::vector<std::string>* log;
  Logger(std::string n, std::vector<std::string>* l) : name(std::move(n)), log(l) {}
  void Wake(SimTime now, Phase phase, Engine&) override {
    log->push_back(std::to_string(now.micros()) + ":" + std::to_string(static_cast<int>(phase)) + ":" + name);
  }
};

struct Ticker final : Component {
  ComponentId id = 0;
  int count = 0;
  void Wake(SimTime now, Phase, Engine& e) override {
    ++count;
    e.WakeAt(now + Duration::Seconds(10), Phase::kSense, id);
  }
};

TEST(Engine, OrdersByTimeThenPhaseThenComponent) {
  std::vector<std::string> log;
  Engine e;
  Logger a("a", &log), b("b", &log);
  const auto ia = e.Add(&a), ib = e.Add(&b);
  e.WakeAt(SimTime::Micros(5), Phase::kRecord, ia);
  e.WakeAt(SimTime::Micros(5), Phase::kMove, ib);
  e.WakeAt(SimTime::Micros(5), Phase::kMove, ia);
  e.WakeAt(SimTime::Micros(1), Phase::kAct, ib);
  e.WakeAt(SimTime::Micros(5), Phase::kMove, ia);  // duplicate: runs once
  e.Run(SimTime::Micros(100));
  EXPECT_EQ(log, (std::vector<std::string>{"1:4:b", "5:0:a", "5:0:b", "5:5:a"}));
}

TEST(Engine, CostGrowsWithWakeUpsNotWithSimulatedTime) {
  Engine e;
  Ticker t;
  t.id = e.Add(&t);
  e.WakeAt(SimTime(), Phase::kSense, t.id);
  e.Run(SimTime::Seconds(3600));
  EXPECT_EQ(t.count, 361);  // every 10 s over an hour, both ends included
  EXPECT_EQ(e.wakeups(), 361u);
}

}  // namespace
}  // namespace iadsim
