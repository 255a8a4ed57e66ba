#include "iadsim/messages/position_report.h"

namespace iadsim {

const char* ToString(ReportSource source) {
  switch (source) {
    case ReportSource::kAdsb: return "adsb";
    case ReportSource::kDatalink: return "datalink";
    case ReportSource::kNetwork: return "network";
    case ReportSource::kFlightPlan: return "flight_plan";
  }
  return "?";
}

}  // namespace iadsim
