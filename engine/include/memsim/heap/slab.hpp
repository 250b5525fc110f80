#pragma once
// The slab allocator (Bonwick 1994; the Linux kmalloc caches). Objects of one size come
// from a cache; a cache owns slabs, each a run of pages cut into equal objects with no
// per-object header. A slab is on exactly one of its cache's three lists:
//
//   cache "64"   full    -> [slab: 64 of 64 used]
//                partial -> [slab: 17 of 64 used] -> [slab: 3 of 64 used]
//                empty   -> [slab: 0 of 64 used]         (kept, up to slab_keep_empty)
//
//   one slab (page):  | obj 0 | obj 1 | obj 2 | ... | obj 63 |
//                        used    free -> next free index ...
//
// malloc(n) takes the smallest cache whose objects hold n, then an object from a partial
// slab, else an empty one, else a new slab (a page from the released pool or from brk).
// Requests above the largest cache are the Heap's business (it maps them).
#include <cstdint>
#include <optional>
#include <vector>

#include "memsim/core/large_array.hpp"
#include "memsim/heap/block.hpp"
#include "memsim/heap/config.hpp"
#include "memsim/heap/engine.hpp"

namespace memsim::heap {

// The operations are those of AllocatorEngine (engine.hpp). resize_in_place succeeds
// while the new size fits the object; check() compares every slab's free list with its
// use count and list membership. Objects have no header.
class SlabEngine {
public:
    SlabEngine(const HeapConfig& config, const Region& region);

    MEMSIM_HEAP_ENGINE_OPERATIONS
    std::uint64_t payload_offset() const { return 0; }
    static constexpr bool has_headers() { return false; }
    // The largest object a cache serves.
    std::uint64_t largest_object() const { return caches_.back().object_size; }

    bool operator==(const SlabEngine&) const = default;

private:
    static constexpr std::uint32_t kNil = ~std::uint32_t{0};
    static constexpr std::uint16_t kNoObject = 0xFFFF;
    enum ListKind : std::uint8_t { Full = 0, Partial = 1, Empty = 2, Released = 3 };

    struct Cache {
        std::uint32_t object_size = 0;
        std::uint32_t objects = 0;            // objects per slab
        std::uint32_t heads[3] = {kNil, kNil, kNil};
        std::uint32_t empty_count = 0;
        bool operator==(const Cache&) const = default;
    };
    struct Slab {
        std::uint64_t offset = 0;             // from the region base
        std::uint32_t cache = 0;
        std::uint32_t in_use = 0;
        std::uint16_t free_head = kNoObject;
        ListKind list = Empty;
        std::uint32_t prev = kNil;
        std::uint32_t next = kNil;
        bool operator==(const Slab&) const = default;
    };

    void link(std::uint32_t slab, ListKind list);
    void unlink(std::uint32_t slab);
    ListKind list_for(const Slab& slab) const;
    std::uint32_t new_slab(std::uint32_t cache, Region& region, EventSink& sink);
    std::size_t slot(std::uint32_t slab, std::uint32_t object) const {
        return std::size_t{slab} * max_objects_ + object;
    }
    std::optional<std::uint32_t> slab_at(std::uint64_t addr) const;

    std::uint64_t base_;
    std::uint64_t slab_bytes_;
    std::uint32_t page_shift_;
    std::uint32_t keep_empty_;
    std::uint32_t max_objects_;
    std::vector<Cache> caches_;
    std::vector<Slab> slabs_;
    LargeArray<std::uint16_t> next_free_;   // per object slot: next free object in its slab
    LargeArray<std::uint8_t> used_;         // per object slot: 1 when allocated
    std::vector<std::uint32_t> page_slab_;  // per page of the region: its slab, or kNil
    std::vector<std::uint32_t> released_;   // slabs whose pages wait for reuse
};

}  // namespace memsim::heap
