// The glibc model's simulated memory (heap words, main_arena's bins, mapped chunk headers)
// and its list operations: unlink, the unsorted bin, sorting into bins, the tcache.
#include <algorithm>

#include "memsim/core/assert.hpp"
#include "memsim/heap/glibc.hpp"

namespace memsim::heap {

using namespace glibc;

namespace {
// Words of main_arena modelled: from bin_at(1) (the top field) to past bin 127's nextsize links.
constexpr std::uint64_t kArenaWords = (kBins + 3) * 2;
}  // namespace

GlibcMalloc::GlibcMalloc(const GlibcConfig& config)
    : config_(config), arena_(kArenaWords, 0), brk_(config.base),
      mmap_threshold_(config.mmap_threshold), trim_threshold_(config.trim_threshold), top_pad_(config.top_pad) {
    // An empty bin is a list of one: its fd and bk point at the bin itself.
    for (std::uint64_t i = 1; i < kBins; ++i) {
        set_word(bin_at(i) + 16, bin_at(i));
        set_word(bin_at(i) + 24, bin_at(i));
    }
}

std::uint64_t GlibcMalloc::word(std::uint64_t addr) const {
    if (addr >= config_.base && addr < brk_) return heap_[static_cast<std::size_t>((addr - config_.base) >> 3)];
    const std::uint64_t arena = bin_at(1);
    if (addr >= arena && addr < arena + kArenaWords * 8) return arena_[static_cast<std::size_t>((addr - arena) >> 3)];
    for (const auto& m : mappings_)
        if (addr == m.chunk + 8) return m.length | kIsMmapped;
    return 0;
}

void GlibcMalloc::set_word(std::uint64_t addr, std::uint64_t value) {
    if (addr >= config_.base && addr < brk_) {
        heap_[static_cast<std::size_t>((addr - config_.base) >> 3)] = value;
        return;
    }
    const std::uint64_t arena = bin_at(1);
    MEMSIM_ASSERT(addr >= arena && addr < arena + kArenaWords * 8);
    arena_[static_cast<std::size_t>((addr - arena) >> 3)] = value;
}

std::uint64_t GlibcMalloc::top_size() const { return top_ ? size_of(top_) : 0; }

std::uint32_t GlibcMalloc::tcache_count(int index) const {
    if (!tcache_) return 0;
    const std::uint64_t addr = tcache_counts_addr() + static_cast<std::uint64_t>(index) * 2;
    return static_cast<std::uint32_t>((word(addr & ~7ull) >> ((addr & 7) * 8)) & 0xFFFF);
}

void GlibcMalloc::set_tcache_count(std::uint64_t idx, std::uint32_t n) {
    const std::uint64_t addr = tcache_counts_addr() + idx * 2;
    const std::uint64_t shift = (addr & 7) * 8;
    const std::uint64_t w = word(addr & ~7ull) & ~(0xFFFFull << shift);
    set_word(addr & ~7ull, w | (std::uint64_t{n} << shift));
}

void GlibcMalloc::note_live(std::uint64_t mem, bool live) {
    if (mem < config_.base || mem >= brk_) return;
    const auto i = static_cast<std::size_t>((mem - config_.base) >> 4);
    if (live_.size() <= i) live_.resize(i + 1, 0);
    live_[i] = live ? 1 : 0;
}

bool GlibcMalloc::is_live(std::uint64_t mem) const {
    if (is_mapped(mem)) return true;
    if (mem < config_.base || mem >= brk_ || (mem & 15) != 0) return false;
    const auto i = static_cast<std::size_t>((mem - config_.base) >> 4);
    return i < live_.size() && live_[i] != 0;
}

bool GlibcMalloc::is_mapped(std::uint64_t mem) const {
    return std::any_of(mappings_.begin(), mappings_.end(), [&](const GlibcMapping& m) { return m.chunk + 16 == mem; });
}

std::uint64_t GlibcMalloc::usable_size(std::uint64_t mem) const {
    if (!is_live(mem)) return 0;
    const std::uint64_t p = mem - 16;
    return (head(p) & kIsMmapped) ? size_of(p) - 2 * kSizeSz : size_of(p) - kSizeSz;
}

// Takes a free chunk out of its doubly linked bin (and a large bin's nextsize skip list:
// when p heads a run of equal sizes, the next chunk of the run takes its place in it).
void GlibcMalloc::unlink_chunk(std::uint64_t p) {
    const std::uint64_t f = fd(p), b = bk(p);
    set_word(f + 24, b);
    set_word(b + 16, f);
    if (in_smallbin_range(size_of(p)) || fd_nextsize(p) == 0) return;
    if (fd_nextsize(f) == 0) {
        if (fd_nextsize(p) == p) {
            set_word(f + 32, f);
            set_word(f + 40, f);
        } else {
            set_word(f + 32, fd_nextsize(p));
            set_word(f + 40, bk_nextsize(p));
            set_word(fd_nextsize(p) + 40, f);
            set_word(bk_nextsize(p) + 32, f);
        }
    } else {
        set_word(fd_nextsize(p) + 40, bk_nextsize(p));
        set_word(bk_nextsize(p) + 32, fd_nextsize(p));
    }
}

// Puts a free chunk at the front of the unsorted bin, with its header and footer.
void GlibcMalloc::insert_unsorted_front(std::uint64_t p, std::uint64_t size) {
    const std::uint64_t b = unsorted(), f = fd(b);
    set_word(p + 16, f);
    set_word(p + 24, b);
    if (!in_smallbin_range(size)) {
        set_word(p + 32, 0);
        set_word(p + 40, 0);
    }
    set_word(b + 16, p);
    set_word(f + 24, p);
    set_head(p, size | kPrevInuse);
    set_foot(p, size);
}

// Sorts a chunk taken off the unsorted bin into its small bin (at the front) or large bin
// (kept in decreasing size; a size already present goes second in its run, so the skip
// list need not change).
void GlibcMalloc::place_in_bin(std::uint64_t victim, std::uint64_t size) {
    const std::uint64_t index = bin_index(size);
    std::uint64_t b = bin_at(index), f = fd(b);
    if (!in_smallbin_range(size)) {
        if (f != b) {
            const std::uint64_t s = size | kPrevInuse;
            if (s < head(bk(b))) {
                f = b;
                b = bk(b);
                set_word(victim + 32, fd(f));
                set_word(victim + 40, bk_nextsize(fd(f)));
                set_word(fd(f) + 40, victim);
                set_word(bk_nextsize(victim) + 32, victim);
            } else {
                while (s < head(f)) f = fd_nextsize(f);
                if (s == head(f)) {
                    f = fd(f);
                } else {
                    set_word(victim + 32, f);
                    set_word(victim + 40, bk_nextsize(f));
                    set_word(f + 40, victim);
                    set_word(bk_nextsize(victim) + 32, victim);
                }
                b = bk(f);
            }
        } else {
            set_word(victim + 32, victim);
            set_word(victim + 40, victim);
        }
    }
    mark_bin(index);
    set_word(victim + 24, b);
    set_word(victim + 16, f);
    set_word(f + 24, victim);
    set_word(b + 16, victim);
    emit({.kind = GlibcEventKind::Sorted, .chunk = victim, .size = size,
          .bin = in_smallbin_range(size) ? GlibcBin::Small : GlibcBin::Large, .index = static_cast<std::uint32_t>(index),
          .count = count_of(index)});
}

void GlibcMalloc::tcache_put(std::uint64_t p, std::uint64_t idx) {
    const std::uint64_t e = p + 16;
    set_word(e + 8, config_.tcache_key);  // marks the chunk as in the tcache (double-free check)
    set_word(e, protect(e, tcache_head(idx)));
    set_tcache_head(idx, e);
    set_tcache_count(idx, tcache_count(static_cast<int>(idx)) + 1);
}

std::uint64_t GlibcMalloc::tcache_get(std::uint64_t idx) {
    const std::uint64_t e = tcache_head(idx);
    set_tcache_head(idx, protect(e, word(e)));
    set_tcache_count(idx, tcache_count(static_cast<int>(idx)) - 1);
    set_word(e + 8, 0);
    return e;
}

int GlibcMalloc::bin_length(std::uint64_t i) const {
    int n = 0;
    for (std::uint64_t p = fd(bin_at(i)); p != bin_at(i) && n <= 1 << 20; p = fd(p)) ++n;
    return n;
}

std::vector<std::uint64_t> GlibcMalloc::tcache_list(int index) const {
    std::vector<std::uint64_t> out;
    if (!tcache_) return out;
    const auto idx = static_cast<std::uint64_t>(index);
    for (std::uint64_t e = tcache_head(idx); e != 0 && out.size() < kTcacheCount + 1u; e = protect(e, word(e)))
        out.push_back(e - 16);
    return out;
}

std::vector<std::uint64_t> GlibcMalloc::fastbin_list(int index) const {
    std::vector<std::uint64_t> out;
    const std::uint64_t limit = (brk_ - config_.base) / kMinSize + 1;  // a cycle cannot loop forever
    for (std::uint64_t p = fastbins_[static_cast<std::size_t>(index)]; p != 0 && out.size() < limit;
         p = protect(p + 16, fd(p)))
        out.push_back(p);
    return out;
}

std::vector<std::uint64_t> GlibcMalloc::bin_list(int index) const {
    std::vector<std::uint64_t> out;
    const std::uint64_t b = bin_at(static_cast<std::uint64_t>(index));
    const std::uint64_t limit = (brk_ - config_.base) / kMinSize + 1;
    for (std::uint64_t p = fd(b); p != b && out.size() < limit; p = fd(p)) out.push_back(p);
    return out;
}

}  // namespace memsim::heap
