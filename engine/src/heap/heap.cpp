// The Heap front end: pointer validation, mmap for large requests, metrics, and
// dispatch to the allocator engine. Access checks and leaks are in heap_access.cpp.
#include "memsim/heap/heap.hpp"

#include <algorithm>
#include <bit>
#include <functional>

#include "memsim/core/assert.hpp"

namespace memsim::heap {

static_assert(AllocatorEngine<FreeListEngine>);
static_assert(AllocatorEngine<BuddyEngine>);
static_assert(AllocatorEngine<SlabEngine>);
static_assert(AllocatorEngine<GlibcEngine>);

namespace {

Region make_region(const HeapConfig& c) {
    return Region{.base = c.base, .brk = c.base, .max = c.max_heap, .page_size = c.page_size};
}

std::uint64_t granule_for(const HeapConfig& c) {
    if (c.allocator != AllocatorKind::Slab) return c.alignment;
    std::uint32_t bits = 0;
    for (std::uint32_t s : c.slab_sizes) bits |= s;
    return std::min<std::uint64_t>(std::uint64_t{1} << std::countr_zero(bits), c.alignment);
}

}  // namespace

Heap::Heap(const HeapConfig& config)
    : config_(config),
      region_(make_region(config)),
      engine_(std::in_place_type<FreeListEngine>, config, region_),
      granule_(granule_for(config)),
      granule_shift_(std::countr_zero(granule_)) {
    MEMSIM_ASSERT(validate(config).empty());
    if (config.allocator == AllocatorKind::Buddy) engine_.emplace<BuddyEngine>(config, region_);
    if (config.allocator == AllocatorKind::Slab) engine_.emplace<SlabEngine>(config, region_);
    if (config.allocator == AllocatorKind::Glibc) engine_.emplace<GlibcEngine>(config, region_);
}

Result<Heap> Heap::create(const HeapConfig& config) {
    const std::string problem = validate(config);
    if (!problem.empty()) return fail(problem);
    return Heap(config);
}

void Heap::begin_op() {
    ++sink_.op;
    if (overwritten_headers_.empty()) return;
    for (std::uint64_t header : overwritten_headers_) error(HeapEventKind::Corruption, header);
    overwritten_headers_.clear();
}

void Heap::error(HeapEventKind kind, std::uint64_t addr, std::uint64_t size, std::uint64_t other) {
    ++counters_.errors;
    sink_.emit(kind, addr, size, other);
    if (error_sink_) error_sink_->push_back(HeapEvent{kind, sink_.op, addr, size, other, 0});
}

void Heap::note_heap_size() {
    const std::uint64_t size = region_.size() + counters_.mapped_bytes;
    counters_.peak_heap_size = std::max(counters_.peak_heap_size, size);
}

std::uint64_t Heap::engine_block_size(std::uint64_t payload) const {
    return with_engine([&](const auto& e) { return e.block_size(payload, region_); });
}

// Linux's top-down search (unmapped_area_topdown): the highest gap below mmap_top between
// live mappings that fits, never below mmap_base; 0 when none does (ENOMEM).
std::uint64_t Heap::mapping_gap(std::uint64_t length) const {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> live;  // [start, end), highest first
    for (const auto& m : mapped_)
        if (m.live) live.emplace_back(m.addr, m.addr + m.length);
    std::sort(live.begin(), live.end(), std::greater<>());
    std::uint64_t end = mmap_top_of(config_);
    for (const auto& [start, stop] : live) {
        if (stop <= end && end - stop >= length) break;
        end = std::min(end, start);
    }
    return end >= config_.mmap_base + length ? end - length : 0;
}

void Heap::add_mapping(const MappedBlock& block) {
    // A record of an unmapped block the new mapping covers goes: the range is live again.
    std::erase_if(mapped_, [&](const MappedBlock& m) {
        return !m.live && m.addr < block.addr + block.length && block.addr < m.addr + m.length;
    });
    mapped_.push_back(block);
}

std::uint64_t Heap::map(std::uint64_t size) {
    const std::uint64_t length = round_up(size, config_.page_size);
    const std::uint64_t addr = mapping_gap(length);
    if (addr == 0) return 0;
    add_mapping(MappedBlock{addr, length, size, true});
    ++counters_.mmap_calls;
    counters_.mapped_bytes += length;
    counters_.internal_fragmentation += length - size;
    sink_.emit(HeapEventKind::Mmap, addr, length);
    return addr;
}

// Allocation without the op bookkeeping (shared by malloc, calloc and realloc).
std::uint64_t Heap::allocate(std::uint64_t size) {
    last_searched_ = 0;
    const auto* slab = std::get_if<SlabEngine>(&engine_);
    const bool too_big_for_slab = slab && size > slab->largest_object();
    std::uint64_t payload = 0;
    if ((config_.mmap_threshold != 0 && size >= config_.mmap_threshold) || too_big_for_slab) {
        if (size > config_.max_mapped || counters_.mapped_bytes + round_up(size, config_.page_size) > config_.max_mapped) {
            ++counters_.failures;
            sink_.emit(HeapEventKind::OutOfMemory, 0, size);
            return 0;
        }
        payload = map(size);
        if (payload == 0) {  // no gap between the heap and the stack fits: mmap says ENOMEM
            ++counters_.failures;
            sink_.emit(HeapEventKind::OutOfMemory, 0, size, 1);
            return 0;
        }
    } else {
        if (size >= kZeroedBit - kLiveBase) {  // the marks record requests below 2 GiB
            ++counters_.failures;
            sink_.emit(HeapEventKind::OutOfMemory, 0, size);
            return 0;
        }
        const auto placed = with_engine([&](auto& e) { return e.allocate(size, region_, sink_); });
        if (!placed) {
            ++counters_.failures;
            sink_.emit(HeapEventKind::OutOfMemory, 0, size);
            return 0;
        }
        payload = placed->payload;
        last_searched_ = placed->searched;
        counters_.searched_total += placed->searched;
        counters_.searched_max = std::max<std::uint64_t>(counters_.searched_max, placed->searched);
        const std::size_t needed = static_cast<std::size_t>(region_.size() >> granule_shift_) + 1;
        if (marks_.size() < needed) marks_.resize(needed, kNoMark);
        marks_[mark_index(payload)] = static_cast<std::uint32_t>(kLiveBase + size);
        counters_.internal_fragmentation += placed->block_size - size;
    }
    ++counters_.mallocs;
    ++counters_.live_blocks;
    counters_.live_payload += size;
    counters_.peak_live_payload = std::max(counters_.peak_live_payload, counters_.live_payload);
    note_heap_size();
    return payload;
}

std::uint64_t Heap::malloc(std::uint64_t size) {
    begin_op();
    if (std::holds_alternative<GlibcEngine>(engine_)) return glibc_allocate(size, false);
    const std::uint64_t payload = allocate(size);
    if (payload) sink_.emit(HeapEventKind::Malloc, payload, size, payload >= config_.mmap_base
                                                                      ? round_up(size, config_.page_size)
                                                                      : engine_block_size(payload));
    return payload;
}

Heap::PtrState Heap::classify(std::uint64_t ptr, std::uint64_t& block_payload) const {
    block_payload = 0;
    for (const auto& m : mapped_) {
        if (ptr < config_.mmap_base) break;  // mappings all lie above the brk heap
        if (ptr == m.addr) return m.live ? PtrState::LiveMapped : PtrState::Freed;
        if (m.live && ptr > m.addr && ptr < m.addr + m.length) {
            block_payload = m.addr;
            return PtrState::Interior;
        }
    }
    if (ptr < region_.base || ptr >= region_.brk) return PtrState::Invalid;
    const bool marked = ((ptr - region_.base) & (granule_ - 1)) == 0 && mark_index(ptr) < marks_.size();
    const std::uint32_t mark = marked ? marks_[mark_index(ptr)] : kNoMark;
    if (mark >= kLiveBase) return PtrState::Live;
    // A freed mark may be stale: the address can lie inside a block allocated since
    // (marks are not cleared when a block is reused, which keeps malloc constant-time).
    const auto block = with_engine([&](const auto& e) { return e.find_block(ptr, region_); });
    if (mark == kFreedMark && !(block && block->allocated && block->payload != ptr)) return PtrState::Freed;
    if (block && block->allocated) {
        block_payload = block->payload;
        return PtrState::Interior;
    }
    return PtrState::Invalid;
}

// Reports a pointer free/realloc must not touch; true when it was bad.
bool Heap::report_bad_pointer(std::uint64_t ptr, PtrState state, std::uint64_t block_payload, bool by_realloc) {
    switch (state) {
        case PtrState::Live:
        case PtrState::LiveMapped: return false;
        case PtrState::Freed: error(by_realloc ? HeapEventKind::ReallocFreed : HeapEventKind::DoubleFree, ptr); return true;
        case PtrState::Interior: error(HeapEventKind::InteriorFree, ptr, 0, block_payload); return true;
        case PtrState::Invalid: error(HeapEventKind::InvalidFree, ptr); return true;
    }
    return true;
}

std::uint64_t Heap::requested_at(std::uint64_t payload) const {
    if (payload >= config_.mmap_base)
        for (const auto& m : mapped_)
            if (m.live && m.addr == payload) return m.requested;
    return requested_of(marks_[mark_index(payload)]);
}

void Heap::note_freed(std::uint64_t payload, std::uint64_t requested) {
    recently_freed_[next_freed_] = FreedBlock{.payload = payload, .requested = requested};
    next_freed_ = static_cast<std::uint32_t>((next_freed_ + 1) % kFreedRemembered);
}

std::optional<std::uint64_t> Heap::freed_request(std::uint64_t payload) const {
    // Newest first: a payload freed, reused and freed again has its last size.
    for (std::size_t i = 1; i <= kFreedRemembered; ++i) {
        const FreedBlock& f = recently_freed_[(next_freed_ + kFreedRemembered - i) % kFreedRemembered];
        if (f.payload == payload && payload != 0) return f.requested;
    }
    return std::nullopt;
}

void Heap::release(std::uint64_t ptr, PtrState state) {
    std::uint64_t block_bytes = 0;
    std::uint64_t requested = 0;
    if (state == PtrState::LiveMapped) {
        for (auto& m : mapped_) {
            if (m.addr != ptr) continue;
            m.live = false;
            requested = m.requested;
            block_bytes = m.length;
            counters_.mapped_bytes -= m.length;
            ++counters_.munmap_calls;
            sink_.emit(HeapEventKind::Munmap, m.addr, m.length);
        }
    } else {
        requested = requested_of(marks_[mark_index(ptr)]);
        block_bytes = engine_block_size(ptr);
        sink_.emit(HeapEventKind::Free, ptr, block_bytes);
        marks_[mark_index(ptr)] = kFreedMark;
        with_engine([&](auto& e) { e.release(ptr, region_, sink_); });
    }
    note_freed(ptr, requested);
    ++counters_.frees;
    --counters_.live_blocks;
    counters_.live_payload -= requested;
    counters_.internal_fragmentation -= block_bytes - requested;
}

void Heap::free(std::uint64_t ptr) {
    begin_op();
    if (ptr == 0) return;
    if (std::holds_alternative<GlibcEngine>(engine_)) return glibc_free(ptr);
    // The pointer's record and its block's header are both about to be read, each likely a
    // cache miss on a big heap: start the header's load now so the two overlap.
    if (const auto* lists = std::get_if<FreeListEngine>(&engine_)) lists->prefetch_block(ptr, region_);
    std::uint64_t block_payload = 0;
    const PtrState state = classify(ptr, block_payload);
    if (report_bad_pointer(ptr, state, block_payload)) return;
    release(ptr, state);
}

std::uint64_t Heap::realloc(std::uint64_t ptr, std::uint64_t size) {
    if (ptr == 0) return malloc(size);
    if (size == 0) {
        free(ptr);
        return 0;
    }
    begin_op();
    ++counters_.reallocs;
    if (std::holds_alternative<GlibcEngine>(engine_)) return glibc_realloc(ptr, size);
    std::uint64_t block_payload = 0;
    const PtrState state = classify(ptr, block_payload);
    if (report_bad_pointer(ptr, state, block_payload, true)) return 0;
    const std::uint64_t old_requested = requested_at(ptr);
    const bool small = (config_.mmap_threshold == 0 || size < config_.mmap_threshold) && size < kZeroedBit - kLiveBase;
    if (state == PtrState::Live && small) {
        const std::uint64_t old_block = engine_block_size(ptr);
        const bool in_place =
            with_engine([&](auto& e) { return e.resize_in_place(ptr, size, region_, sink_); });
        if (in_place) {
            const std::uint64_t new_block = engine_block_size(ptr);
            marks_[mark_index(ptr)] = static_cast<std::uint32_t>(kLiveBase + size);
            counters_.live_payload = counters_.live_payload - old_requested + size;
            counters_.peak_live_payload = std::max(counters_.peak_live_payload, counters_.live_payload);
            counters_.internal_fragmentation =
                counters_.internal_fragmentation - (old_block - old_requested) + (new_block - size);
            sink_.emit(HeapEventKind::ReallocInPlace, ptr, size, new_block);
            note_heap_size();
            return ptr;
        }
    }
    // The peak counts the old and new data once, as the malloc-lab driver does, although
    // both blocks exist for a moment while the data is copied.
    const std::uint64_t peak = counters_.peak_live_payload;
    const std::uint64_t moved = allocate(size);
    if (moved == 0) return 0;  // the old block stays, as C requires
    release(ptr, state);
    counters_.peak_live_payload = std::max(peak, counters_.live_payload);
    sink_.emit(HeapEventKind::Realloc, moved, size, ptr);
    return moved;
}

std::uint64_t Heap::calloc(std::uint64_t count, std::uint64_t size) {
    if (size != 0 && count > ~std::uint64_t{0} / size) {
        begin_op();
        ++counters_.failures;
        sink_.emit(HeapEventKind::OutOfMemory, 0, ~std::uint64_t{0});
        return 0;
    }
    if (std::holds_alternative<GlibcEngine>(engine_)) {
        begin_op();
        return glibc_allocate(count * size, true);
    }
    const std::uint64_t payload = malloc(count * size);
    if (payload == 0) return 0;
    if (payload < config_.mmap_base) marks_[mark_index(payload)] |= kZeroedBit;  // mappings start zeroed anyway
    sink_.emit(HeapEventKind::Calloc, payload, count * size);
    return payload;
}

void Heap::set_fit(FitPolicy fit) {
    config_.fit = fit;
    if (auto* lists = std::get_if<FreeListEngine>(&engine_)) lists->set_fit(fit);
}

std::vector<BlockView> Heap::blocks() const {
    std::vector<BlockView> out;
    with_engine([&](const auto& e) { e.blocks(region_, out); });
    for (auto& b : out) {
        if (!b.allocated) continue;
        b.requested = requested_at(b.payload);
        b.zeroed = (marks_[mark_index(b.payload)] & kZeroedBit) != 0;
    }
    const std::size_t first_mapping = out.size();
    for (const auto& m : mapped_)
        if (m.live) out.push_back(BlockView{m.addr, m.length, m.addr, m.requested, true, true, true});
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_mapping), out.end(),
              [](const BlockView& a, const BlockView& b) { return a.block < b.block; });
    return out;
}

