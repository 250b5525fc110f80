// The glibc model's realloc: __libc_realloc (mremap for mapped chunks) and _int_realloc
// (shrink in place, grow into the top or a free next chunk, or move and free the old one).
#include "memsim/heap/glibc.hpp"

namespace memsim::heap {

using namespace glibc;

std::uint64_t GlibcMalloc::realloc(std::uint64_t mem, std::uint64_t bytes) {
    if (mem == 0) return malloc(bytes);
    if (bytes == 0) {  // glibc frees and returns NULL (REALLOC_ZERO_BYTES_FREES)
        free(mem);
        return 0;
    }
    if (!is_live(mem)) {
        error("realloc(): invalid pointer", mem >= 16 ? mem - 16 : 0);
        return 0;
    }
    const std::uint64_t p = mem - 16;
    if (bytes >= (1ull << 46)) return 0;
    const std::uint64_t nb = request2size(bytes);
    if (head(p) & kIsMmapped) return realloc_mapped(p, nb, bytes);
    init_tcache();
    note_live(mem, false);
    const std::uint64_t moved = int_realloc(p, size_of(p), nb, bytes);
    note_live(moved ? moved : mem, true);
    return moved;
}

// mremap: the mapping keeps its chunk when the page count is unchanged or it shrinks, or
// when the pages above it are free to grow into; else the kernel moves it to where a new
// mapping would go, found while the old one is still mapped.
std::uint64_t GlibcMalloc::realloc_mapped(std::uint64_t oldp, std::uint64_t nb, std::uint64_t bytes) {
    const std::uint64_t length = round_up(nb + kSizeSz, config_.page_size);
    const std::uint64_t old_length = size_of(oldp);
    if (length == old_length) {
        emit({.kind = GlibcEventKind::ReallocInPlace, .request = bytes, .chunk = oldp, .size = length, .bin = GlibcBin::Mmap});
        return oldp + 16;
    }
    const bool stays = length < old_length || mapping_room(oldp + old_length, length - old_length);
    std::uint64_t p = oldp;
    if (!stays) {
        if (mapped_bytes_ - old_length + length > config_.max_mapped) return 0;
        const std::uint64_t limit = config_.max_mapped;
        config_.max_mapped = ~std::uint64_t{0};  // both exist for a moment; the live total was checked above
        p = place_mapping(length);
        config_.max_mapped = limit;
        if (!p) return 0;
    }
    for (auto it = mappings_.begin(); it != mappings_.end(); ++it)
        if (it->chunk == oldp) {
            mappings_.erase(it);
            break;
        }
    mapped_bytes_ = mapped_bytes_ - old_length + length;
    insert_mapping(GlibcMapping{p, length});
    emit({.kind = GlibcEventKind::Mremapped, .request = bytes, .chunk = p, .size = length, .bin = GlibcBin::Mmap});
    return p + 16;
}

std::uint64_t GlibcMalloc::int_realloc(std::uint64_t oldp, std::uint64_t oldsize, std::uint64_t nb,
                                       std::uint64_t bytes) {
    const std::uint64_t next = oldp + oldsize, next_size = size_of(next);
    std::uint64_t newp = oldp, newsize = oldsize;
    if (oldsize < nb) {
        if (next == top_ && oldsize + next_size >= nb + kMinSize) {
            set_head_size(oldp, nb);
            top_ = oldp + nb;
            set_head(top_, (oldsize + next_size - nb) | kPrevInuse);
            emit({.kind = GlibcEventKind::ReallocInPlace, .request = bytes, .chunk = oldp, .size = nb, .bin = GlibcBin::Top});
            return oldp + 16;
        }
        if (next != top_ && !inuse_at(next, next_size) && oldsize + next_size >= nb) {
            newsize = oldsize + next_size;
            unlink_chunk(next);
            emit({.kind = GlibcEventKind::Merged, .chunk = oldp, .size = newsize});
        } else {
            const std::uint64_t mem = int_malloc(nb - (kAlign - 1));
            if (!mem) return 0;
            newp = mem - 16;
            newsize = size_of(newp);
            if (newp != next) {
                int_free(oldp);
                return mem;
            }
            newsize += oldsize;  // the new chunk is the next one: grow into it, no copy
            newp = oldp;
        }
    }
    const std::uint64_t rest = newsize - nb;
    if (rest < kMinSize) {
        set_head_size(newp, newsize);
        set_inuse_at(newp, newsize);
    } else {
        const std::uint64_t remainder = newp + nb;
        set_head_size(newp, nb);
        set_head(remainder, rest | kPrevInuse);
        set_inuse_at(remainder, rest);
        int_free(remainder);
    }
    emit({.kind = GlibcEventKind::ReallocInPlace, .request = bytes, .chunk = newp, .size = size_of(newp)});
    return newp + 16;
}

}  // namespace memsim::heap
