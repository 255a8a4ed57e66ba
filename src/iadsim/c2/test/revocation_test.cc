// Revoking an engagement in progress (CommandPost::Revoke, doctrine.when_revoked): the engagement
// ordered under doctrine is re-examined with the same rule at the next decision cycle, and revoked
// once when the rule no longer allows it. The track: a confirmed target 40 km north at 8 km, flying
// south at 300 m/s at the defended asset, with no IFF (hostile by behaviour at once); an accepted
// node then declares it neutral (or, under the network's fire authority, suspect: no longer hostile).
#include <gtest/gtest.h>

#include <optional>

#include "iadsim/c2/command_post.h"
#include "iadsim/c2/test/network_picture.h"
#include "iadsim/tracking/test/tracker_test_radar.h"

namespace iadsim {
namespace {

const Geodetic kOrigin{34.0, 36.0, 0.0};
const Vec3 kStart(0.0, 40e3, 8000.0), kVelocity(0.0, -300.0, 0.0);  // ENU, m and m/s
const SimTime kOrder = SimTime::Seconds(21.0), kLater = SimTime::Seconds(26.0), kLast = SimTime::Seconds(31.0);

CommandPostConfig Config(WhenRevoked when) {
  CommandPostConfig c;
  c.name = "battery";
  c.tracker.origin = kOrigin;
  c.identification.has_iff = false;
  c.identification.hostile_delay_s = 0.0;
  c.network.accept_identity_from = {"adcc"};
  c.assets = {{"airbase", Vec3::Zero()}};
  c.doctrine.when_revoked = when;
  return c;
}

// The accepted node's picture at t: its track of the target, with `identity`.
void Report(CommandPost& cp, SimTime t, const std::string& identity) {
  const Geodetic at = LocalFrame(kOrigin).GeodeticFromEnu(kStart + t.seconds() * kVelocity);
  ASSERT_EQ(cp.OnPositionReports(OneTrackPicture("adcc", "adcc#7", at, t, identity)).pairs.size(), 1u);
}

struct Played {
  std::vector<OrderedEngagement> orders;
  std::vector<Revocation> at_later, at_last;
};

// Three scans confirm the track; the node says `first` (none: silent), then one decision cycle
// orders at kOrder; the node says `then` at kLater (a decision cycle with Revoke), and again at kLast.
Played Play(const CommandPostConfig& config, const std::optional<std::string>& first, const std::string& then,
         bool end_engagement_first = false) {
  CommandPost cp(config);
  TestRadar radar(LocalFrame(kOrigin), kOrigin);
  for (int k = 0; k < 3; ++k) cp.OnDetections(radar.FullScan(k, 200e3, std::vector<Truth>{{kStart, kVelocity}}));
  if (first) Report(cp, kOrder, *first);
  cp.Identify(kOrder);
  FireUnitStatus fu;
  fu.free_channels = 2;
  fu.ready_rounds = 8;
  Played run;
  run.orders = cp.Assign(kOrder, fu).orders;
  if (end_engagement_first && !run.orders.empty()) cp.OnEngagementEnded(run.orders[0].order.engagement, kOrder);
  Report(cp, kLater, then);
  cp.Identify(kLater);
  run.at_later = cp.Revoke(kLater);
  Report(cp, kLast, then);
  cp.Identify(kLast);
  run.at_last = cp.Revoke(kLast);
  return run;
}

TEST(Revocation, HoldFireOnceWhenTheIdentityNoLongerAllowsTheShot) {
  const Played run = Play(Config(WhenRevoked::kHoldFire), "hostile", "neutral");
  ASSERT_EQ(run.orders.size(), 1u);
  ASSERT_EQ(run.at_later.size(), 1u);
  const Revocation& r = run.at_later[0];
  EXPECT_EQ(r.engagement, run.orders[0].order.engagement);
  EXPECT_EQ(r.track, run.orders[0].order.track);
  EXPECT_EQ(r.action, WhenRevoked::kHoldFire);
  EXPECT_EQ(r.identity, Identity::kNeutral);
  EXPECT_EQ(r.control, "tight");
  EXPECT_EQ(r.rule, "weapons tight: fire only on tracks identified hostile");
  EXPECT_TRUE(run.at_last.empty());  // revoked once
}

TEST(Revocation, CeaseEngagementIsTheSameDecision) {
  const Played run = Play(Config(WhenRevoked::kCeaseEngagement), "hostile", "neutral");
  ASSERT_EQ(run.at_later.size(), 1u);
  EXPECT_EQ(run.at_later[0].action, WhenRevoked::kCeaseEngagement);
}

TEST(Revocation, NoneWhileDoctrineStillAllowsOrWhenTheUnitContinues) {
  EXPECT_TRUE(Play(Config(WhenRevoked::kHoldFire), "hostile", "hostile").at_later.empty());
  const Played cont = Play(Config(WhenRevoked::kContinue), "hostile", "neutral");
  ASSERT_EQ(cont.orders.size(), 1u);
  EXPECT_TRUE(cont.at_later.empty());
  EXPECT_TRUE(cont.at_last.empty());
}

TEST(Revocation, NoneForAnEngagementThatHasEnded) {
  const Played run = Play(Config(WhenRevoked::kHoldFire), "hostile", "neutral", /*end_engagement_first=*/true);
  ASSERT_EQ(run.orders.size(), 1u);
  EXPECT_TRUE(run.at_later.empty());
}

TEST(Revocation, NetworkFireAuthorityWithdrawn) {
  CommandPostConfig c = Config(WhenRevoked::kHoldFire);
  c.network.fire_authority = FireAuthority::kNetwork;
  const Played run = Play(c, "hostile", "suspect");  // heard, no longer declaring it hostile
  ASSERT_EQ(run.orders.size(), 1u);
  ASSERT_EQ(run.at_later.size(), 1u);
  EXPECT_EQ(run.at_later[0].rule, "network fire authority: only tracks an accepted node declared hostile");
  EXPECT_EQ(run.at_later[0].identity, Identity::kSuspect);  // the network's, which the rule read
}

// An operator's call against a weapons hold: doctrine never allowed it, so it is never revoked.
TEST(Revocation, NeverForAnOperatorsCallAgainstDoctrine) {
  CommandPostConfig c = Config(WhenRevoked::kHoldFire);
  c.doctrine.control = WeaponsControl::kHold;
  c.doctrine.operator_model = OperatorConfig{};
  c.doctrine.operator_model->wrong_call_probability = 1.0;
  c.doctrine.operator_model->time_pressure_s = 1000.0;
  const Played run = Play(c, std::nullopt, "neutral");
  ASSERT_EQ(run.orders.size(), 1u);
  EXPECT_TRUE(run.at_later.empty());
  EXPECT_TRUE(run.at_last.empty());
}

}  // namespace
}  // namespace iadsim
