// IFF correlation: a reply on its own goes to the track nearest in Mahalanobis distance inside the
// tracker's 2-degree gate; a combined reply (sensors/plot_combination.h) goes to the track its
// detection updated, wherever its own position falls; confirmed tracks the sweep covered with no
// reply are unanswered. Tracks from the tracker tests' independent radar; distances by hand. One
// index per look (the tracker's, covering the replies) pairs as an index of the replies' own.
#include "iadsim/c2/iff_correlation.h"

#include <gtest/gtest.h>

#include <numbers>
#include <vector>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/test/tracker_test_radar.h"

namespace iadsim {
namespace {

struct TwoTracks {
  LocalFrame frame{Geodetic{50.0, 14.0, 200.0}};
  Geodetic site = frame.origin();
  Tracker tracker{[&] {
    TrackerConfig c;
    c.origin = frame.origin();
    return c;
  }()};
  TestRadar radar{frame, site};
  // A 80 km north and B 4 km east of it (3 degrees in azimuth), both flying east.
  std::vector<Truth> aircraft{{Vec3(0.0, 80e3, 9000.0), Vec3(230.0, 0.0, 0.0)},
                              {Vec3(4e3, 80e3, 10000.0), Vec3(230.0, 0.0, 0.0)}};
  TrackerUpdate last;
  DetectionBatch batch;
  TwoTracks() {
    for (int k = 0; k <= 4; ++k) {
      batch = radar.FullScan(k, 150e3, aircraft);
      last = tracker.Process(batch);
    }
  }
  // A reply with the detection's time and geometry, moved by (dr, da).
  IffReply ReplyAt(const Detection& d, double dr, double da, int detection) const {
    IffReply r;
    r.time = d.time;
    r.sensor_position = site;
    r.range_m = d.range_m + dr;
    r.azimuth_rad = d.azimuth_rad + da;
    r.sigma_range_m = 60.0;
    r.sigma_azimuth_rad = 0.005;
    r.detection = detection;
    return r;
  }
  IffSweep Sweep(std::vector<IffReply> replies) const {
    IffSweep s;
    s.sensor_position = site;
    s.start = batch.start;
    s.end = batch.end;
    s.az_from_rad = 0.0;
    s.az_to_rad = 2.0 * std::numbers::pi;
    s.max_range_m = 150e3;
    s.replies = std::move(replies);
    return s;
  }
};

TEST(IffCorrelation, AReplyAloneGoesToTheNearestTrackAndTheOtherIsUnanswered) {
  TwoTracks s;
  ASSERT_EQ(s.batch.detections.size(), 2u);
  ASSERT_EQ(s.tracker.tracks().size(), 2u);
  const TrackId a = s.last.detection_tracks[0], b = s.last.detection_tracks[1];
  // On B's detection, uncombined: B; A, covered by the sweep, gave no reply.
  const IffCorrelation c = CorrelateIff(s.tracker, s.Sweep({s.ReplyAt(s.batch.detections[1], 0.0, 0.0, -1)}), s.last.detection_tracks);
  ASSERT_EQ(c.pairs.size(), 1u);
  EXPECT_EQ(c.pairs[0].track, b);
  EXPECT_EQ(c.unanswered, std::vector<TrackId>{a});
  // 20 sigma of range away from both (1.2 km): outside the gate, nobody answered.
  const IffCorrelation far =
      CorrelateIff(s.tracker, s.Sweep({s.ReplyAt(s.batch.detections[1], 1200.0, 0.0, -1)}), s.last.detection_tracks);
  EXPECT_TRUE(far.pairs.empty());
  EXPECT_EQ(far.unanswered.size(), 2u);
}

TEST(IffCorrelation, ACombinedReplyGoesToItsDetectionsTrack) {
  TwoTracks s;
  const TrackId a = s.last.detection_tracks[0], b = s.last.detection_tracks[1];
  // Placed on B but combined with A's detection (index 0): A, with no gate of its own.
  const IffReply r = s.ReplyAt(s.batch.detections[1], 0.0, 0.0, 0);
  const IffCorrelation c = CorrelateIff(s.tracker, s.Sweep({r}), s.last.detection_tracks);
  ASSERT_EQ(c.pairs.size(), 1u);
  EXPECT_EQ(c.pairs[0].track, a);
  EXPECT_EQ(c.unanswered, std::vector<TrackId>{b});
  // Without the batch's tracks (an interrogator that does not combine), the same reply is alone.
  const IffCorrelation alone = CorrelateIff(s.tracker, s.Sweep({r}));
  ASSERT_EQ(alone.pairs.size(), 1u);
  EXPECT_EQ(alone.pairs[0].track, b);
  // A detection index the batch does not have: alone too.
  IffReply stray = r;
  stray.detection = 7;
  EXPECT_EQ(CorrelateIff(s.tracker, s.Sweep({stray}), s.last.detection_tracks).pairs[0].track, b);
}

// One index per look: a tracker given the replies to cover (RepliesToCover, Tracker::Process's
// also_cover) lends CorrelateIff its index, refreshed after the look's updates; a second tracker fed
// the same batches without them leaves CorrelateIff to build its own. 150 aircraft 20-140 km out
// (a third in pairs 1-3 km apart), 40 revolutions of 8 sectors; replies on each detection with
// their own noise, a fifth missing, a fifth combined with their detection, two strays a sector:
// the same pairs and unanswered tracks at every sweep, through the shared index at each.
TEST(IffCorrelation, OneIndexPerLookPairsAsAnIndexOfItsOwn) {
  const LocalFrame frame{Geodetic{50.0, 14.0, 200.0}};
  TrackerConfig config;
  config.origin = frame.origin();
  Tracker shared(config), own(config);
  TestRadar radar_a{frame, frame.origin()}, radar_b{frame, frame.origin()};  // the same noise
  RandomStream rng(2026, 0, "test", "iff-one-index");
  std::vector<Truth> aircraft;
  while (aircraft.size() < 150) {
    const double r = rng.Uniform(20e3, 140e3), az = rng.Uniform(0.0, kTwoPiRad), h = rng.Uniform(500, 12e3);
    const Vec3 v(rng.Uniform(-300, 300), rng.Uniform(-300, 300), 0.0);
    aircraft.push_back({Vec3(r * std::sin(az), r * std::cos(az), h), v});
    if (aircraft.size() % 3 == 0)
      aircraft.push_back({aircraft.back().p0 + Vec3(rng.Uniform(-2e3, 2e3), rng.Uniform(-2e3, 2e3), 300.0), v});
  }
  const int sectors = 8;
  const Duration sector = Duration::Seconds(10.0 / sectors);
  long pairs = 0, unanswered = 0;
  std::vector<PolarPlot> cover;
  for (int look = 0; look < 40 * sectors; ++look) {
    const double az_from = kTwoPiRad * (look % sectors) / sectors, az_to = kTwoPiRad * (look % sectors + 1) / sectors;
    const SimTime start = SimTime() + sector * look;
    const DetectionBatch batch = radar_a.Sweep(start, sector, az_from, az_to, 150e3, aircraft);
    ASSERT_EQ(radar_b.Sweep(start, sector, az_from, az_to, 150e3, aircraft).detections.size(), batch.detections.size());
    IffSweep sweep;
    sweep.sensor_position = frame.origin();
    sweep.start = batch.start;
    sweep.end = batch.end;
    sweep.az_from_rad = az_from;
    sweep.az_to_rad = az_to;
    sweep.max_range_m = 150e3;
    auto reply = [&](SimTime t, double range_m, double azimuth_rad, int detection) {
      IffReply r;
      r.time = t;
      r.sensor_position = frame.origin();
      r.range_m = range_m + 60.0 * rng.StandardNormal();
      r.azimuth_rad = WrapTwoPi(azimuth_rad + 0.005 * rng.StandardNormal());
      r.sigma_range_m = 60.0;
      r.sigma_azimuth_rad = 0.005;
      r.detection = detection;
      sweep.replies.push_back(r);
    };
    for (std::size_t j = 0; j < batch.detections.size(); ++j) {
      const Detection& d = batch.detections[j];
      const double u = rng.Uniform01();
      if (u < 0.2) continue;
      reply(d.time, d.range_m, d.azimuth_rad, u < 0.4 ? static_cast<int>(j) : -1);
    }
    for (int k = 0; k < 2; ++k)
      reply(batch.start, rng.Uniform(20e3, 140e3), rng.Uniform(az_from, az_to), -1);
    RepliesToCover(batch, sweep, &cover);
    const TrackerUpdate ua = shared.Process(batch, cover);
    const TrackerUpdate ub = own.Process(batch);
    ASSERT_NE(shared.IndexAfterBatch(sweep.sensor_position, shared.GateThreshold(2)), nullptr);
    ASSERT_EQ(own.IndexAfterBatch(sweep.sensor_position, own.GateThreshold(2)), nullptr);
    const IffCorrelation a = CorrelateIff(shared, sweep, ua.detection_tracks);
    const IffCorrelation b = CorrelateIff(own, sweep, ub.detection_tracks);
    ASSERT_EQ(a.pairs.size(), b.pairs.size()) << "look " << look;
    for (std::size_t i = 0; i < a.pairs.size(); ++i) {
      ASSERT_EQ(a.pairs[i].reply, b.pairs[i].reply) << "look " << look;
      ASSERT_EQ(a.pairs[i].track, b.pairs[i].track) << "look " << look;
    }
    ASSERT_EQ(a.unanswered, b.unanswered) << "look " << look;
    pairs += static_cast<long>(a.pairs.size());
    unanswered += static_cast<long>(a.unanswered.size());
  }
  EXPECT_GT(shared.tracks().size(), 100u);  // an index, not every track
  EXPECT_GT(pairs, 3000);
  EXPECT_GT(unanswered, 500);
}

}  // namespace
}  // namespace iadsim
