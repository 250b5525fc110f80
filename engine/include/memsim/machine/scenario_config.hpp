#pragma once
// Reads the machine's settings from a scenario's front matter:
//
//   [machine]  bits = 32 | 64 | 16..48, processes = 1..64, convention = "simple" | "cdecl" | "sysv"
//   [stack]    limit = "8M"                       (bytes; 4K .. 1G)
//   [heap]     allocator = "implicit-first" | "explicit-lifo" | "segregated" | "buddy" | "slab" | "glibc" | ...
//              (default: "glibc" for a 64-bit program, as on Linux; "implicit-first" otherwise)
//              alignment = 16, header = 8, footers = true, coalescing = "immediate" | "deferred" | "off",
//              mmap_threshold = "128K"
//   [vm]       page_size = 4096, frames = 16, policy = "lru", tlb_entries = 16, tlb_ways = 0,
//              asid = true, scope = "global" | "local", table = "radix" | "inverted",
//              aging_bits = 8, tau = 4, seed = 1
//
// Unknown keys and bad values are errors with line and column (see SettingsReader).
#include "memsim/core/result.hpp"
#include "memsim/machine/machine.hpp"
#include "memsim/scenario/scenario.hpp"
#include "memsim/vm/pager.hpp"

namespace memsim::machine {

// Documented limits of what a scenario may ask for.
struct ConfigLimits {
    static constexpr std::uint64_t max_frames = 1u << 20;
    static constexpr std::uint64_t max_page_size = 1u << 30;
    static constexpr std::uint64_t max_stack = 1u << 30;
    static constexpr std::uint64_t max_tlb_entries = 4096;
};

// The machine configuration the scenario describes (defaults where it is silent).
Result<MachineConfig> read_machine_config(const scenario::Scenario& scenario);

// The pager configuration (frames, policy, TLB) for reference-string and trace scenarios.
Result<vm::PagerConfig> read_pager_config(const scenario::Scenario& scenario, std::uint64_t& page_size);

}  // namespace memsim::machine
