#pragma once
// The scores of a tracker's output over a whole run (what `iadsim score` prints): GOSPA and OSPA
// at every frame (tracking/gospa.h, tracking/ospa.h) averaged over the frames, and the SIAP
// measures (tracking/siap.h).
//   mean GOSPA  = (1/K) sum_k d_k                      (m)
//   RMS GOSPA   = ((1/K) sum_k d_k^p)^(1/p)             (m)
//   its parts   = ((1/K) sum_k part_k)^(1/p) for part = localisation, missed, false (alpha = 2),
//                 so that RMS^p = localisation^p + missed^p + false^p
//   mean OSPA   = (1/K) sum_k OSPA_k                   (m)
// K = number of frames (tracking/scoring_frame.h); a frame with neither truths nor tracks scores 0.
#include <cstdint>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/tracking/gospa.h"
#include "iadsim/tracking/scoring_frame.h"
#include "iadsim/tracking/siap.h"

namespace iadsim {

struct TrackScoreConfig {
  GospaConfig gospa;                         // c (m), p, alpha; OSPA uses the same c and p
  SiapConfig siap;                           // association threshold (m)
  // Every problem with the fields above: "c: must be > 0 (got -1)" with path = the field name.
  std::vector<Problem> Validate() const;
};

struct TrackScore {
  std::int64_t frames = 0;
  double first_time_s = 0.0, last_time_s = 0.0;
  double gospa_mean_m = 0.0;
  double gospa_rms_m = 0.0;
  bool decomposed = false;           // alpha == 2
  double gospa_localisation_m = 0.0;
  double gospa_missed_m = 0.0;
  double gospa_false_m = 0.0;
  double mean_missed = 0.0;          // true objects missed per frame
  double mean_false = 0.0;           // false tracks per frame
  double ospa_mean_m = 0.0;
  SiapResult siap;
};

// The config must be valid (checked: a violation aborts).
TrackScore ScoreTracks(const std::vector<ScoringFrame>& frames, const TrackScoreConfig& config);

}  // namespace iadsim
