// Bad scenarios: each kind gives exit code 2, one line per problem
// `FILE:LINE:COL: key.path: what is wrong (got ...)`, and no summary.json.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "test_support.h"

namespace iadsim::test {
namespace {

// The demo scenario with `from` replaced by `to` (which must occur), written to a temporary file.
std::string Mutated(const std::string& name, const std::string& from, const std::string& to) {
  std::string text = ReadFile(SourcePath("scenarios/demo.yaml"));
  ReplaceFirst(text, from, to);
  const auto path = FreshDir(name).string() + ".yaml";
  std::ofstream(path) << text;
  return path;
}

void ExpectRejected(const std::string& scenario, const std::string& pattern, int lines = 1) {
  for (const char* verb : {"validate", "run"}) {
    const auto out = FreshDir(std::string("bad-") + verb);
    const auto r = RunIadsim(std::string(verb) + " " + scenario + (std::string(verb) == "run" ? " --out " + out.string() : ""));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex(pattern))) << "expected /" << pattern << "/ in:\n" << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), lines + 1) << r.output;  // + the closing line
    EXPECT_EQ(r.output.find("terminate"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(out / "summary.json"));
  }
}

TEST(BadInput, MissingFile) {
  ExpectRejected("/nonexistent/scenario.yaml", R"(^/nonexistent/scenario\.yaml:1:1: \(file\): cannot read the scenario: No such file)");
}

TEST(BadInput, EmptyFile) {
  const auto path = FreshDir("empty").string() + ".yaml";
  std::ofstream(path) << "";
  ExpectRejected(path, R"(empty\.yaml:1:1: \(file\): is empty)");
}

TEST(BadInput, YamlSyntaxError) {
  ExpectRejected(Mutated("syntax", "  duration: 20 min", "  duration: [20 min"), R"(syntax\.yaml:\d+:\d+: \(file\): YAML syntax error)");
}

TEST(BadInput, UnknownKey) {
  ExpectRejected(Mutated("unknown", "  truth_interval: 1 s", "  truth_interval: 1 s\n  durration: 3 s"),
                 R"(unknown\.yaml:11:3: scenario\.durration: unknown key)");
}

TEST(BadInput, MissingRequiredKey) {
  ExpectRejected(Mutated("missing", "      power: 1 MW                          # notional peak power\n", ""),
                 R"(missing\.yaml:\d+:\d+: types\.radars\.64n6e2\.power: is required but missing)");
}

TEST(BadInput, WrongType) {
  ExpectRejected(Mutated("type", "rounds: 4, launch_interval: 3 s}   # ~3 s", "rounds: four, launch_interval: 3 s}   # ~3 s"),
                 R"(type\.yaml:\d+:\d+: units\[0\]\.launchers\[0\]\.rounds: must be a whole number \(got 'four'\))");
}

TEST(BadInput, BadUnit) {
  ExpectRejected(Mutated("unit", "speed: 150 kt}", "speed: 150 kg}"),
                 R"(unit\.yaml:\d+:\d+: aircraft\[4\]\.route\[2\]\.speed: expected a speed .*got '150 kg')");
}

TEST(BadInput, OutOfRangeValue) {
  ExpectRejected(Mutated("range", "      pfa: 1e-6                            # textbook", "      pfa: 2                            # textbook"),
                 R"(range\.yaml:\d+:\d+: types\.radars\.64n6e2\.pfa: must be in \(0, 1\) \(got 2\))");
}

TEST(BadInput, RouteWithOnePoint) {
  ExpectRejected(Mutated("onepoint", "      - {lat: 34.40, lon: 36.55, alt: FL330, speed: 460 kt}\n", ""),
                 R"(onepoint\.yaml:\d+:\d+: aircraft\[5\]\.route: needs at least 2 waypoints \(got 1\))");
}

TEST(BadInput, UndefinedReference) {
  ExpectRejected(Mutated("undef", "{at: Hmeimim, alt: 100 m", "{at: Hmeimin, alt: 100 m"),
                 R"(undef\.yaml:\d+:\d+: aircraft\[4\]\.route\[2\]\.at: refers to an undefined asset 'Hmeimin')");
}

TEST(BadInput, ListsEveryProblemNotOnlyTheFirst) {
  std::string text = ReadFile(SourcePath("scenarios/demo.yaml"));
  text.replace(text.find("  duration: 20 min"), 18, "  duration: -5 min");
  text.replace(text.find("type: b737"), 10, "type: b747");
  const auto path = FreshDir("two").string() + ".yaml";
  std::ofstream(path) << text;
  const auto r = RunIadsim("validate " + path);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(scenario\.duration: must be in \(0 s, 7 days\] \(got -300 s\))"))) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(aircraft\[5\]\.type: refers to an undefined aircraft type 'b747')"))) << r.output;
}