std::vector<std::vector<std::uint64_t>> Heap::free_lists() const {
    if (const auto* lists = std::get_if<FreeListEngine>(&engine_)) return lists->free_lists(region_);
    if (const auto* buddy = std::get_if<BuddyEngine>(&engine_)) return buddy->free_lists();
    return {};
}

HeapMetrics Heap::metrics() const {
    HeapMetrics m = counters_;
    const FreeStats free = with_engine([&](const auto& e) { return e.free_stats(region_); });
    m.free_bytes = free.bytes;
    m.largest_free = free.largest;
    m.free_blocks = free.blocks;
    m.heap_size = region_.size() + counters_.mapped_bytes;
    m.brk_calls = region_.brk_calls;
    m.trims = region_.trims;
    return m;
}

std::vector<Violation> Heap::check() const {
    std::vector<Violation> out;
    with_engine([&](const auto& e) { e.check(region_, out); });
    if (!out.empty()) return out;
    std::uint64_t live = 0;
    std::uint64_t payload = 0;
    std::vector<BlockView> all;
    with_engine([&](const auto& e) { e.blocks(region_, all); });
    for (const auto& b : all) {
        const bool marked = mark_index(b.payload) < marks_.size() && marks_[mark_index(b.payload)] >= kLiveBase;
        if (b.allocated != marked)
            out.push_back({b.block, b.allocated ? "an allocated block malloc never handed out"
                                                : "a live pointer whose block is free"});
        if (b.allocated && marked) {
            ++live;
            payload += requested_of(marks_[mark_index(b.payload)]);
        }
    }
    for (const auto& m : mapped_)
        if (m.live) ++live, payload += m.requested;
    if (live != counters_.live_blocks || payload != counters_.live_payload)
        out.push_back({region_.base, "the live block count or live payload does not match the blocks"});
    return out;
}

}  // namespace memsim::heap
