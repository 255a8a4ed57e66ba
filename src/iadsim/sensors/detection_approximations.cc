#include "iadsim/sensors/detection_approximations.h"

#include <cmath>
#include <string>

#include "iadsim/core/error.h"
#include "iadsim/sensors/pulse_integration.h"

namespace iadsim {
namespace {

double FromDb(double db) { return std::pow(10.0, db / 10.0); }

}  // namespace

bool AlbersheimApplies(double pd, double pfa, int pulses) {
  return pd >= 0.1 && pd <= 0.9 && pfa >= 1e-7 && pfa <= 1e-3 && pulses >= 1 && pulses <= 8096;
}

bool ShnidmanApplies(double pd, double pfa, int pulses) {
  return pd >= 0.1 && pd <= 0.99 && pfa >= 1e-9 && pfa <= 1e-3 && pulses >= 1 && pulses <= 100;
}

double AlbersheimRequiredSnr(double pd, double pfa, int pulses) {
  IADSIM_CHECK(AlbersheimApplies(pd, pfa, pulses),
               "Albersheim: outside 0.1 <= pd <= 0.9, 1e-7 <= pfa <= 1e-3, 1 <= N <= 8096");
  const double a = std::log(0.62 / pfa);
  const double b = std::log(pd / (1.0 - pd));
  const double n = pulses;
  const double snr_db = -5.0 * std::log10(n) +
                        (6.2 + 4.54 / std::sqrt(n + 0.44)) * std::log10(a + 0.12 * a * b + 1.7 * b);
  return FromDb(snr_db);
}

double ShnidmanRequiredSnr(Swerling model, double pd, double pfa, int pulses) {
  IADSIM_CHECK(ShnidmanApplies(pd, pfa, pulses),
               "Shnidman: outside 0.1 <= pd <= 0.99, 1e-9 <= pfa <= 1e-3, 1 <= N <= 100");
  const double n = pulses;
  const double alpha = pulses < 40 ? 0.0 : 0.25;
  const double sign = pd > 0.5 ? 1.0 : (pd < 0.5 ? -1.0 : 0.0);
  const double eta = std::sqrt(-0.8 * std::log(4.0 * pfa * (1.0 - pfa))) +
                     sign * std::sqrt(-0.8 * std::log(4.0 * pd * (1.0 - pd)));
  const double x_inf = eta * (eta + 2.0 * std::sqrt(0.5 * n + alpha - 0.25));
  double c_db = 0.0;  // Swerling 0: K = ∞
  if (model != Swerling::k0) {
    double k = 0.0;
    switch (model) {
      case Swerling::k1: k = 1.0; break;
      case Swerling::k2: k = n; break;
      case Swerling::k3: k = 2.0; break;
      case Swerling::k4: k = 2.0 * n; break;
      case Swerling::k0: break;
    }
    const double c1 = (((17.7006 * pd - 18.4496) * pd + 14.5339) * pd - 3.525) / k;
    const double c2 = (std::exp(27.31 * pd - 25.14) +
                       (pd - 0.8) * (0.7 * std::log(1e-5 / pfa) + (2.0 * n - 20.0) / 80.0)) / k;
    c_db = pd <= 0.872 ? c1 : c1 + c2;
  }
  return FromDb(c_db) * x_inf / n;
}

double RequiredSnr(Swerling model, double pd, double pfa, int pulses, DetectionMethod method) {
  switch (method) {
    case DetectionMethod::kExact:
      return NoncoherentRequiredSnr(model, pd, pfa, pulses);
    case DetectionMethod::kShnidman:
      return ShnidmanRequiredSnr(model, pd, pfa, pulses);
    case DetectionMethod::kAlbersheim:
      IADSIM_CHECK(model == Swerling::k0, "Albersheim: Swerling 0 (steady target) only");
      return AlbersheimRequiredSnr(pd, pfa, pulses);
  }
  IADSIM_CHECK(false, "RequiredSnr: unknown method " + std::to_string(static_cast<int>(method)));
  return 0.0;
}

}  // namespace iadsim
