#include "iadsim/io/run_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

namespace fs = std::filesystem;

TEST(RunReader, CsvQuotedFieldsKeepCommasQuotesAndNewlines) {
  // RFC 4180: "" inside quotes is one quote; a quoted newline does not end the record.
  const auto rows = ParseCsv("a,b\n\"x, \"\"y\"\"\",2\n\"two\nlines\",3\n", "t.csv");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x, \"y\"", "2"}));
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"two\nlines", "3"}));
  EXPECT_EQ(rows[2].line, 3);
  // Where each field starts, counted by hand: "x, ""y""" at 2:1, 2 at 2:12 (after 11 characters);
  // "two<newline>lines" at 3:1, 3 at 4:8 (after lines",).
  EXPECT_EQ(rows[1].places, (std::vector<std::pair<int, int>>{{2, 1}, {2, 12}}));
  EXPECT_EQ(rows[2].places, (std::vector<std::pair<int, int>>{{3, 1}, {4, 8}}));
  try {
    ParseCsv("a,\"b\n", "t.csv");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.problems().at(0).line, 1);
    EXPECT_EQ(e.problems().at(0).column, 3);  // the opening quote
  }
}

TEST(RunReader, IsoTimeAddsSecondsAcrossDayAndYear) {
  EXPECT_EQ(IsoTimePlus("2018-09-17T18:30:00Z", 3725.5), "2018-09-17T19:32:05.500Z");  // 1 h 2 min 5.5 s
  EXPECT_EQ(IsoTimePlus("2018-12-31T23:59:59Z", 1.25), "2019-01-01T00:00:00.250Z");
  EXPECT_EQ(IsoTimePlus("2020-02-28T12:00:00Z", 86400.0), "2020-02-29T12:00:00.000Z");  // leap year
}

TEST(RunReader, HeadingAndPitchOfAVelocity) {
  EXPECT_DOUBLE_EQ(HeadingDeg(Vec3(1, 0, 0)), 90.0);     // east
  EXPECT_DOUBLE_EQ(HeadingDeg(Vec3(-1, -1, 0)), 225.0);  // south-west
  EXPECT_DOUBLE_EQ(HeadingDeg(Vec3(0, 2, 0)), 0.0);      // north
  EXPECT_NEAR(PitchDeg(Vec3(3, 4, 5)), 45.0, 1e-12);     // climb 5 over ground speed 5
  EXPECT_EQ(HeadingDeg(Vec3::Zero()), 0.0);
}

class RunDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iadsim-run-reader-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("truth.csv", "time_s,entity,name,kind,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps\n"
                       "0.000000,1,\"A, \"\"b\"\"\",aircraft,35.0000000,34.0000000,3000.00,300.00,0.00,0.00\n");
    Write("tracks.csv", "time_s,unit,track,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps,identity\n");
    Write("events.jsonl", "{\"t\":0.5,\"type\":\"track_confirmed\"}\n{\"t\":1,\"type\":\"x\",}\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  Problem RefusalOf() {
    try {
      ReadRunDirectory(dir_);
    } catch (const ScenarioError& e) {
      return e.problems().at(0);
    }
    ADD_FAILURE() << "not refused";
    return {};
  }
  fs::path dir_;
};

TEST_F(RunDir, WithoutSummaryIsRefusedAsIncomplete) {
  const Problem p = RefusalOf();
  EXPECT_EQ(p.file, (dir_ / "summary.json").string());
  EXPECT_NE(p.message.find("incomplete"), std::string::npos) << p.message;
}

TEST_F(RunDir, CorruptEventLineNamesLineAndColumn) {
  Write("summary.json", "{\"scenario\": \"s\"}");
  const Problem p = RefusalOf();
  EXPECT_EQ(p.file, (dir_ / "events.jsonl").string());
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.column, 19);  // {"t":1,"type":"x",}  the '}' after the trailing comma is character 19
}

