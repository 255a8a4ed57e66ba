#pragma once
// The event list of the replay viewer (`iadsim view`, web/): every event of events.jsonl in file
// order as {"t": seconds after the start, "time": ISO 8601 UTC, "type", "text": a sentence
// (event_sentence.h, with names where the run knows them), "entity": the id of the CZML packet
// (czml_writer.h) the event is about, or null}. The entity is the unit's track ("track-UNIT-N")
// when that track is in tracks.csv, else the aircraft or missile ("entity-N"): what the defence
// believed first, what was true otherwise.
#include <nlohmann/json.hpp>

#include "iadsim/io/run_reader.h"

namespace iadsim {

nlohmann::ordered_json ViewerEvents(const RunData& run, const Replay& replay);

}  // namespace iadsim
