// The filter factory: name parsing with clear errors, Validate() reporting every problem with
// its key path, single-point and two-point initiation against hand numbers.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <regex>

#include "iadsim/tracking/filter_factory.h"
#include "iadsim/tracking/imm_filter.h"
#include "iadsim/tracking/kalman_filter.h"

namespace iadsim {
namespace {

TEST(FilterFactory, ParsesModelNamesAndRejectsOthersClearly) {
  EXPECT_EQ(ParseMotionModelName("cv"), MotionModelName::kCv);
  EXPECT_EQ(ParseMotionModelName("ca"), MotionModelName::kCa);
  EXPECT_EQ(ParseMotionModelName("ct"), MotionModelName::kCt);
  EXPECT_EQ(ParseMotionModelName("ctw"), MotionModelName::kCtw);
  EXPECT_EQ(ParseMotionModelName("imm"), MotionModelName::kImm);
  EXPECT_EQ(ParseFilterAlgorithm("ukf"), FilterAlgorithm::kUkf);
  try {
    ParseMotionModelName("CV2", "tracker.model");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_TRUE(std::regex_match(e.problems()[0].ToString(),
                                 std::regex(R"(tracker\.model: unknown motion model 'CV2' \(expected one of: cv, ca, ct, ctw, imm\))")))
        << e.problems()[0].ToString();
  }
  EXPECT_THROW(ParseFilterAlgorithm("pf"), ScenarioError);
}

TEST(FilterFactory, ValidateReportsEveryProblem) {
  FilterSpec ok;
  EXPECT_TRUE(ok.Validate().empty());
  FilterSpec bad;
  bad.dims = 4;
  bad.process_noise = -1.0;
  bad.model = MotionModelName::kImm;
  bad.filter = FilterAlgorithm::kKf;
  bad.imm_models = {{MotionModelName::kCv, 1.0, 0.0}, {MotionModelName::kCtw, 1.0, 0.0}};
  bad.imm_transition = {{0.9, 0.1}, {0.3, 0.3}};
  const Problems p = bad.Validate();
  std::vector<std::string> paths;
  for (const Problem& q : p) paths.push_back(q.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"dims", "process_noise", "imm_models[1].model", "imm_transition[1]"}));
  EXPECT_NE(p[3].message.find("must sum to 1 (got 0.6)"), std::string::npos) << p[3].message;
  FilterSpec ctw_kf;
  ctw_kf.model = MotionModelName::kCtw;
  ASSERT_EQ(ctw_kf.Validate().size(), 1u);
  EXPECT_EQ(ctw_kf.Validate()[0].path, "filter");
  Measurement m;
  m.kind = MeasurementKind::kCartesian2D;
  m.z = VecZ::Zero(2);
  m.R = MatZ::Identity(2, 2);
  EXPECT_THROW(MakeFilter(bad, m), ScenarioError);
}

TEST(FilterFactory, SinglePointInitiation) {
  FilterSpec spec;
  spec.dims = 3;
  spec.initial_speed_sigma_mps = 250.0;
  Measurement m;
  m.kind = MeasurementKind::kCartesian3D;
  m.z = VecZ(3);
  m.z << 1000, 2000, 3000;
  m.R = MatZ::Identity(3, 3) * 400.0;
  auto f = MakeFilter(spec, m);
  EXPECT_EQ(f->position(), Eigen::Vector3d(1000, 2000, 3000));
  EXPECT_EQ(f->velocity(), Eigen::Vector3d::Zero());
  const auto C = f->position_velocity_covariance();
  EXPECT_EQ(C(0, 0), 400.0);
  EXPECT_EQ(C(4, 4), 62500.0);
  EXPECT_EQ(C(0, 3), 0.0);
  // A 2-D radar plot for a 3-D filter: due east at 40 km, sensor at height 100 m; sigma_az = 0.1 mrad
  // so the unbiased position is 40 km / exp(-0.5e-8) = 40000.0002 m east.
  Measurement p;
  p.kind = MeasurementKind::kPolar2D;
  p.sensor_position = Eigen::Vector3d(0, 0, 100);
  p.z = VecZ(2);
  p.z << 40e3, 0.5 * std::numbers::pi;
  p.R = MatZ::Zero(2, 2);
  p.R.diagonal() << 100.0, 1e-8;
  spec.filter = FilterAlgorithm::kEkf;
  spec.model = MotionModelName::kCa;
  auto g = MakeFilter(spec, p);
  EXPECT_NEAR(g->position()(0), 40000.0002, 1e-4);
  EXPECT_NEAR(g->position()(1), 0.0, 1e-9);
  EXPECT_EQ(g->position()(2), 100.0);
  EXPECT_NEAR(g->position_velocity_covariance()(1, 1), 16.0, 1e-3);  // (40 km * 1e-4)^2
  EXPECT_EQ(g->position_velocity_covariance()(2, 2), 5000.0 * 5000.0);
  const auto& kf = dynamic_cast<const KalmanFilter&>(*g);
  EXPECT_EQ(kf.state().size(), 9);
  EXPECT_EQ(kf.covariance()(6, 6), 900.0);  // initial_acceleration_sigma 30 m/s^2
}

