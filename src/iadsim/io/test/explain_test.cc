// The causal story of a hand-written run (tests/data/explain_run): three shots whose stories are
// known by construction (the events were written by hand from this story, see the fixture):
//  1. s200-battery/5v28-1, semi-active, ordered on track 3 (truly f16-1), locked f16-1 before launch
//     at -129.0 dBW, captured at t=70 s by the il-20 echo at -120.0 dBW (+9.0 dB = -120 - (-129)),
//     destroyed the il-20 (miss 12.5 m);
//  2. s200-battery/5v28-2, semi-active on the same engagement: lost and re-acquired f16-1, missed by
//     85 m, destroyed nothing;
//  3. s300-battalion/48n6-1, command guidance, its own engagement 1 (the same number as the S-200's:
//     engagements are per unit), held once for a friendly track, a wrong operator call, killed f16-2.
#include "iadsim/io/explain.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

namespace fs = std::filesystem;

fs::path Fixture() { return fs::path(__FILE__).parent_path() / "../../../../tests/data/explain_run"; }

const ShotStory& Shot(const Explanation& e, const std::string& missile) {
  for (const ShotStory& s : e.shots)
    if (s.missile == missile) return s;
  ADD_FAILURE() << "no shot " << missile;
  static const ShotStory none;
  return none;
}

TEST(Explain, SecondsAreFormattedWithAtMostTwoDecimals) {
  EXPECT_EQ(FormatSeconds(41.0), "41");
  EXPECT_EQ(FormatSeconds(67.5), "67.5");
  EXPECT_EQ(FormatSeconds(351.92), "351.92");
  EXPECT_EQ(FormatSeconds(0.004), "0");
  EXPECT_EQ(FormatSeconds(1200.0), "1200");
}

TEST(Explain, ShotsAreInLaunchOrderAndLossesInTimeOrder) {
  const Explanation e = ExplainRun(ReadRunDirectory(Fixture()));
  ASSERT_EQ(e.shots.size(), 3U);
  EXPECT_EQ(e.shots[0].missile, "s200-battery/5v28-1");
  EXPECT_EQ(e.shots[1].missile, "s200-battery/5v28-2");
  EXPECT_EQ(e.shots[2].missile, "s300-battalion/48n6-1");
  EXPECT_EQ(e.seed, 7);
  ASSERT_EQ(e.losses.size(), 2U);
  EXPECT_EQ(e.losses[0].entity, "f16-2");
  EXPECT_EQ(e.losses[0].affiliation, "hostile");
  EXPECT_DOUBLE_EQ(e.losses[0].time_s, 80.0);
  EXPECT_EQ(e.losses[0].by_missile, "s300-battalion/48n6-1");
  EXPECT_EQ(e.losses[1].entity, "il-20");
  EXPECT_EQ(e.losses[1].affiliation, "friendly");
  EXPECT_EQ(e.losses[1].by_missile, "s200-battery/5v28-1");
}

TEST(Explain, ALossCarriesHowTheShootingUnitSawTheVictim) {
  const Explanation e = ExplainRun(ReadRunDirectory(Fixture()));
  const LossStory& il20 = e.losses.at(1);
  EXPECT_EQ(il20.unit, "s200-battery");
  // Track 4 of the battery was truly the il-20; the S-300's tracks and later events are not part of it.
  EXPECT_EQ(il20.picture,
            (std::vector<std::string>{
                "t=12s track 4 confirmed by p-14",
                "t=12s track 4 pending->unknown: no IFF reply to 2 interrogations (the battery holds no Russian key)",
                "t=20s track 4 network identity received from hmeimim-cp: friend",
                "t=20s track 4 identity conflict: here unknown, hmeimim-cp says friend"}));
}

