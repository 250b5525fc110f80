#include "memsim/heap/buddy.hpp"

#include <bit>

#include "memsim/core/assert.hpp"

namespace memsim::heap {

BuddyEngine::BuddyEngine(const HeapConfig& config, const Region& region)
    : min_order_(config.buddy_min_order),
      max_order_(config.buddy_max_order),
      header_(round_up(config.header_size, config.alignment)),
      base_(region.base),
      heads_(config.buddy_max_order + 1, kNil) {}

void BuddyEngine::push(std::uint32_t unit, std::uint32_t order) {
    table_[unit].state = kFree;
    table_[unit].order = static_cast<std::uint8_t>(order);
    table_[unit].prev = kNil;
    table_[unit].next = heads_[order];
    if (heads_[order] != kNil) table_[heads_[order]].prev = unit;
    heads_[order] = unit;
}

void BuddyEngine::unlink(std::uint32_t unit) {
    const UnitRecord& r = table_[unit];
    if (r.prev == kNil) heads_[r.order] = r.next; else table_[r.prev].next = r.next;
    if (r.next != kNil) table_[r.next].prev = r.prev;
}

bool BuddyEngine::add_chunk(Region& region, EventSink& sink) {
    const auto first = static_cast<std::uint32_t>(table_.size());
    if (!region.grow(std::uint64_t{1} << max_order_, sink)) return false;
    const std::size_t total = static_cast<std::size_t>(region.size() >> min_order_);
    table_.resize(total);
    push(first, max_order_);
    return true;
}

// Walks up from the order the request needs to the first non-empty list, then halves
// that block back down, leaving each upper half free on its list.
std::optional<Placement> BuddyEngine::allocate(std::uint64_t size, Region& region, EventSink& sink) {
    if (size > (std::uint64_t{1} << max_order_) - header_) return std::nullopt;
    const auto need = static_cast<std::uint32_t>(std::bit_width(size + header_ - 1));
    const std::uint32_t order = need < min_order_ ? min_order_ : need;
    std::uint32_t searched = 0;
    std::uint32_t j = order;
    while (j <= max_order_ && (++searched, heads_[j] == kNil)) ++j;
    if (j > max_order_) {
        if (!add_chunk(region, sink)) return std::nullopt;
        j = max_order_;
    }
    const std::uint32_t unit = heads_[j];
    unlink(unit);
    while (j > order) {
        --j;
        const std::uint32_t upper = unit + units(j);
        push(upper, j);
        sink.emit(HeapEventKind::BuddySplit, addr_of(unit), std::uint64_t{1} << j, addr_of(upper));
    }
    table_[unit].state = kUsed;
    table_[unit].order = static_cast<std::uint8_t>(order);
    sink.emit(HeapEventKind::Search, addr_of(unit), std::uint64_t{1} << order, 0, searched);
    return Placement{addr_of(unit), addr_of(unit) + header_, std::uint64_t{1} << order, searched};
}

void BuddyEngine::release(std::uint64_t payload, Region&, EventSink& sink) {
    std::uint32_t unit = unit_of(payload - header_);
    std::uint32_t order = table_[unit].order;
    MEMSIM_ASSERT(table_[unit].state == kUsed);
    while (order < max_order_) {
        const std::uint32_t buddy = unit ^ units(order);
        if (table_[buddy].state != kFree || table_[buddy].order != order) break;
        unlink(buddy);
        const std::uint32_t low = buddy < unit ? buddy : unit;
        table_[buddy < unit ? unit : buddy].state = kNone;
        ++order;
        sink.emit(HeapEventKind::BuddyMerge, addr_of(low), std::uint64_t{1} << order, addr_of(buddy));
        unit = low;
    }
    push(unit, order);
}

bool BuddyEngine::resize_in_place(std::uint64_t payload, std::uint64_t size, Region&, EventSink&) {
    return size + header_ <= block_size(payload, Region{});
}

std::uint64_t BuddyEngine::block_size(std::uint64_t payload, const Region&) const {
    return std::uint64_t{1} << table_[unit_of(payload - header_)].order;
}

std::optional<BlockView> BuddyEngine::find_block(std::uint64_t addr, const Region& region) const {
    if (addr < region.base || addr >= region.brk) return std::nullopt;
    std::uint32_t unit = unit_of(addr);
    while (table_[unit].state == kNone) --unit;
    const std::uint64_t block = addr_of(unit);
    return BlockView{block, std::uint64_t{1} << table_[unit].order, block + header_, 0, table_[unit].state == kUsed, false};
}

void BuddyEngine::blocks(const Region&, std::vector<BlockView>& out) const {
    for (std::uint32_t u = 0; u < table_.size(); u += units(table_[u].order))
        out.push_back(BlockView{addr_of(u), std::uint64_t{1} << table_[u].order, addr_of(u) + header_, 0,
                                table_[u].state == kUsed, false});
}

FreeStats BuddyEngine::free_stats(const Region&) const {
    FreeStats stats;
    for (std::uint32_t u = 0; u < table_.size(); u += units(table_[u].order)) {
        if (table_[u].state != kFree) continue;
        const std::uint64_t size = std::uint64_t{1} << table_[u].order;
        stats.bytes += size;
        stats.largest = size > stats.largest ? size : stats.largest;
        ++stats.blocks;
    }
    return stats;
}

std::vector<std::vector<std::uint64_t>> BuddyEngine::free_lists() const {
    std::vector<std::vector<std::uint64_t>> lists;
    for (std::uint32_t order = min_order_; order <= max_order_; ++order) {
        if (heads_[order] == kNil) continue;
        std::vector<std::uint64_t>& list = lists.emplace_back();
        // At most one node per unit: a corrupt (looping) list must not hang a viewer.
        for (std::uint32_t u = heads_[order]; u != kNil && u < table_.size() && list.size() < table_.size();
             u = table_[u].next)
            list.push_back(addr_of(u));
    }
    return lists;
}

void BuddyEngine::check(const Region& region, std::vector<Violation>& out) const {
    if ((region.size() >> min_order_) != table_.size()) {
        out.push_back({region.brk, "the unit tables do not match the break"});
        return;
    }
    std::vector<std::uint8_t> listed(table_.size(), 0);
    for (std::uint32_t order = min_order_; order <= max_order_; ++order) {
        std::uint32_t prev = kNil;
        for (std::uint32_t u = heads_[order]; u != kNil; prev = u, u = table_[u].next) {
            if (u >= table_.size() || table_[u].state != kFree || table_[u].order != order || listed[u]) {
                out.push_back({addr_of(u), "a buddy free list holds a wrong or repeated block"});
                return;
            }
            listed[u] = 1;
            if (table_[u].prev != prev) out.push_back({addr_of(u), "the prev link does not point back"});
        }
    }
    std::uint32_t u = 0;
    while (u < table_.size()) {
        const std::uint32_t order = table_[u].order;
        if (table_[u].state == kNone || order < min_order_ || order > max_order_ || u % units(order) != 0 ||
            u + units(order) > table_.size()) {
            out.push_back({addr_of(u), "a buddy block with a bad order or alignment"});
            return;
        }
        for (std::uint32_t i = u + 1; i < u + units(order); ++i)
            if (table_[i].state != kNone) out.push_back({addr_of(i), "a block starts inside another block"});
        if (table_[u].state == kFree && !listed[u]) out.push_back({addr_of(u), "a free block is missing from its list"});
        if (table_[u].state == kFree && order < max_order_) {
            const std::uint32_t buddy = u ^ units(order);
            if (table_[buddy].state == kFree && table_[buddy].order == order)
                out.push_back({addr_of(u), "two free buddies were not merged"});
        }
        u += units(order);
    }
}

}  // namespace memsim::heap
