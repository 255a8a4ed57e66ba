#include "iadsim/tracking/filter_factory.h"

#include <fmt/format.h>

#include <cmath>

#include "iadsim/tracking/imm_filter.h"
#include "iadsim/tracking/kalman_filter.h"
#include "iadsim/tracking/measurement_models.h"

namespace iadsim {
namespace {

// path: built only when there is a problem (Validate runs for every new track).
template <class Path>
void CheckRange(Problems& out, const Path& path, double v, double lo, double hi, bool lo_open) {
  const bool ok = std::isfinite(v) && (lo_open ? v > lo : v >= lo) && v <= hi;
  if (!ok)
    out.push_back({std::string(path), fmt::format("must be in {}{}, {}] (got {})", lo_open ? "(" : "[", lo, hi, v)});
}

MotionModel ToMotionModel(MotionModelName name, int dims, double q, double turn_rate, double q_w) {
  MotionModel m;
  m.dims = dims;
  m.q = q;
  m.turn_rate_radps = turn_rate;
  m.q_turn_rate = q_w;
  switch (name) {
    case MotionModelName::kCv: m.kind = MotionModelKind::kConstantVelocity; break;
    case MotionModelName::kCa: m.kind = MotionModelKind::kConstantAcceleration; break;
    case MotionModelName::kCt: m.kind = MotionModelKind::kCoordinatedTurn; break;
    case MotionModelName::kCtw: m.kind = MotionModelKind::kCoordinatedTurnEstimated; break;
    case MotionModelName::kImm: IADSIM_CHECK(false, "imm is not a single motion model");
  }
  return m;
}

// Position and velocity prior, [p (d), v (d)], extended to the model's layout.
std::unique_ptr<GaussianFilter> MakeModelFilter(const FilterSpec& spec, const MotionModel& model,
                                                const VecX& xpv, const MatX& Ppv) {
  const int n = StateDimension(model), d = model.dims;
  VecX x = VecX::Zero(n);
  MatX P = MatX::Zero(n, n);
  x.head(2 * d) = xpv;
  P.topLeftCorner(2 * d, 2 * d) = Ppv;
  if (const int ia = AccelerationIndex(model); ia >= 0)
    for (int a = 0; a < d; ++a) P(ia + a, ia + a) = spec.initial_acceleration_sigma_mps2 * spec.initial_acceleration_sigma_mps2;
  if (const int iw = TurnRateIndex(model); iw >= 0)
    P(iw, iw) = spec.initial_turn_rate_sigma_radps * spec.initial_turn_rate_sigma_radps;
  switch (spec.filter) {
    case FilterAlgorithm::kKf: return std::make_unique<KalmanFilter>(KalmanVariant::kLinear, model, x, P);
    case FilterAlgorithm::kEkf: return std::make_unique<KalmanFilter>(KalmanVariant::kExtended, model, x, P);
    case FilterAlgorithm::kUkf: return std::make_unique<UnscentedKalmanFilter>(spec.ukf, model, x, P);
  }
  return nullptr;
}

// The measured position in `dims` dimensions and its covariance.
void MeasuredPosition(const FilterSpec& spec, const Measurement& m, VecX* p, MatX* R) {
  IADSIM_CHECK(m.kind != MeasurementKind::kBearing, "a bearing-only measurement cannot initiate a track");
  Measurement converted;
  if (!IsLinear(m.kind)) converted = ToCartesianMeasurement(m);
  const Measurement& c = IsLinear(m.kind) ? m : converted;
  const int md = static_cast<int>(c.z.size());
  const int d = spec.dims;
  p->setZero(d);
  R->setZero(d, d);
  const int k = std::min(md, d);
  p->head(k) = c.z.head(k);
  R->topLeftCorner(k, k) = c.R.topLeftCorner(k, k);
  if (d == 3 && md == 2) {
    (*p)(2) = m.kind == MeasurementKind::kPolar2D ? m.sensor_position.z() : 0.0;
    (*R)(2, 2) = spec.unknown_height_sigma_m * spec.unknown_height_sigma_m;
  }
}

}  // namespace

std::unique_ptr<TrackFilter> MakeFilterFromPrior(const FilterSpec& spec, const VecX& xpv, const MatX& Ppv) {
  if (const Problems p = spec.Validate(); !p.empty()) throw ScenarioError(p);
  if (spec.model != MotionModelName::kImm) {
    return MakeModelFilter(spec, ToMotionModel(spec.model, spec.dims, spec.process_noise, spec.turn_rate_radps,
                                               spec.turn_rate_noise), xpv, Ppv);
  }
  const int r = static_cast<int>(spec.imm_models.size());
  std::vector<std::unique_ptr<GaussianFilter>> filters;
  ImmFilter::ModeMatrix T(r, r);
  ImmFilter::ModeVector mu(r);
  for (int i = 0; i < r; ++i) {
    const ImmModeSpec& ms = spec.imm_models[i];
    filters.push_back(MakeModelFilter(
        spec, ToMotionModel(ms.model, spec.dims, ms.process_noise, ms.turn_rate_radps, spec.turn_rate_noise),
        xpv, Ppv));
    for (int j = 0; j < r; ++j) T(i, j) = spec.imm_transition[i][j];
    mu(i) = spec.imm_initial_probabilities.empty() ? 1.0 / r : spec.imm_initial_probabilities[i];
  }
  for (int i = 0; i < r; ++i) T.row(i) /= T.row(i).sum();  // rows within 1e-6 of 1: make exact
  mu /= mu.sum();
  return std::make_unique<ImmFilter>(std::move(filters), T, mu);
}

MotionModelName ParseMotionModelName(std::string_view text, std::string_view key_path) {
  if (text == "cv") return MotionModelName::kCv;
  if (text == "ca") return MotionModelName::kCa;
  if (text == "ct") return MotionModelName::kCt;
  if (text == "ctw") return MotionModelName::kCtw;
  if (text == "imm") return MotionModelName::kImm;
  throw ScenarioError({{std::string(key_path),
                        fmt::format("unknown motion model '{}' (expected one of: cv, ca, ct, ctw, imm)", text)}});
}

FilterAlgorithm ParseFilterAlgorithm(std::string_view text, std::string_view key_path) {
  if (text == "kf") return FilterAlgorithm::kKf;
  if (text == "ekf") return FilterAlgorithm::kEkf;
  if (text == "ukf") return FilterAlgorithm::kUkf;
  throw ScenarioError({{std::string(key_path),
                        fmt::format("unknown filter '{}' (expected one of: kf, ekf, ukf)", text)}});
}

std::string_view ToString(MotionModelName name) {
  switch (name) {
    case MotionModelName::kCv: return "cv";
    case MotionModelName::kCa: return "ca";
    case MotionModelName::kCt: return "ct";
    case MotionModelName::kCtw: return "ctw";
    case MotionModelName::kImm: return "imm";
  }
  return "?";
}

std::string_view ToString(FilterAlgorithm algorithm) {
  switch (algorithm) {
    case FilterAlgorithm::kKf: return "kf";
    case FilterAlgorithm::kEkf: return "ekf";
    case FilterAlgorithm::kUkf: return "ukf";
  }
  return "?";
}

bool SetNamedTrackModel(std::string_view name, double q, FilterSpec* spec) {
  spec->process_noise = q;
  if (name == "cv") {
    spec->model = MotionModelName::kCv;
  } else if (name == "ca") {
    spec->model = MotionModelName::kCa;
  } else if (name == "ct") {
    spec->model = MotionModelName::kCtw;
    spec->filter = FilterAlgorithm::kEkf;
  } else if (name == "imm") {
    spec->model = MotionModelName::kImm;
    spec->imm_models = {{MotionModelName::kCv, q, 0.0}, {MotionModelName::kCv, 100.0 * q, 0.0}};
    spec->imm_transition = {{0.95, 0.05}, {0.05, 0.95}};
  } else {
    return false;
  }
  return true;
}

Problems FilterSpec::Validate() const {
  Problems out;
  if (dims != 2 && dims != 3) out.push_back({"dims", fmt::format("must be 2 or 3 (got {})", dims)});
  CheckRange(out, "process_noise", process_noise, 0.0, 1e6, false);
  CheckRange(out, "turn_rate_radps", turn_rate_radps, -1.0, 1.0, false);
  CheckRange(out, "turn_rate_noise", turn_rate_noise, 0.0, 1.0, false);
  CheckRange(out, "initial_speed_sigma_mps", initial_speed_sigma_mps, 0.0, 1e4, true);
  CheckRange(out, "initial_acceleration_sigma_mps2", initial_acceleration_sigma_mps2, 0.0, 1e3, true);
  CheckRange(out, "initial_turn_rate_sigma_radps", initial_turn_rate_sigma_radps, 0.0, 1.0, true);
  CheckRange(out, "unknown_height_sigma_m", unknown_height_sigma_m, 0.0, 1e5, true);
  if (filter == FilterAlgorithm::kUkf) {
    CheckRange(out, "ukf.alpha", ukf.alpha, 0.0, 1.0, true);
    CheckRange(out, "ukf.beta", ukf.beta, 0.0, 1e3, false);
    const int n_min = 2 * (dims == 2 ? 2 : 3);
    if (!(n_min + ukf.kappa > 0.0))
      out.push_back({"ukf.kappa", fmt::format("n + kappa must be > 0 (got kappa {})", ukf.kappa)});
  }
  const bool kf = filter == FilterAlgorithm::kKf;
  if (model != MotionModelName::kImm) {
    if (kf && model == MotionModelName::kCtw)
      out.push_back({"filter", "kf needs a linear motion model; ctw (estimated turn rate) needs ekf or ukf"});
    if (!imm_models.empty()) out.push_back({"imm_models", "only for model imm"});
    return out;
  }
  const std::size_t r = imm_models.size();
  if (r < 2 || r > 8) out.push_back({"imm_models", fmt::format("must list 2 to 8 models (got {})", r)});
  for (std::size_t i = 0; i < r; ++i) {
    const std::string p = fmt::format("imm_models[{}]", i);
    const ImmModeSpec& m = imm_models[i];
    if (m.model == MotionModelName::kImm) out.push_back({p + ".model", "an imm mode cannot be imm"});
    if (kf && m.model == MotionModelName::kCtw)
      out.push_back({p + ".model", "ctw (estimated turn rate) needs filter ekf or ukf, not kf"});
    CheckRange(out, p + ".process_noise", m.process_noise, 0.0, 1e6, false);
    CheckRange(out, p + ".turn_rate_radps", m.turn_rate_radps, -1.0, 1.0, false);
  }
  if (imm_transition.size() != r) {
    out.push_back({"imm_transition", fmt::format("must have {} rows, one per model (got {})", r, imm_transition.size())});
  } else {
    for (std::size_t i = 0; i < r; ++i) {
      const std::string p = fmt::format("imm_transition[{}]", i);
      const auto& row = imm_transition[i];
      if (row.size() != r) {
        out.push_back({p, fmt::format("must have {} entries (got {})", r, row.size())});
        continue;
      }
      double sum = 0.0;
      bool ok = true;
      for (const double v : row) {
        ok = ok && std::isfinite(v) && v >= 0.0 && v <= 1.0;
        sum += v;
      }
      if (!ok) out.push_back({p, "entries must be probabilities in [0, 1]"});
      else if (std::abs(sum - 1.0) > 1e-6) out.push_back({p, fmt::format("must sum to 1 (got {})", sum)});
    }
  }
  if (!imm_initial_probabilities.empty()) {
    double sum = 0.0;
    bool ok = imm_initial_probabilities.size() == r;
    for (const double v : imm_initial_probabilities) {
      ok = ok && std::isfinite(v) && v >= 0.0;
      sum += v;
    }
    if (!ok || std::abs(sum - 1.0) > 1e-6)
      out.push_back({"imm_initial_probabilities",
                     fmt::format("must be {} probabilities summing to 1 (got {} summing to {})", r,
                                 imm_initial_probabilities.size(), sum)});
  }
  return out;
}

std::unique_ptr<TrackFilter> MakeFilter(const FilterSpec& spec, const Measurement& first) {
  if (const Problems p = spec.Validate(); !p.empty()) throw ScenarioError(p);
  const int d = spec.dims;
  VecX p;
  MatX R;
  MeasuredPosition(spec, first, &p, &R);
  VecX x = VecX::Zero(2 * d);
  MatX P = MatX::Zero(2 * d, 2 * d);
  x.head(d) = p;
  P.topLeftCorner(d, d) = R;
  for (int a = 0; a < d; ++a) P(d + a, d + a) = spec.initial_speed_sigma_mps * spec.initial_speed_sigma_mps;
  return MakeFilterFromPrior(spec, x, P);
}

std::unique_ptr<TrackFilter> MakeFilterTwoPoint(const FilterSpec& spec, const Measurement& m1,
                                                const Measurement& m2) {
  if (const Problems p = spec.Validate(); !p.empty()) throw ScenarioError(p);
  const double T = m2.time_s - m1.time_s;
  IADSIM_CHECK(T > 0.0, "two-point initiation needs m2 after m1");
  const int d = spec.dims;
  VecX p1, p2;
  MatX R1, R2;
  MeasuredPosition(spec, m1, &p1, &R1);
  MeasuredPosition(spec, m2, &p2, &R2);
  VecX x(2 * d);
  MatX P(2 * d, 2 * d);
  x.head(d) = p2;
  x.tail(d) = (p2 - p1) / T;
  P.topLeftCorner(d, d) = R2;
  P.topRightCorner(d, d) = R2 / T;
  P.bottomLeftCorner(d, d) = R2 / T;
  P.bottomRightCorner(d, d) = (R1 + R2) / (T * T);
  return MakeFilterFromPrior(spec, x, P);
}

}  // namespace iadsim
