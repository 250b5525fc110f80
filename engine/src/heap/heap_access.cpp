// Loads and stores into the heap, and leaks at exit: the learner-error detectors that
// look at memory rather than at calls to free.
#include <algorithm>

#include "memsim/heap/heap.hpp"

namespace memsim::heap {

AccessCheck Heap::check_access(std::uint64_t addr, std::uint64_t size, bool is_write) {
    const std::uint64_t last = addr + (size ? size - 1 : 0);
    for (const auto& m : mapped_) {
        if (addr < m.addr || addr >= m.addr + m.length) continue;
        if (!m.live) {
            error(HeapEventKind::UseAfterFree, addr, size, m.addr);
            return {AccessKind::UseAfterFree, m.addr};
        }
        return {last < m.addr + m.requested ? AccessKind::Ok : AccessKind::OutOfBounds, m.addr};
    }
    const auto block = with_engine([&](const auto& e) { return e.find_block(addr, region_); });
    if (!block) return {AccessKind::Wild, 0};
    if (!block->allocated) {
        error(HeapEventKind::UseAfterFree, addr, size, block->payload);
        return {AccessKind::UseAfterFree, block->payload};
    }
    const std::uint64_t requested = requested_at(block->payload);
    if (addr >= block->payload && last < block->payload + requested) return {AccessKind::Ok, block->payload};
    const bool headers = with_engine([](const auto& e) { return e.has_headers(); });
    const std::uint64_t block_end = block->block + block->size;
    // A write below the payload hits this block's own header; past the end, the next one's.
    const std::uint64_t header = addr < block->payload ? block->block : block_end;
    const bool hits_header = addr < block->payload || last >= block_end;
    if (is_write && hits_header && (headers || addr >= block->payload)) {
        error(HeapEventKind::HeapOverflow, addr, size, header);
        // Without headers (slab objects) the neighbour's data is damaged, but malloc and
        // free have nothing of their own there to trip over later.
        if (headers && std::find(overwritten_headers_.begin(), overwritten_headers_.end(), header) ==
                           overwritten_headers_.end())
            overwritten_headers_.push_back(header);
        return {AccessKind::Overflow, block->payload};
    }
    return {AccessKind::OutOfBounds, block->payload};
}

std::vector<HeapEvent> Heap::leaks(std::span<const std::uint64_t> roots) const {
    std::vector<HeapEvent> out;
    for (const auto& b : blocks()) {
        if (!b.allocated) continue;
        const std::uint64_t end = b.payload + std::max<std::uint64_t>(b.requested, 1);
        const bool reachable =
            std::any_of(roots.begin(), roots.end(), [&](std::uint64_t r) { return r >= b.payload && r < end; });
        out.push_back(HeapEvent{HeapEventKind::Leak, sink_.op, b.payload, b.requested, reachable ? 1u : 0u, 0});
    }
    return out;
}

}  // namespace memsim::heap
