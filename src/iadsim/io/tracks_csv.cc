#include "iadsim/io/tracks_csv.h"

namespace iadsim {

StateTable ReadTracksCsv(const std::string& path) { return ReadStateCsvFile(path, kTrackIdColumn); }
StateTable ParseTracksCsv(std::string_view text, const std::string& name) {
  return ParseStateCsv(text, name, kTrackIdColumn);
}

}  // namespace iadsim
