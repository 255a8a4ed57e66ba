// The attacker's side of a scenario (scenario_strike_reader.cc): values read into SI, and the
// error contract (file:line:col: key.path: message, every problem reported) of each cross-check.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <regex>

#include <unistd.h>

#include "iadsim/core/error.h"
#include "iadsim/io/quantity.h"
#include "iadsim/io/scenario_reader.h"

namespace iadsim {
namespace {

constexpr double kDegRad = std::numbers::pi / 180.0;

// A strike on the equator (distances along it are a·Δλ, a = 6378137 m): a glide bomber releasing
// at (0, 0) from 12000 m on a target at (0, 0.9) (100.19 km: inside L/D 9 × 12 km = 108 km), an
// escort with anti-radiation missiles, a GNSS jammer, a controller and its abort order.
const char* const kBase = R"(scenario: {name: strike, start: 2018-09-17T18:30:00Z, duration: 600 s}
sides: {red: {}, blue: {}}
types:
  aircraft:
    f-16c:
      rcs: 5 m2
      swerling: 1
      performance: {min_speed: 130 kt, max_speed: 1100 kt, ceiling: 15 km, max_load_factor: 9, max_climb: 250 m/s}
  radars:
    search: {frequency: 3 GHz, power: 1 MW, gain: 38 dB, pulse_width: 10 us, noise_temperature: 500 K, losses: 8 dB, pfa: 1e-6, scan_period: 5 s, max_range: 150 km, beamwidth: 1.5 deg}
  engagement_radars:
    fire-control: {frequency: 10 GHz, power: 200 kW, gain: 42 dB, pulse_width: 1 us, noise_temperature: 600 K, losses: 8 dB, pfa: 1e-6, beamwidth: 1 deg, max_range: 120 km, channels: 2, update_interval: 0.5 s}
  missiles:
    sam: {launch_mass: 1900 kg, boost_propellant: 1100 kg, boost_time: 14 s, boost_thrust: 205 kN, diameter: 0.515 m, drag_coefficient: 0.2, max_lateral_accel: 20 g, max_flight_time: 120 s, fuze_radius: 60 m, lethal_radius: 35 m, kill_probability: 0.9, envelope: {min_range: 5 km, max_range: 50 km, min_altitude: 10 m, max_altitude: 27 km, mean_speed: 1100 m/s}}
  weapons:
    gbu-39:
      kind: glide-bomb
      rcs: 0.015 m2
      lift_to_drag: 9
      glide_speed: 250 m/s
      navigation: {cep_gnss: 5 m, ins_drift: 1 nmi/h}
      gnss: {signal: -158.5 dBW, k: 63 dB-Hz, unjammed_cn0: 45 dB-Hz, tracking_threshold: 28 dB-Hz, acquisition_threshold: 35 dB-Hz}
      lethal_radius: 10 m
    harm:
      kind: anti-radiation
      speed: 700 m/s
      max_lateral_accel: 20 g
      angle_sigma: 0.5 deg
      band: [2 GHz, 18 GHz]
assets:
  - {name: Depot, lat: 0.0, lon: 0.9, alt: 0 m}
ground_targets:
  - {name: depot, at: Depot, hits_to_destroy: 2}
  - {name: bridge, lat: 0.1, lon: 0.8}
aircraft:
  - name: Bomber
    type: f-16c
    side: red
    affiliation: hostile
    route:
      - {lat: 0, lon: -1, alt: 12000 m, speed: 250 m/s}
      - {lat: 0, lon: 0, alt: 12000 m, speed: 250 m/s}
      - {lat: 1, lon: 0, alt: 12000 m, speed: 250 m/s}
    mission:
      package: strike
      releases:
        - {weapon: gbu-39, count: 4, interval: 1 s, at_waypoint: 1, target: depot}
      rwr:
        sensitivity: -100 dBW
        band: [0.5 GHz, 18 GHz]
        reaction: {on: lock, action: descend, leg: 30 km, descend_to: 300 m}
      navigation: {cep_gnss: 5 m, ins_drift: 1 nmi/h}
      gnss: {antijam: 20 dB}
      radar: {erp: 10 MW, gain: 33 dB, fix_cep: 10 m}
      radio: {frequency: 300 MHz, data_rate: 16 kbit/s, message_bits: 256}
  - name: Escort
    type: f-16c
    side: red
    affiliation: hostile
    route:
      - {lat: 0.5, lon: -1, alt: 8000 m, speed: 250 m/s}
      - {lat: 0.5, lon: 0, alt: 8000 m, speed: 250 m/s}
    mission:
      package: strike
      releases:
        - {weapon: harm, at_waypoint: 1, target: SAM/engagement}
jammers:
  - {name: gps-jammer, at: {lat: 0.9, lon: 0.9, alt: 10 m}, power: 78 W, bandwidth: 20 MHz, band: gnss, frequency: 1575.42 MHz, beam: {azimuth: 270 deg, beamwidth: 60 deg, sidelobe: 20 dB}}
units:
  - name: SAM
    side: blue
    at: {lat: 0.5, lon: 1.0}
    surveillance: {type: search, antenna_height: 10 m}
    engagement_radar: {type: fire-control, antenna_height: 10 m}
    missile: sam
    launchers: [{name: L1, at: {lat: 0.5, lon: 1.0}, rounds: 4, launch_interval: 3 s}]
    emission: {mode: blink, on: 10 s, off: 20 s}
controllers:
  - {name: awacs, at: {lat: -1, lon: -2, alt: 9000 m}, power: 100 W, frequency: 300 MHz}
orders:
  - {name: recall, from: awacs, to: [strike], order: abort, at: 300 s, repeats: 3, interval: 10 s}
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the base scenario: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Writes the text to a temporary .yaml file named after the running test and reads it.
Scenario ReadText(const std::string& text) {
  const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  // The process id keeps concurrent runs of the suite (other build trees) apart.
  const auto path = std::filesystem::temp_directory_path() / ("iadsim_strike_" + name + "_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << text;
  struct Remove {
    std::filesystem::path p;
    ~Remove() { std::filesystem::remove(p); }
  } remove{path};
  return ReadScenarioFile(path.string());
}

std::vector<std::string> ProblemsOf(const std::string& text) {
  std::vector<std::string> out;
  try {
    ReadText(text);
  } catch (const ScenarioError& e) {
    for (const Problem& p : e.problems()) out.push_back(p.ToString());
  }
  return out;
}

// 1-based line of the first occurrence of `needle`, and its 1-based column.
std::string LineColOf(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  const auto line = std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1;
  const auto line_start = text.rfind('\n', at);
  const auto col = at - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
  return std::to_string(line) + ":" + std::to_string(col);
}

// Exactly `count` problems, one of which matches the regex.
void ExpectProblem(const std::string& text, const std::string& pattern, std::size_t count = 1) {
  const auto problems = ProblemsOf(text);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_EQ(problems.size(), count) << all;
  EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return std::regex_search(p, std::regex(pattern)); }))
      << "expected /" << pattern << "/ in:\n" << all;
}

