#include "memsim/report/machine_json.hpp"

#include "memsim/core/text.hpp"
#include "memsim/report/heap_json.hpp"

namespace memsim::report {
namespace {

nlohmann::json slot_json(const stack::Slot& slot) {
    nlohmann::json j{{"kind", stack::slot_kind_name(slot.kind)}, {"name", slot.name}, {"address", slot.address},
                     {"size", slot.size}, {"value", slot.value}, {"initialized", slot.initialized}};
    if (!slot.register_name.empty()) j["register"] = slot.register_name;
    return j;
}

nlohmann::json process_json(const machine::ProcessView& p, bool current) {
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& r : p.regions) regions.push_back({{"kind", machine::region_name(r.kind)}, {"start", r.start}, {"end", r.end}});
    nlohmann::json frames = nlohmann::json::array();
    for (const auto& f : p.frames) {
        nlohmann::json slots = nlohmann::json::array();
        for (const auto& s : f.slots) slots.push_back(slot_json(s));
        frames.push_back({{"function", f.function}, {"return_address", f.return_address}, {"frame_pointer", f.frame_pointer},
                          {"stack_pointer", f.stack_pointer}, {"slots", slots}});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : p.blocks) blocks.push_back(heap_block_json(b));
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& page : p.pages) {
        nlohmann::json j{{"vpn", page.vpn}, {"present", page.present}, {"writable", page.writable}, {"cow", page.cow}};
        j["frame"] = page.present ? nlohmann::json(page.frame) : nlohmann::json(nullptr);
        if (page.present) j["users"] = page.users;
        if (!page.present) j["where"] = page.where;
        if (page.where == "swap") j["swap_slot"] = page.swap_slot;
        pages.push_back(std::move(j));
    }
    return {{"pid", p.pid}, {"state", p.state}, {"current", current}, {"pages", pages}, {"regions", regions},
            {"stack", {{"sp", p.stack_pointer}, {"fp", p.frame_pointer}, {"top", p.stack_top}, {"floor", p.stack_floor}, {"frames", frames}}},
            {"heap", {{"start", p.heap_start}, {"brk", p.brk}, {"blocks", blocks}, {"metrics", heap_metrics_json(p.heap)}}}};
}

nlohmann::json vm_json(const machine::VmView& v) {
    nlohmann::json frames = nlohmann::json::array();
    for (const auto& f : v.frames) {
        if (!f.used) {
            frames.push_back(nullptr);
            continue;
        }
        nlohmann::json j{{"owner", f.owner}, {"page", f.page}, {"referenced", f.referenced}, {"dirty", f.dirty}, {"users", f.users}};
        if (f.users > 1) {
            nlohmann::json sharers = nlohmann::json::array();
            for (const auto& [process, page] : f.sharers) sharers.push_back({{"process", process}, {"page", page}});
            j["sharers"] = std::move(sharers);
        }
        frames.push_back(std::move(j));
    }
    nlohmann::json tlb = nlohmann::json::array();
    for (const auto& e : v.tlb) {
        tlb.push_back(e.valid ? nlohmann::json{{"asid", e.asid}, {"vpn", e.vpn}, {"pfn", e.pfn}} : nlohmann::json(nullptr));
    }
    nlohmann::json j{{"policy", v.policy}, {"frames", frames}, {"tlb", tlb}, {"references", v.references},
                     {"hits", v.hits}, {"faults", v.faults}, {"writebacks", v.writebacks},
                     {"tlb_hits", v.tlb_hits}, {"tlb_misses", v.tlb_misses}, {"swap_used", v.swap_used},
                     {"cow_faults", v.cow_faults}, {"cow_copies", v.cow_copies}};
    j["last_frame"] = v.last_frame ? nlohmann::json(*v.last_frame) : nlohmann::json(nullptr);
    j["last_victim"] = v.last_victim ? nlohmann::json(*v.last_victim) : nlohmann::json(nullptr);
    return j;
}

}  // namespace

nlohmann::json to_json(const machine::Event& e) {
    return {{"step", e.step}, {"line", e.line}, {"source", machine::source_name(e.source)}, {"kind", e.kind},
            {"error", e.is_error}, {"process", e.process}, {"address", e.address}, {"text", valid_utf8(e.text)}};
}

nlohmann::json to_json(const std::vector<machine::Event>& events) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : events) list.push_back(to_json(e));
    return list;
}

nlohmann::json to_json(const machine::Snapshot& s) {
    nlohmann::json processes = nlohmann::json::array();
    for (const auto& p : s.processes) processes.push_back(process_json(p, p.pid == s.current_process));
    nlohmann::json j{{"kind", s.kind}, {"title", s.title}, {"step", s.step}, {"totalSteps", s.total_steps},
                     {"line", s.line}, {"current_process", s.current_process}, {"processes", processes},
                     {"pointers", s.pointers}, {"output", s.output}};
    if (!s.program_status.empty()) {
        j["program"] = {{"status", s.program_status}, {"stop_reason", s.stop_reason}};
    }
    j["vm"] = s.vm ? vm_json(*s.vm) : nlohmann::json(nullptr);
    return j;
}

nlohmann::json to_json(const machine::RunSummary& s) {
    return {{"steps", s.steps}, {"hit_step_limit", s.hit_step_limit}, {"page_faults", s.page_faults},
            {"hits", s.hits}, {"tlb_hits", s.tlb_hits}, {"tlb_misses", s.tlb_misses}, {"writebacks", s.writebacks},
            {"learner_errors", s.learner_errors}, {"leaks", s.leaks}};
}

nlohmann::json state_json(const machine::Simulator& simulator) {
    nlohmann::json j = to_json(simulator.snapshot());
    j["summary"] = to_json(simulator.summary());
    j["events"] = to_json(simulator.events());
    return j;
}

}  // namespace memsim::report
