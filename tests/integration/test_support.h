#pragma once
// Helpers for the integration tests: run the iadsim command, read files.
#include <filesystem>
#include <string>

namespace iadsim::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

CommandResult RunIadsim(const std::string& args);
std::string ReadFile(const std::filesystem::path& p);
std::filesystem::path FreshDir(const std::string& name);  // empty temporary directory path (not created)
std::string SourcePath(const std::string& relative);

}  // namespace iadsim::test
