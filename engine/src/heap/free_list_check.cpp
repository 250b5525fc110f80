// The heap checker for the list allocators: walks every block, then every list.
#include <algorithm>

#include "memsim/core/text.hpp"
#include "memsim/heap/free_list.hpp"

namespace memsim::heap {

void FreeListEngine::check(const Region& region, std::vector<Violation>& out) const {
    if (bytes_.size() != region.size()) {
        out.push_back({region.brk, "the heap image does not match the break"});
        return;
    }
    if (bytes_.empty()) return;
    std::vector<std::uint64_t> free_blocks;
    bool previous_free = false;
    std::uint64_t b = first_;
    while (b < end()) {
        const std::uint64_t addr = region.base + b;
        const std::uint64_t s = size_at(b);
        if (s < min_block_ || s % align_ != 0 || b + s > end()) {
            out.push_back({addr, "bad block size " + std::to_string(s) + " in the header"});
            return;
        }
        if (footer_ && word(b + s - footer_) != word(b))
            out.push_back({addr, "the footer does not match the header"});
        if ((addr + header_) % align_ != 0) out.push_back({addr, "the payload is not aligned"});
        const bool is_free = !allocated_at(b);
        if (is_free && previous_free && coalescing_ == Coalescing::Immediate)
            out.push_back({addr, "two adjacent free blocks under immediate coalescing"});
        if (is_free) free_blocks.push_back(b);
        previous_free = is_free;
        b += s;
    }
    if (b != end()) out.push_back({region.base + b, "the blocks do not end at the epilogue"});
    if (word(end()) != 1) out.push_back({region.base + end(), "the epilogue header is damaged"});
    if (free_blocks.size() != free_count_)
        out.push_back({region.base, "the free-block count is " + std::to_string(free_count_) +
                                        " but the walk found " + std::to_string(free_blocks.size())});
    if (has_lists()) check_lists(region, free_blocks, out);
}

// Every free block is on exactly one list, in the right class and order, with pred
// links that mirror the succ links.
void FreeListEngine::check_lists(const Region& region, const std::vector<std::uint64_t>& free_blocks,
                                 std::vector<Violation>& out) const {
    std::vector<bool> seen(free_blocks.size(), false);
    for (std::uint32_t list = 0; list < heads_.size(); ++list) {
        std::uint64_t prev = kNil;
        std::uint64_t steps = 0;
        for (std::uint64_t n = heads_[list]; n != kNil; prev = n, n = succ(n)) {
            const std::uint64_t addr = region.base + n;
            const auto it = std::lower_bound(free_blocks.begin(), free_blocks.end(), n);
            if (it == free_blocks.end() || *it != n) {
                out.push_back({addr, "a list node is not a free block"});
                return;
            }
            const auto index = static_cast<std::size_t>(it - free_blocks.begin());
            if (seen[index] || ++steps > free_blocks.size()) {
                out.push_back({addr, "a free block is on the lists twice (or the list loops)"});
                return;
            }
            seen[index] = true;
            if (pred(n) != prev) out.push_back({addr, "the pred link does not point back"});
            if (list_of(size_at(n)) != list) out.push_back({addr, "a free block is in the wrong size class"});
            if (prev != kNil && kind_ == AllocatorKind::ExplicitList) {
                const bool ok = order_ == ListOrder::Address         ? prev < n
                                : order_ == ListOrder::SizeAscending  ? size_at(prev) <= size_at(n)
                                : order_ == ListOrder::SizeDescending ? size_at(prev) >= size_at(n)
                                                                      : true;
                if (!ok) out.push_back({addr, "the list is out of " + std::string(to_string(order_)) + " order"});
            }
        }
        if (tails_[list] != prev) out.push_back({region.base, "list " + std::to_string(list) + " has a wrong tail"});
        const bool marked = (nonempty_[list / 64] >> (list % 64)) & 1;
        if (marked != (heads_[list] != kNil))
            out.push_back({region.base, "the non-empty bitmap is wrong for list " + std::to_string(list)});
    }
    for (std::size_t i = 0; i < free_blocks.size(); ++i)
        if (!seen[i]) out.push_back({region.base + free_blocks[i], "a free block is missing from the lists"});
}

}  // namespace memsim::heap
