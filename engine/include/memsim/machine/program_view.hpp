#pragma once
// A C program's memory as a person draws it: every variable with its type and value,
// every heap block the program holds with the type it gave it, and every pointer as an
// arrow to what it points at. Everything is read from the process's simulated memory
// (without counting as an access), typed by the program, so the picture is the truth.
//
//   main                      heap
//   +------------------+      +--------------------+      +--------------------+
//   | list  0x4052a0 *-+----->| struct node        |  +-->| struct node        |
//   | i     3          |      |  value 30          |  |   |  value 20          |
//   +------------------+      |  next  0x405280 *--+--+   |  next  NULL   [x]  |
//                             +--------------------+      +--------------------+
//
// An arrow's target says what kind of memory it lands in: a live heap block, a live
// stack frame, a global, a string literal, code (a function), a freed block, a frame
// that has returned (a dangling pointer), NULL, or anywhere else (wild).
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/reachability.hpp"

namespace memsim::minic {
class Interpreter;
}

namespace memsim::machine {

class Machine;
struct Process;

// A value of C type read from memory: a scalar, or a struct or array with its members.
struct ValueView {
    std::string name{};            // "sum", "next", "[2]"
    std::string type{};            // the C type as written: "struct node *", "int[4]"
    std::uint64_t address = 0;
    std::uint64_t size = 0;      // bytes
    std::uint64_t offset = 0;    // from the start of its variable or block
    std::uint64_t value = 0;     // scalars: the bits, zero-extended
    bool is_signed = false;      // value is a signed integer (read it sign-extended)
    bool is_pointer = false;
    bool initialized = false;    // every byte was written (composites: every member)
    std::string text{};            // the value as C prints it: "-3", "0x4052a0", "NULL", "'a'", "\"hi\""
    std::vector<ValueView> fields{};      // a struct's members, in order
    std::vector<ValueView> elements{};    // an array's elements, the first `max_elements`
    std::uint64_t elements_omitted = 0; // elements of a large array left out
};

// The variables of one active call.
struct FrameVariables {
    std::string function{};
    std::vector<ValueView> variables{};  // parameters first, then locals in declaration order
};

// One block the program holds on the heap, read as its type.
struct HeapObject {
    std::uint64_t payload = 0;
    std::uint64_t size = 0;            // bytes requested
    std::string type{};                  // "struct node", "char[]", "int[10]"; "" until typed
    ValueView value;                   // the contents as that type (no members when untyped)
    std::vector<std::string> names{};    // the pointers that point into it now ("main.list", "0x4052a0.next")
    Reach reach = Reach::Reachable;    // Valgrind's verdict at this step
};

// Where a pointer points.
enum class PointerTarget : std::uint8_t { Heap, Stack, Global, String, Code, Freed, Popped, Null, Wild };

// One arrow of the diagram: a pointer and what it points at.
struct DiagramEdge {
    std::uint64_t from = 0;            // the address of the pointer itself
    std::string from_name{};             // "main.head", "0x4052a0.next", "push.n", "names[1]"
    std::uint64_t to = 0;              // the pointer's value
    PointerTarget target = PointerTarget::Wild;
};

// A string literal in read-only data.
struct StringLiteral {
    std::uint64_t address = 0;
    std::string text{};
};

// The whole picture of one process's program at one step.
struct ProgramView {
    std::vector<ValueView> globals{};
    std::vector<FrameVariables> frames{};   // oldest first, one per stack frame
    std::vector<HeapObject> blocks{};       // allocated blocks in address order
    std::vector<StringLiteral> strings{};
    std::vector<DiagramEdge> edges{};
};

// Elements of one array shown before the rest are counted as omitted.
inline constexpr std::uint64_t max_elements = 64;

// Reads the picture of `process`, whose program is `program`.
ProgramView read_program_view(const Machine& machine, const Process& process, const minic::Interpreter& program);

// The value of the program's type `type` (a minic::TypeId) at `address` in the process's
// memory, read without counting an access.
ValueView read_value(const Process& process, const minic::Interpreter& program, std::uint32_t type, std::uint64_t address);

// A value on one line, as a debugger prints it: "{x = 1, y = 2}", "{1, 2, 3}", "\"hi\"",
// "0x4052a0"; after `max_members` members of a struct or array, "...". Uninitialised
// scalars show as "?".
std::string value_summary(const ValueView& v, std::size_t max_members = 4);

// "heap", "stack", "global", "string", "code", "freed", "popped", "null", "wild".
const char* pointer_target_name(PointerTarget target);

}  // namespace memsim::machine
