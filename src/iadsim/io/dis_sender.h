#pragma once
// A run as a DIS exercise: the PDU stream of a run directory (Entity State at every truth sample
// of every aircraft and missile, Fire at each launch, Detonation at each detonation, a final
// Entity State with damage = destroyed for a destroyed aircraft), and its sending over UDP/IPv4.
//
// Mapping (iadsim's picks; SISO-REF-010 values, country and category notional):
//  - entity ids: (site, application, iadsim entity id); launchers (firing entities):
//    entity 0xF000 + k, k the launcher's 0-based index over all units in scenario order;
//  - force id from the aircraft's affiliation: hostile 2 opposing, friendly 1 friendly,
//    civil/neutral 3 neutral; the defence's missiles 1 friendly;
//  - aircraft: kind 1 platform, domain 2 air, country 0 (other), category 0 (other);
//    missiles: kind 2 munition, domain 2 anti-air, country 0, category 1 (guided);
//  - marking: the entity name, ASCII, cut to 11 characters;
//  - orientation from the truth velocity (heading, pitch; roll 0);
//  - Fire: event id (site, application, launch number), location = launcher, target = the truth
//    aircraft of the engagement (0:0:0 when unknown), range = launcher-to-target distance at launch
//    (0 when unknown); Detonation: same event id, location = missile's last truth sample,
//    result 2 entity proximate detonation (proximity fuze), 3 ground impact, 5 detonation
//    (self-destruct), 0 other.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "iadsim/io/run_reader.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

struct DisOptions {
  std::string destination = "127.0.0.1:3000";  // IPv4 ADDR:PORT; loopback unless the user names another
  bool realtime = false;                       // pace to the wall clock (else as fast as possible)
  std::uint8_t exercise_id = 1;                // [1, 255]
  std::uint16_t site = 1, application = 1;
  std::string destination_option = "--dis";   // the command-line option that named destination
};

struct TimedPdu {
  double t_s = 0.0;
  std::vector<std::uint8_t> bytes;
};

// The PDUs in time order (ties: entity states, then fire/detonation in event order).
std::vector<TimedPdu> DisPdus(const RunData& run, const Replay& replay, const Scenario& scenario,
                              const DisOptions& options);

// A connected UDP socket. Throws ScenarioError for an address that is not IPv4 ADDR:PORT (at
// `option`, the command-line option that gave it), std::runtime_error when the socket cannot be opened.
class UdpSender final {
 public:
  UdpSender(const std::string& destination, const std::string& option);
  ~UdpSender();
  UdpSender(const UdpSender&) = delete;
  UdpSender& operator=(const UdpSender&) = delete;
  void Send(const std::vector<std::uint8_t>& datagram);

 private:
  int fd_ = -1;
};

// Reads run_dir, sends its PDUs; returns how many were sent. Throws ScenarioError.
std::size_t SendDisReplay(const std::filesystem::path& run_dir, const Scenario& scenario, const DisOptions& options);

}  // namespace iadsim
