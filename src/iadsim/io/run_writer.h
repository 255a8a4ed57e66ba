#pragma once
// Writes a run directory: events.jsonl (one JSON object per line, time-ordered), truth.csv,
// tracks.csv while the run goes, and summary.json last and atomically (written to a temporary
// name, then renamed), so that a directory without summary.json is visibly incomplete.
// An existing run directory is refused unless `force`; with force, the old summary.json is
// removed before anything else is written.
#include <filesystem>
#include <fstream>
#include <string>

#include "iadsim/sim/recorder.h"
#include "iadsim/sim/run_summary.h"

namespace iadsim {

class RunWriter final : public Recorder {
 public:
  // Throws ScenarioError (bad input, exit 2) when the directory exists without `force` or a file
  // cannot be created, and OutputError (core/error.h) from any write that fails afterwards: the run
  // stops there.
  RunWriter(const std::filesystem::path& dir, bool force);
  void OnEvent(const Event& event) override;
  void OnTruth(const TruthSample& s) override;
  void OnTrack(const TrackSample& s) override;
  void Finish(const RunSummary& summary);

 private:
  std::filesystem::path dir_;
  std::ofstream events_, truth_, tracks_;
  std::string line_;  // the CSV line being written (kept: no allocation per line)
  void Check(const std::ofstream& out, const char* name) const;
};

std::string SummaryJson(const RunSummary& summary);

}  // namespace iadsim
