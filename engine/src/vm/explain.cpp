#include "memsim/vm/explain.hpp"

#include "memsim/core/text.hpp"

namespace memsim::vm {
namespace {

std::string rule(PolicyKind policy) {
    return std::string(policy_name(policy)) + " evicts " + std::string(policy_victim_rule(policy));
}

std::string source_words(Backing where, std::uint32_t slot, const std::string& frame) {
    switch (where) {
        case Backing::Swap: return "read it from swap slot " + std::to_string(slot) + " into " + frame;
        case Backing::File: return "read it from the mapped file into " + frame;
        default: return "gave it " + frame + ", filled with zeros (demand-zero)";
    }
}

}  // namespace

std::string explain(const ReplaceStep& s, PolicyKind policy) {
    const std::string page = "Page " + std::to_string(s.page);
    const std::string frame = "frame " + std::to_string(s.frame);
    if (s.hit) return page + " was already in " + frame + ": a hit.";
    if (!s.victim) return page + " was not in memory; the OS loaded it into free " + frame + ".";
    std::string out = page + " was not in memory and every frame was full, so the OS evicted page " +
                      std::to_string(*s.victim) + " from " + frame + " (" + rule(policy) + ")";
    out += s.writeback ? "; it was dirty, so it was written to swap first." : "; it was clean, so it was dropped.";
    return out + " " + page + " now sits in " + frame + ".";
}

std::string explain(const MmuEvent& e, PolicyKind policy) {
    const std::string who = "process " + std::to_string(e.process);
    const std::string page = "page " + hex(e.vpn);
    const std::string frame = "frame " + std::to_string(e.frame);
    switch (e.kind) {
        case MmuEventKind::TlbFlush:
            return "Switching to " + who + ", the OS flushed the TLB: its entries carry no address-space id.";
        case MmuEventKind::TlbHit:
            return "The TLB knew " + page + ": it is in " + frame + ", no page-table walk needed.";
        case MmuEventKind::TlbMiss:
            return "The TLB did not know " + page + ", so the MMU " +
                   (e.inverted ? "searched the inverted page table (" : "walked the page table (") +
                   std::to_string(e.walk_accesses) + " memory access" + (e.walk_accesses == 1 ? "" : "es") + ").";
        case MmuEventKind::Segfault:
            if (e.wider) return "Address " + hex(e.vaddr) + " does not fit in the address space: segmentation fault.";
            return "Address " + hex(e.vaddr) + " of " + who + " is not mapped: segmentation fault.";
        case MmuEventKind::ProtectionFault:
            return "A " + std::string(access_name(e.access)) + " of " + hex(e.vaddr) + " is not allowed on " + page +
                   ": protection fault.";
        case MmuEventKind::Eviction: {
            std::string out = "To make room the OS evicted " + page + " of process " + std::to_string(e.victim_process) +
                              " from " + frame + " (" + rule(policy) + ")" +
                              (e.victim_dirty ? "; it was dirty, so it was written to swap slot " + std::to_string(e.swap_slot) + " first."
                                              : "; it was clean, so nothing was written.");
            if (e.sharers > 1) {
                out += " The frame was shared by " + std::to_string(e.sharers) +
                       " processes since fork, so the OS updated all " + std::to_string(e.sharers) +
                       " page-table entries that mapped it" + (e.victim_dirty ? " (one write to swap serves them all)." : ".");
            }
            return out;
        }
        case MmuEventKind::PageFault:
            return std::string(e.major ? "Major" : "Minor") + " page fault: " + page + " of " + who +
                   " was not in memory, so the OS " + source_words(e.source, e.swap_slot, frame) + ".";
        case MmuEventKind::CopyOnWrite:
            if (e.copied) {
                return "Process " + std::to_string(e.process) + " wrote to " + page + ", which it shares with process " +
                       std::to_string(e.other_process) + (e.sharers > 1 ? " and " + std::to_string(e.sharers - 1) + " other(s)" : "") +
                       " since fork (copy-on-write). The OS copied it into " + frame + " so process " +
                       std::to_string(e.process) + " has its own writable copy; process " + std::to_string(e.other_process) +
                       " keeps frame " + std::to_string(e.old_frame) + ".";
            }
            return "Process " + std::to_string(e.process) + " wrote to copy-on-write " + page + " in " + frame +
                   ". No other process maps that frame any more, so the OS just made the page writable again: no copy.";
        case MmuEventKind::Translated:
            return "Virtual address " + hex(e.vaddr) + " is physical address " + hex(e.paddr) + " (" + frame + ").";
    }
    return "";
}

}  // namespace memsim::vm
