#include "memsim/report/vm_json.hpp"

#include <string>

#include "memsim/vm/explain.hpp"

namespace memsim::report {

using nlohmann::json;

namespace {

json optional_page(const std::optional<std::uint64_t>& page) { return page ? json(*page) : json(nullptr); }

double ratio(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

json to_json(const vm::PolicyState& state, const std::vector<std::optional<std::uint64_t>>& frames) {
    json out = json::object();
    if (state.hand) out["hand"] = *state.hand;
    if (!state.order.empty()) out["order"] = state.order;
    if (!state.values_name.empty()) {
        json values = json::array();
        for (std::size_t f = 0; f < state.values.size(); ++f) {
            const bool known = f < frames.size() && frames[f] && state.values[f] != vm::never;
            values.push_back(known ? json(state.values[f]) : json(nullptr));
        }
        out[std::string(state.values_name)] = values;
    }
    return out;
}

json to_json(const vm::ReplaceStep& s) {
    json resident = json::array();
    json frames = json::array();
    for (const auto& page : s.frames) {
        if (page) resident.push_back(*page);
        frames.push_back(optional_page(page));
    }
    json step = {{"page", s.page}, {"write", s.write}, {"hit", s.hit}, {"frame", s.frame},
                 {"victim", optional_page(s.victim)}, {"writeback", s.writeback},
                 {"resident", resident}, {"frames", frames}};
    if (s.unlisted_free_frames > 0) step["unlisted_free_frames"] = s.unlisted_free_frames;
    json r = json::array(), m = json::array();
    for (std::size_t f = 0; f < s.frames.size(); ++f) {
        r.push_back(s.frames[f] && s.referenced[f] != 0);
        m.push_back(s.frames[f] && s.dirty[f] != 0);
    }
    step["referenced"] = r;
    step["dirty"] = m;
    step["policy"] = to_json(s.policy, s.frames);
    return step;
}

json to_json(const vm::ReplaceRun& run) {
    json out = {
        {"policy", std::string(vm::policy_name(run.config.policy.kind))},
        {"frames", run.config.frames},
        {"references", run.references},
        {"hits", run.hits},
        {"faults", run.faults},
        {"writebacks", run.writebacks},
        {"hit_ratio", ratio(run.hits, run.references)},
    };
    json steps = json::array();
    for (const auto& s : run.steps) steps.push_back(to_json(s));
    out["steps"] = steps;
    return out;
}

json to_json(const vm::SweepResult& sweep) {
    json points = json::array();
    for (const auto& p : sweep.points) points.push_back({{"frames", p.frames}, {"faults", p.faults}});
    return {{"sweep", points}, {"anomalies", sweep.anomalies}};
}

namespace {

const char* event_name(vm::MmuEventKind kind) {
    switch (kind) {
        case vm::MmuEventKind::TlbFlush: return "tlb_flush";
        case vm::MmuEventKind::TlbHit: return "tlb_hit";
        case vm::MmuEventKind::TlbMiss: return "tlb_miss";
        case vm::MmuEventKind::Segfault: return "segfault";
        case vm::MmuEventKind::ProtectionFault: return "protection_fault";
        case vm::MmuEventKind::Eviction: return "eviction";
        case vm::MmuEventKind::PageFault: return "page_fault";
        case vm::MmuEventKind::CopyOnWrite: return "copy_on_write";
        case vm::MmuEventKind::Translated: return "translated";
    }
    return "translated";
}

}  // namespace

json to_json(const vm::AddressLayout& layout) {
    return {{"name", layout.name}, {"va_bits", layout.va_bits}, {"page_size", layout.page_size()},
            {"offset_bits", layout.offset_bits}, {"level_bits", layout.level_bits},
            {"pte_bytes", layout.pte_bytes}, {"split", vm::describe_split(layout)}};
}

json to_json(const vm::Walk& walk, bool inverted) {
    json steps = json::array();
    for (std::uint32_t i = 0; i < walk.count; ++i) {
        const auto& s = walk.steps[i];
        json step = {{"level", s.level}, {"index", s.index}, {"entry_address", s.entry_address},
                     {"present", s.entry.present}, {"pfn", s.entry.pfn},
                     {"where", std::string(vm::backing_name(s.entry.where))}};
        if (inverted) {
            step["owner"] = s.owner;
            step["vpn"] = s.vpn;
        }
        steps.push_back(step);
    }
    return steps;
}

json to_json(const vm::MmuEvent& e, vm::PolicyKind policy) {
    json out = {{"kind", event_name(e.kind)}, {"process", e.process}, {"vpn", e.vpn}};
    switch (e.kind) {
        case vm::MmuEventKind::TlbMiss: out["walk_accesses"] = e.walk_accesses; break;
        case vm::MmuEventKind::PageFault:
            out["frame"] = e.frame;
            out["source"] = std::string(vm::backing_name(e.source));
            out["major"] = e.major;
            if (e.source == vm::Backing::Swap) out["swap_slot"] = e.swap_slot;
            break;
        case vm::MmuEventKind::Eviction:
            out["frame"] = e.frame;
            out["victim_process"] = e.victim_process;
            out["victim_vpn"] = e.victim_vpn;
            out["victim_dirty"] = e.victim_dirty;
            if (e.victim_dirty) out["swap_slot"] = e.swap_slot;
            if (e.sharers > 1) out["sharers"] = e.sharers;
            break;
        case vm::MmuEventKind::Translated:
            out["vaddr"] = e.vaddr;
            out["paddr"] = e.paddr;
            out["frame"] = e.frame;
            break;
        case vm::MmuEventKind::TlbHit: out["frame"] = e.frame; break;
        case vm::MmuEventKind::CopyOnWrite:
            out["frame"] = e.frame;
            out["copied"] = e.copied;
            if (e.copied) {
                out["old_frame"] = e.old_frame;
                out["other_process"] = e.other_process;
            }
            break;
        case vm::MmuEventKind::Segfault:
        case vm::MmuEventKind::ProtectionFault:
            out["vaddr"] = e.vaddr;
            out["access"] = std::string(vm::access_name(e.access));
            break;
        case vm::MmuEventKind::TlbFlush: break;
    }
    out["text"] = vm::explain(e, policy);
    return out;
}

json to_json(const vm::MmuStats& s) {
    return {{"accesses", s.accesses}, {"tlb_hits", s.tlb_hits}, {"tlb_misses", s.tlb_misses},
            {"tlb_hit_ratio", ratio(s.tlb_hits, s.tlb_hits + s.tlb_misses)},
            {"page_faults", s.page_faults}, {"minor_faults", s.minor_faults}, {"major_faults", s.major_faults},
            {"protection_faults", s.protection_faults}, {"segfaults", s.segfaults}, {"evictions", s.evictions},
            {"writebacks", s.writebacks}, {"swap_reads", s.swap_reads}, {"walk_accesses", s.walk_accesses},
            {"switches", s.switches}, {"tlb_flushes", s.tlb_flushes}};
}

json to_json(const std::vector<vm::ThrashPoint>& points) {
    json out = json::array();
    for (const auto& p : points) {
        out.push_back({{"degree", p.degree}, {"active", p.active}, {"working_set_total", p.working_set_total},
                       {"cpu_utilization", p.cpu_utilization}, {"faults", p.faults}, {"fault_rate", p.fault_rate}});
    }
    return out;
}

}  // namespace memsim::report
