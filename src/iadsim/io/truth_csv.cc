#include "iadsim/io/truth_csv.h"

namespace iadsim {

StateTable ReadTruthCsv(const std::string& path) { return ReadStateCsvFile(path, kTruthIdColumn); }
StateTable ParseTruthCsv(std::string_view text, const std::string& name) {
  return ParseStateCsv(text, name, kTruthIdColumn);
}

}  // namespace iadsim
