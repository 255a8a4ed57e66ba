#pragma once
// Self-reported positions as they reach a unit: an ADS-B ground receiver and a friendly-position
// datalink. Both turn truth (where the aircraft is, what it carries) into PositionReport messages
// with the source's own errors, losses and delays; perception sees only the messages.
//
// ADS-B receiver (1090 MHz extended squitter): hears every aircraft whose ADS-B out is on, within
// max_range and above the smooth 4/3-earth radio horizon of its antenna (radar_horizon.h). Every
// update_interval it delivers, for each aircraft heard, the latest position broadcast in the
// interval, received with probability 1 - (1 - p)^n for n broadcasts of per-message reception
// probability p; the position carries the aircraft's NACp error (world/transponder.h) and arrives
// latency_s after the broadcast. Source: RTCA DO-260B; ICAO Doc 9871. Figures are notional.
//
// Friendly-position datalink: each member aircraft reports its own navigation position every
// interval_s; every subscribed unit receives each report after latency_s unless it is lost
// (probability loss, drawn per unit and report). Notional: no particular link's message standard.
#include <string>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/core/rng.h"
#include "iadsim/messages/position_report.h"
#include "iadsim/world/world.h"

namespace iadsim {

struct AdsbReceiverConfig {
  std::string name;
  Geodetic position;                  // antenna
  double max_range_m = 400e3;         // > 0
  double update_interval_s = 5.0;     // batches delivered to C2, > 0
  double message_probability = 0.9;   // per broadcast, [0, 1]
  double latency_s = 1.0;             // broadcast -> C2, >= 0
  Problems Validate() const;
};

// The reports of the aircraft heard between `from` (exclusive) and `to` (inclusive), with
// time_received = time_of_validity + latency. One stream per (receiver, aircraft, interval index).
std::vector<PositionReport> ReceiveAdsb(const AdsbReceiverConfig& config, const World& world, SimTime from,
                                        SimTime to, std::uint64_t interval_index, const RandomStream& stream);

struct DatalinkConfig {
  std::string name;
  double interval_s = 12.0;  // report period of each member, > 0
  double latency_s = 2.0;    // report -> receiving unit, >= 0
  double loss = 0.01;        // probability a report does not reach a given unit, [0, 1]
  Problems Validate() const;
};

// The reports of every member of the link at time t (before losses), one per member, from its own
// navigation (its true position plus a Gaussian error of nav_sigma_m per axis).
std::vector<PositionReport> DatalinkReports(const DatalinkConfig& config, const World& world, SimTime t,
                                            std::uint64_t cycle, const RandomStream& stream);

}  // namespace iadsim
