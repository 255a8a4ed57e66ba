#include "iadsim/core/error.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace iadsim {

std::string Problem::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += fmt::format(":{}:{}", line, column);
    out += ": ";
  }
  if (!path.empty()) out += path + ": ";
  return out + message;
}

namespace {
std::string Join(const Problems& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += '\n';
    out += p.ToString();
  }
  return out;
}
}  // namespace

ScenarioError::ScenarioError(Problems problems)
    : std::runtime_error(Join(problems)), problems_(std::move(problems)) {}

std::string CannotWrite(const std::string& file, int err) {
  return fmt::format("{}: cannot be written: {}", file, err != 0 ? std::strerror(err) : "the write failed");
}

Problem CannotCreate(const std::string& file, int err) {
  Problem p;
  p.file = file;
  p.message = fmt::format("cannot be written: {}", err != 0 ? std::strerror(err) : "it could not be created");
  return p;
}

void CheckFailed(const char* expr, const char* file, int line, const std::string& msg) {
  std::fprintf(stderr, "iadsim: internal check failed at %s:%d: %s: %s\n", file, line, expr, msg.c_str());
  std::abort();
}

}  // namespace iadsim
