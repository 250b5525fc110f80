#pragma once
// The MiniC interpreter: runs a compiled program one step at a time on a Host.
//
// One step is one source statement (an assignment, a test of a loop, a return...), or
// one memory event when the host asks for it (Report::end_step, after a page fault). A
// call steps into the function: the step that calls `fact(3)` ends where the first
// statement of fact begins, so the new frame is visible before anything runs in it.
// The very first step places the globals and string literals and calls main.
//
// The interpreter never recurses in C++ per simulated call: the simulated calls are a
// vector of ActiveCall records next to an operand stack, so a program that recurses
// forever only grows data, until the host reports a stack overflow (the guard page) or
// the step limit pauses it. The whole state is a plain value: copy it to checkpoint,
// assign it back to step back. The host is passed to each step, never kept.
//
//   auto program = compile(source);                 // Result<shared_ptr<const CompiledProgram>>
//   Interpreter run(*program, {.step_limit = 1'000'000});
//   FlatHost host(FlatHostConfig::for_model(DataModel::Lp64));
//   std::vector<Event> events;
//   while (run.running()) run.step(host, &events);
//   run.status() == Status::Exited; run.exit_code(); run.current_line();
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "memsim/minic/code.hpp"
#include "memsim/minic/events.hpp"
#include "memsim/minic/host.hpp"
#include "memsim/minic/library.hpp"

namespace memsim::minic {

struct InterpreterConfig {
    std::uint64_t step_limit = 10'000'000;  // steps before the program is paused
    bool statement_events = true;           // report a Statement event per step (when a sink is given)
    // The program's standard input (shared, never changed; null = empty) and its
    // command-line arguments after argv[0] ("prog"); check_program_input bounds both.
    std::shared_ptr<const std::string> stdin_text{};
    std::vector<std::string> args{};
};

// The most command-line arguments, and bytes of all of them, a program may be given.
inline constexpr std::size_t max_program_args = 256;
inline constexpr std::size_t max_program_arg_bytes = 1u << 16;
// The most bytes of standard input a program may be given.
inline constexpr std::size_t max_stdin_bytes = 16u << 20;

// Why the arguments or standard input are too large, or "" when they are fine.
std::string check_program_input(const std::vector<std::string>& args, std::size_t stdin_bytes);

enum class Status : std::uint8_t {
    NotStarted,  // the next step places globals and calls main
    Running,
    Exited,      // main returned or exit() was called
    Stopped,     // a fatal learner error (segfault, stack overflow, division by zero)
    Paused,      // the step limit was reached; raise it to go on
};

// A call in progress: which function, where to resume the caller, its variables' addresses.
struct ActiveCall {
    std::int32_t function = -1;
    std::uint32_t return_pc = 0;        // the caller's next instruction
    std::uint32_t addresses_base = 0;   // first entry in the interpreter's address table
    int call_line = 0;                  // the caller's line (for the return address)
    std::uint64_t return_slot = 0;      // a struct result: the caller's slot it is copied into

    bool operator==(const ActiveCall&) const = default;
};

// A variable-length array placed by its declaration (`int m[rows][cols];`): whose it is
// and the bytes of each dimension, outermost first (the whole array, a row, ...).
struct PlacedArray {
    std::uint32_t call = 0;              // index into the active calls
    std::int32_t local = -1;             // the local's index in its function
    std::vector<std::uint64_t> bytes{};  // bytes[0]: the whole array; bytes[d]: one element of dimension d - 1
    std::vector<std::uint64_t> counts{}; // the sizes the declaration computed, outermost first

    bool operator==(const PlacedArray&) const = default;
};

// A qsort or bsearch in progress: which comparator it calls and where it is. qsort is a
// stable merge sort (glibc's qsort is a merge sort too, so the order of equal elements is
// the same); bsearch halves [lo, hi) as glibc's does.
struct CallbackCall {
    Builtin id = Builtin::Qsort;
    std::int32_t compare = -1;       // the comparator's function index
    std::uint64_t key = 0;           // bsearch: what to look for
    std::uint64_t base = 0, count = 0, size = 0;
    std::uint64_t width = 1;         // qsort: the length of the sorted runs being merged
    std::uint64_t lo = 0, mid = 0, hi = 0;  // the runs [lo, mid) and [mid, hi)
    std::uint64_t i = 0, j = 0;      // the next element of each run
    bool merging = false;
    std::vector<std::uint8_t> merged{};  // the merged run so far, written back when complete

