#include "iadsim/io/http_file_server.h"

#include <utility>  // before Boost.Asio 1.81, whose awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace iadsim {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

HttpReply Error(int status, std::string_view what) {
  return HttpReply{status, "text/plain; charset=utf-8", std::string(what) + "\n"};
}

// The path of a request target without query or fragment, %20 decoded; empty when refused.
std::string CleanPath(std::string_view target) {
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target.front() != '/') return {};
  std::string out;
  for (std::size_t i = 0; i < target.size(); ++i) {
    const char c = target[i];
    if (c == '\0' || c == '\\') return {};
    if (c == '%') {
      if (target.substr(i, 3) != "%20") return {};
      out += ' ';
      i += 2;
      continue;
    }
    out += c;
  }
  for (std::size_t pos = 0; pos < out.size();) {  // no ".." segment
    const std::size_t end = std::min(out.find('/', pos + 1), out.size());
    if (out.substr(pos + 1, end - pos - 1) == "..") return {};
    pos = end;
  }
  return out;
}

std::string ReadWhole(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const HttpContent& content) : stream_(std::move(socket)), content_(content) {}
  void Read() {
    request_ = {};
    stream_.expires_after(std::chrono::seconds(60));
    http::async_read(stream_, buffer_, request_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

 private:
  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) return Close();
    const bool head = request_.method() == http::verb::head;
    HttpReply r = head || request_.method() == http::verb::get
                      ? content_.Get(std::string_view(request_.target().data(), request_.target().size()))
                      : Error(405, "only GET and HEAD");
    response_ = {static_cast<http::status>(r.status), request_.version()};
    response_.set(http::field::server, "iadsim");
    response_.set(http::field::content_type, r.content_type);
    response_.set(http::field::cache_control, "no-store");
    response_.keep_alive(request_.keep_alive());
    response_.content_length(r.body.size());
    if (!head) response_.body() = std::move(r.body);
    http::async_write(stream_, response_, beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }
  void OnWrite(beast::error_code ec, std::size_t) {
    if (ec) return;
    if (!response_.keep_alive()) return Close();
    Read();
  }
  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  const HttpContent& content_;
};

}  // namespace

std::string MediaTypeOf(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".czml", "application/json"}, {".txt", "text/plain; charset=utf-8"},
      {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
      {".svg", "image/svg+xml"}, {".ico", "image/x-icon"}, {".wasm", "application/wasm"},
      {".xml", "application/xml"}, {".glb", "model/gltf-binary"}, {".gltf", "model/gltf+json"},
      {".ktx2", "image/ktx2"}, {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".ttf", "font/ttf"}};
  const auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

void HttpContent::AddDocument(std::string url_path, std::string content_type, std::string body) {
  documents_[std::move(url_path)] = HttpReply{200, std::move(content_type), std::move(body)};
}

void HttpContent::Mount(std::string url_prefix, std::filesystem::path dir) {
  mounts_.emplace_back(std::move(url_prefix), std::move(dir));
  std::stable_sort(mounts_.begin(), mounts_.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

HttpReply HttpContent::Get(std::string_view target) const {
  std::string path = CleanPath(target);
  if (path.empty()) return Error(400, "bad request target");
  if (path.back() == '/') path += "index.html";
  if (const auto d = documents_.find(path); d != documents_.end()) return d->second;
  for (const auto& [prefix, dir] : mounts_) {  // longest prefix first
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    const std::filesystem::path file = dir / path.substr(prefix.size());
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) return HttpReply{200, MediaTypeOf(file), ReadWhole(file)};
  }
  return Error(404, "not found: " + path);
}

struct HttpFileServer::Impl {
  HttpContent content;
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io};

  void Accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;
      if (!ec) std::make_shared<Session>(std::move(socket), content)->Read();
      Accept();
    });
  }
};

HttpFileServer::HttpFileServer(HttpContent content, std::uint16_t port) : impl_(std::make_unique<Impl>()) {
  impl_->content = std::move(content);
  const tcp::endpoint at(asio::ip::make_address("127.0.0.1"), port);
  impl_->acceptor.open(at.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(at);  // throws boost::system::system_error (a std::system_error) when taken
  impl_->acceptor.listen();
}

HttpFileServer::~HttpFileServer() = default;

std::uint16_t HttpFileServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void HttpFileServer::Serve(bool stop_on_signal) {
  if (stop_on_signal) {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.async_wait([this](beast::error_code, int) { Stop(); });
  }
  impl_->Accept();
  impl_->io.run();
}

void HttpFileServer::Stop() { impl_->io.stop(); }

}  // namespace iadsim