// Sensor-integration keys (rcs_table, datalinks, jammers, terrain, IFF modes, ADS-B): each bad
// value is reported at its own line:col with its key path.
TEST(BadInput, RcsTableRowTooShort) {
  // The f-16 line (20) becomes a block; its dbsm key is on line 25, column 9.
  ExpectRejected(Mutated("rcstable", "    f-16: {rcs: 1.2 m2, swerling: 1}",
                         "    f-16:\n      swerling: 1\n      rcs_table:\n        azimuths: [0 deg, 90 deg, 180 deg]\n"
                         "        elevations: [0 deg, 30 deg]\n        dbsm: [[0, 10, 3], [1, 2]]"),
                 R"(^\S*rcstable\.yaml:25:9: types\.aircraft\.f-16\.rcs_table\.dbsm\[1\]: needs one value per azimuth \(3 values, got 2\))");
}

TEST(BadInput, DatalinkMemberOfUndefinedDatalink) {
  // Line 112: "    datalink: {network: nolink, ...}", the network key at column 16.
  ExpectRejected(Mutated("nolink", "datalink: {network: ally-link,", "datalink: {network: nolink,"),
                 R"(^\S*nolink\.yaml:112:16: aircraft\[4\]\.datalink\.network: refers to an undefined datalink 'nolink')");
}

TEST(BadInput, JammerWithNegativePower) {
  // Line 80: "  - {name: J1, on: Raid-1, power: -5 W, bandwidth: 100 MHz}", power at column 28.
  ExpectRejected(Mutated("jammer", "\nassets:\n", "\njammers:\n  - {name: J1, on: Raid-1, power: -5 W, bandwidth: 100 MHz}\nassets:\n"),
                 R"(^\S*jammer\.yaml:80:28: jammers\[0\]\.power: must be > 0 \(got -5 W\))");
}

TEST(BadInput, TerrainTileThatDoesNotExist) {
  // Line 79: "terrain: {tiles: [N35E035.hgt]}"; the message names the missing file.
  ExpectRejected(Mutated("terrain", "\nassets:\n", "\nterrain: {tiles: [N35E035.hgt]}\nassets:\n"),
                 R"(^\S*terrain\.yaml:79:\d+: terrain\.tiles\[0\]: .*N35E035\.hgt)");
}

TEST(BadInput, IffModeQ) {
  ExpectRejected(Mutated("modeq", "iff: {modes: [3A, C, secure]", "iff: {modes: [3A, Q, secure]"),
                 R"(^\S*modeq\.yaml:139:\d+: units\[0\]\.surveillance\.iff\.modes: unknown mode 'Q' \(known: 1, 2, 3A, C, S, secure\))");
}

TEST(BadInput, WhenRevokedNotAnAction) {
  ExpectRejected(Mutated("revoked", "doctrine: {control: tight,", "doctrine: {when_revoked: abort, control: tight,"),
                 R"(^\S*revoked\.yaml:152:\d+: units\[\d+\]\.doctrine\.when_revoked: must be continue, cease_engagement or hold_fire \(got 'abort'\))");
}

TEST(BadInput, IffCombinePlotsNotABoolean) {
  ExpectRejected(Mutated("combine", "iff: {modes: [3A, C, secure]", "iff: {combine_plots: yes, modes: [3A, C, secure]"),
                 R"(^\S*combine\.yaml:139:\d+: units\[0\]\.surveillance\.iff\.combine_plots: must be true or false \(got 'yes'\))");
}

TEST(BadInput, AdsbAddressNotSixHexDigits) {
  // Line 124: "    adsb: {address: "4CA12G", ...}", address at column 12.
  ExpectRejected(Mutated("adsb", "adsb: {address: \"4CA2B3\"", "adsb: {address: \"4CA12G\""),
                 R"(^\S*adsb\.yaml:124:12: aircraft\[5\]\.adsb\.address: must be a 24-bit ICAO address of 6 hex digits \(got '4CA12G'\))");
}

