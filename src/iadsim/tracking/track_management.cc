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
    : t_confirm_(SprtConfirmThreshold(config.alpha, config.beta)),
      t_delete_(SprtDeleteThreshold(config.alpha, config.beta)),
      delete_misses_(config.delete_misses),
      confirm_m_(static_cast<std::int8_t>(config.confirm_m)),
      confirm_n_(static_cast<std::int8_t>(config.confirm_n)),
      score_logic_(config.logic == ConfirmLogic::kScore) {
  score_ = peak_ = std::log(config.new_target_density / clutter_density);
  Decide();
}

void TrackLifecycle::DecideByScore() {
  if (!confirmed_) {
    if (score_ >= t_confirm_) {
      confirmed_ = true;
      peak_ = score_;
    } else if (score_ <= t_delete_) {
      deleted_ = true;
    }
    return;
  }
  peak_ = std::max(peak_, score_);
  if (score_ - peak_ <= t_delete_) deleted_ = true;
}

}  // namespace iadsim
