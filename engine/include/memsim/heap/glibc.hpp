#pragma once
// A model of glibc 2.36's malloc (ptmalloc2) for one thread and the main arena on x86-64,
// written from glibc's documented rules and checked at test time against the real glibc
// (tests/tools/glibc_replay.c): every pointer it returns, measured from the program break
// before the first call, is the one glibc returns.
//
// A chunk, as glibc lays it out (SIZE_SZ 8, MALLOC_ALIGNMENT 16, MINSIZE 32):
//
//   chunk ->  +-------------------------------+
//             | prev_size (the previous chunk's size, only while it is free)
//             | size | A | M | P              A: not the main arena, M: mmapped,
//   mem   ->  +-------------------------------+   P: the previous chunk is in use
//             | fd   (free: next in its bin)  |   tcache: next (safe-linked), key
//             | bk   (free: previous)         |
//             | fd_nextsize, bk_nextsize      |   large bins: the skip list by size
//             | ... payload ...               |
//   next  ->  +-------------------------------+   its prev_size is this chunk's footer
//
// malloc(n) asks for a chunk of nb = max(32, round_up(n + 8, 16)) bytes and looks, in order:
//   1. the tcache bin for nb (a per-thread LIFO stack, 7 chunks at most, nb <= 1040)
//   2. the fastbin for nb (LIFO, nb <= 128), refilling the tcache from it
//   3. the small bin for nb (FIFO, nb < 1024), refilling the tcache from it
//      (a large nb first runs malloc_consolidate: fastbin chunks are merged and unsorted)
//   4. the unsorted bin, oldest first: last_remainder is split for a small nb, an exact
//      fit is taken (or cached in the tcache), everything else is sorted into its bin
//   5. the large bin for nb (best fit through the nextsize skip list), then the binmap:
//      the smallest chunk of the next non-empty bin, split, the rest to unsorted
//   6. the top chunk, split; if too small: consolidate fastbins and retry, or sysmalloc:
//      mmap when nb >= mmap_threshold, else grow the top with sbrk (nb + top_pad + 32,
//      rounded up to a page)
// free(p) puts the chunk in its tcache bin (if not full), else a fastbin, else merges it
// with free neighbours into the unsorted bin or the top; a merged chunk of 64 KiB or more
// consolidates the fastbins and trims the top beyond trim_threshold. Freeing an mmapped
// chunk raises mmap_threshold to its size (and trim_threshold to twice that).
//
// The tcache's own struct (64 counts, 64 list heads: 640 bytes, a 0x290-byte chunk) is
// allocated by the first call, which is why the first malloc returns heap + 0x2a0.
//
//   GlibcMalloc m{GlibcConfig{}};
//   std::uint64_t p = m.malloc(24);      // m.config().base + 0x2a0
//   m.free(p);                           // into the tcache bin for 32-byte chunks
//   m.malloc(24) == p;                   // and straight back
//   m.check();                           // every chunk in exactly one place: empty
//
// A learner's mistake (double free, invalid pointer) is an event with glibc's own message;
// the model then leaves its state alone (glibc would abort the process), including for the
// double frees glibc cannot see (a fastbin chunk below the top), which would corrupt it.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/heap/block.hpp"

