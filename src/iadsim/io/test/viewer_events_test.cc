// The viewer's event list and the sentences shared with the Tacview messages: hand-built runs,
// texts written out in full, and which CZML packet each event points at.
#include "iadsim/io/viewer_events.h"

#include <gtest/gtest.h>

#include "iadsim/io/event_sentence.h"

namespace iadsim {
namespace {

RunEvent Ev(double t, const std::string& json_text) {
  RunEvent e;
  e.t_s = t;
  e.fields = nlohmann::json::parse(json_text);
  e.type = e.fields["type"].get<std::string>();
  return e;
}

TEST(EventSentence, WritesTheMessagesOfTheReplays) {
  EXPECT_EQ(EventSentence(Ev(1, R"({"type":"identity_changed","unit":"U","track":3,"from":"pending","to":"hostile","evidence":"no IFF"})")),
            "U: track 3 pending -> hostile (no IFF)");
  EXPECT_EQ(EventSentence(Ev(1, R"({"type":"engagement_ordered","unit":"U","engagement":2,"track":3,"identity":"hostile","control":"tight","rounds":2})")),
            "U: engagement 2 ordered on track 3 (hostile, control tight), 2 rounds");
  EXPECT_EQ(EventSentence(Ev(1, R"({"type":"engagement_aborted","unit":"U","engagement":2,"reason":"track lost"})")),
            "U: engagement 2 aborted: track lost");
  EXPECT_EQ(EventSentence(Ev(1, R"({"type":"missile_detonated","missile":7,"reason":"proximity fuze","miss_distance_m":11.48})")),
            "detonated: proximity fuze, miss distance 11.5 m");
  // Any other event: its type and scalar fields, so that nothing is dropped.
  EXPECT_EQ(EventSentence(Ev(1, R"({"t":1,"type":"rwr_warning","level":"lock","aircraft":4,"list":[1,2]})")),
            "rwr_warning aircraft=4 level=lock");
}

TEST(ViewerEvents, PointsAtTheTrackTheDefenceHeldElseAtTheTruth) {
  RunData run;
  TrackRow tr;
  tr.unit = "S-300, \"north\"";
  tr.track = 15;
  run.tracks.push_back(tr);
  run.events = {
      Ev(21.25, R"({"type":"track_confirmed","unit":"S-300, \"north\"","track":15,"truth_entity":1})"),
      Ev(30.0, R"({"type":"identity_changed","unit":"S-300, \"north\"","track":9,"from":"pending","to":"friend","evidence":"IFF","truth_entity":2})"),
      Ev(279.75, R"({"type":"missile_launched","unit":"S-300, \"north\"","engagement":1,"track":15,"missile":7,"missile_name":"S-300/48n6-1","launcher":"L1"})"),
      Ev(352.36, R"({"type":"missile_detonated","missile":7,"engagement":1,"reason":"proximity fuze","miss_distance_m":11.48})"),
      Ev(352.36, R"({"type":"entity_destroyed","entity":1,"name":"Raid-1","affiliation":"hostile","by_missile":7})"),
      Ev(400.0, R"({"type":"report_correlated","unit":"S-300, \"north\"","track":15,"source":"adsb","callsign":"DEMO123","network":"adsb"})"),
      Ev(1200.0, R"({"type":"run_finished","duration_s":1200.0})")};
  Replay replay;
  replay.start_utc = "2018-09-17T18:30:00Z";
  replay.entities[1].name = "Raid-1";
  replay.entities[2].name = "Il-20";
  replay.entities[7].name = "S-300/48n6-1";

  const auto out = ViewerEvents(run, replay);
  ASSERT_EQ(out.size(), run.events.size());
  EXPECT_EQ(out[0]["t"], 21.25);
  EXPECT_EQ(out[0]["time"], "2018-09-17T18:30:21.250Z");
  EXPECT_EQ(out[0]["type"], "track_confirmed");
  EXPECT_EQ(out[0]["text"], "S-300, \"north\": track 15 confirmed");
  EXPECT_EQ(out[0]["entity"], "track-S-300, \"north\"-15");  // the track is in tracks.csv
  EXPECT_EQ(out[1]["text"], "S-300, \"north\": track 9 pending -> friend (IFF)");
  EXPECT_EQ(out[1]["entity"], "entity-2");  // track 9 never confirmed: the aircraft itself
  EXPECT_EQ(out[2]["text"], "S-300, \"north\": S-300/48n6-1 launched from L1 on track 15 (engagement 1)");
  EXPECT_EQ(out[2]["entity"], "entity-7");
  EXPECT_EQ(out[3]["text"], "S-300/48n6-1 detonated: proximity fuze, miss distance 11.5 m");
  EXPECT_EQ(out[4]["text"], "Raid-1 (hostile) destroyed by S-300/48n6-1");
  EXPECT_EQ(out[4]["entity"], "entity-1");
  EXPECT_EQ(out[5]["text"], "S-300, \"north\": track 15 correlated with the adsb report of DEMO123 (network adsb)");
  EXPECT_EQ(out[6]["text"], "run finished");
  EXPECT_TRUE(out[6]["entity"].is_null());
  // Round trip through JSON text: the quotes and commas of names survive.
  EXPECT_EQ(nlohmann::json::parse(out.dump())[0]["entity"], "track-S-300, \"north\"-15");
}

}  // namespace
}  // namespace iadsim