TEST(Explain, SemiActiveShotCapturedByTheStrongerFriendlyEcho) {
  const Explanation e = ExplainRun(ReadRunDirectory(Fixture()));
  const ShotStory& s = Shot(e, "s200-battery/5v28-1");
  EXPECT_EQ(s.unit, "s200-battery");
  EXPECT_EQ(s.ordered_track, 3);
  EXPECT_EQ(s.intended_entity, "f16-1");
  EXPECT_EQ(s.locked_entity, "il-20");
  EXPECT_EQ(s.destroyed_entity, "il-20");
  EXPECT_EQ(s.miss_distance_m, 12.5);
  EXPECT_EQ(s.guidance, "semi_active");
  EXPECT_EQ(s.control, "free");
  EXPECT_EQ(s.rule, "sea sector: weapons free");
  EXPECT_EQ(s.sensor, "p-14");
  EXPECT_EQ(s.detections, 3);
  EXPECT_EQ(s.confirmed_s, 10.0);
  // Identity history of track 3 at the battery (not track 4's, not the S-300's), up to the launch.
  EXPECT_EQ(s.identity_at_launch, "hostile");
  EXPECT_EQ(s.evidence, (std::vector<std::string>{
                            "t=10s pending->unknown: no IFF reply to 1 interrogation",
                            "t=22s unknown->suspect: no IFF reply to 3 interrogations; 320 m/s, inbound to asset Latakia",
                            "t=32s suspect->hostile: no IFF reply to 6 interrogations; 310 m/s, inbound to asset Latakia; "
                            "behaviour held 10 s (rule: 10 s)"}));
  ASSERT_EQ(s.network.size(), 2U);  // the identity received from syrian-cp and the conflict it makes
  EXPECT_EQ(s.network[1].text, "identity conflict: here suspect, syrian-cp says hostile");
  ASSERT_EQ(s.decisions.size(), 1U);
  EXPECT_FALSE(s.decisions[0].wrong_call);

  ASSERT_EQ(s.seeker.size(), 2U);
  const SeekerStep& lobl = s.seeker[0];
  EXPECT_EQ(lobl.reason, "before_launch");
  EXPECT_EQ(lobl.entity, "f16-1");
  ASSERT_EQ(lobl.echoes.size(), 2U);
  EXPECT_EQ(lobl.echoes[1].entity, "il-20");
  EXPECT_NEAR(*lobl.echoes[1].relative_db, -2.5, 1e-12);  // -131.5 - (-129.0)
  EXPECT_FALSE(lobl.echoes[1].in_gate);
  EXPECT_FALSE(lobl.relative_to_intended_db.has_value());  // it holds the intended aircraft

  const SeekerStep& capture = s.seeker[1];
  EXPECT_EQ(capture.reason, "captured");
  EXPECT_EQ(capture.entity, "il-20");
  ASSERT_TRUE(capture.relative_to_intended_db.has_value());
  EXPECT_NEAR(*capture.relative_to_intended_db, 9.0, 1e-12);  // -120.0 - (-129.0)
  ASSERT_EQ(capture.echoes.size(), 2U);
  EXPECT_EQ(capture.echoes[0].entity, "il-20");  // strongest first (the event listed it second)
  EXPECT_NEAR(*capture.echoes[0].relative_db, 0.0, 1e-12);
  EXPECT_NEAR(*capture.echoes[1].relative_db, -9.0, 1e-12);
}

TEST(Explain, CommandGuidedShotEndsOnItsIntendedAircraftAndJoinsOrdersPerUnit) {
  const Explanation e = ExplainRun(ReadRunDirectory(Fixture()));
  const ShotStory& s = Shot(e, "s300-battalion/48n6-1");
  EXPECT_EQ(s.engagement, 1);  // the S-200's engagement 1 was on f16-1: joined by (unit, engagement)
  EXPECT_EQ(s.intended_entity, "f16-2");
  EXPECT_EQ(s.locked_entity, s.intended_entity);
  EXPECT_EQ(s.destroyed_entity, "f16-2");
  EXPECT_EQ(s.guidance, "command");
  EXPECT_TRUE(s.seeker.empty());
  EXPECT_EQ(s.control, "tight");
  EXPECT_EQ(s.rounds, 1);
  ASSERT_EQ(s.holds.size(), 1U);
  EXPECT_EQ(s.holds[0].text,
            "engagement held: a friendly track lies inside the engagement zone (friendly track 7, truly il-20)");
  ASSERT_EQ(s.decisions.size(), 1U);
  EXPECT_TRUE(s.decisions[0].wrong_call);
  EXPECT_EQ(s.decisions[0].doctrine, "hold");
  EXPECT_EQ(s.decisions[0].delay_s, 6.5);
}

TEST(Explain, MissDestroysNothingAndReacquisitionIsTheLastLock) {
  const Explanation e = ExplainRun(ReadRunDirectory(Fixture()));
  const ShotStory& s = Shot(e, "s200-battery/5v28-2");
  EXPECT_FALSE(s.destroyed_entity.has_value());
  EXPECT_EQ(s.miss_distance_m, 85.0);
  EXPECT_EQ(s.nearest_entity, "f16-1");
  ASSERT_EQ(s.seeker.size(), 3U);
  EXPECT_EQ(s.seeker[1].change, "lost");
  EXPECT_TRUE(s.seeker[1].echoes.empty());
  EXPECT_EQ(s.seeker[2].reason, "reacquired");
  EXPECT_EQ(s.locked_entity, "f16-1");
  EXPECT_FALSE(s.seeker[2].echoes[1].in_beam);
  EXPECT_NEAR(*s.seeker[2].echoes[1].relative_db, -14.5, 1e-12);  // -140.0 - (-125.5)
}