namespace memsim::heap {

// glibc's constants for x86-64.
namespace glibc {
inline constexpr std::uint64_t kSizeSz = 8;
inline constexpr std::uint64_t kAlign = 16;
inline constexpr std::uint64_t kMinSize = 32;
inline constexpr std::uint64_t kPrevInuse = 1, kIsMmapped = 2, kNonMainArena = 4, kSizeBits = 7;
inline constexpr int kTcacheBins = 64;
inline constexpr int kTcacheCount = 7;
inline constexpr int kFastbins = 10;
inline constexpr int kBins = 128;                          // bin 1 unsorted, 2..63 small, 64..126 large
inline constexpr std::uint64_t kMinLargeSize = 1024;
inline constexpr std::uint64_t kMaxFast = 128;             // global_max_fast by default
inline constexpr std::uint64_t kConsolidationThreshold = 65536;
inline constexpr std::uint64_t kMmapThresholdMax = 32ull << 20;
inline constexpr std::uint64_t kTcacheStructSize = 640;    // uint16_t counts[64] + entries[64]

// The chunk size malloc(n) asks for.
constexpr std::uint64_t request2size(std::uint64_t n) {
    return n + kSizeSz + kAlign - 1 < kMinSize ? kMinSize : (n + kSizeSz + kAlign - 1) & ~(kAlign - 1);
}
// The tcache bin of a chunk size (>= kTcacheBins: not cached).
constexpr std::uint64_t tcache_index(std::uint64_t chunk_size) { return (chunk_size - kMinSize + kAlign - 1) / kAlign; }
constexpr std::uint64_t fastbin_index(std::uint64_t chunk_size) { return (chunk_size >> 4) - 2; }
constexpr bool in_smallbin_range(std::uint64_t chunk_size) { return chunk_size < kMinLargeSize; }
constexpr std::uint64_t smallbin_index(std::uint64_t chunk_size) { return chunk_size >> 4; }
// glibc's largebin_index_64: 32 bins 64 bytes apart, 16 of 512, 8 of 4096, 4, 2, 1.
constexpr std::uint64_t largebin_index(std::uint64_t s) {
    return (s >> 6) <= 48 ? 48 + (s >> 6)
         : (s >> 9) <= 20 ? 91 + (s >> 9)
         : (s >> 12) <= 10 ? 110 + (s >> 12)
         : (s >> 15) <= 4 ? 119 + (s >> 15)
         : (s >> 18) <= 2 ? 124 + (s >> 18) : 126;
}
constexpr std::uint64_t bin_index(std::uint64_t chunk_size) {
    return in_smallbin_range(chunk_size) ? smallbin_index(chunk_size) : largebin_index(chunk_size);
}
}  // namespace glibc

// Where the model's process lives and how far it may grow.
struct GlibcConfig {
    std::uint64_t base = 0x555555559000;       // the initial program break (page aligned)
    std::uint64_t max_heap = 64ull << 20;      // sbrk fails past base + max_heap
    std::uint64_t mmap_base = 0x7ffff7000000;  // mappings go downwards from here
    std::uint64_t mmap_floor = 0;              // ... never below this (0: base + max_heap)
    std::uint64_t max_mapped = 1ull << 30;     // mmap fails past this many live bytes
    std::uint64_t page_size = 4096;
    std::uint64_t arena = 0x7ffff7e19c80;      // where main_arena lives (in libc's data)
    std::uint64_t tcache_key = 0x6b1d5a3c9e274f81;  // glibc draws it at random; fixed here
    std::uint64_t mmap_threshold = 128 * 1024;  // at start; free() of a mapped chunk raises it
    std::uint64_t trim_threshold = 128 * 1024;
    std::uint64_t top_pad = 128 * 1024;         // extra bytes each sbrk asks for
};

// The places a chunk can be, as the events and the panel name them.
enum class GlibcBin : std::uint8_t { None, Tcache, Fastbin, Unsorted, Small, Large, Top, Mmap, TcacheStruct };

enum class GlibcEventKind : std::uint8_t {
    // where malloc found the chunk (bin, index, count = chunks left in that bin)
    FromTcache, FromFastbin, FromSmallbin, FromUnsortedExact, FromLastRemainder, FromLargebin,
    FromBinmap, FromTop, FromMmap, TcacheFilled,  // count chunks moved from a bin into the tcache
    // what happened on the way
    Sorted,           // an unsorted chunk went into its small or large bin
    Consolidated,     // malloc_consolidate merged `count` fastbin chunks
    Sbrk,             // the top grew: chunk = old break, size = bytes added
    Trimmed,          // the top shrank: chunk = new break, size = bytes given back
    Munmapped,        // chunk = mapping, size = its length
    Mremapped,        // chunk = mapping, size = its new length
    ThresholdRaised,  // size = new mmap_threshold (trim_threshold is twice it)
    Merged,           // a freed chunk absorbed a free neighbour: chunk = result, size = its size
    // where free put the chunk
    ToTcache, ToFastbin, ToUnsorted, ToTop,
    ReallocInPlace,   // chunk kept its address: size = its new chunk size
    TcacheCreated,    // the first call allocated the tcache struct: chunk, size = its chunk size
    Error,            // message = glibc's own words
};

// One step of glibc's work, in the order it happened.
struct GlibcEvent {
    GlibcEventKind kind = GlibcEventKind::FromTop;
    std::uint64_t request = 0;  // the bytes asked for (malloc, realloc, calloc)
    std::uint64_t chunk = 0;    // the chunk's address (its prev_size field)
    std::uint64_t size = 0;     // the chunk's size (or bytes, per kind)
    GlibcBin bin = GlibcBin::None;
    std::uint32_t index = 0;    // the bin's index (tcache 0..63, fastbin 0..9, bins 1..126)
    std::uint32_t count = 0;    // chunks in the bin after the step (or merged, moved)
    std::string_view message{}; // Error only: glibc's words ("free(): double free detected in tcache 2")
    bool operator==(const GlibcEvent&) const = default;
};

// The kind as a short word ("from-tcache", "to-fastbin", ...).
std::string_view to_string(GlibcEventKind kind);

// A step as a HeapEvent of kind GlibcStep (for the Heap's event stream) and back: addr =
// chunk, size = size, other = request, searched = kind (5 bits), bin (4), index (7),
// count (16, capped; for an Error: which of glibc's messages).
HeapEvent to_heap_event(const GlibcEvent& event, std::uint32_t op);
GlibcEvent from_heap_event(const HeapEvent& event);

// The event in plain words ("24 bytes: the tcache bin for 32-byte chunks had 2 chunks; ...").
std::string explain(const GlibcEvent& event);

// One chunk, walking the heap in address order.
struct GlibcChunk {
    std::uint64_t chunk = 0;
    std::uint64_t size = 0;  // without the flag bits
    bool prev_inuse = false;
    GlibcBin bin = GlibcBin::None;  // None: in use
    std::uint32_t index = 0;
    bool operator==(const GlibcChunk&) const = default;
};

// A mapped chunk (M bit set), outside the brk heap.
struct GlibcMapping {
    std::uint64_t chunk = 0;
    std::uint64_t length = 0;  // whole pages (the chunk size)
    bool operator==(const GlibcMapping&) const = default;
};

class GlibcMalloc {
public:
    explicit GlibcMalloc(const GlibcConfig& config = {});

