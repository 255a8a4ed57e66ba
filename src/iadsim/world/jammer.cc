#include "iadsim/world/jammer.h"
#include "iadsim/core/angle.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace iadsim {

const char* ToString(JammerBand band) {
  switch (band) {
    case JammerBand::kRadar: return "radar";
    case JammerBand::kGnss: return "gnss";
    case JammerBand::kComms: return "comms";
    case JammerBand::kAirborneRadar: return "airborne-radar";
  }
  return "?";
}

double Jammer::GainTowardDb(double azimuth_rad) const {
  if (!beam) return gain_db;
  // Offset from boresight wrapped to [-π, π]; Gaussian one-way lobe, 3 dB at half the beamwidth.
  const double off = RemainderTwoPi(azimuth_rad - beam->azimuth_rad);
  const double x = off / beam->beamwidth_rad;
  const double relative_db = -10.0 * std::log10(std::exp(1.0)) * 4.0 * std::numbers::ln2 * x * x;
  return gain_db + std::max(relative_db, -beam->sidelobe_db);
}

double Jammer::GainTowardDb(const Geodetic& at, const Vec3& rx_ecef) const {
  if (!beam) return gain_db;
  const Vec3 to_rx = LocalFrame(at).EnuFromEcef(rx_ecef);
  return GainTowardDb(std::atan2(to_rx.x(), to_rx.y()));
}

}  // namespace iadsim
