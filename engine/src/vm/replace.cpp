#include "memsim/vm/replace.hpp"

namespace memsim::vm {

Result<ReplaceRun> run_replacement(const PagerConfig& config, const DenseTrace& trace, bool record_steps) {
    const auto page_space = static_cast<std::uint32_t>(trace.pages.size());
    auto pager = Pager::create(config, page_space);
    if (!pager) return tl::unexpected(pager.error());
    std::vector<std::uint64_t> next_use;
    if (config.policy.kind == PolicyKind::Opt) next_use = next_use_times(trace.ids, page_space);
    ReplaceRun run{.config = config};
    if (!record_steps) {
        pager->run(trace.ids, trace.writes, next_use);
    } else {
        run.steps.reserve(trace.ids.size());
        for (std::size_t i = 0; i < trace.ids.size(); ++i) {
            const bool write = !trace.writes.empty() && trace.writes[i] != 0;
            const PagerStep s = pager->access(trace.ids[i], write, next_use.empty() ? never : next_use[i]);
            ReplaceStep step{.page = trace.pages[s.page], .frame = s.frame, .write = write, .hit = s.hit,
                             .writeback = s.victim_dirty};
            if (s.victim != no_page) step.victim = trace.pages[s.victim];
            for (const auto id : pager->frame_pages()) {
                step.frames.push_back(id == no_page ? std::nullopt : std::optional<std::uint64_t>(trace.pages[id]));
            }
            step.referenced = pager->frames().referenced;
            step.dirty = pager->frames().dirty;
            step.policy = policy_state(pager->policy(), config.frames);
            run.steps.push_back(std::move(step));
        }
    }
    const auto& c = pager->counters();
    run.references = c.references;
    run.hits = c.hits;
    run.faults = c.faults;
    run.writebacks = c.writebacks;
    return run;
}

}  // namespace memsim::vm
