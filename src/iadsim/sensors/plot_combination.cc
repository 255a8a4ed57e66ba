#include "iadsim/sensors/plot_combination.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

#include "iadsim/core/angle.h"

namespace iadsim {

double PlotCombinationGate() { return -2.0 * std::log(1.0 - kPlotCombinationProbability); }

void CombinePlots(std::vector<Detection>& detections, std::vector<IffReply>& replies) {
  constexpr double kTwoPi = 2.0 * std::numbers::pi;
  const double gate = PlotCombinationGate();
  // The detections by azimuth, and the widest azimuth sigma among them (the search window).
  std::vector<std::pair<double, int>> by_azimuth;
  by_azimuth.reserve(detections.size());
  double max_var_az = 0.0;
  for (std::size_t i = 0; i < detections.size(); ++i) {
    Detection& d = detections[i];
    d.mode3a_code.reset();
    by_azimuth.emplace_back(d.azimuth_rad, static_cast<int>(i));
    max_var_az = std::max(max_var_az, d.sigma_azimuth_rad * d.sigma_azimuth_rad);
  }
  std::sort(by_azimuth.begin(), by_azimuth.end());
  // Per detection: the code of its Mode 3/A replies so far; kNone, or kConflict for two codes.
  constexpr int kNone = -1, kConflict = -2;
  std::vector<int> code(detections.size(), kNone);
  for (IffReply& r : replies) {
    r.detection = -1;
    double best = std::numeric_limits<double>::infinity();
    const double var_r = r.sigma_range_m * r.sigma_range_m, var_a = r.sigma_azimuth_rad * r.sigma_azimuth_rad;
    auto scan = [&](double lo, double hi) {
      auto it = std::lower_bound(by_azimuth.begin(), by_azimuth.end(), std::pair<double, int>{lo, -1});
      for (; it != by_azimuth.end() && it->first <= hi; ++it) {
        const Detection& d = detections[static_cast<std::size_t>(it->second)];
        const double dr = r.range_m - d.range_m, da = WrapPi(r.azimuth_rad - d.azimuth_rad);
        const double d2 = dr * dr / (var_r + d.sigma_range_m * d.sigma_range_m) +
                          da * da / (var_a + d.sigma_azimuth_rad * d.sigma_azimuth_rad);
        if (d2 <= gate && (d2 < best || (d2 == best && it->second < r.detection))) {
          best = d2;
          r.detection = it->second;
        }
      }
    };
    // Inside the gate |da| <= sqrt(gate (var_a + the widest detection variance)).
    const double w = std::sqrt(gate * (var_a + max_var_az));
    const double a = r.azimuth_rad;
    if (w >= std::numbers::pi) {
      scan(-1.0, 2.0 * kTwoPi);
    } else {
      scan(std::max(0.0, a - w), std::min(kTwoPi, a + w));
      if (a - w < 0.0) scan(a - w + kTwoPi, kTwoPi);
      if (a + w > kTwoPi) scan(0.0, a + w - kTwoPi);
    }
    if (r.detection < 0 || (r.mode != IffMode::kMode3A && r.mode != IffMode::kModeS)) continue;
    int& c = code[static_cast<std::size_t>(r.detection)];
    if (c == kNone) c = r.code;
    else if (c != r.code) c = kConflict;
  }
  for (std::size_t i = 0; i < detections.size(); ++i)
    if (code[i] >= 0) detections[i].mode3a_code = static_cast<std::uint16_t>(code[i]);
}

}  // namespace iadsim
