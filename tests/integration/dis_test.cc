// DIS export: `iadsim run --dis 127.0.0.1:PORT` is received on a UDP socket here, written to a
// pcap file (Ethernet/IPv4/UDP framing written by this test), and decoded by Wireshark's DIS
// dissector (tshark), the independent reader. What tshark decodes is compared with the run
// directory: one Entity State per truth.csv row (ECEF location converted back to lat/lon/alt by
// this test's own WGS-84 formulas, orientation against the truth velocity), one Fire per launch,
// one Detonation per detonation with its result.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <Eigen/Geometry>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "test_support.h"

namespace iadsim::test {
namespace {

constexpr double kDeg = M_PI / 180.0;

// WGS-84 ECEF -> geodetic by fixed-point iteration on the latitude (Hofmann-Wellenhof et al.,
// GNSS, sec. 10.2.1), to well below a millimetre at aircraft altitudes.
std::array<double, 3> Geodetic(double x, double y, double z) {
  const double a = 6378137.0, f = 1 / 298.257223563, e2 = f * (2 - f);
  const double p = std::hypot(x, y), lon = std::atan2(y, x);
  double lat = std::atan2(z, p * (1 - e2)), h = 0;
  for (int i = 0; i < 10; ++i) {
    const double n = a / std::sqrt(1 - e2 * std::sin(lat) * std::sin(lat));
    h = p / std::cos(lat) - n;
    lat = std::atan2(z, p * (1 - e2 * n / (n + h)));
  }
  return {lat / kDeg, lon / kDeg, h};
}

std::vector<std::vector<std::uint8_t>> Receive(int fd) {
  std::vector<std::vector<std::uint8_t>> out;
  std::array<std::uint8_t, 2048> buf{};
  for (;;) {
    const ssize_t n = recv(fd, buf.data(), buf.size(), 0);
    if (n < 0) break;  // 2 s without a datagram: the sender is done
    out.emplace_back(buf.begin(), buf.begin() + n);
  }
  return out;
}

void Put(std::string& s, std::uint32_t v, int bytes, bool big) {
  for (int i = 0; i < bytes; ++i) s += static_cast<char>(v >> (8 * (big ? bytes - 1 - i : i)));
}

// pcap (little-endian headers, LINKTYPE_ETHERNET) of UDP datagrams 127.0.0.1:40000 -> :3000.
void WritePcap(const std::string& path, const std::vector<std::vector<std::uint8_t>>& datagrams) {
  std::string f;
  Put(f, 0xa1b2c3d4, 4, false);
  Put(f, 2, 2, false);
  Put(f, 4, 2, false);
  Put(f, 0, 4, false);
  Put(f, 0, 4, false);
  Put(f, 65535, 4, false);
  Put(f, 1, 4, false);
  for (std::size_t k = 0; k < datagrams.size(); ++k) {
    const auto& d = datagrams[k];
    std::string ip;
    Put(ip, 0x4500, 2, true);
    Put(ip, static_cast<std::uint32_t>(20 + 8 + d.size()), 2, true);
    Put(ip, static_cast<std::uint32_t>(k), 2, true);
    Put(ip, 0x4000, 2, true);  // don't fragment
    Put(ip, 0x4011, 2, true);  // TTL 64, UDP
    Put(ip, 0, 2, true);       // checksum, below
    Put(ip, 0x7f000001, 4, true);
    Put(ip, 0x7f000001, 4, true);
    std::uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2) sum += (static_cast<std::uint8_t>(ip[i]) << 8) | static_cast<std::uint8_t>(ip[i + 1]);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    ip[10] = static_cast<char>((~sum >> 8) & 0xff);
    ip[11] = static_cast<char>(~sum & 0xff);
    std::string frame(12, '\0');
    Put(frame, 0x0800, 2, true);
    frame += ip;
    Put(frame, 40000, 2, true);
    Put(frame, 3000, 2, true);
    Put(frame, static_cast<std::uint32_t>(8 + d.size()), 2, true);
    Put(frame, 0, 2, true);  // no UDP checksum
    frame.append(d.begin(), d.end());
    Put(f, static_cast<std::uint32_t>(k), 4, false);
    Put(f, 0, 4, false);
    Put(f, static_cast<std::uint32_t>(frame.size()), 4, false);
    Put(f, static_cast<std::uint32_t>(frame.size()), 4, false);
    f += frame;
  }
  std::ofstream(path, std::ios::binary) << f;
}

std::vector<std::vector<std::string>> Tshark(const std::string& pcap, const std::vector<std::string>& fields) {
  std::string cmd = "tshark -r " + pcap + " -d udp.port==3000,dis -T fields -E separator=/t -E occurrence=a";
  for (const auto& f : fields) cmd += " -e " + f;
  cmd += " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string text;
  std::array<char, 4096> buf{};
  for (std::size_t n; pipe != nullptr && (n = fread(buf.data(), 1, buf.size(), pipe)) > 0;) text.append(buf.data(), n);
  if (pipe != nullptr) pclose(pipe);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cols;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) cols.push_back(c);
    cols.resize(fields.size());
    rows.push_back(cols);
  }
  return rows;
}

