#include "memsim/heap/ostep.hpp"

#include <algorithm>

namespace memsim::heap {

std::string_view to_string(OstepPolicy policy) {
    switch (policy) {
        case OstepPolicy::Best: return "BEST";
        case OstepPolicy::Worst: return "WORST";
        case OstepPolicy::First: return "FIRST";
    }
    return "?";
}

std::string_view to_string(OstepOrder order) {
    switch (order) {
        case OstepOrder::AddrSort: return "ADDRSORT";
        case OstepOrder::SizeSortAscending: return "SIZESORT+";
        case OstepOrder::SizeSortDescending: return "SIZESORT-";
        case OstepOrder::InsertFront: return "INSERT-FRONT";
        case OstepOrder::InsertBack: return "INSERT-BACK";
    }
    return "?";
}

std::optional<OstepPolicy> ostep_policy_by_name(std::string_view name) {
    for (OstepPolicy p : {OstepPolicy::Best, OstepPolicy::Worst, OstepPolicy::First})
        if (to_string(p) == name) return p;
    return std::nullopt;
}

std::optional<OstepOrder> ostep_order_by_name(std::string_view name) {
    for (OstepOrder o : {OstepOrder::AddrSort, OstepOrder::SizeSortAscending, OstepOrder::SizeSortDescending,
                         OstepOrder::InsertFront, OstepOrder::InsertBack})
        if (to_string(o) == name) return o;
    return std::nullopt;
}

OstepModel::OstepModel(const OstepConfig& config) : config_(config) {
    free_list_.push_back({config.base, config.size});
}

std::pair<std::int64_t, std::int64_t> OstepModel::malloc(std::int64_t size) {
    if (config_.align > 0 && size % config_.align != 0) size += config_.align - size % config_.align;
    size += config_.header;
    std::int64_t chosen = -1;
    std::int64_t chosen_size = config_.policy == OstepPolicy::Best ? config_.size + 1 : -1;
    std::int64_t searched = 0;
    for (std::size_t i = 0; i < free_list_.size(); ++i) {
        ++searched;
        const std::int64_t s = free_list_[i].second;
        if (s < size) continue;
        if (config_.policy == OstepPolicy::First || (config_.policy == OstepPolicy::Best && s < chosen_size) ||
            (config_.policy == OstepPolicy::Worst && s > chosen_size)) {
            chosen = static_cast<std::int64_t>(i);
            chosen_size = s;
            if (config_.policy == OstepPolicy::First) break;
        }
    }
    if (chosen < 0) return {-1, searched};
    const auto at = static_cast<std::size_t>(chosen);
    const std::int64_t addr = free_list_[at].first;
    if (chosen_size > size)
        free_list_[at] = {addr + size, chosen_size - size};  // stays in place, even in a sorted list
    else
        free_list_.erase(free_list_.begin() + static_cast<std::ptrdiff_t>(chosen));
    allocated_.push_back({addr, size});
    return {addr, searched};
}

std::int64_t OstepModel::free(std::int64_t addr) {
    const auto it = std::find_if(allocated_.begin(), allocated_.end(), [&](const OstepChunk& c) { return c.first == addr; });
    if (it == allocated_.end()) return -1;
    const OstepChunk chunk = *it;
    allocated_.erase(it);
    auto by_addr = [](const OstepChunk& a, const OstepChunk& b) { return a.first < b.first; };
    switch (config_.order) {
        case OstepOrder::InsertBack: free_list_.push_back(chunk); break;
        case OstepOrder::InsertFront: free_list_.insert(free_list_.begin(), chunk); break;
        case OstepOrder::AddrSort:
            free_list_.push_back(chunk);
            std::stable_sort(free_list_.begin(), free_list_.end(), by_addr);
            break;
        case OstepOrder::SizeSortAscending:
            free_list_.push_back(chunk);
            std::stable_sort(free_list_.begin(), free_list_.end(),
                             [](const OstepChunk& a, const OstepChunk& b) { return a.second < b.second; });
            break;
        case OstepOrder::SizeSortDescending:
            // A stable descending sort keeps equal sizes in list order (as Python's reverse sort does).
            free_list_.push_back(chunk);
            std::stable_sort(free_list_.begin(), free_list_.end(),
                             [](const OstepChunk& a, const OstepChunk& b) { return a.second > b.second; });
            break;
    }
    if (config_.coalesce) coalesce();
    return 0;
}

// One pass in list order: an entry that starts where the current one ends joins it.
void OstepModel::coalesce() {
    std::vector<OstepChunk> merged;
    OstepChunk current = free_list_.front();
    for (std::size_t i = 1; i < free_list_.size(); ++i) {
        if (free_list_[i].first == current.first + current.second) {
            current.second += free_list_[i].second;
        } else {
            merged.push_back(current);
            current = free_list_[i];
        }
    }
    merged.push_back(current);
    free_list_ = std::move(merged);
}

Result<std::vector<OstepStep>> run_ostep(const OstepConfig& config, const std::vector<ListOp>& ops) {
    if (config.size <= 0) return fail("the heap size must be at least 1 byte");
    if (config.header < 0) return fail("the header size cannot be negative");
    if (config.align == 0 || config.align < -1) return fail("alignment must be -1 (none) or at least 1");
    OstepModel model{config};
    std::vector<std::int64_t> pointers;  // per allocation index: its chunk, -1 when it failed
    std::int64_t successes = 0;
    std::vector<OstepStep> steps;
    for (const ListOp& op : ops) {
        OstepStep step;
        step.alloc = op.alloc;
        if (op.alloc) {
            if (op.value + config.header == 0)
                return fail("+0 with no header makes a zero-byte chunk, which malloc.py cannot record", 1, op.column);
            step.size = op.value;
            const auto [block, searched] = model.malloc(op.value);
            step.block = block;
            step.ptr = block < 0 ? -1 : block + config.header;
            step.searched = searched;
            pointers.push_back(block);
            if (block >= 0) ++successes;
        } else {
            step.index = op.value;
            if (op.value >= successes) {
                step.skipped = true;
                step.skip_reason = "Invalid Free: Skipping";
            } else if (pointers[static_cast<std::size_t>(op.value)] < 0) {
                step.skipped = true;
                step.skip_reason = "allocation " + std::to_string(op.value) + " failed; malloc.py stops here with a KeyError";
            } else {
                step.rc = model.free(pointers[static_cast<std::size_t>(op.value)]);
            }
        }
        if (!step.skipped) step.free_list = model.free_list();
        steps.push_back(std::move(step));
    }
    return steps;
}

std::string ostep_transcript(const OstepConfig&, const std::vector<OstepStep>& steps) {
    std::string out;
    std::int64_t count = 0;
    for (const auto& s : steps) {
        if (s.alloc) {
            out += "ptr[" + std::to_string(count++) + "] = Alloc(" + std::to_string(s.size) + ") returned " +
                   std::to_string(s.block) + " (searched " + std::to_string(s.searched) + " elements)\n";
        } else if (s.skipped) {
            if (s.skip_reason == "Invalid Free: Skipping") {
                out += s.skip_reason + "\n";
                continue;
            }
            out += "Free(ptr[" + std::to_string(s.index) + "])\n(" + s.skip_reason + ")\n";
            break;
        } else {
            out += "Free(ptr[" + std::to_string(s.index) + "])\nreturned " + std::to_string(s.rc) + "\n";
        }
        out += "Free List [ Size " + std::to_string(s.free_list.size()) + " ]: ";
        for (const auto& [addr, size] : s.free_list)
            out += "[ addr:" + std::to_string(addr) + " sz:" + std::to_string(size) + " ]";
        out += "\n\n";
    }
    return out;
}

}  // namespace memsim::heap
