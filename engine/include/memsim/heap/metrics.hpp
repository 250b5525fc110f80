#pragma once
// How well an allocator uses its memory, measured the way the textbooks do.
//
//   utilisation             = peak live payload / peak heap size      (CS:APP malloc lab:
//                             its heap never shrinks, so the peak is its final size)
//   internal fragmentation  = bytes of live blocks that are not requested payload:
//                             headers, footers, padding, rounding up to a power of two
//   external fragmentation  = 1 - largest free block / all free bytes
//                             (0 when free memory is one piece, near 1 when it is dust)
//   searched per request    = blocks (or lists) an allocation looked at
#include <cstdint>

namespace memsim::heap {

// A snapshot of the counters and the derived ratios.
struct HeapMetrics {
    std::uint64_t heap_size = 0;               // brk heap plus live mappings, now
    std::uint64_t peak_heap_size = 0;          // the largest heap_size so far
    std::uint64_t live_payload = 0;            // bytes requested by live allocations
    std::uint64_t peak_live_payload = 0;
    std::uint64_t live_blocks = 0;
    std::uint64_t internal_fragmentation = 0;  // metadata and padding inside live blocks
    std::uint64_t free_bytes = 0;              // in free blocks of the brk heap
    std::uint64_t largest_free = 0;
    std::uint64_t free_blocks = 0;
    std::uint64_t mallocs = 0;                 // successful allocations (calloc and realloc moves too)
    std::uint64_t frees = 0;                   // successful frees
    std::uint64_t reallocs = 0;
    std::uint64_t failures = 0;                // allocations that returned NULL
    std::uint64_t errors = 0;                  // learner errors reported
    std::uint64_t searched_total = 0;
    std::uint64_t searched_max = 0;
    std::uint64_t brk_calls = 0;
    std::uint64_t trims = 0;
    std::uint64_t mmap_calls = 0;
    std::uint64_t munmap_calls = 0;
    std::uint64_t mapped_bytes = 0;            // live mappings

    // Peak live payload over peak heap size (0 for an empty heap).
    double utilisation() const {
        return peak_heap_size ? static_cast<double>(peak_live_payload) / static_cast<double>(peak_heap_size) : 0.0;
    }
    // 1 - largest free block / free bytes (0 when nothing is free).
    double external_fragmentation() const {
        return free_bytes ? 1.0 - static_cast<double>(largest_free) / static_cast<double>(free_bytes) : 0.0;
    }
    // Average blocks searched per successful allocation.
    double searched_mean() const {
        return mallocs ? static_cast<double>(searched_total) / static_cast<double>(mallocs) : 0.0;
    }

    bool operator==(const HeapMetrics&) const = default;
};

}  // namespace memsim::heap
