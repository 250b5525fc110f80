#pragma once
// WSClock (Carr and Hennessy): Clock combined with the working set. Each frame keeps the
// virtual time of its page's last use as seen by the hand; a page is in the working set
// when it was used within the last tau references.
//
// Rule, at a fault, with the hand rotating in frame order:
//   R = 1                         -> clear R, last use = now, move on (in the working set)
//   R = 0, age <= tau             -> move on (still in the working set)
//   R = 0, age >  tau, clean      -> victim
//   R = 0, age >  tau, dirty      -> write it back now (counted as a write to disk, the
//                                    page becomes clean and stays), move on
// If the hand comes all the way round without a victim, the victim is the first clean
// page from the hand (pages written back on the way are clean now); if every page is
// dirty, the page under the hand. The hand stops one past the victim.
// A page's last use is set to now when it is loaded.
#include <cstdint>
#include <vector>

#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/clock_hand.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

class WsClockPolicy {
public:
    WsClockPolicy(std::uint32_t frames, std::uint64_t tau) : hand_{frames}, tau_(tau), last_use_(frames, 0) {}

    void on_load(std::uint32_t frame, const Moment& m) { last_use_[frame] = m.now; }
    void on_hit(std::uint32_t, const Moment&) {}
    void after_reference(FrameBits&) {}

    std::uint32_t victim(FrameBits& bits, const Moment& m) {
        for (std::uint32_t i = 0; i < hand_.frames; ++i, hand_.advance()) {
            const std::uint32_t f = hand_.at;
            if (bits.referenced[f]) {
                bits.referenced[f] = 0;
                last_use_[f] = m.now;
            } else if (m.now - last_use_[f] > tau_) {
                if (!bits.dirty[f]) return hand_.take();
                bits.clean(f);
            }
        }
        for (std::uint32_t i = 0; i < hand_.frames; ++i, hand_.advance()) {
            if (!bits.dirty[hand_.at]) return hand_.take();
        }
        return hand_.take();
    }

    // The frame under the hand and a frame's last-use time.
    std::uint32_t hand() const { return hand_.at; }
    std::uint64_t last_use(std::uint32_t frame) const { return last_use_[frame]; }

    bool operator==(const WsClockPolicy&) const = default;

private:
    ClockHand hand_;
    std::uint64_t tau_;
    std::vector<std::uint64_t> last_use_;
};

}  // namespace memsim::vm
