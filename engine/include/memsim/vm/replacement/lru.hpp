#pragma once
// LRU and MRU: evict by recency of use.
//
// LRU rule: the victim is the page whose last reference is oldest (exact LRU, every
// reference counts). MRU rule: the victim is the page referenced most recently (the page
// of the previous reference). Ties cannot happen: references are strictly ordered.
//
// LRU keeps the frames in a doubly linked list (indices, not pointers), most recent at
// the head; a reference moves its frame to the head, the victim is the tail: O(1).
//
//   head (MRU) -> [f2] <-> [f0] <-> [f1] <- tail (LRU = victim)
#include <cstdint>
#include <vector>

#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

class LruPolicy {
public:
    // A policy for `frames` frames.
    explicit LruPolicy(std::uint32_t frames) : prev_(frames, no_frame), next_(frames, no_frame) {}

    void on_load(std::uint32_t frame, const Moment&) { push_front(frame); }
    void on_hit(std::uint32_t frame, const Moment&) {
        if (frame == head_) return;
        unlink(frame);
        push_front(frame);
    }
    void after_reference(FrameBits&) {}

    // The least recently used frame, taken out of the list (on_load puts it back).
    std::uint32_t victim(FrameBits&, const Moment&) {
        const std::uint32_t frame = tail_;
        unlink(frame);
        return frame;
    }

    // Frames from most to least recently used (for tests and views).
    std::vector<std::uint32_t> order() const {
        std::vector<std::uint32_t> out;
        for (std::uint32_t f = head_; f != no_frame; f = next_[f]) out.push_back(f);
        return out;
    }

    bool operator==(const LruPolicy&) const = default;

private:
    void unlink(std::uint32_t frame) {
        const std::uint32_t p = prev_[frame], n = next_[frame];
        if (p != no_frame) next_[p] = n; else head_ = n;
        if (n != no_frame) prev_[n] = p; else tail_ = p;
    }
    void push_front(std::uint32_t frame) {
        prev_[frame] = no_frame;
        next_[frame] = head_;
        if (head_ != no_frame) prev_[head_] = frame; else tail_ = frame;
        head_ = frame;
    }

    std::vector<std::uint32_t> prev_, next_;
    std::uint32_t head_ = no_frame, tail_ = no_frame;
};

class MruPolicy {
public:
    explicit MruPolicy(std::uint32_t) {}

    void on_load(std::uint32_t frame, const Moment&) { last_ = frame; }
    void on_hit(std::uint32_t frame, const Moment&) { last_ = frame; }
    void after_reference(FrameBits&) {}

    // The frame of the most recent reference.
    std::uint32_t victim(FrameBits&, const Moment&) { return last_; }

    // The frame of the most recent reference.
    std::uint32_t last() const { return last_; }

    bool operator==(const MruPolicy&) const = default;

private:
    std::uint32_t last_ = 0;
};

}  // namespace memsim::vm
