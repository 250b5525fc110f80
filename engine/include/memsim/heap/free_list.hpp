#pragma once
// The list allocators of the textbooks (CS:APP 9.9, OSTEP 17) over a real byte image of
// the heap: headers, footers and list links are words stored in the simulated bytes.
//
//   implicit list : walk every block by its header size (allocated ones too)
//   explicit list : free blocks carry pred/succ links in their payload
//   segregated    : one explicit list per size class, first fit in a class. The first
//                   128 classes hold one size each (min block, + alignment, ...); above,
//                   each power of two [2^k, 2^(k+1)) is split into four classes. A bitmap
//                   of non-empty classes finds the next class with a block in O(1).
//
// The heap layout follows CS:APP: padding so that payloads are aligned, then the blocks,
// then an epilogue header (size 0, allocated) that stops every walk:
//
//   base                                                                      brk
//    | pad | hdr | payload ..... | ftr | hdr | pred | succ | ... | ftr | epilogue |
//            <------- allocated block ------> <--------- free block ---->
//
// A free block on an explicit list:
//
//   +--------+---------------+---------------+-------- ... --+--------+
//   | header | pred (offset) | succ (offset) |    unused     | footer |
//   +--------+---------------+---------------+-------- ... --+--------+
//
// Links are offsets from the heap base (all ones = none), so copying the engine copies
// the whole heap state: a snapshot is a plain copy.
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "memsim/core/large_array.hpp"
#include "memsim/heap/block.hpp"
#include "memsim/heap/config.hpp"
#include "memsim/heap/engine.hpp"

namespace memsim::heap {

// Implicit, explicit and segregated free lists (the kind comes from the config).
// The public operations are those of AllocatorEngine (engine.hpp). Growing a block in
// place absorbs a free next block; check() covers headers, footers, tiling, alignment,
// every list and coalescing.
class FreeListEngine {
public:
    FreeListEngine(const HeapConfig& config, const Region& region);

    MEMSIM_HEAP_ENGINE_OPERATIONS
    std::uint64_t payload_offset() const { return header_; }
    // The smallest block this engine makes.
    std::uint64_t min_block() const { return min_block_; }
    // The block size a request of `size` bytes needs.
    std::uint64_t adjusted_size(std::uint64_t size) const;
    // Changes the fit policy from now on (the heap itself stays as it is).
    void set_fit(FitPolicy fit) { fit_ = fit; }
    // A hint that the block of `payload` is about to be freed: starts loading its header
    // into the cache. Any address is safe; it never changes state.
    void prefetch_block(std::uint64_t payload, const Region& region) const {
        const std::uint64_t b = payload - region.base - header_;
        if (payload < region.base + header_ || b >= bytes_.size()) return;
        __builtin_prefetch(bytes_.data() + b);
    }
    // Whether blocks carry headers (an overflow can hit one).
    static constexpr bool has_headers() { return true; }
    // The free lists (explicit: one; segregated: one per non-empty class), each as block
    // addresses in the order a search walks it. Empty for the implicit list (no links).
    std::vector<std::vector<std::uint64_t>> free_lists(const Region& region) const;

    bool operator==(const FreeListEngine&) const = default;

private:
    static constexpr std::uint64_t kNil = ~std::uint64_t{0};
    static constexpr std::uint64_t kExactClasses = 128;

    // Words in the byte image (offsets from base). Inline: every step of malloc and free
    // reads and writes them, and a call per word was a large share of the instructions.
    std::uint64_t word(std::uint64_t off) const {
        if (header_ == 4) {
            std::uint32_t w;
            std::memcpy(&w, bytes_.data() + off, 4);
            return w;
        }
        std::uint64_t w;
        std::memcpy(&w, bytes_.data() + off, 8);
        return w;
    }
    void set_word(std::uint64_t off, std::uint64_t value) {
        if (header_ == 4) {
            const auto w = static_cast<std::uint32_t>(value);
            std::memcpy(bytes_.data() + off, &w, 4);
        } else {
            std::memcpy(bytes_.data() + off, &value, 8);
        }
    }
    std::uint64_t size_at(std::uint64_t b) const { return word(b) & ~std::uint64_t{7}; }
    bool allocated_at(std::uint64_t b) const { return (word(b) & 1) != 0; }
    void set_tags(std::uint64_t b, std::uint64_t size, bool allocated);
    std::uint64_t end() const { return bytes_.size() - header_; }  // epilogue offset
    std::uint64_t prev_block(std::uint64_t b) const;
    bool prev_is_free(std::uint64_t b) const;
    std::uint64_t last_block() const;

    // Free lists (explicit and segregated).
    bool has_lists() const { return kind_ != AllocatorKind::ImplicitList; }
    std::uint64_t pred(std::uint64_t b) const { return link(b + header_); }
    std::uint64_t succ(std::uint64_t b) const { return link(b + 2 * header_); }
    std::uint64_t link(std::uint64_t off) const {
        const std::uint64_t v = word(off);
        return header_ == 4 && v == 0xFFFFFFFFu ? kNil : v;
    }
    void set_pred(std::uint64_t b, std::uint64_t v) { set_link(b + header_, v); }
    void set_succ(std::uint64_t b, std::uint64_t v) { set_link(b + 2 * header_, v); }
    void set_link(std::uint64_t off, std::uint64_t v) { set_word(off, v); }
    std::uint32_t list_of(std::uint64_t size) const;
    std::uint32_t next_nonempty(std::uint32_t list) const;
    std::uint64_t insert_position(std::uint32_t list, std::uint64_t b) const;
    void insert(std::uint64_t b);
    void remove(std::uint64_t b);

    // Steps of malloc and free.
    std::uint64_t search(std::uint64_t asize, std::uint32_t& searched);
    std::uint64_t search_implicit(std::uint64_t asize, std::uint32_t& searched);
    std::uint64_t search_lists(std::uint64_t asize, std::uint32_t& searched) const;
    std::uint64_t grow(std::uint64_t asize, Region& region, EventSink& sink);
    void place(std::uint64_t b, std::uint64_t asize, Region& region, EventSink& sink);
    std::uint64_t free_block(std::uint64_t b, EventSink& sink);
    std::uint64_t merge(std::uint64_t low, std::uint64_t high, EventSink& sink);
    void coalesce_all(EventSink& sink);
    void maybe_trim(std::uint64_t b, Region& region, EventSink& sink);
    void check_lists(const Region& region, const std::vector<std::uint64_t>& free_blocks,
                     std::vector<Violation>& out) const;

    AllocatorKind kind_;
    FitPolicy fit_;
    ListOrder order_;
    Coalescing coalescing_;
    std::uint64_t header_;         // header word bytes (also footer and link bytes)
    std::uint64_t footer_;         // 0 or header_
    std::uint64_t align_;
    std::uint64_t min_block_;
    std::uint64_t min_remainder_;  // smallest free remainder a split may leave
    std::uint64_t first_;          // offset of the first block (after the padding)
    std::uint64_t trim_threshold_;
    std::uint64_t base_;           // the region's first address (for events)
    std::uint64_t rover_ = kNil;   // next fit: where the last search stopped
    LargeArray<std::uint8_t> bytes_;       // the heap image, [base, brk)
    std::vector<std::uint64_t> heads_;     // one list (explicit) or one per class
    std::vector<std::uint64_t> tails_;
    std::vector<std::uint64_t> nonempty_;  // segregated: bit per class with a free block
    std::uint64_t free_count_ = 0;
};

}  // namespace memsim::heap
