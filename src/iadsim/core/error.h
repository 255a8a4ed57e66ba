#pragma once
// Error tiers (DESIGN.md, convention 6):
//  - IADSIM_CHECK: an always-on check of an invariant; a failure is a bug and aborts with a message.
//  - Problem / ScenarioError: bad input. A Problem names where (file:line:col and the key path) and
//    what is wrong; a ScenarioError carries every problem found, not only the first.
//  - OutputError: an output that could not be written once the work had begun (a full disk, an I/O
//    error): the file, the system's reason and what is left of the output; the command exits 1.
#include <stdexcept>
#include <string>
#include <vector>

namespace iadsim {

struct Problem {
  std::string path;     // key path in the scenario, e.g. "units[0].sensors[1].max_range"
  std::string message;  // what is wrong, with the offending value: "must be > 0 (got -5 km)"
  std::string file;     // filled by io/ when the source is known
  int line = 0;         // 1-based; 0 = unknown
  int column = 0;       // 1-based; 0 = unknown
  // "file:line:col: path: message" (parts that are unknown are left out).
  std::string ToString() const;
};

using Problems = std::vector<Problem>;

class ScenarioError final : public std::runtime_error {
 public:
  explicit ScenarioError(Problems problems);
  const Problems& problems() const { return problems_; }

 private:
  Problems problems_;
};

class OutputError final : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "FILE: cannot be written: REASON" with the system's reason for errno value `err` (0: unknown).
std::string CannotWrite(const std::string& file, int err);
// The same as bad input: an output that cannot be created (a missing directory, no permission).
Problem CannotCreate(const std::string& file, int err);

[[noreturn]] void CheckFailed(const char* expr, const char* file, int line, const std::string& msg);

}  // namespace iadsim

#define IADSIM_CHECK(cond, msg)                                       \
  do {                                                                \
    if (!(cond)) ::iadsim::CheckFailed(#cond, __FILE__, __LINE__, (msg)); \
  } while (0)
