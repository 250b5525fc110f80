#pragma once
// The `ops` body of a scenario: an explicit list of what a program does, one operation
// per line. It drives the machine without a program, for lessons that are about memory,
// not code.
//
//   call main                          # push a frame for main (no arguments)
//   call fact(n=3) locals(result:4)    # arguments name=value, locals name:bytes
//   local buf 64                       # grow the current frame by a 64-byte local
//   set result 6                       # store a value into a local or argument
//   return                             # pop the current frame
//   p = malloc 24                      # names hold addresses returned by the heap
//   q = calloc 4 8
//   p = realloc p 48
//   free p
//   read p+8 4                         # load 4 bytes (address: name, name+N, name-N, 0xADDR)
//   write p 4 = 99                     # store 4 bytes
//   touch p 4096                       # read every byte of a range (write: `touch p 4096 write`)
//   fork                               # copy the running process (copy-on-write); the parent runs on
//   switch 1                           # run process 1 (it must exist by this line: see below)
//   exit                               # the running process exits; the next running one goes on
//
// '#' starts a comment. Names must be defined (by malloc, calloc, realloc, call
// arguments or locals) before use; anything else is an error with line and column.
// Process ids: the `processes` of the scenario are 0..n-1, each fork adds the next id;
// `switch` to an id that cannot exist yet is an error at its column. Names are shared by
// every process (fork copies the address space, so the same addresses are valid).
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/stack/call_stack.hpp"

namespace memsim::machine {

enum class OpKind { Call, Local, Set, Return, Malloc, Calloc, Realloc, Free, Read, Write, Touch, Fork, Switch, Exit };

// An address in an operation: a name plus an offset, or an absolute address.
struct AddressExpr {
    std::string name;          // empty: `absolute` holds the address
    std::uint64_t absolute = 0;
    std::int64_t offset = 0;

    bool operator==(const AddressExpr&) const = default;
};

// One operation with its source line. Fields unused by a kind keep their defaults.
struct Op {
    OpKind kind = OpKind::Return;
    int line = 0;
    std::string target;                       // Malloc/Calloc/Realloc: the name assigned; Set/Local: the slot
    std::string function;                     // Call
    std::vector<stack::Variable> arguments;   // Call
    std::vector<stack::Variable> locals;      // Call; Local holds one
    std::uint64_t size = 0;                   // bytes (malloc, calloc element, read, write, touch, local)
    std::uint64_t count = 0;                  // Calloc: number of elements
    std::uint64_t value = 0;                  // Set, Write
    AddressExpr address;                      // Free, Realloc (source), Read, Write, Touch
    bool write = false;                       // Touch: write every byte instead of reading
    std::uint32_t process = 0;                // Switch

    bool operator==(const Op&) const = default;
};

// Limits that keep a pasted file from asking for absurd work.
struct OpsLimits {
    std::uint64_t max_ops = 1'000'000;
    std::uint64_t max_size = 1ull << 32;      // bytes in one malloc, touch, local
    std::uint32_t max_processes = 64;
    std::uint32_t processes = 64;             // processes at the start: `switch` may name these and forked ones
};

// Parses an ops body. `first_line` is the file line of the body's first line, so errors
// name lines of the whole file.
Result<std::vector<Op>> parse_ops(const std::string& body, int first_line = 1, const OpsLimits& limits = {});

// The operation's keyword ("malloc", "call", ...).
const char* op_name(OpKind kind);

}  // namespace memsim::machine
