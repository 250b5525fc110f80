// Simulator::snapshot: the current session's state as plain values.
#include "memsim/machine/simulator.hpp"
#include "memsim/core/text.hpp"

namespace memsim::machine {
namespace {

ProcessView process_view(const Machine& machine, const Process& process) {
    ProcessView view;
    view.pid = process.pid;
    view.state = process_end_name(process.end);
    view.regions = machine.layout().regions;
    view.stack_pointer = process.stack.stack_pointer();
    view.frame_pointer = process.stack.frame_pointer();
    view.stack_top = process.stack.config().top;
    view.stack_floor = process.stack.limit_floor();
    view.start_block = process.stack.start_block();
    view.frames = process.stack.frames();
    view.blocks = process.heap.blocks();
    view.free_lists = process.heap.free_lists();
    view.heap = process.heap.metrics();
    view.heap_start = process.heap.region().base;
    view.brk = process.heap.region().brk;
    if (const auto* glibc = process.heap.glibc()) view.glibc = heap::arena_view(*glibc);
    const vm::Mmu& mmu = machine.mmu();
    const vm::RadixPageTable& table = mmu.page_table(process.pid);
    table.for_each_leaf([&](std::uint64_t vpn, std::uint32_t at) {
        const vm::Pte& pte = table.entry(at);
        if (!pte.present && pte.where != vm::Backing::Swap) return;
        if (!pte.present) view.swapped_pages.push_back(vpn);
        view.pages.push_back(PageView{.vpn = vpn, .present = pte.present, .frame = pte.present ? pte.pfn : 0,
                                      .where = std::string(vm::backing_name(pte.where)), .swap_slot = pte.swap_slot,
                                      .writable = pte.protection.write, .cow = pte.protection.copy_on_write,
                                      .users = pte.present ? mmu.users(pte.pfn) : 0});
    });
    return view;
}

// The stack slots of a program's variables show what memory holds now, and their C type.
void fill_slots(ProcessView& view) {
    for (std::size_t f = 0; f < view.frames.size() && f < view.program->frames.size(); ++f) {
        for (stack::Slot& slot : view.frames[f].slots) {
            for (const ValueView& v : view.program->frames[f].variables) {
                if (v.address != slot.address || v.name != slot.name) continue;
                slot.type = v.type;
                slot.initialized = v.initialized;
                slot.value = v.fields.empty() && v.elements.empty() ? v.value : 0;
            }
        }
    }
}

VmView mmu_view(const vm::Mmu& mmu, std::uint64_t page_size) {
    VmView view;
    view.policy = std::string(vm::policy_name(mmu.config().policy.kind));
    view.page_size = page_size;
    const vm::FrameTable& table = mmu.frames();
    for (std::uint32_t f = 0; f < table.size(); ++f) {
        view.frames.push_back(FrameView{.used = table.owner[f] != vm::no_owner,
                                        .owner = table.owner[f] == vm::no_owner ? 0 : table.owner[f],
                                        .page = table.vpn[f], .referenced = table.referenced[f] != 0,
                                        .dirty = table.dirty[f] != 0, .users = mmu.users(f), .sharers = {}});
        if (view.frames.back().users > 1) {
            for (const vm::Mapping& m : mmu.mappings(f)) view.frames.back().sharers.emplace_back(m.process, m.vpn);
        }
    }
    if (mmu.tlb()) {
        for (const vm::TlbEntry& e : mmu.tlb()->entries()) view.tlb.push_back({e.valid, e.asid, e.vpn, e.pfn});
    }
    const vm::MmuStats& s = mmu.stats();
    view.references = s.accesses;
    view.faults = s.page_faults;
    view.hits = s.accesses - s.page_faults;
    view.writebacks = s.writebacks;
    view.tlb_hits = s.tlb_hits;
    view.tlb_misses = s.tlb_misses;
    view.swap_used = mmu.swap().used();
    view.cow_faults = s.cow_faults;
    view.cow_copies = s.cow_copies;
    return view;
}

VmView pager_view(const ReferenceSession& session) {
    const vm::Pager& pager = session.pager();
    const auto& pages = session.trace().dense.pages;
    VmView view;
    view.policy = std::string(vm::policy_name(pager.config().policy.kind));
    const vm::FrameTable& table = pager.frames();
    const auto resident = pager.frame_pages();
    for (std::uint32_t f = 0; f < resident.size(); ++f) {
        // Frames past those the pager allocated (more than the trace's pages) stay free.
        const bool used = resident[f] != vm::no_page;
        view.frames.push_back(FrameView{.used = used, .owner = 0, .page = used ? pages[resident[f]] : 0,
                                        .referenced = used && table.referenced[f] != 0,
                                        .dirty = used && table.dirty[f] != 0,
                                        .users = used ? 1u : 0u, .sharers = {}});
    }
    if (pager.tlb()) {
        for (const vm::TlbEntry& e : pager.tlb()->entries()) {
            view.tlb.push_back({e.valid, e.asid, e.valid ? pages[static_cast<std::size_t>(e.vpn)] : 0, e.pfn});
        }
        view.tlb_hits = pager.tlb()->stats().hits;
        view.tlb_misses = pager.tlb()->stats().misses;
    }
    if (const auto& last = session.last_step()) {
        view.last_frame = last->frame;
        if (last->victim != vm::no_page) view.last_victim = pages[last->victim];
    }
    const auto& c = pager.counters();
    view.references = c.references;
    view.hits = c.hits;
    view.faults = c.faults;
    view.writebacks = c.writebacks;
    return view;
}

}  // namespace

Snapshot Simulator::snapshot() const {
    Snapshot snap;
    snap.kind = scenario::body_kind_name(scenario_.kind);
    snap.title = scenario_.title;
    snap.step = step_;
    snap.total_steps = total_steps_;
    std::visit(
        [&](const auto& s) {
            using T = std::decay_t<decltype(s)>;
            snap.line = s.line();
            if constexpr (std::is_same_v<T, OpsSession> || std::is_same_v<T, ProgramSession>) {
                const Machine& m = s.machine();
                snap.current_process = m.current_pid();
                for (const Process& p : m.processes()) snap.processes.push_back(process_view(m, p));
                snap.vm = mmu_view(m.mmu(), m.config().page_size);
                if constexpr (std::is_same_v<T, OpsSession>) {
                    snap.pointers = s.pointers();
                } else {
                    for (ProcessView& view : snap.processes) {
                        if (view.pid >= s.programs().size()) continue;
                        view.program = read_program_view(m, m.processes()[view.pid], s.programs()[view.pid]);
                        fill_slots(view);
                    }
                    snap.output = valid_utf8(s.output());  // putchar(200) must not reach JSON or ImGui as is
                    snap.program_status = minic::status_name(s.interpreter().status());
                    snap.stop_reason = s.interpreter().stop_reason();
                }
            } else if constexpr (std::is_same_v<T, ReferenceSession>) {
                snap.vm = pager_view(s);
            } else if constexpr (std::is_same_v<T, OstepSession>) {
                snap.ostep = OstepView{.problem = s.problem(), .answered = s.answered()};
            } else {
                ProcessView view;
                view.state = "running";
                view.blocks = s.heap().blocks();
                view.free_lists = s.heap().free_lists();
                view.heap = s.heap().metrics();
                view.heap_start = s.heap().region().base;
                view.brk = s.heap().region().brk;
                if (const auto* glibc = s.heap().glibc()) view.glibc = heap::arena_view(*glibc);
                snap.processes.push_back(std::move(view));
            }
        },
        current_);
    return snap;
}

}  // namespace memsim::machine
