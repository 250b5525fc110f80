#include "memsim/vm/replace.hpp"

#include <algorithm>

namespace memsim::vm {
namespace {

// The step the pager just took, in page numbers, with the frames as they are now.
ReplaceStep describe(const Pager& pager, const DenseTrace& trace, const PagerStep& s, bool write) {
    ReplaceStep step{.page = trace.pages[s.page], .frame = s.frame, .write = write, .hit = s.hit,
                     .writeback = s.victim_dirty};
    if (s.victim != no_page) step.victim = trace.pages[s.victim];
    const std::uint32_t frames = pager.config().frames;
    const std::uint32_t used = pager.used_frames();
    const std::uint32_t listed = frames <= listed_frames_limit ? frames : used;
    step.unlisted_free_frames = frames - listed;
    step.frames.reserve(listed);
    for (std::uint32_t f = 0; f < used; ++f) step.frames.emplace_back(trace.pages[pager.page_in(f)]);
    step.frames.resize(listed, std::nullopt);
    const FrameTable& table = pager.frames();
    const auto shown = std::min(listed, table.size());
    step.referenced.assign(table.referenced.begin(), table.referenced.begin() + static_cast<std::ptrdiff_t>(shown));
    step.dirty.assign(table.dirty.begin(), table.dirty.begin() + static_cast<std::ptrdiff_t>(shown));
    step.referenced.resize(listed, 0);
    step.dirty.resize(listed, 0);
    step.policy = policy_state(pager.policy(), std::min(used, table.size()));
    if (!step.policy.values.empty()) step.policy.values.resize(listed, never);
    return step;
}

}  // namespace

Result<ReplaceRun> run_replacement(const PagerConfig& config, const DenseTrace& trace, const StepVisitor& visit) {
    const auto page_space = static_cast<std::uint32_t>(trace.pages.size());
    auto pager = Pager::create(config, page_space);
    if (!pager) return tl::unexpected(pager.error());
    std::vector<std::uint64_t> next_use;
    if (config.policy.kind == PolicyKind::Opt) next_use = next_use_times(trace.ids, page_space);
    ReplaceRun run{.config = config};
    if (!visit) {
        pager->run(trace.ids, trace.writes, next_use);
    } else {
        for (std::size_t i = 0; i < trace.ids.size(); ++i) {
            const bool write = !trace.writes.empty() && trace.writes[i] != 0;
            const PagerStep s = pager->access(trace.ids[i], write, next_use.empty() ? never : next_use[i]);
            visit(i, describe(*pager, trace, s, write));
        }
    }
    const auto& c = pager->counters();
    run.references = c.references;
    run.hits = c.hits;
    run.faults = c.faults;
    run.writebacks = c.writebacks;
    return run;
}

Result<ReplaceRun> run_replacement(const PagerConfig& config, const DenseTrace& trace, bool record_steps) {
    std::vector<ReplaceStep> steps;
    StepVisitor keep;
    if (record_steps) {
        steps.reserve(trace.ids.size());
        keep = [&](std::uint64_t, const ReplaceStep& step) { steps.push_back(step); };
    }
    auto run = run_replacement(config, trace, keep);
    if (run) run->steps = std::move(steps);
    return run;
}

}  // namespace memsim::vm