    std::uint64_t malloc(std::uint64_t bytes);                      // 0 = NULL
    void free(std::uint64_t mem);
    std::uint64_t realloc(std::uint64_t mem, std::uint64_t bytes);
    std::uint64_t calloc(std::uint64_t count, std::uint64_t size);  // the memory is not modelled: nothing to zero
    // Bytes the program may use at mem (glibc's malloc_usable_size); 0 for no live chunk.
    std::uint64_t usable_size(std::uint64_t mem) const;
    bool is_mapped(std::uint64_t mem) const;
    // Whether mem is a pointer malloc returned and free has not taken back.
    bool is_live(std::uint64_t mem) const;

    // Events of the calls so far go here (nullptr: none are recorded). Not state.
    // Without `counts` the events leave `count` at 0, which saves walking bins per call.
    void set_event_sink(std::vector<GlibcEvent>* sink, bool counts = true) {
        sink_ = sink;
        counts_ = counts;
    }

    // Reading the state back (for the panel, the checker and the tests).
    const GlibcConfig& config() const { return config_; }
    std::uint64_t brk() const { return brk_; }
    std::uint64_t top() const { return top_; }
    std::uint64_t top_size() const;
    std::uint64_t last_remainder() const { return last_remainder_; }
    std::uint64_t mmap_threshold() const { return mmap_threshold_; }
    std::uint64_t trim_threshold() const { return trim_threshold_; }
    std::uint64_t system_mem() const { return system_mem_; }
    std::uint32_t binmap(int word) const { return binmap_[static_cast<std::size_t>(word)]; }
    const std::vector<GlibcMapping>& mappings() const { return mappings_; }
    // Chunk addresses in list order: tcache bin i (newest first), fastbin i (newest
    // first), bin i (fd order: unsorted newest first, small newest first, large largest first).
    std::vector<std::uint64_t> tcache_list(int index) const;
    std::vector<std::uint64_t> fastbin_list(int index) const;
    std::vector<std::uint64_t> bin_list(int index) const;
    std::uint32_t tcache_count(int index) const;
    // Every chunk of the brk heap in address order (the top last), with where it is.
    std::vector<GlibcChunk> chunks() const;
    // Every inconsistency: each free chunk in exactly one bin, bins well formed (links,
    // sizes, order, nextsize lists, binmap), sizes and P bits agree with the walk.
    std::vector<Violation> check() const;

