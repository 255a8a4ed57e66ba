#pragma once
// The engine's component for orders sent by radio to attackers (sim/strike_spec.h): at each
// transmission of an order, every addressed aircraft with a radio that has not yet received it
// gets it with probability 1 − loss, where (sensors/comms_link.h)
//   S    = ERP_controller · G_rx (λ / 4πd)² / L_rx        (one-way free space, line of sight)
//   N    = k T0 F B
//   J    = Σ ERP_jammer · G_rx (λ / 4πR)² / L_rx · min(1, B / B_j)   (comms jammers in band, in sight)
//   SINR = S / (N + J / Gp),  loss = 1 − (1 − Pb)^bits,  Pb = ½ erfc(√(SINR · B / Rb))
// A jammed abort order does not arrive, and the aircraft goes on with its attack.
#include <vector>

#include "iadsim/sim/run_context.h"
#include "iadsim/sim/scenario.h"

namespace iadsim {

class StrikeAircraft;

class OrderNet final : public Component {
 public:
  OrderNet(RunContext& ctx, const Scenario& scenario, std::vector<StrikeAircraft*> aircraft);
  void Wake(SimTime now, Phase phase, Engine& engine) override;

 private:
  struct Transmission {
    SimTime time;
    std::size_t order = 0;
    int repeat = 0;
  };
  void Send(SimTime now, const CommsOrderSpec& order, int repeat);

  RunContext& ctx_;
  const Scenario& scenario_;
  std::vector<StrikeAircraft*> aircraft_;
  ComponentId id_ = 0;
  std::vector<Transmission> transmissions_;  // time order
  std::vector<std::vector<bool>> received_;  // [order][aircraft]
};

}  // namespace iadsim
