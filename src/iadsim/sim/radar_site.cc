#include "iadsim/sim/radar_site.h"

#include "iadsim/sim/command_post_node.h"

namespace iadsim {

RadarSite::RadarSite(RunContext& ctx, SurveillanceRadar radar, CommandPostNode* command_post)
    : ctx_(ctx), radar_(std::move(radar)), command_post_(command_post) {
  id_ = ctx_.engine.Add(this);
}

void RadarSite::Start() { ctx_.engine.WakeAt(SimTime() + radar_.sector_duration(), Phase::kSense, id_); }

void RadarSite::Wake(SimTime now, Phase, Engine& engine) {
  const int sectors = radar_.config().sectors;
  const std::uint64_t revolution = sweep_ / sectors;
  const int sector = static_cast<int>(sweep_ % sectors);
  const SimTime revolution_start = now - radar_.sector_duration() * (sector + 1);
  DetectionBatch batch;
  IffSweep iff;
  radar_.Sweep(ctx_.world, revolution_start, revolution, sector, &batch, &iff, &detected_);
  first_detection_.resize(ctx_.world.entities().size(), SimTime::Max());
  for (std::size_t i = 0; i < detected_.size(); ++i) {
    SimTime& first = first_detection_[detected_[i].value() - 1];
    first = std::min(first, batch.detections[i].time);
  }
  command_post_->Deliver(std::move(batch), std::move(iff));
  ++sweep_;
  engine.WakeAt(now + radar_.sector_duration(), Phase::kSense, id_);
}

}  // namespace iadsim
