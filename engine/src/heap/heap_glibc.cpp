// The Heap with the glibc allocator: whole calls go to the model, whose steps become the
// Heap's events (each step explained, plus Brk/Trim/Mmap/Munmap for the address space and
// the learner errors), counters and per-payload records.
#include <algorithm>

#include "memsim/heap/heap.hpp"

namespace memsim::heap {

namespace {
GlibcMalloc& model_of(std::variant<FreeListEngine, BuddyEngine, SlabEngine, GlibcEngine>& engine) {
    return std::get<GlibcEngine>(engine).model();
}
}  // namespace

void Heap::glibc_apply(std::vector<GlibcEvent>& steps) {
    for (const GlibcEvent& e : steps) {
        if (sink_.out) sink_.out->push_back(to_heap_event(e, sink_.op));
        switch (e.kind) {
            case GlibcEventKind::Sbrk:
                region_.brk += e.size;
                ++region_.brk_calls;
                region_.peak = std::max(region_.peak, region_.size());
                sink_.emit(HeapEventKind::Brk, e.chunk, e.size);
                break;
            case GlibcEventKind::Trimmed: region_.shrink(e.size, sink_); break;
            case GlibcEventKind::FromMmap:
                add_mapping(MappedBlock{e.chunk + 16, e.size - 16, e.request, true});
                ++counters_.mmap_calls;
                counters_.mapped_bytes += e.size;
                sink_.emit(HeapEventKind::Mmap, e.chunk, e.size);
                break;
            case GlibcEventKind::Munmapped:
                for (auto& m : mapped_)
                    if (m.live && m.addr == e.chunk + 16) m.live = false;
                ++counters_.munmap_calls;
                counters_.mapped_bytes -= e.size;
                sink_.emit(HeapEventKind::Munmap, e.chunk, e.size);
                break;
            case GlibcEventKind::Error:
                error(e.message.find("double free") != std::string_view::npos ? HeapEventKind::DoubleFree
                                                                             : HeapEventKind::InvalidFree,
                      e.chunk + 16);
                break;
            default: break;
        }
    }
    steps.clear();
    note_heap_size();
}

// Records a new live payload: its mark (brk heap) or its mapping's request, and the counters.
void Heap::glibc_note_live(std::uint64_t payload, std::uint64_t size, bool zeroed) {
    const GlibcMalloc& m = model_of(engine_);
    std::uint64_t block = 0;
    if (m.is_mapped(payload)) {
        for (auto& mapping : mapped_)
            if (mapping.live && mapping.addr == payload) mapping.requested = size, block = mapping.length + 16;
    } else {
        const std::size_t needed = static_cast<std::size_t>(region_.size() >> granule_shift_) + 1;
        if (marks_.size() < needed) marks_.resize(needed, kNoMark);
        marks_[mark_index(payload)] = static_cast<std::uint32_t>(kLiveBase + size) | (zeroed ? std::uint32_t{kZeroedBit} : 0u);
        block = m.usable_size(payload) + 8;
    }
    ++counters_.live_blocks;
    counters_.live_payload += size;
    counters_.peak_live_payload = std::max(counters_.peak_live_payload, counters_.live_payload);
    counters_.internal_fragmentation += block - size;
}

// Forgets a live payload about to be freed or moved (the model still has it).
void Heap::glibc_note_released(std::uint64_t payload) {
    const GlibcMalloc& m = model_of(engine_);
    const std::uint64_t requested = requested_at(payload);
    const std::uint64_t block = m.is_mapped(payload) ? m.usable_size(payload) + 16 : m.usable_size(payload) + 8;
    if (!m.is_mapped(payload)) marks_[mark_index(payload)] = kFreedMark;
    note_freed(payload, requested);
    --counters_.live_blocks;
    counters_.live_payload -= requested;
    counters_.internal_fragmentation -= block - requested;
}

std::uint64_t Heap::glibc_allocate(std::uint64_t size, bool zeroed) {
    GlibcMalloc& m = model_of(engine_);
    std::vector<GlibcEvent> steps;
    m.set_event_sink(&steps, sink_.out != nullptr);
    const std::uint64_t payload = zeroed ? m.calloc(1, size) : m.malloc(size);
    m.set_event_sink(nullptr);
    glibc_apply(steps);
    if (!payload) {
        ++counters_.failures;
        sink_.emit(HeapEventKind::OutOfMemory, 0, size);
        return 0;
    }
    glibc_note_live(payload, size, zeroed);
    ++counters_.mallocs;
    note_heap_size();
    sink_.emit(HeapEventKind::Malloc, payload, size, engine_block_size(payload));
    if (zeroed) sink_.emit(HeapEventKind::Calloc, payload, size);
    return payload;
}

void Heap::glibc_free(std::uint64_t ptr) {
    GlibcMalloc& m = model_of(engine_);
    const bool live = m.is_live(ptr);
    std::uint64_t bytes = 0;
    if (live) {
        bytes = m.is_mapped(ptr) ? m.usable_size(ptr) + 16 : m.usable_size(ptr) + 8;
        glibc_note_released(ptr);
        ++counters_.frees;
        sink_.emit(HeapEventKind::Free, ptr, bytes);
    }
    std::vector<GlibcEvent> steps;
    m.set_event_sink(&steps, sink_.out != nullptr);
    m.free(ptr);
    m.set_event_sink(nullptr);
    glibc_apply(steps);
}

std::uint64_t Heap::glibc_realloc(std::uint64_t ptr, std::uint64_t size) {
    GlibcMalloc& m = model_of(engine_);
    std::vector<GlibcEvent> steps;
    m.set_event_sink(&steps, sink_.out != nullptr);
    if (!m.is_live(ptr)) {
        m.realloc(ptr, size);  // reports glibc's error and changes nothing
        m.set_event_sink(nullptr);
        glibc_apply(steps);
        return 0;
    }
    const bool was_mapped = m.is_mapped(ptr);
    const std::uint64_t old_requested = requested_at(ptr);
    const std::uint64_t old_mapping = was_mapped ? m.usable_size(ptr) + 16 : 0;
    const std::uint64_t peak = counters_.peak_live_payload;
    glibc_note_released(ptr);
    const std::uint64_t moved = m.realloc(ptr, size);
    m.set_event_sink(nullptr);
    if (was_mapped && moved) {
        // mremap: the old mapping's pages go, the new ones come (the same when it stayed).
        for (auto& mapping : mapped_)
            if (mapping.live && mapping.addr == ptr) mapping.live = false;
        counters_.mapped_bytes -= old_mapping;
        sink_.emit(HeapEventKind::Munmap, ptr - 16, old_mapping);
        const std::uint64_t length = m.usable_size(moved) + 16;
        add_mapping(MappedBlock{moved, length - 16, size, true});
        counters_.mapped_bytes += length;
        sink_.emit(HeapEventKind::Mmap, moved - 16, length);
    }
    glibc_apply(steps);
    if (!moved) {  // the old block stays, as C requires
        glibc_note_live(ptr, old_requested, false);
        ++counters_.failures;
        sink_.emit(HeapEventKind::OutOfMemory, 0, size);
        return 0;
    }
    glibc_note_live(moved, size, false);
    counters_.peak_live_payload = std::max(peak, counters_.live_payload);
    note_heap_size();
    if (moved == ptr) sink_.emit(HeapEventKind::ReallocInPlace, ptr, size, engine_block_size(ptr));
    else sink_.emit(HeapEventKind::Realloc, moved, size, ptr);
    return moved;
}

}  // namespace memsim::heap
