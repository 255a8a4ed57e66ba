#include "iadsim/sim/jamming_field.h"

#include <cmath>

namespace iadsim {

bool HasJammers(const World& world, JammerBand band) {
  for (const Jammer& j : world.jammers())
    if (j.band == band) return true;
  return false;
}

std::vector<HeardJammer> JammersHeard(const World& world, JammerBand band, const Geodetic& rx_geo,
                                      const Vec3& rx_ecef, SimTime t) {
  std::vector<HeardJammer> out;
  for (std::size_t i = 0; i < world.jammers().size(); ++i) {
    const Jammer& j = world.jammers()[i];
    if (j.band != band) continue;
    const auto s = world.JammerState(i, t);
    if (!s || !world.InLineOfSight(s->geo, rx_geo)) continue;
    const double erp_db = 10.0 * std::log10(j.power_w) + j.GainTowardDb(s->geo, rx_ecef) - j.losses_db;
    out.push_back({i, std::pow(10.0, erp_db / 10.0), std::max(1.0, (rx_ecef - s->p_ecef).norm()), s->p_ecef});
  }
  return out;
}

}  // namespace iadsim

namespace iadsim {

double GnssJammingToSignalAt(const World& world, const GnssReceiverConfig& rx, const Geodetic& rx_geo,
                             const Vec3& rx_ecef, SimTime t) {
  double total_w = 0.0;
  for (const HeardJammer& j : JammersHeard(world, JammerBand::kGnss, rx_geo, rx_ecef, t))
    total_w += std::pow(10.0, GnssJammerPowerDbw(rx, j.erp_w, j.range_m) / 10.0);
  return GnssJammingToSignalDb(rx, total_w);
}

}  // namespace iadsim
