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
  radar_.Sweep(ctx_.world, revolution_start, revolution, sector, &batch, &iff, &truth_);
  first_detection_.resize(ctx_.world.entities().size(), SimTime::Max());
  const std::string& radar = radar_.config().name;
  for (std::size_t i = 0; i < truth_.sources.size(); ++i) {
    const auto& sources = truth_.sources[i];
    for (EntityId e : sources) {
      SimTime& first = first_detection_[e.value() - 1];
      first = std::min(first, batch.detections[i].time);
    }
    if (sources.size() < 2) continue;
    std::string hidden;
    for (std::size_t k = 1; k < sources.size(); ++k) hidden += (k > 1 ? ";" : "") + ctx_.world.Get(sources[k]).name;
    ctx_.Emit(Event{batch.detections[i].time, "detections_merged"}
                  .With("radar", radar)
                  .With("range_m", batch.detections[i].range_m)
                  .With("truth_entity", std::int64_t{sources.front().value()})
                  .With("strongest", ctx_.world.Get(sources.front()).name)
                  .With("hidden", hidden));
  }
  for (const auto& [a, b] : truth_.iff_garbled)
    ctx_.Emit(Event{batch.end, "iff_garbled"}
                  .With("radar", radar)
                  .With("aircraft", ctx_.world.Get(a).name + ";" + ctx_.world.Get(b).name));
  command_post_->Deliver(std::move(batch), std::move(iff));
  ++sweep_;
  engine.WakeAt(now + radar_.sector_duration(), Phase::kSense, id_);
}

}  // namespace iadsim
