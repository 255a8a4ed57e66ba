#pragma once
// A picture of one network track for the command post tests: the sender's report of its track
// `callsign` at position and time t, with its identity (sigmas 100 m).
#include <memory>
#include <string>
#include <vector>

#include "iadsim/messages/position_report.h"

namespace iadsim {

inline PositionReportBatch OneTrackPicture(const std::string& sender, const std::string& callsign,
                                           const Geodetic& position, SimTime t, const std::string& identity) {
  PositionReport r;
  r.source = ReportSource::kNetwork;
  r.sender_unit = sender;
  r.callsign = callsign;
  r.time_of_validity = t;
  r.position = position;
  r.sigma_horizontal_m = r.sigma_vertical_m = 100.0;
  r.identity = identity;
  PositionReportBatch batch;
  batch.sender_unit = sender;
  batch.time = t;
  batch.reports = std::make_shared<const std::vector<PositionReport>>(1, r);
  return batch;
}

}  // namespace iadsim
