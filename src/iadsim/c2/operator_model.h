#pragma once
// The operator between doctrine and the launch button: a decision delay and, under time pressure,
// a chance of the wrong call (engaging what doctrine would hold, or holding what it would engage).
//
// Decision delay T (seconds), one of
//   fixed       T = a                                     mean a,            var 0
//   triangular  min a, mode b, max c, by inverse CDF:     mean (a+b+c)/3,    var (a²+b²+c²-ab-ac-bc)/18
//               u < F_b = (b-a)/(c-a):  T = a + sqrt(u (c-a)(b-a))
//               otherwise:              T = c - sqrt((1-u)(c-a)(c-b))
//   lognormal   median a (= e^mu), sigma b:  T = exp(ln a + b z), z ~ N(0, 1)
//                                          mean a e^{b²/2},   var (e^{b²}-1) a² e^{b²}
// The call: doctrine says engage or hold; the threat is time_to_cpa_s from its closest point of
// approach. Under pressure (0 <= time_to_cpa_s < time_pressure_s) the operator makes the opposite
// call with probability p; otherwise the call is doctrine's. Infinite or negative time to CPA
// (opening, or no threat) is no pressure.
// Stream use (fixed, so that a change of pressure or p does not shift later draws): the delay first
// (fixed: none; triangular: one Uniform01; lognormal: one StandardNormal), then ONE Uniform01 for the
// wrong call, drawn whether or not the operator is under pressure.
// Sources: distributions, Evans, Hastings & Peacock, Statistical Distributions, 3rd ed. (2000),
// ch. 40 (triangular) and ch. 26 (lognormal). Human-error framing: Swain & Guttmann, Handbook of
// Human Reliability Analysis (NUREG/CR-1278, 1983): error probability rising under high stress and
// little time. The figures (delays, p, pressure threshold) are notional scenario settings; no public
// source gives S-200 or Patriot crew decision times or error rates [U].
#include "iadsim/core/error.h"
#include "iadsim/core/rng.h"

namespace iadsim {

struct DecisionDelay {  // seconds
  enum class Kind { kFixed, kTriangular, kLognormal };
  Kind kind = Kind::kFixed;
  double a = 0.0;  // fixed: the delay, >= 0; triangular: min, >= 0; lognormal: median, > 0
  double b = 0.0;  // triangular: mode, in [a, c]; lognormal: sigma of ln T, >= 0
  double c = 0.0;  // triangular: max, >= a
  // Every problem, path "decision_delay" (negative support is an error).
  Problems Validate() const;
  double Mean() const;     // closed form, s
  double Variance() const; // closed form, s²
  double Draw(RandomStream& rng) const;
};

struct OperatorConfig {
  DecisionDelay decision_delay;        // default: fixed 0 s
  double wrong_call_probability = 0.0; // probability of the opposite call under pressure, [0, 1]
  double time_pressure_s = 60.0;       // wrong calls only when time to CPA < this, s, > 0
  // Every problem: decision_delay, wrong_call_probability, time_pressure.
  Problems Validate() const;
};

struct OperatorCall {
  bool engage = false;      // the call the operator makes
  bool wrong_call = false;  // the call is the opposite of doctrine's
  double delay_s = 0.0;     // the drawn decision delay
};

// The operator's call on doctrine's `doctrine_engage` with the threat `time_to_cpa_s` from its CPA
// (must not be NaN). The config must be valid.
OperatorCall DecideCall(const OperatorConfig& config, bool doctrine_engage, double time_to_cpa_s,
                        RandomStream& rng);

}  // namespace iadsim
