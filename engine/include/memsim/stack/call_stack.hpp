#pragma once
// The call stack: what a call pushes and a return pops, byte by byte.
//
// The stack grows down from `top`. A call builds a frame in four moves: the caller
// pushes the arguments that do not travel in registers (last argument first), the call
// instruction pushes the return address, the callee pushes the caller's frame pointer
// and points the frame pointer at it, then moves the stack pointer down to make room
// for locals. Return undoes it all in reverse.
//
//   higher addresses
//   +--------------------------+
//   | argument n ... argument 1|  pushed by the caller (right to left)
//   +--------------------------+
//   | return address           |  pushed by `call`
//   +--------------------------+
//   | saved frame pointer      |  <- FP (frame pointer) points here
//   +--------------------------+
//   | locals, padding          |
//   +--------------------------+  <- SP (stack pointer)
//   lower addresses; below top - limit lies the guard page: touching it is a stack overflow.
//
// Calling conventions modelled:
// - Simple: every argument on the stack, one word each, no alignment beyond a word.
// - cdecl (x86-32): 4-byte words, arguments on the stack, the stack pointer is 16-byte
//   aligned at the call, the caller removes the arguments after the return.
// - System V (x86-64): 8-byte words, the first six integer arguments travel in the
//   registers rdi, rsi, rdx, rcx, r8, r9 (the callee stores them in its frame, as
//   unoptimised code does), the rest on the stack; 16-byte alignment at the call.
//
// The stack only computes layouts and the memory writes and reads they cause; the
// machine sends those accesses through the MMU.
//
//   CallStack stack(StackConfig{.top = 0xC0000000, .convention = Convention::Cdecl32});
//   auto pushed = stack.call("fact", {{"n", 4, 3}}, {{"result", 4, 4}}, 0x08048123);
//   if (pushed.overflow) ...;          // nothing was pushed; the guard page was hit
//   auto popped = stack.ret();         // popped.return_address == 0x08048123
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace memsim::stack {

// How arguments travel and how the stack is aligned (see the header comment).
enum class Convention { Simple, Cdecl32, SysV64 };

// Where the stack lives and how big it may grow.
struct StackConfig {
    std::uint64_t top = 0xC0000000;          // one past the highest stack byte; SP starts here
    std::uint64_t limit = 8ull << 20;        // the most bytes the stack may use (ulimit -s)
    std::uint64_t guard_size = 4096;         // bytes of the guard page below the limit
    Convention convention = Convention::Cdecl32;
    std::uint32_t word_size = 4;             // 4 or 8; Cdecl32 forces 4 and SysV64 forces 8

    bool operator==(const StackConfig&) const = default;
};

// What a slot of a frame holds.
enum class SlotKind {
    Argument,           // pushed by the caller
    RegisterArgument,   // arrived in a register; the callee stored it in its frame
    ReturnAddress,      // where execution resumes in the caller
    SavedFramePointer,  // the caller's frame pointer
    Local,              // a local variable
    Padding,            // unused bytes kept for alignment
};

// One named piece of a frame, with its address and current value.
struct Slot {
    SlotKind kind = SlotKind::Local;
    std::string name;            // argument or local name; empty for padding
    std::uint64_t address = 0;   // lowest byte
    std::uint32_t size = 0;      // bytes
    std::uint64_t value = 0;     // for words and small values; memory holds the truth
    bool initialized = false;    // locals start uninitialised
    std::string register_name;   // for RegisterArgument: the register it came in (e.g. "rdi")
    std::string type;            // the C type when a program's snapshot names it ("int *"); else empty

    bool operator==(const Slot&) const = default;
};

// One active call.
struct Frame {
    std::string function;
    std::uint64_t caller_stack_pointer = 0;  // SP before the caller began the call sequence
    std::uint64_t return_address = 0;
    std::uint64_t frame_pointer = 0;         // address of the saved frame pointer slot
    std::uint64_t stack_pointer = 0;         // lowest byte of the frame
    std::vector<Slot> slots;                 // highest address first (push order)

    // The slot named `name` among arguments and locals, if any.
    const Slot* find(const std::string& name) const;
    bool operator==(const Frame&) const = default;
};

// A memory access the stack makes: the machine routes it through the MMU.
struct StackAccess {
    std::uint64_t address = 0;
    std::uint32_t size = 0;
    bool is_write = true;
    std::uint64_t value = 0;
    SlotKind kind = SlotKind::Local;
    std::string name;  // slot name (argument or local) or empty

    bool operator==(const StackAccess&) const = default;
};

// An argument or local to place: its name, size in bytes and (for arguments) value.
struct Variable {
    std::string name;
    std::uint32_t size = 4;
    std::uint64_t value = 0;
    // 0 = natural: 16 for 16 bytes or more, else the largest power of two dividing the
    // size, at most a word (4 for int[3], 1 for char[3]).
    std::uint32_t align = 0;
    // An argument's value as the caller's C type shows it ("-3", "0x7ffe0010", "NULL", "2.5"),
    // for explanations; empty: the value is shown as a number.
    std::string text{};
};

// What a call did: the frame it pushed and the writes it made, or an overflow.
struct CallOutcome {
    bool overflow = false;               // the frame would cross into the guard page
    std::uint64_t fault_address = 0;     // first address written below the limit
    std::string fault_slot;              // which part of the frame hit the guard page
    std::vector<StackAccess> accesses;   // in order; empty on overflow
};

// What a return did: the frame it popped and the reads it made.
struct ReturnOutcome {
    Frame frame;                         // the popped frame
    std::uint64_t return_address = 0;    // where the caller resumes
    std::vector<StackAccess> accesses;   // reads of saved frame pointer and return address
};

// What growing the current frame (a new local) did.
struct LocalOutcome {
    bool overflow = false;
    std::uint64_t address = 0;           // the new local's address (when no overflow)
    std::uint64_t fault_address = 0;
};

class CallStack {
public:
    explicit CallStack(StackConfig config = {});

    // Pushes a frame for `function`: arguments per the convention, the return address,
    // the saved frame pointer, then the locals known at entry. On overflow nothing
    // changes and the outcome names the fault.
    CallOutcome call(const std::string& function, const std::vector<Variable>& arguments,
                     const std::vector<Variable>& locals, std::uint64_t return_address);

    // Adds a local to the current frame (moves SP down). Needs an active frame.
    LocalOutcome add_local(const Variable& local);

    // Adds a variable-length array to the current frame, as gcc places one: SP moves down
    // by `bytes` rounded up to 16 and the array starts at the new SP (its padding above it).
    LocalOutcome push_array(const std::string& name, std::uint64_t bytes);
    // Removes the array at `address` (pushed by push_array) and every slot below it from the
    // current frame; SP returns to where it was before that push. False when none is there.
    bool pop_array(std::uint64_t address);

    // Before the first call: the block the kernel writes at the top of a new process's
    // stack (argc, the argv pointers, their strings), `bytes` long, its slots highest
    // first. SP starts below it. False when a frame exists or the block does not fit.
    bool place_start_block(std::vector<Slot> slots, std::uint64_t bytes);
    // That block's slots (empty when none was placed).
    const std::vector<Slot>& start_block() const { return start_block_; }

    // Pops the current frame; SP returns to where the caller was. Needs an active frame.
    std::optional<ReturnOutcome> ret();

    // Records a store of `value` into the named slot of the current frame (for display).
    bool set_value(const std::string& name, std::uint64_t value);

    const StackConfig& config() const { return config_; }
    const std::vector<Frame>& frames() const { return frames_; }   // oldest first
    std::uint64_t stack_pointer() const { return sp_; }
    std::uint64_t frame_pointer() const { return fp_; }
    // The lowest address the stack may use; the guard page lies just below.
    std::uint64_t limit_floor() const { return config_.top > config_.limit ? config_.top - config_.limit : 0; }
    // Whether `address` lies in the guard page below the limit.
    bool in_guard_page(std::uint64_t address) const;
    // Whether `address` is inside the live stack (between SP and top).
    bool is_live(std::uint64_t address) const { return address >= sp_ && address < config_.top; }
    // The index of the frame holding `address`, if any (0 = oldest).
    std::optional<std::size_t> frame_index_of(std::uint64_t address) const;
    // Bytes in use (top - SP).
    std::uint64_t depth_bytes() const { return config_.top - sp_; }

    bool operator==(const CallStack&) const = default;

private:
    StackConfig config_;
    std::vector<Frame> frames_;
    std::vector<Slot> start_block_;
    std::uint64_t sp_ = 0;
    std::uint64_t fp_ = 0;
};

// "cdecl (x86-32)" style names for conventions and slot kinds, for explanations and JSON.
const char* convention_name(Convention convention);
const char* slot_kind_name(SlotKind kind);

}  // namespace memsim::stack
