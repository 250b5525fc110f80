// Fork and exit in plain words.
#include <string>

#include "memsim/core/text.hpp"
#include "memsim/machine/explain.hpp"

namespace memsim::machine {
namespace {

std::string count(std::uint32_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string frame_list(const std::vector<std::uint32_t>& frames) {
    std::string out;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        if (i > 0) out += i + 1 == frames.size() ? " and " : ", ";
        out += std::to_string(frames[i]);
    }
    return out;
}

}  // namespace

std::string explain_fork(std::uint32_t parent, const vm::ForkOutcome& o) {
    const std::string p = "process " + std::to_string(parent), c = "process " + std::to_string(o.child);
    std::string out = "Process " + std::to_string(parent) + " calls fork: the OS makes " + c + ", a copy of " + p +
                      " (page table, stack, heap and registers). No page is copied now: " +
                      count(o.shared_frames, "resident page is", "resident pages are") +
                      " shared, each frame now used by both, and " +
                      count(o.cow_pages, "writable page is", "writable pages are") +
                      " marked read-only and copy-on-write in both page tables";
    if (o.shared_slots > 0) out += "; " + count(o.shared_slots, "swapped-out page shares its", "swapped-out pages share their") + " swap slot";
    out += ". The first write to a shared page gives the writer its own copy. fork returns " +
           std::to_string(o.child) + " in " + p + " and 0 in " + c + ".";
    return out;
}

std::string explain_release(std::uint32_t pid, const vm::ReleaseOutcome& o) {
    const auto freed = static_cast<std::uint32_t>(o.freed_frames.size());
    if (freed == 0 && o.kept_frames == 0 && o.freed_slots == 0 && o.kept_slots == 0) {
        return "Process " + std::to_string(pid) + " held no frames or swap slots, so the OS has nothing to take back.";
    }
    std::string out = "The OS takes back the memory of process " + std::to_string(pid) + ": " +
                      count(freed, "frame is", "frames are") + " free again" +
                      (freed > 0 ? " (" + frame_list(o.freed_frames) + ")" : "");
    if (o.kept_frames > 0) out += ", " + count(o.kept_frames, "shared frame stays", "shared frames stay") + " for the processes still using it (one user fewer)";
    if (o.freed_slots > 0) out += ", " + count(o.freed_slots, "swap slot is", "swap slots are") + " free again";
    if (o.kept_slots > 0) out += ", " + count(o.kept_slots, "shared swap slot stays", "shared swap slots stay") + " for the other processes";
    return out + ".";
}

std::string explain_unmap(std::uint32_t pid, std::uint64_t start, std::uint64_t end, const vm::ReleaseOutcome& o) {
    const auto freed = static_cast<std::uint32_t>(o.freed_frames.size());
    std::string out = "munmap: the OS unmapped " + hex(start) + " to " + hex(end) + " in process " + std::to_string(pid) +
                      " (an access there now faults)";
    if (freed > 0) out += "; " + count(freed, "frame is", "frames are") + " free again (" + frame_list(o.freed_frames) + ")";
    if (o.kept_frames > 0) out += "; " + count(o.kept_frames, "shared frame stays", "shared frames stay") + " for the other processes";
    if (o.freed_slots > 0) out += "; " + count(o.freed_slots, "swap slot is", "swap slots are") + " free again";
    return out + ".";
}

}  // namespace memsim::machine
