// `iadsim view` refuses what it cannot show, with exit 2 and the file or address at fault, before
// it serves anything: an incomplete run directory, a missing scenario, a port already taken.
// (What it serves is checked in a browser: web/test/viewer_test.mjs.)
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace iadsim::test {
namespace {

TEST(View, RefusesAnIncompleteRunDirectory) {
  const auto dir = FreshDir("view-incomplete");
  ASSERT_EQ(RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --out " + dir.string()).exit_code, 0);
  std::filesystem::remove(dir / "summary.json");
  const auto r = RunIadsim("view " + dir.string() + " --port 0");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find((dir / "summary.json").string() + ": (run): is missing"), std::string::npos) << r.output;

  std::filesystem::remove(dir / "scenario.yaml");
  const auto s = RunIadsim("view " + dir.string() + " --port 0");
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.output.find((dir / "scenario.yaml").string() + ": (run): is missing"), std::string::npos) << s.output;
  EXPECT_NE(s.output.find("pass --scenario FILE"), std::string::npos) << s.output;
}

TEST(View, RefusesAPortInUse) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in at{};
  at.sin_family = AF_INET;
  at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&at), sizeof at), 0);
  ASSERT_EQ(::listen(s, 1), 0);
  socklen_t len = sizeof at;
  ASSERT_EQ(::getsockname(s, reinterpret_cast<sockaddr*>(&at), &len), 0);
  const int port = ntohs(at.sin_port);

  const auto dir = FreshDir("view-port");
  ASSERT_EQ(RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --out " + dir.string()).exit_code, 0);
  const auto r = RunIadsim("view " + dir.string() + " --port " + std::to_string(port));
  ::close(s);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("127.0.0.1:" + std::to_string(port) + ": (view): cannot listen there"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--port 0 for any free port"), std::string::npos);
}

}  // namespace
}  // namespace iadsim::test
