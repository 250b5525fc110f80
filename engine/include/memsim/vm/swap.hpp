#pragma once
// Swap space: numbered slots on disk, each holding one page written out of memory.
// A dirty victim gets a slot (the lowest free one) and keeps it while it is not
// resident; reading it back keeps the slot too, so a clean page evicted again needs no
// new write: its swap copy is still good.
#include <cstdint>
#include <vector>

namespace memsim::vm {

class SwapSpace {
public:
    // The lowest free slot, now used (the space grows as needed).
    std::uint32_t allocate() {
        for (; next_free_ < used_.size(); ++next_free_) {
            if (!used_[next_free_]) break;
        }
        if (next_free_ == used_.size()) used_.push_back(0);
        used_[next_free_] = 1;
        return next_free_;
    }
    // Gives a slot back.
    void release(std::uint32_t slot) {
        used_[slot] = 0;
        if (slot < next_free_) next_free_ = slot;
    }
    // Whether a slot is in use.
    bool in_use(std::uint32_t slot) const { return slot < used_.size() && used_[slot]; }
    // Slots in use.
    std::uint32_t used() const {
        std::uint32_t n = 0;
        for (auto u : used_) n += u;
        return n;
    }

    std::uint64_t reads = 0;   // pages read from swap (major faults)
    std::uint64_t writes = 0;  // pages written to swap (write-backs)

    bool operator==(const SwapSpace&) const = default;

private:
    std::vector<std::uint8_t> used_;
    std::uint32_t next_free_ = 0;
};

}  // namespace memsim::vm
