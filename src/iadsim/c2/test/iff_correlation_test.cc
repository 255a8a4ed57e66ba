// IFF correlation: a reply on its own goes to the track nearest in Mahalanobis distance inside the
// tracker's 2-degree gate; a combined reply (sensors/plot_combination.h) goes to the track its
// detection updated, wherever its own position falls; confirmed tracks the sweep covered with no
// reply are unanswered. Tracks from the tracker tests' independent radar; distances by hand.
#include "iadsim/c2/iff_correlation.h"

#include <gtest/gtest.h>

#include <numbers>
#include <vector>

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

}  // namespace
}  // namespace iadsim
