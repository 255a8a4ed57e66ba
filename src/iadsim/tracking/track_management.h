#pragma once
// Track management: confirmation and deletion of tracks, by M-of-N or by the track score.
//
// Track score (Blackman & Popoli, Design and Analysis of Modern Tracking Systems, Artech House
// 1999, sec. 6.2; Sittler, IEEE Trans. Military Electronics 8, 1964): the log-likelihood ratio
// L = ln(P(data | true target) / P(data | false alarms)), summed over scans:
//   start:  L0 = ln(beta_NT / beta_FT)   beta_NT new-target density, beta_FT = lambda clutter
//                                         density (both per unit measurement volume per scan)
//   hit:    dL = ln(Pd / ((2 pi)^(M/2) sqrt|S| lambda)) - d^2 / 2      (M = dim z)
//   miss:   dL = ln(1 - Pd Pg)           (Pg: gate probability)
// Thresholds from Wald's sequential probability ratio test (Wald, Sequential Analysis, 1947) with
// alpha = P(confirming a false track), beta = P(deleting a true track):
//   confirm when L >= T_c = ln((1 - beta) / alpha)
//   delete  when L <= T_d = ln(beta / (1 - alpha))   (tentative tracks; a confirmed track is
//           deleted when its score falls |T_d| below its own peak, Blackman & Popoli 6.2.3)
// Track quality: the probability that the track is true, P_T = e^L / (1 + e^L) (ibid. 6.2.2).
//
// M-of-N (Blackman & Popoli 6.3): a tentative track is confirmed when it has at least M hits in
// its first N scans (the starting detection counts as one); it is deleted as soon as M can no
// longer be reached.
// Either logic: any track is deleted after delete_misses consecutive misses.
// Densities are per m^2 (2-D) or m^3 (3-D Cartesian measurements) per scan.
#include <cstdint>

#include "iadsim/core/error.h"

namespace iadsim {

double SprtConfirmThreshold(double alpha, double beta);  // ln((1 - beta) / alpha)
double SprtDeleteThreshold(double alpha, double beta);   // ln(beta / (1 - alpha))
// The score increment of a detection with normalised distance d2 and ln|S| of dimension dim.
double HitScoreIncrement(double pd, double clutter_density, double d2, double log_det_S, int dim);
double MissScoreIncrement(double pd, double gate_probability);  // ln(1 - Pd Pg)
double TrackQuality(double score);                              // e^L / (1 + e^L)

enum class ConfirmLogic { kMofN, kScore };

struct TrackManagementConfig {
  ConfirmLogic logic = ConfirmLogic::kMofN;
  int confirm_m = 2;          // hits, 1 <= M <= N
  int confirm_n = 3;          // scans, 1 <= N <= 32
  int delete_misses = 3;      // consecutive misses that delete a track, >= 1
  double alpha = 1e-3;        // false-track confirmation probability, (0, 0.5)
  double beta = 0.1;          // true-track deletion probability, (0, 0.5)
  double new_target_density = 1e-9;  // beta_NT per m^dim per scan, > 0 (score logic)
  Problems Validate() const;
};

// The lifecycle of one track. Compact (40 bytes): the rules it needs are copied in, with the
// SPRT thresholds computed once, and Hit/Miss are inline (they run for every track at every scan).
class TrackLifecycle final {
 public:
  TrackLifecycle(const TrackManagementConfig& config, double clutter_density);
  void Hit(double score_increment) {
    ++scans_;
    ++hits_;
    misses_in_row_ = 0;
    score_ += score_increment;
    Decide();
  }
  void Miss(double score_increment) {
    ++scans_;
    ++misses_in_row_;
    score_ += score_increment;
    Decide();
  }
  bool confirmed() const { return confirmed_; }
  bool deleted() const { return deleted_; }
  double score() const { return score_; }
  double quality() const { return TrackQuality(score_); }
  int scans() const { return scans_; }
  int consecutive_misses() const { return misses_in_row_; }

 private:
  void Decide() {
    if (deleted_) return;
    if (misses_in_row_ >= delete_misses_) {
      deleted_ = true;
      return;
    }
    if (!score_logic_) {
      if (!confirmed_) {
        if (hits_ >= confirm_m_ && scans_ <= confirm_n_) confirmed_ = true;
        else if (hits_ + (confirm_n_ - scans_) < confirm_m_) deleted_ = true;
      }
      return;
    }
    DecideByScore();
  }
  void DecideByScore();
  double score_ = 0.0, peak_ = 0.0;
  double t_confirm_ = 0.0, t_delete_ = 0.0;  // SprtConfirmThreshold, SprtDeleteThreshold
  int scans_ = 1, hits_ = 1, misses_in_row_ = 0;
  int delete_misses_ = 1;
  std::int8_t confirm_m_ = 1, confirm_n_ = 1;  // (both in [1, 32])
  bool score_logic_ = false, confirmed_ = false, deleted_ = false;
};

}  // namespace iadsim
