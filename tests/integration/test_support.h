#pragma once
// Helpers for the integration tests: run the iadsim command, read files.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace iadsim::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

CommandResult RunIadsim(const std::string& args);
std::string ReadFile(const std::filesystem::path& p);
std::filesystem::path FreshDir(const std::string& name);  // empty temporary directory path (not created)
std::string SourcePath(const std::string& relative);
// The first occurrence of `from` in `text` becomes `to` (a test failure if there is none).
void ReplaceFirst(std::string& text, const std::string& from, const std::string& to);
// Every line of DIR/events.jsonl, parsed.
std::vector<nlohmann::json> Events(const std::filesystem::path& dir);

}  // namespace iadsim::test
