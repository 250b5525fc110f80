#pragma once
// One value that holds any replacement policy. Engines call std::visit once around a
// whole loop (bulk mode), so the per-reference calls are direct and inlined.
//
//   AnyPolicy policy = make_policy(config, frames);
//   std::visit([&](auto& p) { for (...) p.on_hit(frame, moment); }, policy);
#include <cstdint>
#include <variant>

#include "memsim/vm/replacement/clock.hpp"
#include "memsim/vm/replacement/counters.hpp"
#include "memsim/vm/replacement/fifo.hpp"
#include "memsim/vm/replacement/frequency.hpp"
#include "memsim/vm/replacement/lru.hpp"
#include "memsim/vm/replacement/opt.hpp"
#include "memsim/vm/replacement/policy.hpp"
#include "memsim/vm/replacement/random.hpp"
#include "memsim/vm/replacement/wsclock.hpp"

namespace memsim::vm {

// Any policy, alternatives in PolicyKind order.
using AnyPolicy = std::variant<FifoPolicy, LruPolicy, OptPolicy, ClockPolicy, SecondChancePolicy,
                               NruPolicy, LfuPolicy, MfuPolicy, NfuPolicy, AgingPolicy,
                               WsClockPolicy, RandomPolicy, MruPolicy>;

// A fresh policy of the configured kind for `frames` frames (config already validated).
AnyPolicy make_policy(const PolicyConfig& config, std::uint32_t frames);

}  // namespace memsim::vm
