#include "memsim/heap/slab.hpp"

#include <bit>

#include "memsim/core/assert.hpp"

namespace memsim::heap {

SlabEngine::SlabEngine(const HeapConfig& config, const Region& region)
    : base_(region.base),
      slab_bytes_(config.page_size * config.slab_pages),
      page_shift_(static_cast<std::uint32_t>(std::countr_zero(config.page_size))),
      keep_empty_(config.slab_keep_empty) {
    for (std::uint32_t size : config.slab_sizes) {
        Cache c;
        c.object_size = size;
        c.objects = static_cast<std::uint32_t>(slab_bytes_ / size);
        caches_.push_back(c);
    }
    max_objects_ = caches_.front().objects;
}

SlabEngine::ListKind SlabEngine::list_for(const Slab& s) const {
    if (s.in_use == 0) return Empty;
    return s.in_use == caches_[s.cache].objects ? Full : Partial;
}

void SlabEngine::link(std::uint32_t slab, ListKind list) {
    Slab& s = slabs_[slab];
    Cache& c = caches_[s.cache];
    s.list = list;
    s.prev = kNil;
    s.next = c.heads[list];
    if (s.next != kNil) slabs_[s.next].prev = slab;
    c.heads[list] = slab;
    if (list == Empty) ++c.empty_count;
}

void SlabEngine::unlink(std::uint32_t slab) {
    Slab& s = slabs_[slab];
    Cache& c = caches_[s.cache];
    if (s.prev == kNil) c.heads[s.list] = s.next; else slabs_[s.prev].next = s.next;
    if (s.next != kNil) slabs_[s.next].prev = s.prev;
    if (s.list == Empty) --c.empty_count;
}

// A fresh slab for a cache: pages from a released slab if any, else from brk.
std::uint32_t SlabEngine::new_slab(std::uint32_t cache, Region& region, EventSink& sink) {
    std::uint32_t index;
    if (!released_.empty()) {
        index = released_.back();
        released_.pop_back();
    } else {
        const std::uint64_t offset = region.size();
        if (!region.grow(slab_bytes_, sink)) return kNil;
        index = static_cast<std::uint32_t>(slabs_.size());
        slabs_.push_back(Slab{.offset = offset});
        next_free_.resize(slabs_.size() * max_objects_, kNoObject);
        used_.resize(slabs_.size() * max_objects_, 0);
        page_slab_.resize(static_cast<std::size_t>(region.size() >> page_shift_), kNil);
        for (std::uint64_t p = offset >> page_shift_; p < region.size() >> page_shift_; ++p)
            page_slab_[static_cast<std::size_t>(p)] = index;
    }
    Slab& s = slabs_[index];
    const Cache& c = caches_[cache];
    s.cache = cache;
    s.in_use = 0;
    s.free_head = 0;
    for (std::uint32_t i = 0; i < c.objects; ++i) {
        next_free_[slot(index, i)] = static_cast<std::uint16_t>(i + 1 < c.objects ? i + 1 : kNoObject);
        used_[slot(index, i)] = 0;
    }
    sink.emit(HeapEventKind::SlabCreate, base_ + s.offset, c.object_size, c.objects);
    link(index, Empty);
    return index;
}

std::optional<Placement> SlabEngine::allocate(std::uint64_t size, Region& region, EventSink& sink) {
    std::uint32_t cache = 0;
    while (cache < caches_.size() && caches_[cache].object_size < size) ++cache;
    if (cache == caches_.size()) return std::nullopt;
    const std::uint32_t searched = cache + 1;
    Cache& c = caches_[cache];
    std::uint32_t slab = c.heads[Partial] != kNil ? c.heads[Partial] : c.heads[Empty];
    if (slab == kNil) slab = new_slab(cache, region, sink);
    if (slab == kNil) return std::nullopt;
    Slab& s = slabs_[slab];
    const std::uint16_t object = s.free_head;
    s.free_head = next_free_[slot(slab, object)];
    used_[slot(slab, object)] = 1;
    unlink(slab);
    ++s.in_use;
    link(slab, list_for(s));
    const std::uint64_t addr = base_ + s.offset + std::uint64_t{object} * c.object_size;
    sink.emit(HeapEventKind::Search, addr, c.object_size, 0, searched);
    return Placement{addr, addr, c.object_size, searched};
}

std::optional<std::uint32_t> SlabEngine::slab_at(std::uint64_t addr) const {
    if (addr < base_) return std::nullopt;
    const std::uint64_t page = (addr - base_) >> page_shift_;
    if (page >= page_slab_.size()) return std::nullopt;
    const std::uint32_t slab = page_slab_[static_cast<std::size_t>(page)];
    if (slab == kNil || slabs_[slab].list == Released) return std::nullopt;
    return slab;
}

void SlabEngine::release(std::uint64_t payload, Region&, EventSink& sink) {
    const std::uint32_t slab = *slab_at(payload);
    Slab& s = slabs_[slab];
    Cache& c = caches_[s.cache];
    const auto object = static_cast<std::uint16_t>((payload - base_ - s.offset) / c.object_size);
    MEMSIM_ASSERT(used_[slot(slab, object)] == 1);
    used_[slot(slab, object)] = 0;
    next_free_[slot(slab, object)] = s.free_head;
    s.free_head = object;
    unlink(slab);
    --s.in_use;
    if (s.in_use == 0 && c.empty_count >= keep_empty_) {
        s.list = Released;
        released_.push_back(slab);
        sink.emit(HeapEventKind::SlabRelease, base_ + s.offset, c.object_size);
        return;
    }
    link(slab, list_for(s));
}

bool SlabEngine::resize_in_place(std::uint64_t payload, std::uint64_t size, Region& region, EventSink&) {
    return size <= block_size(payload, region);
}

std::uint64_t SlabEngine::block_size(std::uint64_t payload, const Region&) const {
    return caches_[slabs_[*slab_at(payload)].cache].object_size;
}

std::optional<BlockView> SlabEngine::find_block(std::uint64_t addr, const Region&) const {
    const auto slab = slab_at(addr);
    if (!slab) return std::nullopt;
    const Slab& s = slabs_[*slab];
    const Cache& c = caches_[s.cache];
    const std::uint64_t object = (addr - base_ - s.offset) / c.object_size;
    if (object >= c.objects) return std::nullopt;  // the unused tail of the slab
    const std::uint64_t start = base_ + s.offset + object * c.object_size;
    return BlockView{start, c.object_size, start, 0, used_[slot(*slab, static_cast<std::uint32_t>(object))] == 1, false};
}

void SlabEngine::blocks(const Region&, std::vector<BlockView>& out) const {
    for (std::uint32_t i = 0; i < slabs_.size(); ++i) {
        const Slab& s = slabs_[i];
        if (s.list == Released) continue;
        const Cache& c = caches_[s.cache];
        for (std::uint32_t o = 0; o < c.objects; ++o) {
            const std::uint64_t start = base_ + s.offset + std::uint64_t{o} * c.object_size;
            out.push_back(BlockView{start, c.object_size, start, 0, used_[slot(i, o)] == 1, false});
        }
    }
}

FreeStats SlabEngine::free_stats(const Region&) const {
    FreeStats stats;
    for (const Slab& s : slabs_) {
        const Cache& c = caches_[s.cache];
        const std::uint64_t free_objects = s.list == Released ? 0 : c.objects - s.in_use;
        stats.bytes += free_objects * c.object_size;
        if (free_objects && c.object_size > stats.largest) stats.largest = c.object_size;
        stats.blocks += free_objects;
        if (s.list == Released) {
            stats.bytes += slab_bytes_;
            stats.largest = slab_bytes_ > stats.largest ? slab_bytes_ : stats.largest;
            ++stats.blocks;
        }
    }
    return stats;
}

void SlabEngine::check(const Region& region, std::vector<Violation>& out) const {
    if (slabs_.size() * slab_bytes_ != region.size()) out.push_back({region.brk, "the slabs do not tile the heap"});
    for (std::uint32_t i = 0; i < slabs_.size(); ++i) {
        const Slab& s = slabs_[i];
        if (s.list == Released) continue;
        const Cache& c = caches_[s.cache];
        const std::uint64_t addr = base_ + s.offset;
        std::vector<std::uint8_t> on_list(c.objects, 0);
        std::uint32_t free_count = 0;
        for (std::uint16_t o = s.free_head; o != kNoObject; o = next_free_[slot(i, o)]) {
            if (o >= c.objects || on_list[o] || used_[slot(i, o)]) {
                out.push_back({addr, "a slab free list holds a used, repeated or bad object"});
                break;
            }
            on_list[o] = 1;
            ++free_count;
        }
        if (free_count + s.in_use != c.objects)
            out.push_back({addr, "free objects and the use count do not add up"});
        if (s.list != list_for(s)) out.push_back({addr, "a slab is on the wrong list for its use count"});
    }
    for (std::uint32_t ci = 0; ci < caches_.size(); ++ci)
        for (int list = 0; list < 3; ++list) {
            std::uint32_t prev = kNil;
            for (std::uint32_t i = caches_[ci].heads[list]; i != kNil; prev = i, i = slabs_[i].next)
                if (slabs_[i].cache != ci || slabs_[i].list != list || slabs_[i].prev != prev) {
                    out.push_back({base_ + slabs_[i].offset, "a slab list link is inconsistent"});
                    break;
                }
        }
}

}  // namespace memsim::heap