    // Raw reads of the simulated memory (a word of the heap, the arena or a mapping's header).
    std::uint64_t word(std::uint64_t addr) const;
    // A store by the program into the brk heap (an overflow can reach a chunk header);
    // ignored outside it.
    void overwrite(std::uint64_t addr, std::uint64_t value) {
        if (addr >= config_.base && addr + 8 <= brk_ && (addr & 7) == 0) set_word(addr, value);
    }

private:
    // simulated memory
    void set_word(std::uint64_t addr, std::uint64_t value);
    std::uint64_t size_of(std::uint64_t p) const { return word(p + 8) & ~glibc::kSizeBits; }
    std::uint64_t head(std::uint64_t p) const { return word(p + 8); }
    void set_head(std::uint64_t p, std::uint64_t v) { set_word(p + 8, v); }
    void set_head_size(std::uint64_t p, std::uint64_t s) { set_word(p + 8, (word(p + 8) & glibc::kSizeBits) | s); }
    void set_foot(std::uint64_t p, std::uint64_t s) { set_word(p + s, s); }
    std::uint64_t fd(std::uint64_t p) const { return word(p + 16); }
    std::uint64_t bk(std::uint64_t p) const { return word(p + 24); }
    std::uint64_t fd_nextsize(std::uint64_t p) const { return word(p + 32); }
    std::uint64_t bk_nextsize(std::uint64_t p) const { return word(p + 40); }
    bool inuse_at(std::uint64_t p, std::uint64_t offset) const { return (word(p + offset + 8) & glibc::kPrevInuse) != 0; }
    void set_inuse_at(std::uint64_t p, std::uint64_t offset) { set_word(p + offset + 8, word(p + offset + 8) | glibc::kPrevInuse); }
    void clear_inuse_at(std::uint64_t p, std::uint64_t offset) { set_word(p + offset + 8, word(p + offset + 8) & ~glibc::kPrevInuse); }
    std::uint64_t bin_at(std::uint64_t i) const { return config_.arena + 96 + (i - 1) * 16; }
    std::uint64_t unsorted() const { return bin_at(1); }
    std::uint64_t tcache_counts_addr() const { return tcache_ + 16; }
    void set_tcache_count(std::uint64_t idx, std::uint32_t n);
    std::uint64_t tcache_head(std::uint64_t idx) const { return word(tcache_ + 16 + 128 + idx * 8); }
    void set_tcache_head(std::uint64_t idx, std::uint64_t mem) { set_word(tcache_ + 16 + 128 + idx * 8, mem); }
    static std::uint64_t protect(std::uint64_t pos, std::uint64_t ptr) { return (pos >> 12) ^ ptr; }
    std::uint64_t fastbin_head(std::uint64_t idx) const { return fastbins_[static_cast<std::size_t>(idx)]; }

