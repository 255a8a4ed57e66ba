#pragma once
// A self-reported position: an aircraft telling where it is, by ADS-B broadcast (civil and most
// military transport aircraft) or over a friendly-position datalink (the participants of one air
// force's network). Unlike a radar detection it names its sender — an ICAO address and callsign,
// or a link track number — and says nothing about whether the sender tells the truth: C2 pairs
// it with a track by position (c2/report_correlation.h) and weighs it by its source.
// A third kind is a track of another unit's air picture sent over an air-defence network link
// (kNetwork): its sender is a unit (`network` = the link, `sender_unit`, `callsign` = "unit#track"),
// it carries that unit's identity of the track, and its sigmas come from that unit's covariance,
// which it also carries whole (position and velocity: what covariance intersection fuses).
// A fourth (kFlightPlan) is where a filed flight plan puts an aircraft now: the plan's callsign,
// with sigmas standing for the expected deviation from the plan.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

// A track's covariance of (position, velocity) as its unit's tracker holds it: in the ENU axes of
// the tracker's frame about `frame_origin` (m^2, m^2/s, m^2/s^2 blocks).
struct TrackCovariance {
  Eigen::Matrix<double, 6, 6> P;
  Geodetic frame_origin;
};

enum class ReportSource : std::uint8_t { kAdsb, kDatalink, kNetwork, kFlightPlan };
const char* ToString(ReportSource source);

struct PositionReport {
  ReportSource source = ReportSource::kAdsb;
  std::string network;        // datalink name; "adsb" for ADS-B; empty for a network picture's tracks
                              // (their link is the batch's receiver)
  std::uint32_t address = 0;  // ICAO 24-bit address (ADS-B); 0 on the datalink (named by callsign)
  std::string callsign;
  SimTime time_of_validity;   // when the position was true
  SimTime time_received;      // when it reached the receiving unit (a network picture's: its batch's time)
  Geodetic position;
  // EcefFromGeodetic(position), when its maker computed it once for the report's many receivers
  // (network pictures); each receiver's frame then only rotates it (PositionEcef below).
  std::optional<Vec3> position_ecef;
  Vec3 v_enu = Vec3::Zero();  // m/s, at the reported position
  double sigma_horizontal_m = 0.0;  // per horizontal axis
  double sigma_vertical_m = 0.0;
  std::string sender_unit;    // kNetwork: the unit whose picture this track belongs to
  std::string identity;       // kNetwork: that unit's identity of the track ("friend", "hostile", ...)
  // kNetwork, when the scenario fuses network tracks: the sender's estimate covariance;
  // null otherwise. Shared by the copies of the report (relays, receivers), never changed.
  std::shared_ptr<const TrackCovariance> covariance;
};

// EcefFromGeodetic(r.position): the report's own copy when it carries one, else computed.
inline Vec3 PositionEcef(const PositionReport& r) {
  return r.position_ecef ? *r.position_ecef : EcefFromGeodetic(r.position);
}

// Reports delivered together to one unit.
struct PositionReportBatch {
  std::string receiver;  // the receiver or link that delivered them
  SimTime time;
  // Never changed once sent: the copies of one message (a picture sent on several links at once)
  // share them. Never null.
  std::shared_ptr<const std::vector<PositionReport>> reports = std::make_shared<const std::vector<PositionReport>>();
  std::string sender_unit;  // a network picture message: its sending unit (heartbeat even when empty)
};

}  // namespace iadsim
