#pragma once
// A simulated process heap: malloc, free, realloc and calloc over one of the allocator
// designs, with the learner's mistakes reported as events instead of crashes.
//
//   Heap heap{HeapConfig{.allocator = AllocatorKind::ExplicitList, .order = ListOrder::Address}};
//   std::uint64_t p = heap.malloc(24);         // an address in [base, brk), 0 = NULL
//   heap.free(p);
//   heap.free(p);                              // a DoubleFree event, nothing breaks
//   auto problems = heap.check();              // the heap checker: empty when consistent
//
// What the Heap adds on top of an allocator engine:
//   - the brk region (Region) and mmap'd blocks for requests >= mmap_threshold
//   - validation of every pointer handed to free/realloc (double, invalid, interior)
//   - check_access() for loads and stores: use after free, overflow into a header
//   - a header overwritten by an overflow is reported at the next malloc or free,
//     as glibc does ("free(): invalid next size")
//   - leaks at exit, split into definitely lost / still reachable given root pointers
//   - the metrics (metrics.hpp)
//
// For the virtual-memory model: every change of the address space is an event (Brk, Trim,
// Mmap, Munmap, with address and whole-page length), and region() / mappings() give the
// current [base, brk) and mappings, so a Machine can map those pages as demand-zero.
//
// The Heap is a value: copying it is a snapshot. The event sink pointers are not state.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "memsim/core/large_array.hpp"
#include "memsim/core/result.hpp"
#include "memsim/heap/block.hpp"
#include "memsim/heap/buddy.hpp"
#include "memsim/heap/config.hpp"
#include "memsim/heap/engine.hpp"
#include "memsim/heap/event.hpp"
#include "memsim/heap/free_list.hpp"
#include "memsim/heap/glibc_engine.hpp"
#include "memsim/heap/metrics.hpp"
#include "memsim/heap/slab.hpp"

namespace memsim::heap {

// What a load or store touched.
enum class AccessKind : std::uint8_t {
    Ok,           // inside the payload of a live block
    OutOfBounds,  // past the requested bytes but still inside the block (padding): a bug, harmless here
    Overflow,     // a write past the block into the next block's header (reported at the next malloc/free)
    UseAfterFree, // inside a freed block
    Wild,         // not in any block
};

// The verdict of check_access.
struct AccessCheck {
    AccessKind kind = AccessKind::Ok;
    std::uint64_t payload = 0;  // the block's payload (0 when none)
};

// A mapping made for a large request.
struct MappedBlock {
    std::uint64_t addr = 0;
    std::uint64_t length = 0;     // whole pages
    std::uint64_t requested = 0;
    bool live = true;             // false once unmapped (kept to recognise double frees)
    bool operator==(const MappedBlock&) const = default;
};

class Heap {
public:
    // A heap with a valid configuration (checked with an assert; use create() for input).
    explicit Heap(const HeapConfig& config = {});
    // The heap, or what is wrong with the configuration.
    static Result<Heap> create(const HeapConfig& config);

    // The payload address of a new block of `size` bytes, or 0 (NULL) when out of memory.
    std::uint64_t malloc(std::uint64_t size);
    // Frees a block; a bad pointer becomes an event. free(0) does nothing.
    void free(std::uint64_t ptr);
    // Resizes: in place when the block (or the free block after it) has room, else moves.
    std::uint64_t realloc(std::uint64_t ptr, std::uint64_t size);
    // count * size bytes, zeroed (an overflowing product fails like out of memory).
    std::uint64_t calloc(std::uint64_t count, std::uint64_t size);

    // Called by the machine for each load/store into the heap; records an event for errors.
    AccessCheck check_access(std::uint64_t addr, std::uint64_t size, bool is_write);
    // The bytes the program had asked for in the freed block at `payload`, when it was one
    // of the last 64 blocks freed.
    std::optional<std::uint64_t> freed_request(std::uint64_t payload) const;
    // Leak events for blocks never freed; a root value pointing into a block makes it
    // still reachable (other = 1), otherwise it is definitely lost (other = 0).
    std::vector<HeapEvent> leaks(std::span<const std::uint64_t> roots = {}) const;

    // Every block in address order, brk heap first then mappings (live ones).
    std::vector<BlockView> blocks() const;
    // The free lists in search order, as block addresses (allocators with linked free
    // lists: explicit, segregated and buddy, one list per order; empty for the others).
    std::vector<std::vector<std::uint64_t>> free_lists() const;
    // The heap checker: empty when every block, list and record is consistent.
    std::vector<Violation> check() const;
    HeapMetrics metrics() const;
    // The running counters only (no walk over the free blocks): cheap after every op.
    const HeapMetrics& counters() const { return counters_; }
    // Bytes of the brk region plus live mappings.
    std::uint64_t heap_size() const { return region_.size() + counters_.mapped_bytes; }
    // Switches a list allocator to another fit policy from the next search on (a teaching
    // experiment: same heap, different choices). No effect on buddy and slab.
    void set_fit(FitPolicy fit);
    // Blocks searched by the last allocation.
    std::uint32_t last_searched() const { return last_searched_; }