    // bins
    void unlink_chunk(std::uint64_t p);
    void insert_unsorted_front(std::uint64_t p, std::uint64_t size);
    void place_in_bin(std::uint64_t victim, std::uint64_t size);
    void tcache_put(std::uint64_t p, std::uint64_t idx);
    std::uint64_t tcache_get(std::uint64_t idx);
    void mark_bin(std::uint64_t i) { binmap_[static_cast<std::size_t>(i >> 5)] |= 1u << (i & 31); }
    int bin_length(std::uint64_t i) const;
    // Chunks left in a bin, for an event (counted only when events are recorded).
    std::uint32_t count_of(std::uint64_t i) const { return sink_ && counts_ ? static_cast<std::uint32_t>(bin_length(i)) : 0; }
    std::uint32_t fast_count_of(std::uint64_t i) const {
        return sink_ && counts_ ? static_cast<std::uint32_t>(fastbin_list(static_cast<int>(i)).size()) : 0;
    }

    // malloc
    void init_tcache();
    std::uint64_t int_malloc(std::uint64_t bytes);
    std::uint64_t malloc_from_bins(std::uint64_t nb, std::uint64_t bytes, bool& done);
    std::uint64_t malloc_fast_or_small(std::uint64_t nb, std::uint64_t bytes);
    std::uint64_t process_unsorted(std::uint64_t nb, std::uint64_t bytes, bool& done);
    std::uint64_t malloc_large_bin(std::uint64_t nb, std::uint64_t bytes);
    std::uint64_t malloc_binmap(std::uint64_t nb, std::uint64_t bytes);
    std::uint64_t split_to_unsorted(std::uint64_t victim, std::uint64_t size, std::uint64_t nb, bool set_remainder);
    std::uint64_t sysmalloc(std::uint64_t nb, std::uint64_t bytes);
    std::uint64_t mmap_chunk(std::uint64_t nb, std::uint64_t bytes);
    std::uint64_t place_mapping(std::uint64_t length) const;
    bool mapping_room(std::uint64_t from, std::uint64_t bytes) const;
    void insert_mapping(GlibcMapping mapping);
    void malloc_consolidate();

    // free
    void int_free(std::uint64_t p);
    void free_merge(std::uint64_t p, std::uint64_t size);
    void systrim();
    void munmap_chunk(std::uint64_t p);
    std::string_view free_error(std::uint64_t mem) const;

    // realloc
    std::uint64_t int_realloc(std::uint64_t oldp, std::uint64_t oldsize, std::uint64_t nb, std::uint64_t bytes);
    std::uint64_t realloc_mapped(std::uint64_t oldp, std::uint64_t nb, std::uint64_t bytes);

    void emit(GlibcEvent e) { if (sink_) sink_->push_back(e); }
    void error(std::string_view message, std::uint64_t chunk) {
        emit(GlibcEvent{.kind = GlibcEventKind::Error, .chunk = chunk, .message = message});
    }
    void note_live(std::uint64_t mem, bool live);

    GlibcConfig config_;
    std::vector<std::uint64_t> heap_;     // words of [base, brk)
    std::vector<std::uint64_t> arena_;    // words of main_arena from its bins' start
    std::vector<GlibcMapping> mappings_;  // live mapped chunks, in address order (downwards)
    std::vector<std::uint8_t> live_;      // per 16 bytes of the brk heap: 1 where a live mem starts
    std::array<std::uint64_t, glibc::kFastbins> fastbins_{};
    std::array<std::uint32_t, 4> binmap_{};
    std::uint64_t brk_ = 0;
    std::uint64_t top_ = 0;               // 0 until the first sbrk
    std::uint64_t last_remainder_ = 0;
    std::uint64_t tcache_ = 0;            // the tcache struct's chunk (0 until the first call)
    std::uint64_t system_mem_ = 0;
    std::uint64_t mmap_threshold_ = 0;
    std::uint64_t trim_threshold_ = 0;
    std::uint64_t top_pad_ = 0;
    std::uint64_t mapped_bytes_ = 0;
    bool have_fastchunks_ = false;
    std::vector<GlibcEvent>* sink_ = nullptr;
    bool counts_ = true;
};

}  // namespace memsim::heap
