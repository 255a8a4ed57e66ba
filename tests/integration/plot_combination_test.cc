// Combined plots end to end (tests/data/airway_crossing.yaml; docs/models.md, "Plot
// combination"): two airliners meet head-on so that one scan later each is where the other was.
// With the interrogator's replies on their own, the tracks they start take each other's plots,
// break, and the airliners are confirmed only from tracks started after the crossing (the fifth
// look); with combine_plots each plot carries its aircraft's code, and the first two tracks are
// confirmed at the third look (M = 3 of N = 4), one per airliner, and never dropped.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace iadsim::test {
namespace {

using nlohmann::json;

std::vector<json> RunCrossing(bool combine, std::filesystem::path* dir_out = nullptr) {
  std::string text = ReadFile(SourcePath("tests/data/airway_crossing.yaml"));
  ReplaceFirst(text, "combine_plots: false", combine ? "combine_plots: true" : "combine_plots: false");
  const auto dir = FreshDir(combine ? "crossing-combined" : "crossing-alone");
  const std::string path = dir.string() + ".yaml";
  std::ofstream(path) << text;
  const auto r = RunIadsim("run " + path + " --seed 1 --quiet --out " + dir.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  if (dir_out) *dir_out = dir;
  std::vector<json> out;
  for (const json& e : Events(dir))
    if (e["type"] == "track_confirmed" || e["type"] == "track_dropped") out.push_back(e);
  return out;
}

// Latitude of an aircraft in truth.csv at time t (s).
double LatitudeAt(const std::filesystem::path& dir, const std::string& name, double t) {
  std::istringstream in(ReadFile(dir / "truth.csv"));
  std::string line;
  std::getline(in, line);  // time_s,entity,name,kind,lat_deg,...
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) f.push_back(c);
    if (f.size() > 4 && f[2] == name && std::abs(std::stod(f[0]) - t) < 1e-9) return std::stod(f[4]);
  }
  return NAN;
}

TEST(PlotCombination, TheScenarioSwapsTheAirlinersInOneScan) {
  std::filesystem::path dir;
  RunCrossing(false, &dir);
  constexpr double kMetresPerDegree = 111.2e3;  // of latitude, near 50 N
  const double a0 = LatitudeAt(dir, "northbound", 0.0), b0 = LatitudeAt(dir, "southbound", 0.0);
  EXPECT_NEAR((b0 - a0) * kMetresPerDegree, 2500.0, 10.0);
  EXPECT_NEAR((LatitudeAt(dir, "northbound", 10.0) - b0) * kMetresPerDegree, 0.0, 30.0);
  EXPECT_NEAR((LatitudeAt(dir, "southbound", 10.0) - a0) * kMetresPerDegree, 0.0, 30.0);
}

TEST(PlotCombination, RepliesAloneLetTheCrossingBreakTheFirstTracks) {
  const std::vector<json> events = RunCrossing(false);
  std::vector<std::int64_t> confirmed_entities;
  for (const json& e : events) {
    if (e["type"] != "track_confirmed") continue;
    EXPECT_GE(e["t"].get<double>(), 40.0) << e;  // the fifth look: 40 s + the sector
    EXPECT_GT(e["track"].get<int>(), 2) << e;    // not a track of the first scan
    confirmed_entities.push_back(e["truth_entity"].get<std::int64_t>());
  }
  std::sort(confirmed_entities.begin(), confirmed_entities.end());
  EXPECT_EQ(confirmed_entities, (std::vector<std::int64_t>{1, 2}));
}

TEST(PlotCombination, CodesKeepTheFirstTracksThroughTheCrossing) {
  const std::vector<json> events = RunCrossing(true);
  std::vector<std::int64_t> confirmed_entities;
  for (const json& e : events) {
    ASSERT_EQ(e["type"], "track_confirmed") << e;  // and none dropped
    EXPECT_GE(e["t"].get<double>(), 20.0) << e;    // the third look
    EXPECT_LT(e["t"].get<double>(), 22.0) << e;
    EXPECT_LE(e["track"].get<int>(), 2) << e;
    confirmed_entities.push_back(e["truth_entity"].get<std::int64_t>());
  }
  std::sort(confirmed_entities.begin(), confirmed_entities.end());
  EXPECT_EQ(confirmed_entities, (std::vector<std::int64_t>{1, 2}));
}

}  // namespace
}  // namespace iadsim::test