    bool operator==(const CallbackCall&) const = default;
};

// Which of the C library's own static data a program needs (errno, strerror's strings),
// and how many bytes they take: the machine sizes the program's segments with it.
struct LibraryUse {
    bool errno_value = false;  // errno, strerror or perror appear in the code
    bool strerror = false;     // strerror does
    std::uint64_t static_bytes() const;  // data and bss
    std::uint64_t string_bytes() const;  // read-only data
};
LibraryUse library_use(const CompiledProgram& program);

class Interpreter {
public:
    Interpreter(std::shared_ptr<const CompiledProgram> program, InterpreterConfig config = {});

    // Runs one step; events go to `sink` when given.
    void step(Host& host, std::vector<Event>* sink = nullptr);
    // Runs until the program exits, stops or pauses.
    void run(Host& host, std::vector<Event>* sink = nullptr);

    Status status() const { return status_; }
    bool running() const { return status_ == Status::NotStarted || status_ == Status::Running; }
    // The line of the statement the next step runs (or the last one, once ended); 0 before start.
    int current_line() const { return line_; }
    // The function the next step runs in ("" when no call is active).
    std::string current_function() const;
    std::uint64_t steps() const { return steps_; }
    std::uint64_t calls() const { return calls_made_; }      // user function calls, main included
    std::size_t depth() const { return calls_.size(); }       // active calls now
    std::size_t max_depth() const { return max_depth_; }
    std::uint64_t learner_errors() const { return learner_errors_; }
    int exit_code() const { return exit_code_; }
    // Why the program stopped or paused, in a sentence; empty while running or after a normal exit.
    const std::string& stop_reason() const { return stop_reason_; }
    // Raises the step limit (a paused program runs on with the next step).
    void set_step_limit(std::uint64_t limit);
    // Replaces the value the last library call returned, right after a step that ended
    // at it (Report::end_step_now): a fork's child is a copy of the parent that sees 0.
    void replace_call_result(std::uint64_t value) { values_.back() = value; }

    const CompiledProgram& program() const { return *program_; }
    // The values being computed (the operand stack): what a real CPU keeps in registers,
    // such as a pointer a function just returned. Leak checks count them as roots.
    const std::vector<std::uint64_t>& operands() const { return values_; }
    const std::vector<ActiveCall>& active_calls() const { return calls_; }
    // The code address of function `index` (a function pointer's value), once started.
    std::uint64_t function_address(std::size_t index) const { return function_addresses_[index]; }
    // The function whose code address is `address`, or -1.
    std::int32_t function_at(std::uint64_t address) const;
    // The address of local `index` of active call `call`, or of a global or string.
    std::uint64_t local_address(std::size_t call, std::size_t index) const;
    // The variable-length array local `index` of active call `call` placed, or nullptr (not
    // declared yet, or not such an array).
    const PlacedArray* placed_array(std::size_t call, std::size_t index) const;
    std::uint64_t global_address(std::size_t index) const { return global_addresses_[index]; }
    std::uint64_t string_address(std::size_t index) const { return string_addresses_[index]; }
    // The heap blocks the program holds, by payload address, with the type the program
    // gave each one: the target type of the first typed pointer its address was stored
    // in (`struct node *n = malloc(...)` gives struct node); void until then.
    const std::map<std::uint64_t, TypeId>& allocation_types() const { return allocation_types_; }
    // What the C library remembers (rand's state, strtok's position, how much of stdin was read).
    const LibraryState& library_state() const { return library_; }

