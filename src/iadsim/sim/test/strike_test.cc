// The attackers' side in the engine, against numbers worked out independently of it: a glide bomb's
// miss with GNSS (median = its CEP), the range at which a GNSS jammer denies the bomb (the
// free-space closed form) and the inertial miss that follows (CEP + drift × time since loss), an
// abort order's SINR by the Friis equation and its loss under jamming, and an anti-radiation
// missile against a radiating radar.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>

#include "iadsim/sim/runner.h"

namespace iadsim {
namespace {

class Events final : public Recorder {
 public:
  void OnEvent(const Event& e) override { events.push_back(e); }
  void OnTruth(const TruthSample& s) override { truth.push_back(s); }
  void OnTrack(const TrackSample&) override {}
  std::vector<const Event*> Of(const std::string& type) const {
    std::vector<const Event*> out;
    for (const Event& e : events)
      if (e.type == type) out.push_back(&e);
    return out;
  }
  std::vector<Event> events;
  std::vector<TruthSample> truth;
};

template <class T>
T FieldOf(const Event& e, const std::string& key) {
  for (const auto& [k, v] : e.fields)
    if (k == key) return std::get<T>(v);
  ADD_FAILURE() << "no field " << key << " in " << e.type;
  return T{};
}

const Geodetic kTarget{35.5, 35.8, 0.0};

// One attacker flying east at 10 km, 250 m/s, releasing one glide bomb at waypoint 1 (about 82 km
// west of the target), then turning north.
Scenario OneBomb(double cep_gnss_m, double drift_mps) {
  Scenario s;
  s.name = "strike test";
  s.duration = Duration::Seconds(900);
  s.ground_targets.push_back({"depot", kTarget, 1});
  AircraftSpec a;
  a.name = "Viper 1";
  a.side = "blue";
  a.type = "f-16";
  a.route.waypoints = {{{35.5, 34.5, 10000}, 250}, {{35.5, 34.9, 10000}, 250}, {{36.0, 34.9, 10000}, 250}};
  MissionPlan m;
  m.gnss = GnssReceiverConfig{};
  WeaponRelease r;
  r.type.name = "gbu-39";
  r.type.kind = MunitionKind::kGlideBomb;
  r.type.navigation = {cep_gnss_m, drift_mps};
  r.type.lethal_radius_m = 10.0;
  r.at_waypoint = 1;
  r.target = "depot";
  m.releases.push_back(r);
  a.mission = m;
  s.aircraft.push_back(a);
  return s;
}

TEST(Strike, GlideBombWithGnssMissesByItsCepInTheMedian) {
  const Scenario s = OneBomb(5.0, 0.5144);
  int within = 0;
  const int n = 300;
  for (int k = 0; k < n; ++k) {
    Events ev;
    RunScenario(s, RunOptions{7, static_cast<std::uint64_t>(k), false}, ev);
    const auto impacts = ev.Of("weapon_impact");
    ASSERT_EQ(impacts.size(), 1u);
    EXPECT_EQ(FieldOf<std::string>(*impacts[0], "navigation"), "gnss");
    within += FieldOf<double>(*impacts[0], "miss_m") <= 5.0;
  }
  // The median of a circular-normal miss is its CEP: Binomial(300, 1/2), 99 % interval ± 2.576 √75.
  EXPECT_GE(within, 128);
  EXPECT_LE(within, 172);
}

TEST(Strike, GnssJammerDeniesTheBombAtTheClosedFormRangeThenItDriftsAtItsLaw) {
  Scenario s = OneBomb(5.0, 2.0);
  s.truth_interval_s = 1.0;
  const GnssReceiverConfig rx;
  const double tolerance = GnssTrackingToleranceDb(rx);
  const double deny_m = 40e3;
  const double r1 = GnssDenialRangeM(rx, 1.0, tolerance);
  JammerSpec j;
  j.jammer.name = "hmeimim gnss";
  j.jammer.band = JammerBand::kGnss;
  j.jammer.power_w = std::pow(deny_m / r1, 2.0);  // ERP: R grows with √ERP
  j.jammer.position = {kTarget.lat_deg, kTarget.lon_deg, 30.0};
  s.jammers.push_back(j);
  const Vec3 jammer = EcefFromGeodetic(j.jammer.position);
  int within = 0;
  const int n = 200;
  for (int k = 0; k < n; ++k) {
    Events ev;
    RunScenario(s, RunOptions{11, static_cast<std::uint64_t>(k), k == 0}, ev);
    const auto released = ev.Of("weapon_released");
    const auto impacts = ev.Of("weapon_impact");
    ASSERT_EQ(released.size(), 1u);
    ASSERT_EQ(impacts.size(), 1u);
    std::smatch m;
    const std::string note = FieldOf<std::string>(*released[0], "navigation");
    ASSERT_TRUE(std::regex_search(note, m, std::regex("GNSS lost at ([0-9.]+) s"))) << note;
    const double lost_s = std::stod(m[1]);
    if (k == 0) {
      // The bomb's slant range to the jammer when it lost GNSS: within one check (1 s at about
      // 250 m/s, i.e. 300 m with the descent) inside the closed-form denial range.
      double best_dt = 1e9, range = 0.0;
      for (const TruthSample& t : ev.truth) {
        if (t.kind != "munition") continue;
        const double dt = std::abs(t.time.seconds() - lost_s);
        if (dt < best_dt) best_dt = dt, range = (EcefFromGeodetic(t.geo) - jammer).norm();
      }
      ASSERT_LE(best_dt, 0.5);
      EXPECT_NEAR(range, deny_m - 150.0, 450.0);
    }
    // Inertial from the loss: the median miss is cep + drift × (impact − loss).
    const double expected = 5.0 + 2.0 * (impacts[0]->time.seconds() - lost_s);
    within += FieldOf<double>(*impacts[0], "miss_m") <= expected;
  }
  EXPECT_GE(within, 82);  // Binomial(200, 1/2), 99 %: 100 ± 2.576 √50
  EXPECT_LE(within, 118);
}

// The controller 100 km from the aircraft, 100 W at 300 MHz, omni antennas, no losses.
Scenario WithAbortOrder(bool jammed) {
  Scenario s = OneBomb(5.0, 0.5144);
  ControllerSpec c;
  c.name = "control";
  c.position = {35.5, 34.5 - 100e3 / (111.32e3 * std::cos(35.5 * M_PI / 180.0)), 10000};
  c.radio.power_w = 100.0;
  c.radio.frequency_hz = 300e6;
  s.controllers.push_back(c);
  s.aircraft[0].mission->radio = RadioConfig{};  // 300 MHz, 25 kHz, F 5 dB, 16 kbit/s, 256 bits
  s.aircraft[0].route.start = SimTime();
  CommsOrderSpec o;
  o.name = "abort";
  o.from = "control";
  o.to = {"Viper 1"};
  o.at_s = 10.0;
  s.orders.push_back(o);
  if (jammed) {
    JammerSpec j;
    j.jammer.name = "comms jammer";
    j.jammer.band = JammerBand::kComms;
    j.jammer.power_w = 1000.0;
    j.jammer.bandwidth_hz = 1e6;
    j.jammer.frequency_hz = 300e6;
    j.jammer.position = {35.5, 35.0, 30.0};
    s.jammers.push_back(j);
  }
  return s;
}

TEST(Strike, AbortOrderSinrIsFriisOverThermalNoiseAndAJammedOrderDoesNotArrive) {
  {
    const Scenario s = WithAbortOrder(false);
    Events ev;
    RunScenario(s, RunOptions{1, 0, false}, ev);
    const auto got = ev.Of("order_received");
    ASSERT_EQ(got.size(), 1u);
    // By hand: λ = c / 300 MHz; S = 100 W · (λ / 4π d)², N = k · 290 K · 10^0.5 · 25 kHz.
    const Vec3 ctrl = EcefFromGeodetic(s.controllers[0].position);
    const auto st = RouteMover(s.aircraft[0].route).StateAt(SimTime() + Duration::Seconds(10));
    const double d = (st->p_ecef - ctrl).norm();
    const double lambda = 299792458.0 / 300e6;
    const double signal = 100.0 * std::pow(lambda / (4 * M_PI * d), 2);
    const double noise = 1.380649e-23 * 290.0 * std::pow(10.0, 0.5) * 25e3;
    EXPECT_NEAR(FieldOf<double>(*got[0], "sinr_db"), 10 * std::log10(signal / noise), 0.01);
    EXPECT_EQ(ev.Of("attack_abandoned").size(), 1u);
    EXPECT_TRUE(ev.Of("weapon_released").empty());  // it went home before its release point
  }
  {
    const Scenario s = WithAbortOrder(true);
    Events ev;
    RunScenario(s, RunOptions{1, 0, false}, ev);
    const auto lost = ev.Of("order_lost");
    ASSERT_EQ(lost.size(), 1u);
    EXPECT_GT(FieldOf<double>(*lost[0], "loss_probability"), 0.999);
    EXPECT_TRUE(ev.Of("attack_abandoned").empty());
    EXPECT_EQ(ev.Of("weapon_released").size(), 1u);  // the attack goes on
  }
}


// A search radar ("SAM") and one attacker releasing an anti-radiation missile at it from ~60 km.
Scenario ArmAtRadar(bool silent_after_launch, double cue_cep_m) {
  Scenario s;
  s.name = "arm test";
  s.duration = Duration::Seconds(400);
  UnitSpec u;
  u.name = "SAM";
  u.side = "red";
  u.position = {35.5, 36.0, 100.0};
  u.surveillance.name = "search";
  u.surveillance.position = u.position;
  u.surveillance.radar.frequency_hz = 3e9;  // in the seeker's band
  if (silent_after_launch) {  // radiates 1 s, then silent for the rest of the run
    u.emission.blink = true;
    u.emission.on_s = 1.0;
    u.emission.off_s = 1e5;
  }
  s.units.push_back(u);
  AircraftSpec a;
  a.name = "Weasel";
  a.side = "blue";
  a.route.waypoints = {{{35.5, 35.0, 8000}, 250}, {{35.5, 35.35, 8000}, 250}, {{36.0, 35.35, 8000}, 250}};
  MissionPlan m;
  WeaponRelease r;
  r.type.name = "agm-88";
  r.type.kind = MunitionKind::kAntiRadiation;
  r.type.arm_cue_cep_m = cue_cep_m;
  r.at_waypoint = 1;
  r.target = "SAM";
  m.releases.push_back(r);
  a.mission = m;
  s.aircraft.push_back(a);
  return s;
}

TEST(Strike, AntiRadiationMissileHomesOnARadiatingRadarAndFliesToItsCueWhenTheRadarIsSilent) {
  for (int k = 0; k < 10; ++k) {  // radiating: it hears the radar and kills it, whatever its cue
    Events ev;
    RunScenario(ArmAtRadar(false, 300.0), RunOptions{5, static_cast<std::uint64_t>(k), false}, ev);
    const auto impacts = ev.Of("weapon_impact");
    ASSERT_EQ(impacts.size(), 1u);
    EXPECT_LE(FieldOf<double>(*impacts[0], "miss_m"), 15.0);
    ASSERT_EQ(ev.Of("emitter_destroyed").size(), 1u);
    EXPECT_EQ(FieldOf<std::string>(*ev.Of("emitter_destroyed")[0], "emitter"), "SAM");
  }
  // Silent from before the launch: no homing, it lands on its cue, circular normal of CEP 300 m
  // about the radar: the median miss is 300 m (Binomial(100, 1/2), 99 %: 50 ± 12.9).
  int within = 0, killed = 0;
  for (int k = 0; k < 100; ++k) {
    Events ev;
    RunScenario(ArmAtRadar(true, 300.0), RunOptions{5, static_cast<std::uint64_t>(k), false}, ev);
    const auto impacts = ev.Of("weapon_impact");
    ASSERT_EQ(impacts.size(), 1u);
    EXPECT_EQ(FieldOf<std::string>(*impacts[0], "navigation"), "memory");
    within += FieldOf<double>(*impacts[0], "miss_m") <= 300.0;
    killed += static_cast<int>(ev.Of("emitter_destroyed").size());
  }
  EXPECT_GE(within, 38);
  EXPECT_LE(within, 62);
  EXPECT_LE(killed, 2);  // P(cue within 15 m) = 1 − 2^(−(15/300)²) = 0.0017 per shot
}


TEST(Strike, RwrHearsTheSearchRadarAtItsClosedFormRange) {
  // Sensitivity set so that the RWR hears the radar's peak ERP (Pt G) at 70 km, well inside the
  // radar horizon of an aircraft at 8 km: the first search warning comes when the aircraft crosses
  // 70 km (within one second of flight, 250 m).
  Scenario s = ArmAtRadar(false, 0.0);
  s.aircraft[0].mission->releases.clear();
  RwrConfig rwr;
  const RadarParameters& radar = s.units[0].surveillance.radar;
  const double erp_w = radar.peak_power_w * std::pow(10.0, radar.gain_db / 10.0);
  const double lambda = 299792458.0 / radar.frequency_hz;
  rwr.sensitivity_dbw = 10 * std::log10(erp_w * std::pow(lambda / (4 * M_PI * 70e3), 2));
  s.aircraft[0].mission->rwr = rwr;
  s.aircraft[0].mission->reaction = RwrReaction{RwrTrigger::kLock, RwrAction::kBeam, 30e3, 300.0};
  s.truth_interval_s = 1.0;
  Events ev;
  RunScenario(s, RunOptions{1, 0, true}, ev);
  const auto warnings = ev.Of("rwr_warning");
  ASSERT_FALSE(warnings.empty());
  EXPECT_EQ(FieldOf<std::string>(*warnings[0], "warning"), "search");
  const double t = warnings[0]->time.seconds();
  const Vec3 radar_ecef = EcefFromGeodetic(s.units[0].surveillance.position);
  int samples = 0;
  for (const TruthSample& x : ev.truth)
    if (x.name == "Weasel" && std::abs(x.time.seconds() - t) < 1e-6) {
      ++samples;
      EXPECT_NEAR((EcefFromGeodetic(x.geo) - radar_ecef).norm(), 70e3 - 125.0, 130.0);
    }
  EXPECT_EQ(samples, 1);
  EXPECT_TRUE(ev.Of("attack_abandoned").empty());  // a search radar is no lock: no reaction
}

TEST(Strike, CruiseMissileBeyondItsRangeFallsShortByTheDifference) {
  // A cruise missile released at waypoint 1 (~82 km west of the target) with a 60 km range flies
  // its straight last leg and comes down 60 km along it: the miss is the release-to-target
  // distance less 60 km.
  Scenario s = OneBomb(5.0, 0.5144);
  WeaponRelease& r = s.aircraft[0].mission->releases[0];
  r.type.kind = MunitionKind::kCruiseMissile;
  r.type.speed_mps = 240.0;
  r.type.max_range_m = 60e3;
  Events ev;
  RunScenario(s, RunOptions{1, 0, false}, ev);
  const auto released = ev.Of("weapon_released");
  const auto impacts = ev.Of("weapon_impact");
  ASSERT_EQ(impacts.size(), 1u);
  const auto at = RouteMover(s.aircraft[0].route).StateAt(released[0]->time);
  const double distance = Inverse(at->geo, kTarget).distance_m;
  EXPECT_NEAR(FieldOf<double>(*impacts[0], "miss_m"), distance - 60e3, 20.0);  // + its GNSS error (CEP 5 m)
  EXPECT_NEAR(impacts[0]->time.seconds() - released[0]->time.seconds(), 60e3 / 240.0, 1.0);
}


TEST(Strike, DecoyFliesItsRouteAtItsSpeedAndEndsThere) {
  // A decoy released at waypoint 1 flies 50 km due east at 200 m/s with a fighter's 1.2 m² and is
  // removed at the end of its route (250 s later).
  Scenario s = OneBomb(5.0, 0.5144);
  s.truth_interval_s = 1.0;
  WeaponRelease& r = s.aircraft[0].mission->releases[0];
  r.type.kind = MunitionKind::kDecoy;
  r.type.name = "adm-160";
  r.type.speed_mps = 200.0;
  r.type.signature.rcs_m2 = 1.2;
  r.target.clear();
  const Geodetic end = Direct({35.5, 34.9, 9000}, M_PI / 2, 50e3).point;
  r.route = {{{end.lat_deg, end.lon_deg, 9000}, 200.0}};
  Events ev;
  RunScenario(s, RunOptions{1, 0, true}, ev);
  const auto released = ev.Of("weapon_released");
  ASSERT_EQ(released.size(), 1u);
  EXPECT_TRUE(ev.Of("weapon_impact").empty());
  const double t0 = released[0]->time.seconds();
  std::vector<const TruthSample*> decoy;
  for (const TruthSample& x : ev.truth)
    if (x.kind == "munition") decoy.push_back(&x);
  ASSERT_GE(decoy.size(), 200u);
  // Ground speed between two samples 100 s apart: 200 m/s (the route's constant speed).
  const TruthSample* a = decoy[10];
  const TruthSample* b = decoy[110];
  EXPECT_NEAR(Inverse(a->geo, b->geo).distance_m / (b->time - a->time).seconds(), 200.0, 0.5);
  // Last seen within a sample interval of release + length / speed.
  const double length = Inverse(RouteMover(s.aircraft[0].route).StateAt(released[0]->time)->geo, end).distance_m;
  EXPECT_NEAR(decoy.back()->time.seconds(), t0 + length / 200.0, 1.0);
}


TEST(Strike, RadarMapFixFailsWhenTheStandOffJsReachesTheRequiredRatio) {
  // An airborne-radar jammer beside the target, in the main beam of the jet's radar as it maps the
  // target: J/S by hand from the stand-off equation (ew §3.2),
  //   J/S = ERP_J · G_r · 4π R_t⁴ / (ERP_S · G_t · σ · R_j²) · (B_r / B_j) / G_p,
  // with the jammer ~100 m from the target (R_j ≈ R_t: a fraction of a dB).
  for (const double jammer_w : {1.0, 1e5}) {  // about −41 dB (fix) and +9 dB (no fix) at ~82 km
    Scenario s = OneBomb(5.0, 0.5144);
    AirborneRadarSpec radar;  // ERP 10 MW, 33 dBi, 1 MHz, 20 dB Gp, required J/S 0 dB, σ 1000 m²
    s.aircraft[0].mission->radar = radar;
    JammerSpec j;
    j.jammer.name = "port";
    j.jammer.band = JammerBand::kAirborneRadar;
    j.jammer.power_w = jammer_w;
    j.jammer.bandwidth_hz = 100e6;
    j.jammer.position = {kTarget.lat_deg, kTarget.lon_deg + 0.001, 30.0};
    s.jammers.push_back(j);
    Events ev;
    RunScenario(s, RunOptions{1, 0, false}, ev);
    const auto fixes = ev.Of("radar_fix");
    ASSERT_EQ(fixes.size(), 1u);
    const auto at = RouteMover(s.aircraft[0].route).StateAt(fixes[0]->time);
    const double rt = (EcefFromGeodetic(kTarget) - at->p_ecef).norm();
    const double rj = (EcefFromGeodetic(j.jammer.position) - at->p_ecef).norm();
    const double gt = std::pow(10.0, 3.3);
    const double js = jammer_w * gt * 4 * M_PI * std::pow(rt, 4) / (10e6 * gt * 1000.0 * rj * rj) * (1e6 / 100e6) / 100.0;
    EXPECT_NEAR(FieldOf<double>(*fixes[0], "js_db"), 10 * std::log10(js), 0.01) << jammer_w;
    EXPECT_EQ(FieldOf<std::int64_t>(*fixes[0], "fixed"), jammer_w < 10.0 ? 1 : 0) << jammer_w;
  }
}

}  // namespace
}  // namespace iadsim