TEST(FilterFactory, TwoPointInitiation) {
  // p1 = (0, 0) at t = 0, p2 = (200, 100) at t = 2, R = 100 I:  v = (100, 50),
  // P_pp = 100, P_pv = 100 / 2 = 50, P_vv = 200 / 4 = 50.
  FilterSpec spec;
  spec.dims = 2;
  spec.model = MotionModelName::kImm;
  spec.filter = FilterAlgorithm::kEkf;
  spec.imm_models = {{MotionModelName::kCv, 1.0, 0.0}, {MotionModelName::kCtw, 1.0, 0.0}};
  spec.imm_transition = {{0.95, 0.05}, {0.05, 0.95}};
  Measurement m1, m2;
  m1.kind = m2.kind = MeasurementKind::kCartesian2D;
  m1.R = m2.R = MatZ::Identity(2, 2) * 100.0;
  m1.z = VecZ::Zero(2);
  m2.z = VecZ(2);
  m2.z << 200, 100;
  m2.time_s = 2.0;
  auto f = MakeFilterTwoPoint(spec, m1, m2);
  EXPECT_NEAR(f->velocity()(0), 100.0, 1e-12);
  EXPECT_NEAR(f->velocity()(1), 50.0, 1e-12);
  EXPECT_NEAR(f->position()(0), 200.0, 1e-12);
  const auto C = f->position_velocity_covariance();
  EXPECT_NEAR(C(0, 0), 100.0, 1e-9);
  EXPECT_NEAR(C(0, 3), 50.0, 1e-9);
  EXPECT_NEAR(C(3, 3), 50.0, 1e-9);
  const auto& imm = dynamic_cast<const ImmFilter&>(*f);
  EXPECT_EQ(imm.model_count(), 2);
  EXPECT_NEAR(imm.filter(1).covariance()(4, 4), 0.01, 1e-15);  // initial_turn_rate_sigma 0.1 rad/s
}

// Not a test: the cost of predict + innovate + update for 10k 2-D CV Kalman filters through the
// TrackFilter interface. Run with --gtest_also_run_disabled_tests --gtest_filter='*Benchmark*'.
TEST(FilterFactory, DISABLED_BenchmarkCvKfUpdate) {
  FilterSpec spec;
  spec.dims = 2;
  Measurement m;
  m.kind = MeasurementKind::kCartesian2D;
  m.z = VecZ::Zero(2);
  m.R = MatZ::Identity(2, 2) * 2500.0;
  std::vector<std::unique_ptr<TrackFilter>> fs;
  for (int i = 0; i < 10000; ++i) {
    m.z << i * 100.0, 0.0;
    fs.push_back(MakeFilter(spec, m));
  }
  double sink = 0.0;
  const auto t0 = std::chrono::steady_clock::now();
  constexpr int kScans = 50;
  for (int s = 0; s < kScans; ++s) {
    for (int i = 0; i < 10000; ++i) {
      TrackFilter& f = *fs[i];
      f.Predict(1.0);
      m.z << i * 100.0 + s, s * 2.0;
      sink += f.Innovate(m).d2;
      f.Update(m);
    }
  }
  const double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() /
                    (kScans * 10000.0);
  std::printf("2-D CV KF: %.0f ns per predict + innovate + update (%.2f M/s), checksum %.3f\n", ns, 1e3 / ns, sink);
}

}  // namespace
}  // namespace iadsim
