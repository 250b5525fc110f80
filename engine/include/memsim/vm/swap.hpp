#pragma once
// Swap space: numbered slots on disk, each holding one page written out of memory.
// A dirty victim gets a slot (the lowest free one) and keeps it while it is not
// resident; reading it back keeps the slot too, so a clean page evicted again needs no
// new write: its swap copy is still good.
// After fork, parent and child may name the same slot: each slot counts its users, and
// it is free again only when the last one lets go (a write, an exit).
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
    // One more page-table entry names the slot (fork shares a swapped-out page).
    void share(std::uint32_t slot) { ++used_[slot]; }
    // One user lets go of a slot; the slot is free when none is left. True when freed.
    bool release(std::uint32_t slot) {
        if (--used_[slot] != 0) return false;
        if (slot < next_free_) next_free_ = slot;
        return true;
    }
    // Whether a slot is in use.
    bool in_use(std::uint32_t slot) const { return slot < used_.size() && used_[slot] != 0; }
    // How many page-table entries name a slot (0 when free).
    std::uint32_t users(std::uint32_t slot) const { return slot < used_.size() ? used_[slot] : 0; }
    // Slots in use.
    std::uint32_t used() const {
        std::uint32_t n = 0;
        for (auto u : used_) n += u != 0 ? 1 : 0;
        return n;
    }

    std::uint64_t reads = 0;   // pages read from swap (major faults)
    std::uint64_t writes = 0;  // pages written to swap (write-backs)

    bool operator==(const SwapSpace&) const = default;

private:
    std::vector<std::uint32_t> used_;  // users per slot
    std::uint32_t next_free_ = 0;
};

}  // namespace memsim::vm
