// The glibc model's malloc path: __libc_malloc (the tcache), _int_malloc (fastbins,
// small bins, the unsorted bin, large bins, the binmap, the top) and sysmalloc.
#include "memsim/heap/glibc.hpp"

namespace memsim::heap {

using namespace glibc;

namespace {
// glibc refuses requests that do not fit a ptrdiff_t; the model also stops far below.
constexpr std::uint64_t kMaxRequest = 1ull << 46;
}  // namespace

void GlibcMalloc::init_tcache() {
    if (tcache_) return;
    const std::uint64_t mem = int_malloc(kTcacheStructSize);
    if (!mem) return;
    tcache_ = mem - 16;
    emit({.kind = GlibcEventKind::TcacheCreated, .request = kTcacheStructSize, .chunk = tcache_, .size = size_of(tcache_),
          .bin = GlibcBin::TcacheStruct});
    for (std::uint64_t a = mem; a < mem + kTcacheStructSize; a += 8) set_word(a, 0);
}

std::uint64_t GlibcMalloc::malloc(std::uint64_t bytes) {
    init_tcache();
    if (bytes >= kMaxRequest) return 0;
    const std::uint64_t nb = request2size(bytes);
    const std::uint64_t idx = tcache_index(nb);
    if (idx < kTcacheBins && tcache_ && tcache_count(static_cast<int>(idx)) > 0) {
        const std::uint64_t mem = tcache_get(idx);
        emit({.kind = GlibcEventKind::FromTcache, .request = bytes, .chunk = mem - 16, .size = nb,
              .bin = GlibcBin::Tcache, .index = static_cast<std::uint32_t>(idx), .count = tcache_count(static_cast<int>(idx))});
        note_live(mem, true);
        return mem;
    }
    const std::uint64_t mem = int_malloc(bytes);
    note_live(mem, true);
    return mem;
}

std::uint64_t GlibcMalloc::calloc(std::uint64_t count, std::uint64_t size) {
    if (size != 0 && count > ~std::uint64_t{0} / size) return 0;
    init_tcache();
    if (count * size >= kMaxRequest) return 0;
    const std::uint64_t mem = int_malloc(count * size);  // calloc skips the tcache in 2.36
    note_live(mem, true);
    return mem;
}

std::uint64_t GlibcMalloc::int_malloc(std::uint64_t bytes) {
    const std::uint64_t nb = request2size(bytes);
    if (const std::uint64_t mem = malloc_fast_or_small(nb, bytes)) return mem;
    if (!in_smallbin_range(nb) && have_fastchunks_) malloc_consolidate();
    for (;;) {
        bool done = false;
        const std::uint64_t mem = malloc_from_bins(nb, bytes, done);
        if (done) return mem;
        const std::uint64_t size = size_of(top_);
        if (top_ && size >= nb + kMinSize) {
            const std::uint64_t victim = top_;
            top_ = victim + nb;
            set_head(victim, nb | kPrevInuse);
            set_head(top_, (size - nb) | kPrevInuse);
            emit({.kind = GlibcEventKind::FromTop, .request = bytes, .chunk = victim, .size = nb, .bin = GlibcBin::Top});
            return victim + 16;
        }
        if (!have_fastchunks_) return sysmalloc(nb, bytes);
        malloc_consolidate();  // then the bins once more
    }
}

// Steps 2 and 3: an exact-size fastbin or small bin, refilling the tcache from the same bin.
std::uint64_t GlibcMalloc::malloc_fast_or_small(std::uint64_t nb, std::uint64_t bytes) {
    const std::uint64_t tc = tcache_index(nb);
    const bool cache = tcache_ && tc < kTcacheBins;
    std::uint32_t moved = 0;
    if (nb <= kMaxFast) {
        const std::uint64_t idx = fastbin_index(nb);
        const std::uint64_t victim = fastbins_[static_cast<std::size_t>(idx)];
        if (victim) {
            fastbins_[static_cast<std::size_t>(idx)] = protect(victim + 16, fd(victim));
            while (cache && tcache_count(static_cast<int>(tc)) < kTcacheCount && fastbins_[static_cast<std::size_t>(idx)]) {
                const std::uint64_t p = fastbins_[static_cast<std::size_t>(idx)];
                fastbins_[static_cast<std::size_t>(idx)] = protect(p + 16, fd(p));
                tcache_put(p, tc);
                ++moved;
            }
            emit({.kind = GlibcEventKind::FromFastbin, .request = bytes, .chunk = victim, .size = nb, .bin = GlibcBin::Fastbin,
                  .index = static_cast<std::uint32_t>(idx), .count = fast_count_of(idx)});
            if (moved) emit({.kind = GlibcEventKind::TcacheFilled, .request = bytes, .size = nb, .bin = GlibcBin::Fastbin,
                             .index = static_cast<std::uint32_t>(tc), .count = moved});
            return victim + 16;
        }
    }
    if (!in_smallbin_range(nb)) return 0;
    const std::uint64_t idx = smallbin_index(nb), bin = bin_at(idx);
    const std::uint64_t victim = bk(bin);
    if (victim == bin) return 0;
    set_inuse_at(victim, nb);
    set_word(bin + 24, bk(victim));
    set_word(bk(victim) + 16, bin);
    while (cache && tcache_count(static_cast<int>(tc)) < kTcacheCount && bk(bin) != bin) {
        const std::uint64_t p = bk(bin);
        set_inuse_at(p, nb);
        set_word(bin + 24, bk(p));
        set_word(bk(p) + 16, bin);
        tcache_put(p, tc);
        ++moved;
    }
    emit({.kind = GlibcEventKind::FromSmallbin, .request = bytes, .chunk = victim, .size = nb, .bin = GlibcBin::Small,
          .index = static_cast<std::uint32_t>(idx), .count = count_of(idx)});
    if (moved) emit({.kind = GlibcEventKind::TcacheFilled, .request = bytes, .size = nb, .bin = GlibcBin::Small,
                     .index = static_cast<std::uint32_t>(tc), .count = moved});
    return victim + 16;
}

// Steps 4 and 5; `done` is false when the top must serve the request.
std::uint64_t GlibcMalloc::malloc_from_bins(std::uint64_t nb, std::uint64_t bytes, bool& done) {
    done = true;
    const std::uint64_t mem = process_unsorted(nb, bytes, done);
    if (done) return mem;
    done = true;
    if (!in_smallbin_range(nb))
        if (const std::uint64_t large = malloc_large_bin(nb, bytes)) return large;
    if (const std::uint64_t fit = malloc_binmap(nb, bytes)) return fit;
    done = false;
    return 0;
}

std::uint64_t GlibcMalloc::process_unsorted(std::uint64_t nb, std::uint64_t bytes, bool& done) {
    const std::uint64_t tc = tcache_index(nb);
    const bool cache = tcache_ && tc < kTcacheBins;
    bool return_cached = false;
    const std::uint64_t u = unsorted();
    int iters = 0;
    while (bk(u) != u) {
        const std::uint64_t victim = bk(u), back = bk(victim), size = size_of(victim);
        if (in_smallbin_range(nb) && back == u && victim == last_remainder_ && size > nb + kMinSize) {
            const std::uint64_t rest = victim + nb;
            set_word(u + 24, rest);
            set_word(u + 16, rest);
            last_remainder_ = rest;
            set_word(rest + 16, u);
            set_word(rest + 24, u);
            if (!in_smallbin_range(size - nb)) set_word(rest + 32, 0), set_word(rest + 40, 0);
            set_head(victim, nb | kPrevInuse);
            set_head(rest, (size - nb) | kPrevInuse);
            set_foot(rest, size - nb);
            emit({.kind = GlibcEventKind::FromLastRemainder, .request = bytes, .chunk = victim, .size = nb,
                  .bin = GlibcBin::Unsorted, .index = 1, .count = 1});
            return victim + 16;
        }
        set_word(u + 24, back);
        set_word(back + 16, u);
        if (size == nb) {
            set_inuse_at(victim, size);
            if (cache && tcache_count(static_cast<int>(tc)) < kTcacheCount) {
                tcache_put(victim, tc);
                return_cached = true;
                continue;
            }
            emit({.kind = GlibcEventKind::FromUnsortedExact, .request = bytes, .chunk = victim, .size = nb,
                  .bin = GlibcBin::Unsorted, .index = 1, .count = count_of(1)});
            return victim + 16;
        }
        place_in_bin(victim, size);
        if (++iters >= 10000) break;  // glibc's MAX_ITERS: the rest waits for the next call
    }
    if (return_cached) {
        const std::uint64_t mem = tcache_get(tc);
        emit({.kind = GlibcEventKind::FromUnsortedExact, .request = bytes, .chunk = mem - 16, .size = nb,
              .bin = GlibcBin::Tcache, .index = static_cast<std::uint32_t>(tc), .count = tcache_count(static_cast<int>(tc))});
        return mem;
    }
    done = false;
    return 0;
}

// Splits a chunk just taken from a bin: nb for the caller, the rest (if a chunk) to the
// front of the unsorted bin.
std::uint64_t GlibcMalloc::split_to_unsorted(std::uint64_t victim, std::uint64_t size, std::uint64_t nb,
                                             bool set_remainder) {
    if (size - nb < kMinSize) {
        set_inuse_at(victim, size);
        return size;
    }
    const std::uint64_t rest = victim + nb;
    set_head(victim, nb | kPrevInuse);
    insert_unsorted_front(rest, size - nb);
    if (set_remainder) last_remainder_ = rest;
    return nb;
}

// The best fit in nb's own large bin: the smallest size that fits, and of that size not
// the first chunk (so the skip list keeps its node).
std::uint64_t GlibcMalloc::malloc_large_bin(std::uint64_t nb, std::uint64_t bytes) {
    const std::uint64_t idx = largebin_index(nb), bin = bin_at(idx);
    std::uint64_t victim = fd(bin);
    if (victim == bin || head(victim) < nb) return 0;
    victim = bk_nextsize(victim);
    while (size_of(victim) < nb) victim = bk_nextsize(victim);
    if (victim != bk(bin) && head(victim) == head(fd(victim))) victim = fd(victim);
    const std::uint64_t size = size_of(victim);
    unlink_chunk(victim);
    const std::uint64_t kept = split_to_unsorted(victim, size, nb, false);
    emit({.kind = GlibcEventKind::FromLargebin, .request = bytes, .chunk = victim, .size = kept, .bin = GlibcBin::Large,
          .index = static_cast<std::uint32_t>(idx), .count = count_of(idx)});
    return victim + 16;
}

// The binmap scan: the first non-empty bin above nb's, its last (smallest or oldest) chunk.
std::uint64_t GlibcMalloc::malloc_binmap(std::uint64_t nb, std::uint64_t bytes) {
    for (std::uint64_t idx = bin_index(nb) + 1; idx < kBins; ++idx) {
        const std::uint32_t bit = 1u << (idx & 31);
        if ((binmap_[static_cast<std::size_t>(idx >> 5)] & bit) == 0) continue;
        const std::uint64_t bin = bin_at(idx), victim = bk(bin);
        if (victim == bin) {  // marked but empty: the map is cleared lazily, here
            binmap_[static_cast<std::size_t>(idx >> 5)] &= ~bit;
            continue;
        }
        const std::uint64_t size = size_of(victim);
        unlink_chunk(victim);
        const std::uint64_t kept = split_to_unsorted(victim, size, nb, in_smallbin_range(nb));
        emit({.kind = GlibcEventKind::FromBinmap, .request = bytes, .chunk = victim, .size = kept,
              .bin = in_smallbin_range(size) ? GlibcBin::Small : GlibcBin::Large, .index = static_cast<std::uint32_t>(idx),
              .count = count_of(idx)});
        return victim + 16;
    }
    return 0;
}

// Where Linux's top-down mmap puts a new mapping (unmapped_area_topdown): the highest gap
// below mmap_base that fits. A length that is a whole number of 2 MiB huge pages is placed
// on a 2 MiB boundary, as the kernel does for anonymous memory: it searches for the length
// plus 2 MiB and rounds the address down.
std::uint64_t GlibcMalloc::place_mapping(std::uint64_t length) const {
    if (mapped_bytes_ + length > config_.max_mapped) return 0;
    constexpr std::uint64_t kHugePage = 2ull << 20;
    const bool huge = length % kHugePage == 0;
    const std::uint64_t search = huge ? length + kHugePage : length;
    std::uint64_t end = config_.mmap_base;
    for (const auto& m : mappings_) {  // highest first
        if (end - (m.chunk + m.length) >= search) break;
        end = m.chunk;
    }
    const std::uint64_t floor = config_.mmap_floor ? config_.mmap_floor : config_.base + config_.max_heap;
    if (end < floor + search) return 0;  // the brk heap's room stays free
    return huge ? (end - length) & ~(kHugePage - 1) : end - length;
}

// Whether [from, from + bytes) is free of mappings and below mmap_base (mremap growing in place).
bool GlibcMalloc::mapping_room(std::uint64_t from, std::uint64_t bytes) const {
    if (from + bytes > config_.mmap_base) return false;
    for (const auto& m : mappings_)
        if (m.chunk < from + bytes && from < m.chunk + m.length) return false;
    return true;
}

void GlibcMalloc::insert_mapping(GlibcMapping mapping) {
    auto at = mappings_.begin();  // highest first
    while (at != mappings_.end() && at->chunk > mapping.chunk) ++at;
    mappings_.insert(at, mapping);
}

std::uint64_t GlibcMalloc::mmap_chunk(std::uint64_t nb, std::uint64_t bytes) {
    const std::uint64_t length = round_up(nb + kSizeSz, config_.page_size);
    const std::uint64_t p = place_mapping(length);
    if (!p) return 0;
    insert_mapping(GlibcMapping{p, length});
    mapped_bytes_ += length;
    emit({.kind = GlibcEventKind::FromMmap, .request = bytes, .chunk = p, .size = length, .bin = GlibcBin::Mmap});
    return p + 16;
}

// The top is too small: map the request, or grow the top with sbrk by nb + top_pad + MINSIZE
// less what the top already has, rounded up to whole pages.
std::uint64_t GlibcMalloc::sysmalloc(std::uint64_t nb, std::uint64_t bytes) {
    if (nb >= mmap_threshold_)
        if (const std::uint64_t mem = mmap_chunk(nb, bytes)) return mem;
    const std::uint64_t old_size = top_ ? size_of(top_) : 0;
    const std::uint64_t grow = round_up(nb + top_pad_ + kMinSize - old_size, config_.page_size);
    if (brk_ - config_.base + grow > config_.max_heap) return 0;  // no fallback mmap arena here
    emit({.kind = GlibcEventKind::Sbrk, .request = bytes, .chunk = brk_, .size = grow});
    const std::uint64_t old_brk = brk_;
    brk_ += grow;
    heap_.resize(static_cast<std::size_t>((brk_ - config_.base) >> 3), 0);
    system_mem_ += grow;
    if (!top_) top_ = old_brk;
    set_head(top_, (old_size + grow) | kPrevInuse);
    const std::uint64_t victim = top_;
    top_ = victim + nb;
    set_head(victim, nb | kPrevInuse);
    set_head(top_, (old_size + grow - nb) | kPrevInuse);
    emit({.kind = GlibcEventKind::FromTop, .request = bytes, .chunk = victim, .size = nb, .bin = GlibcBin::Top});
    return victim + 16;
}

}  // namespace memsim::heap
