#pragma once
// Helpers for the paging tests: run a policy over a reference string and read victims.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "memsim/core/prng.hpp"
#include "memsim/vm/replace.hpp"
#include "memsim/vm/trace.hpp"

namespace memsim::vm::test {

// Runs `refs` (the --refs syntax) with every step recorded; the config must be valid.
inline ReplaceRun replay(PolicyConfig policy, std::uint32_t frames, const std::string& refs) {
    const auto trace = parse_reference_string(refs);
    const auto run = run_replacement({.frames = frames, .policy = policy}, densify(*trace), true);
    return *run;
}

inline ReplaceRun replay(PolicyKind kind, std::uint32_t frames, const std::string& refs) {
    return replay(PolicyConfig{.kind = kind}, frames, refs);
}

// The victims in order, one per fault that evicted something.
inline std::vector<std::uint64_t> victims(const ReplaceRun& run) {
    std::vector<std::uint64_t> out;
    for (const auto& s : run.steps) if (s.victim) out.push_back(*s.victim);
    return out;
}

// The frames' contents after the last step (0 for an empty frame is never expected).
inline std::vector<std::uint64_t> final_frames(const ReplaceRun& run) {
    std::vector<std::uint64_t> out;
    for (const auto& p : run.steps.back().frames) out.push_back(p.value_or(~std::uint64_t{0}));
    return out;
}

using V = std::vector<std::uint64_t>;

// A random trace with locality: mostly a drifting window of six hot pages, one reference in
// eight anywhere; with `writes`, one reference in four is a write.
inline Trace random_local_trace(memsim::Prng& rng, std::size_t length, std::uint64_t pages, bool writes) {
    Trace trace;
    std::uint64_t base = 0;
    for (std::size_t i = 0; i < length; ++i) {
        if (rng.below(50) == 0) base = rng.below(pages);
        trace.pages.push_back(rng.below(8) == 0 ? rng.below(pages) : (base + rng.below(6)) % pages);
        if (writes) trace.writes.push_back(rng.below(4) == 0 ? 1 : 0);
    }
    return trace;
}

inline const std::string silberschatz = "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1";
inline const std::string belady = "1,2,3,4,1,2,5,1,2,3,4,5";

}  // namespace memsim::vm::test
