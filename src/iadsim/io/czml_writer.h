#pragma once
// CZML export of a run (replay.czml) for Cesium: a JSON array of packets.
//
// Format: Cesium "CZML Guide" and "Packet" reference (github.com/AnalyticalGraphicsInc/czml-writer
// wiki). The first packet is the document (id "document", version "1.0", clock over the run).
// Then, in this order (choices, not prescribed by the format):
//  - "entity-N": every aircraft and missile of truth.csv; availability from its first to its last
//    sample (to its removal); position.epoch = scenario start, cartographicDegrees
//    [t, lon, lat, alt, ...] at every truth sample (the sampling of truth.csv: the scenario's
//    truth_interval, 1 s by default); point, label (name), path (trail: 120 s aircraft, 30 s
//    missiles). Colours: hostile red, friendly blue, civil/neutral green, the defence's missiles
//    white;
//  - "radar-UNIT" and "engagement-radar-UNIT": static position, ellipse of the instrumented range
//    (semi-axes = max range, m), translucent;
//  - "envelope-UNIT": the SAM engagement envelope, an extruded ellipse (radius = envelope max range,
//    height = min altitude, extrudedHeight = max altitude), translucent red;
//  - "asset-NAME": the defended assets (point + label);
//  - "track-UNIT-N": every confirmed track of tracks.csv, positions at its updates, point colour
//    by identity as time intervals: pending white, unknown yellow, friend/assumed-friend cyan,
//    neutral green, suspect orange, hostile red (other identities grey).
#include <array>
#include <filesystem>
#include <string>

#include "iadsim/io/run_reader.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

// RGBA colour (0-255) of a track identity, as written in the CZML.
std::array<int, 4> IdentityRgba(const std::string& identity);

// The whole document, as JSON text (deterministic).
std::string CzmlText(const RunData& run, const Replay& replay, const Scenario& scenario);

// Reads run_dir, writes run_dir/replay.czml, returns its path. Throws ScenarioError.
std::filesystem::path WriteCzmlReplay(const std::filesystem::path& run_dir, const Scenario& scenario);

}  // namespace iadsim