std::string Escape(const std::string& s) { return std::regex_replace(s, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)"); }

TEST(ScenarioStrikeReader, NewUnits) {
  EXPECT_NEAR(std::get<double>(ParseQuantity("1 nmi/h", Dimension::kSpeed)), 1852.0 / 3600.0, 1e-15);
  EXPECT_EQ(std::get<double>(ParseQuantity("45 dB-Hz", Dimension::kDecibel)), 45.0);
  EXPECT_EQ(std::get<double>(ParseQuantity("16 kbit/s", Dimension::kDataRate)), 16000.0);
  EXPECT_EQ(std::get<double>(ParseQuantity("2 Mbit/s", Dimension::kDataRate)), 2e6);
  EXPECT_NE(std::get<std::string>(ParseQuantity("16 kHz", Dimension::kDataRate)).find("kHz is a unit of frequency"), std::string::npos);
}

TEST(ScenarioStrikeReader, ReadsTheAttackersSideInSi) {
  const Scenario s = ReadText(kBase);
  ASSERT_EQ(s.ground_targets.size(), 2u);
  EXPECT_EQ(s.ground_targets[0].name, "depot");
  EXPECT_DOUBLE_EQ(s.ground_targets[0].position.lon_deg, 0.9);  // from the asset
  EXPECT_EQ(s.ground_targets[0].hits_to_destroy, 2);
  EXPECT_EQ(s.ground_targets[1].position.alt_m, 0.0);  // alt defaults to 0 m
  ASSERT_EQ(s.aircraft.size(), 2u);
  ASSERT_TRUE(s.aircraft[0].mission);
  const MissionPlan& m = *s.aircraft[0].mission;
  EXPECT_EQ(m.package, "strike");
  ASSERT_EQ(m.releases.size(), 1u);
  const WeaponRelease& r = m.releases[0];
  EXPECT_EQ(r.type.kind, MunitionKind::kGlideBomb);
  EXPECT_EQ(r.type.name, "gbu-39");
  EXPECT_EQ(r.count, 4);
  EXPECT_EQ(r.at_waypoint, 1u);
  EXPECT_EQ(r.target, "depot");
  EXPECT_DOUBLE_EQ(r.type.signature.rcs_m2, 0.015);
  EXPECT_DOUBLE_EQ(r.type.glide.lift_to_drag, 9.0);
  EXPECT_NEAR(r.type.navigation.drift_mps, 0.514444, 1e-6);  // 1 nmi/h
  EXPECT_NEAR(r.type.gnss.signal_dbw, -158.5, 1e-9);          // -158.5 dBW through watts and back
  EXPECT_EQ(r.type.gnss.unjammed_cn0_dbhz, 45.0);
  ASSERT_TRUE(m.rwr && m.reaction);
  EXPECT_NEAR(m.rwr->sensitivity_dbw, -100.0, 1e-9);
  EXPECT_EQ(m.rwr->min_frequency_hz, 0.5e9);
  EXPECT_EQ(m.reaction->on, RwrTrigger::kLock);
  EXPECT_EQ(m.reaction->action, RwrAction::kDescend);
  EXPECT_EQ(m.reaction->descend_to_m, 300.0);
  ASSERT_TRUE(m.gnss);
  EXPECT_EQ(m.gnss->antijam_db, 20.0);
  EXPECT_EQ(m.gnss->k_db_hz, 63.0);  // default
  ASSERT_TRUE(m.radar && m.radio);
  EXPECT_EQ(m.radar->erp_w, 10e6);
  EXPECT_EQ(m.radio->data_rate_bps, 16000.0);
  const WeaponRelease& arm = s.aircraft[1].mission->releases[0];
  EXPECT_EQ(arm.type.kind, MunitionKind::kAntiRadiation);
  EXPECT_EQ(arm.target, "SAM/engagement");
  EXPECT_NEAR(arm.type.arm.max_lateral_accel_mps2, 20 * 9.80665, 1e-9);
  EXPECT_NEAR(arm.type.arm.angle_sigma_rad, 0.5 * kDegRad, 1e-15);
  EXPECT_EQ(arm.type.arm_min_frequency_hz, 2e9);
  ASSERT_EQ(s.jammers.size(), 1u);
  const Jammer& j = s.jammers[0].jammer;
  EXPECT_EQ(j.band, JammerBand::kGnss);
  EXPECT_DOUBLE_EQ(j.frequency_hz, 1575.42e6);
  ASSERT_TRUE(j.beam);
  EXPECT_NEAR(j.beam->azimuth_rad, 1.5 * std::numbers::pi, 1e-12);
  EXPECT_EQ(j.beam->sidelobe_db, 20.0);
  EXPECT_TRUE(s.units[0].emission.blink);
  EXPECT_EQ(s.units[0].emission.off_s, 20.0);
  ASSERT_EQ(s.controllers.size(), 1u);
  EXPECT_EQ(s.controllers[0].radio.power_w, 100.0);
  EXPECT_EQ(s.controllers[0].position.alt_m, 9000.0);
  ASSERT_EQ(s.orders.size(), 1u);
  EXPECT_EQ(s.orders[0].to, std::vector<std::string>{"strike"});
  EXPECT_EQ(s.orders[0].repeats, 3);
  EXPECT_EQ(s.orders[0].at_s, 300.0);
}

TEST(ScenarioStrikeReader, CruiseMissilesAndDecoysFlyRoutes) {
  std::string text = Replace(kBase, "    harm:\n", R"(    tlam: {kind: cruise-missile, speed: 240 m/s, altitude: 50 m, max_range: 1600 km}
    mald: {kind: decoy, rcs: 5 m2, speed: 0.8 mach, max_range: 900 km}
    harm:
)");
  text = Replace(text, "        - {weapon: harm, at_waypoint: 1, target: SAM/engagement}\n",
                 R"(        - {weapon: harm, at_waypoint: 1, target: SAM/engagement}
        - {weapon: tlam, at_waypoint: 0, target: bridge, route: [{lat: 0.2, lon: 0.5, alt: 50 m, speed: 240 m/s}]}
        - {weapon: mald, at_waypoint: 0, route: [{lat: 0.4, lon: 0.9, alt: 5000 m, speed: 0.8 mach}]}
)");
  const Scenario s = ReadText(text);
  const auto& r = s.aircraft[1].mission->releases;
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].type.kind, MunitionKind::kCruiseMissile);
  EXPECT_EQ(r[1].type.cruise_agl_m, 50.0);
  EXPECT_EQ(r[1].type.max_range_m, 1.6e6);
  ASSERT_EQ(r[1].route.size(), 1u);
  EXPECT_EQ(r[2].type.kind, MunitionKind::kDecoy);
  EXPECT_NEAR(r[2].type.speed_mps, 0.8 * 340.294, 1e-9);
  EXPECT_TRUE(r[2].target.empty());
  // A decoy has no target and needs a route; a glide bomb flies no route.
  ExpectProblem(Replace(text, "{weapon: mald, at_waypoint: 0, route:", "{weapon: mald, at_waypoint: 0, target: bridge, route:"),
                R"(aircraft\[1\]\.mission\.releases\[2\]\.target: a decoy has no target)");
  ExpectProblem(Replace(kBase, "at_waypoint: 1, target: depot}", "at_waypoint: 1, target: depot, route: []}"),
                R"(aircraft\[0\]\.mission\.releases\[0\]\.route: a glide-bomb flies no route)");
  ExpectProblem(Replace(text, "altitude: 50 m, max_range", "altitude: 5 m, max_range"),
                R"(types\.weapons\.tlam\.altitude: must be in \[10, 5000\] m above the ground \(got 5 m\))");
}

