#include "iadsim/io/dis_sender.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "iadsim/core/error.h"
#include "iadsim/io/dis_pdu.h"

namespace iadsim {
namespace {

constexpr std::uint16_t kLauncherBase = 0xF000;

std::uint8_t ForceId(const std::string& affiliation) {
  if (affiliation == "hostile") return 2;
  if (affiliation == "friendly" || affiliation == "defence") return 1;
  if (affiliation == "civil" || affiliation == "neutral") return 3;
  return 0;
}

DisEntityType TypeOf(const ReplayEntity& e) {
  DisEntityType t;
  if (e.kind == "missile") {
    t.kind = 2;      // munition
    t.domain = 2;    // anti-air
    t.category = 1;  // guided
  } else {
    t.kind = 1;    // platform
    t.domain = 2;  // air
  }
  return t;
}

std::uint8_t DetonationResult(const std::string& reason) {
  if (reason == "proximity fuze") return 2;
  if (reason == "ground impact") return 3;
  if (reason.rfind("self-destruct", 0) == 0) return 5;
  return 0;
}

Vec3 VEcef(const TruthRow& t) { return EnuFromEcefRotation(t.geo.lat_deg, t.geo.lon_deg).transpose() * t.v_enu; }

[[noreturn]] void BadAddress(const std::string& destination, const std::string& option, const std::string& why) {
  Problem p;
  p.path = option;
  p.message = fmt::format("{} (got '{}'; expected an IPv4 ADDR:PORT such as 127.0.0.1:3000)", why, destination);
  throw ScenarioError({p});
}

}  // namespace

std::vector<TimedPdu> DisPdus(const RunData& run, const Replay& replay, const Scenario& scenario,
                              const DisOptions& o) {
  struct Keyed {
    double t;
    int order;
    std::size_t seq;
    std::vector<std::uint8_t> bytes;
  };
  std::vector<Keyed> out;
  auto id_of = [&](std::int64_t entity) {
    IADSIM_CHECK(entity >= 0 && entity < kLauncherBase, "entity id beyond the DIS range");
    return DisEntityId{o.site, o.application, static_cast<std::uint16_t>(entity)};
  };
  std::map<std::uint32_t, const TruthRow*> last;  // last sample so far of each entity
  auto state = [&](const ReplayEntity& e, const TruthRow& t) {
    DisEntityState s;
    s.id = id_of(e.id);
    s.force_id = ForceId(e.affiliation);
    s.type = TypeOf(e);
    s.v_ecef = VEcef(t);
    s.p_ecef = EcefFromGeodetic(t.geo);
    s.orientation = DisOrientation(t.geo.lat_deg, t.geo.lon_deg, HeadingDeg(t.v_enu), PitchDeg(t.v_enu), 0.0);
    s.marking = e.name.substr(0, 11);
    return s;
  };
  for (const TruthRow& t : run.truth) {
    const auto it = replay.entities.find(t.entity);
    if (it == replay.entities.end()) continue;
    out.push_back({t.t_s, 0, out.size(), EncodeEntityState(state(it->second, t), o.exercise_id, t.t_s)});
  }
  // Launchers by (unit, name), and their positions.
  std::map<std::pair<std::string, std::string>, std::pair<std::uint16_t, Geodetic>> launchers;
  std::uint16_t k = 0;
  for (const UnitSpec& u : scenario.units)
    for (const LauncherSpec& l : u.launchers) launchers[{u.name, l.name}] = {static_cast<std::uint16_t>(kLauncherBase + k++), l.position};
  auto sample_at = [&](std::int64_t entity, double t_s) -> const TruthRow* {
    const auto it = replay.entities.find(static_cast<std::uint32_t>(entity));
    if (entity < 0 || it == replay.entities.end()) return nullptr;
    const TruthRow* best = nullptr;
    for (std::size_t i : it->second.samples)
      if (run.truth[i].t_s <= t_s) best = &run.truth[i];
    return best;
  };
  for (const auto& [id, e] : replay.entities) {
    if (e.kind != "missile") {
      if (e.destroyed_s)
        if (const TruthRow* t = sample_at(id, *e.destroyed_s)) {
          DisEntityState s = state(e, *t);
          s.appearance = 3u << 3;  // damage: destroyed
          out.push_back({*e.destroyed_s, 1, out.size(), EncodeEntityState(s, o.exercise_id, *e.destroyed_s)});
        }
      continue;
    }
    const DisEntityId event{o.site, o.application, static_cast<std::uint16_t>(e.fire_event)};
    const auto l = launchers.find({e.unit, e.launcher});
    const DisEntityId firing = l == launchers.end() ? DisEntityId{0, 0, 0} : DisEntityId{o.site, o.application, l->second.first};
    DisFire f;
    f.firing = firing;
    f.target = e.target >= 0 ? id_of(e.target) : DisEntityId{0, 0, 0};
    f.munition = id_of(id);
    f.event = event;
    f.munition_type = TypeOf(e);
    if (l != launchers.end()) {
      f.p_ecef = EcefFromGeodetic(l->second.second);
      if (const TruthRow* t = sample_at(e.target, e.launch_s))
        f.range_m = static_cast<float>((EcefFromGeodetic(t->geo) - f.p_ecef).norm());
    }
    out.push_back({e.launch_s, 1, out.size(), EncodeFire(f, o.exercise_id, e.launch_s)});
    if (!e.detonated_s) continue;
    DisDetonation d;
    d.firing = firing;
    d.target = e.nearest_entity >= 0 ? id_of(e.nearest_entity) : DisEntityId{0, 0, 0};
    d.munition = f.munition;
    d.event = event;
    d.munition_type = f.munition_type;
    if (const TruthRow* t = sample_at(id, *e.detonated_s)) {
      d.p_ecef = EcefFromGeodetic(t->geo);
      d.v_ecef = VEcef(*t);
    }
    d.result = DetonationResult(e.detonation_reason);
    out.push_back({*e.detonated_s, 1, out.size(), EncodeDetonation(d, o.exercise_id, *e.detonated_s)});
  }
  std::sort(out.begin(), out.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.t, a.order, a.seq) < std::tie(b.t, b.order, b.seq);
  });
  std::vector<TimedPdu> pdus;
  pdus.reserve(out.size());
  for (Keyed& x : out) pdus.push_back({x.t, std::move(x.bytes)});
  return pdus;
}