std::vector<double> Numbers(const std::string& s) {
  std::vector<double> v;
  std::stringstream ss(s);
  for (std::string x; std::getline(ss, x, ',');) v.push_back(std::stod(x));
  return v;
}

TEST(Dis, TsharkDecodesWhatTheRunSent) {
  if (std::system("tshark --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "tshark not installed (tools/setup-debian.sh)";
  const int fd = socket(AF_INET, SOCK_DGRAM, 0);
  ASSERT_GE(fd, 0);
  const int size = 16 << 20;
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
  const timeval timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);

  std::vector<std::vector<std::uint8_t>> got;
  std::thread receiver([&] { got = Receive(fd); });
  const auto dir = FreshDir("dis-tiny");
  const auto r = RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --dis 127.0.0.1:" +
                           std::to_string(port) + " --out " + dir.string());
  receiver.join();
  close(fd);
  ASSERT_EQ(r.exit_code, 0) << r.output;

  // What the run directory says was there.
  std::vector<std::vector<std::string>> truth;
  {
    std::istringstream in(ReadFile(dir / "truth.csv"));
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      // Names of the tiny scenario are quoted (commas): split the 2 leading, then the last 7 fields.
      std::vector<std::string> c;
      std::size_t a = line.find(','), b = line.find(',', a + 1);
      c.push_back(line.substr(0, a));
      c.push_back(line.substr(a + 1, b - a - 1));
      std::vector<std::string> tail;
      std::string rest = line;
      for (int k = 0; k < 7; ++k) {
        const auto at = rest.rfind(',');
        tail.insert(tail.begin(), rest.substr(at + 1));
        rest.resize(at);
      }
      c.insert(c.end(), tail.begin(), tail.end());  // time, entity, kind, lat, lon, alt, ve, vn, vu
      truth.push_back(c);
    }
  }
  const auto summary = nlohmann::json::parse(ReadFile(dir / "summary.json"));
  std::map<std::int64_t, nlohmann::json> launches, detonations;
  int destroyed = 0;
  {
    std::istringstream in(ReadFile(dir / "events.jsonl"));
    for (std::string line; std::getline(in, line);) {
      const auto e = nlohmann::json::parse(line);
      if (e["type"] == "missile_launched") launches[e["missile"]] = e;
      if (e["type"] == "missile_detonated") detonations[e["missile"]] = e;
      if (e["type"] == "entity_destroyed") ++destroyed;
    }
  }
  ASSERT_EQ(got.size(), truth.size() + destroyed + launches.size() + detonations.size()) << "datagrams lost or extra";

  const std::string pcap = (dir / "dis.pcap").string();
  WritePcap(pcap, got);
  const std::vector<std::string> fields{"dis.proto_ver", "dis.exer_id", "dis.pdu_type", "dis.pdu_length",
                                        "dis.entity_id_entity", "dis.force_id", "dis.entityKind", "dis.entityDomain",
                                        "dis.entity_marking", "dis.entity_location.x", "dis.entity_location.y",
                                        "dis.entity_location.z", "dis.entity_orientation.psi", "dis.entity_orientation.theta",
                                        "dis.entity_orientation.phi", "dis.fire.location.x", "dis.fire.location.y",
                                        "dis.fire.location.z", "dis.detonation.result", "dis.event_number", "udp.length"};
  const auto rows = Tshark(pcap, fields);
  ASSERT_EQ(rows.size(), got.size());
  std::size_t next_truth = 0, espdu_destroyed = 0, fires = 0, dets = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& c = rows[i];
    SCOPED_TRACE("frame " + std::to_string(i + 1));
    EXPECT_EQ(c[0], "7");
    EXPECT_EQ(c[1], "1");
    EXPECT_EQ(std::stoul(c[3]), got[i].size());
    EXPECT_EQ(std::stoul(c[20]), got[i].size() + 8);
    const auto ids = Numbers(c[4]);
    if (c[2] == "1") {
      EXPECT_EQ(got[i].size(), 144U);
      const auto g = Geodetic(std::stod(c[9]), std::stod(c[10]), std::stod(c[11]));
      if (next_truth < truth.size() && ids.at(0) == std::stod(truth[next_truth][1]) &&
          std::abs(g[0] - std::stod(truth[next_truth][3])) < 1e-6) {
        const auto& t = truth[next_truth++];
        EXPECT_NEAR(g[1], std::stod(t[4]), 1e-6);
        EXPECT_NEAR(g[2], std::stod(t[5]), 0.01);
        const bool missile = t[2] == "missile";
        // Entity type and alternative entity type: the same.
        EXPECT_EQ(c[6], missile ? "2,2" : "1,1");  // kind: munition / platform
        EXPECT_EQ(c[7], "2,2");                    // domain: anti-air / air
        const std::string name = missile ? "S" : (ids[0] == 1 ? "Raid, \"Alph" : "Airliner Z?");
        if (!missile) {
          EXPECT_EQ(c[8], name);
        }
        EXPECT_EQ(c[5], missile ? "1" : (ids[0] == 1 ? "2" : "3"));  // friendly / opposing / neutral
        // Body x axis from psi, theta, phi (Rz Ry Rx) along the truth velocity (ENU -> ECEF here).
        const Eigen::Vector3d v_enu(std::stod(t[6]), std::stod(t[7]), std::stod(t[8]));
        if (v_enu.norm() > 10.0) {
          const double la = std::stod(t[3]) * kDeg, lo = std::stod(t[4]) * kDeg;
          const Eigen::Vector3d e(-std::sin(lo), std::cos(lo), 0), n(-std::sin(la) * std::cos(lo), -std::sin(la) * std::sin(lo), std::cos(la)),
              u(std::cos(la) * std::cos(lo), std::cos(la) * std::sin(lo), std::sin(la));
          const Eigen::Vector3d v = (v_enu.x() * e + v_enu.y() * n + v_enu.z() * u).normalized();
          const Eigen::Matrix3d R = (Eigen::AngleAxisd(std::stod(c[12]), Eigen::Vector3d::UnitZ()) *
                                     Eigen::AngleAxisd(std::stod(c[13]), Eigen::Vector3d::UnitY()) *
                                     Eigen::AngleAxisd(std::stod(c[14]), Eigen::Vector3d::UnitX())).toRotationMatrix();
          EXPECT_LT((R * Eigen::Vector3d::UnitX() - v).norm(), 1e-5);  // float32 angles
        }
      } else {
        ++espdu_destroyed;  // the final state of a destroyed aircraft
      }
    } else if (c[2] == "2") {
      ++fires;
      EXPECT_EQ(got[i].size(), 96U);
      ASSERT_EQ(ids.size(), 3U);  // firing, target, munition
      EXPECT_EQ(ids[0], 0xF000);
      EXPECT_TRUE(launches.count(static_cast<std::int64_t>(ids[2])));
      EXPECT_EQ(std::stoi(c[19]), static_cast<int>(fires));  // event number = launch count
      const auto g = Geodetic(std::stod(c[15]), std::stod(c[16]), std::stod(c[17]));
      EXPECT_NEAR(g[0], 35.445, 1e-7);  // launcher L1
      EXPECT_NEAR(g[1], 35.995, 1e-7);
    } else if (c[2] == "3") {
      ++dets;
      EXPECT_EQ(got[i].size(), 104U);
      ASSERT_EQ(ids.size(), 3U);
      ASSERT_TRUE(detonations.count(static_cast<std::int64_t>(ids[2])));
      const std::string reason = detonations[static_cast<std::int64_t>(ids[2])]["reason"];
      EXPECT_EQ(c[18], reason == "proximity fuze" ? "2" : reason == "ground impact" ? "3" : "5");
    } else {
      ADD_FAILURE() << "unexpected PDU type " << c[2];
    }
  }
  EXPECT_EQ(next_truth, truth.size());
  EXPECT_EQ(espdu_destroyed, static_cast<std::size_t>(destroyed));
  EXPECT_EQ(fires, launches.size());
  EXPECT_EQ(fires, summary["missiles_launched"].get<std::size_t>());
  EXPECT_EQ(dets, detonations.size());
}

TEST(Dis, BadAddressIsRefusedBeforeTheRun) {
  const auto dir = FreshDir("dis-bad");
  const auto r = RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --dis 300.1.2.3:3000 --out " + dir.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--dis: not an IPv4 address"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir));
  // export dis names its own option (it said --dis, an option export does not have).
  ASSERT_EQ(RunIadsim("run " + SourcePath("tests/data/export_tiny.yaml") + " --quiet --out " + dir.string()).exit_code, 0);
  const auto e = RunIadsim("export dis " + dir.string() + " --to 127.0.0.1:99999");
  EXPECT_EQ(e.exit_code, 2) << e.output;
  EXPECT_NE(e.output.find("--to: port must be 1-65535"), std::string::npos) << e.output;
}

}  // namespace
}  // namespace iadsim::test
