#pragma once
// One event of a run's events.jsonl (docs/events.md) in a line of words, for the replays: the
// Tacview messages (acmi_writer.h) and the viewer's event list (viewer_events.h).
#include <string>

#include "iadsim/io/run_reader.h"

namespace iadsim {

// identity_changed:   "UNIT: track N FROM -> TO (EVIDENCE)"
// engagement_ordered: "UNIT: engagement E ordered on track N (IDENTITY, control C), R rounds"
// engagement_aborted: "UNIT: engagement E aborted: REASON"
// missile_detonated:  "detonated: REASON[, miss distance D.D m]"
// any other type:     "TYPE" followed by its scalar fields as "key=value" (t and
//                     type left out, in key order), so that no event is dropped or misread.
std::string EventSentence(const RunEvent& event);

}  // namespace iadsim
