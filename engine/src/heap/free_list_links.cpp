// Free-list maintenance for the explicit and segregated allocators: doubly linked lists
// threaded through the free blocks, links stored as heap offsets in the byte image.
#include <bit>

#include "memsim/heap/free_list.hpp"

namespace memsim::heap {

std::uint64_t FreeListEngine::link(std::uint64_t off) const {
    const std::uint64_t v = word(off);
    if (header_ == 4 && v == 0xFFFFFFFFu) return kNil;
    return v;
}

void FreeListEngine::set_link(std::uint64_t off, std::uint64_t v) { set_word(off, v); }

// Segregated class k holds sizes [min_block * 2^k, min_block * 2^(k+1)); the last class
// holds everything larger. Explicit lists have one list.
std::uint32_t FreeListEngine::list_of(std::uint64_t size) const {
    if (kind_ != AllocatorKind::Segregated) return 0;
    const int k = static_cast<int>(std::bit_width(size / min_block_)) - 1;
    const auto last = static_cast<int>(heads_.size()) - 1;
    return static_cast<std::uint32_t>(k < 0 ? 0 : (k > last ? last : k));
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
    if (before == kNil) tails_[list] = b; else set_pred(before, b);
}

void FreeListEngine::remove(std::uint64_t b) {
    if (!has_lists()) return;
    const std::uint32_t list = list_of(size_at(b));
    const std::uint64_t p = pred(b);
    const std::uint64_t n = succ(b);
    if (p == kNil) heads_[list] = n; else set_succ(p, n);
    if (n == kNil) tails_[list] = p; else set_pred(n, p);
}

}  // namespace memsim::heap
