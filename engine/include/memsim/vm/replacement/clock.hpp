#pragma once
// The clock family: approximations of LRU that use only the hardware R (referenced) and
// M (modified) bits. R is set when a page is loaded and on every reference to it.
//
// Clock rule: a hand rotates over the frames in frame order. At a fault it looks at the
// frame under the hand: R = 1 -> clear R and move on; R = 0 -> that frame is the victim,
// the new page goes there and the hand moves one past it. No ties: the hand decides.
//
//          R=1       R=0 <- victim
//        [ f0 ] -> [ f1 ]          hand starts at f0 (oldest), clears f0's R,
//          ^hand                   stops at f1
//
// Second chance rule: a FIFO queue of frames, oldest at the front. At a fault, look at
// the front: R = 1 -> clear R and move it to the back (as if just loaded); R = 0 -> victim.
// It always chooses the same victim as Clock (Clock is second chance with the queue
// bent into a ring); it is kept as its own class because textbooks teach it as a queue.
//
// NRU / enhanced second chance rule: pages fall into classes by (R, M):
//   class 0 (0,0) not used, clean   class 1 (0,1) not used, dirty
//   class 2 (1,0) used, clean        class 3 (1,1) used, dirty
// The victim is the first page in the lowest non-empty class found by a hand rotating in
// frame order: pass 1 looks for (0,0) changing nothing; pass 2 looks for (0,1) and clears
// R on every frame it passes; if both fail every R is now 0 and the passes repeat.
// The hand stops one past the victim. Ties within a class: the first frame from the hand.
#include <cstdint>
#include <vector>

#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/clock_hand.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

class ClockPolicy {
public:
    explicit ClockPolicy(std::uint32_t frames) : hand_{frames} {}

    void on_load(std::uint32_t, const Moment&) {}
    void on_hit(std::uint32_t, const Moment&) {}
    void after_reference(FrameBits&) {}

    std::uint32_t victim(FrameBits& bits, const Moment&) {
        while (bits.referenced[hand_.at]) {
            bits.referenced[hand_.at] = 0;
            hand_.advance();
        }
        return hand_.take();
    }

    // The frame under the hand.
    std::uint32_t hand() const { return hand_.at; }

    bool operator==(const ClockPolicy&) const = default;

private:
    ClockHand hand_;
};

class SecondChancePolicy {
public:
    // The queue holds every loaded frame; capacity = frames.
    explicit SecondChancePolicy(std::uint32_t frames) : queue_(frames, 0) {}

    void on_load(std::uint32_t frame, const Moment&) { push_back(frame); }
    void on_hit(std::uint32_t, const Moment&) {}
    void after_reference(FrameBits&) {}

    std::uint32_t victim(FrameBits& bits, const Moment&) {
        for (;;) {
            const std::uint32_t frame = pop_front();
            if (!bits.referenced[frame]) return frame;
            bits.referenced[frame] = 0;  // second chance: back of the queue
            push_back(frame);
        }
    }

    // Frames from oldest to newest.
    std::vector<std::uint32_t> queue() const {
        std::vector<std::uint32_t> out;
        for (std::uint32_t i = 0; i < size_; ++i) out.push_back(queue_[(front_ + i) % queue_.size()]);
        return out;
    }

    bool operator==(const SecondChancePolicy&) const = default;

private:
    void push_back(std::uint32_t frame) {
        queue_[(front_ + size_) % queue_.size()] = frame;
        ++size_;
    }
    std::uint32_t pop_front() {
        const std::uint32_t frame = queue_[front_];
        front_ = static_cast<std::uint32_t>((front_ + 1) % queue_.size());
        --size_;
        return frame;
    }

    std::vector<std::uint32_t> queue_;  // ring buffer
    std::uint32_t front_ = 0;
    std::uint32_t size_ = 0;
};

class NruPolicy {
public:
    explicit NruPolicy(std::uint32_t frames) : hand_{frames} {}

    void on_load(std::uint32_t, const Moment&) {}
    void on_hit(std::uint32_t, const Moment&) {}
    void after_reference(FrameBits&) {}

    std::uint32_t victim(FrameBits& bits, const Moment&) {
        for (;;) {
            for (std::uint32_t i = 0; i < hand_.frames; ++i, hand_.advance()) {
                if (!bits.referenced[hand_.at] && !bits.dirty[hand_.at]) return hand_.take();
            }
            for (std::uint32_t i = 0; i < hand_.frames; ++i, hand_.advance()) {
                if (!bits.referenced[hand_.at] && bits.dirty[hand_.at]) return hand_.take();
                bits.referenced[hand_.at] = 0;
            }
        }
    }

    // The frame under the hand.
    std::uint32_t hand() const { return hand_.at; }

    bool operator==(const NruPolicy&) const = default;

private:
    ClockHand hand_;
};

}  // namespace memsim::vm
