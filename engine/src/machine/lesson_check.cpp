#include "memsim/machine/lesson_check.hpp"

#include <algorithm>

#include "memsim/core/text.hpp"

namespace memsim::machine {
namespace {

using scenario::QuestionKind;

const ProcessView* running(const Snapshot& snap) {
    for (const auto& p : snap.processes) {
        if (p.pid == snap.current_process) return &p;
    }
    return snap.processes.empty() ? nullptr : &snap.processes.front();
}

std::uint64_t vm_counter(const Snapshot& snap, const std::string& fact) {
    if (!snap.vm) return 0;
    const VmView& vm = *snap.vm;
    if (fact == "faults") return vm.faults;
    if (fact == "hits") return vm.hits;
    if (fact == "writebacks") return vm.writebacks;
    if (fact == "tlb_hits") return vm.tlb_hits;
    if (fact == "tlb_misses") return vm.tlb_misses;
    if (fact == "swap_used") return vm.swap_used;
    return static_cast<std::uint64_t>(std::count_if(vm.frames.begin(), vm.frames.end(), [](const FrameView& f) { return f.used; }));
}

// Counts events of steps 1..step that satisfy `keep`.
template <typename Keep>
std::uint64_t count_events(const Simulator& sim, std::uint64_t step, Keep keep) {
    if (step == 0) return 0;
    const auto log = sim.events_between(1, step);
    return static_cast<std::uint64_t>(std::count_if(log.begin(), log.end(), keep));
}

// Tables and bytes of the running process's page table (ops and programs only).
std::uint64_t page_table_fact(const Simulator& sim, std::uint32_t pid, bool bytes) {
    const Machine* machine = nullptr;
    if (const auto* ops = std::get_if<OpsSession>(&sim.session())) machine = &ops->machine();
    if (const auto* program = std::get_if<ProgramSession>(&sim.session())) machine = &program->machine();
    if (machine == nullptr || pid >= machine->processes().size()) return 0;
    const auto& table = machine->mmu().page_table(pid);
    return bytes ? table.bytes() : table.tables();
}

std::string number_fact(const Simulator& sim, const Snapshot& snap, const std::string& fact) {
    const ProcessView* p = running(snap);
    if (fact == "stack_pointer") return hex(p ? p->stack_pointer : 0);
    if (fact == "frame_pointer") return hex(p ? p->frame_pointer : 0);
    if (fact == "return_address") return hex(p && !p->frames.empty() ? p->frames.back().return_address : 0);
    if (fact == "page_tables" || fact == "page_table_bytes") {
        return std::to_string(page_table_fact(sim, snap.current_process, fact == "page_table_bytes"));
    }
    if (fact == "stack_frames") return std::to_string(p ? p->frames.size() : 0);
    if (fact == "live_blocks") return std::to_string(p ? p->heap.live_blocks : 0);
    if (fact == "free_blocks") return std::to_string(p ? p->heap.free_blocks : 0);
    if (fact == "heap_size") return std::to_string(p ? p->heap.heap_size : 0);
    if (fact == "free_bytes") return std::to_string(p ? p->heap.free_bytes : 0);
    if (fact == "largest_free") return std::to_string(p ? p->heap.largest_free : 0);
    if (fact == "internal_fragmentation") return std::to_string(p ? p->heap.internal_fragmentation : 0);
    if (fact == "brk") return hex(p ? p->brk : 0);
    if (fact == "leaks") return std::to_string(count_events(sim, snap.step, [](const Event& e) { return e.kind == EventKind::Leak; }));
    if (fact == "learner_errors") {
        return std::to_string(count_events(sim, snap.step, [](const Event& e) { return e.is_error; }));
    }
    return std::to_string(vm_counter(snap, fact));
}

std::string choice_fact(const Simulator& sim, const Snapshot& snap, const std::string& fact) {
    if (fact == "state") {
        const ProcessView* p = running(snap);
        return p ? p->state : std::string("none");
    }
    return first_error_kind(sim.events());
}

// Reference strings name pages by small numbers; machines by virtual page numbers, in hex.
std::string page_text(const Snapshot& snap, std::uint64_t page) {
    return snap.kind == "references" || snap.kind == "trace" ? std::to_string(page) : hex(page);
}

// The page the step evicted: the pager says so for traces, an eviction event for machines.
std::string victim_of_step(const Simulator& sim, const Snapshot& after) {
    if (!after.vm) return "none";
    if (after.vm->last_victim) return page_text(after, *after.vm->last_victim);
    const auto victim = evicted_page(sim.events());
    return victim ? page_text(after, *victim) : std::string("none");
}

std::string step_address(const Simulator& sim, bool allocations_only) {
    if (allocations_only) {
        const auto payload = allocated_payload(sim.events());
        return payload ? hex(*payload) : std::string("none");
    }
    for (const Event& e : sim.events()) {
        if (e.address != 0) return hex(e.address);
    }
    return "none";
}

}  // namespace

// The script's own cache answers for a paging-policy.py problem (kind = "ostep").
const ostep::CacheAccess* cache_access(const Snapshot& snap) {
    if (!snap.ostep || snap.ostep->answered == 0 || snap.ostep->answered > snap.ostep->problem->accesses.size()) return nullptr;
    return &snap.ostep->problem->accesses[snap.ostep->answered - 1];
}

std::string engine_answer(Simulator& sim, const scenario::Question& q) {
    const std::uint64_t step = std::min(q.step, sim.total_steps());
    sim.seek(step == 0 ? 0 : step - 1);
    const Snapshot before = sim.snapshot();
    sim.seek(step);
    const Snapshot after = sim.snapshot();
    switch (q.kind) {
        case QuestionKind::HitOrMiss:
            if (after.ostep) return cache_access(after) ? (cache_access(after)->hit ? "hit" : "miss") : "none";
            return vm_counter(after, "faults") > vm_counter(before, "faults") ? "miss" : "hit";
        case QuestionKind::TlbHitOrMiss:
            return vm_counter(after, "tlb_misses") > vm_counter(before, "tlb_misses") ? "miss" : "hit";
        case QuestionKind::VictimPage:
            if (after.ostep) {
                const ostep::CacheAccess* a = cache_access(after);
                return a && a->victim ? std::to_string(*a->victim) : std::string("none");
            }
            return victim_of_step(sim, after);
        case QuestionKind::MallocBlock: return step_address(sim, true);
        case QuestionKind::Address: return step_address(sim, false);
        case QuestionKind::Number: return number_fact(sim, after, q.fact);
        case QuestionKind::Choice: return choice_fact(sim, after, q.fact);
        case QuestionKind::Translation:
            if (!after.ostep || after.ostep->answered == 0) return "none";
            if (after.ostep->answered > after.ostep->problem->translations.size()) return "none";
            return ostep::quiz_answer(after.ostep->problem->translations[after.ostep->answered - 1]);
        case QuestionKind::Returned:
            if (!after.ostep || after.ostep->answered == 0 || after.ostep->answered > after.ostep->problem->heap_ops.size()) return "none";
            return std::to_string(after.ostep->problem->heap_ops[after.ostep->answered - 1].result);
    }
    return "none";
}

std::vector<Error> check_lesson(Simulator& sim) {
    std::vector<Error> errors;
    for (const scenario::Question& q : sim.scenario().teaching.questions) {
        if (q.step > sim.total_steps()) {
            errors.push_back(Error{q.line, q.column, "this question is asked at step " + std::to_string(q.step) +
                                                         ", but the scenario has only " + std::to_string(sim.total_steps()) +
                                                         " steps"});
            continue;
        }
        const std::string truth = engine_answer(sim, q);
        if (!scenario::same_answer(q.answer, truth)) {
            errors.push_back(Error{q.line, q.column, "the stated answer '" + q.answer + "' to \"" + q.ask +
                                                         "\" (step " + std::to_string(q.step) + ") differs from the engine's '" +
                                                         truth + "'"});
        }
    }
    sim.seek(0);
    return errors;
}

std::vector<std::string> offered_choices(Simulator& sim, const scenario::Question& q) {
    if (!q.choices.empty()) return q.choices;
    sim.seek(q.step == 0 ? 0 : std::min(q.step, sim.total_steps()) - 1);
    const Snapshot before = sim.snapshot();
    std::vector<std::string> offered;
    switch (q.kind) {
        case QuestionKind::HitOrMiss:
        case QuestionKind::TlbHitOrMiss: return {"hit", "miss"};
        case QuestionKind::VictimPage:
            if (before.ostep && before.ostep->answered > 0 && before.ostep->answered <= before.ostep->problem->accesses.size()) {
                for (const std::int64_t page : before.ostep->problem->accesses[before.ostep->answered - 1].cache) {
                    offered.push_back(std::to_string(page));
                }
            }
            if (before.vm) {
                for (const FrameView& f : before.vm->frames) {
                    if (f.used) offered.push_back(page_text(before, f.page));
                }
            }
            offered.emplace_back("none");
            return offered;
        case QuestionKind::MallocBlock:
            if (const ProcessView* p = running(before)) {
                for (const heap::BlockView& b : p->blocks) {
                    if (!b.allocated && !b.mapped) offered.push_back(hex(b.payload));
                }
            }
            return offered;
        default: return offered;
    }
}

}  // namespace memsim::machine

namespace memsim::machine {

std::string first_error_kind(const std::vector<Event>& events) {
    for (const Event& e : events) {
        if (e.is_error) return std::string(event_kind_name(e.kind));
    }
    return "none";
}

std::optional<std::uint64_t> allocated_payload(const std::vector<Event>& events) {
    for (const Event& e : events) {
        const bool allocation = e.kind == EventKind::Malloc || e.kind == EventKind::Calloc || e.kind == EventKind::Realloc ||
                                e.kind == EventKind::ReallocInPlace;
        if (const auto* block = payload<heap::HeapEvent>(e); allocation && block) return block->addr;
    }
    return std::nullopt;
}

std::optional<std::uint64_t> evicted_page(const std::vector<Event>& events) {
    std::optional<std::uint64_t> page;
    for (const Event& e : events) {
        if (const auto* mmu = payload<vm::MmuEvent>(e); mmu && e.kind == EventKind::Eviction) page = mmu->victim_vpn;
    }
    return page;
}

}  // namespace memsim::machine
