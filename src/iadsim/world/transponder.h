#pragma once
// What an aircraft carries to identify itself (truth): its IFF/SSR transponder, its ADS-B out
// and its membership of a friendly-position datalink. Perception sees none of this directly: only
// the replies and reports these produce, through the sensors and links that receive them.
//
// Transponder: answers interrogations in the modes it has, each with reply_probability (ICAO Annex
// 10 vol. IV requires >= 0.9 for SSR). Mode 1 and 2 (military, codes of 2 and 4 octal digits), Mode
// 3/A (4 octal digits), Mode C (pressure altitude), Mode S (24-bit address, selectively addressed:
// its replies do not garble) and a secure mode (Mode 4/5 class) whose reply authenticates only at an
// interrogator holding the same key: a transponder loaded with another period's or another
// coalition's key ("wrong code set") is simply not authenticated. A transponder may be switched
// off (on: false) or fitted but failed (failed: true): both give silence, the cause recorded only in
// truth. The reply leaves turnaround_us after the interrogation (3 +/- 0.5 us, Annex 10); an
// interrogator that assumes the nominal 3 us sees a range error of c/2 times the difference.
#include <cstdint>
#include <string>

namespace iadsim {

struct Transponder {
  bool on = false;
  bool failed = false;
  bool mode1 = false, mode2 = false, mode3a = false, mode_c = false, mode_s = false;
  std::uint16_t code_1 = 0;   // octal digits as written (2 digits), e.g. 37
  std::uint16_t code_2 = 0;   // octal digits as written (4 digits)
  std::uint16_t code_3a = 0;  // octal squawk as written, e.g. 2000 means "2000"
  std::uint32_t mode_s_address = 0;  // 24-bit ICAO address, 0 = none
  std::string secure_key;     // empty: no secure mode
  double reply_probability = 0.98;  // per interrogation and mode, [0, 1]
  double turnaround_us = 3.0;       // reply delay after the interrogation, [2.5, 3.5] us class
};

// ADS-B out (1090ES class): the aircraft broadcasts its own GNSS position and velocity. The
// position accuracy is its navigation accuracy category NACp: the 95 % horizontal bound EPU is
// 10 NM, 4, 2, 1, 0.5, 0.3 NM, 0.1 NM (185.2 m), 0.05 NM (92.6 m), 30 m, 10 m, 3 m for NACp 1..11
// (RTCA DO-260B, table 2-70); the reported position carries a Gaussian error of sigma = EPU / 2.45
// per horizontal axis (95 % of a circular normal lies within 2.45 sigma) and the same vertical.
struct AdsbOut {
  bool on = false;
  std::uint32_t address = 0;  // 24-bit ICAO address
  std::string callsign;
  int nacp = 9;               // 1..11
  double interval_s = 1.0;    // position broadcast period as received (0.5 s airborne position, 1 s class)
  double SigmaHorizontalM() const;
};

// Membership of a friendly-position datalink: the aircraft reports its own navigation position every
// interval (the link's figures are the network's, see sensors/position_link.h).
struct DatalinkMember {
  std::string network;  // empty: not a member
  std::string callsign;
  double nav_sigma_m = 30.0;  // own-navigation position error, per axis, >= 0
};

}  // namespace iadsim
