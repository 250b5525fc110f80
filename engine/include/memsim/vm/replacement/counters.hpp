#pragma once
// NFU and Aging: software counters fed by the R bit at every clock tick.
//
// A tick happens after every `tick` references. At a tick each resident page's counter
// takes in its R bit, then R is cleared:
//   NFU:   counter = counter + R                      (counts ticks in which it was used)
//   Aging: counter = (counter >> 1) | (R << (bits-1)) (a shift register: recent use weighs most)
//
//   Aging, 8 bits, page used in ticks 1 and 3 of 4:  10000000 -> 01000000 -> 10100000 -> 01010000
//
// A page loaded gets counter 0 (its R bit, set by the load, counts at the next tick).
// Rule: the victim has the smallest counter. Ties: the page loaded earliest.
//
// Counters only change at ticks, so between ticks the victim order is fixed: the first
// fault after a tick builds a min-heap of the resident frames by (counter, load order),
// O(frames); each fault then takes the heap's top, O(log frames), or a page loaded since
// the heap was built (counter 0, newer than all in the heap) when the top's counter > 0.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

// Shared body of NFU (Shift = false) and Aging (Shift = true).
template <bool Shift>
class CounterPolicy {
public:
    CounterPolicy(std::uint32_t frames, std::uint64_t tick, std::uint32_t bits)
        : tick_(tick), bits_(bits), counter_(frames, 0), loaded_(frames, 0) {
        order_.reserve(frames);
        fresh_.reserve(2 * std::size_t{frames});
    }

    void on_load(std::uint32_t frame, const Moment&) {
        if (loaded_[frame] == 0) ++resident_;
        counter_[frame] = 0;
        loaded_[frame] = ++loads_;
        if (!heap_ready_) return;
        if (fresh_next_ >= counter_.size()) {  // drop consumed entries; keeps the size bounded
            fresh_.erase(fresh_.begin(), fresh_.begin() + static_cast<std::ptrdiff_t>(fresh_next_));
            fresh_next_ = 0;
        }
        fresh_.push_back(frame);
    }
    void on_hit(std::uint32_t, const Moment&) {}

    void after_reference(FrameBits& bits) {
        if (++since_tick_ < tick_) return;
        since_tick_ = 0;
        const std::uint64_t top = std::uint64_t{1} << (bits_ - 1);
        for (std::uint32_t f = 0; f < resident_; ++f) {
            if constexpr (Shift) {
                counter_[f] = (counter_[f] >> 1) | (bits.referenced[f] ? top : 0);
            } else {
                counter_[f] += bits.referenced[f];
            }
            bits.referenced[f] = 0;
        }
        heap_ready_ = false;
    }

    std::uint32_t victim(FrameBits&, const Moment&) {
        if (!heap_ready_) build_heap();
        const bool from_order = !order_.empty() &&
                                (fresh_next_ >= fresh_.size() || counter_[order_.front()] == 0);
        if (!from_order) return fresh_[fresh_next_++];
        std::pop_heap(order_.begin(), order_.end(), later());
        const std::uint32_t frame = order_.back();
        order_.pop_back();
        return frame;
    }

    // A frame's counter.
    std::uint64_t counter(std::uint32_t frame) const { return counter_[frame]; }

    bool operator==(const CounterPolicy&) const = default;

private:
    // Heap order: the frame that should go first, (counter, load order) smallest, on top.
    auto later() const {
        return [this](std::uint32_t a, std::uint32_t b) {
            return counter_[a] != counter_[b] ? counter_[a] > counter_[b] : loaded_[a] > loaded_[b];
        };
    }
    void build_heap() {
        order_.clear();
        for (std::uint32_t f = 0; f < resident_; ++f) order_.push_back(f);
        std::make_heap(order_.begin(), order_.end(), later());
        fresh_.clear();
        fresh_next_ = 0;
        heap_ready_ = true;
    }

    std::uint64_t tick_;
    std::uint32_t bits_;
    std::vector<std::uint64_t> counter_;
    std::vector<std::uint64_t> loaded_;  // load order, 0 = never loaded
    std::vector<std::uint32_t> order_;   // min-heap of the frames resident at the last tick
    std::vector<std::uint32_t> fresh_;   // frames loaded since the heap was built, oldest first
    std::size_t fresh_next_ = 0;
    std::uint64_t since_tick_ = 0;
    std::uint64_t loads_ = 0;
    std::uint32_t resident_ = 0;  // frames 0..resident_-1 hold pages
    bool heap_ready_ = false;
};

using NfuPolicy = CounterPolicy<false>;
using AgingPolicy = CounterPolicy<true>;

}  // namespace memsim::vm
