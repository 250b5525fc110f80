#include "memsim/report/machine_json.hpp"

#include "memsim/core/text.hpp"
#include "memsim/report/heap_json.hpp"

namespace memsim::report {
namespace {

// A C value: scalars carry their value (signed ones as negative numbers), structs and
// arrays their members.
nlohmann::json value_json(const machine::ValueView& v) {
    nlohmann::json j{{"name", v.name}, {"type", v.type}, {"address", v.address}, {"offset", v.offset}, {"size", v.size},
                     {"initialized", v.initialized}, {"text", v.text}};
    if (v.fields.empty() && v.elements.empty()) {
        j["value"] = v.is_signed ? nlohmann::json(static_cast<std::int64_t>(v.value)) : nlohmann::json(v.value);
    }
    if (!v.fields.empty()) {
        j["fields"] = nlohmann::json::array();
        for (const auto& f : v.fields) j["fields"].push_back(value_json(f));
    }
    if (!v.elements.empty() || v.elements_omitted > 0) {
        j["elements"] = nlohmann::json::array();
        for (const auto& e : v.elements) j["elements"].push_back(value_json(e));
        j["elements_omitted"] = v.elements_omitted;
    }
    return j;
}

nlohmann::json slot_json(const stack::Slot& slot, const machine::FrameVariables* variables) {
    nlohmann::json j{{"kind", stack::slot_kind_name(slot.kind)}, {"name", slot.name}, {"address", slot.address},
                     {"size", slot.size}, {"value", slot.value}, {"initialized", slot.initialized}};
    if (!slot.register_name.empty()) j["register"] = slot.register_name;
    if (!slot.type.empty()) j["type"] = slot.type;
    if (variables == nullptr) return j;
    for (const machine::ValueView& v : variables->variables) {
        if (v.address != slot.address || v.name != slot.name) continue;
        const nlohmann::json typed = value_json(v);
        for (const char* key : {"value", "text", "fields", "elements", "elements_omitted"}) {
            if (typed.contains(key)) j[key] = typed[key];
        }
    }
    return j;
}

nlohmann::json block_json(const heap::BlockView& b, const machine::ProgramView* program) {
    nlohmann::json j = heap_block_json(b);
    if (program == nullptr || !b.allocated) return j;
    for (const machine::HeapObject& o : program->blocks) {
        if (o.payload != b.payload) continue;
        j["type"] = o.type;
        j["names"] = o.names;
        j["reachable"] = !machine::is_lost(o.reach);
        j["reach"] = machine::reach_name(o.reach);
        if (!o.value.fields.empty() || !o.value.elements.empty()) {
            const nlohmann::json typed = value_json(o.value);
            for (const char* key : {"fields", "elements", "elements_omitted", "text"}) {
                if (typed.contains(key)) j[key] = typed[key];
            }
        }
    }
    return j;
}

nlohmann::json process_json(const machine::ProcessView& p, bool current) {
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& r : p.regions) regions.push_back({{"kind", machine::region_name(r.kind)}, {"start", r.start}, {"end", r.end}});
    nlohmann::json frames = nlohmann::json::array();
    for (std::size_t i = 0; i < p.frames.size(); ++i) {
        const auto& f = p.frames[i];
        const machine::FrameVariables* variables =
            p.program && i < p.program->frames.size() ? &p.program->frames[i] : nullptr;
        nlohmann::json slots = nlohmann::json::array();
        for (const auto& s : f.slots) slots.push_back(slot_json(s, variables));
        frames.push_back({{"function", f.function}, {"return_address", f.return_address}, {"frame_pointer", f.frame_pointer},
                          {"stack_pointer", f.stack_pointer}, {"slots", slots}});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : p.blocks) blocks.push_back(block_json(b, p.program ? &*p.program : nullptr));
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& page : p.pages) {
        nlohmann::json j{{"vpn", page.vpn}, {"present", page.present}, {"writable", page.writable}, {"cow", page.cow}};
        j["frame"] = page.present ? nlohmann::json(page.frame) : nlohmann::json(nullptr);
        if (page.present) j["users"] = page.users;
        if (!page.present) j["where"] = page.where;
        if (page.where == "swap") j["swap_slot"] = page.swap_slot;
        pages.push_back(std::move(j));
    }
    nlohmann::json out{{"pid", p.pid}, {"state", p.state}, {"current", current}, {"pages", pages}, {"regions", regions},
            {"stack", {{"sp", p.stack_pointer}, {"fp", p.frame_pointer}, {"top", p.stack_top}, {"floor", p.stack_floor}, {"frames", frames}}},
            {"heap", {{"start", p.heap_start}, {"brk", p.brk}, {"blocks", blocks}, {"metrics", heap_metrics_json(p.heap)}}}};
    if (p.glibc) out["heap"]["arena"] = glibc_arena_json(*p.glibc);
    if (!p.start_block.empty()) {
        nlohmann::json start = nlohmann::json::array();
        for (const auto& s : p.start_block) start.push_back(slot_json(s, nullptr));
        out["stack"]["arguments"] = start;  // argc, argv and the strings, above the first frame
    }
    if (p.program) {
        nlohmann::json globals = nlohmann::json::array();
        for (const auto& g : p.program->globals) globals.push_back(value_json(g));
        nlohmann::json strings = nlohmann::json::array();
        for (const auto& lit : p.program->strings) strings.push_back({{"address", lit.address}, {"text", lit.text}});
        out["globals"] = std::move(globals);
        out["strings"] = std::move(strings);
    }
    return out;
}

nlohmann::json diagram_json(const machine::ProgramView& program) {
    nlohmann::json edges = nlohmann::json::array();
    for (const auto& e : program.edges) {
        edges.push_back({{"from", e.from}, {"from_name", e.from_name}, {"to", e.to},
                         {"target", machine::pointer_target_name(e.target)}});
    }
    return {{"edges", std::move(edges)}};
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
    return {{"step", e.step}, {"line", e.line}, {"source", machine::source_name(e.source)},
            {"kind", std::string(machine::event_kind_name(e.kind))},
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
    if (s.ostep && s.ostep->problem) {
        // The revealed part of an OSTEP problem: its command and the answers so far.
        const ostep::OstepProblem& problem = *s.ostep->problem;
        nlohmann::json answers = nlohmann::json::array();
        for (std::size_t i = 0; i < s.ostep->answered && i < problem.translations.size(); ++i) {
            const ostep::Translation& t = problem.translations[i];
            answers.push_back({{"vaddr", t.vaddr},
                               {"paddr", t.paddr ? nlohmann::json(*t.paddr) : nlohmann::json(nullptr)},
                               {"text", ostep::answer_text(problem, t)}});
        }
        j["ostep"] = {{"command", problem.command}, {"addresses", problem.translations.size()}, {"answers", answers}};
    }
    for (const auto& p : s.processes) {
        if (p.pid == s.current_process && p.program) j["diagram"] = diagram_json(*p.program);
    }
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
