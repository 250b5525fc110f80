#include "memsim/heap/event.hpp"
#include "memsim/heap/glibc.hpp"

#include "memsim/core/text.hpp"

namespace memsim::heap {

std::string_view to_string(HeapEventKind kind) {
    switch (kind) {
        case HeapEventKind::Malloc: return "malloc";
        case HeapEventKind::Free: return "free";
        case HeapEventKind::Realloc: return "realloc";
        case HeapEventKind::ReallocInPlace: return "realloc-in-place";
        case HeapEventKind::Calloc: return "calloc";
        case HeapEventKind::Search: return "search";
        case HeapEventKind::Split: return "split";
        case HeapEventKind::Coalesce: return "coalesce";
        case HeapEventKind::Brk: return "brk";
        case HeapEventKind::Trim: return "trim";
        case HeapEventKind::Mmap: return "mmap";
        case HeapEventKind::Munmap: return "munmap";
        case HeapEventKind::BuddySplit: return "buddy-split";
        case HeapEventKind::BuddyMerge: return "buddy-merge";
        case HeapEventKind::SlabCreate: return "slab-create";
        case HeapEventKind::SlabRelease: return "slab-release";
        case HeapEventKind::GlibcStep: return "glibc";
        case HeapEventKind::DoubleFree: return "double-free";
        case HeapEventKind::ReallocFreed: return "realloc-freed";
        case HeapEventKind::InvalidFree: return "invalid-free";
        case HeapEventKind::InteriorFree: return "interior-free";
        case HeapEventKind::UseAfterFree: return "use-after-free";
        case HeapEventKind::HeapOverflow: return "heap-overflow";
        case HeapEventKind::Corruption: return "corruption";
        case HeapEventKind::OutOfMemory: return "out-of-memory";
        case HeapEventKind::Leak: return "leak";
    }
    return "?";
}

bool is_error(HeapEventKind kind) { return kind >= HeapEventKind::DoubleFree; }

std::string explain(const HeapEvent& e) {
    const std::string a = hex(e.addr);
    const std::string n = std::to_string(e.size);
    const std::string o = std::to_string(e.other);
    switch (e.kind) {
        case HeapEventKind::Malloc:
            return "malloc(" + n + ") returned " + a + " inside a " + o + "-byte block";
        case HeapEventKind::Free: return "free(" + a + ") gave its " + n + "-byte block back to the allocator";
        case HeapEventKind::Realloc:
            return "realloc moved the data from " + hex(e.other) + " to " + a + " (" + n + " bytes) and freed the old block";
        case HeapEventKind::ReallocInPlace:
            return "realloc resized the block at " + a + " in place to hold " + n + " bytes (block now " + o + " bytes)";
        case HeapEventKind::Calloc: return "calloc zeroed " + n + " bytes at " + a;
        case HeapEventKind::Search:
            return "looked at " + std::to_string(e.searched) + " block(s) and chose the " + n + "-byte block at " + a;
        case HeapEventKind::Split:
            return "split the block at " + a + ": " + n + " bytes for the request, " + o + " bytes stay free after it";
        case HeapEventKind::Coalesce:
            return "merged the free block at " + hex(e.other) + " into the free block at " + a + ", now " + n + " bytes";
        case HeapEventKind::Brk: return "sbrk grew the heap by " + n + " bytes; the old break was " + a;
        case HeapEventKind::Trim: return "the free top of the heap was trimmed by " + n + " bytes; the break is now " + a;
        case HeapEventKind::Mmap: return "the request was large, so it got its own " + n + "-byte mapping at " + a;
        case HeapEventKind::Munmap: return "the " + n + "-byte mapping at " + a + " was unmapped";
        case HeapEventKind::BuddySplit:
            return "split the buddy block at " + a + " into two " + n + "-byte halves; the upper one at " + hex(e.other) + " is free";
        case HeapEventKind::BuddyMerge:
            return "the buddy at " + hex(e.other) + " was free too, so they merged into a " + n + "-byte block at " + a;
        case HeapEventKind::SlabCreate:
            return "a new slab at " + a + " holds " + o + " objects of " + n + " bytes";
        case HeapEventKind::GlibcStep: return explain(from_heap_event(e));
        case HeapEventKind::SlabRelease: return "the empty slab at " + a + " (" + n + "-byte objects) was released";
        case HeapEventKind::DoubleFree: return "double free: " + a + " was already freed";
        case HeapEventKind::ReallocFreed: return "realloc of a freed block: " + a + " was already freed";
        case HeapEventKind::InvalidFree: return "invalid free: malloc never returned " + a;
        case HeapEventKind::InteriorFree:
            return "invalid free: " + a + " points into the middle of the block whose payload starts at " + hex(e.other);
        case HeapEventKind::UseAfterFree:
            return "use after free: " + n + " byte(s) at " + a + " belong to the freed block " + hex(e.other);
        case HeapEventKind::HeapOverflow:
            return "heap overflow: writing " + n + " byte(s) at " + a + " runs over the header at " + hex(e.other);
        case HeapEventKind::Corruption:
            return "heap corruption detected: the header at " + a + " was overwritten (free(): invalid next size)";
        case HeapEventKind::OutOfMemory:
            if (e.other == 1)
                return "malloc(" + n + ") failed: mmap found no free gap that large between the heap and the stack "
                       "(ENOMEM), so malloc returned NULL";
            return "malloc(" + n + ") failed: no room left, it returned NULL";
        case HeapEventKind::Leak: {
            static const char* const verdicts[] = {"definitely lost: ", "still reachable: ", "indirectly lost: ", "possibly lost: "};
            return std::string(verdicts[e.other < 4 ? e.other : 0]) + n + " bytes at " + a + " were never freed";
        }
    }
    return "?";
}

std::uint64_t leak_code(std::string_view verdict) {
    if (verdict == "still reachable" || verdict == "reachable") return 1;
    if (verdict == "indirectly lost") return 2;
    if (verdict == "possibly lost") return 3;
    return 0;
}

}  // namespace memsim::heap
