#include "iadsim/c2/operator_model.h"

#include <fmt/format.h>

#include <cmath>

namespace iadsim {

Problems DecisionDelay::Validate() const {
  Problems out;
  const auto add = [&out](std::string message) { out.push_back({"decision_delay", std::move(message)}); };
  switch (kind) {
    case Kind::kFixed:
      if (!(a >= 0.0) || !std::isfinite(a)) add(fmt::format("must be >= 0 s (got {} s)", a));
      break;
    case Kind::kTriangular:
      if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c)) {
        add(fmt::format("triangular: MIN, MODE and MAX must be finite (got [{}, {}, {}] s)", a, b, c));
        break;
      }
      if (a < 0.0) add(fmt::format("triangular: MIN must be >= 0 s (got {} s)", a));
      if (c < a) {
        add(fmt::format("triangular: MAX must be >= MIN (got MIN {} s, MAX {} s)", a, c));
      } else if (b < a || b > c) {
        add(fmt::format("triangular: MODE must lie in [MIN, MAX] = [{}, {}] s (got {} s)", a, c, b));
      }
      break;
    case Kind::kLognormal:
      if (!(a > 0.0) || !std::isfinite(a))
        add(fmt::format("lognormal: MEDIAN must be > 0 s (got {} s)", a));
      if (!(b >= 0.0) || !std::isfinite(b))
        add(fmt::format("lognormal: SIGMA must be >= 0 (got {})", b));
      break;
  }
  return out;
}

double DecisionDelay::Mean() const {
  switch (kind) {
    case Kind::kFixed: return a;
    case Kind::kTriangular: return (a + b + c) / 3.0;
    case Kind::kLognormal: return a * std::exp(0.5 * b * b);
  }
  return 0.0;
}

double DecisionDelay::Variance() const {
  switch (kind) {
    case Kind::kFixed: return 0.0;
    case Kind::kTriangular: return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
    case Kind::kLognormal: return std::expm1(b * b) * a * a * std::exp(b * b);
  }
  return 0.0;
}

double DecisionDelay::Draw(RandomStream& rng) const {
  switch (kind) {
    case Kind::kFixed: return a;
    case Kind::kTriangular: {
      const double u = rng.Uniform01();
      const double range = c - a;
      if (!(range > 0.0)) return a;  // all three equal
      const double f_mode = (b - a) / range;
      if (u < f_mode) return a + std::sqrt(u * range * (b - a));
      return c - std::sqrt((1.0 - u) * range * (c - b));
    }
    case Kind::kLognormal: return std::exp(std::log(a) + b * rng.StandardNormal());
  }
  return a;
}

Problems OperatorConfig::Validate() const {
  Problems out = decision_delay.Validate();
  if (!(wrong_call_probability >= 0.0 && wrong_call_probability <= 1.0))
    out.push_back({"wrong_call_probability", fmt::format("must be in [0, 1] (got {})", wrong_call_probability)});
  if (!(time_pressure_s > 0.0))
    out.push_back({"time_pressure", fmt::format("must be > 0 s (got {} s)", time_pressure_s)});
  return out;
}

OperatorCall DecideCall(const OperatorConfig& config, bool doctrine_engage, double time_to_cpa_s,
                        RandomStream& rng) {
  IADSIM_CHECK(!std::isnan(time_to_cpa_s), "DecideCall: time to CPA is NaN");
  OperatorCall call;
  call.delay_s = config.decision_delay.Draw(rng);
  const double u = rng.Uniform01();  // always drawn: fixed stream use
  const bool pressure = time_to_cpa_s >= 0.0 && time_to_cpa_s < config.time_pressure_s;
  call.wrong_call = pressure && u < config.wrong_call_probability;
  call.engage = call.wrong_call ? !doctrine_engage : doctrine_engage;
  return call;
}

}  // namespace iadsim
