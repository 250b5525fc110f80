#pragma once
// What the MiniC interpreter needs from the machine it runs on.
//
// The interpreter knows the program: statements, expressions, types, which variable
// lives where. The host knows memory: it turns every load and store into accesses to
// the simulated address space (through the MMU, on the real machine), builds call frames
// on the simulated stack, runs the heap allocator, and decides what a bad access means.
//
//   interpreter                          host (the machine)
//   -----------                          ------------------
//   x = *p;          -- load(p, 4)  -->   MMU: TLB, page table, fault? segfault?
//                    <-- value, or "segmentation fault: 0x0 is NULL", stop
//   f(1, 2)          -- call(...)   -->   stack: arguments, return address, saved FP,
//                    <-- addresses of      locals; or "stack overflow", stop
//                        params/locals
//   malloc(24)       -- malloc(24)  -->   allocator, brk
//
// Every answer may carry a Report: a learner error in plain words (use after free,
// double free, heap overflow, uninitialised read...) and whether the program must stop.
// The interpreter turns reports into events; the host may record its own events too.
//
// The interpreter never stores the host: it is passed to each step by reference, so the
// interpreter state stays a plain value the machine can copy for stepping back.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/stack/call_stack.hpp"

namespace memsim::minic {

// What the machine says about an operation beyond its result.
struct Report {
    bool stop = false;      // the program cannot go on (segfault, stack overflow, ...)
    std::string problem{};  // a learner error in plain words; empty when all went well
    // `problem` is the host's own explanation of an event it has already reported (the
    // machine's segfault, say), so whoever lists both can leave the program's copy out.
    bool host_explained = false;
    // The machine wants this memory event (a page fault, say) to end the step: the
    // interpreter finishes the instruction and stops before the next memory operation,
    // so one step is one statement or one memory event.
    bool end_step = false;
    // The step ends right after this call, before the next instruction: fork and yield
    // change which process runs, so the machine must get control back at once.
    bool end_step_now = false;
};

// The result of a load: the value (little-endian, zero-extended) and what went wrong.
struct LoadResult {
    std::uint64_t value = 0;
    bool uninitialized = false;  // some byte read was never written (not fatal)
    Report report;
};

// A result that is one number: an address from malloc, a process id from fork.
struct ValueResult {
    std::uint64_t value = 0;
    Report report;
};

// A call to build a frame for: the arguments with their values (in order), the locals
// (uninitialised), and where the caller resumes. Shapes match stack::CallStack::call.
struct CallRequest {
    std::string function{};
    std::vector<stack::Variable> arguments{};
    std::vector<stack::Variable> locals{};
    std::uint64_t return_address = 0;
};

// Where the frame put each argument and local (same order as the request).
struct CallResult {
    std::vector<std::uint64_t> argument_addresses{};
    std::vector<std::uint64_t> local_addresses{};
    Report report;  // stop = true on a stack overflow (nothing was pushed)
};

// A global variable to place in data (some byte non-zero) or bss (all zero).
struct StaticData {
    std::string name{};
    std::uint64_t size = 0;
    std::uint64_t align = 1;
    std::vector<std::uint8_t> bytes{};  // initial image: the first bytes; the rest up to `size` is zero
};

class Host {
public:
    virtual ~Host() = default;

    // Reads `size` bytes (1, 2, 4 or 8) at `vaddr`.
    virtual LoadResult load(std::uint64_t vaddr, std::uint32_t size) = 0;
    // Writes the low `size` bytes of `value` at `vaddr`.
    virtual Report store(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) = 0;

    // Pushes a frame (arguments, return address, saved frame pointer, locals).
    virtual CallResult call(const CallRequest& request) = 0;
    // Pops the current frame.
    virtual Report ret() = 0;
    // Grows the current frame by a variable-length array of `bytes` (`int a[n];` as it
    // runs): as gcc does, SP moves down by the size rounded up to 16 and the array starts at
    // the new SP. Returns its address, or a stack overflow (stop) when it does not fit.
    virtual ValueResult push_array(const std::string& name, std::uint64_t bytes) = 0;
    // Releases the variable-length array at `address` and any pushed after it: SP returns to
    // where it was before it (its block ended, or its declaration runs again in a loop).
    virtual Report pop_array(std::uint64_t address) = 0;

    // The C library's allocator.
    virtual ValueResult malloc(std::uint64_t size) = 0;
    virtual ValueResult calloc(std::uint64_t count, std::uint64_t size) = 0;
    virtual ValueResult realloc(std::uint64_t vaddr, std::uint64_t size) = 0;
    virtual Report free(std::uint64_t vaddr) = 0;

    // Places a global in data or bss; returns its address. Called before main starts.
    virtual std::uint64_t place_global(const StaticData& data) = 0;
    // Places a string literal (a NUL is added) in read-only data; returns its address.
    virtual std::uint64_t place_string(const std::string& bytes) = 0;
    // Places argc, argv and the argument strings at the top of the stack, as Linux's
    // execve does, before main is called: argv's address, or a stop when they do not fit
    // (a stack overflow before main). A host without a modelled stack top says nothing
    // (nullopt), and the interpreter puts argv in static data instead.
    virtual std::optional<ValueResult> place_arguments(const std::vector<std::string>& arguments) {
        (void)arguments;
        return std::nullopt;
    }
    // The code address of a source line (return addresses point there); 0 = before main.
    virtual std::uint64_t code_address(int line) const = 0;

    // Text printed by the program on stdout (printf, puts, putchar).
    virtual void output(std::string_view text) = 0;
    // Text printed on stderr (fprintf(stderr, ...), a failed assert): by default it goes
    // to the same console, as in a terminal.
    virtual void error_output(std::string_view text) { output(text); }

    // Simulator calls: fork the process (the parent gets the child's id, the child 0),
    // switch to another process, and walk `bytes` bytes from `vaddr` touching each page.
    virtual ValueResult fork() = 0;
    virtual Report yield() = 0;
    virtual Report touch(std::uint64_t vaddr, std::uint64_t bytes) = 0;

    // The program ended with this exit code; the report may name leaks.
    virtual Report exit(int code) = 0;
};

}  // namespace memsim::minic
