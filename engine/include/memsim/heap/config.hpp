#pragma once
// Which allocator a simulated heap uses, and every knob it has.
//
// All allocators manage one byte-addressed heap region that starts at `base` and grows
// upwards with brk/sbrk in whole pages, the way a Unix process heap does:
//
//   base                                              brk          max_heap
//    |  blocks ...                                     |  (unmapped) |
//    +-------------------------------------------------+-------------+
//                    grows --> one page at a time, trimmed back when the top is free
//
// Requests of `mmap_threshold` bytes or more bypass the region and get a mapping of their
// own, in whole pages, which free() unmaps (glibc does the same above 128 KiB). Mappings
// are placed as Linux places anonymous mmaps: top-down from `mmap_top`, each in the highest
// free gap that fits (so an unmapped range is reused), never below `mmap_base`; when no gap
// fits, mmap fails (ENOMEM) and malloc returns NULL.
//
//   HeapConfig config{.allocator = AllocatorKind::ExplicitList, .order = ListOrder::Lifo};
//   auto named = allocator_by_name("segregated");   // the same, from a CLI name
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memsim::heap {

// The allocator designs, from the simplest walk to kernel-style caches.
enum class AllocatorKind {
    ImplicitList,  // every block in address order; a search walks allocated blocks too
    ExplicitList,  // a doubly linked list threaded through the free blocks only
    Segregated,    // one explicit list per size class, first fit inside a class
    Buddy,         // power-of-two blocks that split in halves and merge with their buddy
    Slab,          // caches of equal-size objects carved out of one-page slabs
    Glibc,         // glibc 2.36's malloc (ptmalloc2): tcache, fastbins, bins, top, mmap (glibc.hpp)
};

// How a list search picks among the free blocks that are big enough.
enum class FitPolicy {
    First,  // the first block that fits, from the start of the list
    Next,   // the first that fits, starting where the previous search stopped
    Best,   // the smallest block that fits (ties: the earliest)
    Worst,  // the largest block (ties: the earliest)
};

// The order an explicit free list keeps (a search always walks it front to back).
enum class ListOrder {
    Address,        // sorted by address: first fit then behaves like address-ordered first fit
    Lifo,           // a freed block goes to the front
    Fifo,           // a freed block goes to the back
    SizeAscending,  // smallest first: first fit becomes best fit
    SizeDescending, // largest first: first fit becomes worst fit
};

// When neighbouring free blocks are merged into one.
enum class Coalescing {
    Immediate,  // at every free (needs the footer, or a walk, to find the block before)
    Deferred,   // only when a search fails: one pass merges every run of free blocks
    Off,        // never: the heap fragments into ever smaller pieces
};

// Every option of a simulated heap. Sizes are in bytes.
struct HeapConfig {
    AllocatorKind allocator = AllocatorKind::ImplicitList;
    FitPolicy fit = FitPolicy::First;           // implicit and explicit lists
    ListOrder order = ListOrder::Lifo;          // explicit list
    Coalescing coalescing = Coalescing::Immediate;
    std::uint64_t base = 0x10000000;            // first address of the heap region
    std::uint64_t max_heap = 64ull << 20;       // the region never grows past base + max_heap
    std::uint64_t page_size = 4096;             // brk grows and trims in whole pages
    std::uint32_t header_size = 8;              // bytes of the header word (4 or 8)
    bool footers = true;                        // boundary tags: a copy of the header at the end
    std::uint32_t alignment = 16;               // payload alignment, a power of two >= 4
    std::uint64_t min_split_remainder = 0;      // split only if the rest is at least this (0 = min block)
    std::uint64_t mmap_threshold = 128 * 1024;  // requests this large get their own mapping (0 = never)
    std::uint64_t mmap_base = 0x7f0000000000;   // the lowest address a mapping may use (the heap stays below)
    std::uint64_t mmap_top = 0;                 // mappings go downwards from here, in the highest free gap
                                                // that fits, as Linux places them (0: mmap_base + 4 * max_mapped)
    std::uint64_t max_mapped = 1ull << 30;      // live mapped bytes never exceed this
    std::uint64_t trim_threshold = 128 * 1024;  // trim brk when the free top reaches this (0 = never)
    std::uint32_t size_classes = 192;           // segregated: 128 one-size classes, then four per power of two
    std::uint32_t buddy_max_order = 20;         // buddy: the largest block is 2^max_order bytes
    std::uint32_t buddy_min_order = 5;          // buddy: the smallest block is 2^min_order bytes
    std::vector<std::uint32_t> slab_sizes = {16, 32, 64, 128, 256, 512, 1024, 2048};
    std::uint32_t slab_pages = 1;               // pages per slab
    std::uint32_t slab_keep_empty = 1;          // empty slabs a cache keeps before releasing one
};

// A named preset for the CLI and comparisons: "implicit-best", "explicit-lifo", "buddy", ...
struct AllocatorName {
    std::string name;
    HeapConfig config;
};

// Every allocator name the CLI accepts (besides "ostep", which is a separate model).
std::vector<AllocatorName> allocator_names();

// The configuration a name stands for, or nothing when the name is unknown.
std::optional<HeapConfig> allocator_by_name(std::string_view name);

// The canonical name of a configuration ("implicit-first", "segregated", ...).
std::string allocator_name(const HeapConfig& config);

// Readable names of the enumerators, as used on the command line and in JSON.
std::string_view to_string(FitPolicy fit);
std::string_view to_string(ListOrder order);
std::string_view to_string(Coalescing coalescing);
std::optional<FitPolicy> fit_by_name(std::string_view name);
std::optional<ListOrder> order_by_name(std::string_view name);
std::optional<Coalescing> coalescing_by_name(std::string_view name);

// Where mappings start going down: mmap_top, or mmap_base + 4 * max_mapped when it is 0.
std::uint64_t mmap_top_of(const HeapConfig& config);

// An empty string when the configuration is usable, else what is wrong with it.
std::string validate(const HeapConfig& config);

}  // namespace memsim::heap
