#pragma once
// FIFO: evict the page that has been in memory longest.
//
// Rule: the victim is the page loaded earliest. References do not change the order.
// Ties cannot happen (loads are strictly ordered). Because free frames fill in order
// 0, 1, ..., n-1 and each new page takes its victim's frame, the load order is a ring
// over frame numbers and a single hand gives the oldest frame:
//
//   frames: [ 0 ][ 1 ][ 2 ]      hand -> oldest; after an eviction hand moves on
//             ^hand
//
// FIFO suffers Belady's anomaly: more frames can give more faults.
#include <cstdint>

#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/clock_hand.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

class FifoPolicy {
public:
    // A policy for `frames` frames.
    explicit FifoPolicy(std::uint32_t frames) : hand_{frames} {}

    void on_load(std::uint32_t, const Moment&) {}
    void on_hit(std::uint32_t, const Moment&) {}
    void after_reference(FrameBits&) {}

    // The oldest frame; the hand then points at the next oldest.
    std::uint32_t victim(FrameBits&, const Moment&) { return hand_.take(); }

    // The frame holding the oldest page (the next victim once memory is full).
    std::uint32_t hand() const { return hand_.at; }

    bool operator==(const FifoPolicy&) const = default;

private:
    ClockHand hand_;
};

}  // namespace memsim::vm
