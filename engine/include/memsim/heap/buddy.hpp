#pragma once
// The binary buddy allocator (Knowlton 1965; OSTEP 17.4; the Linux page allocator).
// Every block is 2^k bytes and starts at a multiple of its size. A request is rounded
// up to a power of two; a larger free block is halved until it fits, and each freed
// block merges with its buddy (the other half of the block it came from) whenever that
// buddy is free and whole, climbing as far as it can.
//
//   2^max chunk:  [                       256                      ]
//   malloc(40)    [          128           ][          128          ]   split
//   (64 with      [     64     ][    64     ][          128          ]   split
//    its header)  [ 64 (used)  ][ 64 free   ][        128 free       ]
//
//   buddy of the block at offset x of size 2^k  =  x XOR 2^k
//
// A block keeps a small header (its order) before the payload; the bookkeeping lives in
// per-unit arrays (one entry per smallest block), so finding a buddy and its state is
// constant time. The region grows by one 2^max chunk at a time.
#include <cstdint>
#include <optional>
#include <vector>

#include "memsim/core/large_array.hpp"
#include "memsim/heap/block.hpp"
#include "memsim/heap/config.hpp"
#include "memsim/heap/engine.hpp"

namespace memsim::heap {

// The operations are those of AllocatorEngine (engine.hpp). resize_in_place succeeds
// only while the new size still fits the block; check() covers tiling, order alignment,
// the free lists, and that no two free buddies are left unmerged.
class BuddyEngine {
public:
    BuddyEngine(const HeapConfig& config, const Region& region);

    MEMSIM_HEAP_ENGINE_OPERATIONS
    std::uint64_t payload_offset() const { return header_; }
    static constexpr bool has_headers() { return true; }
    // The free lists, one per order with a free block (smallest order first, as a search
    // climbs), each as block addresses from its head.
    std::vector<std::vector<std::uint64_t>> free_lists() const;

    bool operator==(const BuddyEngine&) const = default;

private:
    static constexpr std::uint32_t kNil = ~std::uint32_t{0};
    enum : std::uint8_t { kNone = 0, kFree = 1, kUsed = 2 };

    std::uint32_t units(std::uint32_t order) const { return 1u << (order - min_order_); }
    std::uint64_t addr_of(std::uint32_t unit) const { return base_ + (std::uint64_t{unit} << min_order_); }
    std::uint32_t unit_of(std::uint64_t addr) const {
        return static_cast<std::uint32_t>((addr - base_) >> min_order_);
    }
    void push(std::uint32_t unit, std::uint32_t order);
    void unlink(std::uint32_t unit);
    bool add_chunk(Region& region, EventSink& sink);

    std::uint32_t min_order_;
    std::uint32_t max_order_;
    std::uint64_t header_;
    std::uint64_t base_;
    // What the allocator knows about one unit, kept together: freeing a block reads its
    // record and its buddy's and relinks list neighbours, and with one array per field
    // each of those touched up to four cache lines (the cost of large heaps).
    struct UnitRecord {
        std::uint32_t next = kNil;    // free-list links
        std::uint32_t prev = kNil;
        std::uint8_t order = 0;       // the order of the block starting here
        std::uint8_t state = kNone;   // kNone (inside a block), kFree, kUsed
        bool operator==(const UnitRecord&) const = default;
    };
    LargeArray<UnitRecord> table_;      // one record per unit
    std::vector<std::uint32_t> heads_;  // one free list per order
};

}  // namespace memsim::heap