TEST(Explain, TextTellsTheCaptureInTimeOrder) {
  const std::string text = ExplainText(ExplainRun(ReadRunDirectory(Fixture())));
  EXPECT_NE(text.find("seeker locked il-20 (captured) at -120.0 dBW, +9.0 dB relative to the intended f16-1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("intended f16-1; guidance ended on il-20; destroyed il-20  [WRONG AIRCRAFT]"), std::string::npos);
  EXPECT_NE(text.find("track 3 confirmed at s200-battery from 3 detections by p-14 (truly f16-1)"), std::string::npos);
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(il-20\s+-120\.0 dBW\s+\+0\.0 dB\s+in beam, in gate  <- held)")));
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(f16-1\s+-129\.0 dBW\s+-9\.0 dB\s+in beam, in gate  \(intended\))")));
  // Shot 1's steps appear in time order.
  const std::size_t shot1 = text.find("Shot 1 of 3"), shot2 = text.find("Shot 2 of 3");
  std::size_t last = shot1;
  for (const char* step : {"t=10 s", "t=22 s", "t=25 s", "t=32 s", "t=40 s", "t=41 s", "t=70 s", "t=95 s"}) {
    const std::size_t at = text.find(step, shot1);
    EXPECT_GT(at, last) << step;
    EXPECT_LT(at, shot2) << step;
    last = at;
  }
  EXPECT_NE(text.find("t=95 s  il-20 (friendly) destroyed by s200-battery/5v28-1, fired by s200-battery at f16-1 "
                      "(guidance ended on il-20)"),
            std::string::npos);
}

TEST(Explain, JsonIsDeterministicAndReadsBack) {
  const RunData run = ReadRunDirectory(Fixture());
  const std::string a = ExplainJson(ExplainRun(run)).dump(2), b = ExplainJson(ExplainRun(run)).dump(2);
  EXPECT_EQ(a, b);
  const nlohmann::json j = nlohmann::json::parse(a);
  ASSERT_EQ(j["shots"].size(), 3U);
  EXPECT_TRUE(j["shots"][1]["destroyed_entity"].is_null());
  EXPECT_EQ(j["shots"][0]["seeker"][1]["relative_to_intended_db"], 9.0);
  EXPECT_EQ(j["shots"][0]["evidence"].size(), 3U);
  EXPECT_TRUE(j["entity"].is_null());
}

TEST(Explain, EntityFilterKeepsTheShotsAndLossesOfThatName) {
  const RunData run = ReadRunDirectory(Fixture());
  const Explanation all = ExplainRun(run);
  const Explanation il20 = FilterByEntity(all, run, "il-20");
  ASSERT_EQ(il20.shots.size(), 1U);  // 5v28-2 saw its echo but never locked it
  EXPECT_EQ(il20.shots[0].missile, "s200-battery/5v28-1");
  ASSERT_EQ(il20.losses.size(), 1U);
  EXPECT_EQ(il20.losses[0].entity, "il-20");
  const Explanation f16 = FilterByEntity(all, run, "f16-1");
  EXPECT_EQ(f16.shots.size(), 2U);  // both S-200 rounds were fired at it
  ASSERT_EQ(f16.losses.size(), 1U);  // the il-20, killed by a missile fired at f16-1
  EXPECT_EQ(FilterByEntity(all, run, "s300-battalion/48n6-1").shots.size(), 1U);
  try {
    FilterByEntity(all, run, "mig-29");
    ADD_FAILURE() << "unknown name accepted";
  } catch (const ScenarioError& err) {
    EXPECT_EQ(err.problems().at(0).path, "--entity");
    EXPECT_NE(err.problems().at(0).message.find("f16-1, f16-2, il-20, s200-battery/5v28-1"), std::string::npos)
        << err.problems().at(0).message;
  }
}

TEST(Explain, OldRunWithoutGuidanceIsCommandGuidedAndUnknownIdsAreNamedByNumber) {
  RunData run;
  run.summary = {{"scenario", "s"}, {"seed", 1}};
  auto Add = [&](nlohmann::json j) { run.events.push_back({j["t"].get<double>(), j["type"].get<std::string>(), j, int(run.events.size()) + 1}); };
  Add({{"t", 1.0}, {"type", "engagement_ordered"}, {"unit", "u"}, {"engagement", 1}, {"track", 2}, {"identity", "hostile"},
       {"control", "tight"}, {"rounds", 1}, {"truth_entity", 9}});
  Add({{"t", 2.0}, {"type", "missile_launched"}, {"unit", "u"}, {"engagement", 1}, {"track", 2}, {"missile", 12},
       {"missile_name", "u/m-1"}, {"launcher", "L1"}});
  Add({{"t", 9.0}, {"type", "missile_detonated"}, {"missile", 12}, {"engagement", 1}, {"reason", "ground impact"},
       {"nearest_entity", 9}});
  const Explanation e = ExplainRun(run);
  ASSERT_EQ(e.shots.size(), 1U);
  EXPECT_EQ(e.shots[0].guidance, "command");
  EXPECT_EQ(e.shots[0].intended_entity, "entity 9");
  EXPECT_EQ(e.shots[0].locked_entity, "entity 9");
  EXPECT_EQ(e.shots[0].identity_at_launch, "hostile");  // from the order: no identity change recorded
  EXPECT_FALSE(e.shots[0].miss_distance_m.has_value());
  EXPECT_TRUE(e.shots[0].rule.empty());
}

TEST(Explain, HoldNamingTheFriendlyByCallsignAndASeekerHoldingNothingAreAccepted) {
  // The simulator names the friendly of a capture-zone hold by its label, and writes -1 for "none".
  RunData run;
  auto Add = [&](nlohmann::json j) {
    run.events.push_back({j["t"].get<double>(), j["type"].get<std::string>(), j, int(run.events.size()) + 1});
  };
  Add({{"t", 1.0}, {"type", "engagement_held"}, {"unit", "u"}, {"track", 2}, {"reason", "friendly in the capture zone"},
       {"friendly_track", "RF-93610"}, {"friendly_truth_entity", -1}, {"truth_entity", 9}});
  Add({{"t", 3.0}, {"type", "missile_launched"}, {"unit", "u"}, {"engagement", 1}, {"track", 2}, {"missile", 12},
       {"guidance", "semi_active"}});
  Add({{"t", 4.0}, {"type", "seeker_lost"}, {"missile", 12}, {"entity", -1}, {"reason", "no echo in the gate"}});
  const Explanation e = ExplainRun(run);
  ASSERT_EQ(e.shots.size(), 1U);
  ASSERT_EQ(e.shots[0].holds.size(), 1U);
  EXPECT_EQ(e.shots[0].holds[0].text,
            "engagement held: friendly in the capture zone (friendly track RF-93610, truly unknown)");
  EXPECT_EQ(e.shots[0].missile, "entity 12");
  EXPECT_FALSE(e.shots[0].seeker.at(0).entity.has_value());
  EXPECT_FALSE(e.shots[0].locked_entity.has_value());  // semi-active and never locked
}

TEST(Explain, MalformedContractEventsAreRefusedWithTheirLine) {
  auto RefusalOf = [](nlohmann::json bad) {
    RunData run;
    run.dir = "/runs/x";
    run.events.push_back({1.0, "track_confirmed", {{"t", 1.0}, {"type", "track_confirmed"}, {"unit", "u"}, {"track", 1}}, 1});
    run.events.push_back({2.0, bad["type"].get<std::string>(), bad, 2});
    try {
      ExplainRun(run);
    } catch (const ScenarioError& e) {
      return e.problems().at(0).ToString();
    }
    return std::string("not refused");
  };
  EXPECT_EQ(RefusalOf({{"t", 2.0}, {"type", "seeker_locked"}, {"entity", 1}}),
            "/runs/x/events.jsonl:2:1: (run): seeker_locked: \"missile\" must be a positive integer id");
  EXPECT_EQ(RefusalOf({{"t", 2.0}, {"type", "seeker_locked"}, {"missile", 3}, {"echoes", 5}}),
            "/runs/x/events.jsonl:2:1: (run): seeker_locked: \"echoes\" must be a list");
  EXPECT_EQ(RefusalOf({{"t", 2.0}, {"type", "seeker_lost"}, {"missile", 3}, {"power_dbw", "-120"}}),
            "/runs/x/events.jsonl:2:1: (run): seeker_lost: \"power_dbw\" must be a number");
  EXPECT_EQ(RefusalOf({{"t", 2.0}, {"type", "operator_decision"}, {"unit", "u"}, {"track", 1}, {"wrong_call", "no"}}),
            "/runs/x/events.jsonl:2:1: (run): operator_decision: \"wrong_call\" must be true or false");
}

}  // namespace
}  // namespace iadsim
