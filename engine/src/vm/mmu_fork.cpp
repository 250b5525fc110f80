// Mmu: fork, exit and the reverse map of shared frames. Until the first fork `shared_`
// is empty and every frame has exactly its owner in the frame table.
#include <algorithm>
#include <functional>

#include "memsim/vm/mmu.hpp"

namespace memsim::vm {

std::uint32_t Mmu::users(std::uint32_t frame) const {
    if (const auto it = shared_.find(frame); it != shared_.end()) return static_cast<std::uint32_t>(it->second.size());
    return frames_.owner[frame] == no_owner ? 0 : 1;
}

std::vector<Mapping> Mmu::mappings(std::uint32_t frame) const {
    if (const auto it = shared_.find(frame); it != shared_.end()) return it->second;
    if (frames_.owner[frame] == no_owner) return {};
    return {Mapping{frames_.owner[frame], frames_.vpn[frame]}};
}

void Mmu::add_user(std::uint32_t frame, const Mapping& mapping) {
    auto& list = shared_[frame];
    if (list.empty()) list.push_back({frames_.owner[frame], frames_.vpn[frame]});
    list.push_back(mapping);
}

// Removes one user of a frame and returns how many are left; the last one frees it.
std::uint32_t Mmu::drop_user(std::uint32_t frame, const Mapping& mapping) {
    const auto it = shared_.find(frame);
    if (it == shared_.end()) {
        free_frame(frame);
        return 0;
    }
    auto& list = it->second;
    list.erase(std::find(list.begin(), list.end(), mapping));
    // The frame table (and the inverted table) name one user: keep that one a real user.
    if (frames_.owner[frame] == mapping.process && frames_.vpn[frame] == mapping.vpn) {
        frames_.owner[frame] = list.front().process;
        frames_.vpn[frame] = list.front().vpn;
        if (inverted_) {
            inverted_->remove(frame);
            inverted_->insert(frame, list.front().process, list.front().vpn);
        }
    }
    const auto left = static_cast<std::uint32_t>(list.size());
    if (left == 1) shared_.erase(it);
    return left;
}

void Mmu::free_frame(std::uint32_t frame) {
    frames_.owner[frame] = no_owner;
    frames_.vpn[frame] = 0;
    frames_.referenced[frame] = 0;
    frames_.dirty[frame] = 0;
    frames_.cleaned[frame] = 0;
    if (inverted_) inverted_->remove(frame);
    for (Partition& part : partitions_) {
        if (frame < part.base || frame >= part.base + part.size) continue;
        part.free.insert(std::upper_bound(part.free.begin(), part.free.end(), frame, std::greater<>()), frame);
    }
}

ForkOutcome Mmu::fork(std::uint32_t parent) {
    ForkOutcome out;
    out.child = static_cast<std::uint32_t>(processes_.size());
    ++stats_.forks;
    processes_.push_back(Process{"P" + std::to_string(out.child), processes_[parent].table, processes_[parent].partition, false});
    RadixPageTable& mine = processes_[parent].table;
    RadixPageTable& copy = processes_[out.child].table;
    // The copy has the same shape, so an entry index names the same page in both.
    mine.for_each_leaf([&](std::uint64_t vpn, std::uint32_t at) {
        Pte& pte = mine.entry(at);
        if (pte.where == Backing::Swap) {
            swap_.share(pte.swap_slot);
            if (!pte.present) ++out.shared_slots;
        }
        if (pte.present) {
            add_user(pte.pfn, {out.child, vpn});
            ++out.shared_frames;
        }
        // Only pages with contents are shared; an untouched page stays demand-zero (or
        // file-backed) in both and each process gets its own frame on first touch.
        if (pte.protection.write && (pte.present || pte.where == Backing::Swap)) {
            pte.protection.write = false;
            pte.protection.copy_on_write = true;
            // The parent's cached translation still says writable.
            if (tlb_) tlb_->invalidate(asid_of(parent), vpn);
        }
        if (pte.protection.copy_on_write) ++out.cow_pages;
        copy.entry(at) = pte;
    });
    return out;
}

ReleaseOutcome Mmu::release(std::uint32_t process) {
    ReleaseOutcome out;
    RadixPageTable& table = processes_[process].table;
    table.for_each_leaf([&](std::uint64_t vpn, std::uint32_t at) {
        const Pte& pte = table.entry(at);
        if (pte.present) {
            if (drop_user(pte.pfn, {process, vpn}) == 0) out.freed_frames.push_back(pte.pfn);
            else ++out.kept_frames;
            if (tlb_) tlb_->invalidate(asid_of(process), vpn);
        }
        if (pte.where == Backing::Swap) (swap_.release(pte.swap_slot) ? out.freed_slots : out.kept_slots)++;
    });
    std::sort(out.freed_frames.begin(), out.freed_frames.end());
    table = RadixPageTable(config_.layout);
    leaves_.fill(RememberedLeaf{});  // the emptied table's entries are gone
    processes_[process].released = true;
    return out;
}

}  // namespace memsim::vm
