#pragma once
// The same trace under several replacement policies, each with the same frames (and
// TLB): the side-by-side table of a textbook chapter's exercises.
//
//   Silberschatz's string 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1 with 3 frames:
//
//   policy   faults   hits
//   fifo       15       5
//   lru        12       8
//   opt         9      11     (OPT is the lower bound every policy is measured against)
//
//   auto rows = compare_policies({.frames = 3}, trace, {PolicyKind::Fifo, PolicyKind::Lru});
#include <cstdint>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/vm/pager.hpp"
#include "memsim/vm/trace.hpp"

namespace memsim::vm {

// The totals of one policy's run.
struct PolicyComparisonRow {
    PolicyKind policy = PolicyKind::Fifo;
    PagerCounters counters;  // references, hits, faults, writebacks
    // Hits over references (0 for an empty trace).
    double hit_rate() const {
        return counters.references ? static_cast<double>(counters.hits) / static_cast<double>(counters.references) : 0.0;
    }
    bool operator==(const PolicyComparisonRow&) const = default;
};

// Runs the trace once per policy in bulk mode, with `base` for everything but the policy
// kind (its parameters, such as the aging bits, are kept). Rows follow `policies`' order.
Result<std::vector<PolicyComparisonRow>> compare_policies(const PagerConfig& base, const DenseTrace& trace,
                                                          const std::vector<PolicyKind>& policies);

}  // namespace memsim::vm
