#pragma once
// LFU and MFU: evict by how often a page was used while resident.
//
// Each frame counts the references to its page since the page was loaded (the load
// itself counts 1); the count starts again when the page is loaded anew.
// LFU rule: the victim has the smallest count. MFU rule: the victim has the largest
// count (the argument: a page just loaded has a small count and is about to be used).
// Ties in both: the page loaded earliest (FIFO among equals).
// The frames sit in a heap keyed by (count, load order): O(log frames) per reference.
#include <cstdint>
#include <vector>

#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/frame_heap.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

// Shared body of LFU (MostFrequent = false) and MFU (true).
template <bool MostFrequent>
class FrequencyPolicy {
public:
    explicit FrequencyPolicy(std::uint32_t frames)
        : heap_(frames), count_(frames, 0), loaded_(frames, 0) {}

    void on_load(std::uint32_t frame, const Moment&) {
        count_[frame] = 1;
        loaded_[frame] = ++loads_;
        heap_.set(frame, key(frame));
    }
    void on_hit(std::uint32_t frame, const Moment&) {
        ++count_[frame];
        heap_.set(frame, key(frame));
    }
    void after_reference(FrameBits&) {}

    std::uint32_t victim(FrameBits&, const Moment&) { return heap_.top(); }

    // References to the frame's page since it was loaded.
    std::uint64_t count(std::uint32_t frame) const { return count_[frame]; }

    bool operator==(const FrequencyPolicy&) const = default;

private:
    // The heap puts the largest key on top: LFU inverts (small count, early load win),
    // MFU keeps the count and inverts the load order (large count, early load win).
    std::uint64_t key(std::uint32_t frame) const {
        const std::uint64_t count = count_[frame] & 0xFFFFFFFFu;
        const std::uint64_t late = loaded_[frame] & 0xFFFFFFFFu;
        if constexpr (MostFrequent) return (count << 32) | (0xFFFFFFFFu - late);
        return ~((count << 32) | late);
    }

    FrameHeap heap_;
    std::vector<std::uint64_t> count_;
    std::vector<std::uint64_t> loaded_;
    std::uint64_t loads_ = 0;
};

using LfuPolicy = FrequencyPolicy<false>;
using MfuPolicy = FrequencyPolicy<true>;

}  // namespace memsim::vm
