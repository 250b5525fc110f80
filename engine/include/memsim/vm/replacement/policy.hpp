#pragma once
// Page replacement: when a page fault finds every frame full, a policy picks the victim
// frame whose page is thrown out. This header names the policies and the contract every
// policy class follows; each family lives in its own header with its exact rule.
//
//   fault on page p, all frames full
//        |
//        v
//   frame = policy.victim(bits, moment)   <- may clear R bits, may write pages back early
//   evict the page in `frame` (write it to swap first when M = 1)
//   load p into `frame` with R = 1, M = write
//   policy.on_load(frame, moment)
//
// Every reference that hits calls policy.on_hit(frame, moment) after R (and M on a write)
// are set, and every reference ends with policy.after_reference(bits) (clock ticks).
// Frames are numbered 0..n-1 within the policy's share; free frames are filled in order
// before a policy is asked for a victim, so a policy never sees an empty frame.
//
// Policies are small value types (vectors indexed by frame), deterministic, and allocate
// nothing after construction.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::vm {

// Every replacement policy the engine knows.
enum class PolicyKind : std::uint8_t {
    Fifo, Lru, Opt, Clock, SecondChance, Nru, Lfu, Mfu, Nfu, Aging, WsClock, Random, Mru
};

// "Never used again" for OPT's next-use times.
inline constexpr std::uint64_t never = ~std::uint64_t{0};

// The moment of a reference: its position in the trace and when its page is next used.
struct Moment {
    std::uint64_t now = 0;         // index of the reference (virtual time)
    std::uint64_t next_use = never;  // index of the next reference to the same page (OPT)
};

// A policy and its parameters.
struct PolicyConfig {
    PolicyKind kind = PolicyKind::Fifo;  // which policy
    std::uint32_t aging_bits = 8;        // Aging: counter width, 1..32
    std::uint64_t tick = 1;              // NFU, Aging: references between clock ticks
    std::uint64_t tau = 4;               // WSClock: working-set window in references
    std::uint64_t seed = 1;              // Random: PRNG seed
};

// Every policy, in the order of PolicyKind.
const std::vector<PolicyKind>& all_policies();

// The CLI name of a policy: "fifo", "second-chance", ...
std::string_view policy_name(PolicyKind kind);

// What the policy evicts, for explanations: "the page loaded longest ago", ...
std::string_view policy_victim_rule(PolicyKind kind);

// Reads a policy name; an unknown name is an error suggesting the nearest one.
Result<PolicyKind> parse_policy(std::string_view name);

// Checks the parameters (aging bits in 1..32, tick and tau at least 1).
Result<PolicyConfig> validate(const PolicyConfig& config);

}  // namespace memsim::vm
