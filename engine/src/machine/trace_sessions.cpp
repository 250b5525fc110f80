#include "memsim/core/text.hpp"
#include "memsim/machine/session.hpp"
#include "memsim/vm/explain.hpp"
#include "memsim/vm/replace.hpp"

namespace memsim::machine {

ReferenceSession::ReferenceSession(vm::Pager pager, std::shared_ptr<const PreparedTrace> trace)
    : pager_(std::move(pager)), trace_(std::move(trace)) {}

void ReferenceSession::advance(std::vector<Event>* sink) {
    if (done()) return;
    const std::size_t i = cursor_++;
    const std::uint32_t id = trace_->dense.ids[i];
    const bool write = !trace_->dense.writes.empty() && trace_->dense.writes[i] != 0;
    const std::uint64_t next = trace_->next_use.empty() ? vm::never : trace_->next_use[i];
    last_ = pager_.access(id, write, next);
    if (sink == nullptr) return;
    vm::ReplaceStep step;
    step.page = trace_->dense.pages[id];
    step.frame = last_->frame;
    step.hit = last_->hit;
    step.write = write;
    step.writeback = last_->victim_dirty;
    if (last_->victim != vm::no_page) step.victim = trace_->dense.pages[last_->victim];
    sink->push_back(Event{.source = EventSource::Vm, .kind = step.hit ? EventKind::Hit : EventKind::PageFault,
                          .text = vm::explain(step, pager_.config().policy.kind), .is_error = false, .step = 0,
                          .line = trace_->lines[i], .process = 0, .address = step.page,
                          .data = PageReference{.page = step.page, .frame = step.frame, .victim = step.victim,
                                                .write = step.write, .writeback = step.writeback}});
}

HeapTraceSession::HeapTraceSession(heap::Heap heap, std::shared_ptr<const heap::Trace> trace)
    : heap_(std::move(heap)), trace_(std::move(trace)), pointers_(trace_->ids + 1, 0) {}

void HeapTraceSession::advance(std::vector<Event>* sink) {
    if (done()) return;
    const heap::TraceOp& op = trace_->ops[cursor_++];
    std::vector<heap::HeapEvent> events;
    heap_.set_event_sink(sink ? &events : nullptr);
    if (op.id >= pointers_.size()) pointers_.resize(op.id + 1, 0);
    switch (op.kind) {
        case heap::TraceOpKind::Alloc: pointers_[op.id] = heap_.malloc(op.size); break;
        case heap::TraceOpKind::Calloc: pointers_[op.id] = heap_.calloc(1, op.size); break;
        case heap::TraceOpKind::Realloc: pointers_[op.id] = heap_.realloc(pointers_[op.id], op.size); break;
        case heap::TraceOpKind::Free: heap_.free(pointers_[op.id]); break;
    }
    heap_.set_event_sink(nullptr);
    if (sink == nullptr) return;
    for (const heap::HeapEvent& e : events) {
        sink->push_back(Event{.source = EventSource::Heap, .kind = kind_of(e.kind), .text = heap::explain(e),
                              .is_error = heap::is_error(e.kind), .step = 0, .line = op.line, .process = 0, .address = e.addr,
                              .data = e});
    }
}

}  // namespace memsim::machine
