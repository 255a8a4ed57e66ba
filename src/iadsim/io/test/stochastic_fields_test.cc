// Stochastic scenario fields: found with their units, drawn from the replication's own stream with
// the stated distributions (moments and chi-square bounds over seeded draws), the same for a
// field whatever else the document holds (common random numbers), and read into the scenario.
#include "iadsim/io/stochastic_fields.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "iadsim/core/error.h"
#include "iadsim/io/quantity.h"

namespace iadsim {
namespace {

constexpr const char* kDoc = R"(
a: {normal: [5 km, 300 m]}
b: [{uniform: [1, 2]}, 7]
c: {choice: [tight, free, hold]}
d: {lat: 3, lon: 4}
)";

double Si(const std::string& s, Dimension d) { return std::get<double>(ParseQuantity(s, d)); }

TEST(StochasticFields, FindsDistributionsWithTheirUnits) {
  const auto f = FindStochasticFields(YAML::Load(kDoc), "x.yaml");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].key_path, "a");
  EXPECT_EQ(f[0].kind, StochasticField::Kind::kNormal);
  EXPECT_DOUBLE_EQ(f[0].a, 5000.0);
  EXPECT_DOUBLE_EQ(f[0].b, 300.0);
  EXPECT_EQ(f[0].unit, "m");
  EXPECT_EQ(f[0].line, 2);
  EXPECT_EQ(f[1].key_path, "b[0]");
  EXPECT_EQ(f[1].unit, "");
  EXPECT_EQ(f[2].key_path, "c");
  EXPECT_EQ(f[2].choices.size(), 3u);
}

TEST(StochasticFields, MalformedDistributionsAreAllReportedAtTheirPlace) {
  try {
    FindStochasticFields(YAML::Load("a: {normal: [5 km]}\nb: {uniform: [2 s, 1 s]}\nc: {normal: [1 km, 2 s]}\n"), "x.yaml");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 3u);
    EXPECT_EQ(e.problems()[0].ToString().substr(0, 14), "x.yaml:1:13: a");
    EXPECT_EQ(e.problems()[1].path, "b");
    EXPECT_EQ(e.problems()[1].line, 2);
    EXPECT_NE(e.problems()[2].message.find("one dimension"), std::string::npos);
  }
}

TEST(StochasticFields, DrawsFollowTheirDistributions) {
  const YAML::Node root = YAML::Load(kDoc);
  const auto f = FindStochasticFields(root, "x.yaml");
  const int n = 4000;
  double sum = 0, sum2 = 0, usum = 0;
  int umin_ok = 0;
  std::map<std::string, int> counts;
  for (int k = 0; k < n; ++k) {
    std::vector<std::pair<std::string, std::string>> draws;
    const YAML::Node d = DrawStochasticFields(root, f, 11, static_cast<std::uint64_t>(k), &draws);
    ASSERT_EQ(draws.size(), 3u);
    const double x = Si(d["a"].as<std::string>(), Dimension::kLength);
    sum += x, sum2 += x * x;
    const double u = Si(d["b"][0].as<std::string>(), Dimension::kRatio);
    usum += u;
    umin_ok += u >= 1.0 && u < 2.0;
    ++counts[d["c"].as<std::string>()];
    EXPECT_EQ(d["b"][1].as<int>(), 7);
  }
  // Normal(5000, 300): the sample mean within 4 standard errors (300/sqrt(4000) = 4.74 m).
  const double mean = sum / n, sd = std::sqrt(sum2 / n - mean * mean);
  EXPECT_NEAR(mean, 5000.0, 4 * 300.0 / std::sqrt(n));
  // Sample variance: (n-1) s²/σ² ~ χ²(n-1), sd ≈ σ (1 ± 4/sqrt(2n)) = 300 ± 13.4.
  EXPECT_NEAR(sd, 300.0, 300.0 * 4 / std::sqrt(2.0 * n));
  // Uniform(1, 2): mean 1.5, sd of the mean sqrt(1/12/n) = 0.00456.
  EXPECT_EQ(umin_ok, n);
  EXPECT_NEAR(usum / n, 1.5, 4 * std::sqrt(1.0 / 12 / n));
  // Choice of 3: chi-square with 2 degrees of freedom below 13.82 (p = 0.001).
  double chi2 = 0;
  for (const char* c : {"tight", "free", "hold"}) chi2 += std::pow(counts[c] - n / 3.0, 2) / (n / 3.0);
  EXPECT_LT(chi2, 13.82);
}

TEST(StochasticFields, AFieldDrawsTheSameWhateverElseTheDocumentHolds) {
  const YAML::Node one = YAML::Load("x: 1\na: {normal: [5 km, 300 m]}\n");
  const YAML::Node two = YAML::Load("z: {uniform: [0 s, 9 s]}\nx: 2\na: {normal: [5 km, 300 m]}\n");
  for (std::uint64_t k = 0; k < 20; ++k) {
    const auto d1 = DrawStochasticFields(one, FindStochasticFields(one, "1"), 3, k, nullptr);
    const auto d2 = DrawStochasticFields(two, FindStochasticFields(two, "2"), 3, k, nullptr);
    EXPECT_EQ(d1["a"].as<std::string>(), d2["a"].as<std::string>()) << k;
    const auto other_seed = DrawStochasticFields(one, FindStochasticFields(one, "1"), 4, k, nullptr);
    EXPECT_NE(d1["a"].as<std::string>(), other_seed["a"].as<std::string>()) << k;
  }
}

TEST(StochasticFields, TheScenarioOfAReplicationHoldsItsDraw) {
  const auto demo = std::filesystem::path(__FILE__).parent_path() / "../../../../scenarios/demo.yaml";
  std::ifstream in(demo);
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  const std::string from = "kill_probability: 0.9", to = "kill_probability: {uniform: [0.6, 0.8]}";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), to);
  const auto path = std::filesystem::temp_directory_path() / "iadsim_stochastic_test.yaml";
  std::ofstream(path) << text;
  const YAML::Node root = YAML::Load(text);
  const auto fields = FindStochasticFields(root, path.string());
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].key_path, "types.missiles.48n6e2.kill_probability");
  for (std::uint64_t k : {0u, 5u}) {
    std::vector<std::pair<std::string, std::string>> draws;
    DrawStochasticFields(root, fields, 9, k, &draws);
    const Scenario sc = ReadScenarioForReplication(path.string(), 9, k);
    EXPECT_DOUBLE_EQ(sc.units.at(0).interceptor.kill_probability, std::stod(draws[0].second));
    EXPECT_GE(sc.units.at(0).interceptor.kill_probability, 0.6);
    EXPECT_LT(sc.units.at(0).interceptor.kill_probability, 0.8);
  }
  // A draw outside the valid range is reported at the distribution, saying it was drawn.
  std::string bad = text;
  bad.replace(bad.find(to), to.size(), "kill_probability: {normal: [2, 0.01]}");
  std::ofstream(path) << bad;
  try {
    ReadScenarioForReplication(path.string(), 9, 0);
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].path, "types.missiles.48n6e2.kill_probability");
    EXPECT_GT(e.problems()[0].line, 1);
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace iadsim
