#pragma once
// Option parsing shared by the paging subcommands (replace, translate, tlb, thrash):
// numbers with range checks, policy options, and loading a trace from --refs or --trace.
#include <cstdint>
#include <string>
#include <vector>

#include "command.hpp"
#include "memsim/vm/address.hpp"
#include "memsim/vm/replacement/policy.hpp"
#include "memsim/vm/tlb.hpp"
#include "memsim/vm/trace.hpp"
#include "memsim/vm/trace_reader.hpp"

namespace memsim::cli {

// Value options understood by policy_options().
inline const std::vector<std::string> policy_option_names{"policy", "aging-bits", "tick", "tau", "seed"};
// Value options understood by load_trace().
inline const std::vector<std::string> trace_option_names{"refs", "trace", "format", "page-size"};

// Value options understood by layout_options() and tlb_options().
inline const std::vector<std::string> layout_option_names{"layout", "va-bits", "page-size", "levels"};
inline const std::vector<std::string> tlb_option_names{"tlb-entries", "tlb-ways", "tlb-policy"};

// A whole number option in [min, max], or `fallback` when absent; the error names the option.
Result<std::uint64_t> number_option(const Args& args, const std::string& name, std::uint64_t fallback,
                                    std::uint64_t min, std::uint64_t max);

// --policy (default `fallback`), --aging-bits, --tick, --tau, --seed.
Result<vm::PolicyConfig> policy_options(const Args& args, const std::string& fallback);

// The trace from --refs TEXT or --trace FILE [--format refs|rw|lackey] [--page-size B].
// File errors are prefixed with the path: "trace.txt:3:5: expected ...".
Result<vm::Trace> load_trace(const Args& args);

// The same trace in dense ids, a --trace file read piece by piece (never whole, so a long
// trace costs a few bytes per reference): for replace and workingset.
Result<vm::LoadedTrace> load_dense_trace(const Args& args);

// --layout PRESET (default x86-32), or a custom --va-bits N --page-size B [--levels 10,10].
Result<vm::AddressLayout> layout_options(const Args& args);

// --tlb-entries N (default `entries`; 0 = none) --tlb-ways W (0 = fully associative)
// --tlb-policy lru|fifo|random.
Result<vm::TlbConfig> tlb_options(const Args& args, std::uint32_t entries);

// A comma-separated list of numbers (decimal or 0x hex); the error names the option.
Result<std::vector<std::uint64_t>> number_list(const std::string& option, const std::string& text);

}  // namespace memsim::cli
