#include "iadsim/sim/radar_site.h"

#include "iadsim/sim/command_post_node.h"

#include <algorithm>
#include <cmath>

namespace iadsim {

RadarSite::RadarSite(RunContext& ctx, SurveillanceRadar radar, CommandPostNode* command_post, const std::string& unit,
                     const EmissionControl& emission)
    : ctx_(ctx), radar_(std::move(radar)), command_post_(command_post), emission_(emission) {
  id_ = ctx_.engine.Add(this);
  const RadarConfig& c = radar_.config();
  Emitter e;
  e.name = unit;
  e.unit = unit;
  e.kind = EmitterKind::kSearch;
  e.position = c.position;
  e.p_ecef = EcefFromGeodetic(c.position);
  e.frequency_hz = c.radar.frequency_hz;
  e.erp_w = c.radar.peak_power_w * std::pow(10.0, c.radar.gain_db / 10.0);
  e.sidelobe_db = c.sidelobe_level_db;
  e.beamwidth_rad = c.azimuth_beamwidth_rad;
  e.radiating = true;
  emitter_ = ctx_.world.AddEmitter(std::move(e));
}

void RadarSite::Start() { ctx_.engine.WakeAt(SimTime() + radar_.sector_duration(), Phase::kSense, id_); }

void RadarSite::Wake(SimTime now, Phase, Engine& engine) {
  Emitter& emitter = ctx_.world.emitter(emitter_);
  if (emitter.destroyed) return;  // no more sweeps
  if (emission_.blink) {
    emitter.radiating = std::fmod(now.seconds(), emission_.on_s + emission_.off_s) < emission_.on_s;
    if (!emitter.radiating) {
      ++sweep_;
      engine.WakeAt(now + radar_.sector_duration(), Phase::kSense, id_);
      return;
    }
  }
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
    ctx_.Emit(batch.detections[i].time, "detections_merged", [&](Event& e) {
      std::string hidden;
      for (std::size_t k = 1; k < sources.size(); ++k) hidden += (k > 1 ? ";" : "") + ctx_.world.Get(sources[k]).name;
      e.With("radar", radar)
          .With("range_m", batch.detections[i].range_m)
          .With("truth_entity", std::int64_t{sources.front().value()})
          .With("strongest", ctx_.world.Get(sources.front()).name)
          .With("hidden", hidden);
    });
  }
  const Duration episode_gap = Duration::Seconds(1.5 * radar_.config().scan_period_s);
  if (garbled_.size() >= garbled_erase_at_) {
    std::erase_if(garbled_, [&](const auto& kv) { return batch.end - kv.second > episode_gap; });
    garbled_erase_at_ = std::max<std::size_t>(1024, 2 * garbled_.size());
  }
  for (const auto& [a, b] : truth_.iff_garbled) {
    const std::uint64_t lo = std::min(a.value(), b.value()), hi = std::max(a.value(), b.value());
    auto [it, added] = garbled_.try_emplace((lo << 32) | hi, batch.end);
    const bool new_episode = added || batch.end - it->second > episode_gap;
    it->second = batch.end;
    if (new_episode)
      ctx_.Emit(batch.end, "iff_garbled", [&](Event& e) {
        e.With("radar", radar).With("aircraft", ctx_.world.Get(a).name + ";" + ctx_.world.Get(b).name);
      });
  }
  command_post_->Deliver(std::move(batch), std::move(iff));
  ++sweep_;
  engine.WakeAt(now + radar_.sector_duration(), Phase::kSense, id_);
}

}  // namespace iadsim
