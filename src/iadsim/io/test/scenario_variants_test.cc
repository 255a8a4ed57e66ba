// Variants: key paths, overrides files (errors at their place), sweep lists and ranges with units,
// Latin hypercube strata.
#include "iadsim/io/scenario_variants.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

std::string Demo() {
  const auto path = std::filesystem::path(__FILE__).parent_path() / "../../../../scenarios/demo.yaml";
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Messages(const ScenarioError& e) {
  std::string out;
  for (const Problem& p : e.problems()) out += p.ToString() + "\n";
  return out;
}

TEST(ScenarioVariants, SplitsKeyPaths) {
  EXPECT_EQ(SplitKeyPath("units[0].doctrine.salvo"), (std::vector<std::string>{"units", "[0]", "doctrine", "salvo"}));
  EXPECT_EQ(SplitKeyPath("a[1][2].b"), (std::vector<std::string>{"a", "[1]", "[2]", "b"}));
  EXPECT_EQ(SplitKeyPath("types.missiles.48n6e2.kill_probability").size(), 4u);
  EXPECT_TRUE(SplitKeyPath("a..b").empty());
  EXPECT_TRUE(SplitKeyPath("a[x]").empty());
  EXPECT_TRUE(SplitKeyPath("").empty());
}

TEST(ScenarioVariants, AssignsOnACopyAndRefusesPathsThatDoNotExist) {
  const YAML::Node root = YAML::Load("a: {b: [1, 2, {c: 5 km}]}\nd: x\n");
  const VariantSpec v = ReadOverridesText("v", "a.b[2].c: 7 km\nd: [1, 2]\n", "v.yaml");
  const YAML::Node out = ApplyAssignments(root, v.assignments);
  EXPECT_EQ(out["a"]["b"][2]["c"].as<std::string>(), "7 km");
  EXPECT_EQ(out["d"].size(), 2u);
  EXPECT_EQ(root["a"]["b"][2]["c"].as<std::string>(), "5 km");  // the original is untouched
  EXPECT_EQ(v.AssignmentsJson(), R"({"a.b[2].c":"7 km","d":"[1, 2]"})");

  const auto refusal = [&](const std::string& text, const std::string& file) {  // "" when applied
    try {
      ApplyAssignments(root, ReadOverridesText("v", text, file).assignments);
    } catch (const ScenarioError& e) {
      return Messages(e);
    }
    return std::string();
  };
  EXPECT_EQ(refusal("# comment\na.b[2].c: 1 m\na.b[3].c: 7 km\n", "bad.yaml"),
            "bad.yaml:3:1: a.b[3].c: no such key path in the scenario (a variant may only change values the scenario has)\n");
  // An index beyond size_t is no element either (it was an uncaught std::out_of_range).
  EXPECT_EQ(refusal("a.b[99999999999999999999999].c: 1 m\n", "huge.yaml"),
            "huge.yaml:1:1: a.b[99999999999999999999999].c: no such key path in the scenario (a variant may only "
            "change values the scenario has)\n");
  try {
    ReadOverridesText("v", "a: 1\na..b: 2\n", "o.yaml");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_TRUE(std::regex_search(Messages(e), std::regex(R"(^o\.yaml:2:1: a\.\.b: is not a key path)"))) << Messages(e);
  }
  EXPECT_THROW(ReadOverridesText("v", "[1, 2]\n", "o.yaml"), ScenarioError);
  // A file with nothing but comments is refused at its first line, like an empty scenario.
  for (const char* empty : {"", "# only a comment\n"}) {
    try {
      ReadOverridesText("v", empty, "e.yaml");
      FAIL() << "no error";
    } catch (const ScenarioError& e) {
      EXPECT_EQ(Messages(e), "e.yaml:1:1: (file): is empty: expected a mapping {key path: value}\n");
    }
  }
}

// The line (1-based) of the first line of `text` that starts with `prefix`, counted by hand.
int LineOf(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.rfind(prefix, 0) == 0) return n;
  return 0;
}

// A problem found in an edited copy (which has no places) is put back at its key path in the
// document as read: the node itself, or for a missing key the map that lacks it; a problem under
// an assignment keeps the assignment's place.
TEST(ScenarioVariants, ProblemsOfAnEditedCopyArePlacedInTheDocument) {
  const std::string text = Demo();
  const YAML::Node document = YAML::Load(text);
  Assignment a;
  a.key_path = "units[0].doctrine.salvo";
  a.file = "v.yaml";
  a.line = 3;
  a.column = 1;
  Problems problems = {Problem{"units[0].missile", "m", "demo.yaml", 1, 1},
                       Problem{"aircraft[0].no_such_key", "k", "demo.yaml", 1, 1},
                       Problem{"units[0].doctrine.salvo", "s", "v.yaml", 3, 1}};
  PlaceInDocument(problems, document, {a});
  EXPECT_EQ(problems[0].line, LineOf(text, "    missile: 48n6e2"));
  EXPECT_EQ(problems[0].column, 14);  // the value, after "    missile: "
  EXPECT_EQ(problems[1].line, LineOf(text, "  - name: Raid-1"));
  EXPECT_EQ(problems[1].column, 5);  // the map of aircraft[0], after "  - "
  EXPECT_EQ(problems[2].line, 3);
  EXPECT_EQ(problems[2].file, "v.yaml");
}

