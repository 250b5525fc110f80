// Machine: malloc and friends. The allocator works on its own model of the heap; the
// machine maps the pages it asks for (brk growth, mmap) into the process's page table
// and keeps calloc's zeros and realloc's copy in the memory contents.
#include "memsim/core/text.hpp"
#include "memsim/machine/explain.hpp"
#include "memsim/machine/machine.hpp"

namespace memsim::machine {

namespace {
// The part of [start, end) that no mapping made in the same call covers (an mremap that
// keeps its address unmaps and maps the same pages: those keep their contents).
template <class Fn>
void for_each_uncovered(std::uint64_t start, std::uint64_t end, const std::vector<heap::HeapEvent>& events, Fn&& fn) {
    for (const heap::HeapEvent& m : events) {
        if (m.kind != heap::HeapEventKind::Mmap || m.addr >= end || m.addr + m.size <= start) continue;
        if (start < m.addr) for_each_uncovered(start, m.addr, events, fn);
        if (m.addr + m.size < end) for_each_uncovered(m.addr + m.size, end, events, fn);
        return;
    }
    fn(start, end);
}
}  // namespace

void Machine::after_heap_operation(std::vector<heap::HeapEvent>& heap_events, std::vector<Event>* sink) {
    const vm::Protection read_write{.read = true, .write = true, .execute = false};
    for (const heap::HeapEvent& e : heap_events) {
        if (e.kind == heap::HeapEventKind::Brk || e.kind == heap::HeapEventKind::Mmap) {
            // Page by page: pages already mapped (a brk that grows back after a trim, an
            // mremap that kept its start) stay as they are.
            for (std::uint64_t page = e.addr; page < e.addr + e.size; page += config_.page_size)
                (void)mmu_.map(current_, page, config_.page_size, read_write, vm::Backing::Zero);
        }
        if (e.kind == heap::HeapEventKind::Munmap) {
            // munmap: the pages go, so a later mapping of the range starts from zeros.
            add_heap_event(sink, e);
            for_each_uncovered(e.addr, e.addr + e.size, heap_events, [&](std::uint64_t from, std::uint64_t to) {
                const vm::ReleaseOutcome outcome = mmu_.unmap(current_, from, to - from);
                running_process().memory.discard(from, to - from);
                add_event(sink, EventSource::Vm, EventKind::Unmap, false, from,
                          [&] { return explain_unmap(current_, from, to, outcome); });
            });
            continue;
        }
        if (heap::is_error(e.kind)) ++errors_.heap_errors;
        add_heap_event(sink, e);
    }
}

void Machine::add_heap_event(std::vector<Event>* sink, const heap::HeapEvent& event) const {
    add_event(sink, EventSource::Heap, kind_of(event.kind), heap::is_error(event.kind), event.addr,
              [&] { return heap::explain(event); }, [&] { return event; });
}

std::uint64_t Machine::malloc(std::uint64_t size, std::vector<Event>* sink) {
    if (!require_running("malloc", sink)) return 0;
    std::vector<heap::HeapEvent> events;
    Process& process = running_process();
    process.heap.set_event_sink(&events);  // brk and mmap events are needed even in bulk mode
    const std::uint64_t pointer = process.heap.malloc(size);
    process.heap.set_event_sink(nullptr);
    after_heap_operation(events, sink);
    return pointer;
}

std::uint64_t Machine::calloc(std::uint64_t count, std::uint64_t size, std::vector<Event>* sink) {
    if (!require_running("calloc", sink)) return 0;
    std::vector<heap::HeapEvent> events;
    Process& process = running_process();
    process.heap.set_event_sink(&events);
    const std::uint64_t pointer = process.heap.calloc(count, size);
    process.heap.set_event_sink(nullptr);
    after_heap_operation(events, sink);
    if (pointer != 0) running_process().memory.fill(pointer, count * size, 0);
    return pointer;
}

std::uint64_t Machine::realloc(std::uint64_t pointer, std::uint64_t size, std::vector<Event>* sink) {
    if (!require_running("realloc", sink)) return 0;
    std::vector<heap::HeapEvent> events;
    Process& process = running_process();
    const auto old_blocks = process.heap.blocks();
    std::uint64_t old_size = 0;
    for (const auto& block : old_blocks) {
        if (block.payload == pointer && block.allocated) old_size = block.requested;
    }
    process.heap.set_event_sink(&events);
    const std::uint64_t moved = process.heap.realloc(pointer, size);
    process.heap.set_event_sink(nullptr);
    // The copy comes first: a moved mapping's old pages are unmapped with the events.
    if (moved != 0 && pointer != 0 && moved != pointer) {
        running_process().memory.copy(moved, pointer, std::min(old_size, size));
    }
    after_heap_operation(events, sink);
    return moved;
}

void Machine::free(std::uint64_t pointer, std::vector<Event>* sink) {
    if (!require_running("free", sink)) return;
    std::vector<heap::HeapEvent> events;
    Process& process = running_process();
    process.heap.set_event_sink(&events);
    process.heap.free(pointer);
    process.heap.set_event_sink(nullptr);
    after_heap_operation(events, sink);
}

}  // namespace memsim::machine
