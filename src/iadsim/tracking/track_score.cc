#include "iadsim/tracking/track_score.h"

#include <fmt/format.h>

#include <cmath>

#include "iadsim/core/error.h"
#include "iadsim/tracking/ospa.h"

namespace iadsim {

std::vector<Problem> TrackScoreConfig::Validate() const {
  std::vector<Problem> out;
  if (!(gospa.c_m > 0.0) || !std::isfinite(gospa.c_m))
    out.push_back({"c", fmt::format("must be a finite number > 0 m (got {})", gospa.c_m)});
  if (!(gospa.p >= 1.0) || !std::isfinite(gospa.p))
    out.push_back({"p", fmt::format("must be a finite number >= 1 (got {})", gospa.p)});
  // GOSPA sums distances to the power p, each at most c^p: beyond 1e250 the sums overflow (c = 500 m
  // with p = 200 gave NaN), below 1e-250 they underflow.
  if (out.empty() && !(std::abs(gospa.p * std::log10(gospa.c_m)) <= 250.0))
    out.push_back({"p", fmt::format("with c = {} m, c^p = 10^{:.1f} is beyond what the sums of GOSPA hold (10^±250): "
                                    "lower p (or c)", gospa.c_m, gospa.p * std::log10(gospa.c_m))});
  if (!(gospa.alpha > 0.0 && gospa.alpha <= 2.0))
    out.push_back({"alpha", fmt::format("must be in (0, 2] (got {})", gospa.alpha)});
  if (!(siap.association_threshold_m > 0.0) || !std::isfinite(siap.association_threshold_m))
    out.push_back({"siap-threshold", fmt::format("must be a finite number > 0 m (got {})", siap.association_threshold_m)});
  return out;
}

TrackScore ScoreTracks(const std::vector<ScoringFrame>& frames, const TrackScoreConfig& config) {
  IADSIM_CHECK(config.Validate().empty(), "invalid scoring config");
  TrackScore s;
  s.frames = static_cast<std::int64_t>(frames.size());
  s.decomposed = config.gospa.alpha == 2.0;
  s.siap = ComputeSiap(frames, config.siap);
  if (frames.empty()) return s;
  s.first_time_s = frames.front().time_s;
  s.last_time_s = frames.back().time_s;
  const double p = config.gospa.p;
  double sum = 0.0, sum_p = 0.0, loc = 0.0, missed = 0.0, fals = 0.0, n_missed = 0.0, n_false = 0.0, ospa = 0.0;
  for (const ScoringFrame& f : frames) {
    const auto x = Positions(f.truths);
    const auto y = Positions(f.tracks);
    const GospaResult g = Gospa(x, y, config.gospa);
    sum += g.distance_m;
    sum_p += std::pow(g.distance_m, p);
    loc += g.localisation_mp;
    missed += g.missed_mp;
    fals += g.false_mp;
    n_missed += g.missed;
    n_false += g.false_tracks;
    ospa += Ospa(x, y, config.gospa.c_m, p).distance_m;
  }
  const double k = static_cast<double>(frames.size());
  s.gospa_mean_m = sum / k;
  s.gospa_rms_m = std::pow(sum_p / k, 1.0 / p);
  if (s.decomposed) {
    s.gospa_localisation_m = std::pow(loc / k, 1.0 / p);
    s.gospa_missed_m = std::pow(missed / k, 1.0 / p);
    s.gospa_false_m = std::pow(fals / k, 1.0 / p);
  }
  s.mean_missed = n_missed / k;
  s.mean_false = n_false / k;
  s.ospa_mean_m = ospa / k;
  return s;
}

}  // namespace iadsim
