#include <gtest/gtest.h>

#include <cmath>

#include "iadsim/c2/identification.h"
#include "iadsim/c2/test/evaluate_all.h"
#include "iadsim/c2/threat_evaluation.h"
#include "iadsim/c2/weapon_assignment.h"

namespace iadsim {
namespace {

TEST(ThreatEvaluation, ClosestPointOfApproachByHand) {
  // Track 100 km east, 5 km north of the asset, flying west at 300 m/s: CPA 5 km after 333.3 s.
  const auto a = AssessThreat(TrackId(1), {100e3, 5e3, 3000}, {-300, 0, 0}, {{"base", Vec3::Zero()}});
  EXPECT_TRUE(a.inbound);
  EXPECT_NEAR(a.time_to_cpa_s, 100e3 / 300.0, 1e-9);
  EXPECT_NEAR(a.cpa_m, 5e3, 1e-6);
  // Opening: no threat.
  EXPECT_FALSE(AssessThreat(TrackId(1), {100e3, 0, 0}, {300, 0, 0}, {{"base", Vec3::Zero()}}).inbound);
}

TEST(WeaponAssignment, InterceptOnTheCollisionTriangle) {
  // Head-on: target 60 km away closing at 300 m/s, missile 1200 m/s: meet after 60e3/1500 = 40 s.
  const auto i = PredictIntercept({60e3, 0, 0}, {-300, 0, 0}, Vec3::Zero(), 1200.0);
  ASSERT_TRUE(i);
  EXPECT_NEAR(i->time_s, 40.0, 1e-9);
  EXPECT_NEAR(i->range_m, 48e3, 1e-6);
  // Crossing 3-4-5: target at (0, 40 km) moving east at 300 m/s, missile 500 m/s: |(300t, 40e3)| = 500t
  // -> t = 40e3 / 400 = 100 s.
  const auto c = PredictIntercept({0, 40e3, 0}, {300, 0, 0}, Vec3::Zero(), 500.0);
  ASSERT_TRUE(c);
  EXPECT_NEAR(c->time_s, 100.0, 1e-9);
  // A faster target running away cannot be caught.
  EXPECT_FALSE(PredictIntercept({10e3, 0, 0}, {600, 0, 0}, Vec3::Zero(), 500.0));
  EngagementEnvelope env;
  EXPECT_TRUE(InsideEnvelope(*i, 3000, env));
  EXPECT_FALSE(InsideEnvelope(*i, 30000, env));
}

TEST(Identification, SilentFastInboundBecomesHostileOnlyAfterTheDelay) {
  IdentificationRules rules;
  rules.hostile_delay_s = 20;
  Identifier id(rules);
  IffSweep sweep;
  IffCorrelation silent;
  silent.unanswered = {TrackId(1), TrackId(2)};
  id.AddIffEvidence(sweep, silent);
  id.AddIffEvidence(sweep, silent);
  const ThreatAssessment inbound{TrackId(1), 0, 300, 2000, true};
  const ThreatAssessment airliner_like{TrackId(2), 0, 300, 2000, true};
  auto c = EvaluateAll(id, SimTime::Seconds(10), {inbound, airliner_like}, {300, 230});
  EXPECT_EQ(id.IdentityOf(TrackId(1)), Identity::kSuspect);
  EXPECT_EQ(id.IdentityOf(TrackId(2)), Identity::kUnknown);  // not fast: never suspect
  EvaluateAll(id, SimTime::Seconds(29), {inbound, airliner_like}, {300, 230});
  EXPECT_EQ(id.IdentityOf(TrackId(1)), Identity::kSuspect);
  c = EvaluateAll(id, SimTime::Seconds(30), {inbound, airliner_like}, {300, 230});
  EXPECT_EQ(id.IdentityOf(TrackId(1)), Identity::kHostile);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_NE(c[0].evidence.find("no IFF reply to 2 interrogations"), std::string::npos);
}

TEST(Identification, SecureReplyMakesFriendAndModeThreeANeutralEvenWhenFastAndInbound) {
  Identifier id{IdentificationRules{}};
  IffSweep sweep;
  IffReply secure;
  secure.mode = IffMode::kSecure;
  secure.authenticated = true;
  secure.key = "k";
  IffReply civil;
  civil.mode = IffMode::kMode3A;
  civil.code = 2345;
  sweep.replies = {secure, civil};
  IffCorrelation corr;
  corr.pairs = {{0, TrackId(1)}, {1, TrackId(2)}};
  id.AddIffEvidence(sweep, corr);
  const ThreatAssessment fast_inbound1{TrackId(1), 0, 100, 0, true}, fast_inbound2{TrackId(2), 0, 100, 0, true};
  EvaluateAll(id, SimTime::Seconds(100), {fast_inbound1, fast_inbound2}, {400, 400});
  EXPECT_EQ(id.IdentityOf(TrackId(1)), Identity::kFriend);
  EXPECT_EQ(id.IdentityOf(TrackId(2)), Identity::kNeutral);
}

}  // namespace
}  // namespace iadsim