    bool operator==(const Interpreter& other) const;

private:
    std::shared_ptr<const CompiledProgram> program_;  // immutable; shared by copies
    InterpreterConfig config_;
    Status status_ = Status::NotStarted;
    std::uint32_t pc_ = 0;
    int line_ = 0;
    std::vector<std::uint64_t> values_{};          // the operand stack
    std::vector<ActiveCall> calls_{};
    std::vector<std::uint64_t> addresses_{};       // per call: its locals' addresses (params first)
    std::vector<PlacedArray> arrays_{};            // the variable-length arrays placed, oldest first
    std::vector<std::uint64_t> global_addresses_{};
    std::vector<std::uint64_t> string_addresses_{};
    std::map<std::uint64_t, TypeId> allocation_types_{};
    LibraryState library_{};
    LibraryData library_data_{};  // errno and strerror's strings in the program's memory
    std::vector<std::uint64_t> function_addresses_{};
    std::vector<CallbackCall> callbacks_{};  // qsort and bsearch calls in progress, innermost last
    std::uint64_t steps_ = 0;
    std::uint64_t calls_made_ = 0;
    std::size_t max_depth_ = 0;
    std::uint64_t learner_errors_ = 0;
    int exit_code_ = 0;
    std::string stop_reason_{};
    bool end_step_ = false;  // the host asked to end this step; always false between steps
    bool end_now_ = false;   // the host asked to end the step before the next instruction

    void start(Host& host, std::vector<Event>* sink);
    // Places errno (and strerror's strings) when the program uses them.
    void place_library_data(Host& host);
    void execute(Host& host, std::vector<Event>* sink);
    bool enter(std::int32_t function, Host& host, std::vector<Event>* sink);
    bool enter(std::int32_t function, std::uint32_t return_pc, Host& host, std::vector<Event>* sink);
    // A call through a function pointer: the pointer must name a function of the program.
    // `struct_result`: the bytes of the struct the pointer's type returns (0: none).
    bool call_indirect(std::uint64_t pointer, std::size_t argc, std::uint64_t struct_result, Host& host,
                       std::vector<Event>* sink);
    // Copies `bytes` bytes, each a load and a store through the host (struct copies).
    bool copy_bytes(Host& host, std::uint64_t from, std::uint64_t to, std::uint64_t bytes, std::vector<Event>* sink);
    // qsort and bsearch (interpreter_callbacks.cpp).
    void start_callback(const Instr& in, Host& host, std::vector<Event>* sink);
    void resume_callback(Host& host, std::vector<Event>* sink);
    // Runs the callback until it needs the comparator (then calls it) or is done.
    void advance_callback(std::int64_t compared, bool has_result, Host& host, std::vector<Event>* sink);
    bool append_element(CallbackCall& c, std::uint64_t index, Host& host, std::vector<Event>* sink);
    void leave(bool has_value, Host& host, std::vector<Event>* sink);
    void builtin(const Instr& in, Host& host, std::vector<Event>* sink);
    // A load or store through the host, turning its reports into events; false = stop.
    bool load(Host& host, std::uint64_t address, std::uint8_t size, bool is_signed, std::uint64_t& value,
              std::vector<Event>* sink);
    bool store(Host& host, std::uint64_t address, std::uint8_t size, std::uint64_t value, std::vector<Event>* sink);
    void uninitialized_read(std::uint64_t address, std::vector<Event>* sink);
    Event switch_choice(const Instr& in, std::uint64_t value) const;
    Event statement_event() const;
    void place_static_arguments(Host& host);  // argv in static data, for a host without a stack top
    // Keeps allocation_types_ in step with malloc, calloc, realloc and free.
    void track_allocation(Builtin id, std::span<const std::uint64_t> args, std::uint64_t result);
    // A store of `value` into a pointer of type `pointer_type` types the block it names.
    void type_allocation(std::uint64_t value, TypeId pointer_type);
    void finish(int code, Host& host, std::vector<Event>* sink);
    // Turns a host report into events; returns false when the program must stop.
    bool take(Report report, std::vector<Event>* sink);
    void stop(EventKind kind, std::string reason, std::vector<Event>* sink);
    // `int a[n];` as it runs (ArrayPush): the sizes are on the operand stack.
    bool push_array(const Instr& in, Host& host, std::vector<Event>* sink);
    void pop_array(std::int32_t local, Host& host);
    void keep_arrays(std::size_t count, Host& host);  // release this call's arrays after the first `count`
    std::uint64_t array_bytes(std::int32_t local, std::int32_t depth) const;
    void emit(std::vector<Event>* sink, Event event) const;
};


// "running", "exited", "stopped", ... for summaries.
const char* status_name(Status status);

}  // namespace memsim::minic
