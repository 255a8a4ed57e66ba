#pragma once
// Test helpers: synthetic SRTM .hgt files written by the tests themselves into a private temporary
// directory (removed at the end), so that no binary tile is committed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace iadsim::testing_hgt {

// A fresh directory under the system temp dir, named after the running test and the process.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            (std::string("iadsim_terrain_") + info->test_suite_name() + "_" + info->name() + "_" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Big-endian bytes of an n × n grid whose post (row, column) is post(row, column).
inline std::vector<char> HgtBytes(int n, const std::function<std::int16_t(int, int)>& post) {
  std::vector<char> bytes(2ULL * n * n);
  for (int r = 0; r < n; ++r) {
    for (int c = 0; c < n; ++c) {
      const auto v = static_cast<std::uint16_t>(post(r, c));
      const std::size_t i = 2ULL * (static_cast<std::size_t>(r) * n + c);
      bytes[i] = static_cast<char>(v >> 8);
      bytes[i + 1] = static_cast<char>(v & 0xFF);
    }
  }
  return bytes;
}

inline std::filesystem::path WriteFile(const std::filesystem::path& file,
                                       const std::vector<char>& bytes) {
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return file;
}

}  // namespace iadsim::testing_hgt
