#pragma once
// The jammers of one band (world/jammer.h) that a receiver hears at a time: each radiating
// jammer of that band in line of sight of the receiver, with its effective radiated power toward
// the receiver (ERP = Pj · Gj(azimuth toward the receiver) / Lj, W) and its range. The receivers'
// own equations then decide what that power does (GNSS: sensors/gnss_receiver.h; radio links:
// sensors/comms_link.h; airborne radars: sensors/jamming.h).
#include <vector>

#include "iadsim/sensors/gnss_receiver.h"
#include "iadsim/world/world.h"

namespace iadsim {

struct HeardJammer {
  std::size_t index = 0;  // into world.jammers()
  double erp_w = 0.0;     // toward the receiver
  double range_m = 0.0;
  Vec3 p_ecef = Vec3::Zero();
};

std::vector<HeardJammer> JammersHeard(const World& world, JammerBand band, const Geodetic& rx_geo,
                                      const Vec3& rx_ecef, SimTime t);

// J/S (dB) at a GNSS receiver from every GNSS jammer it hears (powers summed), and its C/N0.
double GnssJammingToSignalAt(const World& world, const GnssReceiverConfig& rx, const Geodetic& rx_geo,
                             const Vec3& rx_ecef, SimTime t);

// True when the world has a jammer of this band (receivers skip the work when it has none).
bool HasJammers(const World& world, JammerBand band);

}  // namespace iadsim