TEST(ScenarioStrikeReader, KeysOfAnotherKindAreErrors) {
  const std::string text = Replace(kBase, "      lift_to_drag: 9\n", "      lift_to_drag: 9\n      speed: 240 m/s\n");
  ExpectProblem(text, "^[^:]+\\.yaml:" + LineColOf(text, "speed: 240") + R"(: types\.weapons\.gbu-39\.speed: glide-bomb has no key speed)");
}

TEST(ScenarioStrikeReader, UnknownKeysAreRejected) {
  const std::string text = Replace(kBase, "reaction: {on: lock,", "reaction: {onn: lock,");
  ExpectProblem(text, R"(:\d+:\d+: aircraft\[0\]\.mission\.rwr\.reaction\.onn: unknown key)");
}

TEST(ScenarioStrikeReader, JammerWithNegativePower) {
  const std::string text = Replace(kBase, "power: 78 W", "power: -78 W");
  ExpectProblem(text, R"(\.yaml:\d+:\d+: jammers\[0\]\.power: must be > 0 \(got -78 W\))");
}

TEST(ScenarioStrikeReader, GnssToleranceOutsideAPhysicalRange) {
  // Re-acquisition needs more C/N0 than the receiver has unjammed: it would never reacquire.
  const std::string text = Replace(kBase, "acquisition_threshold: 35 dB-Hz", "acquisition_threshold: 50 dB-Hz");
  ExpectProblem(text, R"(\.yaml:\d+:\d+: types\.weapons\.gbu-39\.gnss\.acquisition_threshold: must be <= unjammed_cn0)");
}

