// iadsim score on a tiny truth/tracks pair whose scores are computed by hand, read back with
// nlohmann::json; and the bad-input contract (exit 2, `file:line:col: column: what`).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <regex>

#include "test_support.h"

namespace iadsim::test {
namespace {

// Truth: T1 at (0, 0) then (10, 0); T2 at (1000, 0) then (1010, 0).
// t = 0: track 1 at (18, 24), 30 m from T1; track 9 at (5000, 5000), false; T2 missed.
// t = 1: track 1 on T1 (0 m); track 2 at (1010, 40), 40 m from T2.
// c = 100, p = 2, alpha = 2:
//   GOSPA^2 frame 0 = 30^2 + 100^2/2 (missed) + 100^2/2 (false) = 10900 -> 104.403
//   GOSPA^2 frame 1 = 40^2 = 1600 -> 40;  mean (104.403 + 40) / 2 = 72.2015, RMS sqrt(6250) = 79.0569
//   parts: localisation sqrt((900 + 1600) / 2) = 35.3553, missed sqrt(5000 / 2) = 50, false 50
//   OSPA frame 0 = sqrt((900 + 100^2) / 2) = 73.8241, frame 1 = sqrt(1600 / 2) = 28.2843, mean 51.0542
// SIAP, threshold 100 m: J = 4, JT = 3, N = 4, NA = 3 -> C = 0.75, A = 1, S = 0.25,
//   PA = (30 + 0 + 40) / 3 = 23.3333 m.
const char* kTruth =
    "time,target_id,x,y,vx,vy\n"
    "0,1,0,0,10,0\n0,2,1000,0,10,0\n"
    "1,1,10,0,10,0\n1,2,1010,0,10,0\n";
const char* kTracks =
    "time,track_id,x,y,vx,vy\n"
    "0,1,18,24,10,0\n0,9,5000,5000,0,0\n"
    "1,1,10,0,10,0\n1,2,1010,40,10,0\n";

std::string Write(const std::string& name, const std::string& text) {
  const auto path = FreshDir(name).string() + ".csv";
  std::ofstream(path) << text;
  return path;
}

TEST(ScoreCli, HandComputedScores) {
  const auto truth = Write("score-truth", kTruth);
  const auto tracks = Write("score-tracks", kTracks);
  const auto r = RunIadsim("score --truth " + truth + " --tracks " + tracks + " --c 100 --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["frames"], 2);
  EXPECT_NEAR(j["gospa"]["mean_m"].get<double>(), (std::sqrt(10900.0) + 40.0) / 2, 1e-9);
  EXPECT_NEAR(j["gospa"]["mean_m"].get<double>(), 72.2015, 1e-4);
  EXPECT_NEAR(j["gospa"]["rms_m"].get<double>(), 79.0569, 1e-4);
  EXPECT_NEAR(j["gospa"]["localisation_m"].get<double>(), 35.3553, 1e-4);
  EXPECT_NEAR(j["gospa"]["missed_m"].get<double>(), 50.0, 1e-9);
  EXPECT_NEAR(j["gospa"]["false_m"].get<double>(), 50.0, 1e-9);
  EXPECT_NEAR(j["gospa"]["mean_missed_targets"].get<double>(), 0.5, 1e-12);
  EXPECT_NEAR(j["gospa"]["mean_false_tracks"].get<double>(), 0.5, 1e-12);
  EXPECT_NEAR(j["ospa"]["mean_m"].get<double>(), 51.0542, 1e-4);
  EXPECT_NEAR(j["siap"]["completeness"].get<double>(), 0.75, 1e-12);
  EXPECT_NEAR(j["siap"]["ambiguity"].get<double>(), 1.0, 1e-12);
  EXPECT_NEAR(j["siap"]["spuriousness"].get<double>(), 0.25, 1e-12);
  EXPECT_NEAR(j["siap"]["positional_accuracy_m"].get<double>(), 70.0 / 3, 1e-9);
  EXPECT_EQ(j["config"]["siap_threshold_m"], 100.0);  // defaults to c
  // The text form says the same.
  const auto t = RunIadsim("score --truth " + truth + " --tracks " + tracks + " --c 100");
  EXPECT_EQ(t.exit_code, 0);
  EXPECT_NE(t.output.find("mean 72.202 m, RMS 79.057 m"), std::string::npos) << t.output;
}

TEST(ScoreCli, BadFilesAndOptionsExitTwo) {
  const auto truth = Write("score-bad-truth", "time,target_id,x,y,vx,vy\n0,1,0,0,0,0\n1,1,abc,0,0,0\n");
  const auto tracks = Write("score-bad-tracks", "time,track_id,x,y,vx\n");
  const auto r = RunIadsim("score --truth " + truth + " --tracks " + tracks);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(score-bad-truth\.csv:3:5: x: not a number \(got 'abc'\))"))) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(score-bad-tracks\.csv:1:1: \(header\): missing column 'vy')"))) << r.output;
  EXPECT_EQ(r.output.find("terminate"), std::string::npos);
  const auto good_truth = Write("score-good-truth", kTruth);
  const auto backwards = Write("score-backwards", "time,track_id,x,y,vx,vy\n5,1,0,0,0,0\n4,1,0,0,0,0\n");
  const auto b = RunIadsim("score --truth " + good_truth + " --tracks " + backwards);
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_TRUE(std::regex_search(b.output, std::regex(R"(score-backwards\.csv:3:1: time: time goes backwards)"))) << b.output;
  const auto o = RunIadsim("score --truth " + good_truth + " --tracks " + good_truth + " --c -1 --alpha 3");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.output.find("--c: must be a finite number > 0 m (got -1)"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("--alpha: must be in (0, 2] (got 3)"), std::string::npos) << o.output;
  // c^p beyond what a double's sums hold: 500^200 = 10^539.8 printed NaN scores.
  const auto big = RunIadsim("score --truth " + good_truth + " --tracks " + good_truth + " --p 200");
  EXPECT_EQ(big.exit_code, 2);
  EXPECT_NE(big.output.find("--p: with c = 500 m, c^p = 10^539.8 is beyond"), std::string::npos) << big.output;
  const auto fine = RunIadsim("score --truth " + good_truth + " --tracks " + Write("score-good-tracks", kTracks) + " --p 90");
  EXPECT_EQ(fine.exit_code, 0) << fine.output;  // 10^242.9: finite scores
  EXPECT_EQ(fine.output.find("nan"), std::string::npos) << fine.output;
  const auto m = RunIadsim("score --truth /nonexistent/t.csv --tracks " + good_truth);
  EXPECT_EQ(m.exit_code, 2);
  EXPECT_NE(m.output.find("/nonexistent/t.csv:1:1: (file): cannot read the file"), std::string::npos) << m.output;
}

}  // namespace
}  // namespace iadsim::test
