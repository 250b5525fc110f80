// Machine: malloc and friends. The allocator works on its own model of the heap; the
// machine maps the pages it asks for (brk growth, mmap) into the process's page table
// and keeps calloc's zeros and realloc's copy in the memory contents.
#include "memsim/core/text.hpp"
#include "memsim/machine/machine.hpp"

namespace memsim::machine {

void Machine::after_heap_operation(std::vector<heap::HeapEvent>& heap_events, std::vector<Event>* sink) {
    const vm::Protection read_write{.read = true, .write = true, .execute = false};
    for (const heap::HeapEvent& e : heap_events) {
        if (e.kind == heap::HeapEventKind::Brk || e.kind == heap::HeapEventKind::Mmap) {
            // Already-mapped pages (a brk that grows back after a trim) are fine to skip.
            (void)mmu_.map(current_, e.addr, e.size, read_write, vm::Backing::Zero);
        }
        if (heap::is_error(e.kind)) ++errors_.heap_errors;
        add_event(sink, EventSource::Heap, std::string(heap::to_string(e.kind)), heap::explain(e), heap::is_error(e.kind), e.addr);
    }
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
    after_heap_operation(events, sink);
    if (moved != 0 && pointer != 0 && moved != pointer) {
        running_process().memory.copy(moved, pointer, std::min(old_size, size));
    }
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
