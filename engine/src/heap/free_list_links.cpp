// Free-list maintenance for the explicit and segregated allocators: doubly linked lists
// threaded through the free blocks, links stored as heap offsets in the byte image.
#include <bit>

#include "memsim/heap/free_list.hpp"

namespace memsim::heap {

namespace {

// 4k + (the two bits after the leading one): four classes per power of two.
int geometric(std::uint64_t size) {
    const auto k = static_cast<int>(std::bit_width(size)) - 1;
    return 4 * k + static_cast<int>(k >= 2 ? (size >> (k - 2)) & 3 : 0);
}

}  // namespace

// Segregated classes: the first kExactClasses hold one size each (min block, min block +
// alignment, ...), so any block in them fits a request of their size; above that, each
// power of two is split into four classes. Explicit lists have one list.
std::uint32_t FreeListEngine::list_of(std::uint64_t size) const {
    if (kind_ != AllocatorKind::Segregated) return 0;
    const std::uint64_t step = (size - min_block_) / align_;
    const auto last = static_cast<std::uint64_t>(heads_.size()) - 1;
    if (step < kExactClasses) return static_cast<std::uint32_t>(step < last ? step : last);
    const std::uint64_t index =
        kExactClasses + static_cast<std::uint64_t>(geometric(size) - geometric(min_block_ + kExactClasses * align_));
    return static_cast<std::uint32_t>(index < last ? index : last);
}

// The first non-empty class at or after `list` (heads_.size() when none), from the bitmap.
std::uint32_t FreeListEngine::next_nonempty(std::uint32_t list) const {
    std::size_t word = list / 64;
    if (word >= nonempty_.size()) return static_cast<std::uint32_t>(heads_.size());
    std::uint64_t bits = nonempty_[word] & (~std::uint64_t{0} << (list % 64));
    while (bits == 0) {
        if (++word == nonempty_.size()) return static_cast<std::uint32_t>(heads_.size());
        bits = nonempty_[word];
    }
    return static_cast<std::uint32_t>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
}

// The node b goes in front of (kNil = at the back), by the list's order.
std::uint64_t FreeListEngine::insert_position(std::uint32_t list, std::uint64_t b) const {
    if (kind_ == AllocatorKind::Segregated) return heads_[list];  // LIFO inside a class
    const std::uint64_t s = size_at(b);
    switch (order_) {
        case ListOrder::Lifo: return heads_[list];
        case ListOrder::Fifo: return kNil;
        case ListOrder::Address: {
            std::uint64_t n = heads_[list];
            while (n != kNil && n < b) n = succ(n);
            return n;
        }
        case ListOrder::SizeAscending: {
            std::uint64_t n = heads_[list];
            while (n != kNil && (size_at(n) < s || (size_at(n) == s && n < b))) n = succ(n);
            return n;
        }
        case ListOrder::SizeDescending: {
            std::uint64_t n = heads_[list];
            while (n != kNil && (size_at(n) > s || (size_at(n) == s && n < b))) n = succ(n);
            return n;
        }
    }
    return kNil;
}

void FreeListEngine::insert(std::uint64_t b) {
    if (!has_lists()) return;
    const std::uint32_t list = list_of(size_at(b));
    const std::uint64_t before = insert_position(list, b);
    const std::uint64_t after = before == kNil ? tails_[list] : pred(before);
    set_pred(b, after);
    set_succ(b, before);
    if (after == kNil) heads_[list] = b; else set_succ(after, b);
    nonempty_[list / 64] |= std::uint64_t{1} << (list % 64);
    if (before == kNil) tails_[list] = b; else set_pred(before, b);
}

void FreeListEngine::remove(std::uint64_t b) {
    if (!has_lists()) return;
    const std::uint32_t list = list_of(size_at(b));
    const std::uint64_t p = pred(b);
    const std::uint64_t n = succ(b);
    if (p == kNil) heads_[list] = n; else set_succ(p, n);
    if (heads_[list] == kNil) nonempty_[list / 64] &= ~(std::uint64_t{1} << (list % 64));
    if (n == kNil) tails_[list] = p; else set_pred(n, p);
}

}  // namespace memsim::heap
