#pragma once
// The hand of the clock-style policies (Clock, NRU / enhanced second chance, WSClock):
// a frame index that rotates 0, 1, ..., n-1, 0, ... over the frames.
#include <cstdint>

namespace memsim::vm {

struct ClockHand {
    std::uint32_t frames = 1;  // the ring's size
    std::uint32_t at = 0;      // the frame under the hand

    // Moves to the next frame.
    void advance() { at = at + 1 == frames ? 0 : at + 1; }
    // Takes the frame under the hand as the victim and moves one past it.
    std::uint32_t take() {
        const std::uint32_t frame = at;
        advance();
        return frame;
    }

    bool operator==(const ClockHand&) const = default;
};

}  // namespace memsim::vm