TEST(BadInput, TrackerConfirmationNotMOfN) {
  // Line 145: "    tracker: {..., confirm: 3/4, ...}": a count beyond an int, a sign, a missing N.
  for (const char* bad : {"99999999999999/4", "-3/4", "3/"}) {
    ExpectRejected(Mutated("confirm", "confirm: 3/4", std::string("confirm: ") + bad),
                   std::string(R"(^\S*confirm\.yaml:145:\d+: units\[0\]\.tracker\.confirm: must be M/N with whole numbers, e\.g\. 3/4 \(got ')") +
                       bad + R"('\))");
  }
}

TEST(BadInput, TrackerMaxCoastNotPositive) {
  // Line 145: "    tracker: {..., confirm: 3/4, max_coast: ...}": the message at the max_coast key.
  for (const char* bad : {"0 s", "-5 s", "2e6 s"}) {
    ExpectRejected(Mutated("coast", "confirm: 3/4", std::string("confirm: 3/4, max_coast: ") + bad),
                   std::string(R"(^\S*coast\.yaml:145:\d+: units\[0\]\.tracker\.max_coast: must be in \(0, 1e6\] s \(got )"));
  }
}

TEST(BadInput, TrackerModelUnknownOrItsFilterInvalid) {
  ExpectRejected(Mutated("model", "model: cv", "model: kalman"),
                 R"(^\S*model\.yaml:145:\d+: units\[0\]\.tracker\.model: must be cv, ca, ct or imm \(got 'kalman'\))");
  // imm's manoeuvring mode has 100 q: q = 2e4 m^2/s^3 is a valid CV noise but makes it 2e6.
  ExpectRejected(Mutated("model-q", "process_noise: 50, gate_probability: 0.999, confirm: 3/4, delete_misses: 3, model: cv",
                         "process_noise: 2e4, gate_probability: 0.999, confirm: 3/4, delete_misses: 3, model: imm"),
                 R"(^\S*model-q\.yaml:145:\d+: units\[0\]\.tracker\.model: its imm_models\[1\]\.process_noise, built from process_noise, must be in \[0, 1000000\] \(got 2000000\))");
}

// Values the readers once let through to the engine, where they aborted or crashed: a time that
// overflows the microsecond clock, steps below it (they rounded to zero and divided by it), a pulse
// so short that false alarms filled the memory, a drag coefficient that made the flyout non-finite
// (a read out of the atmosphere table), a route starting before the scenario.
TEST(BadInput, ExtremeValuesAreRefusedAtTheirKey) {
  struct Case {
    const char *name, *from, *to, *refusal;
  };
  const Case cases[] = {
      {"huge-time", "truth_interval: 1 s", "truth_interval: 1e20 s",
       R"(^\S*huge-time\.yaml:10:\d+: scenario\.truth_interval: .*got '1e20 s' \(beyond ±1e9 s \(31\.7 years\)\))"},
      {"tiny-time", "truth_interval: 1 s", "truth_interval: 0.4 us",
       R"(^\S*tiny-time\.yaml:10:\d+: scenario\.truth_interval: must be at least 1 us, the engine's clock step \(got 4e-07 s\))"},
      {"tiny-step", "missile_step: 20 ms", "missile_step: 1e-300 s",
       R"(^\S*tiny-step\.yaml:\d+:\d+: units\[0\]\.missile_step: must be in \[1 us, 0\.1 s\]: the engine's clock counts whole microseconds \(got 1e-300 s\))"},
      // A picosecond pulse: 2e13 range-azimuth-elevation cells a revolution, 2e7 false alarms at Pfa 1e-6.
      {"ps-pulse", "pulse_width: 10 us ", "pulse_width: 1e-6 us ",
       R"(^\S*ps-pulse\.yaml:\d+:\d+: types\.radars\.64n6e2\.pfa: with range cells of 0\.00015 m .* gives 2\.02e\+07 false alarms a revolution)"},
      {"drag", "drag_coefficient: 0.2 ", "drag_coefficient: 1e20 ",
       R"(^\S*drag\.yaml:57:\d+: types\.missiles\.48n6e2\.drag_coefficient: must be in \[0, 10\] \(got 1e\+20\))"},
      {"early", "    start: 0 s", "    start: -1 s",
       R"(^\S*early\.yaml:90:\d+: aircraft\[\d+\]\.start: must be >= 0 s \(got -1 s\))"},
      {"mast", "antenna_height: 25 m", "antenna_height: 1e308 m",
       R"(^\S*mast\.yaml:\d+:\d+: units\[0\]\.surveillance\.antenna_height: must be in \[0, 10000\] m \(got 1e\+308 m\))"},
  };
  for (const Case& c : cases) ExpectRejected(Mutated(c.name, c.from, c.to), c.refusal);
}

