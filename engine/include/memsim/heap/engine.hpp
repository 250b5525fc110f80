#pragma once
// What every allocator engine (free lists, buddy, slab) provides to the Heap. The Heap
// keeps one engine by value in a std::variant and calls it through std::visit, so an
// engine is a plain value type (copying it is a snapshot) and no call is virtual.
//
//   Heap (pointer checks, mmap, metrics, events)
//     |
//     +-- allocate / release / resize_in_place   the policy: which block, split, merge
//     +-- block_size / find_block / blocks       reading the heap back
//     +-- free_stats / check                     fragmentation and the heap checker
//
// Engines see only validated requests: release() gets a live payload, never a bad pointer.
#include <concepts>
#include <cstdint>
#include <optional>
#include <vector>

#include "memsim/heap/block.hpp"
#include "memsim/heap/event.hpp"

namespace memsim::heap {

// Where an allocation landed.
struct Placement {
    std::uint64_t block = 0;       // address of the block (its header)
    std::uint64_t payload = 0;     // address returned to the program
    std::uint64_t block_size = 0;  // bytes of the block, metadata included
    std::uint32_t searched = 0;    // blocks (or lists) examined to find it
};

// Totals over the free blocks.
struct FreeStats {
    std::uint64_t bytes = 0;    // all free bytes in blocks
    std::uint64_t largest = 0;  // the largest free block
    std::uint64_t blocks = 0;   // how many free blocks
};

// The operations, with what each means:
//   allocate(size, region, sink)        a block for `size` payload bytes (growing brk), or nothing
//   release(payload, region, sink)      frees the live block whose payload starts there
//   resize_in_place(payload, size, ...) grows or shrinks without moving; false = must move
//   block_size(payload, region)         the whole block size of a live payload
//   find_block(addr, region)            the block (allocated or free) containing addr
//   blocks(region, out)                 every block in address order (requested left 0)
//   free_stats(region)                  free bytes, largest free block, free blocks
//   check(region, out)                  appends every inconsistency found
//   payload_offset()                    bytes from block start to payload
//   has_headers()                       whether an overflow can hit a header
template <class E>
concept AllocatorEngine = requires(E e, const E ce, Region& r, const Region& cr, EventSink& s,
                                   std::vector<BlockView>& blocks, std::vector<Violation>& problems,
                                   std::uint64_t n) {
    { e.allocate(n, r, s) } -> std::same_as<std::optional<Placement>>;
    { e.release(n, r, s) } -> std::same_as<void>;
    { e.resize_in_place(n, n, r, s) } -> std::same_as<bool>;
    { ce.block_size(n, cr) } -> std::same_as<std::uint64_t>;
    { ce.find_block(n, cr) } -> std::same_as<std::optional<BlockView>>;
    { ce.blocks(cr, blocks) } -> std::same_as<void>;
    { ce.free_stats(cr) } -> std::same_as<FreeStats>;
    { ce.check(cr, problems) } -> std::same_as<void>;
    { ce.payload_offset() } -> std::same_as<std::uint64_t>;
    { E::has_headers() } -> std::same_as<bool>;
};

}  // namespace memsim::heap

// Declares the AllocatorEngine operations in an engine class, so the list lives in one
// place (payload_offset and has_headers differ per engine and are written out).
#define MEMSIM_HEAP_ENGINE_OPERATIONS                                                              \
    std::optional<Placement> allocate(std::uint64_t size, Region& region, EventSink& sink);        \
    void release(std::uint64_t payload, Region& region, EventSink& sink);                          \
    bool resize_in_place(std::uint64_t payload, std::uint64_t size, Region& region, EventSink& sink); \
    std::uint64_t block_size(std::uint64_t payload, const Region& region) const;                   \
    std::optional<BlockView> find_block(std::uint64_t addr, const Region& region) const;           \
    void blocks(const Region& region, std::vector<BlockView>& out) const;                          \
    FreeStats free_stats(const Region& region) const;                                              \
    void check(const Region& region, std::vector<Violation>& out) const;
