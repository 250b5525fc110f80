// Mmu::check_invariants: the cross-checks the property tests run after every access.
#include <algorithm>
#include <string>
#include <utility>

#include "memsim/core/text.hpp"
#include "memsim/vm/mmu.hpp"

namespace memsim::vm {
namespace {

std::string page_name(std::uint32_t process, std::uint64_t vpn) {
    return "process " + std::to_string(process) + " page " + hex(vpn);
}

}  // namespace

// The reverse map: every shared frame has 2+ distinct users, one of them the frame
// table's owner, all with the same backing; freed frames are free in the frame table.
void Mmu::check_sharing(std::vector<std::string>& bad) const {
    for (const auto& [frame, list] : shared_) {
        const std::string name = "frame " + std::to_string(frame);
        if (list.size() < 2) bad.push_back(name + " is in the reverse map with fewer than 2 users");
        if (frames_.owner[frame] == no_owner) bad.push_back(name + " is shared but free");
        if (std::find(list.begin(), list.end(), Mapping{frames_.owner[frame], frames_.vpn[frame]}) == list.end()) {
            bad.push_back(name + ": the frame table's owner is not among its users");
        }
        for (const Mapping& m : list) {
            if (std::count(list.begin(), list.end(), m) > 1) bad.push_back(name + " lists " + page_name(m.process, m.vpn) + " twice");
        }
    }
    for (const Partition& part : partitions_) {
        for (const std::uint32_t f : part.free) {
            if (frames_.owner[f] != no_owner) bad.push_back("frame " + std::to_string(f) + " is on the free list but in use");
            if (f >= part.base + part.used) bad.push_back("frame " + std::to_string(f) + " is free but was never handed out");
        }
    }
}

std::vector<std::string> Mmu::check_invariants() const {
    std::vector<std::string> bad;
    std::vector<std::uint32_t> claims(frames_.size(), 0);
    std::vector<std::uint32_t> slot_users;
    for (std::uint32_t p = 0; p < processes_.size(); ++p) {
        const std::uint32_t first = share(p).first, count = share(p).second;
        processes_[p].table.for_each_leaf([&](std::uint64_t vpn, std::uint32_t at) {
            const Pte& pte = processes_[p].table.entry(at);
            if (processes_[p].released) bad.push_back(page_name(p, vpn) + " is still mapped after exit");
            if (pte.protection.copy_on_write && pte.protection.write) bad.push_back(page_name(p, vpn) + " is copy-on-write yet writable");
            if (pte.where == Backing::Swap) {
                if (!swap_.in_use(pte.swap_slot)) bad.push_back(page_name(p, vpn) + " names a free swap slot");
                if (slot_users.size() <= pte.swap_slot) slot_users.resize(pte.swap_slot + 1, 0);
                ++slot_users[pte.swap_slot];
            }
            if (!pte.present) return;
            const std::uint32_t f = pte.pfn;
            if (f >= frames_.size()) {
                bad.push_back(page_name(p, vpn) + " points past physical memory");
                return;
            }
            ++claims[f];
            const auto users = mappings(f);
            if (std::find(users.begin(), users.end(), Mapping{p, vpn}) == users.end()) {
                bad.push_back(page_name(p, vpn) + " says frame " + std::to_string(f) + " but the frame table disagrees");
            }
            if (f < first || f >= first + count) bad.push_back(page_name(p, vpn) + " is outside its share of frames");
        });
    }
    for (std::uint32_t slot = 0; slot < slot_users.size(); ++slot) {
        if (slot_users[slot] != swap_.users(slot)) {
            bad.push_back("swap slot " + std::to_string(slot) + " counts " + std::to_string(swap_.users(slot)) +
                          " users but " + std::to_string(slot_users[slot]) + " PTEs name it");
        }
    }
    const std::uint32_t slots_named =
        static_cast<std::uint32_t>(std::count_if(slot_users.begin(), slot_users.end(), [](std::uint32_t n) { return n > 0; }));
    if (slots_named != swap_.used()) bad.push_back(std::to_string(swap_.used()) + " swap slots in use but " + std::to_string(slots_named) + " named");
    check_sharing(bad);
    for (std::uint32_t f = 0; f < frames_.size(); ++f) {
        const bool owned = frames_.owner[f] != no_owner;
        if (claims[f] != users(f)) {
            bad.push_back("frame " + std::to_string(f) + " counts " + std::to_string(users(f)) + " users but " +
                          std::to_string(claims[f]) + " present PTEs claim it");
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
            if (p >= processes_.size()) {
                bad.push_back("TLB entry names process " + std::to_string(p) + ", which does not exist");
                continue;
            }
            const auto& table = processes_[p].table;
            const auto parts = split_address(config_.layout, e.vpn << config_.layout.offset_bits);
            const std::uint32_t at = parts ? table.find(*parts) : no_entry;
            if (at == no_entry || !table.entry(at).present || table.entry(at).pfn != e.pfn) {
                bad.push_back("TLB maps " + page_name(p, e.vpn) + " to frame " + std::to_string(e.pfn) +
                              " but the page table does not");
            }
            if (!config_.asid && e.asid != 0) bad.push_back("TLB entry carries an ASID though ASIDs are off");
        }
        // Lookups stop at the first way that matches, so no translation may sit in two.
        std::vector<std::pair<std::uint32_t, std::uint64_t>> cached;
        for (const auto& e : tlb_->entries()) {
            if (e.valid) cached.emplace_back(e.asid, e.vpn);
        }
        std::sort(cached.begin(), cached.end());
        if (const auto twice = std::adjacent_find(cached.begin(), cached.end()); twice != cached.end()) {
            bad.push_back("TLB caches page " + hex(twice->second) + " (ASID " + std::to_string(twice->first) + ") twice");
        }
    }
    const auto& s = stats_;
    if (s.major_faults > s.page_faults) bad.push_back("more major faults than page faults");
    if (s.tlb_hits + s.tlb_misses > s.accesses) bad.push_back("more TLB lookups than accesses");
    return bad;
}

}  // namespace memsim::vm