TEST(ScenarioVariants, ValueProblemsAreReportedAtTheOverride) {
  const std::string text = Demo();
  const YAML::Node root = YAML::Load(text);
  const VariantSpec v = ReadOverridesText("high-pk", "\ntypes.missiles.48n6e2.kill_probability: 1.5\n", "pk.yaml");
  try {
    ReadEditedScenario(ApplyAssignments(root, v.assignments), "demo.yaml", v.assignments);
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1u) << Messages(e);
    const Problem& p = e.problems()[0];
    EXPECT_EQ(p.file, "pk.yaml");
    EXPECT_EQ(p.line, 2);
    EXPECT_EQ(p.column, 1);
    EXPECT_EQ(p.path, "types.missiles.48n6e2.kill_probability");
    EXPECT_NE(p.message.find("set by pk.yaml"), std::string::npos) << p.message;
  }
  // A valid override changes exactly that value.
  const VariantSpec ok = ReadOverridesText("low-pk", "types.missiles.48n6e2.kill_probability: 0.25\n", "pk.yaml");
  const Scenario s = ReadEditedScenario(ApplyAssignments(root, ok.assignments), "demo.yaml", ok.assignments);
  EXPECT_DOUBLE_EQ(s.units.at(0).interceptor.kill_probability, 0.25);
}

TEST(ScenarioVariants, SweepListsAndRangesWithUnits) {
  EXPECT_EQ(ExpandSweepValues("100km:200km:50km", "k"), (std::vector<std::string>{"100 km", "150 km", "200 km"}));
  // 0.1 + 2 * 0.1 = 0.30000000000000004 in binary: still the stop, printed as 0.3.
  EXPECT_EQ(ExpandSweepValues("0.1:0.3:0.1", "k"), (std::vector<std::string>{"0.1", "0.2", "0.3"}));
  EXPECT_EQ(ExpandSweepValues("10 s:25 s:10 s", "k"), (std::vector<std::string>{"10 s", "20 s"}));
  EXPECT_EQ(ExpandSweepValues("tight, free,hold", "k"), (std::vector<std::string>{"tight", "free", "hold"}));
  EXPECT_THROW(ExpandSweepValues("1km:2m:1km", "k"), ScenarioError);
  EXPECT_THROW(ExpandSweepValues("5km:1km:1km", "k"), ScenarioError);
  EXPECT_THROW(ExpandSweepValues("a,,b", "k"), ScenarioError);

  const auto v = SweepVariants({"x=1,2", "y=10km:30km:10km"});
  ASSERT_EQ(v.size(), 6u);
  EXPECT_EQ(v[0].name, "x=1,y=10 km");
  EXPECT_EQ(v[5].name, "x=2,y=30 km");
  EXPECT_EQ(v[4].assignments[1].key_path, "y");
  EXPECT_EQ(v[4].assignments[1].value_text, "20 km");
  EXPECT_THROW(SweepVariants({"novalue"}), ScenarioError);
}

double Number(const std::string& s) { return std::stod(s); }

TEST(ScenarioVariants, LatinHypercubeUsesEachStratumOnce) {
  const int n = 25;
  const auto v = LatinHypercubeVariants({"a=100km..200km", "b=0.5..0.9"}, n, 7);
  ASSERT_EQ(v.size(), static_cast<std::size_t>(n));
  for (int key = 0; key < 2; ++key) {
    const double lo = key == 0 ? 100 : 0.5, hi = key == 0 ? 200 : 0.9;
    std::vector<int> count(n, 0);
    for (const VariantSpec& s : v) {
      const double x = Number(s.assignments[key].value_text);
      ASSERT_GE(x, lo);
      ASSERT_LT(x, hi);
      ++count[static_cast<int>((x - lo) / (hi - lo) * n)];
    }
    EXPECT_EQ(std::count(count.begin(), count.end(), 1), n) << "key " << key;
  }
  EXPECT_EQ(v[3].assignments[0].value_text.substr(v[3].assignments[0].value_text.size() - 3), " km");
  // Seeded: the same seed gives the same points, another seed others.
  const auto again = LatinHypercubeVariants({"a=100km..200km", "b=0.5..0.9"}, n, 7);
  const auto other = LatinHypercubeVariants({"a=100km..200km", "b=0.5..0.9"}, n, 8);
  EXPECT_EQ(v[0].name, again[0].name);
  EXPECT_NE(v[0].name, other[0].name);
  EXPECT_THROW(LatinHypercubeVariants({"a=1..1"}, 3, 1), ScenarioError);
  EXPECT_THROW(LatinHypercubeVariants({"a=1,2"}, 3, 1), ScenarioError);
}

}  // namespace
}  // namespace iadsim
