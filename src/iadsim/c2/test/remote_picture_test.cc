// The received part of a unit's air picture (CommandPost::RemotePicture) over a long run, against
// its definition computed here from the messages alone: for each call sign, the report with the
// latest time of validity heard so far, shown while now - time of validity <= silence_timeout.
// The unit forgets what it can no longer show (command_post.cc, ForgetSilentRemotes); the test
// checks that the picture is the definition's at every message, that what the unit holds stays
// near what it heard lately, and that a report older than the timeout on arrival is not fused.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "iadsim/c2/command_post.h"
#include "iadsim/core/rng.h"

namespace iadsim {
namespace {

const Geodetic kSite{34.0, 36.0, 0.0};
constexpr double kTimeout_s = 30.0;

PositionReport Report(const std::string& sender, int track, double tov_s) {
  PositionReport r;
  r.source = ReportSource::kNetwork;
  r.sender_unit = sender;
  r.callsign = sender + "#" + std::to_string(track);
  r.time_of_validity = r.time_received = SimTime::Seconds(tov_s);
  // A position of its own per (track, time): far from the unit (it holds no track of its own).
  r.position = {kSite.lat_deg + 0.5 + 1e-3 * track, kSite.lon_deg + 1e-6 * tov_s, 9000.0};
  r.sigma_horizontal_m = r.sigma_vertical_m = 100.0;
  r.identity = "unknown";
  return r;
}

PositionReportBatch Message(const std::string& via, double t_s, std::vector<PositionReport> reports) {
  PositionReportBatch b;
  b.sender_unit = via;
  b.time = SimTime::Seconds(t_s);
  b.reports = std::make_shared<const std::vector<PositionReport>>(std::move(reports));
  return b;
}

TEST(RemotePicture, ShowsWhatItsDefinitionSaysAndForgetsTheSilentTracks) {
  CommandPostConfig cfg;
  cfg.unit = UnitId(2);
  cfg.name = "B";
  cfg.tracker.origin = kSite;
  cfg.network.silence_timeout_s = kTimeout_s;
  CommandPost b(cfg);
  // Sender A's tracks: each lives 20-200 s, updated every 10 s (its time of validity), but coasting
  // without updates for up to 60 s at a stretch (longer than the timeout: still sent, ever older);
  // about 30 alive at a time. A sends its picture every 5 s, 5 % lost. Relay C re-sends, every
  // 15 s and 12 s late, a quarter of A's tracks: news often older than what B holds, and
  // sometimes older than the timeout. The same test without the forgetting (all 1,040 call signs
  // held to the end) shows the same pictures.
  RandomStream rng(7);
  struct Track {
    int id;
    double dies, tov;
    double coast_until = -1.0;
  };
  std::vector<Track> alive;
  int next_id = 1;
  std::map<std::string, PositionReport> latest;  // the definition: latest tov per call sign
  std::vector<std::pair<double, std::vector<PositionReport>>> relay_queue;
  std::size_t most_held = 0, heard = 0;
  auto deliver = [&](const PositionReportBatch& m) {
    b.OnPositionReports(m);
    for (const PositionReport& r : *m.reports) {
      auto [it, inserted] = latest.emplace(r.callsign, r);
      if (!inserted && r.time_of_validity >= it->second.time_of_validity) it->second = r;
      heard += inserted;
    }
    // The definition's picture at this instant, in call-sign order, against the unit's.
    std::vector<std::string> expected;
    for (const auto& [callsign, r] : latest)
      if ((m.time - r.time_of_validity).seconds() <= kTimeout_s) expected.push_back(callsign);
    std::vector<std::string> got;
    for (const PositionReport& r : b.RemotePicture(m.time)) {
      got.push_back(r.callsign);
      ASSERT_EQ(r.time_of_validity, latest.at(r.callsign).time_of_validity) << r.callsign;
    }
    ASSERT_EQ(got, expected) << "at " << m.time.seconds() << " s";
    most_held = std::max(most_held, b.remote_tracks_held());
  };
  for (int step = 0; step * 5.0 <= 4000.0; ++step) {
    const double t = step * 5.0;
    while (alive.size() < 30) {
      const double life = rng.Uniform(20.0, 200.0);
      alive.push_back({next_id++, t + life, t});
    }
    std::vector<PositionReport> picture;
    for (Track& k : alive) {
      if (k.coast_until < t && rng.Bernoulli(0.02)) k.coast_until = t + rng.Uniform(10.0, 60.0);
      if (k.coast_until < t && t - k.tov >= 10.0) k.tov = t;
      picture.push_back(Report("A", k.id, k.tov));
    }
    std::erase_if(alive, [&](const Track& k) { return k.dies <= t; });
    // Messages reach B in time order (as the engine delivers them): the relay's due ones first.
    while (!relay_queue.empty() && relay_queue.front().first <= t + 1.0) {
      deliver(Message("C", relay_queue.front().first, relay_queue.front().second));
      relay_queue.erase(relay_queue.begin());
    }
    if (!rng.Bernoulli(0.05)) deliver(Message("A", t + 1.0, picture));
    if (step % 3 == 0) {
      std::vector<PositionReport> some;
      for (std::size_t i = 0; i < picture.size(); i += 4) some.push_back(picture[i]);
      relay_queue.emplace_back(t + 12.0, std::move(some));
    }
  }
  std::printf("call signs heard %zu, held at most %zu, held at the end %zu\n", heard, most_held,
              b.remote_tracks_held());
  ASSERT_GT(heard, 1000u);
  // What it holds: the tracks heard within the timeout (about 30, plus those that died in it) and
  // those of the last pictures, over a timeout's worth of tracks that stopped being heard.
  EXPECT_LT(most_held, 150u);
}

TEST(RemotePicture, AReportOlderThanTheTimeoutOnArrivalIsNotFused) {
  for (const double age_s : {kTimeout_s - 1.0, kTimeout_s + 1.0}) {
    CommandPostConfig cfg;
    cfg.unit = UnitId(2);
    cfg.name = "B";
    cfg.tracker.origin = kSite;
    cfg.network.silence_timeout_s = kTimeout_s;
    cfg.network.track_fusion = TrackFusion::kCovarianceIntersection;
    CommandPost b(cfg);
    // A confirmed own track, flying north at 200 m/s 50 km north of the radar (four looks 1 s apart).
    const LocalFrame frame(kSite);
    auto at = [&](double t_s) { return Vec3(0.0, 50e3 + 200.0 * t_s, 5000.0); };
    for (int k = 0; k < 4; ++k) {
      DetectionBatch look;
      look.start = look.end = SimTime::Seconds(k);
      look.sensor_position = kSite;
      look.max_range_m = 100e3;
      look.az_from_rad = -0.5;
      look.az_to_rad = 0.5;
      const Vec3 p = at(k);
      Detection d;
      d.time = look.start;
      d.sensor = SensorId(1);
      d.sensor_position = kSite;
      d.range_m = p.norm();
      d.azimuth_rad = std::atan2(p.x(), p.y());
      d.elevation_rad = std::asin(p.z() / p.norm());
      d.has_elevation = true;
      d.sigma_range_m = 50.0;
      d.sigma_azimuth_rad = d.sigma_elevation_rad = 2e-3;
      look.detections.push_back(d);
      b.OnDetections(look);
    }
    ASSERT_EQ(b.tracker().tracks().size(), 1u);
    ASSERT_EQ(b.tracker().tracks()[0].status, TrackStatus::kConfirmed);
    // A's report of the same aircraft, true at 3 s, arriving age_s later.
    PositionReport r;
    r.source = ReportSource::kNetwork;
    r.sender_unit = "A";
    r.callsign = "A#1";
    r.time_of_validity = SimTime::Seconds(3.0);
    r.time_received = SimTime::Seconds(3.0 + age_s);
    r.position = frame.GeodeticFromEnu(at(3.0));
    r.v_enu = Vec3(0.0, 200.0, 0.0);
    r.sigma_horizontal_m = r.sigma_vertical_m = 20.0;
    b.OnPositionReports(Message("A", 3.0 + age_s, {r}));
    EXPECT_EQ(b.fused_reports(), age_s <= kTimeout_s ? 1u : 0u) << "age " << age_s << " s";
  }
}

}  // namespace
}  // namespace iadsim
