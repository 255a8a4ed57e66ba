#pragma once
// The engine's component for a rotating surveillance radar (and its IFF): it sweeps one sector
// per wake-up, at the sector's end, and delivers the detection batch and the IFF sweep to its
// command post. Cost: one wake-up per sector, whatever happens in the sky.
// After-action events (truth, never seen by perception): `detections_merged` when one detection
// stands for several aircraft in one resolution cell; `iff_garbled` when the replies of two
// aircraft begin to overlap, once per episode: a pair that overlaps again within 1.5 scan periods
// of its last overlap (at every scan while two aircraft fly in close trail) is not logged again.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "iadsim/sensors/surveillance_radar.h"
#include "iadsim/sim/run_context.h"
#include "iadsim/sim/strike_spec.h"

namespace iadsim {

class CommandPostNode;

class RadarSite final : public Component {
 public:
  // Registers the radar as the world's emitter named `unit` (world/emitter.h); it radiates
  // always, or blinks under `emission` (on, off, on, ... from the start), and sweeps only while
  // radiating. An emitter destroyed (by an anti-radiation missile) sweeps no more.
  RadarSite(RunContext& ctx, SurveillanceRadar radar, CommandPostNode* command_post, const std::string& unit,
            const EmissionControl& emission);
  void Start();  // schedules the first sector
  void Wake(SimTime now, Phase phase, Engine& engine) override;
  // After-action: first time each entity was detected (indexed by entity id - 1; Max() = never).
  const std::vector<SimTime>& first_detection() const { return first_detection_; }

 private:
  RunContext& ctx_;
  SurveillanceRadar radar_;
  CommandPostNode* command_post_;
  ComponentId id_ = 0;
  std::uint64_t sweep_ = 0;  // sectors swept so far
  std::vector<SimTime> first_detection_;
  SweepTruth truth_;
  // Pairs garbled in the current episodes: (lower entity id << 32 | higher) -> last sweep's end.
  // An entry older than the episode gap counts as absent; such entries are erased (to bound the
  // table) when it has grown to twice its size after the last erasure, not at every sweep.
  std::unordered_map<std::uint64_t, SimTime> garbled_;
  std::size_t garbled_erase_at_ = 1024;
  EmissionControl emission_;
  std::size_t emitter_ = 0;
};

}  // namespace iadsim
