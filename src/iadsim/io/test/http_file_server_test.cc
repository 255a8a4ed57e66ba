// The viewer's HTTP server: what it answers (HttpContent, no sockets), and one round trip over a
// real socket read by a plain POSIX client (not Boost.Beast), byte for byte.
#include "iadsim/io/http_file_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <thread>

namespace iadsim {
namespace {

namespace fs = std::filesystem;

class HttpFileServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("iadsim-http-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "web" / "lib");
    fs::create_directories(root_ / "secret");
    Write(root_ / "web" / "index.html", "<html>index</html>");
    Write(root_ / "web" / "lib" / "a b.js", "let x = 1;");
    Write(root_ / "secret" / "key.txt", "do not serve");
    std::string binary;
    for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
    Write(root_ / "web" / "lib" / "bytes.png", binary);
    content_.Mount("/", root_ / "web");
    content_.AddDocument("/run/events.json", "application/json", "[1,2]");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

  fs::path root_;
  HttpContent content_;
};

TEST_F(HttpFileServerTest, ServesDocumentsAndMountedFilesWithTheirMediaTypes) {
  HttpReply r = content_.Get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<html>index</html>");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  r = content_.Get("/lib/a%20b.js?v=3#x");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "let x = 1;");
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  r = content_.Get("/run/events.json");
  EXPECT_EQ(r.body, "[1,2]");
  EXPECT_EQ(r.content_type, "application/json");
  r = content_.Get("/lib/bytes.png");
  ASSERT_EQ(r.body.size(), 256u);
  EXPECT_EQ(static_cast<unsigned char>(r.body[255]), 255);
  EXPECT_EQ(r.content_type, "image/png");
  EXPECT_EQ(MediaTypeOf("Cesium.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(MediaTypeOf("x.wasm"), "application/wasm");
  EXPECT_EQ(MediaTypeOf("x.unknown"), "application/octet-stream");
}

TEST_F(HttpFileServerTest, NeverLeavesItsMountsAndRefusesOddTargets) {
  EXPECT_EQ(content_.Get("/../secret/key.txt").status, 400);
  EXPECT_EQ(content_.Get("/lib/../../secret/key.txt").status, 400);
  EXPECT_EQ(content_.Get("/%2e%2e/secret/key.txt").status, 400);
  EXPECT_EQ(content_.Get("/lib\\..\\x").status, 400);
  EXPECT_EQ(content_.Get(std::string_view("/a\0b", 4)).status, 400);
  EXPECT_EQ(content_.Get("lib/a.js").status, 400);
  EXPECT_EQ(content_.Get("/missing.js").status, 404);
  EXPECT_EQ(content_.Get("/lib").status, 404);  // a directory is not a file
  // A longer mount wins over the root; "..." is a name, not a parent.
  content_.Mount("/lib/", root_ / "secret");
  EXPECT_EQ(content_.Get("/lib/key.txt").body, "do not serve");
  EXPECT_EQ(content_.Get("/...").status, 404);
}

// Sends raw bytes to 127.0.0.1:port, returns everything the server sent until it closed.
std::string Exchange(std::uint16_t port, const std::string& request) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in at{};
  at.sin_family = AF_INET;
  at.sin_port = htons(port);
  at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(s, reinterpret_cast<sockaddr*>(&at), sizeof at), 0);
  EXPECT_EQ(::send(s, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::recv(s, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  ::close(s);
  return out;
}

TEST_F(HttpFileServerTest, AnswersOverASocketByteForByte) {
  HttpFileServer server(content_, 0);
  const std::uint16_t port = server.port();
  ASSERT_GT(port, 0);
  std::thread serving([&] { server.Serve(); });

  const std::string get = Exchange(port, "GET /lib/bytes.png HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(get.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << get.substr(0, 80);
  EXPECT_NE(get.find("Content-Length: 256\r\n"), std::string::npos);
  EXPECT_NE(get.find("Content-Type: image/png\r\n"), std::string::npos);
  const std::size_t body = get.find("\r\n\r\n");
  ASSERT_NE(body, std::string::npos);
  EXPECT_EQ(get.size() - body - 4, 256u);
  EXPECT_EQ(static_cast<unsigned char>(get.back()), 255);

  const std::string head = Exchange(port, "HEAD /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(head.find("Content-Length: 18\r\n"), std::string::npos);
  EXPECT_EQ(head.size(), head.find("\r\n\r\n") + 4);  // no body
  EXPECT_EQ(Exchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").rfind("HTTP/1.1 405", 0), 0u);
  EXPECT_EQ(Exchange(port, "GET /../secret/key.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").rfind("HTTP/1.1 400", 0), 0u);
  // Two requests on one kept-alive connection, the second closing it.
  const std::string two = Exchange(port,
                                   "GET /run/events.json HTTP/1.1\r\nHost: x\r\n\r\n"
                                   "GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(two.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_NE(two.find("\r\n\r\n[1,2]HTTP/1.1 404 Not Found\r\n"), std::string::npos);

  server.Stop();
  serving.join();
}

TEST_F(HttpFileServerTest, APortInUseIsAnError) {
  HttpFileServer first(content_, 0);
  EXPECT_ANY_THROW(HttpFileServer(content_, first.port()));
}

}  // namespace
}  // namespace iadsim
