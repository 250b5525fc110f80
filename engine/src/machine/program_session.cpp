#include "memsim/machine/program_session.hpp"

#include <algorithm>
#include <cstdio>

#include "machine_host.hpp"
#include "memsim/core/arithmetic.hpp"
#include "memsim/core/text.hpp"
#include "memsim/machine/explain.hpp"
#include "memsim/machine/program_view.hpp"
#include "memsim/machine/reachability.hpp"

namespace memsim::machine {
namespace {

// What a function returned, as C shows it (the interpreter's text); a struct returned by
// value is read from the caller's slot it was copied into: "the struct point {x = 1, y = 2}".
std::string returned_text(const minic::Event& e, const Process& process, const minic::Interpreter& program) {
    const minic::Program& p = program.program().program;
    const std::int32_t f = p.find_function(e.function);
    if (f < 0) return e.text;
    const minic::TypeId type = p.functions[static_cast<std::size_t>(f)].return_type;
    if (!p.types.is_struct(type)) return e.text;
    const auto slot = static_cast<std::uint64_t>(e.value);
    return "the " + p.types.name(type) + " " + value_summary(read_value(process, program, type, slot)) +
           " (copied into the caller's frame at " + hex(slot) + ")";
}

// Region sizes that hold the program's globals, strings and code lines.
ProgramSizes sizes_for(const minic::CompiledProgram& program, int last_line, std::uint64_t page_size) {
    ProgramSizes sizes;
    std::uint64_t globals = 0;
    for (const auto& g : program.program.globals) {
        globals += round_up_to_multiple(std::max<std::uint64_t>(program.program.types.size_of(g.type), 1), 16);
    }
    std::uint64_t strings = 0;
    for (const auto& s : program.program.strings) strings += s.size() + 1;
    const minic::LibraryUse library = minic::library_use(program);
    globals += library.static_bytes();
    strings += library.string_bytes();
    sizes.text = round_up_to_multiple(static_cast<std::uint64_t>(last_line + 2) * 16, page_size);
    sizes.read_only_data = round_up_to_multiple(strings + 1, page_size);
    sizes.data = round_up_to_multiple(globals + 1, page_size);
    sizes.bss = round_up_to_multiple(globals + 1, page_size);
    return sizes;
}

// The payloads of the blocks of `process` that no pointer reaches (Valgrind's "lost").
std::vector<std::uint64_t> lost_blocks(const Machine& machine, const Process& process, const minic::Interpreter& program) {
    std::vector<heap::BlockView> live;
    for (const heap::BlockView& b : process.heap.blocks()) {
        if (b.allocated) live.push_back(b);
    }
    if (live.empty()) return {};
    const auto reach = classify_blocks(live, program_roots(machine.layout(), process.stack.stack_pointer(), process.stack.config().top),
                                       process.memory, process.stack.config().word_size, program.operands());
    std::vector<std::uint64_t> lost;
    for (std::size_t i = 0; i < live.size(); ++i) {
        if (is_lost(reach[i])) lost.push_back(live[i].payload);
    }
    std::sort(lost.begin(), lost.end());
    return lost;
}

Event program_event(const minic::Event& e, std::uint32_t pid) {
    return Event{.source = EventSource::Program, .kind = kind_of(e.kind), .text = minic::explain(e),
                 .is_error = minic::is_learner_error(e), .step = 0, .line = e.line, .process = pid, .address = e.address,
                 .data = e};
}

}  // namespace

ProgramSession::ProgramSession(Machine machine, minic::Interpreter interpreter)
    : machine_(std::move(machine)) {
    for (std::uint32_t pid = 0; pid < machine_.processes().size(); ++pid) programs_.push_back(interpreter);
    for (const Region& r : machine_.layout().regions) {
        if (r.kind == RegionKind::Data) image_.data_next = r.start;
        if (r.kind == RegionKind::Bss) image_.bss_next = r.start;
        if (r.kind == RegionKind::ReadOnlyData) image_.rodata_next = r.start;
    }
}

Result<ProgramSession> ProgramSession::create(MachineConfig config, const std::string& source, int first_line,
                                              std::uint64_t step_limit, const ProgramInput& input) {
    const std::vector<std::string> args = input.args.value_or(std::vector<std::string>{});
    const auto stdin_text = std::make_shared<const std::string>(input.stdin_text.value_or(""));
    if (const std::string why = minic::check_program_input(args, stdin_text->size()); !why.empty()) return fail(why);
    const minic::DataModel model = config.address_bits == 32 || config.address_bits < 32 ? minic::DataModel::Ilp32
                                                                                         : minic::DataModel::Lp64;
    auto program = minic::compile(source, minic::CompileOptions{.model = model, .first_line = first_line});
    if (!program) return tl::unexpected(program.error());
    const int last_line = first_line + static_cast<int>(std::count(source.begin(), source.end(), '\n'));
    config.program = sizes_for(**program, last_line, config.page_size);
    auto machine = Machine::create(config);
    if (!machine) return tl::unexpected(machine.error());
    minic::Interpreter interpreter(*program, minic::InterpreterConfig{.step_limit = step_limit, .statement_events = true,
                                                                     .stdin_text = stdin_text, .args = args});
    return ProgramSession(std::move(*machine), std::move(interpreter));
}

void ProgramSession::advance(std::vector<Event>* sink) {
    if (done()) return;
    minic::Interpreter& program = programs_[machine_.current_pid()];
    const int line_before = program.current_line();
    const std::uint32_t stepping_pid = machine_.current_pid();
    if (sink == nullptr) {
        lost_valid_ = false;
    } else if (!lost_valid_ || lost_pid_ != stepping_pid) {
        lost_before_ = lost_blocks(machine_, machine_.current(), programs_[stepping_pid]);
        lost_pid_ = stepping_pid;
    }
    std::vector<minic::Event> program_events;
    std::vector<Event> machine_events;
    MachineHost host(machine_, image_, sink ? &machine_events : nullptr);
    program.step(host, sink ? &program_events : nullptr);
    if (const auto child = host.forked_child()) {
        programs_.push_back(program);  // the child's pid is the next index
        programs_.back().replace_call_result(0);
    }
    const std::uint32_t pid = machine_.current_pid();
    std::vector<Event> scheduling;
    schedule(host.yielded(), sink ? &scheduling : nullptr);
    if (sink == nullptr) return;
    // Machine events belong to the statement this step ran.
    int line = line_before;
    for (const minic::Event& e : program_events) {
        if (e.kind == minic::EventKind::Statement || e.kind == minic::EventKind::Started) line = e.line;
    }
    // The statement first, then what the machine did for it, then output and errors.
    for (const minic::Event& e : program_events) {
        if (e.kind == minic::EventKind::Statement || e.kind == minic::EventKind::Started) sink->push_back(program_event(e, pid));
    }
    for (Event& e : machine_events) {
        e.line = line;
        // The machine explains frames; the interpreter knows the value a function returned.
        if (auto* popped = std::get_if<StackEvent>(&e.data); popped && e.kind == EventKind::Return) {
            const auto value = std::find_if(program_events.begin(), program_events.end(), [&](const minic::Event& p) {
                return p.kind == minic::EventKind::Return && p.function == popped->function;
            });
            if (value != program_events.end()) {
                popped->returned = value->value;
                popped->returned_text = returned_text(*value, machine_.processes()[stepping_pid], programs_[stepping_pid]);
                e.text = explain_return(*popped);
            }
        }
        sink->push_back(std::move(e));
    }
    for (const minic::Event& e : program_events) {
        // Statements were listed first; calls and returns are explained by the machine.
        if (e.kind == minic::EventKind::Statement || e.kind == minic::EventKind::Started ||
            e.kind == minic::EventKind::Call || e.kind == minic::EventKind::Return) {
            continue;
        }
        // The machine already explained its own problems; keep only the interpreter's.
        if (e.kind == minic::EventKind::MemoryProblem && e.host_explained) continue;
        sink->push_back(program_event(e, pid));
    }
    if (programs_[stepping_pid].running()) report_new_leaks(stepping_pid, line, *sink);
    // Which process runs next is the last thing a step does.
    for (Event& e : scheduling) {
        e.line = line;
        sink->push_back(std::move(e));
    }
}

}  // namespace memsim::machine

