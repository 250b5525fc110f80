#pragma once
// A binary max-heap of frames keyed by a 64-bit number, with each frame's position
// remembered so a key can change in O(log n). OPT, LFU and MFU keep every loaded frame
// in it and read the victim at the top.
//
// Order: the larger key is on top; equal keys put the lower frame number on top.
#include <cstdint>
#include <vector>

#include "memsim/vm/frame_table.hpp"

namespace memsim::vm {

class FrameHeap {
public:
    // An empty heap for frames 0..frames-1.
    explicit FrameHeap(std::uint32_t frames) : key_(frames, 0), pos_(frames, no_frame) {
        heap_.reserve(frames);
    }

    // Inserts the frame or changes its key.
    void set(std::uint32_t frame, std::uint64_t key) {
        if (pos_[frame] == no_frame) {
            key_[frame] = key;
            pos_[frame] = static_cast<std::uint32_t>(heap_.size());
            heap_.push_back(frame);
            sift_up(pos_[frame]);
            return;
        }
        const std::uint64_t old = key_[frame];
        key_[frame] = key;
        if (key > old) sift_up(pos_[frame]); else sift_down(pos_[frame]);
    }

    // The frame with the largest key (lowest frame number among equals).
    std::uint32_t top() const { return heap_.front(); }
    // A frame's current key.
    std::uint64_t key(std::uint32_t frame) const { return key_[frame]; }

    bool operator==(const FrameHeap&) const = default;

private:
    bool above(std::uint32_t a, std::uint32_t b) const {
        return key_[a] > key_[b] || (key_[a] == key_[b] && a < b);
    }
    void place(std::uint32_t index, std::uint32_t frame) {
        heap_[index] = frame;
        pos_[frame] = index;
    }
    void sift_up(std::uint32_t index) {
        const std::uint32_t frame = heap_[index];
        while (index > 0) {
            const std::uint32_t parent = (index - 1) / 2;
            if (!above(frame, heap_[parent])) break;
            place(index, heap_[parent]);
            index = parent;
        }
        place(index, frame);
    }
    void sift_down(std::uint32_t index) {
        const std::uint32_t frame = heap_[index];
        const auto size = static_cast<std::uint32_t>(heap_.size());
        for (;;) {
            std::uint32_t child = 2 * index + 1;
            if (child >= size) break;
            if (child + 1 < size && above(heap_[child + 1], heap_[child])) ++child;
            if (!above(heap_[child], frame)) break;
            place(index, heap_[child]);
            index = child;
        }
        place(index, frame);
    }

    std::vector<std::uint64_t> key_;
    std::vector<std::uint32_t> pos_;
    std::vector<std::uint32_t> heap_;
};

}  // namespace memsim::vm
