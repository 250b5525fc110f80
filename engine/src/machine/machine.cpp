// Machine: creation, the call stack and processes. Memory accesses are in
// machine_memory.cpp, the heap in machine_heap.cpp.
#include "memsim/machine/machine.hpp"

#include <array>

#include "memsim/machine/reachability.hpp"

#include <algorithm>
#include <bit>

#include "memsim/core/text.hpp"
#include "memsim/machine/explain.hpp"
#include "memsim/vm/explain.hpp"

namespace memsim::machine {
namespace {

vm::Protection protection_of(RegionKind kind) {
    switch (kind) {
        case RegionKind::Text: return vm::Protection{.read = true, .write = false, .execute = true};
        case RegionKind::ReadOnlyData: return vm::Protection{.read = true, .write = false, .execute = false};
        default: return vm::Protection{.read = true, .write = true, .execute = false};
    }
}

// Regions mapped when a process starts; heap and mmap areas are mapped as they grow,
// and the guard page is never mapped, so touching it is a fault.
bool mapped_at_start(RegionKind kind) {
    return kind == RegionKind::Text || kind == RegionKind::ReadOnlyData || kind == RegionKind::Data ||
           kind == RegionKind::Bss || kind == RegionKind::Stack;
}

vm::Backing backing_of(RegionKind kind) {
    return (kind == RegionKind::Bss || kind == RegionKind::Stack) ? vm::Backing::Zero : vm::Backing::File;
}

// Index bits per page-table level: the x86 splits for 32 and 48 bits, otherwise levels
// of at most 10 bits, so no single table is huge (a 36-bit space with one level would
// need 16 million entries).
std::vector<std::uint32_t> page_table_levels(std::uint32_t va_bits, std::uint64_t page_size) {
    if (va_bits == 32 && page_size == 4096) return {10, 10};
    if (va_bits == 48 && page_size == 4096) return {9, 9, 9, 9};
    const auto vpn_bits = static_cast<std::uint32_t>(va_bits - static_cast<std::uint32_t>(std::countr_zero(page_size)));
    const std::uint32_t count = std::max(1u, (vpn_bits + 9) / 10);
    std::vector<std::uint32_t> levels(count, vpn_bits / count);
    for (std::uint32_t i = 0; i < vpn_bits % count; ++i) ++levels[i];
    return levels;
}

// The stack's state after an event of `function`'s frame.
StackEvent stack_event(const std::string& function, const stack::CallStack& stack) {
    return StackEvent{.function = function, .frame_pointer = 0, .stack_pointer = stack.stack_pointer(), .return_address = 0,
                      .bytes = 0, .depth = stack.frames().size(), .caller = {}, .returned = std::nullopt};
}

StackEvent return_event(const stack::Frame& popped, const stack::CallStack& stack) {
    StackEvent e = stack_event(popped.function, stack);
    e.return_address = popped.return_address;
    e.caller = stack.frames().empty() ? std::string("the program's start-up code") : stack.frames().back().function;
    return e;
}

}  // namespace

const char* source_name(EventSource source) {
    switch (source) {
        case EventSource::Program: return "program";
        case EventSource::Stack: return "stack";
        case EventSource::Heap: return "heap";
        case EventSource::Vm: return "vm";
        case EventSource::Process: return "process";
    }
    return "?";
}

const char* process_end_name(ProcessEnd end) {
    switch (end) {
        case ProcessEnd::Running: return "running";
        case ProcessEnd::Exited: return "exited";
        case ProcessEnd::Segfault: return "segmentation fault";
        case ProcessEnd::StackOverflow: return "stack overflow";
        case ProcessEnd::ProtectionFault: return "protection fault";
        case ProcessEnd::Aborted: return "aborted";
    }
    return "?";
}

Machine::Machine(MachineConfig config, AddressSpaceLayout layout, vm::Mmu mmu, std::vector<Process> processes)
    : config_(std::move(config)), layout_(std::move(layout)), mmu_(std::move(mmu)), processes_(std::move(processes)) {}

Result<Machine> Machine::create(const MachineConfig& config) {
    if (config.processes < 1 || config.processes > 64) {
        return fail("processes must be from 1 to 64, got " + std::to_string(config.processes));
    }
    auto layout = make_address_space(config.address_bits, config.page_size, config.stack_limit, config.program);
    if (!layout) return tl::unexpected(layout.error());

    MachineConfig settled = config;
    const std::uint32_t va_bits = layout->address_bits;
    auto mmu_layout = vm::make_layout(va_bits, config.page_size, page_table_levels(va_bits, config.page_size));
    if (!mmu_layout) return tl::unexpected(mmu_layout.error());
    if (va_bits == 48) mmu_layout->pte_bytes = 8;
    settled.mmu.layout = *mmu_layout;
    settled.heap.base = layout->heap_start();
    settled.heap.page_size = config.page_size;
    settled.heap.mmap_base = layout->mmap_start;
    settled.heap.mmap_top = layout->mmap_top;
    settled.heap.max_heap = std::min<std::uint64_t>(config.heap.max_heap, layout->mmap_start - layout->heap_start());

    std::vector<vm::ProcessSpec> specs;
    for (std::uint32_t pid = 0; pid < config.processes; ++pid) specs.push_back({"P" + std::to_string(pid), 1});
    auto mmu = vm::Mmu::create(settled.mmu, specs);
    if (!mmu) return tl::unexpected(mmu.error());
    auto heap = heap::Heap::create(settled.heap);
    if (!heap) return tl::unexpected(heap.error());

    const stack::StackConfig stack_config{.top = layout->stack_top, .limit = layout->stack_limit,
                                          .guard_size = config.page_size, .convention = config.convention,
                                          .word_size = va_bits == 32 ? 4u : 8u};
    std::vector<Process> processes;
    for (std::uint32_t pid = 0; pid < config.processes; ++pid) {
        for (const Region& region : layout->regions) {
            if (!mapped_at_start(region.kind)) continue;
            auto mapped = mmu->map(pid, region.start, region.end - region.start, protection_of(region.kind),
                                   backing_of(region.kind));
            if (!mapped) return tl::unexpected(mapped.error());
        }
        processes.push_back(Process{pid, ProcessEnd::Running, stack::CallStack(stack_config), *heap,
                                    PageStore(config.page_size)});
    }
    return Machine(std::move(settled), std::move(*layout), std::move(*mmu), std::move(processes));
}

std::uint64_t Machine::code_address(int line) const {
    const Region& text = layout_.regions.front();
    const std::uint64_t offset = static_cast<std::uint64_t>(line < 0 ? 0 : line) * 16;
    return text.start + offset % (text.end - text.start);
}

bool Machine::skip_ended(const char* what, std::vector<Event>* sink) {
    const auto facts = [&] { return ProcessEvent{.pid = current_, .other = 0, .count = 0}; };
    if (processes_.size() > 1 && !next_runnable()) {
        add_event(sink, EventSource::Process, EventKind::Skipped, true, 0, [&] {
            return std::string("Every process has ended, so '") + what + "' does not run: there is nothing left to run it in.";
        }, facts);
        return false;
    }
    add_event(sink, EventSource::Process, EventKind::Skipped, false, 0, [&] {
        return "Process " + std::to_string(current_) + " has already ended (" + process_end_name(current().end) +
               "), so '" + what + "' does not run.";
    }, facts);
    return false;
}

bool Machine::call(const std::string& function, const std::vector<stack::Variable>& arguments,
                   const std::vector<stack::Variable>& locals, std::uint64_t return_address, std::vector<Event>* sink) {
    if (!require_running("call", sink)) return false;
    Process& process = running_process();
    const std::uint32_t word = process.stack.config().word_size;
    std::vector<stack::Variable> sized = arguments;
    for (auto& a : sized) {
        if (a.size == 0) a.size = word;
    }
    const stack::CallOutcome outcome = process.stack.call(function, sized, locals, return_address);
    if (outcome.overflow) {
        ++errors_.stack_overflows;
        add_event(sink, EventSource::Stack, EventKind::StackOverflow, true, outcome.fault_address,
                  [&] { return explain_stack_overflow(function, outcome, process.stack); },
                  [&] { return stack_event(function, process.stack); });
        end_process(ProcessEnd::StackOverflow, outcome.fault_address, sink, false);
        return false;
    }
    add_event(sink, EventSource::Stack, EventKind::Call, false, process.stack.frame_pointer(),
              [&] { return explain_call(process.stack.frames().back(), process.stack, arguments); },
              [&] {
                  const stack::Frame& frame = process.stack.frames().back();
                  StackEvent e = stack_event(function, process.stack);
                  e.frame_pointer = frame.frame_pointer;
                  e.return_address = frame.return_address;
                  e.bytes = frame.caller_stack_pointer - frame.stack_pointer;
                  return e;
              });
    for (const stack::StackAccess& a : outcome.accesses) {
        if (!access(a.address, a.size, vm::AccessKind::Write, sink)) return false;
        running_process().memory.write(a.address, a.size, a.value);
    }
    return true;
}

bool Machine::ret(std::vector<Event>* sink) {
    if (!require_running("return", sink)) return false;
    Process& process = running_process();
    if (process.stack.frames().empty()) {
        add_event(sink, EventSource::Stack, EventKind::ReturnWithoutCall, true, 0,
                  [] { return std::string("There is no function to return from: the stack has no frames."); });
        return false;
    }
    // The epilogue reads the saved frame pointer, then `ret` reads the return address.
    const std::uint64_t fp = process.stack.frames().back().frame_pointer;
    const std::uint32_t word = process.stack.config().word_size;
    if (!access(fp, word, vm::AccessKind::Read, sink) || !access(fp + word, word, vm::AccessKind::Read, sink)) return false;
    const auto popped = running_process().stack.ret();
    add_event(sink, EventSource::Stack, EventKind::Return, false, popped->return_address,
              [&] { return explain_return(return_event(popped->frame, running_process().stack)); },
              [&] { return return_event(popped->frame, running_process().stack); });
    return true;
}

std::optional<std::uint64_t> Machine::add_local(const stack::Variable& local, std::vector<Event>* sink) {
    if (!require_running("local", sink)) return std::nullopt;
    Process& process = running_process();
    if (process.stack.frames().empty()) {
        add_event(sink, EventSource::Stack, EventKind::LocalOutsideFunction, true, 0, [&] {
            return "'" + local.name + "' cannot be added: no function is running, so there is no frame to hold it.";
        });
        return std::nullopt;
    }
    const stack::LocalOutcome outcome = process.stack.add_local(local);
    if (outcome.overflow) {
        ++errors_.stack_overflows;
        stack::CallOutcome as_call{.overflow = true, .fault_address = outcome.fault_address, .fault_slot = local.name, .accesses = {}};
        add_event(sink, EventSource::Stack, EventKind::StackOverflow, true, outcome.fault_address,
                  [&] { return explain_stack_overflow(process.stack.frames().back().function, as_call, process.stack); },
                  [&] { return stack_event(process.stack.frames().back().function, process.stack); });
        end_process(ProcessEnd::StackOverflow, outcome.fault_address, sink, false);
        return std::nullopt;
    }
    add_event(sink, EventSource::Stack, EventKind::Local, false, outcome.address,
              [&] {
                  return "The frame of " + process.stack.frames().back().function + " grows by " + std::to_string(local.size) +
                         " bytes for '" + local.name + "' at " + hex(outcome.address) + "; SP moves down to " +
                         hex(process.stack.stack_pointer()) + ".";
              },
              [&] {
                  StackEvent e = stack_event(process.stack.frames().back().function, process.stack);
                  e.bytes = local.size;
                  return e;
              });
    return outcome.address;
}

std::optional<std::uint64_t> Machine::push_array(const std::string& name, std::uint64_t bytes, std::vector<Event>* sink) {
    if (!require_running("array", sink)) return std::nullopt;
    Process& process = running_process();
    if (process.stack.frames().empty()) return std::nullopt;
    const std::string& function = process.stack.frames().back().function;
    const stack::LocalOutcome outcome = process.stack.push_array(name, bytes);
    if (outcome.overflow) {
        ++errors_.stack_overflows;
        const stack::CallOutcome as_call{.overflow = true, .fault_address = outcome.fault_address,
                                         .fault_slot = "the array '" + name + "' of " + std::to_string(bytes) + " bytes", .accesses = {}};
        add_event(sink, EventSource::Stack, EventKind::StackOverflow, true, outcome.fault_address,
                  [&] { return explain_stack_overflow(function, as_call, process.stack); },
                  [&] { return stack_event(function, process.stack); });
        end_process(ProcessEnd::StackOverflow, outcome.fault_address, sink, false);
        return std::nullopt;
    }
    add_event(sink, EventSource::Stack, EventKind::Local, false, outcome.address,
              [&] {
                  return "The frame of " + function + " grows by " + std::to_string(process.stack.frames().back().slots.back().size) +
                         " bytes for the variable-length array '" + name + "' at " + hex(outcome.address) +
                         " (its size rounded up to 16, as gcc does); SP moves down to " + hex(process.stack.stack_pointer()) + ".";
              },
              [&] {
                  StackEvent e = stack_event(function, process.stack);
                  e.bytes = bytes;
                  return e;
              });
    return outcome.address;
}

void Machine::pop_array(std::uint64_t address) {
    if (running()) running_process().stack.pop_array(address);
}

bool Machine::set_local(const std::string& name, std::uint64_t value, std::vector<Event>* sink) {
    if (!require_running("set", sink)) return false;
    Process& process = running_process();
    const stack::Slot* slot = process.stack.frames().empty() ? nullptr : process.stack.frames().back().find(name);
    if (slot == nullptr) {
        add_event(sink, EventSource::Stack, EventKind::NoSuchLocal, true, 0, [&] {
            return "'" + name + "' is not a local or argument of the current function, so nothing is stored.";
        });
        return false;
    }
    const std::uint64_t address = slot->address;
    const std::uint32_t size = std::min<std::uint32_t>(slot->size, 8);
    if (!store(address, size, value, sink)) return false;
    running_process().stack.set_value(name, value);
    return true;
}

bool Machine::switch_to(std::uint32_t pid, std::vector<Event>* sink) {
    if (pid >= processes_.size()) {
        add_event(sink, EventSource::Process, EventKind::NoSuchProcess, true, 0, [&] {
            return "There is no process " + std::to_string(pid) + "; the machine has processes 0 to " +
                   std::to_string(processes_.size() - 1) + ", so the switch does not happen.";
        }, [&] { return ProcessEvent{.pid = pid, .other = current_, .count = 0}; });
        return false;
    }
    if (processes_[pid].end != ProcessEnd::Running) {
        add_event(sink, EventSource::Process, EventKind::SwitchToEnded, true, 0, [&] {
            return "Process " + std::to_string(pid) + " has already ended (" + process_end_name(processes_[pid].end) +
                   "), so the OS cannot run it; process " + std::to_string(current_) + " stays current.";
        }, [&] { return ProcessEvent{.pid = pid, .other = current_, .count = 0}; });
        return false;
    }
    std::vector<vm::MmuEvent> vm_events;
    mmu_.switch_to(pid, sink ? &vm_events : nullptr);
    const std::uint32_t previous = current_;
    current_ = pid;
    add_event(sink, EventSource::Process, EventKind::Switch, false, 0, [&] {
        return "The OS switches from process " + std::to_string(previous) + " to process " + std::to_string(pid) + ". " +
               (config_.mmu.asid ? "TLB entries are tagged with the process's ASID, so they stay."
                                 : "The TLB holds no process tags, so it is flushed.");
    }, [&] { return ProcessEvent{.pid = pid, .other = previous, .count = 0}; });
    for (const vm::MmuEvent& e : vm_events) {
        if (e.kind != vm::MmuEventKind::TlbFlush) continue;
        add_event(sink, EventSource::Vm, EventKind::TlbFlush, false, 0, [&] { return vm::explain(e, config_.mmu.policy.kind); },
                  [&] { return e; });
    }
    return true;
}

std::optional<std::uint32_t> Machine::next_runnable() const {
    const auto n = static_cast<std::uint32_t>(processes_.size());
    for (std::uint32_t i = 1; i <= n; ++i) {
        const std::uint32_t pid = (current_ + i) % n;
        if (processes_[pid].end == ProcessEnd::Running) return pid;
    }
    return std::nullopt;
}

std::optional<std::uint32_t> Machine::fork(std::vector<Event>* sink) {
    if (!require_running("fork", sink)) return std::nullopt;
    if (processes_.size() >= 64) {
        add_event(sink, EventSource::Process, EventKind::ForkFailed, true, 0, [] {
            return std::string("fork fails: the machine already has 64 processes, its limit, so no child is made (fork returns -1).");
        }, [&] { return ProcessEvent{.pid = current_, .other = 0, .count = 0}; });
        return std::nullopt;
    }
    const vm::ForkOutcome outcome = mmu_.fork(current_);
    Process child = running_process();  // stack, heap state, registers and contents (shared pages)
    child.pid = outcome.child;
    processes_.push_back(std::move(child));
    add_event(sink, EventSource::Process, EventKind::Fork, false, 0, [&] { return explain_fork(current_, outcome); },
              [&] { return ProcessEvent{.pid = current_, .other = outcome.child, .count = 0}; });
    return outcome.child;
}

void Machine::exit(const std::vector<std::uint64_t>& registers, std::vector<Event>* sink) {
    if (!require_running("exit", sink)) return;
    Process& process = running_process();
    // Valgrind's verdict on every block still allocated (see reachability.hpp).
    std::vector<heap::BlockView> live;
    for (const heap::BlockView& b : process.heap.blocks()) {
        if (b.allocated) live.push_back(b);
    }
    const auto reach = classify_blocks(live, program_roots(layout_, process.stack.stack_pointer(), process.stack.config().top),
                                       process.memory, process.stack.config().word_size, registers);
    std::array<std::uint64_t, 4> bytes{}, blocks{};
    for (std::size_t i = 0; i < live.size(); ++i) {
        const heap::HeapEvent leak{.kind = heap::HeapEventKind::Leak, .op = 0, .addr = live[i].payload,
                                   .size = live[i].requested, .other = heap::leak_code(reach_name(reach[i])), .searched = 0};
        bytes[static_cast<std::size_t>(reach[i])] += leak.size;
        ++blocks[static_cast<std::size_t>(reach[i])];
        add_heap_event(sink, leak);
    }
    if (!live.empty()) ++errors_.heap_errors;
    process.end = ProcessEnd::Exited;
    std::string summary;
    for (const Reach r : {Reach::DefinitelyLost, Reach::IndirectlyLost, Reach::Possible, Reach::Reachable}) {
        const auto k = static_cast<std::size_t>(r);
        if (blocks[k] == 0) continue;
        summary += std::string(summary.empty() ? "" : ", ") + (r == Reach::Reachable ? "still reachable" : reach_name(r)) + " " +
                   std::to_string(bytes[k]) + " bytes in " + std::to_string(blocks[k]) + " block(s)";
    }
    add_event(sink, EventSource::Process, EventKind::Exit, false, 0, [&] {
        return "Process " + std::to_string(current_) + " exits. " +
               (live.empty() ? std::string("Every heap block was freed: no leaks.")
                             : std::to_string(live.size()) + " heap block(s) were never freed (as Valgrind counts them: " +
                                   summary + "). The OS takes the memory back at exit, but a long-running program would "
                                   "keep losing it.");
    }, [&] { return ProcessEvent{.pid = current_, .other = 0, .count = live.size()}; });
    release_memory(sink);
}

void Machine::release_memory(std::vector<Event>* sink) {
    const vm::ReleaseOutcome outcome = mmu_.release(current_);
    add_event(sink, EventSource::Vm, EventKind::Release, false, 0, [&] { return explain_release(current_, outcome); },
              [&] { return ProcessEvent{.pid = current_, .other = 0, .count = outcome.freed_frames.size()}; });
}

void Machine::abort(const std::string& reason, std::vector<Event>* sink) {
    if (!running()) return;
    running_process().end = ProcessEnd::Aborted;
    add_event(sink, EventSource::Process, EventKind::Aborted, true, 0,
              [&] { return "The C library stops process " + std::to_string(current_) + ": " + reason; },
              [&] { return ProcessEvent{.pid = current_, .other = 0, .count = 0}; });
    release_memory(sink);
}

void Machine::stop(const std::string& reason, std::vector<Event>* sink) {
    if (!running()) return;
    running_process().end = ProcessEnd::Aborted;
    add_event(sink, EventSource::Process, EventKind::Stopped, true, 0,
              [&] { return "The OS ends process " + std::to_string(current_) + ": its program cannot go on (" + reason + ")."; },
              [&] { return ProcessEvent{.pid = current_, .other = 0, .count = 0}; });
    release_memory(sink);
}

void Machine::end_process(ProcessEnd end, std::uint64_t address, std::vector<Event>* sink, bool announce) {
    running_process().end = end;
    if (announce) {
        add_event(sink, EventSource::Process, EventKind::Killed, true, address, [&] {
            return "The OS ends process " + std::to_string(current_) + " (" + process_end_name(end) + " at " + hex(address) + ").";
        }, [&] { return ProcessEvent{.pid = current_, .other = 0, .count = 0}; });
    }
    release_memory(sink);
}

std::vector<std::string> Machine::check_invariants() const {
    std::vector<std::string> problems = mmu_.check_invariants();
    for (const Process& process : processes_) {
        for (const auto& violation : process.heap.check()) {
            problems.push_back("process " + std::to_string(process.pid) + " heap: " + violation.message);
        }
    }
    return problems;
}

}  // namespace memsim::machine
