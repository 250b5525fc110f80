#include "memsim/vm/sweep.hpp"

#include <string>

#include "memsim/vm/pager.hpp"

namespace memsim::vm {

Result<SweepResult> belady_sweep(const PolicyConfig& policy, const DenseTrace& trace, std::uint32_t min_frames,
                                 std::uint32_t max_frames) {
    if (min_frames < 1 || min_frames > max_frames) {
        return fail("the sweep range needs 1 <= min <= max, not " + std::to_string(min_frames) + "-" +
                    std::to_string(max_frames));
    }
    const auto page_space = static_cast<std::uint32_t>(trace.pages.size());
    std::vector<std::uint64_t> next_use;
    if (policy.kind == PolicyKind::Opt) next_use = next_use_times(trace.ids, page_space);
    SweepResult result;
    for (std::uint32_t k = min_frames; k <= max_frames; ++k) {
        auto pager = Pager::create({.frames = k, .policy = policy}, page_space);
        if (!pager) return tl::unexpected(pager.error());
        pager->run(trace.ids, trace.writes, next_use);
        const std::uint64_t faults = pager->counters().faults;
        if (!result.points.empty() && faults > result.points.back().faults) result.anomalies.push_back(k);
        result.points.push_back({k, faults});
        if (k == max_frames) break;  // guards k + 1 overflow at UINT32_MAX
    }
    return result;
}

}  // namespace memsim::vm
