#pragma once
// Tacview ACMI 2.2 text export of a run (replay.txt.acmi): what happened, for the Tacview viewer.
//
// Format (Tacview "Technical Reference – ACMI flight recordings 2.2", tacview.net): UTF-8 text,
// header `FileType=text/acmi/tacview` and `FileVersion=2.2`; global properties on object 0
// (`0,ReferenceTime=2018-09-17T18:30:00Z`); frames `#t` (seconds after ReferenceTime, strictly
// increasing); object lines `hexid,Key=Value,...`; removal `-hexid`; events on object 0
// (`0,Event=Destroyed|hexid|`, `0,Event=Message|hexid|text`). In a value, a comma is escaped as
// `\,` and a newline as `\` + newline (the format's continuation line); a backslash is written `\\`
// (our choice, so that a name ending in a backslash cannot swallow the next comma).
//
// What is written (choices, not prescribed by the format):
//  - aircraft and missiles keep their run entity id (hex); ground objects use ids from 0x100000:
//    per unit its site (`Ground+AntiAircraft`, EngagementRange = envelope max range in m,
//    VerticalEngagementRange = max altitude; a unit without launchers is `Ground+Static+Building`),
//    its surveillance and engagement radars (`Ground+Static+Building`, RadarRange in m), its
//    launchers (`Ground+AntiAircraft`), then the defended assets (`Ground+Static+Building`);
//  - T=lon|lat|alt|roll|pitch|yaw in degrees and metres; yaw and pitch from the truth velocity
//    (heading clockwise from north), roll 0 (the movers do not model bank);
//  - Coalition = the scenario side; Color = Red (hostile), Blue (friendly, and the defence's own
//    units and missiles), Green (civil, neutral);
//  - a missile appears at its launch (at its launcher) with Parent = launcher and LockedTarget =
//    the aircraft its engagement was ordered on (when known), and is removed at its detonation
//    (with a Message giving the reason and miss distance);
//  - a destroyed aircraft: Event=Destroyed then removal; an aircraft that leaves the sky
//    (at_end: remove) is removed at the first truth sample time without it;
//  - identity changes and engagement orders are Messages on the aircraft concerned when it is in
//    the sky, else on the unit's site.
#include <string>

#include "iadsim/io/run_reader.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

// Escapes a property value: `,` -> `\,`, `\` -> `\\`, newline -> `\` newline; CR dropped.
std::string AcmiEscape(const std::string& value);

// The whole file, deterministic for a given run directory and scenario.
std::string AcmiText(const RunData& run, const Replay& replay, const Scenario& scenario);

// Reads run_dir, joins it with the scenario and writes run_dir/replay.txt.acmi; returns its path.
// Throws ScenarioError (incomplete or corrupt run, scenario not the run's).
std::filesystem::path WriteAcmiReplay(const std::filesystem::path& run_dir, const Scenario& scenario);

}  // namespace iadsim