TEST(BadInput, RcsTableUnreadableCellReportedOnce) {
  ExpectRejected(Mutated("rcscell", "    f-16: {rcs: 1.2 m2, swerling: 1}",
                         "    f-16:\n      swerling: 1\n      rcs_table:\n        azimuths: [0 deg, 90 deg, 180 deg]\n"
                         "        elevations: [0 deg, 30 deg]\n        dbsm: [[0, 10, 3], [1, 2, abc]]"),
                 R"(^\S*rcscell\.yaml:25:\d+: types\.aircraft\.f-16\.rcs_table\.dbsm\[1\]\[2\]: )");
}

}  // namespace
}  // namespace iadsim::test

namespace iadsim::test {
namespace {

// Network, doctrine and semi-active weapons (issue: a unit linked to an undefined node, a negative
// Doppler gate, an operator delay with negative support, a notice naming an unknown party).
TEST(BadInput, UnitAcceptsIdentitiesFromAnUndefinedNode) {
  ExpectRejected(Mutated("net-node", "    datalinks: [ally-link]\n",
                         "    datalinks: [ally-link]\n    network: {accept_identity_from: [nowhere-cp]}\n"),
                 R"(net-node\.yaml:\d+:\d+: units\[0\]\.network\.accept_identity_from: refers to an undefined network node \(unit\) 'nowhere-cp' \(defined: S-300 battalion\))");
}

TEST(BadInput, NetworkLinkToAnUndefinedUnit) {
  ExpectRejected(Mutated("net-link", "\nunits:\n",
                         "\nnetwork:\n  links: [{name: l1, from: S-300 battalion, to: ghost, latency: 1 s, interval: 5 s}]\n\nunits:\n"),
                 R"(net-link\.yaml:\d+:\d+: network\.links\[0\]\.to: refers to an undefined network node \(unit\) 'ghost')");
}

TEST(BadInput, SeekerWithNegativeDopplerGate) {
  std::string path = Mutated("gate", "      channels: 6                          # ~6 targets per battery (facts §1)\n",
                             "      channels: 6\n      illuminator: {power: 2 kW, gain: 40 dB, beamwidth: 1 deg, frequency: 6 GHz}\n");
  std::string text = ReadFile(path);
  text.replace(text.find("      nav_gain: 4"), 0,
               "      guidance: semi_active\n      seeker: {gain: 25 dB, beamwidth: 6 deg, field_of_view: 30 deg, "
               "doppler_gate: -5 m/s, sensitivity: -160 dBW}\n");
  std::ofstream(path) << text;
  ExpectRejected(path, R"(gate\.yaml:\d+:\d+: types\.missiles\.48n6e2\.seeker\.doppler_gate: must be >= 0)");
}

TEST(BadInput, OperatorDelayWithNegativeSupport) {
  ExpectRejected(Mutated("operator", "reengage_delay: 10 s}",
                         "reengage_delay: 10 s, operator: {decision_delay: {triangular: [-2 s, 5 s, 10 s]}}}"),
                 R"(operator\.yaml:\d+:\d+: units\[0\]\.doctrine\.operator\.decision_delay: triangular: MIN must be >= 0 s \(got -2 s\))");
}

TEST(BadInput, MidcourseStepNotAWholeNumberOfMissileSteps) {
  ExpectRejected(Mutated("midcourse", "midcourse_step: 100 ms", "midcourse_step: 50 ms"),
                 R"(midcourse\.yaml:\d+:\d+: units\[0\]\.midcourse_step: must be a whole multiple of missile_step \(0\.02 s\), at most 1 s \(got 0\.05 s\))");
  ExpectRejected(Mutated("terminal", "terminal_time_to_go: 5 s", "terminal_time_to_go: 0 s"),
                 R"(terminal\.yaml:\d+:\d+: units\[0\]\.terminal_time_to_go: must be > 0 s \(got 0 s\))");
}

TEST(BadInput, DeconflictionNoticeToAnUnknownParty) {
  ExpectRejected(Mutated("notice", "\nunits:\n",
                         "\ndeconfliction:\n  - {name: n1, from: israel, to: atlantis, sent: 10 s, area: {lat: 35.5, lon: 35.8, radius: 30 km}}\n\nunits:\n"),
                 R"(notice\.yaml:\d+:\d+: deconfliction\[0\]\.to: refers to an undefined party \(side\) 'atlantis')");
}

}  // namespace
}  // namespace iadsim::test
