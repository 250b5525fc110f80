#include "memsim/machine/ostep_session.hpp"

namespace memsim::machine {

void OstepSession::advance(std::vector<Event>* sink) {
    if (done()) return;
    if (problem_->script == ostep::ProblemScript::Malloc) {
        const std::size_t index = answered_++;
        const ostep::HeapOp& op = problem_->heap_ops[index];
        if (sink == nullptr) return;
        // A failed malloc or a skipped free is the problem's answer, not the learner's mistake.
        sink->push_back(Event{.source = EventSource::Heap,
                              .kind = op.kind == ostep::HeapOp::Kind::Alloc ? EventKind::Malloc : EventKind::Free,
                              .text = ostep::explain_heap_op(*problem_, index),
                              .line = line_,
                              .address = op.chunk ? static_cast<std::uint64_t>(op.chunk->addr) : 0});
        return;
    }
    if (problem_->script == ostep::ProblemScript::PagingPolicy) {
        const std::size_t index = answered_++;
        const ostep::CacheAccess& a = problem_->accesses[index];
        if (sink == nullptr) return;
        std::uint32_t position = 0;  // where the page sits in the script's list afterwards
        while (position < a.cache.size() && a.cache[position] != a.page) ++position;
        sink->push_back(Event{.source = EventSource::Vm,
                              .kind = a.hit ? EventKind::Hit : EventKind::PageFault,
                              .text = ostep::explain_cache_access(*problem_, index),
                              .line = line_,
                              .data = PageReference{.page = static_cast<std::uint64_t>(a.page), .frame = position,
                                                    .victim = a.victim ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*a.victim))
                                                                       : std::nullopt}});
        return;
    }
    const ostep::Translation& t = problem_->translations[answered_++];
    if (sink == nullptr) return;
    // A violation is the problem's answer, not the learner's mistake: no error mark.
    sink->push_back(Event{.source = EventSource::Vm,
                          .kind = t.paddr ? EventKind::Translated : EventKind::Segfault,
                          .text = ostep::explain_translation(*problem_, t),
                          .line = line_,
                          .address = static_cast<std::uint64_t>(t.vaddr)});
}

}  // namespace memsim::machine
