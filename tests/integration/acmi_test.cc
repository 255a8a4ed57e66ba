// ACMI 2.2 export, read back by a grammar checker written here from the format's description
// (tacview.net, "ACMI flight recordings 2.2"), independent of acmi_writer.cc; and the golden file
// of the tiny scenario. Also the refusals of `iadsim export` (incomplete or corrupt run).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

namespace iadsim::test {
namespace {

// One logical record: physical lines joined where a line ends in an unescaped backslash.
std::vector<std::pair<int, std::string>> Records(const std::string& text) {
  std::vector<std::pair<int, std::string>> out;
  std::istringstream in(text);
  std::string line, acc;
  int n = 0, start = 0;
  while (std::getline(in, line)) {
    ++n;
    if (acc.empty()) start = n;
    std::size_t slashes = 0;
    while (slashes < line.size() && line[line.size() - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 1) {
      acc += line.substr(0, line.size() - 1) + "\n";  // the escaped newline is part of the value
      continue;
    }
    out.emplace_back(start, acc + line);
    acc.clear();
  }
  return out;
}

// Splits on unescaped commas and unescapes each part (\, -> , and \\ -> \).
std::vector<std::string> SplitProps(const std::string& rec) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < rec.size(); ++i) {
    if (rec[i] == '\\' && i + 1 < rec.size()) {
      out.back() += rec[++i];
    } else if (rec[i] == ',') {
      out.emplace_back();
    } else {
      out.back() += rec[i];
    }
  }
  return out;
}

struct Acmi {
  std::map<std::string, std::string> global;          // 0,Key=Value
  std::map<std::string, std::map<std::string, std::string>> objects;  // props at definition
  std::vector<std::string> events;                   // Event values
  std::set<std::string> removed;
  int frames = 0;
};

// Checks the grammar record by record; every failure names the line.
void Check(const std::string& text, Acmi& a) {
  const auto recs = Records(text);
  EXPECT_GE(recs.size(), 3U);
  EXPECT_EQ(recs.at(0).second, "FileType=text/acmi/tacview");
  EXPECT_EQ(recs.at(1).second, "FileVersion=2.2");
  const std::regex hex("^[0-9a-f]+$"), number(R"(^-?\d+(\.\d+)?$)");
  double last_frame = -1.0;
  std::set<std::string> live;
  for (std::size_t r = 2; r < recs.size(); ++r) {
    const auto& [line, rec] = recs[r];
    SCOPED_TRACE("line " + std::to_string(line) + ": " + rec);
    ASSERT_FALSE(rec.empty());
    if (rec[0] == '#') {
      ASSERT_TRUE(std::regex_match(rec.substr(1), number));
      const double t = std::stod(rec.substr(1));
      EXPECT_GT(t, last_frame) << "frame times must increase";
      last_frame = t;
      ++a.frames;
      continue;
    }
    if (rec[0] == '-') {
      const std::string id = rec.substr(1);
      ASSERT_TRUE(std::regex_match(id, hex));
      EXPECT_EQ(live.erase(id), 1U) << "removal of an object not in the sky";
      a.removed.insert(id);
      continue;
    }
    const auto parts = SplitProps(rec);
    ASSERT_TRUE(std::regex_match(parts[0], hex)) << "object id must be hexadecimal";
    std::map<std::string, std::string> props;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      const auto eq = parts[i].find('=');
      ASSERT_NE(eq, std::string::npos) << parts[i];
      props[parts[i].substr(0, eq)] = parts[i].substr(eq + 1);
    }
    if (parts[0] == "0") {
      for (const auto& [k, v] : props) {
        if (k != "Event") {
          EXPECT_EQ(a.frames, 0) << "global properties are written before the first frame";
          a.global[k] = v;
          continue;
        }
        std::smatch m;
        ASSERT_TRUE(std::regex_match(v, m, std::regex(R"(^(Destroyed|Message)\|([0-9a-f]+)\|([\s\S]*)$)"))) << v;
        EXPECT_TRUE(live.count(m[2])) << "event on an undefined object " << m[2];
        a.events.push_back(v);
      }
      continue;
    }
    EXPECT_GE(a.frames, 1) << "object lines belong to a frame";
    const std::string& id = parts[0];
    EXPECT_FALSE(a.removed.count(id)) << "an id is not reused after removal";
    ASSERT_TRUE(props.count("T"));
    std::vector<double> t;
    std::stringstream ts(props["T"]);
    for (std::string x; std::getline(ts, x, '|');) {
      ASSERT_TRUE(std::regex_match(x, number)) << x;
      t.push_back(std::stod(x));
    }
    ASSERT_TRUE(t.size() == 3 || t.size() == 6) << props["T"];
    EXPECT_LE(std::abs(t[0]), 180.0);
    EXPECT_LE(std::abs(t[1]), 90.0);
    if (!live.count(id)) {
      EXPECT_TRUE(props.count("Type") && props.count("Name")) << "first line of an object defines Type and Name";
      a.objects[id] = props;
      live.insert(id);
    }
    for (const char* ref : {"Parent", "LockedTarget"})
      if (props.count(ref)) {
        EXPECT_TRUE(live.count(props[ref])) << ref << " refers to an undefined object";
      }
  }
  EXPECT_TRUE(std::regex_match(a.global["ReferenceTime"], std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
}

class TinyAcmi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(FreshDir("acmi-tiny"));
    const auto r = RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --seed 1 --quiet --acmi --out " +
                             dir_->string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static std::filesystem::path* dir_;
};
std::filesystem::path* TinyAcmi::dir_ = nullptr;

TEST_F(TinyAcmi, GrammarHoldsAndNamesSurviveEscaping) {
  Acmi a;
  ASSERT_NO_FATAL_FAILURE(Check(ReadFile(*dir_ / "replay.txt.acmi"), a));
  EXPECT_EQ(a.global.at("ReferenceTime"), "2018-09-17T18:30:00Z");
  EXPECT_EQ(a.global.at("Title"), "Export test, \"tiny\" (Zürich)");
  std::map<std::string, std::map<std::string, std::string>> by_name;
  for (const auto& [id, p] : a.objects) by_name[p.at("Name")] = p;
  ASSERT_TRUE(by_name.count("Raid, \"Alpha\" Ünal"));
  ASSERT_TRUE(by_name.count("Airliner Zürich, 1"));
  ASSERT_TRUE(by_name.count("SAM, \"Ost\""));
  EXPECT_EQ(by_name["Raid, \"Alpha\" Ünal"].at("Type"), "Air+FixedWing");
  EXPECT_EQ(by_name["Raid, \"Alpha\" Ünal"].at("Coalition"), "red, \"south\"");
  EXPECT_EQ(by_name["Raid, \"Alpha\" Ünal"].at("Color"), "Red");
  EXPECT_EQ(by_name["Airliner Zürich, 1"].at("Color"), "Green");
  EXPECT_EQ(by_name["SAM, \"Ost\""].at("Type"), "Ground+AntiAircraft");
  EXPECT_EQ(by_name["SAM, \"Ost\""].at("EngagementRange"), "50000");  // envelope max_range 50 km
  EXPECT_EQ(by_name["SAM, \"Ost\" surveillance radar search"].at("RadarRange"), "150000");

  // Missiles: as many as the summary says, each with Parent = the launcher and LockedTarget = the raid.
  const auto s = nlohmann::json::parse(ReadFile(*dir_ / "summary.json"));
  int missiles = 0;
  std::string raid_id;
  for (const auto& [id, p] : a.objects)
    if (p.at("Name") == "Raid, \"Alpha\" Ünal") raid_id = id;
  for (const auto& [id, p] : a.objects) {
    if (p.at("Type") != "Weapon+Missile") continue;
    ++missiles;
    EXPECT_EQ(a.objects.at(p.at("Parent")).at("Name"), "SAM, \"Ost\"/L1");
    EXPECT_EQ(p.at("LockedTarget"), raid_id);
    EXPECT_TRUE(a.removed.count(id)) << "a missile is removed at its detonation";
  }
  EXPECT_EQ(missiles, s["missiles_launched"].get<int>());
  EXPECT_GE(missiles, 1);
  const bool destroyed = !s["aircraft"][0]["destroyed_s"].is_null();
  EXPECT_EQ(std::count(a.events.begin(), a.events.end(), "Destroyed|" + raid_id + "|"), destroyed ? 1 : 0);
  int identity_messages = 0;
  for (const std::string& e : a.events) identity_messages += e.find(": track ") != std::string::npos && e.find(" -> ") != std::string::npos;
  EXPECT_GE(identity_messages, 2);  // the raid and the airliner are identified
}

TEST_F(TinyAcmi, ExportVerbGivesTheSameBytesAsRunAcmi) {
  const std::string text = ReadFile(*dir_ / "replay.txt.acmi");
  std::filesystem::remove(*dir_ / "replay.txt.acmi");
  const auto r = RunIadsim("export acmi " + dir_->string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(ReadFile(*dir_ / "replay.txt.acmi"), text);
}

// The golden file is the export of a fixed run directory (tests/data/export_tiny_run, a run of
// export_tiny.yaml, seed 1), so that it tests the exporter, not the simulation's last digits.
TEST(AcmiGolden, FixedRunDirectoryExportsToTheGoldenFile) {
  const auto dir = FreshDir("acmi-golden");
  std::filesystem::copy(SourcePath("tests/data/export_tiny_run"), dir);
  const auto r = RunIadsim("export acmi " + dir.string() + " --scenario " + SourcePath("tests/data/export_tiny.yaml"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string text = ReadFile(dir / "replay.txt.acmi");
  const std::string golden_path = SourcePath("tests/data/export_tiny.acmi");
  if (std::getenv("IADSIM_UPDATE_GOLDEN") != nullptr) std::ofstream(golden_path, std::ios::binary) << text;
  EXPECT_EQ(text, ReadFile(golden_path)) << "regenerate with IADSIM_UPDATE_GOLDEN=1 after a deliberate change";
  Acmi a;
  Check(text, a);
}

TEST(ExportRefusals, IncompleteRunDirectory) {
  const auto dir = FreshDir("acmi-incomplete");
  ASSERT_EQ(RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --out " + dir.string()).exit_code, 0);
  std::filesystem::remove(dir / "summary.json");
  for (const char* format : {"acmi", "czml", "dis"}) {
    const auto r = RunIadsim(std::string("export ") + format + " " + dir.string());
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(summary\.json: \(run\): is missing: the run is incomplete)"))) << r.output;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "replay.txt.acmi"));
}

// An entity number beyond the ACMI object ids (which stop below 0x100000, where the ground objects
// begin) is refused, not an internal error.
TEST(ExportRefusals, EntityBeyondTheAcmiIds) {
  const auto dir = FreshDir("acmi-big-id");
  ASSERT_EQ(RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --out " + dir.string()).exit_code, 0);
  std::string truth = ReadFile(dir / "truth.csv");
  const auto row = truth.find('\n') + 1;  // the first data row: time_s,entity,...
  const auto comma = truth.find(',', row);
  truth.replace(comma + 1, truth.find(',', comma + 1) - comma - 1, "1048576");
  std::ofstream(dir / "truth.csv", std::ios::binary) << truth;
  const auto r = RunIadsim("export acmi " + dir.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(truth\.csv: \(run\): entity 1048576 is beyond the object ids of an ACMI replay \(1 to 1048575\))")))
      << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "replay.txt.acmi"));
}

TEST(ExportRefusals, CorruptEventLineGivesFileLineColumn) {
  const auto dir = FreshDir("acmi-corrupt");
  ASSERT_EQ(RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --out " + dir.string()).exit_code, 0);
  std::string events = ReadFile(dir / "events.jsonl");
  const auto second = events.find('\n') + 1;
  events.insert(second, "{\"t\": 3, \"type\": oops}\n");  // line 2, 'o' at column 18
  std::ofstream(dir / "events.jsonl", std::ios::binary) << events;
  const auto r = RunIadsim("export acmi " + dir.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(events\.jsonl:2:18: \(run\): not a JSON object)"))) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "replay.txt.acmi"));
}

}  // namespace
}  // namespace iadsim::test
