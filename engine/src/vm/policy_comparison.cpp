#include "memsim/vm/policy_comparison.hpp"

#include "memsim/vm/replacement/opt.hpp"

namespace memsim::vm {

Result<std::vector<PolicyComparisonRow>> compare_policies(const PagerConfig& base, const DenseTrace& trace,
                                                          const std::vector<PolicyKind>& policies) {
    const auto page_space = static_cast<std::uint32_t>(trace.pages.size());
    std::vector<std::uint64_t> next_use;  // computed once, only when OPT is asked for
    std::vector<PolicyComparisonRow> rows;
    for (const PolicyKind kind : policies) {
        PagerConfig config = base;
        config.policy.kind = kind;
        auto pager = Pager::create(config, page_space);
        if (!pager) return tl::unexpected(pager.error());
        if (kind == PolicyKind::Opt && next_use.empty()) next_use = next_use_times(trace.ids, page_space);
        pager->run(trace.ids, trace.writes, kind == PolicyKind::Opt ? std::span<const std::uint64_t>(next_use)
                                                                    : std::span<const std::uint64_t>());
        rows.push_back({kind, pager->counters()});
    }
    return rows;
}

}  // namespace memsim::vm
