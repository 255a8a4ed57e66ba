#pragma once
// What a run tells the outside world: events, truth samples and track samples, as values.
// io/ writes them to files; a Monte Carlo batch keeps only what it measures. Nothing here knows
// a file format.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

using EventScalar = std::variant<std::int64_t, double, std::string, bool>;
// A list of records inside one event (e.g. every echo a seeker weighed): each a list of
// (key, scalar), written as a JSON array of objects.
struct EventRecords {
  std::vector<std::vector<std::pair<std::string, EventScalar>>> items;
};
using EventValue = std::variant<std::int64_t, double, std::string, bool, EventRecords>;

struct Event {
  SimTime time;
  std::string type;
  std::vector<std::pair<std::string, EventValue>> fields;  // in the order written

  Event& With(std::string key, EventValue value) {
    fields.emplace_back(std::move(key), std::move(value));
    return *this;
  }
};

struct TruthSample {
  SimTime time;
  std::uint32_t entity = 0;
  std::string name;
  std::string kind;
  Geodetic geo;
  Vec3 v_enu = Vec3::Zero();
};

struct TrackSample {
  SimTime time;
  std::string unit;
  std::uint32_t track = 0;
  Geodetic geo;
  Vec3 v_enu = Vec3::Zero();
  std::string identity;
};

class Recorder {
 public:
  virtual ~Recorder() = default;
  virtual void OnEvent(const Event& event) = 0;
  virtual void OnTruth(const TruthSample& sample) = 0;
  virtual void OnTrack(const TrackSample& sample) = 0;
  // Whether the fields of events of this type are read. An event of a type no recorder reads is
  // announced by OnUnreadEvent alone and its fields are never built (RunContext::Emit with a
  // builder): a Monte Carlo batch keeps a few event types and counts the rest.
  virtual bool ReadsEvent(std::string_view /*type*/) const { return true; }
  virtual void OnUnreadEvent(SimTime /*time*/, std::string_view /*type*/) {}
  // Whether track samples are read; when not, they are never built.
  virtual bool ReadsTracks() const { return true; }
};

}  // namespace iadsim
