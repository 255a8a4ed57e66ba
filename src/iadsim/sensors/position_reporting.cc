#include "iadsim/sensors/position_reporting.h"

#include <fmt/format.h>

#include <cmath>


namespace iadsim {
namespace {

void Check(Problems& out, bool ok, const char* path, const std::string& message) {
  if (!ok) out.push_back({path, message});
}

// The reported position (truth plus the sender's own Gaussian error) and velocity, in the
// aircraft's local frame (built once).
void SetPositionAndVelocity(const EntityState& s, double sigma_h, double sigma_v, RandomStream& rng,
                            PositionReport* r) {
  const LocalFrame f(s.geo);
  r->position = f.GeodeticFromEnu(Vec3(rng.Normal(0.0, sigma_h), rng.Normal(0.0, sigma_h), rng.Normal(0.0, sigma_v)));
  r->v_enu = f.EnuVectorFromEcef(s.v_ecef);
}

}  // namespace

Problems AdsbReceiverConfig::Validate() const {
  Problems out;
  Check(out, max_range_m > 0.0, "max_range", fmt::format("must be > 0 (got {} m)", max_range_m));
  Check(out, update_interval_s > 0.0, "update_interval", fmt::format("must be > 0 (got {} s)", update_interval_s));
  Check(out, message_probability >= 0.0 && message_probability <= 1.0, "message_probability",
        fmt::format("must be in [0, 1] (got {})", message_probability));
  Check(out, latency_s >= 0.0, "latency", fmt::format("must be >= 0 (got {} s)", latency_s));
  return out;
}

Problems DatalinkConfig::Validate() const {
  Problems out;
  Check(out, interval_s > 0.0, "interval", fmt::format("must be > 0 (got {} s)", interval_s));
  Check(out, latency_s >= 0.0, "latency", fmt::format("must be >= 0 (got {} s)", latency_s));
  Check(out, loss >= 0.0 && loss <= 1.0, "loss", fmt::format("must be in [0, 1] (got {})", loss));
  return out;
}

std::vector<PositionReport> ReceiveAdsb(const AdsbReceiverConfig& c, const World& world, SimTime from, SimTime to,
                                        std::uint64_t interval_index, const RandomStream& stream) {
  std::vector<PositionReport> out;
  const LocalFrame frame(c.position);
  const Vec3 surface_ecef = EcefFromGeodetic({c.position.lat_deg, c.position.lon_deg, 0.0});
  for (const Entity& e : world.entities()) {
    if (e.kind != EntityKind::kAircraft || !e.adsb.on) continue;
    // The aircraft's broadcasts fall on multiples of its interval.
    const std::int64_t step = Duration::Seconds(e.adsb.interval_s).micros();
    const std::int64_t last = to.micros() / step * step;
    const std::int64_t n = to.micros() / step - from.micros() / step;  // broadcasts in (from, to]
    if (n <= 0) continue;
    const SimTime t = SimTime::Micros(last);
    const auto s = world.StateAt(e.id, t);
    if (!s) continue;
    if (frame.EnuFromEcef(s->p_ecef).norm() > c.max_range_m) continue;
    if (!world.InLineOfSight(c.position, surface_ecef, s->geo, s->p_ecef)) continue;
    RandomStream rng = stream.Derive(e.name, interval_index);
    const double p = 1.0 - std::pow(1.0 - c.message_probability, static_cast<double>(n));
    if (!rng.Bernoulli(p)) continue;
    const double sigma = e.adsb.SigmaHorizontalM();
    PositionReport r;
    r.source = ReportSource::kAdsb;
    r.network = "adsb";
    r.address = e.adsb.address;
    r.callsign = e.adsb.callsign;
    r.time_of_validity = t;
    r.time_received = t + Duration::Seconds(c.latency_s);
    SetPositionAndVelocity(*s, sigma, sigma, rng, &r);
    r.sigma_horizontal_m = sigma;
    r.sigma_vertical_m = sigma;
    out.push_back(r);
  }
  return out;
}

std::vector<PositionReport> DatalinkReports(const DatalinkConfig& c, const World& world, SimTime t, std::uint64_t cycle,
                                            const RandomStream& stream) {
  std::vector<PositionReport> out;
  for (const Entity& e : world.entities()) {
    if (e.kind != EntityKind::kAircraft || e.datalink.network != c.name) continue;
    const auto s = world.StateAt(e.id, t);
    if (!s) continue;
    RandomStream rng = stream.Derive(e.name, cycle);
    PositionReport r;
    r.source = ReportSource::kDatalink;
    r.network = c.name;
    r.address = 0;  // the link names its member by callsign only (never by the simulator's entity id)
    r.callsign = e.datalink.callsign.empty() ? e.name : e.datalink.callsign;
    r.time_of_validity = t;
    r.time_received = t + Duration::Seconds(c.latency_s);
    SetPositionAndVelocity(*s, e.datalink.nav_sigma_m, e.datalink.nav_sigma_m, rng, &r);
    r.sigma_horizontal_m = e.datalink.nav_sigma_m;
    r.sigma_vertical_m = e.datalink.nav_sigma_m;
    out.push_back(r);
  }
  return out;
}

}  // namespace iadsim