TEST(ScenarioStrikeReader, ReleaseOnAnUndefinedGroundTarget) {
  const std::string text = Replace(kBase, "at_waypoint: 1, target: depot}", "at_waypoint: 1, target: X}");
  ExpectProblem(text, "\\.yaml:" + LineColOf(text, "target: X") +
                          R"(: aircraft\[0\]\.mission\.releases\[0\]\.target: refers to an undefined ground target 'X' \(defined: bridge, depot\))");
}

TEST(ScenarioStrikeReader, AntiRadiationReleaseOnAnUndefinedEmitter) {
  // A ground target is not an emitter; jammers and UNIT/engagement are.
  const std::string text = Replace(kBase, "target: SAM/engagement}", "target: depot}");
  ExpectProblem(text, R"(aircraft\[1\]\.mission\.releases\[0\]\.target: refers to an undefined emitter 'depot' \(a unit, UNIT/engagement or a jammer; defined: SAM, SAM/engagement, gps-jammer\))");
  EXPECT_TRUE(ProblemsOf(Replace(kBase, "target: SAM/engagement}", "target: gps-jammer}")).empty());
  EXPECT_TRUE(ProblemsOf(Replace(kBase, "target: SAM/engagement}", "target: SAM}")).empty());
  // Without launchers there is no fire unit, so the engagement radar never radiates.
  std::string no_launchers = Replace(kBase, "    missile: sam\n", "");
  no_launchers = Replace(no_launchers, "    launchers: [{name: L1, at: {lat: 0.5, lon: 1.0}, rounds: 4, launch_interval: 3 s}]\n", "");
  ExpectProblem(no_launchers, R"(releases\[0\]\.target: refers to an undefined emitter 'SAM/engagement')");
}

