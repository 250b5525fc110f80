// Mmu: munmap. The pages of a range become unmapped again (an access segfaults, a later
// map of the range gets fresh demand-zero pages); their frames and swap slots go back
// unless another process still shares them since a fork.
#include "memsim/vm/mmu.hpp"

namespace memsim::vm {

ReleaseOutcome Mmu::unmap(std::uint32_t process, std::uint64_t vaddr, std::uint64_t bytes) {
    ReleaseOutcome out;
    if (process >= processes_.size() || bytes == 0) return out;
    const auto first = split_address(config_.layout, vaddr);
    const auto last = split_address(config_.layout, vaddr + bytes - 1);
    if (!first || !last || vaddr + bytes - 1 < vaddr) return out;
    RadixPageTable& table = processes_[process].table;
    for (std::uint64_t vpn = first->vpn; vpn <= last->vpn; ++vpn) {
        const std::uint32_t at = table.find(*split_address(config_.layout, vpn << config_.layout.offset_bits));
        if (at == no_entry) continue;
        Pte& pte = table.entry(at);
        if (pte.present) {
            if (drop_user(pte.pfn, {process, vpn}) == 0) out.freed_frames.push_back(pte.pfn);
            else ++out.kept_frames;
            if (tlb_) tlb_->invalidate(asid_of(process), vpn);
        }
        if (pte.where == Backing::Swap) (swap_.release(pte.swap_slot) ? out.freed_slots : out.kept_slots)++;
        pte = Pte{};
    }
    return out;
}

}  // namespace memsim::vm
