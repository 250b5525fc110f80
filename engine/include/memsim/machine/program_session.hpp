#pragma once
// A MiniC program running on the machine: the interpreter decides what the program does,
// the machine does it (frames on the stack, malloc on the heap, every load and store
// through the MMU). One step is one statement, or one page fault when a statement's
// memory access faults, so paging shows up as its own step.
#include <memory>
#include <string>
#include <vector>

#include "memsim/machine/event.hpp"
#include "memsim/machine/machine.hpp"
#include "memsim/minic/code.hpp"
#include "memsim/minic/interpreter.hpp"

namespace memsim::machine {

// What the program has placed so far (the loader's cursors) and printed.
struct ProgramImage {
    std::uint64_t data_next = 0, bss_next = 0, rodata_next = 0;
    std::string output;  // everything printf and puts wrote
    bool operator==(const ProgramImage&) const = default;
};

class ProgramSession {
public:
    // Compiles the body and sizes the address space's regions to the program.
    static Result<ProgramSession> create(MachineConfig config, const std::string& source, int first_line,
                                         std::uint64_t step_limit);

    bool done() const { return !interpreter_.running(); }
    int line() const { return interpreter_.current_line(); }
    void advance(std::vector<Event>* sink);

    const Machine& machine() const { return machine_; }
    const minic::Interpreter& interpreter() const { return interpreter_; }
    const std::string& output() const { return image_.output; }

private:
    ProgramSession(Machine machine, minic::Interpreter interpreter);

    Machine machine_;
    minic::Interpreter interpreter_;
    ProgramImage image_;
};

}  // namespace memsim::machine