namespace memsim::machine {

void ProgramSession::report_new_leaks(std::uint32_t pid, int line, std::vector<Event>& sink) {
    const Process& process = machine_.processes()[pid];
    std::vector<std::uint64_t> lost = process.end == ProcessEnd::Running ? lost_blocks(machine_, process, programs_[pid]) : std::vector<std::uint64_t>{};
    for (std::uint64_t payload : lost) {
        if (std::binary_search(lost_before_.begin(), lost_before_.end(), payload)) continue;
        std::uint64_t size = 0;
        for (const heap::BlockView& b : process.heap.blocks()) {
            if (b.payload == payload) size = b.requested;
        }
        sink.push_back(Event{.source = EventSource::Heap, .kind = EventKind::Unreachable,
                             .text = "Nothing points to the block at " + hex(payload) + " (" + std::to_string(size) +
                                     " bytes) any more: it has leaked. It stays allocated until the process exits, and the "
                                     "program can never free it.",
                             .is_error = true, .step = 0, .line = line, .process = pid, .address = payload});
    }
    lost_before_ = std::move(lost);
    lost_pid_ = pid;
    lost_valid_ = true;
}

// After a step: a process that yielded, or whose program ended, hands the CPU to the
// next one that can run. A program that stopped without ending its process (division
// by zero) cannot run on, so its process ends here too.
void ProgramSession::schedule(bool yielded, std::vector<Event>* sink) {
    const minic::Interpreter& program = programs_[machine_.current_pid()];
    const bool ended = program.status() == minic::Status::Exited || program.status() == minic::Status::Stopped;
    if (ended && machine_.running()) machine_.stop(program.stop_reason(), sink);
    if (!yielded && !ended) return;
    const auto next = machine_.next_runnable();
    if (!next || *next == machine_.current_pid()) {
        if (yielded && sink) {
            sink->push_back(Event{.source = EventSource::Process, .kind = EventKind::Yield,
                                  .text = "Process " + std::to_string(machine_.current_pid()) +
                                          " yields, but no other process is ready to run, so it goes on.",
                                  .process = machine_.current_pid(),
                                  .data = ProcessEvent{.pid = machine_.current_pid(), .other = 0, .count = 0}});
        }
        return;
    }
    machine_.switch_to(*next, sink);
}

}  // namespace memsim::machine
