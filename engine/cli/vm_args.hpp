#pragma once
// Option parsing shared by the paging subcommands (replace, translate, tlb, thrash):
// numbers with range checks, policy options, and loading a trace from --refs or --trace.
#include <cstdint>
#include <string>
#include <vector>

#include "command.hpp"
#include "memsim/vm/replacement/policy.hpp"
#include "memsim/vm/trace.hpp"

namespace memsim::cli {

// Value options understood by policy_options().
inline const std::vector<std::string> policy_option_names{"policy", "aging-bits", "tick", "tau", "seed"};
// Value options understood by load_trace().
inline const std::vector<std::string> trace_option_names{"refs", "trace", "format", "page-size"};

// A whole number option in [min, max], or `fallback` when absent; the error names the option.
Result<std::uint64_t> number_option(const Args& args, const std::string& name, std::uint64_t fallback,
                                    std::uint64_t min, std::uint64_t max);

// --policy (default `fallback`), --aging-bits, --tick, --tau, --seed.
Result<vm::PolicyConfig> policy_options(const Args& args, const std::string& fallback);

// The trace from --refs TEXT or --trace FILE [--format refs|rw|lackey] [--page-size B].
// File errors are prefixed with the path: "trace.txt:3:5: expected ...".
Result<vm::Trace> load_trace(const Args& args);

}  // namespace memsim::cli
