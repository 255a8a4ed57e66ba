#include "iadsim/tracking/track_management.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include <fmt/format.h>

namespace iadsim {

double SprtConfirmThreshold(double alpha, double beta) { return std::log((1.0 - beta) / alpha); }
double SprtDeleteThreshold(double alpha, double beta) { return std::log(beta / (1.0 - alpha)); }

double HitScoreIncrement(double pd, double clutter_density, double d2, double log_det_S, int dim) {
  return std::log(pd) - 0.5 * dim * std::log(2.0 * std::numbers::pi) - 0.5 * log_det_S -
         std::log(clutter_density) - 0.5 * d2;
}

double MissScoreIncrement(double pd, double gate_probability) {
  return std::log1p(-pd * gate_probability);
}

double TrackQuality(double score) {
  return score >= 0 ? 1.0 / (1.0 + std::exp(-score)) : std::exp(score) / (1.0 + std::exp(score));
}

Problems TrackManagementConfig::Validate() const {
  Problems p;
  const auto bad = [&](const char* key, const std::string& msg) { p.push_back({key, msg}); };
  if (!(confirm_n >= 1 && confirm_n <= 32)) bad("confirm_n", fmt::format("must be in [1, 32] (got {})", confirm_n));
  if (!(confirm_m >= 1 && confirm_m <= confirm_n))
    bad("confirm_m", fmt::format("must be in [1, confirm_n = {}] (got {})", confirm_n, confirm_m));
  if (!(delete_misses >= 1)) bad("delete_misses", fmt::format("must be >= 1 (got {})", delete_misses));
  if (!(alpha > 0 && alpha < 0.5)) bad("alpha", fmt::format("must be in (0, 0.5) (got {})", alpha));
  if (!(beta > 0 && beta < 0.5)) bad("beta", fmt::format("must be in (0, 0.5) (got {})", beta));
  if (!(new_target_density > 0 && std::isfinite(new_target_density)))
    bad("new_target_density", fmt::format("must be > 0 (got {})", new_target_density));
  return p;
}

TrackLifecycle::TrackLifecycle(const TrackManagementConfig& config, double clutter_density)
    : config_(config) {
  score_ = peak_ = std::log(config.new_target_density / clutter_density);
  Decide();
}

void TrackLifecycle::Hit(double score_increment) {
  ++scans_;
  ++hits_;
  misses_in_row_ = 0;
  score_ += score_increment;
  Decide();
}

void TrackLifecycle::Miss(double score_increment) {
  ++scans_;
  ++misses_in_row_;
  score_ += score_increment;
  Decide();
}

void TrackLifecycle::Decide() {
  if (deleted_) return;
  if (misses_in_row_ >= config_.delete_misses) {
    deleted_ = true;
    return;
  }
  if (config_.logic == ConfirmLogic::kMofN) {
    if (!confirmed_) {
      if (hits_ >= config_.confirm_m && scans_ <= config_.confirm_n) {
        confirmed_ = true;
      } else if (hits_ + (config_.confirm_n - scans_) < config_.confirm_m) {
        deleted_ = true;
      }
    }
    return;
  }
  const double t_delete = SprtDeleteThreshold(config_.alpha, config_.beta);
  if (!confirmed_) {
    if (score_ >= SprtConfirmThreshold(config_.alpha, config_.beta)) {
      confirmed_ = true;
      peak_ = score_;
    } else if (score_ <= t_delete) {
      deleted_ = true;
    }
    return;
  }
  peak_ = std::max(peak_, score_);
  if (score_ - peak_ <= t_delete) deleted_ = true;
}

}  // namespace iadsim
