// Mmu::check_invariants: the cross-checks the property tests run after every access.
#include <string>

#include "memsim/core/text.hpp"
#include "memsim/vm/mmu.hpp"

namespace memsim::vm {
namespace {

std::string page_name(std::uint32_t process, std::uint64_t vpn) {
    return "process " + std::to_string(process) + " page " + hex(vpn);
}

}  // namespace

std::vector<std::string> Mmu::check_invariants() const {
    std::vector<std::string> bad;
    std::vector<std::uint32_t> claims(frames_.size(), 0);
    std::vector<std::uint32_t> slot_users;
    for (std::uint32_t p = 0; p < processes_.size(); ++p) {
        const std::uint32_t first = share(p).first, count = share(p).second;
        processes_[p].table.for_each_leaf([&](std::uint64_t vpn, std::uint32_t at) {
            const Pte& pte = processes_[p].table.entry(at);
            if (pte.where == Backing::Swap) {
                if (!swap_.in_use(pte.swap_slot)) bad.push_back(page_name(p, vpn) + " names a free swap slot");
                if (slot_users.size() <= pte.swap_slot) slot_users.resize(pte.swap_slot + 1, 0);
                if (++slot_users[pte.swap_slot] > 1) bad.push_back("swap slot " + std::to_string(pte.swap_slot) + " is shared");
            }
            if (!pte.present) return;
            const std::uint32_t f = pte.pfn;
            if (f >= frames_.size()) {
                bad.push_back(page_name(p, vpn) + " points past physical memory");
                return;
            }
            ++claims[f];
            if (frames_.owner[f] != p || frames_.vpn[f] != vpn) {
                bad.push_back(page_name(p, vpn) + " says frame " + std::to_string(f) + " but the frame table disagrees");
            }
            if (f < first || f >= first + count) bad.push_back(page_name(p, vpn) + " is outside its share of frames");
        });
    }
    for (std::uint32_t f = 0; f < frames_.size(); ++f) {
        const bool owned = frames_.owner[f] != no_owner;
        if (owned && claims[f] != 1) {
            bad.push_back("frame " + std::to_string(f) + " is claimed by " + std::to_string(claims[f]) + " present PTEs");
        }
        if (inverted_ && owned != (inverted_->valid()[f] != 0)) {
            bad.push_back("frame " + std::to_string(f) + ": inverted table and frame table disagree");
        }
        if (inverted_ && owned && (inverted_->owners()[f] != frames_.owner[f] || inverted_->vpns()[f] != frames_.vpn[f])) {
            bad.push_back("frame " + std::to_string(f) + ": inverted table names another page");
        }
    }
    if (tlb_) {
        for (const auto& e : tlb_->entries()) {
            if (!e.valid) continue;
            const std::uint32_t p = config_.asid ? e.asid : current_;
            const auto& table = processes_[p].table;
            const auto parts = split_address(config_.layout, e.vpn << config_.layout.offset_bits);
            const std::uint32_t at = parts ? table.find(*parts) : no_entry;
            if (at == no_entry || !table.entry(at).present || table.entry(at).pfn != e.pfn) {
                bad.push_back("TLB maps " + page_name(p, e.vpn) + " to frame " + std::to_string(e.pfn) +
                              " but the page table does not");
            }
            if (!config_.asid && e.asid != 0) bad.push_back("TLB entry carries an ASID though ASIDs are off");
        }
    }
    const auto& s = stats_;
    if (s.major_faults > s.page_faults) bad.push_back("more major faults than page faults");
    if (s.tlb_hits + s.tlb_misses > s.accesses) bad.push_back("more TLB lookups than accesses");
    return bad;
}

}  // namespace memsim::vm