UdpSender::UdpSender(const std::string& destination, const std::string& option) {
  const auto colon = destination.rfind(':');
  if (colon == std::string::npos) BadAddress(destination, option, "no port");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  if (inet_pton(AF_INET, destination.substr(0, colon).c_str(), &addr.sin_addr) != 1)
    BadAddress(destination, option, "not an IPv4 address");
  const std::string port = destination.substr(colon + 1);
  char* end = nullptr;
  const long p = std::strtol(port.c_str(), &end, 10);
  if (port.empty() || *end != '\0' || p < 1 || p > 65535) BadAddress(destination, option, "port must be 1-65535");
  addr.sin_port = htons(static_cast<std::uint16_t>(p));
  fd_ = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("cannot open a UDP socket: ") + std::strerror(errno));
  if (connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const std::string why = std::strerror(errno);
    close(fd_);
    throw std::runtime_error("cannot address " + destination + ": " + why);
  }
}

UdpSender::~UdpSender() {
  if (fd_ >= 0) close(fd_);
}

void UdpSender::Send(const std::vector<std::uint8_t>& datagram) {
  // A refused datagram (no listener: ECONNREFUSED from an earlier ICMP) is not an error for DIS.
  if (send(fd_, datagram.data(), datagram.size(), 0) < 0 && errno != ECONNREFUSED)
    throw std::runtime_error(std::string("sending a DIS PDU failed: ") + std::strerror(errno));
}

std::size_t SendDisReplay(const std::filesystem::path& run_dir, const Scenario& scenario, const DisOptions& options) {
  UdpSender sender(options.destination, options.destination_option);  // a bad address is refused before any reading
  const RunData run = ReadRunDirectory(run_dir);
  const Replay replay = BuildReplay(run, scenario);
  const std::vector<TimedPdu> pdus = DisPdus(run, replay, scenario, options);
  const auto start = std::chrono::steady_clock::now();
  for (const TimedPdu& p : pdus) {
    if (options.realtime)
      std::this_thread::sleep_until(start + std::chrono::microseconds(std::llround(p.t_s * 1e6)));
    sender.Send(p.bytes);
  }
  return pdus.size();
}

}  // namespace iadsim