TEST(ScenarioStrikeReader, ReleaseBeyondTheRoute) {
  const std::string text = Replace(kBase, "at_waypoint: 1, target: depot}", "at_waypoint: 3, target: depot}");
  ExpectProblem(text, "\\.yaml:" + LineColOf(text, "at_waypoint: 3") +
                          R"(: aircraft\[0\]\.mission\.releases\[0\]\.at_waypoint: is 3, beyond the route \(3 waypoints: 0 to 2\))");
}

TEST(ScenarioStrikeReader, GlideReleaseOutOfRange) {
  // Target on the equator at 1.1786° east of the release: a · 1.1786 · π/180 = 131.20 km (excess 23.20 km); from
  // 12000 m at L/D 9 the bomb glides 108.0 km: 23.2 km short.
  EXPECT_NEAR(6378137.0 * 1.1786 * kDegRad, 131201.2, 0.1);
  const std::string text = Replace(kBase, "{name: Depot, lat: 0.0, lon: 0.9,", "{name: Depot, lat: 0.0, lon: 1.1786,");
  ExpectProblem(text, "\\.yaml:" + LineColOf(text, "at_waypoint: 1") +
                          R"(: aircraft\[0\]\.mission\.releases\[0\]\.at_waypoint: the target is 131\.2 km away, 23\.2 km beyond the glide range \(108\.0 km from 12000 m above the target at L/D 9\))");
  // 0.97° = 107.98 km: just inside.
  EXPECT_TRUE(ProblemsOf(Replace(kBase, "{name: Depot, lat: 0.0, lon: 0.9,", "{name: Depot, lat: 0.0, lon: 0.97,")).empty());
}