// A number beyond a double is refused like a syntax error, in the summary and in an event line
// (the JSON reader reports it as out of range, not as a parse error).
TEST_F(RunDir, NumberBeyondADoubleIsRefusedWithItsFile) {
  Write("summary.json", "{\"scenario\": \"s\", \"duration_s\": 1e400}");
  Problem p = RefusalOf();
  EXPECT_EQ(p.file, (dir_ / "summary.json").string());
  EXPECT_NE(p.message.find("is not valid JSON"), std::string::npos) << p.message;
  Write("summary.json", "{\"scenario\": \"s\"}");
  Write("events.jsonl", "{\"t\":0.5,\"type\":\"a\"}\n{\"t\":1e400,\"type\":\"b\"}\n");
  p = RefusalOf();
  EXPECT_EQ(p.file, (dir_ / "events.jsonl").string());
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.column, 1);
  EXPECT_NE(p.message.find("not a JSON object"), std::string::npos) << p.message;
}

// Entity and track numbers are whole numbers in [1, 2^32 - 1] (1e19 once wrapped around silently);
// the summary's seed and replication, shown in the replays' titles, whole numbers >= 0.
TEST_F(RunDir, IdsAndSeedMustBeWholeNumbers) {
  Write("summary.json", "{\"scenario\": \"s\"}");
  Write("events.jsonl", "");
  const std::string header = "time_s,entity,name,kind,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps\n";
  for (const char* id : {"0", "1.5", "1e19", "-3"}) {
    Write("truth.csv", header + "0,1,a,aircraft,35,34,3000,0,0,0\n1," + id + ",a,aircraft,35,34,3000,0,0,0\n");
    const Problem p = RefusalOf();
    EXPECT_EQ(p.file, (dir_ / "truth.csv").string()) << id;
    EXPECT_EQ(p.line, 3) << id;
    EXPECT_EQ(p.column, 3) << id;  // the field after "1,"
    EXPECT_NE(p.message.find("field 2 is not an id"), std::string::npos) << p.message;
  }
  Write("truth.csv", header + "0,4294967295,a,aircraft,35,34,3000,0,0,0\n");
  EXPECT_EQ(ReadRunDirectory(dir_).truth.at(0).entity, 4294967295u);
  Write("summary.json", "{\"scenario\": \"s\", \"seed\": []}");
  const Problem p = RefusalOf();
  EXPECT_EQ(p.file, (dir_ / "summary.json").string());
  EXPECT_EQ(p.message, "\"seed\" must be a whole number >= 0 (got [])");
}

TEST_F(RunDir, CompleteRunIsReadBack) {
  Write("summary.json", "{\"scenario\": \"s\"}");
  Write("events.jsonl", "{\"t\":0.5,\"type\":\"track_confirmed\",\"track\":3}\n");
  const RunData r = ReadRunDirectory(dir_);
  ASSERT_EQ(r.truth.size(), 1U);
  EXPECT_EQ(r.truth[0].name, "A, \"b\"");
  EXPECT_DOUBLE_EQ(r.truth[0].geo.alt_m, 3000.0);
  EXPECT_DOUBLE_EQ(r.truth[0].v_enu.x(), 300.0);
  ASSERT_EQ(r.events.size(), 1U);
  EXPECT_EQ(r.events[0].type, "track_confirmed");
  EXPECT_EQ(r.events[0].fields["track"], 3);
}

TEST_F(RunDir, ShortTruthRowNamesItsLine) {
  Write("summary.json", "{\"scenario\": \"s\"}");
  Write("events.jsonl", "");
  Write("truth.csv", "time_s,entity,name,kind,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps\n1,2,3\n");
  const Problem p = RefusalOf();
  EXPECT_EQ(p.line, 2);
  EXPECT_NE(p.message.find("has 3 fields, expected 10"), std::string::npos) << p.message;
}

}  // namespace
}  // namespace iadsim
