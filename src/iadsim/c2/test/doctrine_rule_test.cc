// The rule an engagement order gives in words (OrderedEngagement: control and rule), for each way
// doctrine can allow a shot: the unit's own weapons control (tight; free in a named sector), the
// network's fire authority heard, its silence with autonomous fire, and an operator's call against
// a weapons hold; and no order when the network is silent and autonomous fire is off. The expected
// texts are written out here. The track: a confirmed target 40 km north at 8 km, flying south at
// 300 m/s at the defended asset, with no IFF (hostile by behaviour at once: hostile_delay 0).
#include <gtest/gtest.h>

#include <optional>

#include "iadsim/c2/command_post.h"
#include "iadsim/c2/test/network_picture.h"
#include "iadsim/tracking/test/tracker_test_radar.h"

namespace iadsim {
namespace {

const Geodetic kOrigin{34.0, 36.0, 0.0};
const Vec3 kStart(0.0, 40e3, 8000.0), kVelocity(0.0, -300.0, 0.0);  // ENU, m and m/s
const SimTime kDecision = SimTime::Seconds(21.0);

CommandPostConfig Config() {
  CommandPostConfig c;
  c.name = "battery";
  c.tracker.origin = kOrigin;
  c.identification.has_iff = false;
  c.identification.hostile_delay_s = 0.0;
  c.assets = {{"airbase", Vec3::Zero()}};
  return c;
}

// Three scans of the test radar (tracking/test) confirm the target's track (3 of 4); then an accepted node's picture, if given
// (its identity of the track), and one decision cycle at kDecision.
std::vector<OrderedEngagement> Orders(const CommandPostConfig& config,
                                      const std::optional<std::string>& network_identity = std::nullopt) {
  CommandPost cp(config);
  TestRadar radar(LocalFrame(kOrigin), kOrigin);
  for (int k = 0; k < 3; ++k) cp.OnDetections(radar.FullScan(k, 200e3, std::vector<Truth>{{kStart, kVelocity}}));
  if (network_identity) {
    const Geodetic at = LocalFrame(kOrigin).GeodeticFromEnu(kStart + kDecision.seconds() * kVelocity);
    EXPECT_EQ(cp.OnPositionReports(OneTrackPicture("adcc", "adcc#7", at, kDecision, *network_identity)).pairs.size(), 1u);
  }
  cp.Identify(kDecision);
  FireUnitStatus fu;
  fu.free_channels = 2;
  fu.ready_rounds = 8;
  return cp.Assign(kDecision, fu).orders;
}

TEST(DoctrineRule, OwnWeaponsControl) {
  const auto tight = Orders(Config());
  ASSERT_EQ(tight.size(), 1u);
  EXPECT_EQ(tight[0].control, "tight");
  EXPECT_EQ(tight[0].rule, "weapons tight: fire only on tracks identified hostile");

  CommandPostConfig c = Config();
  c.doctrine.sectors = {{"sea", 270.0 * M_PI / 180.0, 90.0 * M_PI / 180.0, WeaponsControl::kFree}};  // across north
  const auto free = Orders(c);
  ASSERT_EQ(free.size(), 1u);
  EXPECT_EQ(free[0].control, "free");
  EXPECT_EQ(free[0].rule, "weapons free in sector sea: fire on any track not identified friend, assumed friend or neutral");
}

TEST(DoctrineRule, NetworkFireAuthority) {
  CommandPostConfig c = Config();
  c.network.fire_authority = FireAuthority::kNetwork;
  c.network.accept_identity_from = {"adcc"};
  const auto heard = Orders(c, "hostile");
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0].rule, "network fire authority: only tracks an accepted node declared hostile");
  EXPECT_TRUE(Orders(c, "neutral").empty());  // heard, but the node did not declare it hostile

  const auto silent = Orders(c);  // nothing heard: autonomous fire on the unit's own control
  ASSERT_EQ(silent.size(), 1u);
  EXPECT_EQ(silent[0].rule,
            "network silent for more than 30 s: autonomous fire; weapons tight: fire only on tracks identified hostile");
  c.network.autonomous = false;
  EXPECT_TRUE(Orders(c).empty());
}

TEST(DoctrineRule, OperatorCallAgainstAWeaponsHold) {
  CommandPostConfig c = Config();
  c.doctrine.control = WeaponsControl::kHold;
  EXPECT_TRUE(Orders(c).empty());
  c.doctrine.operator_model = OperatorConfig{};
  c.doctrine.operator_model->wrong_call_probability = 1.0;  // under pressure: 133 s to CPA < 1000 s
  c.doctrine.operator_model->time_pressure_s = 1000.0;
  const auto orders = Orders(c);
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].control, "hold");
  EXPECT_EQ(orders[0].rule, "operator's call against doctrine under time pressure (weapons hold)");
}

}  // namespace
}  // namespace iadsim
