#pragma once
// OPT (MIN, Belady's optimal policy): evict the page whose next use lies furthest in
// the future. It needs the whole trace, so it runs on traces only: the next use of every
// reference is precomputed in one backward pass (next_use_times), O(n), and the resident
// frames sit in a heap keyed by their next use, O(log frames) per reference.
//
// Rule: the victim is the page with the largest next-use index; a page never used again
// counts as infinitely far. Tie (several pages never used again): the lowest frame number.
//
//   refs:   7 0 1 2 ...          at "2": 7 next used at 17, 0 at 4, 1 at 14 -> evict 7
#include <cstdint>
#include <span>
#include <vector>

#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/frame_heap.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

class OptPolicy {
public:
    explicit OptPolicy(std::uint32_t frames) : heap_(frames) {}

    void on_load(std::uint32_t frame, const Moment& m) { heap_.set(frame, m.next_use); }
    void on_hit(std::uint32_t frame, const Moment& m) { heap_.set(frame, m.next_use); }
    void after_reference(FrameBits&) {}

    // The frame whose page is used again last (or never).
    std::uint32_t victim(FrameBits&, const Moment&) { return heap_.top(); }

    // When the frame's page is next used (`never` when it is not).
    std::uint64_t next_use(std::uint32_t frame) const { return heap_.key(frame); }

    bool operator==(const OptPolicy&) const = default;

private:
    FrameHeap heap_;
};

// For each reference i, the index of the next reference to the same page, or `never`.
// Pages are dense ids below page_space. One backward pass, O(n + page_space).
std::vector<std::uint64_t> next_use_times(std::span<const std::uint32_t> pages,
                                          std::uint32_t page_space);

}  // namespace memsim::vm