// A glide model that is itself invalid is reported once, at its key, and not used for the range
// check (which had aborted on it).
TEST(ScenarioStrikeReader, InvalidGlideModelIsReportedNotUsed) {
  ExpectProblem(Replace(kBase, "      lift_to_drag: 9\n", "      lift_to_drag: 0\n"),
                R"(\.yaml:\d+:\d+: types\.weapons\.gbu-39\.lift_to_drag: must be in \(0, 30\] \(got 0\))");
}

TEST(ScenarioStrikeReader, OrdersToUnknownAircraftFromUnknownControllers) {
  const std::string text = Replace(kBase, "from: awacs, to: [strike]", "from: jstars, to: [strike, Ghost]");
  const auto problems = ProblemsOf(text);
  ASSERT_EQ(problems.size(), 2u);  // both reported
  EXPECT_TRUE(std::regex_search(problems[0], std::regex(R"(orders\[0\]\.from: refers to an undefined controller 'jstars' \(defined: awacs\))")))
      << problems[0];
  EXPECT_TRUE(std::regex_search(problems[1], std::regex(R"(orders\[0\]\.to: refers to an undefined aircraft or package 'Ghost' \(packages: strike\))")))
      << problems[1];
}

TEST(ScenarioStrikeReader, RouteOutsideThePerformanceEnvelope) {
  // 60 m/s is below 130 kt (66.9 m/s); 16 km is above the 15 km ceiling.
  std::string text = Replace(kBase, "{lat: 0, lon: -1, alt: 12000 m, speed: 250 m/s}", "{lat: 0, lon: -1, alt: 12000 m, speed: 60 m/s}");
  text = Replace(text, "{lat: 1, lon: 0, alt: 12000 m, speed: 250 m/s}", "{lat: 1, lon: 0, alt: 16 km, speed: 250 m/s}");
  const auto problems = ProblemsOf(text);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_TRUE(std::regex_search(problems[0], std::regex(Escape(LineColOf(text, "speed: 60 m/s")) +
                                                        R"(: aircraft\[0\]\.route\[0\]\.speed: 60\.0 m/s \(117 kt\) is below the type's minimum speed 66\.9 m/s \(130 kt\) \(type 'f-16c'\))")))
      << problems[0];
  EXPECT_TRUE(std::regex_search(problems[1], std::regex(Escape(LineColOf(text, "alt: 16 km")) +
                                                        R"(: aircraft\[0\]\.route\[2\]\.alt: 16000 m is above the type's ceiling 15000 m)")))
      << problems[1];
}

TEST(ScenarioStrikeReader, TurnRateAndClimbOutsideTheEnvelope) {
  // 25 deg/s at the 250 m/s interior waypoints: above 9.80665 sqrt(80) / 250 rad/s = 20.10 deg/s.
  std::string text = Replace(kBase, "    affiliation: hostile\n    route:", "    affiliation: hostile\n    turn_rate: 25 deg\n    route:");
  ExpectProblem(text, R"(\.yaml:\d+:\d+: aircraft\[0\]\.turn_rate: 25\.00 deg/s at waypoint 1 \(250\.0 m/s\) is above the type's 20\.10 deg/s)");
  // Climbing 1500 m over 0.01° of longitude at 0.5° N (1.113 km) at 250 m/s: 336.9 m/s > 250 m/s.
  text = Replace(kBase, "      - {lat: 0.5, lon: 0, alt: 8000 m, speed: 250 m/s}\n",
                 "      - {lat: 0.5, lon: -0.99, alt: 9500 m, speed: 250 m/s}\n      - {lat: 0.5, lon: 0, alt: 8000 m, speed: 250 m/s}\n");
  ExpectProblem(text, "\\.yaml:" + LineColOf(text, "alt: 9500 m") +
                          R"(: aircraft\[1\]\.route\[1\]\.alt: climbing 1500 m over the 1\.11 km leg from waypoint 0 at 250\.0 m/s is 336\.9 m/s, above the type's maximum climb 250\.0 m/s)");
}

