// Self-reported positions: ADS-B radio horizon, position error sigma = EPU / 2.45 for the NACp
// (sample variance inside the chi-square 99 % interval), reception probability 1 - (1 - p)^n over n
// broadcasts (binomial 99 % interval), latency; datalink report latency and navigation error.
#include "iadsim/sensors/position_reporting.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iadsim {
namespace {

const Geodetic kSite{34.0, 36.0, 10.0};
constexpr double kZ99 = 2.5758293;  // two-sided 99 % normal quantile

Entity Broadcaster(const std::string& name, double north_m, double alt_m) {
  const LocalFrame f(kSite);
  Geodetic a = f.GeodeticFromEnu(Vec3(0.0, north_m, 0.0));
  Geodetic b = f.GeodeticFromEnu(Vec3(0.0, north_m + 10e3, 0.0));
  a.alt_m = b.alt_m = alt_m;
  RouteConfig route;
  route.waypoints = {{a, 1.0}, {b, 1.0}};
  Entity e;
  e.name = name;
  e.route = RouteMover(route);
  e.adsb.on = true;
  e.adsb.address = 0x4CA123;
  e.adsb.callsign = "EIN123";
  e.adsb.nacp = 8;  // EPU 0.05 NM = 92.6 m
  e.adsb.interval_s = 1.0;
  return e;
}

// Wilson-Hilferty quantile of chi-square with k degrees of freedom at normal quantile z.
double ChiSquareQuantile(double k, double z) {
  const double a = 2.0 / (9.0 * k);
  return k * std::pow(1.0 - a + z * std::sqrt(a), 3);
}

TEST(PositionReporting, AdsbBeyondTheRadioHorizonIsNotHeard) {
  // Antenna 10 m, aircraft 1 000 m: 4/3-earth horizon 13.0 + 130.4 = 143 km.
  AdsbReceiverConfig c;
  c.position = kSite;
  c.message_probability = 1.0;
  World near, far;
  near.Add(Broadcaster("near", 120e3, 1000.0));
  far.Add(Broadcaster("far", 170e3, 1000.0));
  const RandomStream s(1);
  EXPECT_EQ(ReceiveAdsb(c, near, SimTime(), SimTime() + Duration::Seconds(5.0), 0, s).size(), 1u);
  EXPECT_TRUE(ReceiveAdsb(c, far, SimTime(), SimTime() + Duration::Seconds(5.0), 0, s).empty());
  // Beyond max_range, or transmitter off: nothing.
  c.max_range_m = 100e3;
  EXPECT_TRUE(ReceiveAdsb(c, near, SimTime(), SimTime() + Duration::Seconds(5.0), 0, s).empty());
}

TEST(PositionReporting, AdsbPositionErrorFollowsNacp) {
  // NACp 8: EPU 92.6 m, sigma = 92.6 / 2.45 = 37.796 m per axis.
  const double sigma = 92.6 / 2.45;
  World world;
  const EntityId id = world.Add(Broadcaster("a", 50e3, 8000.0));
  EXPECT_NEAR(world.Get(id).adsb.SigmaHorizontalM(), sigma, 1e-9);
  AdsbReceiverConfig c;
  c.position = kSite;
  c.message_probability = 1.0;
  c.latency_s = 0.7;
  const RandomStream s(2);
  double ss = 0.0;
  int n = 0;
  for (int i = 0; i < 1500; ++i) {
    const SimTime to = SimTime() + Duration::Seconds(5.0 * (i + 1) + 0.3);
    const auto reports = ReceiveAdsb(c, world, to - Duration::Seconds(5.0), to, static_cast<std::uint64_t>(i), s);
    ASSERT_EQ(reports.size(), 1u);
    const PositionReport& r = reports[0];
    // The latest broadcast (on whole seconds) and its latency.
    EXPECT_EQ(r.time_of_validity, SimTime() + Duration::Seconds(5.0 * (i + 1)));
    EXPECT_EQ(r.time_received - r.time_of_validity, Duration::Seconds(0.7));
    EXPECT_EQ(r.source, ReportSource::kAdsb);
    EXPECT_EQ(r.address, 0x4CA123u);
    const auto truth = world.StateAt(id, r.time_of_validity);
    const Vec3 e = LocalFrame(truth->geo).EnuFromGeodetic(r.position);
    ss += e.x() * e.x() + e.y() * e.y();
    n += 2;
  }
  // sum of squares / sigma^2 ~ chi-square(n) (known zero mean).
  const double q = ss / (sigma * sigma);
  EXPECT_GT(q, ChiSquareQuantile(n, -kZ99));
  EXPECT_LT(q, ChiSquareQuantile(n, kZ99));
}

TEST(PositionReporting, AdsbReceptionOverNBroadcasts) {
  // p = 0.3 per broadcast, interval (0.2 s, 5.2 s] holds 5 broadcasts: 1 - 0.7^5 = 0.83193.
  World world;
  world.Add(Broadcaster("a", 50e3, 8000.0));
  AdsbReceiverConfig c;
  c.position = kSite;
  c.message_probability = 0.3;
  const RandomStream s(3);
  const int trials = 4000;
  int heard = 0;
  for (int i = 0; i < trials; ++i)
    heard += static_cast<int>(ReceiveAdsb(c, world, SimTime() + Duration::Seconds(0.2),
                                          SimTime() + Duration::Seconds(5.2), static_cast<std::uint64_t>(i), s)
                                  .size());
  const double p = 1.0 - std::pow(0.7, 5);
  EXPECT_NEAR(p, 0.83193, 1e-5);
  EXPECT_NEAR(static_cast<double>(heard) / trials, p, kZ99 * std::sqrt(p * (1.0 - p) / trials));
  // One broadcast in the interval: p itself.
  heard = 0;
  for (int i = 0; i < trials; ++i)
    heard += static_cast<int>(ReceiveAdsb(c, world, SimTime() + Duration::Seconds(0.5),
                                          SimTime() + Duration::Seconds(1.5), static_cast<std::uint64_t>(i), s)
                                  .size());
  EXPECT_NEAR(static_cast<double>(heard) / trials, 0.3, kZ99 * std::sqrt(0.21 / trials));
}

TEST(PositionReporting, DatalinkReportsLatencyAndNavigationError) {
  World world;
  Entity member = Broadcaster("viper", 60e3, 6000.0);
  member.adsb.on = false;
  member.datalink.network = "link16";
  member.datalink.nav_sigma_m = 25.0;
  const EntityId id = world.Add(member);
  Entity other = Broadcaster("other", 80e3, 6000.0);
  other.datalink.network = "other-net";
  world.Add(other);
  DatalinkConfig c;
  c.name = "link16";
  c.latency_s = 2.5;
  EXPECT_TRUE(c.Validate().empty());
  const RandomStream s(4);
  double ss = 0.0;
  int n = 0;
  for (int k = 0; k < 1000; ++k) {
    const SimTime t = SimTime() + Duration::Seconds(12.0 * k);
    const auto reports = DatalinkReports(c, world, t, static_cast<std::uint64_t>(k), s);
    ASSERT_EQ(reports.size(), 1u);  // only the member of this network
    const PositionReport& r = reports[0];
    EXPECT_EQ(r.source, ReportSource::kDatalink);
    EXPECT_EQ(r.callsign, "viper");  // no callsign given: the aircraft's name
    EXPECT_EQ(r.time_received - r.time_of_validity, Duration::Seconds(2.5));
    EXPECT_EQ(r.time_of_validity, t);
    const Vec3 e = LocalFrame(world.StateAt(id, t)->geo).EnuFromGeodetic(r.position);
    ss += e.squaredNorm();
    n += 3;
  }
  const double q = ss / (25.0 * 25.0);
  EXPECT_GT(q, ChiSquareQuantile(n, -kZ99));
  EXPECT_LT(q, ChiSquareQuantile(n, kZ99));
  // Invalid settings name their keys.
  DatalinkConfig bad;
  bad.interval_s = 0.0;
  bad.latency_s = -1.0;
  bad.loss = 1.5;
  ASSERT_EQ(bad.Validate().size(), 3u);
  EXPECT_EQ(bad.Validate()[2].path, "loss");
}

}  // namespace
}  // namespace iadsim
