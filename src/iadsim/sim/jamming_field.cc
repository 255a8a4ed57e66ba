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
    const Vec3 to_rx = LocalFrame(s->geo).EnuFromEcef(rx_ecef);
    const double azimuth = std::atan2(to_rx.x(), to_rx.y());
    const double erp_db = 10.0 * std::log10(j.power_w) + j.GainTowardDb(azimuth) - j.losses_db;
    out.push_back({i, std::pow(10.0, erp_db / 10.0), std::max(1.0, to_rx.norm()), s->p_ecef});
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
