// Replaying a trace on the glibc model, printed like the real-glibc replay driver.
#include "memsim/heap/glibc_trace.hpp"

#include "memsim/core/text.hpp"

namespace memsim::heap {

GlibcRun run_glibc_trace(const Trace& trace, const GlibcRunOptions& options) {
    GlibcRun run;
    GlibcMalloc m{options.config};
    std::vector<GlibcEvent> local;
    m.set_event_sink(options.events ? options.events : &local);
    std::vector<std::uint64_t> pointers(trace.ids, 0);
    const std::uint64_t base = options.config.base;
    const std::uint64_t mmap_base = options.config.mmap_base;
    run.offsets = "mmap-base " + hex(mmap_base & ((2ull << 20) - 1)) + "\n";
    for (std::size_t i = 0; i < trace.ops.size(); ++i) {
        const TraceOp& op = trace.ops[i];
        std::uint64_t& p = pointers[op.id];
        const std::size_t before = options.events ? options.events->size() : 0;
        local.clear();
        switch (op.kind) {
            case TraceOpKind::Alloc: p = m.malloc(op.size); break;
            case TraceOpKind::Realloc: p = m.realloc(p, op.size); break;
            case TraceOpKind::Calloc: p = m.calloc(1, op.size); break;
            case TraceOpKind::Free: m.free(p); break;  // p is kept: freeing it again is a double free
        }
        const auto& events = options.events ? *options.events : local;
        for (std::size_t e = before; e < events.size(); ++e) {
            if (events[e].kind == GlibcEventKind::Error) ++run.errors;
            if (options.event_ops) options.event_ops->push_back(static_cast<std::uint32_t>(i));
        }
        run.offsets += std::to_string(op.id);
        if (op.kind == TraceOpKind::Free) run.offsets += " -";
        else if (p == 0) run.offsets += " null";
        else run.offsets += (m.is_mapped(p) ? " mmap-" + hex(mmap_base - (p - 16)) : " " + hex(p - base)) + " " + std::to_string(m.usable_size(p));
        run.offsets += '\n';
        if (options.check_every_op && run.problems.empty()) {
            run.problems = m.check();
            run.problem_op = static_cast<std::uint32_t>(i);
        }
    }
    return run;
}

}  // namespace memsim::heap
