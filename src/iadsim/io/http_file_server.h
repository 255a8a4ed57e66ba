#pragma once
// A small HTTP/1.1 server for viewing a run in a local browser (`iadsim view`): GET and HEAD of
// in-memory documents and of files under mounted directories. It listens on 127.0.0.1 only (no
// other address can be named), serves one thread of asynchronous connections with keep-alive,
// and never serves a path outside a mounted directory: targets with "..", backslashes,
// percent-encoded bytes other than %20 or a NUL are refused with 400, anything else not found is
// 404, methods other than GET/HEAD are 405.
//
// Protocol: RFC 9112 (HTTP/1.1 message syntax) through Boost.Beast; media types of RFC 6838 /
// the WHATWG MIME sniffing table for the extensions a Cesium build uses.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iadsim {

struct HttpReply {
  int status = 200;  // 200, 400, 404, 405
  std::string content_type;
  std::string body;
};

// Media type of a file name by its extension ("application/octet-stream" when unknown).
std::string MediaTypeOf(const std::filesystem::path& file);

// What the server answers; pure (reads files, no sockets), so it can be checked on its own.
class HttpContent {
 public:
  // url_path starts with '/', e.g. "/run/replay.czml".
  void AddDocument(std::string url_path, std::string content_type, std::string body);
  // url_prefix starts and ends with '/', e.g. "/cesium/"; "/" mounts the root; a target ending in
  // '/' means its "index.html". Documents come first, then the mounts, the longest prefix first
  // (a file missing there is looked for under the shorter ones).
  void Mount(std::string url_prefix, std::filesystem::path dir);
  HttpReply Get(std::string_view target) const;

 private:
  std::map<std::string, HttpReply, std::less<>> documents_;
  std::vector<std::pair<std::string, std::filesystem::path>> mounts_;
};

// Binds 127.0.0.1:port (0: a free port chosen by the system). Throws std::system_error when the
// port cannot be bound (e.g. in use).
class HttpFileServer {
 public:
  HttpFileServer(HttpContent content, std::uint16_t port);
  ~HttpFileServer();
  HttpFileServer(const HttpFileServer&) = delete;
  HttpFileServer& operator=(const HttpFileServer&) = delete;

  std::uint16_t port() const;
  // Serves until Stop() (from any thread) or, when stop_on_signal, SIGINT/SIGTERM.
  void Serve(bool stop_on_signal = false);
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iadsim