    const HeapConfig& config() const { return config_; }
    const Region& region() const { return region_; }
    const std::vector<MappedBlock>& mappings() const { return mapped_; }
    // Where events go (nullptr = bulk mode). Not part of the state.
    void set_event_sink(std::vector<HeapEvent>* sink) { sink_.out = sink; }
    // Where learner-error events also go (nullptr = nowhere). Not part of the state.
    void set_error_sink(std::vector<HeapEvent>* sink) { error_sink_ = sink; }
    // The glibc model when the allocator is Glibc (its bins, for the panel), else nullptr.
    const GlibcMalloc* glibc() const {
        const auto* engine = std::get_if<GlibcEngine>(&engine_);
        return engine ? &engine->model() : nullptr;
    }
    // Operations so far (each malloc/free/realloc/calloc is one).
    std::uint32_t op_count() const { return sink_.op; }

private:
    enum : std::uint32_t { kNoMark = 0, kFreedMark = 1, kLiveBase = 2, kZeroedBit = 0x80000000u };
    static std::uint64_t requested_of(std::uint32_t mark) { return (mark & ~kZeroedBit) - kLiveBase; }
    enum class PtrState { Live, LiveMapped, Freed, Interior, Invalid };
    using Engine = std::variant<FreeListEngine, BuddyEngine, SlabEngine, GlibcEngine>;

    std::uint64_t allocate(std::uint64_t size);
    void release(std::uint64_t ptr, PtrState state);
    PtrState classify(std::uint64_t ptr, std::uint64_t& block_payload) const;
    bool report_bad_pointer(std::uint64_t ptr, PtrState state, std::uint64_t block_payload, bool by_realloc = false);
    std::uint64_t map(std::uint64_t size);
    std::uint64_t mapping_gap(std::uint64_t length) const;
    void add_mapping(const MappedBlock& block);
    std::uint64_t requested_at(std::uint64_t payload) const;
    // Remembers what a freed block's program had asked for (memcheck names it: "inside a
    // block of size 16 free'd").
    void note_freed(std::uint64_t payload, std::uint64_t requested);
    std::size_t mark_index(std::uint64_t addr) const {
        return static_cast<std::size_t>((addr - region_.base) >> granule_shift_);
    }
    void begin_op();
    // The glibc allocator takes whole calls (heap_glibc.cpp).
    std::uint64_t glibc_allocate(std::uint64_t size, bool zeroed);
    void glibc_free(std::uint64_t ptr);
    std::uint64_t glibc_realloc(std::uint64_t ptr, std::uint64_t size);
    void glibc_apply(std::vector<GlibcEvent>& steps);
    void glibc_note_live(std::uint64_t payload, std::uint64_t size, bool zeroed);
    void glibc_note_released(std::uint64_t payload);
    void error(HeapEventKind kind, std::uint64_t addr, std::uint64_t size = 0, std::uint64_t other = 0);
    void note_heap_size();
    std::uint64_t engine_block_size(std::uint64_t payload) const;
    // Calls f with the engine (a switch, not std::visit's table, so calls can inline).
    template <class F>
    decltype(auto) with_engine(F&& f) {
        if (auto* lists = std::get_if<FreeListEngine>(&engine_)) return f(*lists);
        if (auto* buddy = std::get_if<BuddyEngine>(&engine_)) return f(*buddy);
        if (auto* glibc = std::get_if<GlibcEngine>(&engine_)) return f(*glibc);
        return f(*std::get_if<SlabEngine>(&engine_));
    }
    template <class F>
    decltype(auto) with_engine(F&& f) const {
        if (const auto* lists = std::get_if<FreeListEngine>(&engine_)) return f(*lists);
        if (const auto* buddy = std::get_if<BuddyEngine>(&engine_)) return f(*buddy);
        if (const auto* glibc = std::get_if<GlibcEngine>(&engine_)) return f(*glibc);
        return f(*std::get_if<SlabEngine>(&engine_));
    }

    HeapConfig config_;
    Region region_;
    Engine engine_;
    std::uint64_t granule_;                  // payload addresses are multiples of this (a power of two)
    int granule_shift_;
    LargeArray<std::uint32_t> marks_;        // per granule: kNoMark, kFreedMark or kLiveBase + requested
                                             // (| kZeroedBit after calloc)
    std::vector<MappedBlock> mapped_;       // live mappings and unmapped ones (for double frees)
    std::vector<std::uint64_t> overwritten_headers_;  // waiting to be noticed
    HeapMetrics counters_;
    std::uint32_t last_searched_ = 0;
    EventSink sink_;
    std::vector<HeapEvent>* error_sink_ = nullptr;
    // The last blocks freed and their requested sizes, oldest overwritten first: bounded, as
    // memcheck's own queue of freed blocks is, so a copy of the heap stays small.
    struct FreedBlock {
        std::uint64_t payload = 0;
        std::uint64_t requested = 0;
        bool operator==(const FreedBlock&) const = default;
    };
    static constexpr std::size_t kFreedRemembered = 64;
    std::array<FreedBlock, kFreedRemembered> recently_freed_{};
    std::uint32_t next_freed_ = 0;
};

}  // namespace memsim::heap
