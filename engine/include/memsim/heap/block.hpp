#pragma once
// The vocabulary every allocator shares: a block, the region it lives in, and what the
// heap checker reports.
//
// A block on an implicit or explicit list, to scale (header 8, footer 8, alignment 16):
//
//        block                 payload (16-aligned)                         block + size
//          |                     |                                                |
//          v                     v                                                v
//   ... ---+---------------------+------------------------------+--------+--------+--- ...
//          | header: size|alloc  |  payload (what malloc gave)  |padding | footer |
//   ... ---+---------------------+------------------------------+--------+--------+--- ...
//
// The header word holds the block size (a multiple of the alignment) with the low bit
// set when the block is allocated. The footer (a boundary tag) repeats it so free() can
// find the block before this one in constant time. A free block on an explicit list keeps
// its predecessor and successor links where the payload was.
//
// Internal fragmentation is everything in a block that is not requested payload: header,
// footer and padding. External fragmentation is free memory split into pieces too small
// to use.
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/heap/event.hpp"

namespace memsim::heap {

// One block as the allocator sees it.
struct BlockView {
    std::uint64_t block = 0;      // first byte (the header)
    std::uint64_t size = 0;       // whole block, metadata included
    std::uint64_t payload = 0;    // the address malloc returned for it
    std::uint64_t requested = 0;  // bytes the program asked for (0 when free)
    bool allocated = false;
    bool mapped = false;          // its own mmap region rather than the brk heap
    bool zeroed = false;          // the payload started out as zeros (calloc, or fresh mmap pages)

    bool operator==(const BlockView&) const = default;
};

// One inconsistency the heap checker found.
struct Violation {
    std::uint64_t addr = 0;  // where (a block, header or list node)
    std::string message;     // what is wrong, in plain words
};

// x rounded up to a multiple of `to` (a power of two).
constexpr std::uint64_t round_up(std::uint64_t x, std::uint64_t to) { return (x + to - 1) & ~(to - 1); }

// The brk heap region: [base, brk), growing in whole pages up to base + max.
struct Region {
    std::uint64_t base = 0;
    std::uint64_t brk = 0;           // one past the last byte in use
    std::uint64_t max = 0;           // bytes the region may reach
    std::uint64_t page_size = 4096;
    std::uint64_t peak = 0;          // largest brk - base seen
    std::uint64_t brk_calls = 0;     // growths
    std::uint64_t trims = 0;         // shrinks

    std::uint64_t size() const { return brk - base; }

    // Grows by `bytes` rounded up to whole pages; false (nothing changes) past the limit.
    bool grow(std::uint64_t bytes, EventSink& sink) {
        const std::uint64_t add = round_up(bytes, page_size);
        if (add == 0 || size() + add > max) return false;
        sink.emit(HeapEventKind::Brk, brk, add);
        brk += add;
        ++brk_calls;
        if (size() > peak) peak = size();
        return true;
    }

    // Gives back `bytes` (whole pages) from the top.
    void shrink(std::uint64_t bytes, EventSink& sink) {
        brk -= bytes;
        ++trims;
        sink.emit(HeapEventKind::Trim, brk, bytes);
    }

    bool operator==(const Region&) const = default;
};

}  // namespace memsim::heap
