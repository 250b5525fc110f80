#pragma once
// A MiniC program running on the machine: the interpreter decides what the program does,
// the machine does it (frames on the stack, malloc on the heap, every load and store
// through the MMU). One step is one statement, or one page fault when a statement's
// memory access faults, so paging shows up as its own step.
//
// Processes: fork() gives the child a copy of the interpreter (its variables live in the
// copied address space) that sees fork() return 0. Scheduling is simple and
// deterministic: the running process runs until it calls yield(), exits or crashes; then
// the next process that can run, in pid order after it (wrapping round), goes on. fork
// does not switch. Once a program has forked, printed lines are tagged "[pid N] ".
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/shared_text.hpp"
#include "memsim/machine/event.hpp"
#include "memsim/machine/machine.hpp"
#include "memsim/minic/code.hpp"
#include "memsim/minic/interpreter.hpp"

namespace memsim::machine {

// What the program has placed so far (the loader's cursors) and printed.
struct ProgramImage {
    std::uint64_t data_next = 0, bss_next = 0, rodata_next = 0;
    SharedText output;  // everything printf and puts wrote (shared between checkpoints)
    std::uint32_t last_writer = 0;  // the process that printed last (for tags)
    bool operator==(const ProgramImage&) const = default;
};

// What a program is given to read: standard input and argv[1..].
struct ProgramInput {
    std::optional<std::string> stdin_text{};
    std::optional<std::vector<std::string>> args{};
};

class ProgramSession {
public:
    // Compiles the body and sizes the address space's regions to the program.
    static Result<ProgramSession> create(MachineConfig config, const std::string& source, int first_line,
                                         std::uint64_t step_limit, const ProgramInput& input = {});

    bool done() const { return !interpreter().running(); }
    int line() const { return interpreter().current_line(); }
    void advance(std::vector<Event>* sink);

    const Machine& machine() const { return machine_; }
    // The running process's program (the last one to run once all have ended).
    const minic::Interpreter& interpreter() const { return programs_[machine_.current_pid()]; }
    // Every process's program, by pid.
    const std::vector<minic::Interpreter>& programs() const { return programs_; }
    // Valid until the next step of any copy of this session.
    std::string_view output() const { return image_.output.view(); }

private:
    ProgramSession(Machine machine, minic::Interpreter interpreter);
    void schedule(bool yielded, std::vector<Event>* sink);
    // Narrated steps say when a block becomes unreachable (a leak from that step on).
    void report_new_leaks(std::uint32_t pid, int line, std::vector<Event>& sink);

    Machine machine_;
    std::vector<minic::Interpreter> programs_;  // one per process, by pid
    ProgramImage image_;
    // The blocks of process `lost_pid_` no pointer reached after the last narrated step;
    // valid only while every step since was narrated.
    std::vector<std::uint64_t> lost_before_;
    std::uint32_t lost_pid_ = 0;
    bool lost_valid_ = false;
};

}  // namespace memsim::machine
