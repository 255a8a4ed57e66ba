#pragma once
// One event as one line of events.jsonl: the JSON object {"t": seconds, "type": ..., then the
// fields in the order written}, a record list as an array of objects. The bytes are those that
// nlohmann::ordered_json's dump() gives for that object: compact, numbers in nlohmann's
// round-trip form (non-finite ones as null), strings escaped as dump() escapes them, and a key
// written twice keeps its first place with its last value. Written straight into a string rather
// than through a json tree (the tree cost a fifth of a large run's instructions); the test
// (io/test/event_json_test.cc) compares with dump() on random events.
#include <string>

#include "iadsim/sim/recorder.h"

namespace iadsim {

std::string EventJson(const Event& event);

}  // namespace iadsim
