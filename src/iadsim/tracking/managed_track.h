#pragma once
// One track of the multi-target layer: an identity, a filter (any TrackFilter) and its lifecycle
// (track_management.h), and the time of its estimate. Copyable (the filter is cloned), as MHT copies
// tracks into each child hypothesis.
#include <algorithm>
#include <cstdint>

#include "iadsim/tracking/track_filter.h"
#include "iadsim/tracking/track_management.h"

namespace iadsim {

struct ManagedTrack {
  std::uint64_t id = 0;
  TrackFilterBox filter;  // copies clone it
  TrackLifecycle life;
  double time_s = 0.0;

  ManagedTrack(std::uint64_t id_, std::unique_ptr<TrackFilter> f, TrackLifecycle l, double t)
      : id(id_), filter(std::move(f)), life(l), time_s(t) {}

  void PredictTo(double t) {
    if (t > time_s) filter->Predict(t - time_s);
    time_s = std::max(time_s, t);
  }
};

}  // namespace iadsim
