// The glibc model's free path: __libc_free (mapped chunks and the dynamic threshold),
// _int_free (tcache, fastbins, merging into the unsorted bin or the top),
// malloc_consolidate and systrim, and the checks glibc makes on a bad pointer.
#include "memsim/heap/glibc.hpp"

namespace memsim::heap {

using namespace glibc;

void GlibcMalloc::free(std::uint64_t mem) {
    if (mem == 0) return;
    if (!is_live(mem)) {
        // glibc would abort the process (or, where it cannot tell, corrupt its bins): the
        // model reports what glibc would say and leaves its state as it was.
        error(free_error(mem), mem >= 16 ? mem - 16 : 0);
        return;
    }
    const std::uint64_t p = mem - 16;
    if (head(p) & kIsMmapped) {
        const std::uint64_t size = size_of(p);
        if ((size | kIsMmapped) > mmap_threshold_ && size <= kMmapThresholdMax) {
            mmap_threshold_ = size;
            trim_threshold_ = 2 * size;
            emit({.kind = GlibcEventKind::ThresholdRaised, .chunk = p, .size = size, .bin = GlibcBin::Mmap});
        }
        munmap_chunk(p);
        return;
    }
    init_tcache();
    note_live(mem, false);
    int_free(p);
}

void GlibcMalloc::munmap_chunk(std::uint64_t p) {
    for (auto it = mappings_.begin(); it != mappings_.end(); ++it) {
        if (it->chunk != p) continue;
        mapped_bytes_ -= it->length;
        emit({.kind = GlibcEventKind::Munmapped, .chunk = p, .size = it->length, .bin = GlibcBin::Mmap});
        mappings_.erase(it);
        return;
    }
}

void GlibcMalloc::int_free(std::uint64_t p) {
    const std::uint64_t size = size_of(p);
    const std::uint64_t tc = tcache_index(size);
    if (tcache_ && tc < kTcacheBins && tcache_count(static_cast<int>(tc)) < kTcacheCount) {
        tcache_put(p, tc);
        emit({.kind = GlibcEventKind::ToTcache, .chunk = p, .size = size, .bin = GlibcBin::Tcache,
              .index = static_cast<std::uint32_t>(tc), .count = tcache_count(static_cast<int>(tc))});
        return;
    }
    if (size <= kMaxFast) {
        const std::uint64_t idx = fastbin_index(size);
        set_word(p + 16, protect(p + 16, fastbins_[static_cast<std::size_t>(idx)]));
        fastbins_[static_cast<std::size_t>(idx)] = p;
        have_fastchunks_ = true;
        emit({.kind = GlibcEventKind::ToFastbin, .chunk = p, .size = size, .bin = GlibcBin::Fastbin,
              .index = static_cast<std::uint32_t>(idx), .count = fast_count_of(idx)});
        return;
    }
    free_merge(p, size);
}

// Merges a freed chunk with a free chunk before and after it, then files the result in the
// unsorted bin or makes it the top; a large result consolidates the fastbins and trims.
void GlibcMalloc::free_merge(std::uint64_t p, std::uint64_t size) {
    const std::uint64_t next = p + size, next_size = size_of(next);
    if (!(head(p) & kPrevInuse)) {
        const std::uint64_t prev_size = word(p);
        size += prev_size;
        p -= prev_size;
        unlink_chunk(p);
        emit({.kind = GlibcEventKind::Merged, .chunk = p, .size = size});
    }
    if (next != top_) {
        if (!inuse_at(next, next_size)) {
            unlink_chunk(next);
            size += next_size;
            emit({.kind = GlibcEventKind::Merged, .chunk = p, .size = size});
        } else {
            clear_inuse_at(next, 0);
        }
        insert_unsorted_front(p, size);
        emit({.kind = GlibcEventKind::ToUnsorted, .chunk = p, .size = size, .bin = GlibcBin::Unsorted, .index = 1,
              .count = count_of(1)});
    } else {
        size += next_size;
        set_head(p, size | kPrevInuse);
        top_ = p;
        emit({.kind = GlibcEventKind::ToTop, .chunk = p, .size = size, .bin = GlibcBin::Top});
    }
    if (size >= kConsolidationThreshold) {
        if (have_fastchunks_) malloc_consolidate();
        if (size_of(top_) >= trim_threshold_) systrim();
    }
}

void GlibcMalloc::malloc_consolidate() {
    have_fastchunks_ = false;
    std::uint32_t merged = 0;
    for (auto& slot : fastbins_) {
        std::uint64_t p = slot;
        slot = 0;
        while (p) {
            const std::uint64_t next_p = protect(p + 16, fd(p));
            std::uint64_t size = size_of(p);
            const std::uint64_t next = p + size, next_size = size_of(next);
            if (!(head(p) & kPrevInuse)) {
                const std::uint64_t prev_size = word(p);
                size += prev_size;
                p -= prev_size;
                unlink_chunk(p);
            }
            if (next != top_) {
                if (!inuse_at(next, next_size)) {
                    size += next_size;
                    unlink_chunk(next);
                } else {
                    clear_inuse_at(next, 0);
                }
                insert_unsorted_front(p, size);
            } else {
                size += next_size;
                set_head(p, size | kPrevInuse);
                top_ = p;
            }
            ++merged;
            p = next_p;
        }
    }
    emit({.kind = GlibcEventKind::Consolidated, .count = merged});
}

// Gives back whole pages of the top beyond top_pad (keeping at least MINSIZE + 1 bytes).
void GlibcMalloc::systrim() {
    const std::uint64_t top_size = size_of(top_);
    if (top_size <= kMinSize + 1 + top_pad_) return;
    const std::uint64_t extra = (top_size - kMinSize - 1 - top_pad_) & ~(config_.page_size - 1);
    if (extra == 0) return;
    brk_ -= extra;
    heap_.resize(static_cast<std::size_t>((brk_ - config_.base) >> 3));
    if (live_.size() > heap_.size() / 2) live_.resize(heap_.size() / 2);
    system_mem_ -= extra;
    set_head(top_, (top_size - extra) | kPrevInuse);
    emit({.kind = GlibcEventKind::Trimmed, .chunk = brk_, .size = extra});
}

// What glibc 2.36 says when free() gets a pointer that is not live, following its checks in
// order over the model's memory; empty when none of them would catch it.
std::string_view GlibcMalloc::free_error(std::uint64_t mem) const {
    const std::uint64_t p = mem - 16;
    if ((mem & 15) != 0 || mem < 16) return "free(): invalid pointer";
    const bool in_heap = p >= config_.base && p + 16 <= brk_;
    if (!in_heap) return "free(): invalid pointer";
    const std::uint64_t size = size_of(p);
    if (head(p) & kIsMmapped) return "munmap_chunk(): invalid pointer";
    if (size < kMinSize || (size & 15) != 0 || p + size > brk_) return "free(): invalid size";
    const std::uint64_t tc = tcache_index(size);
    if (tcache_ && tc < kTcacheBins) {
        if (word(mem + 8) == config_.tcache_key)
            for (std::uint64_t c : tcache_list(static_cast<int>(tc)))
                if (c == p) return "free(): double free detected in tcache 2";
        if (tcache_count(static_cast<int>(tc)) < kTcacheCount) return {};
    }
    const std::uint64_t next = p + size;
    if (size <= kMaxFast) {
        if (size_of(next) <= 16 || size_of(next) >= system_mem_) return "free(): invalid next size (fast)";
        if (fastbins_[static_cast<std::size_t>(fastbin_index(size))] == p) return "double free or corruption (fasttop)";
        return {};
    }
    if (p == top_) return "double free or corruption (top)";
    if (next >= top_ + size_of(top_)) return "double free or corruption (out)";
    if (!(head(next) & kPrevInuse)) return "double free or corruption (!prev)";
    if (size_of(next) <= 16 || size_of(next) >= system_mem_) return "free(): invalid next size (normal)";
    return {};
}

}  // namespace memsim::heap