TEST(ScenarioStrikeReader, TerrainFollowingDensifiesTheRouteAndKeepsReleasePoints) {
  // No terrain in the scenario: the clearance above 0 m. 1° of longitude at 0.5° N (111.3 km) at
  // a 10 km spacing: 12 legs, 11 new waypoints; the release at written waypoint 1 is now index 12.
  const std::string text = Replace(kBase, "    route:\n      - {lat: 0.5, lon: -1",
                                   "    terrain_following: {clearance: 150 m, spacing: 10 km}\n    route:\n      - {lat: 0.5, lon: -1");
  const Scenario s = ReadText(text);
  const auto& w = s.aircraft[1].route.waypoints;
  ASSERT_EQ(w.size(), 13u);
  for (const Waypoint& p : w) EXPECT_EQ(p.position.alt_m, 150.0);
  EXPECT_NEAR(w[6].position.lon_deg, -0.5, 1e-6);
  EXPECT_EQ(s.aircraft[1].mission->releases[0].at_waypoint, 12u);
  // A bad spacing is reported at its key.
  ExpectProblem(Replace(text, "spacing: 10 km", "spacing: 1 m"),
                R"(aircraft\[1\]\.terrain_following\.spacing: must be in \[10 m, 1000 km\] \(got 1 m\))");
}

TEST(ScenarioStrikeReader, EmissionControl) {
  ExpectProblem(Replace(kBase, "{mode: blink, on: 10 s", "{mode: always, on: 10 s"),
                R"(units\[0\]\.emission\.on: is only for mode blink)", 2);  // on and off
  ExpectProblem(Replace(kBase, "{mode: blink, on: 10 s", "{mode: blinking, on: 10 s"),
                R"(units\[0\]\.emission\.mode: must be always or blink \(got 'blinking'\))", 3);
}

TEST(ScenarioStrikeReader, JammerBandAndBeam) {
  ExpectProblem(Replace(kBase, "band: gnss", "band: gps"),
                R"(jammers\[0\]\.band: must be radar, gnss, comms or airborne-radar \(got 'gps'\))");
  ExpectProblem(Replace(kBase, "beamwidth: 60 deg", "beamwidth: 400 deg"),
                R"(jammers\[0\]\.beam\.beamwidth: must be in \(0, 360\] deg \(got 400 deg\))");
}


TEST(ScenarioStrikeReader, HoldAtAWaypointUntilATimeAndWhyItCannot) {
  // The bomber holds at its first waypoint until 400 s: it leaves it then (the route mover's
  // timing), and its release waypoint (written index 1) moves past the inserted loops.
  const std::string hold = "  - name: Bomber\n    hold: {at_waypoint: 0, until: 400 s}\n";
  const Scenario s = ReadText(Replace(kBase, "  - name: Bomber\n", hold));
  const AircraftSpec& a = s.aircraft[0];
  ASSERT_GT(a.route.waypoints.size(), 3u);
  const std::size_t inserted = a.route.waypoints.size() - 3;
  EXPECT_EQ(inserted % 3, 0u);
  EXPECT_NEAR(RouteMover(a.route).waypoint_time(inserted).seconds(), 400.0, 0.01);
  EXPECT_EQ(a.mission->releases[0].at_waypoint, 1 + inserted);
  // 20 s is shorter than one loop of 10 km sides: said at `until`.
  const std::string late = Replace(kBase, "  - name: Bomber\n", "  - name: Bomber\n    hold: {at_waypoint: 0, until: 20 s}\n");
  ExpectProblem(late, "\\.yaml:" + LineColOf(late, "until: 20 s") +
                          R"(: aircraft\[0\]\.hold\.until: a hold of 20\.0 s is shorter than one loop of 10\.0 km sides)");
}

}  // namespace
}  // namespace iadsim
