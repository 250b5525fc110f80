// malloc and free for the list allocators. List maintenance is in free_list_links.cpp,
// the checker in free_list_check.cpp.
#include <algorithm>
#include <cstring>

#include "memsim/core/assert.hpp"
#include "memsim/heap/free_list.hpp"

namespace memsim::heap {

FreeListEngine::FreeListEngine(const HeapConfig& config, const Region& region)
    : kind_(config.allocator),
      fit_(config.fit),
      order_(config.order),
      coalescing_(config.coalescing),
      header_(config.header_size),
      footer_(config.footers ? config.header_size : 0),
      align_(config.alignment),
      trim_threshold_(config.trim_threshold),
      base_(region.base) {
    const std::uint64_t links = has_lists() ? 2 * header_ : 0;
    min_block_ = round_up(std::max(header_ + footer_ + links, header_ + footer_ + 1), align_);
    min_remainder_ = std::max(min_block_, round_up(config.min_split_remainder, align_));
    first_ = round_up(header_, align_) - header_;
    const std::uint32_t lists = kind_ == AllocatorKind::Segregated ? config.size_classes : 1;
    heads_.assign(lists, kNil);
    tails_.assign(lists, kNil);
    nonempty_.assign((lists + 63) / 64, 0);
    MEMSIM_ASSERT(region.size() == 0);
}

void FreeListEngine::set_tags(std::uint64_t b, std::uint64_t size, bool allocated) {
    const std::uint64_t w = size | (allocated ? 1u : 0u);
    set_word(b, w);
    if (footer_) set_word(b + size - footer_, w);
}

std::uint64_t FreeListEngine::adjusted_size(std::uint64_t size) const {
    return std::max(min_block_, round_up(size + header_ + footer_, align_));
}

// Without footers the block before is found by walking from the start: the price of
// dropping boundary tags.
std::uint64_t FreeListEngine::prev_block(std::uint64_t b) const {
    if (b == first_) return kNil;
    if (footer_) return b - (word(b - footer_) & ~std::uint64_t{7});
    std::uint64_t p = first_;
    while (p + size_at(p) != b) p += size_at(p);
    return p;
}

// With boundary tags the footer just below b's header says whether the block before is
// free, so a free next to an allocated block never visits that block (a cache miss saved).
bool FreeListEngine::prev_is_free(std::uint64_t b) const {
    if (b == first_) return false;
    if (footer_) return (word(b - footer_) & 1) == 0;
    return !allocated_at(prev_block(b));
}

std::uint64_t FreeListEngine::last_block() const {
    if (bytes_.empty() || end() == first_) return kNil;
    return prev_block(end());
}

std::optional<Placement> FreeListEngine::allocate(std::uint64_t size, Region& region, EventSink& sink) {
    if (size > region.max) return std::nullopt;
    const std::uint64_t asize = adjusted_size(size);
    std::uint32_t searched = 0;
    std::uint64_t b = search(asize, searched);
    if (b == kNil && coalescing_ == Coalescing::Deferred) {
        coalesce_all(sink);
        b = search(asize, searched);
    }
    if (b == kNil) b = grow(asize, region, sink);
    if (b == kNil) return std::nullopt;
    sink.emit(HeapEventKind::Search, region.base + b, size_at(b), 0, searched);
    place(b, asize, region, sink);
    return Placement{region.base + b, region.base + b + header_, size_at(b), searched};
}

std::uint64_t FreeListEngine::search(std::uint64_t asize, std::uint32_t& searched) {
    if (bytes_.empty()) return kNil;
    return kind_ == AllocatorKind::ImplicitList ? search_implicit(asize, searched)
                                                : search_lists(asize, searched);
}

std::uint64_t FreeListEngine::search_implicit(std::uint64_t asize, std::uint32_t& searched) {
    const std::uint64_t stop = end();
    std::uint64_t start = first_;
    if (fit_ == FitPolicy::Next && rover_ != kNil && rover_ < stop) start = rover_;
    std::uint64_t chosen = kNil;
    std::uint64_t b = start;
    do {
        if (b == stop) {  // next fit wraps around once
            b = first_;
            if (b == start) break;
            continue;
        }
        ++searched;
        const std::uint64_t s = size_at(b);
        if (!allocated_at(b) && s >= asize) {
            if (fit_ == FitPolicy::First || fit_ == FitPolicy::Next) {
                chosen = b;
                break;
            }
            if (chosen == kNil || (fit_ == FitPolicy::Best && s < size_at(chosen)) ||
                (fit_ == FitPolicy::Worst && s > size_at(chosen)))
                chosen = b;
        }
        b += s;
        if (fit_ != FitPolicy::Next && b == stop) break;
    } while (b != start);
    if (chosen != kNil) rover_ = chosen;
    return chosen;
}

std::uint64_t FreeListEngine::search_lists(std::uint64_t asize, std::uint32_t& searched) const {
    const bool scan_all = kind_ == AllocatorKind::ExplicitList &&
                          (fit_ == FitPolicy::Best || fit_ == FitPolicy::Worst);
    for (std::uint32_t list = next_nonempty(list_of(asize)); list < heads_.size(); list = next_nonempty(list + 1)) {
        std::uint64_t chosen = kNil;
        for (std::uint64_t b = heads_[list]; b != kNil; b = succ(b)) {
            ++searched;
            const std::uint64_t s = size_at(b);
            if (s < asize) continue;
            if (!scan_all) return b;
            if (chosen == kNil || (fit_ == FitPolicy::Best && s < size_at(chosen)) ||
                (fit_ == FitPolicy::Worst && s > size_at(chosen)))
                chosen = b;
        }
        if (chosen != kNil) return chosen;
    }
    return kNil;
}

// Extends the heap so a block of asize fits at the top. A free last block counts toward
// it (unless coalescing is off), so only the missing bytes are requested, in whole pages.
std::uint64_t FreeListEngine::grow(std::uint64_t asize, Region& region, EventSink& sink) {
    if (bytes_.empty()) {
        if (!region.grow(first_ + asize + header_, sink)) return kNil;
        bytes_.assign(static_cast<std::size_t>(region.size()), 0);
        const std::uint64_t b = first_;
        set_tags(b, end() - first_, false);
        set_word(end(), 1);
        ++free_count_;
        insert(b);
        return b;
    }
    const std::uint64_t last = last_block();
    const bool extend = last != kNil && !allocated_at(last) && coalescing_ != Coalescing::Off;
    const std::uint64_t have = extend ? size_at(last) : 0;
    const std::uint64_t old_end = end();
    if (!region.grow(asize - have, sink)) return kNil;
    bytes_.resize(static_cast<std::size_t>(region.size()), 0);
    set_tags(old_end, end() - old_end, false);
    set_word(end(), 1);
    ++free_count_;
    if (!extend) {
        insert(old_end);
        return old_end;
    }
    remove(last);
    const std::uint64_t b = merge(last, old_end, sink);
    insert(b);
    return b;
}

// Takes a free block for an allocation of asize, splitting off the rest when the rest
// is big enough to be a block of its own.
void FreeListEngine::place(std::uint64_t b, std::uint64_t asize, Region& region, EventSink& sink) {
    const std::uint64_t s = size_at(b);
    if (has_lists()) remove(b);
    if (s - asize >= min_remainder_) {
        set_tags(b, asize, true);
        sink.emit(HeapEventKind::Split, region.base + b, asize, s - asize);
        set_tags(b + asize, s - asize, false);
        if (has_lists()) insert(b + asize);
    } else {
        set_tags(b, s, true);
        --free_count_;
    }
}

// low and high are adjacent free blocks, already off the lists; returns the merged one.
std::uint64_t FreeListEngine::merge(std::uint64_t low, std::uint64_t high, EventSink& sink) {
    const std::uint64_t size = size_at(low) + size_at(high);
    set_tags(low, size, false);
    --free_count_;
    if (rover_ != kNil && rover_ > low && rover_ < low + size) rover_ = low;
    sink.emit(HeapEventKind::Coalesce, base_ + low, size, base_ + high);
    return low;
}

void FreeListEngine::release(std::uint64_t payload, Region& region, EventSink& sink) {
    const std::uint64_t b = payload - region.base - header_;
    MEMSIM_ASSERT(allocated_at(b));
    set_tags(b, size_at(b), false);
    const std::uint64_t merged = free_block(b, sink);
    maybe_trim(merged, region, sink);
}

// b is marked free but on no list: coalesce it as configured, then list it.
std::uint64_t FreeListEngine::free_block(std::uint64_t b, EventSink& sink) {
    ++free_count_;
    if (coalescing_ == Coalescing::Immediate) {
        const std::uint64_t next = b + size_at(b);
        if (next < end() && !allocated_at(next)) {
            if (has_lists()) remove(next);
            b = merge(b, next, sink);
        }
        if (prev_is_free(b)) {
            const std::uint64_t prev = prev_block(b);
            if (has_lists()) remove(prev);
            b = merge(prev, b, sink);
        }
    }
    if (has_lists()) insert(b);
    return b;
}

// Gives whole pages of a large free top block back with a negative sbrk.
void FreeListEngine::maybe_trim(std::uint64_t b, Region& region, EventSink& sink) {
    if (trim_threshold_ == 0 || b + size_at(b) != end() || size_at(b) < trim_threshold_) return;
    const std::uint64_t cut = (size_at(b) - min_block_) / region.page_size * region.page_size;
    if (cut == 0) return;
    if (has_lists()) remove(b);
    set_tags(b, size_at(b) - cut, false);
    region.shrink(cut, sink);
    bytes_.resize(static_cast<std::size_t>(region.size()));
    set_word(end(), 1);
    if (has_lists()) insert(b);
    if (rover_ != kNil && rover_ >= end()) rover_ = first_;
}

// Deferred coalescing: one pass over the heap merges every run of free blocks, then the
// lists are rebuilt in address order of insertion.
void FreeListEngine::coalesce_all(EventSink& sink) {
    if (bytes_.empty()) return;
    std::fill(heads_.begin(), heads_.end(), kNil);
    std::fill(tails_.begin(), tails_.end(), kNil);
    std::fill(nonempty_.begin(), nonempty_.end(), 0);
    for (std::uint64_t b = first_; b < end(); b += size_at(b)) {
        if (allocated_at(b)) continue;
        std::uint64_t next = b + size_at(b);
        while (next < end() && !allocated_at(next)) {
            merge(b, next, sink);
            next = b + size_at(b);
        }
        if (has_lists()) insert(b);
    }
}

bool FreeListEngine::resize_in_place(std::uint64_t payload, std::uint64_t size, Region& region,
                                     EventSink& sink) {
    const std::uint64_t b = payload - region.base - header_;
    const std::uint64_t asize = adjusted_size(size);
    std::uint64_t s = size_at(b);
    if (asize > s) {
        const std::uint64_t next = b + s;
        if (next >= end() || allocated_at(next) || s + size_at(next) < asize) return false;
        if (has_lists()) remove(next);
        --free_count_;
        if (rover_ == next) rover_ = b;  // next fit must not resume inside a block
        s += size_at(next);
        set_tags(b, s, true);
    }
    if (s - asize >= min_remainder_) {
        set_tags(b, asize, true);
        sink.emit(HeapEventKind::Split, region.base + b, asize, s - asize);
        set_tags(b + asize, s - asize, false);
        maybe_trim(free_block(b + asize, sink), region, sink);
    }
    return true;
}

std::uint64_t FreeListEngine::block_size(std::uint64_t payload, const Region& region) const {
    return size_at(payload - region.base - header_);
}

std::optional<BlockView> FreeListEngine::find_block(std::uint64_t addr, const Region& region) const {
    if (bytes_.empty() || addr < region.base + first_ || addr >= region.base + end()) return std::nullopt;
    const std::uint64_t off = addr - region.base;
    std::uint64_t b = first_;
    while (b + size_at(b) <= off) b += size_at(b);
    return BlockView{region.base + b, size_at(b), region.base + b + header_, 0, allocated_at(b), false};
}

void FreeListEngine::blocks(const Region& region, std::vector<BlockView>& out) const {
    if (bytes_.empty()) return;
    for (std::uint64_t b = first_; b < end(); b += size_at(b))
        out.push_back(BlockView{region.base + b, size_at(b), region.base + b + header_, 0, allocated_at(b), false});
}

FreeStats FreeListEngine::free_stats(const Region&) const {
    FreeStats stats;
    if (bytes_.empty()) return stats;
    for (std::uint64_t b = first_; b < end(); b += size_at(b)) {
        if (allocated_at(b)) continue;
        stats.bytes += size_at(b);
        stats.largest = std::max(stats.largest, size_at(b));
        ++stats.blocks;
    }
    return stats;
}

}  // namespace memsim::heap
